"""Our percentile model: where a score sits in a group, as a range that holds every known reading."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.evidence import KNOWN_READINGS, SHARE_0_20_2015, SHARE_70_PLUS_2015
from calculator.interpret.percentile import (
    TopRange,
    coverage,
    estimate_for,
    estimate_top,
    share_above,
)

# The figure the interpret page publishes: pinned, so a change to the model or to the readings that drops a
# reading outside its range fails here, and a new reading must be added on purpose.
KNOWN_INSIDE, KNOWN_TOTAL = 21, 21


def test_the_published_coverage_figure() -> None:
    found = coverage()
    assert (found.inside, found.total) == (KNOWN_INSIDE, KNOWN_TOTAL)
    assert found.sources == ("reading-2026", "reading-2017", "li-science-2015")


@pytest.mark.parametrize("reading", KNOWN_READINGS, ids=lambda r: f"{r.when}-{r.group}-{r.score}")
def test_every_known_reading_falls_inside_the_range_shown_for_it(reading) -> None:  # type: ignore[no-untyped-def]
    assert estimate_for(reading).contains(reading.top_percent)


def test_53_in_an_industry_averaging_34_shows_top_8_to_11_percent() -> None:
    assert estimate_top(52.648, 34).shown() == (8, 11)


def test_the_2015_shares_rule_out_a_bell_curve() -> None:
    """Almost half at 20 or below with an average of 28: far more bunched at the bottom than a bell allows."""
    low = estimate_top(20.5)
    assert low.contains(100 - SHARE_0_20_2015)
    assert estimate_top(69.5).contains(SHARE_70_PLUS_2015)


def test_ranges_widen_where_no_reading_exists() -> None:
    """The readings sit 16 to 19 points above their group's average; below the average there are none."""
    def width(r: TopRange) -> float:
        return r.worst - r.best
    near_readings, at_average, far_below = estimate_top(53, 34), estimate_top(34, 34), estimate_top(20, 34)
    assert width(near_readings) < width(at_average) < width(far_below)
    assert width(far_below) > 20


def test_without_a_group_average_the_range_is_wider() -> None:
    known, unknown = estimate_top(53, 34), estimate_top(53)
    assert unknown.worst - unknown.best > known.worst - known.best


def test_the_ends_read_as_words_not_as_impossible_ranks() -> None:
    assert estimate_top(95, 34).shown() == (1, 1)  # "top 1% or better"
    assert estimate_top(0, 34).shown() == (99, 100)  # "at or near the bottom"
    assert estimate_top(95, 34).contains(0.5)


@given(st.floats(0, 100), st.one_of(st.none(), st.floats(0, 100)))
def test_shares_stay_between_0_and_100(score: float, average: float | None) -> None:
    estimate = estimate_top(score, average)
    assert 0 <= estimate.best <= estimate.worst <= 100
    low, high = estimate.shown()
    assert 1 <= low <= high <= 100


@given(st.floats(0, 99), st.floats(0.01, 1), st.one_of(st.none(), st.floats(0, 100)))
def test_a_higher_score_is_never_ranked_lower(score: float, step: float, average: float | None) -> None:
    lower, higher = estimate_top(score, average), estimate_top(score + step, average)
    assert higher.best <= lower.best + 1e-9
    assert higher.worst <= lower.worst + 1e-9


@given(st.floats(0, 99), st.floats(0.01, 1), st.floats(1, 99), st.floats(0.5, 12))
def test_one_curve_never_ranks_a_higher_score_lower(score: float, step: float, average: float, shape: float) -> None:
    assert share_above(score + step, average, shape) <= share_above(score, average, shape) + 1e-9
