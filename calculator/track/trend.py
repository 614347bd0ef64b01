"""What a history of readings shows: change over 7, 30 and 90 days, the trend per week, the pillar that
moved most, and gentle warnings (a decline, a long gap). Pure functions over sorted readings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise

from .readings import LABELS, PILLARS, History, Reading

PERIODS: tuple[int, ...] = (7, 30, 90)
SERIES: tuple[str, ...] = ("total", *PILLARS)
# A reading this many days old, or a gap this long between readings, is worth a word.
STALE_AFTER = 14
GAP_AFTER = 31
# A fall of this many points over 30 days, or three weeks in a row going down, counts as a decline.
DECLINE_POINTS = Decimal(3)
WEEKS_SHOWN = 12


@dataclass(frozen=True)
class Change:
    days: int
    base: Reading | None  # the reading compared with; None when the history is too short
    deltas: dict[str, Decimal]  # by series name; empty without a base


@dataclass(frozen=True)
class Week:
    start: date  # the Monday
    count: int
    average: Decimal  # the average total of the week's readings, to 2 places
    change: Decimal | None  # against the week before it that has readings


@dataclass(frozen=True)
class Trend:
    latest: Reading
    first: Reading
    count: int
    changes: tuple[Change, ...]
    weeks: tuple[Week, ...]  # oldest first, the last WEEKS_SHOWN weeks with readings
    moved_most: tuple[str, Decimal, int] | None  # (pillar, change, over how many days)
    warnings: tuple[str, ...]


def _base(history: History, days: int) -> Reading | None:
    """The reading to compare the latest with: the newest on or before ``days`` earlier, or — when the history
    starts a little after that — its first reading, if within a seventh of the period (at least a day).

    >>> from decimal import Decimal as D
    >>> h = tuple(Reading(date(2026, 5, d), D(1), D(1), D(1), D(d)) for d in (1, 9, 10, 16))
    >>> _base(h, 7).day, _base(h, 30) is None
    (datetime.date(2026, 5, 9), True)
    """
    target = history[-1].day - timedelta(days=days)
    before = [r for r in history if r.day <= target]
    if before:
        return before[-1]
    first = history[0]
    slack = max(1, days // 7)
    return first if first.day <= target + timedelta(days=slack) and first is not history[-1] else None


def change(history: History, days: int) -> Change:
    base = _base(history, days) if history else None
    if base is None:
        return Change(days, None, {})
    latest = history[-1]
    deltas: dict[str, Decimal] = {}
    for name in SERIES:
        now, then = latest.value(name), base.value(name)
        if now is not None and then is not None:
            deltas[name] = now - then
    return Change(days, base, deltas)


def weeks(history: History) -> tuple[Week, ...]:
    """Average total per calendar week (Monday to Sunday), with the change from the previous week shown."""
    groups: dict[date, list[Decimal]] = {}
    for r in history:
        monday = r.day - timedelta(days=r.day.weekday())
        groups.setdefault(monday, []).append(r.total)
    out: list[Week] = []
    previous: Decimal | None = None
    for monday in sorted(groups):
        totals = groups[monday]
        average = (sum(totals, Decimal(0)) / len(totals)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        out.append(Week(monday, len(totals), average, None if previous is None else average - previous))
        previous = average
    return tuple(out)


def _moved_most(history: History, changes: tuple[Change, ...]) -> tuple[str, Decimal, int] | None:
    """The pillar with the largest change (up or down) over the longest period we have, up to 90 days."""
    usable = [c for c in changes if c.base is not None]
    if usable:
        chosen = usable[-1]
        base, days = chosen.base, chosen.days
    elif len(history) > 1:
        base, days = history[0], (history[-1].day - history[0].day).days
    else:
        return None
    assert base is not None
    latest = history[-1]
    moves = [(p, getattr(latest, p) - getattr(base, p)) for p in PILLARS]
    pillar, moved = max(moves, key=lambda m: abs(m[1]))
    return None if moved == 0 else (pillar, moved, days)


def _warnings(history: History, changes: tuple[Change, ...], week_list: tuple[Week, ...],
              today: date | None) -> tuple[str, ...]:
    out: list[str] = []
    latest = history[-1]
    month = next((c for c in changes if c.days == 30 and c.base is not None), None)
    if month is not None and month.deltas["total"] <= -DECLINE_POINTS:
        since = month.base.day if month.base else ""
        out.append(f"Your total is {abs(month.deltas['total'])} points lower than on {since}."
                   " The score follows what you did on LinkedIn lately, so a quieter stretch usually shows like"
                   " this; your lowest pillar is the cheapest place to win points back.")
    elif len(week_list) >= 4 and all(w.change is not None and w.change < 0 for w in week_list[-3:]):
        out.append("Your weekly average has gone down three weeks in a row. Nothing to worry about yet, but worth"
                   " a look at which pillar is slipping.")
    if today is not None and (today - latest.day).days > STALE_AFTER:
        out.append(f"Your latest reading is {(today - latest.day).days} days old. A reading a week is enough to"
                   " see a trend; more often adds little, since the score moves slowly.")
    gaps = [(b.day - a.day).days for a, b in pairwise(history)]
    if gaps and max(gaps) > GAP_AFTER:
        at = gaps.index(max(gaps))
        out.append(f"There is a gap of {max(gaps)} days without readings (from {history[at].day} to"
                   f" {history[at + 1].day}); changes measured across it say less about any one week.")
    return tuple(out)


def analyse(history: History, today: date | None = None) -> Trend | None:
    """The whole picture for a history sorted by date; None when there are no readings."""
    if not history:
        return None
    changes = tuple(change(history, d) for d in PERIODS)
    week_list = weeks(history)
    return Trend(
        latest=history[-1],
        first=history[0],
        count=len(history),
        changes=changes,
        weeks=week_list[-WEEKS_SHOWN:],
        moved_most=_moved_most(history, changes),
        warnings=_warnings(history, changes, week_list, today),
    )



def pillar_title(name: str) -> str:
    return "Total SSI" if name == "total" else LABELS[name]
