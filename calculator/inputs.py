"""Form fields and the validation of what people type into them.

Every mode declares its fields here-style as :class:`Field` values. :func:`parse_form` turns the raw strings
from a form (or the command line) into numbers, or into one clear message per field; nothing a person types
can make it raise.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Longer than any honest number a form here asks for; stops absurd pastes before any parsing.
MAX_CHARS = 24

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


@dataclass(frozen=True)
class Field:
    """One form field: what it is called, what it accepts, and how to explain it."""

    name: str
    label: str
    help: str
    minimum: Decimal
    maximum: Decimal
    places: int = 3
    required: bool = False
    default: str = ""
    group: str = ""
    percent: bool = False  # accepts "Top 9%", "9 %", "9"
    what: str = "value"  # how messages name the value, e.g. "pillar score"


class FieldError(ValueError):
    """A value that cannot be used, with a message meant for the person who typed it."""


def parse_number(raw: str, field: Field) -> Decimal | None:
    """Read one typed value; None when an optional field is left empty.

    >>> f = Field("x", "X", "", Decimal(0), Decimal(25))
    >>> parse_number(" 20,998 ", f)
    Decimal('20.998')
    >>> parse_number("", f) is None
    True
    """
    text = raw.strip()
    if field.percent:
        text = re.sub(r"^top\s*", "", text, flags=re.IGNORECASE).rstrip("% ").strip()
    if not text:
        if field.required:
            raise FieldError(f"Enter a {field.what} from {_fmt(field.minimum)} to {_fmt(field.maximum)}.")
        return None
    if len(text) > MAX_CHARS:
        raise FieldError(f"That is too long to be a {field.what}. Type a number such as {_example(field)}.")
    if "," in text and "." not in text and text.count(",") == 1:
        text = text.replace(",", ".")  # a decimal comma, as many dashboards outside English show
    if not _NUMBER.fullmatch(text):
        raise FieldError(f"This is not a number. Type a number such as {_example(field)}.")
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern above admits only valid decimals
        raise FieldError(f"This is not a number. Type a number such as {_example(field)}.") from None
    if value < 0:
        raise FieldError(f"A {field.what} cannot be negative; the lowest is {_fmt(field.minimum)}.")
    if value < field.minimum or value > field.maximum:
        raise FieldError(f"A {field.what} is between {_fmt(field.minimum)} and {_fmt(field.maximum)}.")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > field.places:
        raise FieldError(f"Use at most {field.places} decimal places, as the dashboard does.")
    return value + 0  # drops a "-0" sign and normalises the representation


def parse_form(
    fields: Sequence[Field], values: Mapping[str, object]
) -> tuple[dict[str, Decimal | None], dict[str, str]]:
    """Parse every field; return the values that parsed and a message for each that did not.

    Values that are not strings (a corrupt saved form, a hand-written JSON request) are reported on their
    field like any other bad input.
    """
    parsed: dict[str, Decimal | None] = {}
    errors: dict[str, str] = {}
    for field in fields:
        raw = values.get(field.name, "")
        if raw is None:
            raw = ""
        if not isinstance(raw, str):
            errors[field.name] = "This value could not be read. Type it again."
            continue
        try:
            parsed[field.name] = parse_number(raw, field)
        except FieldError as error:
            errors[field.name] = str(error)
    return parsed, errors


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _example(field: Field) -> str:
    return "9" if field.percent else "12.5"
