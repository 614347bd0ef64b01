"""Mode "Estimate my score": OUR estimate of each SSI pillar from habits a person knows about their account.

Pure functions over frozen dataclasses; the constants live in :mod:`.terms`.

>>> e = estimate(EstimateInputs(photo=True, connections=600, days_active=7))
>>> round(e.total.value, 2), e.pillar(Pillar.RELATE).value > 6, e.total.low < e.total.value < e.total.high
(13.82, True, True)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..pillars import Pillar
from .terms import PILLAR_CAP, Account, Term, ceiling, terms_of, uncertainty


@dataclass(frozen=True)
class EstimateInputs:
    """What a person knows about their own account. Counts "a week" or "a month" as the name says."""

    # brand
    photo: bool = False
    banner: bool = False
    headline: bool = False
    about: bool = False
    experience: bool = False
    skills: float = 0
    featured: bool = False
    endorsements: float = 0
    posts_per_month: float = 0
    followers: float = 0
    # find
    searches_per_week: float = 0
    views_made_per_week: float = 0
    views_received_per_week: float = 0
    days_active: float = 0
    sn_searches_per_week: float = 0
    lead_saves_per_week: float = 0
    account: Account = "free"
    # engage
    comments_per_week: float = 0
    shares_per_week: float = 0
    reactions_per_week: float = 0
    response_rate: float = 0
    group_posts_per_month: float = 0
    account_saves_per_week: float = 0
    research_views_per_week: float = 0
    # relationships
    connections: float = 0
    senior_share: float = 0
    colleagues: float = 0
    acceptance_rate: float = 0

    def amount(self, term: Term) -> float:
        """The input a term reads, as a number (yes = 1)."""
        value: float | bool = getattr(self, term.key)
        return float(value)

    def with_amounts(self, amounts: Mapping[str, float]) -> EstimateInputs:
        """A copy with inputs changed by key; yes/no inputs become yes for any positive amount.

        >>> EstimateInputs().with_amounts({"photo": 1.0, "skills": 12.0}).photo
        True
        """
        changed: dict[str, Any] = {}
        for key, value in amounts.items():
            current = getattr(self, key)
            if value != float(current):
                changed[key] = value > 0 if isinstance(current, bool) else value
        return replace(self, **changed) if changed else self


@dataclass(frozen=True)
class Contribution:
    term: Term
    amount: float
    points: float
    blocked: bool  # a Sales Navigator input on a free account: counted as 0

    @property
    def room(self) -> float:
        """Points this input could still add before its curve flattens out completely."""
        return 0.0 if self.blocked else self.term.most - self.points


@dataclass(frozen=True)
class Range:
    value: float
    low: float
    high: float


@dataclass(frozen=True)
class PillarEstimate:
    pillar: Pillar
    raw: float  # sum of contributions before the cap
    value: float  # min(raw, cap)
    low: float
    high: float
    ceiling: float  # the most this account type can approach
    contributions: tuple[Contribution, ...]

    @property
    def capped(self) -> bool:
        return self.raw > PILLAR_CAP


@dataclass(frozen=True)
class Estimate:
    inputs: EstimateInputs
    pillars: tuple[PillarEstimate, ...]
    total: Range
    ceiling_total: float  # the most this account type can approach in our model

    def pillar(self, p: Pillar) -> PillarEstimate:
        return next(pe for pe in self.pillars if pe.pillar == p)

    def values(self) -> dict[Pillar, float]:
        return {pe.pillar: pe.value for pe in self.pillars}


def contribution(inputs: EstimateInputs, term: Term) -> Contribution:
    amount = inputs.amount(term)
    blocked = term.sales_navigator_only and inputs.account != "sales_navigator"
    return Contribution(term, amount, 0.0 if blocked else term.points(amount), blocked)


def estimate_pillar(inputs: EstimateInputs, pillar: Pillar) -> PillarEstimate:
    """One pillar: the sum of its terms, capped at 25, with our error bar clipped to 0–25."""
    parts = tuple(contribution(inputs, t) for t in terms_of(pillar))
    raw = sum(c.points for c in parts)
    value = min(raw, PILLAR_CAP)
    spread = uncertainty(value)
    return PillarEstimate(pillar, raw, value, max(0.0, value - spread), min(PILLAR_CAP, value + spread),
                          ceiling(pillar, inputs.account), parts)


def estimate(inputs: EstimateInputs) -> Estimate:
    """Every pillar and the total. The total's error bar is the root-sum-square of the pillars' ±."""
    pillars = tuple(estimate_pillar(inputs, p) for p in Pillar)
    total = sum(pe.value for pe in pillars)
    spread = math.sqrt(sum(uncertainty(pe.value) ** 2 for pe in pillars))
    return Estimate(
        inputs=inputs,
        pillars=pillars,
        total=Range(total, max(0.0, total - spread), min(4 * PILLAR_CAP, total + spread)),
        ceiling_total=sum(pe.ceiling for pe in pillars),
    )


@dataclass(frozen=True)
class Change:
    """The difference between a starting point and now, pillar by pillar and in total."""

    pillars: dict[Pillar, float]
    total: float


def compare(start: Estimate, now: Estimate) -> Change:
    """What moved between two estimates (now minus start).

    >>> c = compare(estimate(EstimateInputs()), estimate(EstimateInputs(photo=True)))
    >>> c.pillars[Pillar.BRAND], c.total
    (1.5, 1.5)
    """
    before, after = start.values(), now.values()
    return Change({p: after[p] - before[p] for p in Pillar}, now.total.value - start.total.value)

