"""The estimate model: one test per rule, properties of monotonicity and caps, and the calibration personas."""

from __future__ import annotations

import math
from dataclasses import fields, replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.estimate.personas import PERSONAS, SAMPLE, TYPICAL, WELL
from calculator.estimate.score import EstimateInputs, compare, estimate
from calculator.estimate.terms import PILLAR_CAP, TERMS, TERMS_BY_KEY, ceiling, terms_of, uncertainty
from calculator.pillars import Pillar

# ---- Rules of the model ------------------------------------------------------------------------------


def test_every_input_of_the_model_is_an_input_of_the_dataclass_and_the_other_way_round() -> None:
    assert {t.key for t in TERMS} | {"account"} == {f.name for f in fields(EstimateInputs)}


def test_each_pillar_uses_the_inputs_linkedin_names_for_it() -> None:
    keys = {p: {t.key for t in terms_of(p)} for p in Pillar}
    assert {"photo", "featured", "endorsements", "posts_per_month", "followers"} <= keys[Pillar.BRAND]
    assert {"searches_per_week", "views_made_per_week", "views_received_per_week", "days_active",
            "lead_saves_per_week"} <= keys[Pillar.FIND]
    assert {"comments_per_week", "shares_per_week", "reactions_per_week", "response_rate",
            "group_posts_per_month"} <= keys[Pillar.ENGAGE]
    assert keys[Pillar.RELATE] == {"connections", "senior_share", "colleagues", "acceptance_rate"}


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.key)
def test_no_single_input_can_fill_a_pillar(term) -> None:  # type: ignore[no-untyped-def]
    assert 0 < term.most < PILLAR_CAP
    assert term.points(1e12) <= term.most


@pytest.mark.parametrize("pillar", list(Pillar), ids=lambda p: p.value)
def test_every_pillar_can_reach_its_cap_only_with_several_inputs(pillar: Pillar) -> None:
    assert sum(t.most for t in terms_of(pillar)) >= PILLAR_CAP
    assert max(t.most for t in terms_of(pillar)) <= PILLAR_CAP / 2


def test_returns_diminish_the_second_unit_adds_less_than_the_first() -> None:
    term = TERMS_BY_KEY["comments_per_week"]
    first, second = term.points(1) - term.points(0), term.points(2) - term.points(1)
    assert 0 < second < first


def test_a_pillar_is_capped_at_25_and_says_so() -> None:
    pe = estimate(WELL.inputs).pillar(Pillar.BRAND)
    assert pe.raw > PILLAR_CAP
    assert pe.value == PILLAR_CAP
    assert pe.capped


def test_accounts_saved_and_research_views_are_engage_inputs_and_sales_navigator_only() -> None:
    for key in ("account_saves_per_week", "research_views_per_week"):
        assert TERMS_BY_KEY[key].pillar == Pillar.ENGAGE
        assert TERMS_BY_KEY[key].sales_navigator_only
    assert TERMS_BY_KEY["lead_saves_per_week"].pillar == Pillar.FIND
    assert "account" not in TERMS_BY_KEY["lead_saves_per_week"].label.lower()
    free = EstimateInputs(account_saves_per_week=10, research_views_per_week=40)
    assert estimate(free).pillar(Pillar.ENGAGE).value == 0
    assert estimate(replace(free, account="sales_navigator")).pillar(Pillar.ENGAGE).value > 2


def test_sales_navigator_inputs_count_zero_on_a_free_account_and_are_marked() -> None:
    free = EstimateInputs(lead_saves_per_week=20, sn_searches_per_week=20)
    paid = replace(free, account="sales_navigator")
    assert estimate(free).pillar(Pillar.FIND).value == 0
    assert estimate(paid).pillar(Pillar.FIND).value > 6
    blocked = [c for c in estimate(free).pillar(Pillar.FIND).contributions if c.blocked]
    assert {c.term.key for c in blocked} == {"lead_saves_per_week", "sn_searches_per_week"}
    assert all(c.points == 0 and c.room == 0 for c in blocked)


def test_the_free_account_ceiling_is_lower_on_find_and_engage() -> None:
    """The 2015 deck puts Sales Navigator-only inputs under both: lead saves (find), accounts saved and
    research views (engage)."""
    for p in (Pillar.FIND, Pillar.ENGAGE):
        assert ceiling(p, "free") < ceiling(p, "sales_navigator") == PILLAR_CAP
    for p in (Pillar.BRAND, Pillar.RELATE):
        assert ceiling(p, "free") == PILLAR_CAP
    assert estimate(EstimateInputs()).ceiling_total < 100 == estimate(WELL.inputs).ceiling_total


def test_the_estimate_is_a_range_that_holds_the_value_within_0_and_25() -> None:
    for persona in PERSONAS:
        e = estimate(persona.inputs)
        for pe in e.pillars:
            assert 0 <= pe.low <= pe.value <= pe.high <= PILLAR_CAP
            assert pe.high - pe.low > 0
        assert e.total.low < e.total.value < e.total.high


def test_the_total_error_bar_is_the_root_sum_square_of_the_pillars() -> None:
    e = estimate(TYPICAL.inputs)
    spread = math.sqrt(sum(uncertainty(pe.value) ** 2 for pe in e.pillars))
    assert e.total.high - e.total.value == pytest.approx(spread)


def test_contributions_add_up_to_the_pillar() -> None:
    for pe in estimate(SAMPLE.inputs).pillars:
        assert sum(c.points for c in pe.contributions) == pytest.approx(pe.raw)


def test_the_model_is_deterministic() -> None:
    assert estimate(TYPICAL.inputs) == estimate(TYPICAL.inputs)


def test_compare_gives_every_pillar_and_the_total() -> None:
    start, now = estimate(TYPICAL.inputs), estimate(replace(TYPICAL.inputs, comments_per_week=5))
    change = compare(start, now)
    assert change.pillars[Pillar.ENGAGE] > 0
    assert change.pillars[Pillar.BRAND] == change.pillars[Pillar.FIND] == change.pillars[Pillar.RELATE] == 0
    assert change.total == pytest.approx(change.pillars[Pillar.ENGAGE])


# ---- Properties -------------------------------------------------------------------------------------

NUMBER_KEYS = [t.key for t in TERMS if t.curve != "flag"]
FLAG_KEYS = [t.key for t in TERMS if t.curve == "flag"]
amounts = st.floats(min_value=0, max_value=100_000, allow_nan=False)


@st.composite
def any_inputs(draw: st.DrawFn) -> EstimateInputs:
    values: dict[str, Any] = {k: draw(amounts) for k in NUMBER_KEYS}
    values.update({k: draw(st.booleans()) for k in FLAG_KEYS})
    values["account"] = draw(st.sampled_from(["free", "sales_navigator"]))
    return EstimateInputs(**values)


@given(any_inputs(), st.sampled_from([t.key for t in TERMS]), st.floats(min_value=0, max_value=1000))
def test_more_of_any_good_behaviour_never_lowers_any_pillar_or_the_total(
        inputs: EstimateInputs, key: str, more: float) -> None:
    before = estimate(inputs)
    after = estimate(inputs.with_amounts({key: inputs.amount(TERMS_BY_KEY[key]) + more}))
    for b, a in zip(before.pillars, after.pillars, strict=True):
        assert a.value >= b.value - 1e-9
    assert after.total.value >= before.total.value - 1e-9


@given(any_inputs())
def test_sales_navigator_never_lowers_the_estimate(inputs: EstimateInputs) -> None:
    free = estimate(replace(inputs, account="free")).total.value
    assert estimate(replace(inputs, account="sales_navigator")).total.value >= free - 1e-9


@given(any_inputs())
def test_pillars_stay_within_0_and_25_and_the_total_within_0_and_100(inputs: EstimateInputs) -> None:
    e = estimate(inputs)
    for pe in e.pillars:
        assert 0 <= pe.value <= PILLAR_CAP
        assert pe.value <= pe.ceiling + 1e-9
    assert 0 <= e.total.low <= e.total.value <= e.total.high <= 100


@given(st.sampled_from([t.key for t in TERMS]), amounts)
def test_one_behaviour_alone_never_fills_a_pillar(key: str, value: float) -> None:
    inputs = EstimateInputs(account="sales_navigator").with_amounts({key: value})
    assert estimate(inputs).total.value < PILLAR_CAP / 2
