"""A goal with a date: on track or not, and an honest word when the readings are too few."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from calculator.track.example import example_history
from calculator.track.goal import Goal, outlook
from calculator.track.readings import Reading


def weekly(totals: list[str], start: date = date(2026, 1, 5)) -> tuple[Reading, ...]:
    """Readings a week apart whose totals are the given values (the brand pillar carries the change)."""
    return tuple(Reading(start + timedelta(days=7 * i), D(t) - 30, D(10), D(10), D(10)) for i, t in enumerate(totals))


def test_a_steady_climb_is_on_track() -> None:
    history = weekly(["40", "41.1", "41.9", "43", "44.1", "44.9"])
    got = outlook(history, Goal(D(50), date(2026, 3, 30)), date(2026, 2, 10))
    assert got.verdict == "on-track" and got.pace is not None and 0.9 < got.pace < 1.1
    assert "you are on track" in got.words and "between" in got.words


def test_a_flat_history_against_an_ambitious_goal_is_not_on_track() -> None:
    got = outlook(example_history(), Goal(D(65), date(2026, 7, 18)), date(2026, 5, 20))
    assert got.verdict == "off-track"
    assert "you would not get there" in got.words and "points a week" in got.words


def test_scattered_readings_say_they_cannot_tell() -> None:
    history = weekly(["40", "46", "39", "47", "41", "48"])
    got = outlook(history, Goal(D(50), date(2026, 4, 30)), date(2026, 2, 10))
    assert got.verdict == "unclear" and got.pace_range is not None
    low, high = got.pace_range
    assert low < got.needed < high  # type: ignore[operator]
    assert "cannot yet tell" in got.words


@pytest.mark.parametrize("count", [1, 2, 3])
def test_few_readings_say_so_and_give_only_the_pace_needed(count: int) -> None:
    got = outlook(weekly(["40", "42", "44"][:count]), Goal(D(50), date(2026, 4, 30)), date(2026, 1, 20))
    assert got.verdict == "too-few" and got.pace is None
    assert "too few to say" in got.words and "you need about +" in got.words


def test_a_goal_already_reached_or_past_its_date() -> None:
    history = weekly(["40", "45"])
    assert outlook(history, Goal(D(44), date(2026, 6, 1)), date(2026, 1, 20)).verdict == "reached"
    assert outlook(history, Goal(D(60), date(2026, 1, 1)), date(2026, 1, 20)).verdict == "passed"
    assert outlook((), Goal(D(60), date(2026, 6, 1)), date(2026, 1, 20)).verdict == "too-few"


def test_the_projection_stays_within_the_scale() -> None:
    history = weekly(["40", "50", "60", "70", "80"])
    got = outlook(history, Goal(D(99), date(2027, 1, 1)), date(2026, 2, 10))
    assert got.projected is not None and 0 <= got.projected[0] <= got.projected[1] <= 100
