"""Pacing and account risk: the level, the reasons behind it, and their sources."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.evidence import SOURCES
from calculator.outreach.pacing import Level, SendingPlan, assess, check


def plan(**changes: object) -> SendingPlan:
    base: dict[str, object] = {"age_months": 36, "activity": "active", "ssi": None, "account": "free",
                               "per_day": 10, "per_week": 50, "pending": 40}
    base.update(changes)
    return SendingPlan(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(("changes", "level"), [
    ({}, Level.LOW),
    ({"age_months": 0, "activity": "new", "ssi": 12, "per_day": 50, "per_week": 350}, Level.HIGH),  # the textbook case
    ({"per_day": 18, "per_week": 80}, Level.ELEVATED),
    ({"per_day": 25, "per_week": 90}, Level.HIGH),
    ({"per_day": 15, "per_week": 105}, Level.HIGH),
    ({"activity": "new", "per_day": 6, "per_week": 30}, Level.ELEVATED),
    ({"activity": "dormant", "per_day": 5, "per_week": 25}, Level.LOW),
    ({"activity": "dormant", "per_day": 12, "per_week": 60}, Level.HIGH),
    ({"age_months": 1, "per_day": 10, "per_week": 50}, Level.HIGH),  # under 3 months counts as new
    ({"pending": 250}, Level.ELEVATED),
    ({"pending": 600}, Level.HIGH),
    ({"ssi": 20}, Level.ELEVATED),
    ({"ssi": 90}, Level.LOW),
    ({"per_day": 0, "per_week": 0}, Level.LOW),
])
def test_risk_levels_a_user_would_expect(changes: dict[str, object], level: Level) -> None:
    assert assess(plan(**changes)).level == level


def test_the_weekly_figure_is_cited_as_unverified() -> None:
    reasons = assess(plan(per_week=120, per_day=20)).reasons
    top = reasons[0]
    assert top.level == Level.HIGH
    assert "weekly-100" in top.source_ids
    assert SOURCES["weekly-100"].trust.value == "unverified"


def test_every_result_says_linkedin_publishes_no_number() -> None:
    texts = [r.text for r in assess(plan()).reasons]
    assert any("LinkedIn publishes no invitation number" in t for t in texts)


def test_a_high_ssi_is_not_a_licence() -> None:
    reasons = assess(plan(ssi=85)).reasons
    assert any("not known to raise your limits" in r.text for r in reasons)


def test_the_pending_threshold_is_labelled_ours() -> None:
    reason = next(r for r in assess(plan(pending=300)).reasons if "pending" in r.text)
    assert "our rule of thumb" in reason.text


def test_new_accounts_are_pointed_at_a_cautious_start() -> None:
    result = assess(plan(activity="new", per_day=20, per_week=100))
    assert result.treat_as_new
    assert (result.suggested_per_day, result.suggested_per_week) == (5, 25)


@pytest.mark.parametrize(("per_day", "per_week", "words"), [
    (20, 10, "holds at least 20"),
    (5, 40, "more than 5 a day for all seven days"),
])
def test_a_day_and_a_week_that_cannot_both_hold_are_named_on_the_week(per_day: int, per_week: int, words: str) -> None:
    errors = check(plan(per_day=per_day, per_week=per_week))
    assert list(errors) == ["per_week"]
    assert words in errors["per_week"]


plans = st.builds(
    SendingPlan,
    age_months=st.integers(0, 600),
    activity=st.sampled_from(["new", "dormant", "active"]),
    ssi=st.one_of(st.none(), st.integers(0, 100)),
    account=st.sampled_from(["free", "premium", "sales_navigator"]),
    per_day=st.integers(0, 10_000),
    per_week=st.integers(0, 70_000),
    pending=st.one_of(st.none(), st.integers(0, 100_000)),
)


@given(plans)
def test_the_level_is_the_worst_reason_and_every_source_exists(p: SendingPlan) -> None:
    if check(p):
        return
    result = assess(p)
    assert result.level >= Level.LOW
    assert result.level == max(Level.LOW, *(r.level for r in result.reasons))
    assert [r.level for r in result.reasons] == sorted((r.level for r in result.reasons), reverse=True)
    assert all(i in SOURCES for r in result.reasons for i in r.source_ids)
    if p.per_week > 100:
        assert result.level == Level.HIGH
