"""Warm-up plan: the ramp keeps under the shared limits (the pacing check rates every week Low), never exceeds
the chosen level, adds at most a step a week and never goes down."""

from __future__ import annotations

import csv
import io
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.outreach.limits import WEEKLY_LOW_MAX, stage_at
from calculator.outreach.pacing import Level, SendingPlan, assess
from calculator.outreach.warmup import STEP, Request, check, plan, to_csv


@pytest.mark.parametrize(("request_", "weekly"), [
    (Request("new", 50, 5), [25, 25, 40, 40, 50]),
    (Request("new", 70, 5), [25, 25, 40, 40, 55, 70]),  # 40 to 70 in one week would add 30, not 15
    (Request("new", 74, 7), [25, 25, 40, 55, 70, 74]),
    (Request("dormant", 50, 5), [25, 40, 40, 50]),
    (Request("new", 20, 5), [20, 20, 20, 20]),
    (Request("new", 74, 1), [5, 5, 8, 8, 15]),
])
def test_ramps_a_user_would_check(request_: Request, weekly: list[int]) -> None:
    assert [w.invitations for w in plan(request_).weeks] == weekly


def test_too_few_sending_days_are_explained_not_hidden() -> None:
    p = plan(Request("new", 70, 4))
    assert p.capped_by_days
    assert p.level == 60


def test_a_level_the_pacing_check_rates_above_low_is_refused_on_its_field() -> None:
    errors = check(Request("new", 75, 5))
    assert list(errors) == ["target"]
    assert "pacing check rates a week Elevated" in errors["target"]
    assert check(Request("new", WEEKLY_LOW_MAX, 7)) == {}


def test_a_new_account_starts_with_its_profile_and_a_dormant_one_with_a_refresh() -> None:
    assert plan(Request("new", 50)).weeks[0].activities[0].startswith("Finish your profile")
    assert plan(Request("dormant", 50)).weeks[0].activities[0].startswith("Bring your profile up to date")


def test_every_week_has_lived_in_activities_with_posts_and_comments() -> None:
    weeks = plan(Request("new", 100, 7)).weeks
    assert all(w.activities for w in weeks)
    text = " ".join(a for w in weeks for a in w.activities)
    assert "comment" in text
    assert "post" in text


def test_the_csv_has_a_header_a_row_a_week_and_the_steady_state() -> None:
    p = plan(Request("new", 50))
    rows = list(csv.reader(io.StringIO(to_csv(p))))
    assert rows[0][:2] == ["Week", "Invitations this week"]
    assert len(rows) == 1 + len(p.weeks) + 1
    assert rows[1][:4] == ["1", "25", "5", "5"]
    assert rows[-1][0] == f"{len(p.weeks) + 1} onwards"
    assert rows[-1][1] == "50"


@pytest.mark.parametrize("start", ["new", "dormant"])
@pytest.mark.parametrize("days", range(1, 8))
@pytest.mark.parametrize("target", [1, 10, 25, 40, 50, 60, 70, WEEKLY_LOW_MAX])
def test_the_pacing_check_rates_every_week_of_every_plan_low(start: str, days: int, target: int) -> None:
    """One set of limits: each week, at the stage the account has reached, is a Low pace."""
    p = plan(Request(start, target, days))  # type: ignore[arg-type]
    for w in p.weeks:
        stage = stage_at(w.number + (1 if start == "dormant" else 0))  # a dormant account skips week 1
        result = assess(SendingPlan(stage.key, None, "free", w.per_day, w.invitations))
        assert result.level == Level.LOW, (w, stage.key, [r.text for r in result.reasons])
    steady = assess(SendingPlan("settled", None, "free", p.weeks[-1].per_day, p.level))
    assert steady.level == Level.LOW


@given(st.sampled_from(["new", "dormant"]), st.integers(1, WEEKLY_LOW_MAX), st.integers(1, 7))
def test_the_ramp_is_bounded_and_never_decreases(start: str, target: int, days: int) -> None:
    p = plan(Request(start, target, days))  # type: ignore[arg-type]
    weekly = [w.invitations for w in p.weeks]
    assert weekly == sorted(weekly)
    assert all(b - a <= STEP for a, b in pairwise(weekly))
    assert max(weekly) <= min(target, WEEKLY_LOW_MAX)
    assert weekly[-1] == p.level
    assert 4 <= len(weekly) <= 12
    for w in p.weeks:
        assert w.per_day <= w.daily_cap
        assert w.per_day * days >= w.invitations
    rows = list(csv.reader(io.StringIO(to_csv(p))))
    assert len(rows) == len(p.weeks) + 2
