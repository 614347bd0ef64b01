"""Reading pasted dashboard text: realistic copies kept as fixtures, with noise, decimal commas and gaps."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.track.paste import MAX_PASTE, parse
from tests.unit.conftest import PASTES


def read(name: str) -> str:
    return (PASTES / name).read_text(encoding="utf-8")


def values(name: str) -> dict[str, str]:
    return {k: str(v) for k, v in parse(read(name)).values.items()}


FULL = {"brand", "find", "engage", "relate", "industry_rank", "network_rank", "industry_average", "network_average"}


@pytest.mark.parametrize(("fixture", "expected", "total"), [
    ("dashboard_en_2026.txt", {"brand": "20.998", "find": "6.4", "engage": "10.25", "relate": "15",
                               "industry_rank": "9", "network_rank": "11", "industry_average": "34",
                               "network_average": "36"}, D(53)),
    ("decimal_commas.txt", {"brand": "20.973", "find": "6.38", "engage": "10.25", "relate": "15",
                            "industry_rank": "10", "network_rank": "12", "industry_average": "35",
                            "network_average": "36"}, D(53)),
    ("one_line.txt", {"brand": "17.5", "find": "9.7", "engage": "5.0", "relate": "18.9", "industry_rank": "12",
                      "network_rank": "15", "industry_average": "28", "network_average": "31"}, D("51.1")),
    ("noisy_2017.txt", {"brand": "24.5", "find": "15.83", "engage": "17.62", "relate": "25", "network_rank": "2"},
     D(83)),
])
def test_realistic_pastes_are_read(fixture: str, expected: dict[str, str], total: D) -> None:
    got = parse(read(fixture))
    assert {k: str(v) for k, v in got.values.items()} == expected
    assert got.total == total
    assert got.complete
    assert set(got.missing) == FULL - set(expected)
    assert got.problems == ()


def test_the_industry_and_network_pillar_averages_are_not_taken_for_yours() -> None:
    got = values("dashboard_en_2026.txt")
    assert got["brand"] == "20.998"  # not 11.78 or 13.22, which follow the same labels further down


def test_a_partial_copy_names_what_is_missing() -> None:
    got = parse(read("missing_parts.txt"))
    assert not got.complete
    assert {k: str(v) for k, v in got.values.items()} == {"brand": "14.02", "find": "7.55"}
    assert got.total == D(41)
    assert got.missing[:2] == ("engage", "relate")
    assert any("Engage with insights" in p for p in got.problems)


def test_text_that_is_not_a_dashboard_gives_nothing() -> None:
    got = parse(read("not_dashboard.txt"))
    assert not got.found_anything
    assert got.values == {}


def test_a_total_that_does_not_match_the_pillars_is_flagged() -> None:
    text = read("dashboard_en_2026.txt").replace("53\nout of 100", "71\nout of 100")
    assert any("does not match" in p for p in parse(text).problems)


def test_a_value_out_of_range_is_reported_not_used() -> None:
    got = parse(read("dashboard_en_2026.txt").replace("20.998", "29.5"))
    assert "brand" not in got.values
    assert any("29.5" in p for p in got.problems)


def test_windows_line_ends_and_no_break_spaces_are_handled() -> None:
    assert parse(read("decimal_commas.txt")).values["industry_rank"] == D(10)


def test_a_huge_paste_is_refused_quickly() -> None:
    got = parse("Build relationships 12 " * (MAX_PASTE // 10))
    assert not got.complete and "far more" in got.problems[0]


@given(st.text(max_size=400))
def test_any_text_parses_without_raising(text: str) -> None:
    got = parse(text)
    for name, value in got.values.items():
        assert value >= 0, name
