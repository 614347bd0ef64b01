"""The planner: targets, budgets, the shared sending limits, free-account reach, and properties over any profile."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.estimate.levers import INVITATIONS, LEVERS, Goal, Lever, for_goal, invitation_limit
from calculator.estimate.personas import NEW, SAMPLE, TYPICAL, WELL
from calculator.estimate.planner import (
    EPSILON,
    _apply,
    _best,
    _best_with_sales_navigator,
    _gain,
    _greedy,
    _State,
    _step,
    make_plan,
)
from calculator.estimate.score import EstimateInputs, estimate
from calculator.estimate.terms import TERMS
from calculator.outreach.limits import STAGES, WEEKLY_LOW_MAX
from calculator.outreach.pacing import Level, SendingPlan, assess


def test_a_reachable_target_is_reached_and_says_how() -> None:
    plan = make_plan(TYPICAL.inputs, Goal(target=50))
    assert plan.reached
    assert plan.blockers == ()
    assert plan.end.total.value >= 50
    assert plan.items
    assert plan.weekly_minutes > 0


def test_items_are_ranked_and_their_gains_add_up_to_the_change() -> None:
    plan = make_plan(TYPICAL.inputs, Goal(target=60))
    assert sum(i.gain for i in plan.items) == pytest.approx(plan.end.total.value - plan.start.total.value)
    totals = [i.total_after for i in plan.items]
    assert totals == sorted(totals)
    assert len({i.lever.key for i in plan.items}) == len(plan.items)  # each change listed once


def test_a_target_already_reached_needs_nothing() -> None:
    plan = make_plan(SAMPLE.inputs, Goal(target=40))
    assert plan.reached
    assert plan.items == ()


def test_a_time_budget_is_never_exceeded() -> None:
    for budget in (10, 30, 60, 120):
        goal = Goal(budget=budget)
        plan = make_plan(TYPICAL.inputs, goal)
        assert plan.weekly_minutes + plan.once_minutes / goal.weeks <= budget + 1e-6
    assert make_plan(TYPICAL.inputs, Goal(budget=120)).end.total.value > make_plan(
        TYPICAL.inputs, Goal(budget=30)).end.total.value


def test_a_target_out_of_reach_within_the_limits_says_so_plainly() -> None:
    plan = make_plan(TYPICAL.inputs, Goal(target=99))
    assert not plan.reached
    assert plan.best_within_limits is not None
    assert plan.best_within_limits < 99
    assert any("Out of reach within the planner's limits" in b for b in plan.blockers)


def test_a_target_only_sales_navigator_reaches_is_called_out_of_reach_for_a_free_account() -> None:
    free_best = make_plan(TYPICAL.inputs, Goal(target=100)).best_within_limits
    sn_best = make_plan(TYPICAL.inputs, Goal(target=100)).best_with_sales_navigator
    assert free_best is not None
    assert sn_best is not None
    assert sn_best > free_best
    target = (free_best + sn_best) / 2
    plan = make_plan(TYPICAL.inputs, Goal(target=target))
    assert any("out of reach for a free account only" in b for b in plan.blockers)


def test_a_budget_too_small_for_the_target_is_named() -> None:
    plan = make_plan(TYPICAL.inputs, Goal(target=70, budget=20))
    assert not plan.reached
    assert any("time budget of 20 minutes" in b for b in plan.blockers)


def test_a_free_account_is_never_told_to_use_sales_navigator_levers() -> None:
    plan = make_plan(TYPICAL.inputs, Goal(target=95))
    assert not any(i.lever.sales_navigator_only for i in plan.items)
    sn = make_plan(replace(TYPICAL.inputs, account="sales_navigator"), Goal(target=95))
    assert any(i.lever.sales_navigator_only for i in sn.items)


def test_invitations_stay_within_the_low_pace_of_the_accounts_stage() -> None:
    plan = make_plan(NEW.inputs, Goal(target=100, weeks=26))
    assert 0 < plan.invites_per_week <= WEEKLY_LOW_MAX
    assert plan.per_day <= 15
    new = make_plan(NEW.inputs, Goal(target=100, weeks=26, stage="start"))
    assert (new.invites_per_week, new.per_day) == (25, 5)
    already = make_plan(NEW.inputs, Goal(target=100, invites_now=70))
    assert already.invites_per_week <= WEEKLY_LOW_MAX
    over = make_plan(NEW.inputs, Goal(target=100, invites_now=150))
    assert not any(i.lever.key == INVITATIONS for i in over.items)


def test_every_lever_limit_is_a_real_input_or_invitations() -> None:
    keys = {lv.key for lv in LEVERS}
    assert INVITATIONS in keys
    assert max(lv.limit for lv in LEVERS if lv.key == INVITATIONS) == WEEKLY_LOW_MAX
    assert all(lv.minutes > 0 and lv.step > 0 for lv in LEVERS)
    invitations = next(lv for lv in LEVERS if lv.key == INVITATIONS)
    assert [for_goal(invitations, Goal(stage=s.key)).limit for s in STAGES] == [25, 40, WEEKLY_LOW_MAX]


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.key)
@pytest.mark.parametrize("invites_now", [0, 5, 10, 20, 24, 25, 26, 39, 40, 41, 60, 70, 74, 75, 100, 150])
@pytest.mark.parametrize("weeks", [1, 8, 26])
def test_the_planner_never_suggests_a_pace_the_pacing_check_rates_above_low(stage, invites_now, weeks) -> None:  # type: ignore[no-untyped-def]
    """One set of limits, walked over every stage (the account's age) and the paces people already send."""
    plan = make_plan(NEW.inputs, Goal(target=100, weeks=weeks, invites_now=invites_now, stage=stage.key))
    if plan.invites_per_week > invites_now:  # the plan suggests sending more
        pace = SendingPlan(stage.key, None, "free", plan.per_day, round(plan.invites_per_week))
        assert assess(pace).level == Level.LOW, (stage.key, invites_now, plan.invites_per_week, plan.per_day)
    if invites_now > invitation_limit(plan.goal):
        assert plan.invites_per_week == invites_now  # nothing added on top of a pace already above Low



def test_someone_doing_everything_well_gets_a_short_plan() -> None:
    assert len(make_plan(WELL.inputs, Goal(target=95)).items) <= 5


def test_a_longer_plan_grows_relationships_more_through_invitations() -> None:
    short = make_plan(NEW.inputs, Goal(target=100, weeks=4)).end.total.value
    long = make_plan(NEW.inputs, Goal(target=100, weeks=26)).end.total.value
    assert long > short


amounts = st.floats(min_value=0, max_value=5000, allow_nan=False)


@st.composite
def profiles(draw: st.DrawFn) -> EstimateInputs:
    return EstimateInputs(
        photo=draw(st.booleans()), about=draw(st.booleans()), skills=draw(st.floats(0, 100)),
        endorsements=draw(amounts), posts_per_month=draw(st.floats(0, 50)), followers=draw(amounts),
        searches_per_week=draw(st.floats(0, 100)), days_active=draw(st.integers(0, 7)),
        lead_saves_per_week=draw(st.floats(0, 100)),
        account=draw(st.sampled_from(["free", "sales_navigator"])),
        comments_per_week=draw(st.floats(0, 100)), response_rate=draw(st.floats(0, 100)),
        connections=draw(st.floats(0, 30000)), acceptance_rate=draw(st.floats(0, 100)),
    )


@given(profiles(), st.one_of(st.none(), st.floats(1, 100)), st.one_of(st.none(), st.floats(1, 600)),
       st.integers(1, 26), st.floats(0, 150))
def test_any_plan_only_raises_the_estimate_and_respects_every_limit(
        inputs: EstimateInputs, target: float | None, budget: float | None, weeks: int, invites: float) -> None:
    goal = Goal(target=target, budget=budget if budget or target else 60, weeks=weeks, invites_now=invites)
    plan = make_plan(inputs, goal)
    assert plan.end.total.value >= plan.start.total.value - 1e-9
    assert all(i.gain >= -1e-9 for i in plan.items)
    assert plan.invites_per_week <= max(invitation_limit(goal), invites)
    for item in plan.items:
        assert item.end <= item.lever.limit + 1e-9
    if goal.budget is not None:
        assert plan.weekly_minutes + plan.once_minutes / weeks <= goal.budget + 1e-6
    if plan.reached and target is not None:
        assert plan.end.total.value >= target - 1e-6
    assert estimate(inputs) == plan.start


@st.composite
def any_profiles(draw: st.DrawFn) -> EstimateInputs:
    """Every input, each drawn over its whole range (small values often, as real profiles have)."""
    values: dict[str, object] = {}
    for term in TERMS:
        if term.curve == "flag":
            values[term.key] = draw(st.booleans())
        else:
            top = 100 if term.unit.startswith("%") else 7 if term.key == "days_active" else 5000
            values[term.key] = draw(st.one_of(st.just(0.0), st.floats(0, 60), st.floats(0, top)))
    inputs = EstimateInputs(account=draw(st.sampled_from(["free", "sales_navigator"])), **values)  # type: ignore[arg-type]
    return replace(inputs, colleagues=min(inputs.colleagues, inputs.connections))


def _rescan(inputs: EstimateInputs, goal: Goal) -> tuple[list[float], list[str]]:
    """The planner without its shortcuts: every lever's next step and gain worked out again every round."""
    state = _State(inputs, goal.invites_now)
    usable = [lv for lv in LEVERS if not (lv.sales_navigator_only and inputs.account != "sales_navigator")]
    levers = [for_goal(lv, goal) for lv in usable]
    picks: list[str] = []
    used = 0.0
    while goal.target is None or state.total() < goal.target - EPSILON:
        best: tuple[float, Lever, float] | None = None
        for lever in levers:
            cost = lever.minutes / goal.weeks if lever.one_off else lever.minutes
            if goal.budget is not None and used + cost > goal.budget + EPSILON:
                continue
            room = lever.limit - state.level(lever)
            gain = _gain(state.raw, _step(state, lever, goal)[1]) if room > EPSILON else 0.0
            if gain > 1e-6 and (best is None or gain / cost > best[0]):
                best = (gain / cost, lever, cost)
        if best is None:
            break
        used += best[2]
        _apply(state, best[1], _step(state, best[1], goal))
        picks.append(best[1].key)
    return state.raw, picks


@given(any_profiles(), st.one_of(st.none(), st.floats(1, 100)), st.one_of(st.none(), st.floats(1, 600)),
       st.integers(1, 26), st.floats(0, 150))
def test_the_planner_picks_exactly_what_a_full_rescan_picks(
        inputs: EstimateInputs, target: float | None, budget: float | None, weeks: int, invites: float) -> None:
    goal = Goal(target=target, budget=budget, weeks=weeks, invites_now=invites)
    state, picks = _greedy(inputs, goal, budget)
    assert (state.raw, picks) == _rescan(inputs, goal)


@given(any_profiles(), st.integers(1, 26), st.floats(0, 150))
def test_the_best_with_sales_navigator_plans_only_find_and_engage_again(
        inputs: EstimateInputs, weeks: int, invites: float) -> None:
    free = replace(inputs, account="free")
    goal = Goal(target=100, weeks=weeks, invites_now=invites)
    full = _best(replace(inputs, account="sales_navigator"), goal).total()
    assert _best_with_sales_navigator(free, goal, _best(free, goal)) == full
