"""Each reading's change in words: the member, one pillar, or the population moved."""

from datetime import date
from decimal import Decimal as D

from calculator.track.example import example_history
from calculator.track.moves import POPULATION_EXAMPLE, explain, explain_history
from calculator.track.readings import Reading


def by_day() -> dict[date, str]:
    return {move.day: move.words for move in explain_history(example_history())}


def test_ranks_moving_with_identical_pillars_is_the_population_moving() -> None:
    move = explain_history(example_history())[-1]  # 18 → 19 May 2026
    assert move.kind == "population" and move.pillars == {}
    assert move.ranks == {"industry": (D(10), D(9)), "network": (D(12), D(11))}
    assert "The people you are ranked against moved, not you" in move.words
    assert "top 10% to top 9% (better)" in move.words


def test_one_pillar_moving_overnight_names_it_and_by_how_much() -> None:
    words = by_day()[date(2026, 5, 13)]
    assert words.startswith("Overnight, Engage with insights fell by 0.75 (10.25 → 9.5)")
    assert "shown 53 → 52" in words and "network rank went from top 12% to top 13% (worse) with it" in words


def test_a_tiny_change_under_a_rank_move_still_counts_as_the_population() -> None:
    a = Reading(date(2026, 5, 1), D("20.998"), D("6.4"), D("10.25"), D(15), D(10))
    b = Reading(date(2026, 5, 8), D("21.048"), D("6.4"), D("10.25"), D(15), D(8))
    move = explain(a, b)
    assert move.kind == "population" and "barely changed (total +0.05)" in move.words
    assert move.words.startswith("Over 7 days (since 2026-05-01)")


def test_several_pillars_and_a_group_average_are_listed() -> None:
    words = by_day()[date(2026, 5, 12)]
    assert words.startswith("Over 15 days (since 2026-04-27): Establish your professional brand +0.075,"
                            " Find the right people +0.12.")
    assert "still shown as 53" in words
    assert by_day()[date(2026, 5, 17)] == ("Overnight: no change in your pillars or ranks. The industry average"
                                           " went from 35 to 34.")


def test_every_reading_after_the_first_gets_a_sentence() -> None:
    assert len(explain_history(example_history())) == 8
    assert explain_history(example_history()[:1]) == ()


def test_the_2026_example_is_stated_in_words() -> None:
    assert "16 to 19 May" in POPULATION_EXAMPLE and "top 10% to top 9%" in POPULATION_EXAMPLE
