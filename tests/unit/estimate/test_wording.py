"""The words the estimate and plan pages share."""

from dataclasses import replace

from calculator.estimate.personas import TYPICAL
from calculator.estimate.score import Range, estimate
from calculator.estimate.terms import TERMS_BY_KEY
from calculator.estimate.wording import band_of, crossing, item_effort, pts, shown


def test_points_show_one_decimal_at_most() -> None:
    assert [pts(1.25), pts(3.0), pts(0.04)] == ["1.2", "3", "0"]


def test_an_amount_shows_with_its_unit() -> None:
    assert shown(TERMS_BY_KEY["photo"], 1) == "yes"
    assert shown(TERMS_BY_KEY["acceptance_rate"], 40) == "40%"
    assert shown(TERMS_BY_KEY["comments_per_week"], 3) == "3 a week"


def test_a_range_across_a_band_line_is_said() -> None:
    e = estimate(TYPICAL.inputs)
    assert crossing(replace(e, total=Range(35, 28, 42))).startswith("The likely range crosses LinkedIn's line at 30")
    assert crossing(replace(e, total=Range(50, 45, 55))) == ""
    assert band_of(replace(e, total=Range(80, 75, 85))).key != band_of(replace(e, total=Range(20, 15, 25))).key


def test_effort_is_weekly_or_once() -> None:
    assert [item_effort(20, 0), item_effort(0, 15)] == ["20 min a week", "15 min once"]
