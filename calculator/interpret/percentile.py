"""Our model of where a score sits in a group: an estimate, stated as a range, and how often it holds.

LinkedIn publishes no distribution of current scores. What is public is its 2015 picture of all sales
professionals (an average of 28.2, 46.7% at 0–20 and 1.4% at 70 or more [li-science-2015]) and a few
dashboard readings with their ranks (:data:`~calculator.evidence.KNOWN_READINGS`). The 2015 shares rule out
a bell curve: half the scores sit at 20 or below while the average is 28, so the curve is skewed, bunched
low with a long tail upwards. We use a gamma curve (skewed, starting at 0) whose mean is the group's
average, cut off at 100. Its *shape* says how tightly scores gather round the average, and it is the one
thing we fit. Where the evidence is thin we try a wider set of shapes, so the range widens:

- **A group whose average you give**, for a score at or above it: shapes 5.5 to 7.5, the set that holds
  every group reading (one member's 2026 dashboard, a 2017 blog reading).
- **Closer to the average, and below it,** no group reading exists. From 15 points above the average to 5
  points below it, the lowest shape slides down to 1.5, the shape LinkedIn's 2015 lower end needs.
- **No group average:** shapes 1.5 to 7.5 and an average anywhere from 28.2 (2015) to 36 (2026). Wide on
  purpose: it must hold the 2015 population as well as today's groups.

The result is the best and the worst "Top N%" over every shape and average tried.

>>> estimate_top(52.648, 34).shown()
(8, 11)
>>> result = coverage()
>>> result.inside, result.total
(21, 21)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ..evidence import AVERAGE_2015, KNOWN_READINGS, SERIES_2026, TOTAL_MAX, RankReading

GROUP_SHAPE_LOW = 5.5
GROUP_SHAPE_HIGH = 7.5
POPULATION_SHAPE_LOW = 1.5
# Where the lowest shape starts to slide, and where it reaches the population's: the nearest group readings
# sit 16 to 19 points above their group's average; below the average there are none.
WIDEN_FROM = 15.0  # points above the average
WIDEN_TO = -5.0  # points above the average: 5 below it
DEFAULT_CENTRE_LOW = AVERAGE_2015
DEFAULT_CENTRE_HIGH = float(max(r.network_average for r in SERIES_2026))
_STEPS = 6  # shapes tried between the lowest and the highest, ends included: 7 in all


@dataclass(frozen=True)
class TopRange:
    """An estimated "Top N%" rank, as LinkedIn states ranks: lower is better."""

    best: float  # the most favourable end, e.g. 5.7 for "top 5.7%"
    worst: float
    centre_low: float
    centre_high: float

    def shown(self) -> tuple[int, int]:
        """The range as the calculator prints it, in whole percents: (1, 1) reads "top 1% or better" and
        (99, 100) "at or near the bottom".

        >>> TopRange(0.2, 0.8, 34, 34).shown(), TopRange(0.2, 2.5, 34, 34).shown(), TopRange(7.6, 10.5, 34, 34).shown()
        ((1, 1), (1, 3), (8, 11))
        """
        if self.worst < 1:
            return 1, 1
        if self.best >= 99:
            return 99, 100
        return max(1, _half_up(self.best)), _half_up(self.worst)

    def contains(self, top_percent: float) -> bool:
        """Whether a rank LinkedIn gave falls inside the range as printed."""
        low, high = self.shown()
        return (low == 1 and high == 1 and top_percent <= 1) or low <= top_percent <= high


def _half_up(value: float) -> int:
    return math.floor(value + 0.5)


def _lower_gamma(a: float, x: float) -> float:
    """The regularized lower incomplete gamma function P(a, x): a series below a + 1, a continued fraction above.

    >>> round(_lower_gamma(1.0, 1.0), 6)  # for a = 1 it is 1 − e^(−x)
    0.632121
    """
    if x <= 0:
        return 0.0
    front = math.exp(a * math.log(x) - x - math.lgamma(a))
    if x < a + 1:
        term = total = 1.0 / a
        n = a
        while abs(term) > abs(total) * 1e-15:
            n += 1
            term *= x / n
            total += term
        return min(1.0, total * front)
    tiny = 1e-300
    b = x + 1 - a
    c, d = 1 / tiny, 1 / b
    fraction = d
    for i in range(1, 1000):
        step = -i * (i - a)
        b += 2
        d = step * d + b
        d = tiny if abs(d) < tiny else d
        c = b + step / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        fraction *= d * c
        if abs(d * c - 1) < 1e-15:
            break
    return max(0.0, 1.0 - front * fraction)


def share_above(score: float, centre: float, shape: float) -> float:
    """Percent of a group scoring above ``score``: a gamma curve with mean ``centre``, cut off at 100.

    >>> round(share_above(52.648, 34, 6.5), 1), round(share_above(20.5, 28.2, 1.5), 1)
    (9.2, 52.9)
    """
    centre = min(max(centre, 1.0), TOTAL_MAX - 1.0)  # a group averaging 0 or 100 has no spread to speak of
    scale = centre / shape
    inside = _lower_gamma(shape, TOTAL_MAX / scale)
    below = _lower_gamma(shape, min(max(score, 0.0), TOTAL_MAX) / scale)
    return min(100.0, max(0.0, 100.0 * (inside - below) / inside))  # rounding must not push a share past 0–100


def lowest_shape(score: float, average: float) -> float:
    """The lowest shape tried for ``score`` in a group averaging ``average``: lower the further below it.

    >>> lowest_shape(53, 34), lowest_shape(39, 34), lowest_shape(29, 34)
    (5.5, 3.5, 1.5)
    """
    slid = min(max((WIDEN_FROM - (score - average)) / (WIDEN_FROM - WIDEN_TO), 0.0), 1.0)
    return GROUP_SHAPE_LOW - (GROUP_SHAPE_LOW - POPULATION_SHAPE_LOW) * slid


def _shapes(lowest: float) -> list[float]:
    return [lowest + (GROUP_SHAPE_HIGH - lowest) * i / _STEPS for i in range(_STEPS + 1)]


def _estimate(score: float, centres: tuple[float, ...], lowest: Callable[[float], float]) -> TopRange:
    """The best end over every shape from the population's up, the worst over those ``lowest`` allows.

    The best end of a score far above the average comes from the tightest shape whatever the set, so trying
    the population's shapes there costs nothing; trying them everywhere keeps a higher score from ever
    looking worse. The worst end narrows as the score rises, which can only move it down.
    """
    best = min(share_above(score, c, k) for c in centres for k in _shapes(POPULATION_SHAPE_LOW))
    worst = max(share_above(score, c, k) for c in centres for k in _shapes(lowest(c)))
    return TopRange(best, worst, min(centres), max(centres))


def estimate_between(score: float, centre_low: float, centre_high: float) -> TopRange:
    """The range for a group whose average lies between ``centre_low`` and ``centre_high``."""
    return _estimate(score, (centre_low, centre_high), lambda centre: lowest_shape(score, centre))


def estimate_top(score: float, average: float | None = None) -> TopRange:
    """Estimate the "Top N%" rank of ``score``, against a group ``average`` when one is known."""
    if average is not None:
        return estimate_between(score, average, average)
    return _estimate(score, (DEFAULT_CENTRE_LOW, DEFAULT_CENTRE_HIGH), lambda centre: POPULATION_SHAPE_LOW)


def estimate_for(reading: RankReading) -> TopRange:
    """The range the calculator shows for a known reading's score and group average."""
    if reading.average is None:
        return estimate_top(reading.score)
    return estimate_between(reading.score, *reading.average)


@dataclass(frozen=True)
class Check:
    reading: RankReading
    estimate: TopRange

    @property
    def inside(self) -> bool:
        return self.estimate.contains(self.reading.top_percent)


@dataclass(frozen=True)
class Coverage:
    """How many known readings fall inside the ranges the calculator shows for them."""

    checks: tuple[Check, ...]

    @property
    def inside(self) -> int:
        return sum(c.inside for c in self.checks)

    @property
    def total(self) -> int:
        return len(self.checks)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.reading.source_id for c in self.checks))


def coverage(readings: tuple[RankReading, ...] = KNOWN_READINGS) -> Coverage:
    """Every known reading against the range the calculator would show for it."""
    return Coverage(tuple(Check(r, estimate_for(r)) for r in readings))
