"""Saves from several tabs, none lost: each save as the changes it made, kept until the stored text holds it.

Two tabs of the tracker share one saved text, and each writes a whole new text. So a save is never written
over a text it was not made from: the page compares what is stored with what the request read, and when they
differ it asks again, and the save is applied once more to what is stored now (:func:`reapply`), date by
date. Browsers do not make that comparison and the write one step, so a tab can still, rarely, write over a
save it had not yet seen; every save therefore names itself in the text's ``writes``, and the page keeps its
latest saves (``pending``) until a later text shows them: one missing is applied again. A date changed in
both tabs is never settled silently: the stored reading is kept, and the person is shown the other and can
choose it. The same pending saves are what a page shows and exports while the browser refuses to store.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import storage
from .csvio import ImportNote
from .readings import History, Reading, sort_history

# How long a save that is the latest in the stored text is still watched: another tab that read the text
# before it was written writes within moments (the time its page takes to answer), not seconds.
WATCH_SECONDS = 10.0


def new_id() -> str:
    """A name for one save, unique among tabs (random: tabs share nothing but the saved text)."""
    return secrets.token_hex(6)


@dataclass(frozen=True)
class Conflict:
    """A date changed both here and, meanwhile, in another tab: ``theirs`` is kept, ``ours`` is offered."""

    day: date
    theirs: Reading | None  # what is stored now (None: the other tab deleted it)
    ours: Reading | None  # what this tab saved (None: this tab deleted it)


type Step = tuple[date, Reading | None, Reading | None]  # a date, its reading before the save and after


@dataclass(frozen=True)
class Change:
    """One save of this page: what it changed, and what the page said about it."""

    id: str
    at: float  # when it was made (seconds since the epoch)
    steps: tuple[Step, ...] = ()
    aside_added: tuple[str, ...] = ()
    aside_dropped: tuple[str, ...] = ()
    said: tuple[str, ...] = ()
    report: ImportNote | None = None
    conflicts: tuple[Conflict, ...] = field(default=())


def diff(before: History, after: History) -> tuple[Step, ...]:
    """The dates whose reading a save changed, in date order.

    >>> from decimal import Decimal as D
    >>> a, b = (Reading(date(2026, 5, d), D(1), D(1), D(1), D(1)) for d in (1, 2))
    >>> [(str(d), x is None, y is None) for d, x, y in diff((a,), (b,))]
    [('2026-05-01', False, True), ('2026-05-02', True, False)]
    """
    old, new = {r.day: r for r in before}, {r.day: r for r in after}
    return tuple((day, old.get(day), new.get(day)) for day in sorted(old.keys() | new.keys())
                 if old.get(day) != new.get(day))


@dataclass(frozen=True)
class Reapplied:
    history: History
    set_aside: tuple[str, ...]
    conflicts: tuple[Conflict, ...]


def reapply(history: History, set_aside: tuple[str, ...], changes: Iterable[Change]) -> Reapplied:
    """Saves made on an older text, applied to ``history`` (what is stored now), date by date: a date the
    other tab left as it was takes this page's value; a date both changed keeps the stored reading."""
    readings = {r.day: r for r in history}
    aside = list(set_aside)
    conflicts: list[Conflict] = []
    for change in changes:
        for day, before, after in change.steps:
            now = readings.get(day)
            if now == after:
                continue
            if now == before:
                if after is None:
                    del readings[day]
                else:
                    readings[day] = after
            else:
                conflicts.append(Conflict(day, now, after))
        aside = [t for t in aside if t not in change.aside_dropped]
        aside += [t for t in change.aside_added if t not in aside]
    return Reapplied(sort_history(readings.values()), tuple(aside), tuple(conflicts))


def describe(steps: tuple[Step, ...]) -> str:
    """The save in a few words, for a message that it was not stored."""
    added = [after for _, _, after in steps if after is not None]
    if len(steps) == 1:
        day, _, after = steps[0]
        return f"the reading of {day}" + (f" (total {after.shown_total})" if after else " (its deletion)")
    if added and len(added) == len(steps):
        return f"{len(added):,} readings"
    return f"changes to {len(steps):,} readings" if steps else "the change to what is kept aside"


# ---- the page keeps its pending saves as text and sends them back with every request -----------------------


def _reading(entry: object) -> Reading | None:
    if entry is None:
        return None
    found = storage.reading_from_dict(entry, "a pending save")
    return found if isinstance(found, Reading) else None


def _entry(r: Reading | None) -> dict[str, str] | None:
    return None if r is None else storage.reading_to_dict(r)


def dump_pending(changes: Iterable[Change | Held]) -> str:
    """The pending saves as the text the page keeps for the next request ("" when there are none)."""
    out = [c.raw if isinstance(c, Held) else {
        "id": c.id, "at": c.at,
        "steps": [[d.isoformat(), _entry(b), _entry(a)] for d, b, a in c.steps],
        "aside_added": list(c.aside_added), "aside_dropped": list(c.aside_dropped), "said": list(c.said),
        "report": None if c.report is None else c.report.as_dict(),
        "conflicts": [[k.day.isoformat(), _entry(k.theirs), _entry(k.ours)] for k in c.conflicts],
    } for c in changes]
    return json.dumps(out, ensure_ascii=False, separators=(",", ":")) if out else ""


def _texts(value: object) -> tuple[str, ...]:
    return tuple(t for t in value if isinstance(t, str)) if isinstance(value, list) else ()


def _steps(value: object) -> tuple[Step, ...]:
    steps: list[Step] = []
    for item in value if isinstance(value, list) else ():
        if isinstance(item, list) and len(item) == 3 and isinstance(item[0], str):
            try:
                day = date.fromisoformat(item[0])
            except ValueError:
                continue
            steps.append((day, _reading(item[1]), _reading(item[2])))
    return tuple(steps)


@dataclass(frozen=True)
class Held:
    """A pending save as the page sent it back: its name and time are read at once, the rest only when it
    has to be applied again (an import's save holds thousands of readings)."""

    id: str
    at: float
    raw: dict[str, Any]

    def change(self) -> Change:
        c = self.raw
        conflicts = tuple(Conflict(d, b, a) for d, b, a in _steps(c.get("conflicts")))
        return Change(self.id, self.at, _steps(c.get("steps")), _texts(c.get("aside_added")),
                      _texts(c.get("aside_dropped")), _texts(c.get("said")), ImportNote.from_dict(c.get("report")),
                      conflicts)


def read_pending(text: str | None) -> tuple[Held, ...]:
    """The pending saves a request brings back. Anything unreadable is ignored: the page made the text, so
    damage means a tampered request, and the saved text stays the truth."""
    if not text:
        return ()
    try:
        data: Any = json.loads(text)
    except ValueError:
        return ()
    return tuple(Held(c["id"], float(c["at"]), c) for c in (data if isinstance(data, list) else ())
                 if isinstance(c, dict) and isinstance(c.get("id"), str) and isinstance(c.get("at"), int | float)
                 and not isinstance(c.get("at"), bool))
