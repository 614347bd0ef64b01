"""The calculator on the command line: ``ssi MODE ...`` (or ``python -m calculator MODE ...``) prints what the
site shows. ``pip install .`` installs the ``ssi`` command.

Required fields are positional, in the order the form lists them; optional ones are ``--options``::

    ssi interpret 20.998 6.4 10.25 15 --industry-average 34
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import PurePath

from .inputs import parse_form
from .modes import FormErrors, registry


def program_name(argv0: str) -> str:
    r"""What help and error messages call the command: the name the user typed.

    >>> program_name("/home/me/.venv/bin/ssi"), program_name("C:\\venv\\Scripts\\ssi.exe")
    ('ssi', 'ssi')
    >>> program_name("/src/calculator/__main__.py")
    'python -m calculator'
    """
    return "ssi" if PurePath(argv0.replace("\\", "/")).stem == "ssi" else "python -m calculator"


def build_parser(prog: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog or program_name(sys.argv[0] if sys.argv else ""),
                                     description="SSI Field Guide calculator.")
    commands = parser.add_subparsers(dest="mode", required=True, metavar="MODE")
    groups: dict[str, argparse._SubParsersAction[argparse.ArgumentParser]] = {}
    members: dict[str, list[str]] = {}  # so that --help names every calculator, grouped ones too
    for mode in registry().values():
        if mode.cli_group:
            members.setdefault(mode.cli_group, []).append(mode.name)
    for mode in registry().values():
        parent = commands
        if mode.cli_group:  # e.g. ``outreach funnel``: the group's command holds its modes as subcommands
            if mode.cli_group not in groups:
                names = ", ".join(members[mode.cli_group])
                group = commands.add_parser(mode.cli_group, help=f"{mode.cli_group} calculators: {names}")
                groups[mode.cli_group] = group.add_subparsers(dest="group_mode", required=True, metavar="MODE")
            parent = groups[mode.cli_group]
        sub = parent.add_parser(mode.name, help=mode.title, description=mode.title)
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
    mode = registry()[getattr(args, "group_mode", None) or args.mode]
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
