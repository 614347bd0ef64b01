"""The text the browser keeps for the history: versioned JSON, read back without ever raising.

Saved text may be damaged (a crash mid-write, a hand edit, a newer version of the page). :func:`load` keeps
every reading it can read, and lists what it skipped and why, so the page can say so and offer the saved
text for download before anything overwrites it. Text that could not be read can be kept aside inside the
new saved text (``set_aside``), so even a repair loses nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..fields import FormErrors
from .jsontext import salvage, too_deep
from .readings import LABELS, OPTIONAL, PILLARS, History, Reading, make_reading, plain, sort_history

FORMAT = "ssi-field-guide/readings"
VERSION = 1


@dataclass(frozen=True)
class Skipped:
    """Part of the saved text that could not be used, and why."""

    where: str
    reason: str


@dataclass(frozen=True)
class Loaded:
    readings: History
    skipped: tuple[Skipped, ...] = ()
    set_aside: tuple[str, ...] = ()  # unreadable saved text kept from an earlier repair
    raw: str | None = None
    writes: tuple[str, ...] = ()  # the ids of the latest saves this text descends from, oldest first

    @property
    def damaged(self) -> bool:
        """True when saving now would lose something the saved text holds."""
        return bool(self.skipped)


def reading_to_dict(r: Reading) -> dict[str, str]:
    """One reading as JSON-ready strings; optional values only when given.

    >>> from datetime import date; from decimal import Decimal as D
    >>> reading_to_dict(Reading(date(2026, 5, 19), D("20.998"), D("6.4"), D("10.25"), D("15"), note="hi"))
    {'date': '2026-05-19', 'brand': '20.998', 'find': '6.4', 'engage': '10.25', 'relate': '15', 'note': 'hi'}
    """
    out = {"date": r.day.isoformat(), **{p: plain(getattr(r, p)) for p in PILLARS}}
    out.update({n: plain(v) for n in OPTIONAL if (v := getattr(r, n)) is not None})
    if r.note:
        out["note"] = r.note
    return out


# Each save names itself (an id) after the ids of the saves it was made on, so a tab can tell whether what is
# stored now holds its own last save or was written by a tab that never saw it (sync.py).
WRITES_KEPT = 64


def dump(readings: Iterable[Reading], set_aside: Iterable[str] = (), writes: Iterable[str] = ()) -> str:
    """The saved text for a history (compact: five years of daily readings stay well under a megabyte)."""
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION,
                            "readings": [reading_to_dict(r) for r in readings]}
    kept = [t for t in set_aside if t]
    if kept:
        data["set_aside"] = kept
    ids = list(writes)[-WRITES_KEPT:]
    if ids:
        data["writes"] = ids
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _as_text(value: object) -> object:
    """Numbers a person typed into the JSON by hand (20.998 rather than "20.998") are read as written."""
    return value if not isinstance(value, int | float) or isinstance(value, bool) else str(value)


def reading_argument(r: Reading) -> str:
    """A reading as the compact JSON a button's action carries (``restore:…``, ``use:…``)."""
    return json.dumps(reading_to_dict(r), ensure_ascii=False, separators=(",", ":"))


def reading_from_argument(argument: str) -> Reading | None:
    """The reading a button's action carries, or None when it cannot be read (the page sent something else)."""
    try:
        found = reading_from_dict(json.loads(argument), "the button's reading")
    except ValueError:
        return None
    return None if isinstance(found, Skipped) else found


def reading_from_dict(entry: object, where: str | int) -> Reading | Skipped:
    """A reading from one saved entry; ``where`` names it in messages (an index is named only when needed)."""
    if not isinstance(entry, Mapping):
        where = _describe_entry(entry, where) if isinstance(where, int) else where
        return Skipped(where, "it is not a reading (expected an object with a date and four pillars)")
    key = tuple(entry.items()) if all(type(v) is str for v in entry.values()) else None
    if key is not None and key in _READ:
        return _READ[key]
    values = {k: _as_text(v) for k, v in entry.items() if isinstance(k, str)}
    try:
        reading = make_reading(values)
    except FormErrors as problem:
        where = _describe_entry(entry, where) if isinstance(where, int) else where
        names = {"date": "date", "note": "note", **LABELS}
        return Skipped(where, "; ".join(f"{names.get(n, n)}: {message}" for n, message in problem.errors.items()))
    if key is not None:
        if len(_READ) >= _READ_MAX:
            _READ.clear()
        _READ[key] = reading
    return reading


# Entries read before, as saved: another tab's save changes one reading of thousands, and the page reads the
# whole text again, so each entry is checked once (readings are immutable; the check does not depend on today).
_READ: dict[tuple[tuple[Any, Any], ...], Reading] = {}
_READ_MAX = 60_000


def _describe_entry(entry: object, index: int) -> str:
    day = entry.get("date") if isinstance(entry, Mapping) else None
    return f"reading {index + 1}" + (f" ({day})" if isinstance(day, str) and len(day) <= 20 else "")


# The page sends the same saved text with every request; the last one read is remembered (Loaded is immutable),
# so typing in a form with years of readings saved does not read them all again each time.
_LAST: list[tuple[str, Loaded]] = []


def load(text: str | None) -> Loaded:
    """Every reading the saved text holds, and what was skipped. Never raises (answers are remembered)."""
    if text is None:
        return _load(text)
    if _LAST and _LAST[0][0] == text:
        return _LAST[0][1]
    loaded = _load(text)
    _LAST[:] = [(text, loaded)]
    return loaded


def remember(text: str, readings: History, set_aside: tuple[str, ...], writes: tuple[str, ...] = ()) -> None:
    """Note that ``text`` (just written by :func:`dump`) holds these readings, for the next request."""
    _LAST[:] = [(text, Loaded(readings, (), set_aside, raw=text, writes=writes[-WRITES_KEPT:]))]


def _load(text: str | None) -> Loaded:
    """Every reading the saved text holds, and what was skipped. Never raises.

    >>> _load(None).readings, _load('{"version": 1, "readings": []}').damaged
    ((), False)
    >>> loaded = _load("not json at all")
    >>> loaded.readings, loaded.damaged
    ((), True)
    """
    if text is None or not text.strip():
        return Loaded((), raw=text)
    skipped: list[Skipped] = []
    deep = too_deep(text)
    try:
        if deep:
            raise ValueError("nested too deeply")
        data: Any = json.loads(text, parse_float=str, parse_int=str)
    except (ValueError, RecursionError):
        cut = None if deep else salvage(text, checked=True)
        if cut is None:
            return Loaded((), (Skipped("all saved data", "it is not readable JSON (damaged or edited by hand)"),),
                          raw=text)
        data = {**cut.header, "readings": cut.entries} if cut.header else cut.entries
        after = f"reading {len(cut.entries)}" if cut.entries else "its start"
        skipped.append(Skipped("the end of the saved data", f"it is cut off or damaged after {after} (the last"
                               f" {len(text) - cut.damaged_at:,} characters could not be read); every reading"
                               " before that is shown"))
    set_aside: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()
    if isinstance(data, list):
        entries: list[Any] = data
    elif isinstance(data, dict) and isinstance(data.get("readings"), list):
        entries = data["readings"]
        skipped += _version_problem(data.get("version", str(VERSION)))
        aside = data.get("set_aside", [])
        if isinstance(aside, list) and all(isinstance(t, str) for t in aside):
            set_aside = tuple(aside)
        elif aside:
            skipped.append(Skipped("text kept aside", "it is not a list of texts"))
        ids = data.get("writes", [])
        if isinstance(ids, list):
            writes = tuple(i for i in ids if isinstance(i, str))[-WRITES_KEPT:]
    else:
        return Loaded((), (Skipped("all saved data", "it holds no list of readings"),), raw=text)
    readings: list[Reading] = []
    first_line: dict[object, int] = {}
    for index, entry in enumerate(entries):
        found = reading_from_dict(entry, index)
        if isinstance(found, Skipped):
            skipped.append(found)
            continue
        if found.day in first_line:
            earlier = first_line[found.day]
            skipped.append(Skipped(_describe_entry(entry, earlier),
                                   f"reading {index + 1} has the same date; the later one is kept"))
        first_line[found.day] = index
        readings.append(found)
    return Loaded(sort_history(readings), tuple(skipped), set_aside, raw=text, writes=writes)


_VERSION = re.compile(r"[0-9]{1,9}")


def _version_problem(version: object) -> list[Skipped]:
    """Why the saved version cannot be trusted, if it cannot: a number above ours is a newer page's; anything
    else is damage.

    >>> _version_problem("1"), _version_problem("2")[0].reason[:27], _version_problem("-1")[0].reason[:26]
    ([], 'it was saved as version 2, ', 'its version (“-1”) is not ')
    """
    if isinstance(version, str) and _VERSION.fullmatch(version):
        if int(version) <= VERSION:
            return []
        return [Skipped("the format", f"it was saved as version {version}, newer than this page reads; only the"
                        " readings it understands are shown")]
    shown = version[:12] if isinstance(version, str) else type(version).__name__
    return [Skipped("the format", f"its version (“{shown}”) is not a number, so the saved data is damaged; the"
                    " readings that could be read are shown")]
