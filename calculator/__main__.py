"""The calculator on the command line: ``ssi MODE ...`` (or ``python -m calculator MODE ...``) prints what the
site shows. ``pip install .`` installs the ``ssi`` command.

Required fields are positional, in the order the form lists them; optional ones are ``--options``::

    python -m calculator interpret 20.998 6.4 10.25 15 --industry-average 34

Installed as a package, the same command is ``ssi`` (``ssi --help`` lists every calculator).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import PurePath

from .fields import FormErrors
from .modes import ALIASES, add_option, add_positional, cli_errors, cli_notes, evaluate, registry


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
