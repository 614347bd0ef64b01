"""Mode "Plan my next weeks": which changes raise OUR estimate most for the time they take.

A greedy planner: at each step it takes the change with the most estimated points per minute a week (a
one-off task's minutes are spread over the plan's weeks), until the target is reached, the time budget is
spent, or every lever is at its limit. Limits keep the plan within what a person can sustain and, for
invitations, under the widely reported ~100 a week [weekly-100].

>>> from calculator.estimate_personas import TYPICAL
>>> p = make_plan(TYPICAL.inputs, Goal(target=45))
>>> p.reached, p.end.total.value >= 45, p.items[0].lever.key
(True, True, 'days_active')
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .benchmarks_outreach import WEEKLY_REPORTED
from .estimate import Estimate, EstimateInputs, estimate
from .estimate_model import PILLAR_CAP, TERMS_BY_KEY
from .pillars import Pillar

INVITATIONS = "invitations"  # the one lever that is not an input: invitations a week, turning into connections
WORKDAYS = 5
DAILY_MOST = 20  # never more than this in a day: an even pace, no bursts that look like automation
EPSILON = 1e-9


@dataclass(frozen=True)
class Lever:
    """One change a plan can make, in steps.

    ``minutes``: per step, each week for a habit, or once for a one-off task.
    ``limit``: the highest level the plan suggests (our judgement of what a person can sustain, or a
    sourced limit where ``source_id`` says so).
    """

    key: str
    action: str  # what to do, with {step} and {to} filled in: "Comment on {step} more posts a week"
    step: float
    limit: float
    minutes: float
    one_off: bool = False
    sales_navigator_only: bool = False
    source_id: str = ""

    @property
    def pillar(self) -> Pillar:
        return Pillar.RELATE if self.key == INVITATIONS else TERMS_BY_KEY[self.key].pillar


LEVERS: tuple[Lever, ...] = (
    Lever("photo", "Add a clear profile photo", 1, 1, 10, one_off=True),
    Lever("headline", "Rewrite your headline to say whom you help", 1, 1, 15, one_off=True),
    Lever("about", "Write an About section", 1, 1, 45, one_off=True),
    Lever("experience", "Describe your current and past roles", 1, 1, 30, one_off=True),
    Lever("banner", "Add a background banner", 1, 1, 10, one_off=True),
    Lever("featured", "Feature your best post, document or link", 1, 1, 20, one_off=True),
    Lever("skills", "List {step} more skills you want to be found for", 5, 20, 10, one_off=True),
    Lever("endorsements", "Ask people who know your work for about {step} endorsements", 10, 100, 20, one_off=True),
    Lever("colleagues", "Connect with {step} more colleagues", 10, 60, 15, one_off=True),
    Lever("days_active", "Visit LinkedIn on {step} more day a week", 1, 7, 5),
    Lever("searches_per_week", "Run {step} more people searches a week", 3, 25, 5),
    Lever("views_made_per_week", "Look at {step} more profiles a week before you contact people", 5, 50, 10),
    Lever("sn_searches_per_week", "Run {step} more Sales Navigator searches a week", 3, 25, 5,
          sales_navigator_only=True),
    Lever("lead_saves_per_week", "Save {step} more leads or accounts a week", 5, 30, 10, sales_navigator_only=True),
    Lever("reactions_per_week", "React to {step} more posts a week", 5, 40, 3),
    Lever("comments_per_week", "Write {step} more thoughtful comments a week", 2, 15, 10),
    Lever("shares_per_week", "Share {step} more useful post a week with a line of your own", 1, 5, 5),
    Lever("group_posts_per_month", "Post or comment in a group {step} more times a month", 2, 8, 8),
    Lever("posts_per_month", "Publish {step} more post a month", 1, 8, 14),
    Lever(INVITATIONS, "Send {step} more personal invitations a week", 10, WEEKLY_REPORTED, 20,
          source_id="weekly-100"),
)

LEVERS_BY_KEY = {lever.key: lever for lever in LEVERS}


@dataclass(frozen=True)
class Goal:
    """What the plan aims for: a target total, a weekly time budget in minutes, or both."""

    target: float | None = None
    budget: float | None = None
    weeks: int = 8
    invites_now: float = 0  # invitations a week already sent: the plan's invitations come on top


@dataclass(frozen=True)
class Item:
    lever: Lever
    start: float
    end: float
    gain: float  # central estimate, in the order the items are listed
    total_after: float
    weekly_minutes: float
    once_minutes: float

    @property
    def change(self) -> float:
        return self.end - self.start

    def text(self) -> str:
        step = self.change
        label = f"{step:g}" if step != int(step) else str(int(step))
        return self.lever.action.format(step=label, to=f"{self.end:g}")


@dataclass(frozen=True)
class Plan:
    goal: Goal
    start: Estimate
    end: Estimate
    items: tuple[Item, ...]
    reached: bool  # the target (if any) is reached by the plan
    weekly_minutes: float
    once_minutes: float
    invites_per_week: float  # including those already sent
    best_within_limits: float  # the highest total the planner finds with no time budget
    best_with_sales_navigator: float | None  # the same on Sales Navigator, for a free account
    blockers: tuple[str, ...]  # plain reasons the target is out of reach

    @property
    def per_day(self) -> int:
        return math.ceil(self.invites_per_week / WORKDAYS) if self.invites_per_week else 0


@dataclass
class _State:
    inputs: EstimateInputs
    invites: float
    raw: dict[Pillar, float]


def _raw(inputs: EstimateInputs) -> dict[Pillar, float]:
    return {pe.pillar: pe.raw for pe in estimate(inputs).pillars}


def _level(state: _State, lever: Lever) -> float:
    return state.invites if lever.key == INVITATIONS else state.inputs.amount(TERMS_BY_KEY[lever.key])


def _changes(state: _State, lever: Lever, goal: Goal, steps: float) -> dict[str, float]:
    """The inputs a lever changes, with their new values after ``steps`` steps."""
    if lever.key == INVITATIONS:
        # New connections over the plan's weeks; they follow you too, as LinkedIn connections do by default.
        gained = lever.step * steps * goal.weeks * state.inputs.acceptance_rate / 100
        return {"connections": state.inputs.connections + gained, "followers": state.inputs.followers + gained}
    level = _level(state, lever)
    return {lever.key: min(lever.limit, level + lever.step * steps)}


def _room(state: _State, lever: Lever) -> float:
    return lever.limit - _level(state, lever)


def _gain(state: _State, changes: dict[str, float]) -> float:
    """Points gained by ``changes``, recomputing only the terms they touch."""
    by_pillar: dict[Pillar, float] = {}
    for key, value in changes.items():
        term = TERMS_BY_KEY[key]
        if term.sales_navigator_only and state.inputs.account != "sales_navigator":
            continue
        delta = term.points(value) - term.points(state.inputs.amount(term))
        by_pillar[term.pillar] = by_pillar.get(term.pillar, 0.0) + delta
    return sum(min(PILLAR_CAP, state.raw[p] + d) - min(PILLAR_CAP, state.raw[p]) for p, d in by_pillar.items())


def _weekly_cost(lever: Lever, goal: Goal) -> float:
    return lever.minutes / goal.weeks if lever.one_off else lever.minutes


def _apply(state: _State, lever: Lever, goal: Goal) -> None:
    changes = _changes(state, lever, goal, 1)
    for key, value in changes.items():
        state.inputs = state.inputs.with_amount(key, value)
    if lever.key == INVITATIONS:
        state.invites += lever.step
    state.raw = _raw(state.inputs)


def _greedy(inputs: EstimateInputs, goal: Goal, budget: float | None) -> tuple[_State, list[str]]:
    """The order in which steps are taken; returns the final state and the lever keys in pick order."""
    state = _State(inputs, goal.invites_now, _raw(inputs))
    picks: list[str] = []
    used = 0.0
    target = goal.target
    while target is None or sum(min(PILLAR_CAP, r) for r in state.raw.values()) < target - EPSILON:
        best: tuple[float, Lever] | None = None
        for lever in LEVERS:
            if _room(state, lever) <= EPSILON:
                continue
            if lever.sales_navigator_only and inputs.account != "sales_navigator":
                continue
            cost = _weekly_cost(lever, goal)
            if budget is not None and used + cost > budget + EPSILON:
                continue
            gain = _gain(state, _changes(state, lever, goal, 1))
            if gain > 1e-6 and (best is None or gain / cost > best[0]):
                best = (gain / cost, lever)
        if best is None:
            break
        lever = best[1]
        used += _weekly_cost(lever, goal)
        _apply(state, lever, goal)
        picks.append(lever.key)
    return state, picks


def make_plan(inputs: EstimateInputs, goal: Goal) -> Plan:
    """The ranked plan for ``goal`` from ``inputs``, with plain reasons when the target is out of reach."""
    final, picks = _greedy(inputs, goal, goal.budget)
    order = list(dict.fromkeys(picks))  # each lever once, where it was first picked
    items = _items(inputs, goal, order, picks)
    end = estimate(final.inputs)
    unlimited = _greedy(inputs, Goal(None, None, goal.weeks, goal.invites_now), None)[0]
    best = estimate(unlimited.inputs).total.value
    with_sn: float | None = None
    if inputs.account != "sales_navigator":
        sn = replace(inputs, account="sales_navigator")
        with_sn = estimate(_greedy(sn, Goal(None, None, goal.weeks, goal.invites_now), None)[0].inputs).total.value
    reached = goal.target is None or end.total.value >= goal.target - EPSILON
    return Plan(
        goal=goal,
        start=estimate(inputs),
        end=end,
        items=tuple(items),
        reached=reached,
        weekly_minutes=sum(i.weekly_minutes for i in items),
        once_minutes=sum(i.once_minutes for i in items),
        invites_per_week=final.invites,
        best_within_limits=best,
        best_with_sales_navigator=with_sn,
        blockers=() if reached else _blockers(goal, inputs, best, with_sn),
    )


def _items(inputs: EstimateInputs, goal: Goal, order: list[str], picks: list[str]) -> list[Item]:
    """Apply each lever's steps in the listed order, so each gain is what that change adds at that point."""
    state = _State(inputs, goal.invites_now, _raw(inputs))
    items = []
    for key in order:
        lever = LEVERS_BY_KEY[key]
        steps = picks.count(key)
        before_total = estimate(state.inputs).total.value
        start = _level(state, lever)
        for _ in range(steps):
            _apply(state, lever, goal)
        after_total = estimate(state.inputs).total.value
        minutes = lever.minutes * steps
        items.append(Item(lever, start, _level(state, lever), after_total - before_total, after_total,
                          0.0 if lever.one_off else minutes, minutes if lever.one_off else 0.0))
    return items


def _blockers(goal: Goal, inputs: EstimateInputs, best: float, with_sn: float | None) -> tuple[str, ...]:
    target = goal.target or 0.0
    reasons = []
    if best < target - EPSILON:
        free = inputs.account != "sales_navigator"
        reasons.append(
            f"Out of reach within safe limits in {goal.weeks} weeks: with every change at its limit our model gets"
            f" you to about {best:.0f}" + (" on a free account." if free else ".")
        )
        if with_sn is not None and with_sn >= target - EPSILON:
            reasons.append(f"With Sales Navigator (lead saves and its searches count) about {with_sn:.0f} is"
                           " possible, so the target is out of reach for a free account only.")
        elif goal.weeks < 26:
            reasons.append("A longer plan helps only the relationships pillar, through invitations accepted"
                           " over more weeks.")
    if goal.budget is not None and best >= target - EPSILON:
        reasons.append(f"Your time budget of {goal.budget:g} minutes a week is not enough for this target;"
                       " the plan below uses it as well as it can.")
    return tuple(reasons)
