"""The one set of sending limits that the warm-up plan, the pacing check and the planner all use.

An account's history comes in stages (:data:`STAGES`). For each, the table says how many invitations on
one day the pacing check still rates Low, and above how many it rates the day High (Elevated in between);
one weekly line holds for every stage. The numbers are vendors' figures and the widely reported weekly
ceiling (:mod:`.published`); where the stages start is ours, the weeks of our warm-up schedule, since no
vendor says how long an account counts as new. LinkedIn publishes no number at all [li-help-invitations].

The warm-up plan never goes above a stage's Low line, the planner never suggests more than the Low pace of
the stage you choose (:func:`low_pace`), and the pacing check rates anything within it Low.

>>> [(s.key, s.low_per_day, s.high_above_per_day) for s in STAGES]
[('start', 5, 8), ('early', 8, 15), ('settled', 15, 20)]
>>> low_pace(stage("start")), low_pace(stage("settled"))
((5, 25), (15, 74))
>>> [stage_at(week).key for week in (1, 2, 3, 4, 5, 40)]
['start', 'start', 'early', 'early', 'settled', 'settled']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .published import (
    DAILY_DEFAULT,
    DAILY_VENDOR_MAX,
    NEW_DAILY_CAUTIOUS,
    NEW_DAILY_HIGH,
    WEEKLY_REPORTED,
    WEEKLY_VENDOR_LOW,
)

StageKey = Literal["start", "early", "settled"]

WORKDAYS = 5  # a pace is spread over the weekdays: an even pace, no bursts that look like automation
WEEKLY_ELEVATED_FROM = WEEKLY_VENDOR_LOW  # 75: the bottom of the band one vendor gives established accounts
WEEKLY_HIGH_ABOVE = WEEKLY_REPORTED  # 100: the widely reported, unverified ceiling
WEEKLY_LOW_MAX = WEEKLY_ELEVATED_FROM - 1


@dataclass(frozen=True)
class Stage:
    """A stage of an account's sending history and the daily lines the calculators draw for it."""

    key: StageKey
    label: str  # the choice as a form shows it
    name: str  # "weeks 1 and 2", as a sentence uses it
    first_week: int  # the week of sending in which the stage starts (1 = the first week)
    low_per_day: int  # the most on one day still rated Low
    low_words: str  # what that line is, for a reason
    low_sources: tuple[str, ...]
    high_above_per_day: int  # more than this on one day is rated High
    high_words: str
    high_sources: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage("start", "New, or unused for months: the first two weeks of sending", "weeks 1 and 2", 1,
          NEW_DAILY_CAUTIOUS, "the cautious start vendors give new accounts", ("vendor-overloop", "vendor-quarvio"),
          NEW_DAILY_HIGH, "the top of vendors' guidance for new accounts", ("vendor-quarvio",)),
    Stage("early", "The third or fourth week of careful sending (a dormant account: its second or third)",
          "weeks 3 and 4", 3,
          NEW_DAILY_HIGH, "the top of vendors' guidance for new accounts", ("vendor-quarvio",),
          DAILY_DEFAULT, "a common vendor default for established accounts", ("vendor-salesflow",)),
    Stage("settled", "Sending steadily for a month or more", "week 5 onwards", 5,
          DAILY_DEFAULT, "a common vendor default", ("vendor-salesflow",),
          DAILY_VENDOR_MAX, "every vendor default we track", ("vendor-quarvio",)),
)

STAGE_CHOICES: tuple[tuple[str, str], ...] = tuple((s.key, s.label) for s in STAGES)
_BY_KEY: dict[str, Stage] = {s.key: s for s in STAGES}


def stage(key: str) -> Stage:
    """The stage with this key; an unknown key reads as the first, the most cautious."""
    return _BY_KEY.get(key, STAGES[0])


def stage_at(week: int) -> Stage:
    """The stage a week of sending falls in, counting the first week as 1."""
    return next(s for s in reversed(STAGES) if week >= s.first_week) if week >= 1 else STAGES[0]


def low_pace(s: Stage) -> tuple[int, int]:
    """The most a day and a week the pacing check rates Low for a stage, sent evenly on the weekdays."""
    return s.low_per_day, min(s.low_per_day * WORKDAYS, WEEKLY_LOW_MAX)
