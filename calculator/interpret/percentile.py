"""Our model of where a score sits in a group: an estimate, stated as a range.

LinkedIn publishes no distribution of current scores. We assume a group's scores follow a normal curve
centred on the group's average and cut off at 0 and 100. Its spread is the one figure we fit: a spread of
about 14 points reproduces the real 2026 readings (53 was "top 9%" of an industry averaging 34 and "top 11%"
of a network averaging 36), so we report the range a spread of 12 to 16 points gives. Without a group
average we also let the centre range from LinkedIn's 2015 average (28.2) to the 2026 network reading (36).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import product

from ..evidence import AVERAGE_2015, READINGS_2026, TOTAL_MAX

SPREAD_LOW = 12.0
SPREAD_HIGH = 16.0
SPREAD_FIT = 14.0
DEFAULT_CENTRE_LOW = AVERAGE_2015
DEFAULT_CENTRE_HIGH = float(max(r.average for r in READINGS_2026))


@dataclass(frozen=True)
class TopRange:
    """An estimated "Top N%" rank, as LinkedIn states ranks: lower is better."""

    best: float  # the most favourable end, e.g. 5.7 for "top 5.7%"
    worst: float
    centre_low: float
    centre_high: float

    def contains(self, top_percent: float) -> bool:
        return self.best <= top_percent <= self.worst


def share_above(score: float, centre: float, spread: float) -> float:
    """Percent of a group scoring above ``score``: a normal curve truncated to 0–100.

    >>> round(share_above(53, 34, 14), 1)
    8.8
    """
    def cdf(x: float) -> float:
        return 0.5 * (1.0 + math.erf((x - centre) / (spread * math.sqrt(2.0))))

    inside = cdf(TOTAL_MAX) - cdf(0.0)
    above = cdf(TOTAL_MAX) - cdf(min(max(score, 0.0), TOTAL_MAX))
    return min(100.0, max(0.0, 100.0 * above / inside))  # rounding must not push a share past 0–100


def estimate_top(score: float, average: float | None = None) -> TopRange:
    """Estimate the "Top N%" rank of ``score``, against a group ``average`` when one is known."""
    centres = (DEFAULT_CENTRE_LOW, DEFAULT_CENTRE_HIGH) if average is None else (average, average)
    shares = [share_above(score, c, s) for c, s in product(centres, (SPREAD_LOW, SPREAD_HIGH))]
    return TopRange(min(shares), max(shares), centres[0], centres[1])
