"""Form fields and the validation of what people type into them.

Every mode declares its fields as :class:`Field` values. :func:`parse_form` turns the raw strings from a form
(or the command line) into typed values, or into one clear message per field; nothing a person types can
make it raise.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

# Longer than any honest number a form here asks for; stops absurd pastes before any parsing.
MAX_CHARS = 24
MAX_TEXT_CHARS = 500

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")

Kind = Literal["number", "choice", "check", "text", "textarea", "file"]


@dataclass(frozen=True)
class Field:
    """One form field: what it is called, what it accepts, and how to explain it.

    ``kind`` is "number" (the default), "choice" (one of ``choices``, a select), "check" (a yes/no checkbox,
    value "on" or ""), "text" (free text, at most ``MAX_TEXT_CHARS`` characters), "textarea" (the same on
    several lines), or "file" (a file chooser: the page sends the file as an action, never as a value;
    ``choices`` may hold one ("accept", ".csv,.json") pair).
    """

    name: str
    label: str
    help: str
    minimum: Decimal = Decimal(0)
    maximum: Decimal = Decimal(0)
    places: int = 3
    required: bool = False
    default: str = ""
    group: str = ""
    percent: bool = False  # accepts "Top 9%", "9 %", "9"
    what: str = "value"  # how messages name the value, e.g. "pillar score"
    kind: Kind = "number"
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) for a choice field
    unit: str = ""  # shown after a number field, e.g. "per week"


def count_field(name: str, label: str, help_text: str, default: str, group: str, maximum: int = 1_000_000,
                required: bool = False, unit: str = "") -> Field:
    """A field for a count of things: a whole number from 0 to ``maximum``."""
    return Field(name, label, help_text, Decimal(0), Decimal(maximum), places=0, required=required, default=default,
                 group=group, what="count", unit=unit)


class FieldError(ValueError):
    """A value that cannot be used, with a message meant for the person who typed it."""


class FormErrors(Exception):
    """Values that are each valid but do not fit together; messages keyed by field name."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


Value = Decimal | str | bool | None


class Parsed(dict[str, Value]):
    """Parsed form values, with typed getters so modes need no casts."""

    def number(self, name: str) -> Decimal | None:
        value = self.get(name)
        return value if isinstance(value, Decimal) else None

    def required_number(self, name: str) -> Decimal:
        value = self.number(name)
        if value is None:
            raise KeyError(f"{name} is required but was not parsed")
        return value

    def whole(self, name: str) -> int | None:
        """A count field's value as an int; None when it was left empty."""
        value = self.number(name)
        return None if value is None else int(value)

    def text(self, name: str) -> str:
        value = self.get(name)
        return value if isinstance(value, str) else ""

    def flag(self, name: str) -> bool:
        return self.get(name) is True


def parse_number(raw: str, field: Field) -> Decimal | None:
    """Read one typed number; None when an optional field is left empty.

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
        if field.places == 0:
            raise FieldError(f"Use a whole number for the {field.what}.")
        raise FieldError(f"Use at most {field.places} decimal places, as the dashboard does.")
    return value + 0  # drops a "-0" sign and normalises the representation


def parse_value(raw: str, field: Field) -> Value:
    """Read one typed value of any kind of field."""
    if field.kind == "number":
        return parse_number(raw, field)
    if field.kind == "check":
        return raw.strip().lower() in ("on", "true", "yes", "1")
    if field.kind == "file":
        return None  # files arrive with the request's action, not among the form values
    if field.kind == "choice":
        allowed = {value for value, _ in field.choices}
        choice = raw.strip()
        if choice in allowed:
            return choice
        if not choice and not field.required:
            return field.default if field.default in allowed else None
        raise FieldError("Choose one of the options in the list.")
    text = raw.strip()
    if len(text) > MAX_TEXT_CHARS:
        raise FieldError(f"Keep this under {MAX_TEXT_CHARS} characters.")
    if field.required and not text:
        raise FieldError(f"Enter the {field.what}.")
    return text


def parse_form(fields: Sequence[Field], values: Mapping[str, object]) -> tuple[Parsed, dict[str, str]]:
    """Parse every field; return the values that parsed and a message for each that did not.

    Values that are not strings (a corrupt saved form, a hand-written JSON request) are reported on their
    field like any other bad input.
    """
    parsed = Parsed()
    errors: dict[str, str] = {}
    for field in fields:
        raw = values.get(field.name, "")
        if raw is None:
            raw = ""
        if not isinstance(raw, str):
            errors[field.name] = "This value could not be read. Type it again."
            continue
        try:
            parsed[field.name] = parse_value(raw, field)
        except FieldError as error:
            errors[field.name] = str(error)
    return parsed, errors


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _example(field: Field) -> str:
    return "9" if field.percent else "12.5"
