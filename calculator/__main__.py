"""The calculator on the command line: ``python -m calculator MODE ...`` prints what the site shows.

Required fields are positional, in the order the form lists them; optional ones are ``--options``::

    python -m calculator interpret 20.998 6.4 10.25 15 --industry-average 34
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .fields import FormErrors, parse_form
from .modes import ALIASES, registry


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m calculator", description="SSI Field Guide calculator.")
    commands = parser.add_subparsers(dest="mode", required=True, metavar="MODE")
    groups: dict[str, argparse._SubParsersAction[argparse.ArgumentParser]] = {}
    for mode in registry().values():
        parent = commands
        if mode.cli_group:  # e.g. ``outreach funnel``: the group's command holds its modes as subcommands
            if mode.cli_group not in groups:
                group = commands.add_parser(mode.cli_group, help=f"{mode.cli_group} calculators")
                groups[mode.cli_group] = group.add_subparsers(dest="group_mode", required=True, metavar="MODE")
            parent = groups[mode.cli_group]
        aliases = [old for old, new in ALIASES.items() if new == mode.name]  # old names keep working
        sub = parent.add_parser(mode.name, aliases=aliases, help=mode.title, description=mode.title)
        if mode.add_arguments is not None:
            mode.add_arguments(sub)
            continue
        for field in mode.fields:
            text = f"{field.label}: {field.help}".replace("%", "%%")  # argparse formats help with %
            if field.required:
                sub.add_argument(field.name, metavar=field.name.upper(), help=text)
            else:
                sub.add_argument("--" + field.name.replace("_", "-"), dest=field.name, default="",
                                 metavar="N", help=text)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    name = getattr(args, "group_mode", None) or args.mode
    mode = registry()[ALIASES.get(name, name)]
    if mode.main is not None:
        return mode.main(args)
    values = {f.name: getattr(args, f.name) for f in mode.fields}
    parsed, errors = parse_form(mode.fields, values)
    if not errors:
        try:
            sys.stdout.write(mode.render_text(mode.run(parsed)))
            return 0
        except FormErrors as problem:
            errors = problem.errors
    for field in mode.fields:
        if field.name in errors:
            print(f"{field.label} ({values[field.name]!r}): {errors[field.name]}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
