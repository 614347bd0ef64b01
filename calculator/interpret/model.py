"""Mode "Interpret my score": what the four pillar values on a dashboard mean.

>>> from decimal import Decimal as D
>>> result = interpret(Scores(D("20.998"), D("6.4"), D("10.25"), D("15")), industry=Group(34, 9))
>>> result.total_shown, result.band.key, result.industry.estimate.contains(9)
(53, 'middle', True)
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..evidence import Band, VendorBand, band_for, vendor_labels
from ..pillars import QUICK_WINS, Pillar, Scores, shown_total
from .percentile import TopRange, estimate_top


@dataclass(frozen=True)
class Group:
    """What the dashboard says about one comparison group (industry or network); any part may be unknown."""

    average: float | None = None
    top_percent: float | None = None
    pillar_averages: dict[Pillar, Decimal] | None = None


@dataclass(frozen=True)
class GroupView:
    name: str
    given: Group
    estimate: TopRange
    gap: float | None  # total minus the group's average
    pillar_gaps: dict[Pillar, Decimal] | None


@dataclass(frozen=True)
class Interpretation:
    scores: Scores
    total_exact: Decimal
    total_shown: int
    band: Band
    vendor_labels: list[VendorBand]
    overall: TopRange
    industry: GroupView
    network: GroupView
    weakest: list[Pillar]
    quick_wins: dict[Pillar, tuple[str, ...]]


def weakest_pillars(scores: Scores, count: int = 2) -> list[Pillar]:
    """The pillars with the most room to grow, lowest first; ties keep the dashboard's order."""
    values = scores.values()
    return sorted(values, key=lambda p: values[p])[:count]


def interpret(scores: Scores, industry: Group | None = None, network: Group | None = None) -> Interpretation:
    total = scores.total
    shown = shown_total(total)
    weakest = weakest_pillars(scores)
    return Interpretation(
        scores=scores,
        total_exact=total,
        total_shown=shown,
        band=band_for(shown),
        vendor_labels=vendor_labels(shown),
        overall=estimate_top(float(total)),
        industry=_view("industry", industry or Group(), scores, total),
        network=_view("network", network or Group(), scores, total),
        weakest=weakest,
        quick_wins={p: QUICK_WINS[p] for p in weakest},
    )


def _view(name: str, group: Group, scores: Scores, total: Decimal) -> GroupView:
    pillar_gaps = None
    if group.pillar_averages:
        values = scores.values()
        pillar_gaps = {p: values[p] - avg for p, avg in group.pillar_averages.items()}
    return GroupView(
        name=name,
        given=group,
        estimate=estimate_top(float(total), group.average),
        gap=None if group.average is None else float(total) - group.average,
        pillar_gaps=pillar_gaps,
    )
