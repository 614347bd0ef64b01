"""What a team's readings show: the spread of the latest totals and of each pillar, the pillar the team lags on,
the team's median week by week, and whose latest reading is old.

Medians and quartiles rather than averages: one member far from the rest does not move them, and a team of
five is not a population. Values stay Decimal; rounding is left to whoever shows them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from ..track.readings import PILLARS, Reading
from .model import Member, Team

# A reading older than this is stale: the guide suggests looking at SSI about once a month.
STALE_AFTER = 30
# In the weekly median a member counts with their latest reading for up to this many weeks, so a member who
# reads every other week does not drop in and out of it.
CARRY_WEEKS = 4
CHANGE_DAYS = 90
_QUARTER, _HALF, _THREE_QUARTERS = Decimal("0.25"), Decimal("0.5"), Decimal("0.75")
_THOUSAND = Decimal(1000)


@dataclass(frozen=True)
class Spread:
    """Five figures of a set of values (quartiles by linear interpolation, as ``statistics.quantiles``'s
    inclusive method), and the mean.

    >>> s = spread([Decimal(v) for v in (30, 10, 20, 40)])
    >>> s.low, s.q1, s.median, s.q3, s.high, s.mean
    (Decimal('10'), Decimal('17.50'), Decimal('25.0'), Decimal('32.50'), Decimal('40'), Decimal('25'))
    """

    count: int
    low: Decimal
    q1: Decimal
    median: Decimal
    q3: Decimal
    high: Decimal
    mean: Decimal


def _at(ordered: Sequence[Decimal] | Sequence[int], share: Decimal) -> Decimal:
    position = (len(ordered) - 1) * share
    i = int(position)
    low = Decimal(ordered[i])
    if i + 1 >= len(ordered):
        return low
    return low + (Decimal(ordered[i + 1]) - low) * (position - i)


def spread(values: Iterable[Decimal]) -> Spread:
    ordered = sorted(values)
    if not ordered:
        raise ValueError("a spread needs at least one value")
    return Spread(len(ordered), ordered[0], _at(ordered, _QUARTER), _at(ordered, _HALF),
                  _at(ordered, _THREE_QUARTERS), ordered[-1], sum(ordered, Decimal(0)) / len(ordered))


def median(values: Iterable[Decimal]) -> Decimal:
    ordered = sorted(values)
    return _at(ordered, _HALF)


@dataclass(frozen=True)
class Latest:
    """A member's latest reading, how old it is, and how the total moved over the 90 days before it."""

    member: Member
    reading: Reading
    age: int  # days before the day the team is looked at
    change: Decimal | None  # None when the member's readings do not go back that far

    @property
    def stale(self) -> bool:
        return self.age > STALE_AFTER

    @property
    def count(self) -> int:
        return len(self.member.readings)


@dataclass(frozen=True)
class Week:
    start: date  # the Monday
    count: int  # members counted that week
    total: Spread
    pillars: dict[str, Decimal]  # the median of each pillar


@dataclass(frozen=True)
class Summary:
    today: date
    latest: tuple[Latest, ...]  # members with readings, in the team's order
    empty: tuple[Member, ...]  # members with no usable reading
    totals: Spread  # of the latest totals
    pillars: dict[str, Spread]  # of the latest pillar values
    lagging: tuple[str, ...]  # the pillar with the lowest median (several when tied)
    weeks: tuple[Week, ...]

    @property
    def stale(self) -> tuple[Latest, ...]:
        return tuple(x for x in self.latest if x.stale)

    @property
    def single(self) -> tuple[Latest, ...]:
        return tuple(x for x in self.latest if x.count == 1)

    def shown_totals(self) -> list[int]:
        return [x.reading.shown_total for x in self.latest]


def change_over(readings: Sequence[Reading], days: int = CHANGE_DAYS) -> Decimal | None:
    """The latest total minus the newest total at least ``days`` older (None when there is none).

    >>> from decimal import Decimal as D
    >>> h = [Reading(date(2026, 1, 1), D(10), D(1), D(1), D(1)), Reading(date(2026, 5, 1), D(12), D(1), D(1), D(1))]
    >>> change_over(h), change_over(h[1:])
    (Decimal('2'), None)
    """
    if not readings:
        return None
    target = readings[-1].day - timedelta(days=days)
    i = bisect_right([r.day for r in readings], target)
    return None if i == 0 else readings[-1].total - readings[i - 1].total


def _milli(r: Reading) -> tuple[int, ...]:
    """The total and the pillars in thousandths: exact (a pillar has at most three decimals), and integers sort
    and add far faster than Decimals, which matters for a team of 200 over five years."""
    b, f, e, t = int(r.brand * _THOUSAND), int(r.find * _THOUSAND), int(r.engage * _THOUSAND), int(r.relate * _THOUSAND)
    return (b + f + e + t, b, f, e, t)


def _from_milli(value: Decimal | int) -> Decimal:
    return Decimal(value).scaleb(-3)


def _spread_milli(ordered: list[int]) -> Spread:
    q1, mid, q3 = (_from_milli(_at(ordered, share)) for share in (_QUARTER, _HALF, _THREE_QUARTERS))
    return Spread(len(ordered), _from_milli(ordered[0]), q1, mid, q3, _from_milli(ordered[-1]),
                  _from_milli(sum(ordered)) / len(ordered))


def weekly(members: Sequence[Member]) -> tuple[Week, ...]:
    """The team median week by week: each member counts with their latest reading of the week, or of up to
    CARRY_WEEKS - 1 weeks before it."""
    per_member = []
    for m in members:
        by_week: dict[int, tuple[int, ...]] = {}
        for r in m.readings:  # sorted by date, so the week's last reading wins
            by_week[(r.day.toordinal() - 1) // 7] = _milli(r)  # weeks counted from a Monday (day 1 was one)
        if by_week:
            per_member.append(sorted(by_week.items()))
    if not per_member:
        return ()
    first = min(items[0][0] for items in per_member)
    count = max(items[-1][0] for items in per_member) - first + 1
    buckets: list[list[tuple[int, ...]]] = [[] for _ in range(count)]
    for items in per_member:
        for j, (week, values) in enumerate(items):
            end = week + CARRY_WEEKS if j + 1 == len(items) else min(week + CARRY_WEEKS, items[j + 1][0])
            for k in range(week - first, min(end - first, count)):
                buckets[k].append(values)
    monday = date.fromordinal(first * 7 + 1)
    weeks = []
    for k, rows in enumerate(buckets):
        if rows:
            columns = [sorted(column) for column in zip(*rows, strict=True)]
            weeks.append(Week(monday + timedelta(weeks=k), len(rows), _spread_milli(columns[0]),
                              {p: _from_milli(_at(c, _HALF)) for p, c in zip(PILLARS, columns[1:], strict=True)}))
    return tuple(weeks)


def summarise(team: Team, today: date) -> Summary | None:
    """What the team's readings show on ``today``; None while no member has a usable reading."""
    latest = []
    empty = []
    for m in team.members:
        readings = m.readings
        if not readings:
            empty.append(m)
            continue
        last = readings[-1]
        latest.append(Latest(m, last, max((today - last.day).days, 0), change_over(readings)))
    if not latest:
        return None
    pillars = {p: spread(getattr(x.reading, p) for x in latest) for p in PILLARS}
    lowest = min(s.median for s in pillars.values())
    return Summary(today, tuple(latest), tuple(empty), spread(x.reading.total for x in latest), pillars,
                   tuple(p for p in PILLARS if pillars[p].median == lowest),
                   weekly([x.member for x in latest]))
