"""What the team's readings show: spreads, the lagging pillar, the weekly median, old readings."""

import statistics
from datetime import timedelta
from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from calculator.team.load import Found
from calculator.team.model import Team, add_found
from calculator.team.stats import CARRY_WEEKS, STALE_AFTER, spread, summarise, weekly

from .make import TODAY, reading
from .make import weekly as weeks_of


def team_of(*members: tuple[str, tuple]) -> Team:  # type: ignore[type-arg]
    team = Team()
    for name, readings in members:
        team = add_found(team, f"{name}.csv", Found(name, readings)).team
    return team


@given(st.lists(st.decimals(0, 100, places=3, allow_nan=False), min_size=2, max_size=40))
def test_quartiles_match_the_standard_library(values: list[D]) -> None:
    s = spread(values)
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    assert (s.q1, s.median, s.q3) == (q1, q2, q3)
    assert s.low == min(values) and s.high == max(values)


def test_the_lagging_pillar_is_the_lowest_median_and_ties_are_both_named() -> None:
    team = team_of(("a", (reading(TODAY, engage="2", find="4"),)), ("b", (reading(TODAY, engage="4", find="2"),)))
    summary = summarise(team, TODAY)
    assert summary is not None and summary.lagging == ("find", "engage")
    assert summary.pillars["engage"].median == 3


def test_old_one_reading_and_empty_members_are_all_reported() -> None:
    old = TODAY - timedelta(days=STALE_AFTER + 1)
    team = team_of(("fresh", weeks_of(3)), ("old", (reading(old),)), ("none", ()))
    summary = summarise(team, TODAY)
    assert summary is not None
    assert [x.member.name for x in summary.stale] == ["old"]
    assert [x.member.name for x in summary.single] == ["old"]
    assert [m.name for m in summary.empty] == ["none"]
    assert summary.totals.count == 2


def test_no_readings_no_summary() -> None:
    assert summarise(team_of(("none", ())), TODAY) is None


def test_a_member_who_reads_every_other_week_stays_in_the_weekly_median() -> None:
    every_other = tuple(reading(TODAY - timedelta(weeks=2 * i), brand="10") for i in range(4))[::-1]
    team = team_of(("weekly", weeks_of(8, brand="20", step="0")), ("fortnightly", every_other))
    weeks = weekly(team.members)
    assert [w.count for w in weeks] == [1, 2, 2, 2, 2, 2, 2, 2]
    assert weeks[-1].total.median == (D(41) + D(51)) / 2  # brand 10 and 20, plus 6 + 10 + 15


def test_a_member_who_stopped_drops_out_after_the_carry_weeks() -> None:
    team = team_of(("stopped", (reading(TODAY - timedelta(weeks=10)),)), ("steady", weeks_of(11)))
    counts = [w.count for w in weekly(team.members)]
    assert counts == [2] * CARRY_WEEKS + [1] * (11 - CARRY_WEEKS)


def test_change_over_ninety_days() -> None:
    team = team_of(("a", (reading(TODAY - timedelta(days=120), brand="10"), reading(TODAY, brand="12.5"))))
    summary = summarise(team, TODAY)
    assert summary is not None and summary.latest[0].change == D("2.5")
