"""The one set of sending limits: stages, their daily lines, and the pace each calls Low."""

import pytest

from calculator.outreach.limits import STAGE_CHOICES, STAGES, WEEKLY_LOW_MAX, low_pace, stage, stage_at
from calculator.outreach.published import DAILY_DEFAULT, DAILY_VENDOR_MAX, NEW_DAILY_CAUTIOUS, NEW_DAILY_HIGH


def test_the_stages_follow_the_warm_up_weeks_and_rise() -> None:
    assert [s.first_week for s in STAGES] == [1, 3, 5]
    assert [s.low_per_day for s in STAGES] == [NEW_DAILY_CAUTIOUS, NEW_DAILY_HIGH, DAILY_DEFAULT]
    assert [s.high_above_per_day for s in STAGES] == [NEW_DAILY_HIGH, DAILY_DEFAULT, DAILY_VENDOR_MAX]
    assert all(s.low_per_day < s.high_above_per_day for s in STAGES)


@pytest.mark.parametrize(("week", "key"), [(0, "start"), (1, "start"), (2, "start"), (3, "early"), (4, "early"),
                                           (5, "settled"), (52, "settled")])
def test_a_week_of_sending_falls_in_one_stage(week: int, key: str) -> None:
    assert stage_at(week).key == key


def test_the_low_pace_is_the_daily_line_on_weekdays_and_always_under_75_a_week() -> None:
    assert [low_pace(s) for s in STAGES] == [(5, 25), (8, 40), (15, WEEKLY_LOW_MAX)]
    assert WEEKLY_LOW_MAX == 74


def test_the_form_choices_are_the_stages_and_an_unknown_key_is_the_most_cautious() -> None:
    assert [k for k, _ in STAGE_CHOICES] == ["start", "early", "settled"]
    assert stage("bogus") is STAGES[0]
    assert stage("settled") is STAGES[-1]
