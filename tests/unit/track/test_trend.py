"""Trend maths: changes over 7/30/90 days, weekly averages, the pillar that moved most, warnings."""

from datetime import date, timedelta
from decimal import Decimal as D

from calculator.track.readings import Reading, sort_history
from calculator.track.trend import analyse, change, weeks

START = date(2026, 1, 5)  # a Monday


def at(offset: int, brand: str = "10", find: str = "5", engage: str = "5", relate: str = "10") -> Reading:
    return Reading(START + timedelta(days=offset), D(brand), D(find), D(engage), D(relate))


def test_no_readings_no_trend() -> None:
    assert analyse(()) is None


def test_one_reading_has_no_changes_yet() -> None:
    t = analyse((at(0),), START)
    assert t is not None
    assert all(c.base is None and c.deltas == {} for c in t.changes)
    assert t.moved_most is None and t.warnings == ()


def test_changes_compare_with_the_newest_reading_at_least_that_old() -> None:
    history = sort_history([at(0, "8"), at(60, "9"), at(83, "10"), at(90, "12.5", engage="4.25")])
    assert change(history, 7).base == at(83, "10")
    assert change(history, 30).base == at(60, "9")
    assert change(history, 90).base == at(0, "8")
    deltas = change(history, 7).deltas
    assert deltas == {"total": D("1.75"), "brand": D("2.5"), "find": D(0), "engage": D("-0.75"), "relate": D(0)}


def test_a_history_a_little_short_of_the_period_still_compares_with_its_first_reading() -> None:
    history = sort_history([at(0), at(26, "11")])  # 26 days: within 30 - 30 // 7 = 26
    assert change(history, 30).base == at(0)
    assert change(sort_history([at(0), at(20, "11")]), 30).base is None


def test_weekly_averages_run_monday_to_sunday() -> None:
    history = sort_history([at(0, "10"), at(6, "12"), at(7, "13"), at(14, "11")])
    got = weeks(history)
    assert [w.start for w in got] == [START, START + timedelta(7), START + timedelta(14)]
    assert [w.average for w in got] == [D("31.00"), D("33.00"), D("31.00")]
    assert [w.change for w in got] == [None, D("2.00"), D("-2.00")]
    assert [w.count for w in got] == [2, 1, 1]


def test_the_pillar_that_moved_most_counts_falls_too() -> None:
    t = analyse(sort_history([at(0), at(30, "11", engage="1")]), START + timedelta(30))
    assert t is not None and t.moved_most == ("engage", D(-4), 30)


def test_a_decline_over_a_month_gets_a_gentle_warning() -> None:
    t = analyse(sort_history([at(0, "15"), at(30, "11")]), START + timedelta(30))
    assert t is not None
    assert any("4 points lower" in w for w in t.warnings)


def test_three_falling_weeks_get_a_warning() -> None:
    history = sort_history([at(0, "14"), at(7, "13"), at(14, "12.5"), at(21, "12")])
    t = analyse(history, START + timedelta(21))
    assert t is not None and any("three weeks in a row" in w for w in t.warnings)


def test_a_stale_latest_reading_and_a_long_gap_are_mentioned() -> None:
    t = analyse(sort_history([at(0), at(50)]), START + timedelta(80))
    assert t is not None
    assert any("30 days old" in w for w in t.warnings)
    assert any("gap of 50 days" in w for w in t.warnings)


def test_a_steady_history_has_no_warnings() -> None:
    history = sort_history([at(d, str(10 + d // 7)) for d in range(0, 70, 7)])
    t = analyse(history, START + timedelta(63))
    assert t is not None and t.warnings == ()

