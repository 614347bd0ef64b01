"""Interpret my score: total, band, weakest pillars and where the score stands."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.evidence import band_for
from calculator.interpret.model import Group, interpret, shown_total, weakest_pillars
from calculator.pillars import QUICK_WINS, Pillar, Scores

REAL = Scores(D("20.998"), D("6.4"), D("10.25"), D("15"))  # a real 2026 dashboard reading


def test_the_total_is_shown_rounded_as_linkedin_shows_it() -> None:
    result = interpret(REAL)
    assert result.total_exact == D("52.648")
    assert result.total_shown == 53


@pytest.mark.parametrize(("total", "shown"), [("52.5", 53), ("52.499", 52), ("0", 0), ("100", 100), ("69.5", 70)])
def test_rounding_is_half_up(total: str, shown: int) -> None:
    assert shown_total(D(total)) == shown


@pytest.mark.parametrize(("total", "band"), [
    (0, "laggard"), (29, "laggard"), (30, "middle"), (53, "middle"), (70, "middle"), (71, "leader"), (100, "leader"),
])
def test_bands_follow_linkedins_leader_and_laggard_lines(total: int, band: str) -> None:
    assert band_for(total).key == band


def test_every_band_cites_its_evidence() -> None:
    for total in (10, 50, 90):
        assert band_for(total).evidence


def test_the_weakest_pillars_come_first_and_get_quick_wins() -> None:
    result = interpret(REAL)
    assert result.weakest == [Pillar.FIND, Pillar.ENGAGE]
    assert all(2 <= len(result.quick_wins[p]) <= 3 for p in result.weakest)


def test_ties_keep_the_dashboard_order() -> None:
    assert weakest_pillars(Scores(D(5), D(5), D(5), D(5))) == [Pillar.BRAND, Pillar.FIND]


def test_the_real_reading_is_reproduced_against_its_industry_and_network() -> None:
    result = interpret(REAL, industry=Group(34, 9), network=Group(36, 11))
    assert result.industry.estimate.contains(9)
    assert result.network.estimate.contains(11)
    assert result.industry.gap == pytest.approx(18.648)


def test_pillar_gaps_use_the_group_pillar_averages_when_given() -> None:
    averages = {Pillar.BRAND: D("11.78"), Pillar.FIND: D("5.38"), Pillar.ENGAGE: D("2.09"), Pillar.RELATE: D("15.16")}
    result = interpret(REAL, industry=Group(34, 9, averages))
    assert result.industry.pillar_gaps == {
        Pillar.BRAND: D("9.218"), Pillar.FIND: D("1.02"), Pillar.ENGAGE: D("8.16"), Pillar.RELATE: D("-0.16"),
    }


def test_every_pillar_has_quick_wins() -> None:
    assert set(QUICK_WINS) == set(Pillar)


pillar = st.decimals(min_value=0, max_value=25, places=3)


@given(pillar, pillar, pillar, pillar)
def test_every_output_stays_in_range(a: D, b: D, c: D, d: D) -> None:
    result = interpret(Scores(a, b, c, d))
    assert 0 <= result.total_shown <= 100
    assert abs(result.total_shown - result.total_exact) <= D("0.5")
    assert 0 <= result.overall.best <= result.overall.worst <= 100
    assert len(result.weakest) == 2
