"""The rounding rules, verified on the public nine-reading series, and flagged on a reading that breaks them."""

import csv
from decimal import Decimal as D

import pytest

from calculator.track.checks import allowed_whole, check, check_all
from calculator.track.paste_layouts import read

from .pages import DASHBOARDS, page

PILLARS = ("brand", "find", "engage", "relate")


def series() -> list[dict[str, str]]:
    with (DASHBOARDS / "series_2026_nine_readings.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter=";"))


def test_the_series_has_nine_readings() -> None:
    assert [row["date"] for row in series()][::4] == ["2026-04-27", "2026-05-15", "2026-05-19"]


@pytest.mark.parametrize("row", series(), ids=lambda row: row["date"])
def test_every_shown_total_is_the_rounded_sum_of_the_pillars(row: dict[str, str]) -> None:
    parts = {p: D(row[p]) for p in PILLARS}
    assert check(parts, D(row["total_shown"]), "total") is None
    assert D(row["total_shown"]) == round(sum(parts.values()))  # nearest whole number


@pytest.mark.parametrize("row", [r for r in series() if r["industry_brand"]], ids=lambda row: row["date"])
@pytest.mark.parametrize("group", ["industry", "network"])
def test_every_group_average_is_the_rounded_sum_of_its_pillar_averages(row: dict[str, str], group: str) -> None:
    parts = {p: D(row[f"{group}_{p}"]) for p in PILLARS}
    assert check(parts, D(row[f"{group}_average"]), f"{group}_average") is None


def test_the_series_rules_out_always_down_and_always_up() -> None:
    rows = {row["date"]: row for row in series()}
    sums = {day: sum(D(rows[day][p]) for p in PILLARS) for day in ("2026-05-13", "2026-04-27")}
    assert (sums["2026-05-13"], rows["2026-05-13"]["total_shown"]) == (D("52.048"), "52")  # not rounded up
    assert (sums["2026-04-27"], rows["2026-04-27"]["total_shown"]) == (D("52.603"), "53")  # not rounded down
    industry = {day: sum(D(rows[day][f"industry_{p}"]) for p in PILLARS) for day in ("2026-05-13", "2026-05-17")}
    assert industry == {"2026-05-13": D("34.52"), "2026-05-17": D("34.49")}  # shown 35 and 34: the half decides


def test_a_sum_near_a_half_allows_either_whole_number() -> None:
    assert allowed_whole(D("52.5"), D("0.002")) == (52, 53)
    assert allowed_whole(D("52.4985"), D("0.002")) == (52, 53)
    assert allowed_whole(D("52.497"), D("0.002")) == (52,)


def test_a_total_shown_with_a_decimal_is_checked_to_that_decimal() -> None:
    parts = {"brand": D("17.5"), "find": D("9.7"), "engage": D("5.0"), "relate": D("18.9")}  # LinkedIn's sample
    assert check(parts, D("51.1"), "total") is None
    breach = check(parts, D("51.7"), "total")
    assert breach is not None and breach.allowed == (D("51.1"),)


def test_a_typo_in_the_total_is_flagged_with_both_numbers() -> None:
    got = read(page("en_2026_label_then_value.txt").replace("53\nout of 100", "58\nout of 100"))
    breaches = check_all(got.values, got.total.value if got.total else None, got.groups)
    assert [b.what for b in breaches] == ["total"]
    message = breaches[0].message
    assert "Probable typo" in message and "58" in message and "52.648" in message and "53" in message


def test_a_typo_in_a_group_average_is_flagged() -> None:
    got = read(page("pt_2026_label_then_value.txt").replace("SSI médio de 34", "SSI médio de 43"))
    breaches = check_all(got.values, got.total.value if got.total else None, got.groups)
    assert [(b.what, b.shown, b.parts_sum, b.allowed) for b in breaches] == [
        ("industry_average", D(43), D("34.41"), (D(34),))]


def test_nothing_is_checked_without_all_four_parts() -> None:
    assert check({"brand": D(20)}, D(90), "total") is None
    assert check_all({"brand": D(20)}, D(90), {}) == ()


@pytest.mark.parametrize("fixture", ["en_2026_label_then_value.txt", "pt_2026_label_then_value.txt",
                                     "de_label_then_value.txt", "en_2026_value_pipe_label.txt"])
def test_the_real_pages_pass_their_own_checks(fixture: str) -> None:
    got = read(page(fixture))
    assert check_all(got.values, got.total.value if got.total else None, got.groups) == ()
