"""Mode "Interpret my score": what the four pillar values on a dashboard mean.

>>> from decimal import Decimal as D
>>> result = interpret(Reading(D("20.998"), D("6.4"), D("10.25"), D("15")), industry=Group(34, 9))
>>> result.total_shown, result.band.key, result.industry.estimate.contains(9)
(53, 'middle', True)
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..evidence import Band, VendorBand, band_for, vendor_labels
from ..pillars import ACTIONS, Action, Pillar, shown_total
from .percentile import TopRange, estimate_top


@dataclass(frozen=True)
class Reading:
    """The four pillar values exactly as the dashboard shows them (0–25 each)."""

    brand: Decimal
    find: Decimal
    engage: Decimal
    relate: Decimal

    def values(self) -> dict[Pillar, Decimal]:
        return {
            Pillar.BRAND: self.brand,
            Pillar.FIND: self.find,
            Pillar.ENGAGE: self.engage,
            Pillar.RELATE: self.relate,
        }


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
    reading: Reading
    total_exact: Decimal
    total_shown: int
    band: Band
    vendor_labels: list[VendorBand]
    overall: TopRange
    industry: GroupView
    network: GroupView
    weakest: list[Pillar]
    actions: dict[Pillar, tuple[Action, ...]]


def weakest_pillars(reading: Reading, count: int = 2) -> list[Pillar]:
    """The pillars with the most room to grow, lowest first; ties keep the dashboard's order."""
    values = reading.values()
    return sorted(values, key=lambda p: values[p])[:count]


def interpret(reading: Reading, industry: Group | None = None, network: Group | None = None) -> Interpretation:
    total = sum(reading.values().values(), Decimal(0))
    shown = shown_total(total)
    weakest = weakest_pillars(reading)
    return Interpretation(
        reading=reading,
        total_exact=total,
        total_shown=shown,
        band=band_for(shown),
        vendor_labels=vendor_labels(shown),
        overall=estimate_top(float(total)),
        industry=_view("industry", industry or Group(), reading, total),
        network=_view("network", network or Group(), reading, total),
        weakest=weakest,
        actions={p: ACTIONS[p] for p in weakest},
    )


def _view(name: str, group: Group, reading: Reading, total: Decimal) -> GroupView:
    pillar_gaps = None
    if group.pillar_averages:
        values = reading.values()
        pillar_gaps = {p: values[p] - avg for p, avg in group.pillar_averages.items()}
    return GroupView(
        name=name,
        given=group,
        estimate=estimate_top(float(total), group.average),
        gap=None if group.average is None else float(total) - group.average,
        pillar_gaps=pillar_gaps,
    )
