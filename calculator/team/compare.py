"""The team beside the figures LinkedIn and real dashboards give, each figure taken from ``evidence`` (never
typed again here) with the source that says how far to trust it. Like is compared with like: the team's mean
with an average, its share above a line with a share above that line.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..evidence import AVERAGE_2015, LAGGARD_BELOW, LEADER_ABOVE, SERIES_2026, SHARE_70_PLUS_2015
from ..html import number
from .stats import Summary


@dataclass(frozen=True)
class Comparison:
    source_id: str
    figure: str  # what the source says
    team: str  # the same measure for the team


def _share(n: int, of: int) -> str:
    return f"{n} of {of} member{'s' if of != 1 else ''} ({number(100 * n / of, 1)}%)"


def _span(values: list[float]) -> str:
    low, high = min(values), max(values)
    return number(low, 1) if low == high else f"{number(low, 1)}–{number(high, 1)}"


def comparisons(summary: Summary) -> tuple[Comparison, ...]:
    totals = summary.shown_totals()
    count = len(totals)
    mean = number(float(summary.totals.mean), 1)
    median = number(float(summary.totals.median), 1)
    groups: dict[str, list[float]] = {
        "industry": [float(r.industry_average) for r in SERIES_2026],
        "network": [float(r.network_average) for r in SERIES_2026],
    }
    readings = " and ".join(f"{'an' if group[:1] in 'aeiou' else 'a'} {group} average of {_span(values)}"
                            for group, values in groups.items())
    leader_share = SHARE_70_PLUS_2015
    return (
        Comparison("li-science-2015", f"In August 2015 the average sales professional scored {AVERAGE_2015}.",
                   f"The team's mean latest total is {mean}."),
        Comparison("li-science-2015",
                   f"In August 2015, {leader_share}% of sales professionals scored {LEADER_ABOVE} or more.",
                   f"In the team: {_share(sum(1 for t in totals if t >= LEADER_ABOVE), count)}."),
        Comparison("li-leaders-study", f"LinkedIn calls an SSI above {LEADER_ABOVE} a leader's and one below"
                   f" {LAGGARD_BELOW} a laggard's.",
                   f"Above {LEADER_ABOVE}: {_share(sum(1 for t in totals if t > LEADER_ABOVE), count)}; below"
                   f" {LAGGARD_BELOW}: {_share(sum(1 for t in totals if t < LAGGARD_BELOW), count)}."),
        Comparison("reading-2026",
                   f"One member's real 2026 dashboard, read on {len(SERIES_2026)} days, showed {readings}.",
                   f"The team's median latest total is {median}."),
    )

