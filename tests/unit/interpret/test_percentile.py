"""Our percentile model: where a score sits in a group, as a range."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.evidence import READINGS_2026
from calculator.interpret.percentile import estimate_top, share_above


@pytest.mark.parametrize("reading", READINGS_2026, ids=lambda r: f"{r.score}-{r.group}-{r.average}")
def test_the_model_agrees_with_every_real_dashboard_reading(reading) -> None:  # type: ignore[no-untyped-def]
    assert estimate_top(reading.score, reading.average).contains(reading.top_percent)


def test_53_with_an_industry_average_of_34_is_about_top_9_percent() -> None:
    estimate = estimate_top(53, 34)
    assert 5 <= estimate.best < 9 < estimate.worst <= 13


def test_without_a_group_average_the_range_is_wider() -> None:
    known, unknown = estimate_top(53, 34), estimate_top(53)
    assert unknown.worst - unknown.best > known.worst - known.best


@given(st.floats(0, 100), st.floats(0, 100))
def test_shares_stay_between_0_and_100(score: float, average: float) -> None:
    estimate = estimate_top(score, average)
    assert 0 <= estimate.best <= estimate.worst <= 100


@given(st.floats(0, 99), st.floats(0.01, 1), st.floats(0, 100))
def test_a_higher_score_is_never_ranked_lower(score: float, step: float, average: float) -> None:
    assert share_above(score + step, average, 14) <= share_above(score, average, 14)
