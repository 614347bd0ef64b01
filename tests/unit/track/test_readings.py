"""Readings: values checked as a person would expect, and the one-reading-per-date rule."""

from datetime import date
from decimal import Decimal as D

import pytest

from calculator.fields import FieldError, FormErrors
from calculator.track.readings import (
    Reading,
    clean_note,
    make_reading,
    merge,
    read_date,
    read_number,
    remove,
    sort_history,
    upsert,
)

TODAY = date(2026, 5, 20)


def reading(day: str, brand: str = "20.998", note: str = "") -> Reading:
    return Reading(date.fromisoformat(day), D(brand), D("6.4"), D("10.25"), D("15"), note=note)


@pytest.mark.parametrize(("raw", "name", "expected"), [
    ("20.998", "brand", D("20.998")),
    (" 20,998 ", "brand", D("20.998")),
    ("0", "find", D(0)),
    ("25", "relate", D(25)),
    ("15.0", "relate", D("15.0")),
    ("Top 9%", "industry_rank", D(9)),
    ("top 11 %", "network_rank", D(11)),
    ("34", "industry_average", D(34)),
    ("", "brand", None),
    ("   ", "network_average", None),
])
def test_numbers_people_type_are_read(raw: str, name: str, expected: D | None) -> None:
    assert read_number(raw, name) == expected


@pytest.mark.parametrize(("raw", "name", "message"), [
    ("abc", "brand", "is not a number"),
    ("-1", "brand", "outside 0 to 25"),
    ("25.5", "brand", "outside 0 to 25"),
    ("NaN", "find", "is not a number"),
    ("Infinity", "find", "is not a number"),
    ("1e1", "find", "is not a number"),
    ("1_0", "find", "is not a number"),
    ("12.3456", "engage", "more than 3 decimal places"),
    ("0", "industry_rank", "outside 1 to 100"),
    ("<img src=x onerror=alert(1)>", "brand", "is not a number"),
    ("9" * 5000, "brand", "is not a number"),
])
def test_bad_numbers_say_why(raw: str, name: str, message: str) -> None:
    with pytest.raises(FieldError, match=message):
        read_number(raw, name)


def test_non_text_values_are_refused() -> None:
    with pytest.raises(FieldError):
        read_number(12, "brand")  # type: ignore[arg-type]


@pytest.mark.parametrize(("raw", "message"), [
    ("19/05/2026", "YYYY-MM-DD"),
    ("2026-02-30", "not a real date"),
    ("2013-12-31", "before the SSI existed"),
    ("2026-05-22", "in the future"),
    ("", "YYYY-MM-DD"),
])
def test_bad_dates_say_why(raw: str, message: str) -> None:
    with pytest.raises(FieldError, match=message):
        read_date(raw, TODAY)


def test_tomorrow_is_allowed_for_time_zones() -> None:
    assert read_date("2026-05-21", TODAY) == date(2026, 5, 21)


def test_a_reading_totals_its_pillars_exactly_and_rounds_like_the_dashboard() -> None:
    r = reading("2026-05-19")
    assert r.total == D("52.648")
    assert r.shown_total == 53
    assert Reading(date(2026, 1, 1), D("12.5"), D(0), D(0), D(0)).shown_total == 13  # halves round up


def test_make_reading_lists_every_problem() -> None:
    with pytest.raises(FormErrors) as problem:
        make_reading({"date": "nope", "brand": "30", "find": "", "engage": "1", "relate": "x"}, TODAY)
    assert set(problem.value.errors) == {"date", "brand", "find", "relate"}


def test_notes_are_one_line_and_bounded() -> None:
    assert clean_note("a\nb\r\nc\x00d") == "a b c d"
    with pytest.raises(FieldError):
        clean_note("x" * 501)


def test_one_reading_per_date_the_second_replaces_the_first() -> None:
    history, old = upsert((), reading("2026-05-19"))
    assert old is None
    history, old = upsert(history, reading("2026-05-12"))
    history, old = upsert(history, reading("2026-05-19", "21"))
    assert old == reading("2026-05-19")
    assert [r.day.isoformat() for r in history] == ["2026-05-12", "2026-05-19"]
    assert history[-1].brand == D(21)


def test_remove_returns_what_it_removed() -> None:
    history = sort_history([reading("2026-05-19"), reading("2026-05-12")])
    left, old = remove(history, date(2026, 5, 12))
    assert old == reading("2026-05-12") and len(left) == 1
    assert remove(left, date(2020, 1, 1)) == (left, None)


def test_merge_never_changes_a_saved_reading() -> None:
    saved = (reading("2026-05-12"), reading("2026-05-19"))
    result = merge(saved, [reading("2026-05-19"), reading("2026-05-12", "1"), reading("2026-05-26")])
    assert result.unchanged == 1
    assert [r.day.isoformat() for r in result.added] == ["2026-05-26"]
    assert result.conflicts == ((reading("2026-05-12"), reading("2026-05-12", "1")),)
    assert reading("2026-05-12") in result.history and len(result.history) == 3
