"""Saved text: written as versioned JSON, read back whatever state it is in, never raising."""

import json
from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.track.readings import Reading
from calculator.track.storage import FORMAT, VERSION, dump, load

R1 = Reading(date(2026, 5, 12), D("19"), D("6.4"), D("10.25"), D("15.0"), D(9), None, D(34), None, "a “note”")
R2 = Reading(date(2026, 5, 19), D("20.998"), D("6.4"), D("10.25"), D("15"))


def test_dump_and_load_round_trip() -> None:
    text = dump([R1, R2])
    data = json.loads(text)
    assert data["format"] == FORMAT and data["version"] == VERSION
    loaded = load(text)
    assert loaded.readings == (R1, R2)
    assert not loaded.damaged
    assert loaded.readings[0].relate.as_tuple() == D("15.0").as_tuple()  # the last digit is kept


def test_nothing_saved_is_an_empty_history() -> None:
    for text in (None, "", "   "):
        assert load(text).readings == ()
        assert not load(text).damaged


@pytest.mark.parametrize("text", [
    "not json", "{", "[1, 2", "null", "42", '"text"', '{"readings": 5}', "\x00\x00\x00", "{}" * 100,
    "[" * 100_000,  # deep nesting must not crash the reader
])
def test_unreadable_saved_text_is_reported_not_raised(text: str) -> None:
    loaded = load(text)
    assert loaded.readings == ()
    assert loaded.damaged
    assert loaded.raw == text


def test_valid_readings_load_and_every_bad_one_is_listed() -> None:
    text = json.dumps({"version": 1, "readings": [
        {"date": "2026-05-19", "brand": "20.998", "find": "6.4", "engage": "10.25", "relate": "15"},
        {"date": "2026-05-20", "brand": "99", "find": "6.4", "engage": "10.25", "relate": "15"},
        {"date": "yesterday", "brand": "1", "find": "1", "engage": "1", "relate": "1"},
        "a string",
        {"date": "2026-05-21", "brand": 1.5, "find": 2, "engage": "3", "relate": "4", "extra": "ignored"},
        {"date": "2026-05-22", "brand": True, "find": "2", "engage": "3", "relate": "4"},
    ]})
    loaded = load(text)
    assert [r.day.isoformat() for r in loaded.readings] == ["2026-05-19", "2026-05-21"]
    assert loaded.readings[1].brand == D("1.5")  # numbers typed into the JSON by hand are read as written
    reasons = [s.reason for s in loaded.skipped]
    assert len(reasons) == 4
    assert "outside 0 to 25" in reasons[0]
    assert "not a date" in reasons[1]
    assert "not a reading" in reasons[2]
    assert "not a number" in reasons[3]


def test_a_date_saved_twice_keeps_the_later_and_says_so() -> None:
    entry = {"date": "2026-05-19", "brand": "1", "find": "1", "engage": "1", "relate": "1"}
    loaded = load(json.dumps({"version": 1, "readings": [entry, {**entry, "brand": "2"}]}))
    assert [r.brand for r in loaded.readings] == [D(2)]
    assert loaded.damaged


def test_a_newer_version_is_read_but_flagged() -> None:
    loaded = load(json.dumps({"version": 7, "readings": [
        {"date": "2026-05-19", "brand": "1", "find": "1", "engage": "1", "relate": "1"}]}))
    assert len(loaded.readings) == 1
    assert loaded.damaged and "newer" in loaded.skipped[0].reason


def test_a_bare_list_is_accepted() -> None:
    assert load(json.dumps([{"date": "2026-05-19", "brand": "1", "find": "1", "engage": "1", "relate": "1"}])
                ).readings[0].total == D(4)


def test_text_kept_aside_survives_a_round_trip() -> None:
    loaded = load(dump([R2], ["old {broken"]))
    assert loaded.set_aside == ("old {broken",)
    assert not loaded.damaged


decimals = st.decimals(min_value=0, max_value=25, places=3, allow_nan=False, allow_infinity=False)


@given(st.lists(st.tuples(st.dates(date(2014, 1, 1), date(2030, 12, 31)), decimals, decimals, decimals, decimals,
                          st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40)),
                max_size=20))
def test_anything_saved_loads_back_identically(rows: list[tuple[date, D, D, D, D, str]]) -> None:
    readings = {d: Reading(d, a.copy_abs(), b.copy_abs(), c.copy_abs(), e.copy_abs(), note=n.strip())
                for d, a, b, c, e, n in rows}
    expected = tuple(readings[d] for d in sorted(readings))
    loaded = load(dump(expected))
    assert loaded.readings == expected
    assert [str(r.brand) for r in loaded.readings] == [str(r.brand) for r in expected]


@given(st.text(max_size=300))
def test_any_text_at_all_loads_without_raising(text: str) -> None:
    load(text)


def ten_readings() -> str:
    return dump([Reading(date(2026, 5, d), D("20.5"), D("6.4"), D("10.25"), D(15), note=f"week {d}")
                 for d in range(1, 11)])


def test_a_text_cut_off_mid_write_gives_every_complete_reading() -> None:
    text = ten_readings()
    cut = text[:text.rindex('{"date"') + 30]  # the write stopped inside the tenth reading
    loaded = load(cut)
    assert [r.day.day for r in loaded.readings] == list(range(1, 10))  # the tenth was cut
    assert loaded.damaged and loaded.raw == cut  # nothing is written over it until the person chooses
    assert any("cut off or damaged after reading 9" in s.reason for s in loaded.skipped)


def test_every_cut_of_a_saved_text_keeps_the_readings_before_it() -> None:
    text = ten_readings()
    whole = load(text).readings
    for cut in range(len(text) - 1, 0, -13):
        got = load(text[:cut]).readings
        assert got == whole[:len(got)]
        assert len(got) >= text[:cut].count('"note"') - 1


@pytest.mark.parametrize("version", ['"one"', "-1", '"-1"', "1.5", "null", "[]", '"²"', '"٢"', '"1" '])
def test_a_version_that_is_not_a_number_is_called_damaged_not_newer(version: str) -> None:
    entry = '{"date": "2026-05-19", "brand": "1", "find": "1", "engage": "1", "relate": "1"}'
    loaded = load(f'{{"version": {version}, "readings": [{entry}]}}')
    assert len(loaded.readings) == 1
    reasons = " ".join(s.reason for s in loaded.skipped)
    if version.strip() == '"1"':
        assert not loaded.damaged
    else:
        assert loaded.damaged and "newer" not in reasons and "is not a number" in reasons


def test_the_saves_a_text_descends_from_are_read_back() -> None:
    assert load(dump([R2], writes=["a1", "b2"])).writes == ("a1", "b2")
    assert load('{"readings": [], "writes": [true, "x", null, {}]}').writes == ("x",)
    assert load('{"readings": [], "writes": "x"}').writes == ()
