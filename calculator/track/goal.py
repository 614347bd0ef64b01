"""A target total and a date: are the readings so far on track, and how sure can anyone be?

The pace is the slope of a straight line through the totals of the last 90 days (least squares), with a
range from how far the readings scatter around it (the slope's standard error times Student's t for 95%).
A few readings cannot support a forecast, so below four readings over three weeks the tracker says so and
gives only the pace the goal needs. The line is a description of the past, not a promise: the score also
moves with LinkedIn's population and formula, and points come harder near the top of each pillar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from math import sqrt
from typing import Literal

from .readings import History

MIN_READINGS = 4
MIN_SPAN_DAYS = 21
WINDOW_DAYS = 90
# Two-sided 95% Student's t by degrees of freedom (readings minus two); 2.0 beyond the table.
_T95 = {1: 12.71, 2: 4.30, 3: 3.18, 4: 2.78, 5: 2.57, 6: 2.45, 7: 2.36, 8: 2.31, 9: 2.26, 10: 2.23, 12: 2.18,
        15: 2.13, 20: 2.09, 30: 2.04}

Verdict = Literal["reached", "passed", "too-few", "on-track", "off-track", "unclear"]


@dataclass(frozen=True)
class Goal:
    target: Decimal  # a total, 0 to 100
    by: date


@dataclass(frozen=True)
class Outlook:
    verdict: Verdict
    words: str
    needed: float | None = None  # points a week the goal needs from the latest reading
    pace: float | None = None  # points a week, the fitted slope
    pace_range: tuple[float, float] | None = None
    projected: tuple[float, float] | None = None  # the total expected on the date, as a range
    used: int = 0  # readings the pace is fitted on


def _t(df: int) -> float:
    known = [k for k in _T95 if k <= df]
    return _T95[max(known)] if known else _T95[1]


def _fit(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Slope per day and its standard error, for (day, total) points."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    slope = sum((x - mx) * (y - my) for x, y in points) / sxx
    residual = sum((y - my - slope * (x - mx)) ** 2 for x, y in points)
    return slope, sqrt(residual / (n - 2) / sxx)


def _week(value: float) -> str:
    text = f"{value:+.1f}".replace("-", "−")
    return "±0.0" if text in ("+0.0", "−0.0") else text


def outlook(history: History, goal: Goal, today: date) -> Outlook:
    """Whether the readings so far reach ``goal``; the words say how sure that is.

    >>> from calculator.track.readings import Reading
    >>> from decimal import Decimal as D
    >>> h = tuple(Reading(date(2026, 5, 1) + timedelta(days=7 * i), D(10 + i), D(10), D(10), D(10)) for i in range(2))
    >>> outlook(h, Goal(D(50), date(2026, 7, 1)), date(2026, 5, 9)).verdict
    'too-few'
    """
    if not history:
        return Outlook("too-few", "Add a reading first: a goal needs at least one to measure from.")
    latest = history[-1]
    now = float(latest.total)
    target = float(goal.target)
    if latest.total >= goal.target:
        return Outlook("reached", f"Your latest total ({latest.shown_total}, on {latest.day}) already reaches"
                       f" your target of {goal.target}.")
    if goal.by <= today:
        return Outlook("passed", f"The date you chose ({goal.by}) has passed; your latest total is"
                       f" {latest.shown_total}. Choose a new date to see the pace it needs.")
    days_left = (goal.by - latest.day).days
    needed = (target - now) / days_left * 7
    recent = [r for r in history if r.day >= latest.day - timedelta(days=WINDOW_DAYS)]
    span = (recent[-1].day - recent[0].day).days
    need_words = f"To reach {goal.target} by {goal.by} you need about {_week(needed)} points a week from here."
    if len(recent) < MIN_READINGS or span < MIN_SPAN_DAYS:
        return Outlook("too-few", f"{len(recent)} reading{'s' if len(recent) != 1 else ''} over {span} days are"
                       " too few to say whether you are on track: a single busy or quiet week would swing any"
                       f" forecast. {need_words} After {MIN_READINGS} readings over {MIN_SPAN_DAYS // 7} weeks or"
                       " more this will give your pace and how sure it is.", needed=needed, used=len(recent))
    first = recent[0].day
    slope, error = _fit([(float((r.day - first).days), float(r.total)) for r in recent])
    margin = _t(len(recent) - 2) * error
    low, high = (slope - margin) * 7, (slope + margin) * 7
    weeks_left = days_left / 7
    projected = (max(0.0, min(100.0, now + low * weeks_left)), max(0.0, min(100.0, now + high * weeks_left)))
    pace = (f"Over the last {span} days your total moved {_week(slope * 7)} points a week (somewhere between"
            f" {_week(low)} and {_week(high)}, given how much your readings scatter; {len(recent)} readings).")
    verdict: Verdict
    if low >= needed:
        verdict, judgement = "on-track", "At that pace you are on track"
    elif high < needed:
        verdict, judgement = "off-track", "At that pace you would not get there"
    else:
        verdict, judgement = "unclear", "The readings cannot yet tell whether you are on track"
    words = (f"{pace} {need_words} {judgement}: by {goal.by} the line points to a total between"
             f" {projected[0]:.0f} and {projected[1]:.0f}. A straight line is only a summary of the past.")
    return Outlook(verdict, words, needed, slope * 7, (low, high), projected, len(recent))
