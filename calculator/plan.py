"""Mode "Plan my next weeks": which changes raise OUR estimate most for the time they take.

A greedy planner: at each step it takes the change with the most estimated points per minute a week (a
one-off task's minutes are spread over the plan's weeks), until the target is reached, the time budget is
spent, or every lever is at its limit. Limits keep the plan within what a person can sustain and, for
invitations, under the widely reported ~100 a week [weekly-100].

>>> from calculator.estimate_personas import TYPICAL
>>> p = make_plan(TYPICAL.inputs, Goal(target=45))
>>> p.reached, p.end.total.value >= 45, p.items[0].lever.one_off
(True, True, True)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .benchmarks_outreach import WEEKLY_REPORTED
from .estimate import Estimate, EstimateInputs, estimate
from .estimate_model import PILLAR_CAP, TERMS, TERMS_BY_KEY, Term
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
    action: str  # what to do, in the imperative
    step: float
    limit: float
    minutes: float
    one_off: bool = False
    sales_navigator_only: bool = False
    source_id: str = ""

    @property
    def pillar(self) -> Pillar:
        return Pillar.RELATE if self.key == INVITATIONS else TERMS_BY_KEY[self.key].pillar

    @property
    def unit(self) -> str:
        return "a week" if self.key == INVITATIONS else TERMS_BY_KEY[self.key].unit

    @property
    def yes_no(self) -> bool:
        return self.key != INVITATIONS and TERMS_BY_KEY[self.key].curve == "flag"


LEVERS: tuple[Lever, ...] = (
    Lever("photo", "Add a clear profile photo", 1, 1, 10, one_off=True),
    Lever("headline", "Rewrite your headline to say whom you help", 1, 1, 15, one_off=True),
    Lever("about", "Write an About section", 1, 1, 45, one_off=True),
    Lever("experience", "Describe your current and past roles", 1, 1, 30, one_off=True),
    Lever("banner", "Add a background banner", 1, 1, 10, one_off=True),
    Lever("featured", "Feature your best post, document or link", 1, 1, 20, one_off=True),
    Lever("skills", "List the skills you want to be found for", 5, 20, 10, one_off=True),
    Lever("endorsements", "Ask people who know your work to endorse you", 10, 60, 20, one_off=True),
    Lever("colleagues", "Connect with colleagues you work with", 10, 50, 15, one_off=True),
    Lever("days_active", "Visit LinkedIn on more days, even briefly", 1, 7, 5),
    Lever("searches_per_week", "Search for the people you want to reach", 3, 25, 5),
    Lever("views_made_per_week", "Look at people's profiles before you contact them", 5, 50, 10),
    Lever("sn_searches_per_week", "Run saved Sales Navigator searches", 3, 25, 5, sales_navigator_only=True),
    Lever("lead_saves_per_week", "Save leads and accounts in Sales Navigator", 5, 30, 10, sales_navigator_only=True),
    Lever("reactions_per_week", "React to posts from people you want to know", 5, 40, 3),
    Lever("comments_per_week", "Write thoughtful comments on their posts", 2, 15, 10),
    Lever("shares_per_week", "Share useful posts with a line of your own", 1, 5, 5),
    Lever("group_posts_per_month", "Post or comment in a relevant group", 2, 8, 8),
    Lever("posts_per_month", "Publish posts or articles of your own", 1, 8, 14),
    Lever(INVITATIONS, "Send personal invitations to people you have a reason to meet", 10, WEEKLY_REPORTED, 20,
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

    def text(self) -> str:
        """The change in words: "Write thoughtful comments on their posts: from 0.5 to 4.5 a week".

        >>> Item(LEVERS_BY_KEY["comments_per_week"], 0.5, 4.5, 2.0, 35.0, 20.0, 0.0).text()
        'Write thoughtful comments on their posts: from 0.5 to 4.5 a week'
        """
        if self.lever.yes_no:
            return self.lever.action
        unit = self.lever.unit
        return f"{self.lever.action}: from {amount(self.start)} to {amount(self.end)} {unit}"


def amount(value: float) -> str:
    """A level for display: whole numbers bare, others to one decimal place.

    >>> amount(5.0), amount(0.25), amount(12.5)
    ('5', '0.2', '12.5')
    """
    return f"{value:.0f}" if abs(value - round(value)) < 1e-9 else f"{value:.1f}"


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
    best_within_limits: float | None  # when the target is missed: the highest total with no time budget
    best_with_sales_navigator: float | None  # the same on Sales Navigator, for a free account
    blockers: tuple[str, ...]  # plain reasons the target is out of reach

    @property
    def per_day(self) -> int:
        return math.ceil(self.invites_per_week / WORKDAYS) if self.invites_per_week else 0


class _State:
    """The planner's working copy: input amounts and raw pillar sums, updated term by term (fast)."""

    def __init__(self, inputs: EstimateInputs, invites: float) -> None:
        self.account = inputs.account
        self.amounts = {t.key: inputs.amount(t) for t in TERMS}
        self.invites = invites
        self.raw = {pe.pillar: pe.raw for pe in estimate(inputs).pillars}

    def points(self, term: Term, amount: float) -> float:
        return 0.0 if term.sales_navigator_only and self.account != "sales_navigator" else term.points(amount)

    def total(self) -> float:
        return sum(min(PILLAR_CAP, r) for r in self.raw.values())

    def level(self, lever: Lever) -> float:
        return self.invites if lever.key == INVITATIONS else self.amounts[lever.key]

    def inputs(self, base: EstimateInputs) -> EstimateInputs:
        result = base
        for key, value in self.amounts.items():
            if value != base.amount(TERMS_BY_KEY[key]):
                result = result.with_amount(key, value)
        return result


def _changes(state: _State, lever: Lever, goal: Goal) -> dict[str, float]:
    """The inputs one step of a lever changes, with their new values."""
    if lever.key == INVITATIONS:
        # New connections over the plan's weeks; they follow you too, as LinkedIn connections do by default.
        step = min(lever.step, lever.limit - state.invites)
        gained = step * goal.weeks * state.amounts["acceptance_rate"] / 100
        return {"connections": state.amounts["connections"] + gained,
                "followers": state.amounts["followers"] + gained}
    level = state.amounts[lever.key]
    new = min(lever.limit, level + lever.step)
    if lever.key == "colleagues":  # colleagues you connect with are new connections too
        return {"colleagues": new, "connections": state.amounts["connections"] + new - level}
    return {lever.key: new}


def _deltas(state: _State, changes: dict[str, float]) -> dict[Pillar, float]:
    by_pillar: dict[Pillar, float] = {}
    for key, value in changes.items():
        term = TERMS_BY_KEY[key]
        delta = state.points(term, value) - state.points(term, state.amounts[key])
        by_pillar[term.pillar] = by_pillar.get(term.pillar, 0.0) + delta
    return by_pillar


def _gain(state: _State, changes: dict[str, float]) -> float:
    """Points gained by ``changes``, recomputing only the terms they touch."""
    raw = state.raw
    return sum(min(PILLAR_CAP, raw[p] + d) - min(PILLAR_CAP, raw[p]) for p, d in _deltas(state, changes).items())


def _weekly_cost(lever: Lever, goal: Goal) -> float:
    return lever.minutes / goal.weeks if lever.one_off else lever.minutes


def _apply(state: _State, lever: Lever, goal: Goal) -> None:
    changes = _changes(state, lever, goal)
    for p, d in _deltas(state, changes).items():
        state.raw[p] += d
    state.amounts.update(changes)
    if lever.key == INVITATIONS:
        state.invites = min(lever.limit, state.invites + lever.step)


# The pillars each lever moves (invitations bring connections, who also follow you).
_MOVES: dict[str, frozenset[Pillar]] = {
    lever.key: frozenset((Pillar.RELATE, Pillar.BRAND)) if lever.key == INVITATIONS else frozenset((lever.pillar,))
    for lever in LEVERS
}


def _greedy(inputs: EstimateInputs, goal: Goal, budget: float | None) -> tuple[_State, list[str]]:
    """The order in which steps are taken; returns the final state and the lever keys in pick order."""
    state = _State(inputs, goal.invites_now)
    picks: list[str] = []
    used = 0.0
    target = goal.target
    usable = [lv for lv in LEVERS if not (lv.sales_navigator_only and inputs.account != "sales_navigator")]
    levers = [(lv, _weekly_cost(lv, goal)) for lv in usable]  # costs depend only on the plan's length
    gains: dict[str, float] = {}  # a lever's next-step gain changes only when its own pillars change
    while target is None or state.total() < target - EPSILON:
        best: tuple[float, Lever] | None = None
        for lever, cost in levers:
            if budget is not None and used + cost > budget + EPSILON:
                continue
            gain = gains.get(lever.key)
            if gain is None:
                room = lever.limit - state.level(lever)
                gain = _gain(state, _changes(state, lever, goal)) if room > EPSILON else 0.0
                gains[lever.key] = gain
            if gain > 1e-6 and (best is None or gain / cost > best[0]):
                best = (gain / cost, lever)
        if best is None:
            break
        lever = best[1]
        used += _weekly_cost(lever, goal)
        _apply(state, lever, goal)
        picks.append(lever.key)
        touched = _MOVES[lever.key]
        gains = {k: g for k, g in gains.items() if not (_MOVES[k] & touched)}
    return state, picks


def _best(inputs: EstimateInputs, goal: Goal) -> float:
    """The highest total the planner reaches with no target and no time budget."""
    return _greedy(inputs, Goal(None, None, goal.weeks, goal.invites_now), None)[0].total()


def make_plan(inputs: EstimateInputs, goal: Goal) -> Plan:
    """The ranked plan for ``goal`` from ``inputs``, with plain reasons when the target is out of reach."""
    final, picks = _greedy(inputs, goal, goal.budget)
    items = _items(inputs, goal, list(dict.fromkeys(picks)), picks)
    end = estimate(final.inputs(inputs))
    reached = goal.target is None or end.total.value >= goal.target - EPSILON
    best = with_sn = None
    if not reached:  # only then do the limits matter to the reader
        best = final.total() if goal.budget is None else _best(inputs, goal)
        if inputs.account != "sales_navigator":
            with_sn = _best(replace(inputs, account="sales_navigator"), goal)
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
        blockers=() if reached or best is None else _blockers(goal, inputs, best, with_sn),
    )


def _items(inputs: EstimateInputs, goal: Goal, order: list[str], picks: list[str]) -> list[Item]:
    """Apply each lever's steps in the listed order, so each gain is what that change adds at that point."""
    state = _State(inputs, goal.invites_now)
    items = []
    for key in order:
        lever = LEVERS_BY_KEY[key]
        steps = picks.count(key)
        before_total, start = state.total(), state.level(lever)
        for _ in range(steps):
            _apply(state, lever, goal)
        minutes = lever.minutes * steps
        items.append(Item(lever, start, state.level(lever), state.total() - before_total, state.total(),
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
