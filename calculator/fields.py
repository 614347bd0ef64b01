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
# The largest file a file field reads; the page does not even read a larger one, and Python says why by its size.
MAX_FILE_BYTES = 5 * 1024 * 1024

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")

Kind = Literal["number", "choice", "check", "text", "textarea", "file"]


@dataclass(frozen=True)
class Field:
    """One form field: what it is called, what it accepts, and how to explain it.

    ``kind`` is "number" (the default), "choice" (one of ``choices``, a select), "check" (a yes/no checkbox,
    value "on" or ""), "text" (free text, at most ``MAX_TEXT_CHARS`` characters), "textarea" (the same on
    several lines), or "file" (a file chooser: the page sends the file as an action, never as a value;
    ``choices`` may hold one ("accept", ".csv,.json") pair, and ("multiple", "") for several files at once).
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
    """Parsed form values, with typed getters so modes need no casts.

    ``notes`` says, by field name, how an entry that could be read two ways was read (see :func:`read_number`).
    """

    def __init__(self, values: Mapping[str, Value] | None = None) -> None:
        super().__init__(values or {})
        self.notes: dict[str, str] = {}

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


Problem = Literal["missing", "too_long", "not_a_number", "negative", "range", "places"]


class NumberError(FieldError):
    """A typed number that cannot be used: what is wrong (``problem``), the text as read, and the field.

    ``str()`` is the message shown next to a form field; other places (a rejected row of an imported file)
    phrase the same ``problem`` their own way.
    """

    def __init__(self, problem: Problem, text: str, field: Field) -> None:
        self.problem, self.text, self.field = problem, text, field
        super().__init__(_form_message(problem, field))


@dataclass(frozen=True)
class Entry:
    """A typed number as read: its value (None for an empty optional field) and, for an entry that could be
    read two ways ("1,250": 1.25 or 1250?), a sentence saying how it was read."""

    value: Decimal | None
    note: str = ""


def parse_number(raw: str, field: Field) -> Decimal | None:
    """Read one typed number; None when an optional field is left empty. Raises :class:`NumberError`.

    This is the one reader of numbers: forms, the command line, imported files and saved readings all use it.
    Thousands may be grouped with commas, dots or spaces (also no-break and thin spaces) where that can only
    mean thousands; a single comma is a decimal comma, as many dashboards outside English show.

    >>> f, count = Field("x", "X", "", Decimal(0), Decimal(25)), count_field("n", "N", "", "", "")
    >>> parse_number(" 20,998 ", f), parse_number("1,200", count), parse_number("1.200", count)
    (Decimal('20.998'), Decimal('1200'), Decimal('1200'))
    >>> parse_number("1\u202f200", count), parse_number("", f) is None
    (Decimal('1200'), True)
    """
    return read_number(raw, field).value


def read_number(raw: str, field: Field) -> Entry:
    """:func:`parse_number`, also saying how an entry that could be read two ways was read.

    >>> read_number("1,250", Field("x", "X", "", Decimal(0), Decimal(10_000), places=0)).value
    Decimal('1250')
    >>> read_number("1,250", Field("x", "X", "", Decimal(0), Decimal(10_000), places=3)).note
    '“1,250” was read as 1.25, with a decimal comma. For 1250, type it without the comma.'
    """
    text = raw.strip()
    if field.percent:
        text = re.sub(r"^top\s*", "", text, flags=re.IGNORECASE).rstrip("% ").strip()
    if not text:
        if field.required:
            raise NumberError("missing", text, field)
        return Entry(None)
    if len(text) > MAX_CHARS:
        raise NumberError("too_long", text, field)
    sign, digits = (text[0], text[1:]) if text[0] in "+-" else ("", text)
    if _SPACED.fullmatch(digits):
        digits = _SPACES.sub("", digits)  # "1 200", "1 200,5": spaces only ever group thousands
    readings = _readings(digits, field)
    chosen = next((r for r in readings if _fits(sign + r, field)), readings[0])
    try:
        value = _checked(sign + chosen, text, field)
    except NumberError as error:
        if len(readings) > 1:  # say how it was read, since the message is about that reading
            error.args = (f"{error} “{text}” was read as {_plain(chosen)}.",)
        raise
    other = next((r for r in readings if r != chosen), None)
    if other is not None and (chosen != readings[0] or _fits(sign + other, field)):
        return Entry(value, _how_read(text, chosen, other))
    return Entry(value)


# Digit groups of three after a separator: the shapes that can mean thousands.
_SPACES = re.compile("[ \u00a0\u2009\u202f]")
_SPACED = re.compile(r"\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:[.,]\d+)?")
_GROUPED = {",": re.compile(r"\d{1,3}(?:,\d{3})+"), ".": re.compile(r"\d{1,3}(?:\.\d{3})+")}


def _readings(digits: str, field: Field) -> list[str]:
    """The plain decimal text(s) an entry can mean, the usual reading first."""
    commas, dots = digits.count(","), digits.count(".")
    if commas and dots:  # "1,234.5" or "1.234,5": the last mark is the decimal one, the other groups
        mark, group = (",", ".") if digits.rfind(",") > digits.rfind(".") else (".", ",")
        whole, _, fraction = digits.rpartition(mark)
        if _GROUPED[group].fullmatch(whole) and fraction.isdigit():
            return [whole.replace(group, "") + "." + fraction]
        return [digits]
    if not commas and not dots:
        return [digits]
    mark = "," if commas else "."
    thousands = digits.replace(mark, "") if _GROUPED[mark].fullmatch(digits) else None
    if commas + dots > 1:  # "1,250,000": only thousands have more than one mark
        return [thousands or digits]
    decimal = digits.replace(",", ".")
    if thousands is None:
        return [decimal]
    return [thousands, decimal] if field.places == 0 else [decimal, thousands]


def _checked(text: str, typed: str, field: Field) -> Decimal:
    if not _NUMBER.fullmatch(text):
        raise NumberError("not_a_number", typed, field)
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern above admits only valid decimals
        raise NumberError("not_a_number", typed, field) from None
    if value < 0:
        raise NumberError("negative", typed, field)
    if value < field.minimum or value > field.maximum:
        raise NumberError("range", typed, field)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > field.places:
        raise NumberError("places", typed, field)
    return value + 0  # drops a "-0" sign and normalises the representation


def _fits(text: str, field: Field) -> bool:
    try:
        _checked(text, text, field)
    except NumberError:
        return False
    return True


def _plain(text: str) -> str:
    return bound(Decimal(text)) if _NUMBER.fullmatch(text) else text


def _how_read(typed: str, chosen: str, other: str) -> str:
    mark = "comma" if "," in typed else "dot"
    read, meant = _plain(chosen), _plain(other)
    if "." in chosen:
        return f"“{typed}” was read as {read}, with a decimal {mark}. For {meant}, type it without the {mark}."
    return f"“{typed}” was read as {read}: the {mark} separates thousands. For {meant}, type {meant}."


def _form_message(problem: Problem, field: Field) -> str:
    low, high, what = bound(field.minimum), bound(field.maximum), field.what
    example = "9" if field.percent else "12.5"
    messages: dict[Problem, str] = {
        "missing": f"Enter a {what} from {low} to {high}.",
        "too_long": f"That is too long to be a {what}. Type a number such as {example}.",
        "not_a_number": f"This is not a number. Type a number such as {example}.",
        "negative": f"A {what} cannot be negative; the lowest is {low}.",
        "range": f"A {what} is between {low} and {high}.",
        "places": f"Use a whole number for the {what}." if field.places == 0
        else f"Use at most {field.places} decimal place{'s' if field.places > 1 else ''}, as the dashboard does.",
    }
    return messages[problem]


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


def parse_form(fields: Sequence[Field], values: Mapping[str, object]) -> Parsed:
    """Parse every field; raises :class:`FormErrors` with a message for each field that did not parse.

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
            if field.kind == "number":
                entry = read_number(raw, field)
                parsed[field.name] = entry.value
                if entry.note:
                    parsed.notes[field.name] = entry.note
            else:
                parsed[field.name] = parse_value(raw, field)
        except FieldError as error:
            errors[field.name] = str(error)
    if errors:
        raise FormErrors(errors)
    return parsed


def bound(value: Decimal) -> str:
    """A field's lowest or highest value for a message: plain digits, no exponent, no trailing zeros.

    >>> bound(Decimal("1E+2")), bound(Decimal("2.50"))
    ('100', '2.5')
    """
    return format(value.normalize(), "f")
