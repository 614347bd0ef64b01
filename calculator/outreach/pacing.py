"""Pacing and account risk: how a planned sending pace compares with what is known about restrictions.

LinkedIn publishes no invitation number [li-help-invitations]. The risk level here is our judgement,
built from what LinkedIn does say (many invitations in a short time, many ignored or pending invitations
lead to restrictions), the widely reported but unverified ~100 a week [weekly-100], and vendors' defaults.
Every reason names where its threshold comes from.

>>> plan = SendingPlan(age_months=1, activity="new", ssi=12, account="free", per_day=50, per_week=350, pending=0)
>>> assess(plan).level.name
'HIGH'
>>> assess(SendingPlan(age_months=36, activity="active", ssi=None, account="free", per_day=10, per_week=50,
...             pending=40)).level.name
'LOW'
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Literal

from ..evidence import LAGGARD_BELOW
from .published import (
    DAILY_DEFAULT,
    DAILY_VENDOR_MAX,
    FREE_NOTES_PER_MONTH,
    NEW_DAILY_CAUTIOUS,
    NEW_DAILY_HIGH,
    PENDING_ELEVATED,
    PENDING_HIGH,
    WEEKLY_REPORTED,
    WEEKLY_VENDOR_LOW,
)

Activity = Literal["new", "dormant", "active"]
Subscription = Literal["free", "premium", "sales_navigator"]

# An account younger than this counts as new for the daily guidance (our assumption: vendors say "new
# accounts" without defining them).
NEW_ACCOUNT_MONTHS = 3


class Level(IntEnum):
    """Risk levels, ordered so the worst reason sets the level."""

    INFO = 0  # a fact worth knowing that adds no risk
    LOW = 1
    ELEVATED = 2
    HIGH = 3

    @property
    def label(self) -> str:
        return {Level.INFO: "Note", Level.LOW: "Low", Level.ELEVATED: "Elevated", Level.HIGH: "High"}[self]


@dataclass(frozen=True)
class SendingPlan:
    age_months: int
    activity: Activity
    ssi: int | None
    account: Subscription
    per_day: int
    per_week: int
    pending: int | None = None


@dataclass(frozen=True)
class Reason:
    level: Level
    text: str
    source_ids: tuple[str, ...]  # where the threshold comes from; () for our own rule of thumb


@dataclass(frozen=True)
class Assessment:
    plan: SendingPlan
    level: Level
    reasons: tuple[Reason, ...]  # worst first
    treat_as_new: bool
    suggested_per_day: int
    suggested_per_week: int


def check(plan: SendingPlan) -> dict[str, str]:
    """Messages, keyed by field, for a daily and weekly plan that cannot both hold."""
    if plan.per_week < plan.per_day:
        return {"per_week": f"A week that includes a day of {plan.per_day} invitations holds at least"
                            f" {plan.per_day}. Raise the weekly figure or lower the daily one."}
    if plan.per_week > 7 * plan.per_day:
        return {"per_week": f"{plan.per_week} a week is more than {plan.per_day} a day for all seven days"
                            f" ({7 * plan.per_day}). Raise the daily figure or lower the weekly one."}
    return {}


def assess(plan: SendingPlan) -> Assessment:
    """The risk level (the worst of the reasons) with every reason that contributed, worst first."""
    treat_as_new = plan.activity in ("new", "dormant") or plan.age_months < NEW_ACCOUNT_MONTHS
    reasons = [*_volume(plan), *_history(plan, treat_as_new), *_pending(plan), *_context(plan)]
    reasons.sort(key=lambda r: -r.level)
    level = max((r.level for r in reasons), default=Level.LOW)
    if level < Level.LOW:
        level = Level.LOW
    if treat_as_new:
        day, week = NEW_DAILY_CAUTIOUS, NEW_DAILY_CAUTIOUS * 5
    else:
        day, week = min(plan.per_day, DAILY_DEFAULT), min(plan.per_week, WEEKLY_VENDOR_LOW)
    return Assessment(plan, level, tuple(reasons), treat_as_new, day, week)


def _volume(plan: SendingPlan) -> list[Reason]:
    out: list[Reason] = []
    if plan.per_week > WEEKLY_REPORTED:
        out.append(Reason(Level.HIGH, f"{plan.per_week} a week is above the widely reported ceiling of about"
                                      f" {WEEKLY_REPORTED} a week. That figure is unverified, but it is where"
                                      " many people report restrictions.", ("weekly-100",)))
    elif plan.per_week >= WEEKLY_VENDOR_LOW:
        out.append(Reason(Level.ELEVATED, f"{plan.per_week} a week is close to the widely reported ~"
                                          f"{WEEKLY_REPORTED} a week, inside the 75–100 band one vendor gives"
                                          " only for established accounts.", ("weekly-100", "vendor-quarvio")))
    if plan.per_day > DAILY_VENDOR_MAX:
        out.append(Reason(Level.HIGH, f"{plan.per_day} on one day is more than any vendor default we track"
                                      f" (at most {DAILY_VENDOR_MAX} a day). Bursts are what LinkedIn names:"
                                      " many invitations in a short time.",
                          ("vendor-quarvio", "li-help-invitations")))
    elif plan.per_day > DAILY_DEFAULT:
        out.append(Reason(Level.ELEVATED, f"{plan.per_day} a day is above a common vendor default of"
                                          f" {DAILY_DEFAULT} a day.", ("vendor-salesflow",)))
    if not out and plan.per_week > 0:
        out.append(Reason(Level.LOW, f"{plan.per_day} a day and {plan.per_week} a week stay under the widely"
                                     " reported weekly figure and vendors' daily defaults.",
                          ("weekly-100", "vendor-salesflow")))
    if plan.per_week == 0:
        out.append(Reason(Level.LOW, "No invitations planned: nothing to restrict.", ()))
    return out


def _history(plan: SendingPlan, treat_as_new: bool) -> list[Reason]:
    out: list[Reason] = []
    if treat_as_new:
        why = {"new": "a new account", "dormant": "a dormant account"}.get(
            plan.activity, f"an account under {NEW_ACCOUNT_MONTHS} months old")
        if plan.per_day > NEW_DAILY_HIGH:
            out.append(Reason(Level.HIGH, f"{plan.per_day} a day from {why} is above vendors' guidance for new"
                                          f" accounts ({NEW_DAILY_CAUTIOUS}–{NEW_DAILY_HIGH} a day). Warm the"
                                          " account up first.", ("vendor-quarvio", "vendor-overloop")))
        elif plan.per_day > NEW_DAILY_CAUTIOUS:
            out.append(Reason(Level.ELEVATED, f"{plan.per_day} a day from {why} is at the top of vendors'"
                                              f" new-account guidance; {NEW_DAILY_CAUTIOUS} a day is the cautious"
                                              " start.", ("vendor-quarvio", "vendor-overloop")))
    if plan.ssi is not None and plan.ssi < LAGGARD_BELOW and plan.per_week > 0:
        out.append(Reason(Level.ELEVATED, f"An SSI of {plan.ssi} is in LinkedIn's laggard range (below"
                                          f" {LAGGARD_BELOW}), which usually means a thin profile or little"
                                          " activity: the emptiness that makes sending volume look automated.",
                          ("li-leaders-study",)))
    return out


def _pending(plan: SendingPlan) -> list[Reason]:
    if plan.pending is None:
        return []
    if plan.pending >= PENDING_HIGH:
        level = Level.HIGH
    elif plan.pending >= PENDING_ELEVATED:
        level = Level.ELEVATED
    else:
        return []
    return [Reason(level, f"{plan.pending} invitations are pending. LinkedIn says too many pending invitations"
                          " can block sending for up to a month, without giving a number; the threshold here"
                          f" ({PENDING_ELEVATED}, and {PENDING_HIGH} for high) is our rule of thumb. Withdraw"
                          " the oldest.", ("li-help-invitations",))]


def _context(plan: SendingPlan) -> list[Reason]:
    out = [Reason(Level.INFO, "LinkedIn publishes no invitation number, and says a higher limit cannot be"
                              " bought: paying for Premium or Sales Navigator does not add invitations.",
                  ("li-help-invitations",))]
    if plan.account == "free":
        out.append(Reason(Level.INFO, f"A free account can add a personal note to {FREE_NOTES_PER_MONTH}"
                                      " invitations a month.", ("li-help-invitations",)))
    if plan.ssi is not None and plan.ssi >= LAGGARD_BELOW:
        out.append(Reason(Level.INFO, "A higher SSI is not known to raise your limits: vendors claim it, but"
                                      " LinkedIn's limit pages never mention SSI.", ("li-help-invitations",)))
    return out
