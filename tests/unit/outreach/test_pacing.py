"""Pacing and account risk: the level, the reasons behind it, and their sources."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.evidence import SOURCES
from calculator.outreach.limits import STAGES, WEEKLY_LOW_MAX, low_pace
from calculator.outreach.pacing import Level, SendingPlan, assess, check


def plan(**changes: object) -> SendingPlan:
    base: dict[str, object] = {"stage": "settled", "ssi": None, "account": "free",
                               "per_day": 10, "per_week": 50, "pending": 40}
    base.update(changes)
    return SendingPlan(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(("changes", "level"), [
    ({}, Level.LOW),
    ({"stage": "start", "ssi": 12, "per_day": 50, "per_week": 350}, Level.HIGH),  # the textbook case
    ({"per_day": 18, "per_week": 80}, Level.ELEVATED),
    ({"per_day": 15, "per_week": 75}, Level.ELEVATED),  # 15 on each weekday reaches the 75–100 band
    ({"per_day": 15, "per_week": 74}, Level.LOW),
    ({"per_day": 25, "per_week": 90}, Level.HIGH),
    ({"per_day": 15, "per_week": 105}, Level.HIGH),
    ({"stage": "start", "per_day": 6, "per_week": 30}, Level.ELEVATED),
    ({"stage": "start", "per_day": 5, "per_week": 25}, Level.LOW),
    ({"stage": "start", "per_day": 12, "per_week": 60}, Level.HIGH),
    ({"stage": "early", "per_day": 8, "per_week": 40}, Level.LOW),  # the warm-up's weeks 3 and 4
    ({"stage": "early", "per_day": 10, "per_week": 50}, Level.ELEVATED),
    ({"stage": "early", "per_day": 16, "per_week": 64}, Level.HIGH),
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
    result = assess(plan(stage="start", per_day=20, per_week=100))
    assert result.warming_up
    assert (result.suggested_per_day, result.suggested_per_week) == (5, 25)


def test_the_suggested_pace_for_an_established_account_is_itself_low() -> None:
    """It used to suggest 75 a week, which the same check rates Elevated."""
    result = assess(plan(per_day=30, per_week=150))
    assert (result.suggested_per_day, result.suggested_per_week) == (15, WEEKLY_LOW_MAX)
    suggested = plan(per_day=result.suggested_per_day, per_week=result.suggested_per_week)
    assert assess(suggested).level == Level.LOW


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.key)
def test_the_low_pace_of_each_stage_is_rated_low_and_one_more_a_day_is_not(stage) -> None:  # type: ignore[no-untyped-def]
    day, week = low_pace(stage)
    assert assess(plan(stage=stage.key, per_day=day, per_week=week)).level == Level.LOW
    assert assess(plan(stage=stage.key, per_day=day + 1, per_week=week)).level > Level.LOW


def test_where_stages_start_is_labelled_ours() -> None:
    reason = next(r for r in assess(plan()).reasons if "stage starts" in r.text)
    assert reason.source_ids == ()  # shown as our rule of thumb


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
    stage=st.sampled_from([s.key for s in STAGES]),
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
    suggested = SendingPlan(p.stage, None, p.account, result.suggested_per_day, result.suggested_per_week)
    assert not check(suggested)
    assert assess(suggested).level == Level.LOW  # the safer pace is one this check rates Low
