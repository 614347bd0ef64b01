"""Pacing and account risk: how a planned sending pace compares with what is known about restrictions.

LinkedIn publishes no invitation number [li-help-invitations]. The risk level here is our judgement,
built from what LinkedIn does say (many invitations in a short time, many ignored or pending invitations
lead to restrictions), the widely reported but unverified ~100 a week [weekly-100], and vendors' defaults.
The lines are the shared table of :mod:`.limits`, the same the warm-up plan and the planner keep under.
Every reason names where its threshold comes from.

>>> plan = SendingPlan(stage="start", ssi=12, account="free", per_day=50, per_week=350, pending=0)
>>> assess(plan).level.name
'HIGH'
>>> assess(SendingPlan(stage="settled", ssi=None, account="free", per_day=10, per_week=50, pending=40)).level.name
'LOW'
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Literal

from ..evidence import LAGGARD_BELOW
from .limits import WEEKLY_ELEVATED_FROM, WEEKLY_HIGH_ABOVE, Stage, StageKey, low_pace
from .limits import stage as stage_of
from .published import FREE_NOTES_PER_MONTH, PENDING_ELEVATED, PENDING_HIGH

Subscription = Literal["free", "premium", "sales_navigator"]


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
    stage: StageKey  # how far along the account's sending history is (see :data:`.limits.STAGES`)
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
    stage: Stage
    suggested_per_day: int  # the plan brought within the stage's Low pace
    suggested_per_week: int

    @property
    def warming_up(self) -> bool:
        return self.stage.key != "settled"


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
    stage = stage_of(plan.stage)
    reasons = [*_volume(plan, stage), *_profile(plan), *_pending(plan), *_context(plan)]
    reasons.sort(key=lambda r: -r.level)
    level = max(Level.LOW, max((r.level for r in reasons), default=Level.LOW))
    day, week = low_pace(stage)
    return Assessment(plan, level, tuple(reasons), stage, min(plan.per_day, day), min(plan.per_week, week))


def _volume(plan: SendingPlan, stage: Stage) -> list[Reason]:
    out: list[Reason] = []
    if plan.per_week > WEEKLY_HIGH_ABOVE:
        out.append(Reason(Level.HIGH, f"{plan.per_week} a week is above the widely reported ceiling of about"
                                      f" {WEEKLY_HIGH_ABOVE} a week. That figure is unverified, but it is where"
                                      " many people report restrictions.", ("weekly-100",)))
    elif plan.per_week >= WEEKLY_ELEVATED_FROM:
        out.append(Reason(Level.ELEVATED, f"{plan.per_week} a week is close to the widely reported ~"
                                          f"{WEEKLY_HIGH_ABOVE} a week, inside the {WEEKLY_ELEVATED_FROM}–"
                                          f"{WEEKLY_HIGH_ABOVE} band one vendor gives only for established"
                                          " accounts.", ("weekly-100", "vendor-quarvio")))
    day = f"{plan.per_day} on one day in {stage.name} of sending"
    if plan.per_day > stage.high_above_per_day:
        warm = " Warm the account up first." if stage.key != "settled" else ""
        out.append(Reason(Level.HIGH, f"{day} is above {stage.high_words} ({stage.high_above_per_day} a day)."
                                      " Bursts are what LinkedIn names: many invitations in a short time." + warm,
                          (*stage.high_sources, "li-help-invitations")))
    elif plan.per_day > stage.low_per_day:
        out.append(Reason(Level.ELEVATED, f"{day} is above {stage.low_words} ({stage.low_per_day} a day).",
                          stage.low_sources))
    if not out and plan.per_week > 0:
        out.append(Reason(Level.LOW, f"{plan.per_day} a day and {plan.per_week} a week stay within {stage.low_words}"
                                     f" ({stage.low_per_day} a day) and under {WEEKLY_ELEVATED_FROM} a week.",
                          (*stage.low_sources, "weekly-100")))
    if plan.per_week == 0:
        out.append(Reason(Level.LOW, "No invitations planned: nothing to restrict.", ()))
    return out


def _profile(plan: SendingPlan) -> list[Reason]:
    if plan.ssi is not None and plan.ssi < LAGGARD_BELOW and plan.per_week > 0:
        return [Reason(Level.ELEVATED, f"An SSI of {plan.ssi} is in LinkedIn's laggard range (below"
                                       f" {LAGGARD_BELOW}), which usually means a thin profile or little"
                                       " activity: the emptiness that makes sending volume look automated.",
                       ("li-leaders-study",))]
    return []


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
                  ("li-help-invitations",)),
           Reason(Level.INFO, "Where each stage starts is our choice, the weeks of our warm-up plan: vendors"
                              " speak of new accounts without saying how long an account stays new.", ())]
    if plan.account == "free":
        out.append(Reason(Level.INFO, f"A free account can add a personal note to {FREE_NOTES_PER_MONTH}"
                                      " invitations a month.", ("li-help-invitations",)))
    if plan.ssi is not None and plan.ssi >= LAGGARD_BELOW:
        out.append(Reason(Level.INFO, "A higher SSI is not known to raise your limits: vendors claim it, but"
                                      " LinkedIn's limit pages never mention SSI.", ("li-help-invitations",)))
    return out
