"""The calculator on the command line: ``python -m calculator MODE ...`` prints what the site shows.

Required fields are positional, in the order the form lists them; optional ones are ``--options``::

    python -m calculator interpret 20.998 6.4 10.25 15 --industry-average 34

Installed as a package, the same command is ``ssi`` (``ssi --help`` lists every calculator).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .fields import FormErrors
from .modes import ALIASES, add_option, add_positional, cli_errors, cli_notes, evaluate, registry


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
        if mode.command is not None:
            mode.command.add_arguments(sub)
            continue
        for field in mode.fields:
            if field.required:
                add_positional(sub, field)
            else:
                add_option(sub, field)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command line (``sys.argv`` when ``argv`` is None); returns the exit status."""
    args = build_parser().parse_args(argv)
    name = getattr(args, "group_mode", None) or args.mode
    mode = registry()[ALIASES.get(name, name)]
    if mode.command is not None:
        return mode.command.main(args)
    values = {f.name: getattr(args, f.name) for f in mode.fields}
    try:
        evaluated = evaluate(mode, values)
    except FormErrors as problem:
        sys.stderr.write(cli_errors(mode.fields, values, problem.errors))
        return 2
    sys.stderr.write(cli_notes(mode.fields, evaluated.notes))
    sys.stdout.write(mode.render_text(evaluated.result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
