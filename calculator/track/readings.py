"""Saved SSI readings: one reading per date, its values checked, and the rules for changing a history.

Values stay :class:`~decimal.Decimal` from the moment they are read, so a reading exported and imported again
is the same to the last digit. Everything here is pure: a history is a tuple of readings sorted by date, and
every change returns a new tuple.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from ..fields import Field, FieldError, FormErrors, NumberError, bound, parse_number
from ..pillars import Pillar, shown_total

PILLARS: tuple[str, ...] = tuple(p.value for p in Pillar)
OPTIONAL: tuple[str, ...] = ("industry_rank", "network_rank", "industry_average", "network_average")
VALUES: tuple[str, ...] = PILLARS + OPTIONAL
LABELS: dict[str, str] = {
    **{p.value: p.title for p in Pillar},
    "industry_rank": "Industry rank (Top N%)",
    "network_rank": "Network rank (Top N%)",
    "industry_average": "Industry average SSI",
    "network_average": "Network average SSI",
}

# The SSI appeared in 2014; an earlier date is a typing slip, not a reading.
FIRST_DATE = date(2014, 1, 1)
MAX_NOTE = 500



def _value_field(name: str, low: int, high: int, places: int) -> Field:
    rank = name.endswith("_rank")
    what = "pillar score" if name in PILLARS else "rank" if rank else "average"
    return Field(name, LABELS[name], "", Decimal(low), Decimal(high), places=places, percent=rank, what=what)


# What each value of a reading accepts: the track form's fields are these, with help text added.
VALUE_FIELDS: dict[str, Field] = {
    **{p: _value_field(p, 0, 25, 3) for p in PILLARS},
    "industry_rank": _value_field("industry_rank", 1, 100, 1),
    "network_rank": _value_field("network_rank", 1, 100, 1),
    "industry_average": _value_field("industry_average", 0, 100, 2),
    "network_average": _value_field("network_average", 0, 100, 2),
}

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # \d: a decimal digit of any script
_DIGIT = re.compile(r"\d")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


@dataclass(frozen=True)
class Reading:
    """One day's dashboard values. The total is the sum of the pillars, as LinkedIn computes it.

    >>> r = Reading(date(2026, 5, 19), Decimal("20.998"), Decimal("6.4"), Decimal("10.25"), Decimal("15"))
    >>> r.total, r.shown_total
    (Decimal('52.648'), 53)
    """

    day: date
    brand: Decimal
    find: Decimal
    engage: Decimal
    relate: Decimal
    industry_rank: Decimal | None = None
    network_rank: Decimal | None = None
    industry_average: Decimal | None = None
    network_average: Decimal | None = None
    note: str = ""

    @property
    def total(self) -> Decimal:
        return self.brand + self.find + self.engage + self.relate

    @property
    def shown_total(self) -> int:
        """The total as the dashboard shows it: a whole number, halves rounded up."""
        return shown_total(self.total)

    def value(self, name: str) -> Decimal | None:
        """A pillar or optional value by name; "total" gives the total."""
        if name == "total":
            return self.total
        found: Decimal | None = getattr(self, name)
        return found


History = tuple[Reading, ...]


# Readings repeat the same few values (scores move slowly), so a history of years holds few distinct texts:
# remembering each text's answer keeps loading five years of readings cheap. Decimals are immutable.
_SEEN: dict[tuple[str, str], Decimal | str | None] = {}
_SEEN_MAX = 20_000


def read_number(raw: object, name: str) -> Decimal | None:
    """Read one value of a reading from text; None when it is empty. Raises FieldError with a clause.

    >>> read_number(" 20,998 ", "brand"), read_number("Top 9%", "industry_rank"), read_number("", "network_rank")
    (Decimal('20.998'), Decimal('9'), None)
    """
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise FieldError("is not a number")
    key = (raw, name)
    if key in _SEEN:
        found = _SEEN[key]
    else:
        try:
            found = _read_number(raw, name)
        except FieldError as error:
            found = str(error)
        if len(_SEEN) >= _SEEN_MAX:
            _SEEN.clear()
        _SEEN[key] = found
    if isinstance(found, str):
        raise FieldError(found)
    return found


def _read_number(raw: str, name: str) -> Decimal | None:
    try:
        return parse_number(raw, VALUE_FIELDS[name])
    except NumberError as error:
        raise FieldError(_clause(error)) from None


def _clause(error: NumberError) -> str:
    """The problem as a clause after the value's name, as a list of rejected rows shows it."""
    text, field = error.text, error.field
    if error.problem in ("range", "negative"):
        return f"{text} is outside {bound(field.minimum)} to {bound(field.maximum)}"
    if error.problem == "places":
        return f"{text} has more than {field.places} decimal places"
    shown = text if len(text) <= 20 else text[:20] + "…"
    return f"“{shown}” is not a number"


def read_date(raw: object, today: date | None = None) -> date:
    """Read a date written as YYYY-MM-DD; with ``today``, a date more than a day ahead is refused.

    Digits of any script are read, as number fields read them:

    >>> read_date("2026-05-19"), read_date("٢٠٢٦-٠٥-١٩"), read_date("２０２６-０５-１９")
    (datetime.date(2026, 5, 19), datetime.date(2026, 5, 19), datetime.date(2026, 5, 19))
    """
    if not isinstance(raw, str) or not _DATE.fullmatch(raw.strip()):
        shown = raw if isinstance(raw, str) and len(raw) <= 20 else "this"
        raise FieldError(f"“{shown}” is not a date written as YYYY-MM-DD, such as 2026-05-19")
    try:
        day = date.fromisoformat(_DIGIT.sub(lambda d: str(unicodedata.decimal(d[0])), raw.strip()))
    except ValueError:
        raise FieldError(f"{raw.strip()} is not a real date") from None
    if day < FIRST_DATE:
        raise FieldError(f"{day} is before the SSI existed (2014)")
    if today is not None and day > today + timedelta(days=1):
        raise FieldError(f"{day} is in the future")
    return day


def clean_note(raw: object) -> str:
    """A note on one line: control characters become spaces, the ends are trimmed.

    >>> clean_note("  called\\tthree\\nprospects ")
    'called three prospects'
    """
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise FieldError("the note is not text")
    note = _CONTROL.sub(" ", raw).strip()
    if len(note) > MAX_NOTE:
        raise FieldError(f"the note is longer than {MAX_NOTE} characters")
    return note


def make_reading(values: Mapping[str, object], today: date | None = None) -> Reading:
    """Build a reading from raw values keyed "date", the value names and "note".

    Raises :class:`FormErrors` with a message (a clause after the value's name) for each bad value.

    >>> make_reading({"date": "2026-05-19", "brand": "20.998", "find": "6,4", "engage": "x"})
    Traceback (most recent call last):
    calculator.fields.FormErrors: {'engage': '“x” is not a number', 'relate': 'missing'}
    """
    errors: dict[str, str] = {}
    get = values.get
    try:
        day = read_date(get("date"), today)
    except FieldError as error:
        errors["date"] = str(error)
    numbers: list[Decimal | None] = []
    for name in VALUES:
        try:
            number = read_number(get(name), name)
        except FieldError as error:
            errors[name] = str(error)
            number = None
        else:
            if number is None and name in _REQUIRED:
                errors[name] = "missing"
        numbers.append(number)
    raw_note = get("note")
    try:
        note = clean_note(raw_note) if raw_note else ""
    except FieldError as error:
        errors["note"] = str(error)
    if errors:
        raise FormErrors(errors)
    brand, find, engage, relate = (_present(n) for n in numbers[:4])
    return Reading(day, brand, find, engage, relate, numbers[4], numbers[5], numbers[6], numbers[7], note)


_REQUIRED = frozenset(PILLARS)


def _present(value: Decimal | None) -> Decimal:
    if value is None:  # pragma: no cover - make_reading reports a missing pillar before it gets here
        raise FieldError("missing")
    return value


# ---- a history: one reading per date, sorted ------------------------------------------------------------


def sort_history(readings: Iterable[Reading]) -> History:
    """Readings by date; for a date given twice the later one wins (the one-per-date rule)."""
    return tuple(sorted({r.day: r for r in readings}.values(), key=lambda r: r.day))


def upsert(history: History, reading: Reading) -> tuple[History, Reading | None]:
    """Add a reading; one already saved for its date is replaced and returned, so the person can be told."""
    old = next((r for r in history if r.day == reading.day), None)
    return sort_history([*history, reading]), old


def remove(history: History, day: date) -> tuple[History, Reading | None]:
    """Remove the reading of ``day``; returns the removed reading (None when there was none)."""
    old = next((r for r in history if r.day == day), None)
    return tuple(r for r in history if r.day != day), old


@dataclass(frozen=True)
class Merge:
    history: History
    added: History
    unchanged: int
    conflicts: tuple[tuple[Reading, Reading], ...]  # (saved, incoming): the saved one is kept


def merge(history: History, incoming: Iterable[Reading]) -> Merge:
    """Add imported readings without ever touching a saved one: a different reading for a saved date is kept
    aside as a conflict, and the person decides."""
    saved = {r.day: r for r in history}
    added: list[Reading] = []
    conflicts: list[tuple[Reading, Reading]] = []
    unchanged = 0
    for r in incoming:
        old = saved.get(r.day)
        if old is None:
            saved[r.day] = r
            added.append(r)
        elif old == r:
            unchanged += 1
        else:
            conflicts.append((old, r))
    return Merge(sort_history(saved.values()), tuple(added), unchanged, tuple(conflicts))


def plain(value: Decimal | None) -> str:
    """A value as plain digits, exactly as stored (no exponent): the form used in files and storage.

    >>> plain(Decimal("15.0")), plain(Decimal("1E+1")), plain(None)
    ('15.0', '10', '')
    """
    return "" if value is None else format(value, "f")
