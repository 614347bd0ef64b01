"""Warm-up plan: a week-by-week ramp for a new or dormant account, with what makes the account look lived-in.

The schedule is ours (LinkedIn publishes none). Each week keeps under the Low line of its stage in the
shared table of :mod:`.limits` (5 a day in weeks 1 and 2 [vendor-overloop], 8 in weeks 3 and 4
[vendor-quarvio], then 15 [vendor-salesflow]), adds no more than a fixed step a week, never goes above the
chosen level or under-75-a-week line that the pacing check rates Low, and never goes down. So the pacing
check rates every week of the plan Low for the account's stage.

>>> [w.invitations for w in plan(Request("new", target=70, days=5)).weeks]
[25, 25, 40, 40, 55, 70]
>>> p = plan(Request("new", target=70, days=4))  # 15 a day on 4 days stops at 60
>>> [w.invitations for w in p.weeks], p.capped_by_days
([20, 20, 32, 32, 47, 60], True)
>>> [w.invitations for w in plan(Request("dormant", target=50, days=5)).weeks]
[25, 40, 40, 50]
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Literal

from .limits import STAGES, WEEKLY_LOW_MAX, stage_at
from .published import REINVITE_WAIT_WEEKS

Start = Literal["new", "dormant"]

START_WEEKLY = STAGES[0].low_per_day * 5  # a cautious first week: 5 a day on weekdays
STEP = 15  # the most a week adds to the one before, once the first weeks have gone well (ours)
MIN_WEEKS = 4
MAX_TARGET = WEEKLY_LOW_MAX  # the most a week the pacing check rates Low
SETTLED_DAILY = STAGES[-1].low_per_day


@dataclass(frozen=True)
class Request:
    start: Start
    target: int  # the sustainable weekly level the person wants to reach
    days: int = 5  # sending days a week


@dataclass(frozen=True)
class Week:
    number: int
    invitations: int
    per_day: int  # the most on any sending day
    daily_cap: int
    cap_source: str  # the source id behind the daily cap
    activities: tuple[str, ...]


@dataclass(frozen=True)
class WarmupPlan:
    request: Request
    weeks: tuple[Week, ...]
    level: int  # the weekly level the plan settles at
    capped_by_days: bool  # the chosen level needs more sending days than given


def check(r: Request) -> dict[str, str]:
    """Messages, keyed by field, for a request the plan will not serve."""
    if r.target > MAX_TARGET:
        return {"target": f"The plan stays under {MAX_TARGET + 1} a week: from there the pacing check rates a"
                          f" week Elevated, inside the {MAX_TARGET + 1}–100 band one vendor gives only established"
                          f" accounts, close to the widely reported ~100. Choose {MAX_TARGET} or less."}
    return {}


def _stage(r: Request, week: int) -> int:
    """Weeks count from the plan's first; stages from a new account's first (a dormant one skips stage 1)."""
    return week + (1 if r.start == "dormant" else 0)


def _cap(stage: int) -> tuple[int, str]:
    """The daily cap of a stage week: the Low line of the shared table, and the source it comes from."""
    limit = stage_at(stage)
    return limit.low_per_day, limit.low_sources[0]


def _ramp(stage: int) -> int:
    return START_WEEKLY + STEP * max(0, stage - 2)


_ACTIVITIES: dict[int, tuple[str, ...]] = {
    1: ("Finish your profile: a real photo, a headline that says what you do and for whom, an About section,"
        " your current role.",
        "Invite only people who know you: colleagues, clients, classmates.",
        "Follow about ten people in your field and leave two or three genuine comments."),
    2: ("Invite people you have interacted with, such as someone whose post you commented on.",
        "Add a short, specific reason to connect where you can (free accounts get 5 notes a month).",
        "Comment two or three times on posts by people you want to reach.",
        "Check how many of last week's invitations were accepted."),
    3: ("Publish a first post: something specific from your own work.",
        "Keep up two or three genuine comments a week.",
        "Step up only if most invitations are accepted and your pending list is short."),
    4: ("Post about once a week and reply to every comment.",
        "Two or three genuine comments a week on posts by people you want to reach.",
        f"Withdraw invitations left pending for weeks (you cannot re-invite the same person for up to"
        f" {REINVITE_WAIT_WEEKS} weeks)."),
}
_DORMANT_FIRST = ("Bring your profile up to date: photo, headline, current role and About section.",)


def activities(r: Request, week: int) -> tuple[str, ...]:
    stage = _stage(r, week)
    listed = _ACTIVITIES[min(stage, 4)]
    return _DORMANT_FIRST + listed if r.start == "dormant" and week == 1 else listed


def plan(r: Request) -> WarmupPlan:
    """The ramp: each week the smallest of the ramp, the chosen level and the daily cap times sending days."""
    level = min(r.target, MAX_TARGET, r.days * SETTLED_DAILY)
    weeks: list[Week] = []
    week = 0
    while week < MIN_WEEKS or weeks[-1].invitations < level:
        week += 1
        stage = _stage(r, week)
        cap, source = _cap(stage)
        before = weeks[-1].invitations if weeks else START_WEEKLY - STEP
        invitations = min(_ramp(stage), before + STEP, level, r.days * cap)
        per_day = -(-invitations // r.days)  # ceiling: spread over the sending days, never above the cap
        weeks.append(Week(week, invitations, per_day, cap, source, activities(r, week)))
    return WarmupPlan(r, tuple(weeks), level, level < min(r.target, MAX_TARGET))


def to_csv(p: WarmupPlan) -> str:
    """The plan as CSV text (one row a week, the steady state last), for a spreadsheet or a calendar.

    >>> to_csv(plan(Request("new", 25))).splitlines()[0]
    'Week,Invitations this week,Most on any day,Sending days,Things to do'
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Week", "Invitations this week", "Most on any day", "Sending days", "Things to do"])
    for w in p.weeks:
        writer.writerow([w.number, w.invitations, w.per_day, p.request.days, " | ".join(w.activities)])
    last = p.weeks[-1]
    writer.writerow([f"{last.number + 1} onwards", p.level, last.per_day, p.request.days,
                     "Keep this weekly total steady rather than sending in bursts."])
    return out.getvalue()
