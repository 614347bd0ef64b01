"""Mode "Plan my next weeks": which changes raise OUR estimate most for the time they take.

A greedy planner: at each step it takes the change with the most estimated points per minute a week (a
one-off task's minutes are spread over the plan's weeks), until the target is reached, the time budget is
spent, or every lever is at its limit. Limits keep the plan within what a person can sustain and, for
invitations, within the pace the pacing check rates Low for the account's stage (:mod:`..outreach.limits`),
well under the widely reported ~100 a week [weekly-100].

>>> from calculator.estimate.personas import TYPICAL
>>> p = make_plan(TYPICAL.inputs, Goal(target=45))
>>> p.reached, p.end.total.value >= 45, p.items[0].lever.one_off
(True, True, True)
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..pillars import Pillar
from .levers import INVITATIONS, LEVERS, LEVERS_BY_KEY, Goal, Item, Lever, Plan, for_goal
from .score import EstimateInputs, estimate
from .terms import PILLAR_CAP, TERMS, TERMS_BY_KEY, Term, terms_of

EPSILON = 1e-9

_PILLARS: tuple[Pillar, ...] = tuple(Pillar)
_AT = {p: n for n, p in enumerate(_PILLARS)}  # the planner works on pillar positions: enum hashing is slow
_CAPS = (PILLAR_CAP,) * len(_PILLARS)


class _State:
    """The planner's working copy: input amounts, each term's points, and raw pillar sums (in Pillar order).

    Updated term by term, so a step costs only the curves it touches. The starting sums are taken in the
    order :func:`estimate` takes them, so the planner starts from exactly the estimate's raw values.
    """

    __slots__ = ("account", "amounts", "invites", "points", "raw")

    def __init__(self, inputs: EstimateInputs, invites: float) -> None:
        self.account = inputs.account
        self.amounts = {t.key: inputs.amount(t) for t in TERMS}
        self.points = {t.key: self.curve(t, self.amounts[t.key]) for t in TERMS}
        self.invites = invites
        self.raw = [sum(self.points[t.key] for t in terms_of(p)) for p in _PILLARS]

    def curve(self, term: Term, amount: float) -> float:
        return 0.0 if term.sales_navigator_only and self.account != "sales_navigator" else term.points(amount)

    def total(self) -> float:
        return sum(map(min, _CAPS, self.raw))  # sum(min(PILLAR_CAP, r) for r in raw), without a generator

    def level(self, lever: Lever) -> float:
        return self.invites if lever.key == INVITATIONS else self.amounts[lever.key]

    def inputs(self, base: EstimateInputs) -> EstimateInputs:
        return base.with_amounts(self.amounts)


# One step of a lever, worked out in advance: the inputs it sets (key, new amount, new points) and the
# raw change per pillar position, summed in the order the inputs are listed.
_Step = tuple[tuple[tuple[str, float, float], ...], tuple[tuple[int, float], ...]]


_AT_KEY = {t.key: _AT[t.pillar] for t in TERMS}
_RELATE, _BRAND = _AT[Pillar.RELATE], _AT[Pillar.BRAND]


def _step(state: _State, lever: Lever, goal: Goal) -> _Step:
    """One step of ``lever``: the inputs it sets, and the raw change per pillar (summed as listed)."""
    amounts, points, curve = state.amounts, state.points, state.curve
    if lever.key == INVITATIONS:
        # New connections over the plan's weeks; they follow you too, as LinkedIn connections do by default.
        step = min(lever.step, lever.limit - state.invites)
        gained = step * goal.weeks * amounts["acceptance_rate"] / 100
        connections, followers = amounts["connections"] + gained, amounts["followers"] + gained
        cp, fp = curve(TERMS_BY_KEY["connections"], connections), curve(TERMS_BY_KEY["followers"], followers)
        return ((("connections", connections, cp), ("followers", followers, fp)),
                ((_RELATE, cp - points["connections"]), (_BRAND, fp - points["followers"])))
    key = lever.key
    level = amounts[key]
    new = min(lever.limit, level + lever.step)
    new_points = curve(TERMS_BY_KEY[key], new)
    delta = new_points - points[key]
    if key == "colleagues":  # colleagues you connect with are new connections too (same pillar)
        connections = amounts["connections"] + new - level
        cp = curve(TERMS_BY_KEY["connections"], connections)
        return (((key, new, new_points), ("connections", connections, cp)),
                ((_RELATE, delta + (cp - points["connections"])),))
    return ((key, new, new_points),), ((_AT_KEY[key], delta),)


def _gain(raw: list[float], deltas: tuple[tuple[int, float], ...]) -> float:
    """Points a step adds to the capped total."""
    gain = 0.0
    for at, delta in deltas:
        gain += min(PILLAR_CAP, raw[at] + delta) - min(PILLAR_CAP, raw[at])
    return gain


def _weekly_cost(lever: Lever, goal: Goal) -> float:
    return lever.minutes / goal.weeks if lever.one_off else lever.minutes


def _apply(state: _State, lever: Lever, step: _Step) -> None:
    sets, deltas = step
    for at, delta in deltas:
        state.raw[at] += delta
    for key, value, points in sets:
        state.amounts[key] = value
        state.points[key] = points
    if lever.key == INVITATIONS:
        state.invites = min(lever.limit, state.invites + lever.step)


def _reads(lever: Lever) -> frozenset[str]:
    """The inputs a lever's next step depends on (invitations also on its own level, kept apart)."""
    if lever.key == INVITATIONS:
        return frozenset(("connections", "followers", "acceptance_rate", INVITATIONS))
    if lever.key == "colleagues":
        return frozenset(("colleagues", "connections"))
    return frozenset((lever.key,))


# The pillars each lever moves (invitations bring connections, who also follow you).
_MOVES: dict[str, frozenset[Pillar]] = {
    lever.key: frozenset((Pillar.RELATE, Pillar.BRAND)) if lever.key == INVITATIONS else frozenset((lever.pillar,))
    for lever in LEVERS
}
_WRITES: dict[str, frozenset[str]] = {
    lever.key: frozenset(("connections", "followers", INVITATIONS)) if lever.key == INVITATIONS
    else frozenset(("colleagues", "connections")) if lever.key == "colleagues" else frozenset((lever.key,))
    for lever in LEVERS
}


@dataclass(frozen=True)
class _Levers:
    """The levers an account can use and, for each, what its step makes stale (by position in ``levers``):
    the next steps that read an input it moved, and the gains on a pillar it moved (a gain depends on the
    pillar's raw sum, to the last bit, even far from the cap)."""

    levers: tuple[Lever, ...]
    stale_steps: tuple[tuple[int, ...], ...]
    stale_gains: tuple[tuple[int, ...], ...]


def _levers_for(sales_navigator: bool, only: Pillar | None = None) -> _Levers:
    levers = tuple(lv for lv in LEVERS if (sales_navigator or not lv.sales_navigator_only)
                   and (only is None or _MOVES[lv.key] == {only}))
    return _Levers(
        levers,
        tuple(tuple(j for j, b in enumerate(levers) if _WRITES[a.key] & _reads(b)) for a in levers),
        tuple(tuple(j for j, b in enumerate(levers) if _MOVES[a.key] & _MOVES[b.key]) for a in levers),
    )


_USABLE = {True: _levers_for(True), False: _levers_for(False)}
# The pillars Sales Navigator adds inputs to (find; engage), each planned again on its own.
_WITH_SALES_NAVIGATOR = {p: _levers_for(True, p) for p in (Pillar.FIND, Pillar.ENGAGE)}
_NONE = -1.0  # the ratio of a lever that cannot be picked now: every real ratio is positive


def _greedy(inputs: EstimateInputs, goal: Goal, budget: float | None,
            usable: _Levers | None = None) -> tuple[_State, list[str]]:
    """The order in which steps are taken; returns the final state and the lever keys in pick order.

    Each round picks the lever with the most points per weekly minute, the first listed on a tie. Only the
    ratios a step can have changed are worked out again; the pick itself is ``max`` and ``index`` over a list.
    """
    state = _State(inputs, goal.invites_now)
    usable = usable or _USABLE[inputs.account == "sales_navigator"]
    levers = tuple(for_goal(lv, goal) for lv in usable.levers)
    costs = [_weekly_cost(lv, goal) for lv in levers]  # costs depend only on the plan's length
    steps: list[_Step | None] = [None] * len(levers)  # each lever's next step, when known
    known = [False] * len(levers)
    out = [False] * len(levers)  # at its limit or beyond the budget: for good, as levels and time only grow
    ratios = [_NONE] * len(levers)
    stale: tuple[int, ...] = tuple(range(len(levers)))
    picks: list[str] = []
    used = 0.0
    target = goal.target
    raw = state.raw  # updated in place by _apply
    while target is None or state.total() < target - EPSILON:
        for i in stale:
            if out[i]:
                continue
            step = steps[i]
            if not known[i]:
                lever = levers[i]
                if lever.limit - state.level(lever) > EPSILON:
                    step = steps[i] = _step(state, lever, goal)
                    known[i] = True
                else:
                    step = None
                    out[i] = True
            if step is None:
                ratios[i] = _NONE
                continue
            deltas = step[1]
            if len(deltas) == 1:  # most levers move one pillar: _gain without the call
                at, delta = deltas[0]
                gain = min(PILLAR_CAP, raw[at] + delta) - min(PILLAR_CAP, raw[at])
            else:
                gain = _gain(raw, deltas)
            ratios[i] = gain / costs[i] if gain > 1e-6 else _NONE
        if budget is not None:
            for i, cost in enumerate(costs):
                if not out[i] and used + cost > budget + EPSILON:
                    out[i] = True
                    ratios[i] = _NONE
        top = max(ratios)
        if top <= 0.0:
            break
        i = ratios.index(top)  # the first of equals, as a scan in lever order would pick
        lever = levers[i]
        taken = steps[i]
        assert taken is not None  # a lever with no next step has no ratio
        used += costs[i]
        _apply(state, lever, taken)
        picks.append(lever.key)
        for j in usable.stale_steps[i]:
            known[j] = False
        stale = usable.stale_gains[i]
    return state, picks


def _best(inputs: EstimateInputs, goal: Goal) -> _State:
    """Where the planner ends with no target and no time budget: every lever as far as it still gains."""
    return _greedy(inputs, Goal(None, None, goal.weeks, goal.invites_now, goal.stage), None)[0]


def _best_with_sales_navigator(inputs: EstimateInputs, goal: Goal, free_best: _State) -> float:
    """The best total on Sales Navigator, for a free account whose own best is ``free_best``.

    With no target and no budget, each group of pillars no lever links (find; engage; brand with
    relationships, which invitations join) runs through the same steps in the same order as it would alone:
    a step is picked only when it beats every other, so also every other of its own group. Sales Navigator
    changes only the find and engage pillars, so only those are planned again, each on its own.
    """
    sales_navigator = replace(inputs, account="sales_navigator")
    open_goal = Goal(None, None, goal.weeks, goal.invites_now, goal.stage)
    raw = list(free_best.raw)
    for pillar, levers in _WITH_SALES_NAVIGATOR.items():
        at = _AT[pillar]
        raw[at] = _greedy(sales_navigator, open_goal, None, levers)[0].raw[at]
    return sum(min(PILLAR_CAP, r) for r in raw)


def make_plan(inputs: EstimateInputs, goal: Goal) -> Plan:
    """The ranked plan for ``goal`` from ``inputs``, with plain reasons when the target is out of reach."""
    final, picks = _greedy(inputs, goal, goal.budget)
    items = _items(inputs, goal, list(dict.fromkeys(picks)), picks)
    end = estimate(final.inputs(inputs))
    reached = goal.target is None or end.total.value >= goal.target - EPSILON
    best = with_sn = None
    if not reached:  # only then do the limits matter to the reader
        if goal.budget is None:
            best = final.total()
            # Short of the target, the plan went as far as it could: the same steps as with no target at all.
            exhausted = goal.target is not None and best < goal.target - EPSILON
            free_best = final if exhausted else _best(inputs, goal)
        else:
            free_best = _best(inputs, goal)
            best = free_best.total()
        if inputs.account != "sales_navigator":
            with_sn = _best_with_sales_navigator(inputs, goal, free_best)
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
        lever = for_goal(LEVERS_BY_KEY[key], goal)
        steps = picks.count(key)
        before_total, start = state.total(), state.level(lever)
        for _ in range(steps):
            _apply(state, lever, _step(state, lever, goal))
        minutes = lever.minutes * steps
        after = state.total()
        items.append(Item(lever, start, state.level(lever), after - before_total, after,
                          0.0 if lever.one_off else minutes, minutes if lever.one_off else 0.0))
    return items


def _blockers(goal: Goal, inputs: EstimateInputs, best: float, with_sn: float | None) -> tuple[str, ...]:
    target = goal.target or 0.0
    reasons = []
    if best < target - EPSILON:
        free = inputs.account != "sales_navigator"
        reasons.append(
            f"Out of reach within the planner's limits: with every change at its limit, kept up for {goal.weeks}"
            f" weeks, our model gets you to about {best:.0f}" + (" on a free account." if free else ".")
        )
        if with_sn is not None and with_sn >= target - EPSILON:
            reasons.append(f"With Sales Navigator (its searches, lead saves, saved accounts and account research"
                           f" count) about {with_sn:.0f} is"
                           " possible, so the target is out of reach for a free account only.")
        elif goal.weeks < 26:
            reasons.append("A longer plan helps only the relationships pillar, through invitations accepted"
                           " over more weeks.")
    if goal.budget is not None and best >= target - EPSILON:
        reasons.append(f"Your time budget of {goal.budget:g} minutes a week is not enough for this target;"
                       " the plan below uses it as well as it can.")
    return tuple(reasons)
