"""What the ``estimate`` and ``plan`` command lines share: profile files in, messages for what is wrong out."""

from __future__ import annotations

import argparse
import sys

from ..fields import FieldError, FormErrors, parse_form
from ..modes import cli_errors
from .profile import PROFILE_FIELDS, inputs_from, load_profile
from .score import Estimate, estimate


def add_profile_argument(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--profile", metavar="FILE", help=help_text)


def cli_values(path: str | None) -> dict[str, str]:
    """Form values from a profile file, or the example values; FieldError for a file that cannot be used."""
    return load_profile(path) if path else {f.name: f.default for f in PROFILE_FIELDS}


def read_values(path: str | None) -> dict[str, str] | None:
    """:func:`cli_values`, printing the problem (and returning None) for a file that cannot be used."""
    try:
        return cli_values(path)
    except FieldError as error:
        print(f"error: {error}", file=sys.stderr)
        return None


def cli_estimate(path: str | None) -> Estimate | None:
    """Parse a profile for the command line, printing what is wrong (and returning None) when it cannot be used."""
    values = read_values(path)
    if values is None:
        return None
    try:
        return estimate(inputs_from(parse_form(PROFILE_FIELDS, values)))
    except FormErrors as problem:
        sys.stderr.write(cli_errors(PROFILE_FIELDS, values, problem.errors, f"{path}: " if path else "", by_key=True))
        return None
