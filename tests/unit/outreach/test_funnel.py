"""Funnel check: rates, impossible combinations, division by zero, comparisons with published ranges."""

from __future__ import annotations

from dataclasses import fields

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.outreach import published
from calculator.outreach.funnel import Counts, analyse, check, percent, position
from calculator.outreach.published import ACCEPTANCE, CONVERSATION, REPLY_OF_ACCEPTED, REPLY_OF_SENT, Benchmark

COUNT_FIELDS = {f.name for f in fields(Counts)} - {"weeks"}


def rates(c: Counts) -> dict[str, float | None]:
    return {r.key: r.value for r in analyse(c).rates}


@pytest.mark.parametrize(("counts", "expected"), [
    (Counts(4, sent=200, accepted=60), {"acceptance": 30.0, "reply_sent": None}),
    (Counts(4, sent=200, accepted=60, messages=50, replies=15), {"reply_accepted": 30.0, "reply_sent": 7.5}),
    (Counts(1, sent=3, accepted=1), {"acceptance": pytest.approx(33.333, abs=0.01)}),
    (Counts(4, accepted=40, conversations=10), {"conversation": 25.0, "acceptance": None}),
    (Counts(4, views=200, inbound_invites=10), {"view_to_connection": 5.0}),
    (Counts(4, sent=100, accepted=100, messages=100, replies=100), {"acceptance": 100.0, "reply_sent": 100.0}),
])
def test_rates_a_user_would_check_by_hand(counts: Counts, expected: dict[str, float | None]) -> None:
    assert check(counts) == {}
    got = rates(counts)
    for key, value in expected.items():
        assert got[key] == value


def test_nothing_sent_is_a_reason_not_a_division_by_zero() -> None:
    result = analyse(Counts(4, sent=0, accepted=0))
    acceptance = result.rate("acceptance")
    assert acceptance.value is None
    assert "nothing to divide by" in acceptance.missing


def test_missing_inputs_say_what_to_enter() -> None:
    result = analyse(Counts(4, sent=200, accepted=60))
    assert result.rate("reply_accepted").missing == "Enter replies and messages sent to see this rate."
    assert result.rate("view_to_connection").missing == "Enter invitations received and profile views to see this rate."


@pytest.mark.parametrize("counts", [Counts(4), Counts(4, sent=200), Counts(13, replies=3)])
def test_no_pair_of_numbers_asks_for_one(counts: Counts) -> None:
    errors = check(counts)
    assert list(errors) == ["sent"]
    assert "at least one pair" in errors["sent"]


@pytest.mark.parametrize(("counts", "field", "words"), [
    (Counts(4, sent=50, accepted=60), "accepted", "More accepted invitations (60) than invitations sent (50)"),
    (Counts(4, sent=100, accepted=60, pending=50), "pending", "plus pending (50) is more than sent (100)"),
    (Counts(4, accepted=10, messages=12), "messages", "More first messages (12) than accepted invitations (10)"),
    (Counts(4, sent=5, messages=12), "messages", "than invitations sent (5)"),
    (Counts(4, sent=100, messages=0, replies=5), "replies", "5 replies but no messages sent"),
    (Counts(4, messages=3, replies=5), "replies", "More replies (5) than first messages (3)"),
    (Counts(4, accepted=2, replies=5), "replies", "than accepted invitations (2)"),
    (Counts(4, accepted=4, conversations=6), "conversations", "More conversations (6)"),
    (Counts(4, views=3, inbound_invites=6), "inbound_invites", "same period"),
])
def test_impossible_combinations_are_named_on_the_right_field(counts: Counts, field: str, words: str) -> None:
    errors = check(counts)
    assert field in errors
    assert words in errors[field]


@pytest.mark.parametrize(("value", "where"), [(10.0, "below"), (25.5, "within"), (29.0, "within"), (33.0, "above")])
def test_position_against_the_spread_between_sources(value: float, where: str) -> None:
    assert position(value, ACCEPTANCE) == where


def test_the_spread_spans_every_overall_figure_of_the_same_base() -> None:
    assert ACCEPTANCE.spread() == (26.4, 31.4)
    assert REPLY_OF_ACCEPTED.spread() == (29.0, 29.0)
    assert REPLY_OF_SENT.spread() == (8.1, 8.1)


BENCHMARKS = [b for b in vars(published).values() if isinstance(b, Benchmark)]


@pytest.mark.parametrize("benchmark", BENCHMARKS, ids=lambda b: b.key)
def test_no_verdict_uses_a_figure_of_another_base(benchmark: Benchmark) -> None:
    """Moving every figure of another (or a disputed, or an unstated) base far away changes no verdict."""
    others = [f for f in benchmark.overall if f.base != benchmark.base]
    for value in (0.5, 5.0, 20.0, 28.0, 50.0, 95.0):
        moved = Benchmark(benchmark.key, benchmark.base, benchmark.comparable()
                          + tuple(published.Figure(f.source_id, 99.0, 99.0, f.what, f.base) for f in others),
                          proxy=benchmark.proxy)
        assert position(value, moved) == position(value, benchmark)


def test_both_reply_rates_are_kept_apart_with_their_own_bases() -> None:
    result = analyse(Counts(4, sent=200, accepted=60, messages=50, replies=9))
    accepted, sent = result.rate("reply_accepted"), result.rate("reply_sent")
    assert (accepted.base, accepted.value, accepted.benchmark) == ("accepted", 18.0, REPLY_OF_ACCEPTED)
    assert (sent.base, sent.value, sent.benchmark) == ("sent", 4.5, REPLY_OF_SENT)


def test_a_per_sent_reply_rate_is_not_called_in_line_with_a_disputed_after_acceptance_figure() -> None:
    """The audit's case: 4.5% of sent sat inside 5.44–9.36%, a range whose base is disputed."""
    sent = analyse(Counts(4, sent=200, accepted=60, messages=55, replies=9)).rate("reply_sent")
    assert sent.position == "below"  # against Reachium's 8.1% of sent, the one figure of this base


def test_disputed_and_unstated_bases_are_shown_as_such() -> None:
    bases = {(f.source_id, f.base) for f in REPLY_OF_ACCEPTED.overall + REPLY_OF_SENT.overall}
    assert ("bench-expandi-belkins-2024", "disputed") in bases
    assert ("bench-belkins-2025", "unstated") in bases
    derived = next(f for f in REPLY_OF_SENT.overall if f.ours)
    assert (derived.low, derived.high) == (1.44, 2.47)  # 26.4% × 5.44% and × 9.36%


def test_a_proxy_is_shown_but_never_compared() -> None:
    result = analyse(Counts(4, sent=200, accepted=60, conversations=1))
    assert result.rate("conversation").benchmark is CONVERSATION
    assert result.rate("conversation").position == ""


def test_advice_starts_with_account_risk_then_the_weakest_stage() -> None:
    result = analyse(Counts(1, sent=300, accepted=30, pending=250))
    paths = [a.path for a in result.advice]
    assert paths == ["outreach/account-safety/#the-about-100-invitations-a-week-figure",
                     "outreach/metrics/#account-standing"]


def test_low_acceptance_and_replies_point_to_their_guide_sections() -> None:
    result = analyse(Counts(4, sent=200, accepted=20, messages=20, replies=1))
    assert [a.path for a in result.advice] == ["outreach/metrics/#acceptance-rate", "outreach/metrics/#reply-rate"]


def test_nothing_wrong_says_so_and_points_to_the_monthly_view() -> None:
    result = analyse(Counts(4, sent=100, accepted=30, messages=30, replies=9, conversations=9))
    assert [a.path for a in result.advice] == ["outreach/metrics/#putting-them-together"]


def test_at_most_two_changes_are_suggested() -> None:
    result = analyse(Counts(1, sent=500, accepted=10, pending=300, messages=10, replies=0, conversations=0))
    assert len(result.advice) == 2


counts_strategy = st.builds(
    Counts,
    weeks=st.sampled_from([1.0, 2.0, 4.0, 13.0]),
    **{name: st.one_of(st.none(), st.integers(0, 10**6), st.integers(0, 30)) for name in COUNT_FIELDS},
)


@given(counts_strategy)
def test_every_combination_is_either_named_per_field_or_gives_rates_in_range(c: Counts) -> None:
    errors = check(c)
    if errors:
        assert set(errors) <= COUNT_FIELDS
        assert all(isinstance(m, str) and m for m in errors.values())
        return
    for rate in analyse(c).rates:
        if rate.value is None:
            assert rate.missing
        else:
            assert 0.0 <= rate.value <= 100.0


@given(counts_strategy)
def test_more_accepted_than_sent_is_always_caught_on_accepted(c: Counts) -> None:
    if c.sent is not None and c.accepted is not None and c.accepted > c.sent:
        assert "accepted" in check(c)
    if c.replies and c.messages == 0:
        assert "replies" in check(c)


@given(st.integers(0, 10**6), st.integers(1, 10**6))
def test_percent_is_bounded(a: int, b: int) -> None:
    assert 0.0 <= percent(min(a, b), b) <= 100.0
