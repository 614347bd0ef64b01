"""Outreach funnel check: the rates that say whether outreach works, set against published ranges.

Replies are counted two ways and kept apart: per connection who accepted (and got a first message) and per
invitation sent. Each rate is compared only with published figures of its own base; a figure whose base is
disputed or unstated is shown but never used for a verdict, and a proxy figure never is either.

Pure functions over frozen dataclasses. Counts that cannot all be true together are reported per field by
:func:`check`; :func:`analyse` then never divides by zero and never returns a rate outside 0–100%.

>>> result = analyse(Counts(weeks=4, sent=200, accepted=60, messages=50, replies=12))
>>> [(r.key, r.value) for r in result.rates if r.value is not None]
[('acceptance', 30.0), ('reply_accepted', 24.0), ('reply_sent', 6.0)]
>>> check(Counts(weeks=4, sent=50, accepted=60))
{'accepted': 'More accepted invitations (60) than invitations sent (50): accepted invitations are part of those sent.\
 Check both numbers.'}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .published import (
    ACCEPTANCE,
    CONVERSATION,
    PENDING_ELEVATED,
    REPLY_OF_ACCEPTED,
    REPLY_OF_SENT,
    WEEKLY_REPORTED,
    Base,
    Benchmark,
)

Position = Literal["below", "within", "above", ""]

# A result within this many percentage points of the published spread counts as in line with it: the
# sources themselves round to a point or so, and disagree by far more.
TOLERANCE = 1.0


@dataclass(frozen=True)
class Counts:
    """What the person counted over one period; ``None`` for anything not entered."""

    weeks: float
    sent: int | None = None
    accepted: int | None = None
    pending: int | None = None
    messages: int | None = None  # first messages to people who accepted
    replies: int | None = None  # people who replied to those messages
    conversations: int | None = None  # real two-way exchanges with those new connections
    views: int | None = None  # profile views received
    inbound_invites: int | None = None  # invitations received
    inbound_messages: int | None = None


@dataclass(frozen=True)
class Rate:
    key: str
    title: str
    anchor: str  # the section of outreach/metrics.md that defines it
    numerator: int | None
    denominator: int | None
    value: float | None  # percent, 0–100; None with ``missing`` saying why
    missing: str
    benchmark: Benchmark | None
    position: Position  # "" when there is nothing of the same base to compare with
    base: Base | None = None  # what the rate is a share of; None for a rate with no benchmark


@dataclass(frozen=True)
class Advice:
    text: str
    path: str  # a guide page and anchor, relative to the site root
    link_text: str


@dataclass(frozen=True)
class Funnel:
    counts: Counts
    rates: tuple[Rate, ...]
    per_week_sent: float | None
    advice: tuple[Advice, ...]

    def rate(self, key: str) -> Rate:
        return next(r for r in self.rates if r.key == key)


# Each count is part of an earlier one: the nearest earlier count that was entered is its ceiling.
_PARENTS: dict[str, tuple[str, ...]] = {
    "accepted": ("sent",),
    "messages": ("accepted", "sent"),
    "replies": ("messages", "accepted", "sent"),
    "conversations": ("accepted", "sent"),
    "inbound_invites": ("views",),
}
_NAMES = {
    "sent": "invitations sent", "accepted": "accepted invitations", "messages": "first messages",
    "replies": "replies", "conversations": "conversations", "views": "profile views",
    "inbound_invites": "invitations received",
}
_HOW = {
    "accepted": "accepted invitations are part of those sent",
    "messages": "count only first messages to people who accepted in this period",
    "replies": "count people who replied, at most one per message",
    "conversations": "count conversations with the people who accepted",
    "inbound_invites": "check that both cover the same period",
}


def check(c: Counts) -> dict[str, str]:
    """Messages, keyed by field, for counts that cannot all be true at once (each value alone was valid)."""
    errors: dict[str, str] = {}
    if c.replies is not None and c.replies > 0 and c.messages == 0:
        errors["replies"] = (f"{c.replies} replies but no messages sent: a reply needs a message first."
                             " Enter the messages you sent, or 0 replies.")
    for name, parents in _PARENTS.items():
        value = getattr(c, name)
        bound = next(((p, v) for p in parents if (v := getattr(c, p)) is not None), None)
        if value is None or bound is None or name in errors or value <= bound[1]:
            continue
        errors[name] = (f"More {_NAMES[name]} ({value}) than {_NAMES[bound[0]]} ({bound[1]}): {_HOW[name]}."
                        " Check both numbers.")
    accepted = c.accepted or 0
    if c.sent is not None and c.pending is not None and "accepted" not in errors and accepted + c.pending > c.sent:
        errors["pending"] = (f"Accepted ({accepted}) plus pending ({c.pending}) is more than sent ({c.sent}): an"
                             " invitation is accepted, still pending, or neither.")
    if not errors and not any(r.numerator is not None and r.denominator is not None for r in _rates(c)):
        errors["sent"] = ("Enter at least one pair of numbers, for example invitations sent and accepted, to see"
                          " a rate.")
    return errors


def percent(numerator: int, denominator: int) -> float:
    """``numerator`` as a percentage of ``denominator`` (which must be positive), clamped to 0–100.

    >>> percent(60, 200), percent(0, 5)
    (30.0, 0.0)
    """
    return min(100.0, max(0.0, 100.0 * numerator / denominator))


def position(value: float, benchmark: Benchmark) -> Position:
    """Where a rate sits against the spread of the sources' overall figures of the same base.

    A proxy, or a benchmark with no figure of the rate's base, gives no position at all.

    >>> position(20.0, ACCEPTANCE), position(28.0, ACCEPTANCE), position(32.0, ACCEPTANCE)
    ('below', 'within', 'within')
    >>> position(5.0, CONVERSATION)
    ''
    """
    if benchmark.proxy or not benchmark.comparable():
        return ""
    low, high = benchmark.spread()
    if value < low - TOLERANCE:
        return "below"
    if value > high + TOLERANCE:
        return "above"
    return "within"


def _rate(key: str, title: str, anchor: str, num: int | None, den: int | None, names: tuple[str, str],
          benchmark: Benchmark | None) -> Rate:
    value: float | None = None
    missing = ""
    if num is None or den is None:
        absent = [n for n, v in zip(names, (num, den), strict=True) if v is None]
        missing = "Enter " + " and ".join(absent) + " to see this rate."
    elif den == 0:
        missing = f"No {names[1]} in this period, so there is nothing to divide by."
    else:
        value = percent(num, den)
    pos: Position = position(value, benchmark) if value is not None and benchmark is not None else ""
    return Rate(key, title, anchor, num, den, value, missing, benchmark, pos,
                None if benchmark is None else benchmark.base)


def _rates(c: Counts) -> tuple[Rate, ...]:
    return (
        _rate("acceptance", "Acceptance rate", "acceptance-rate", c.accepted, c.sent,
              ("invitations accepted", "invitations sent"), ACCEPTANCE),
        _rate("reply_accepted", "Reply rate of accepted", "reply-rate", c.replies, c.messages,
              ("replies", "messages sent"), REPLY_OF_ACCEPTED),
        _rate("reply_sent", "Reply rate of sent", "reply-rate", c.replies, c.sent,
              ("replies", "invitations sent"), REPLY_OF_SENT),
        _rate("conversation", "Connection-to-conversation rate", "connection-to-conversation-rate",
              c.conversations, c.accepted, ("conversations", "invitations accepted"), CONVERSATION),
        _rate("view_to_connection", "Profile-view-to-connection rate", "profile-view-to-connection-rate",
              c.inbound_invites, c.views, ("invitations received", "profile views"), None),
    )


def analyse(c: Counts) -> Funnel:
    """The rates, their positions against the benchmarks, and the one or two changes most likely to help."""
    rates = _rates(c)
    per_week = None if c.sent is None or c.weeks <= 0 else c.sent / c.weeks
    funnel = Funnel(c, rates, per_week, ())
    return Funnel(c, rates, per_week, _advice(funnel))


def _advice(f: Funnel) -> tuple[Advice, ...]:
    """The most useful changes, most urgent first: account risk, then the earliest weak stage of the funnel."""
    found: list[Advice] = []
    if f.per_week_sent is not None and f.per_week_sent > WEEKLY_REPORTED:
        found.append(Advice(
            f"You sent about {round(f.per_week_sent)} invitations a week, above the widely reported ~100 a week."
            " Send fewer, steadily, before anything else: a restriction stops all outreach.",
            "outreach/account-safety/#the-about-100-invitations-a-week-figure", "The ~100 a week figure"))
    if f.counts.pending is not None and f.counts.pending >= PENDING_ELEVATED:
        found.append(Advice(
            f"{f.counts.pending} invitations are still pending. LinkedIn names many pending invitations as a cause"
            " of restrictions: withdraw the oldest and send fewer until acceptance improves.",
            "outreach/metrics/#account-standing", "Account standing"))
    if f.rate("acceptance").position == "below":
        found.append(Advice(
            "Your acceptance rate is below every published figure. Narrow your targeting to people with a reason"
            " to know you, and make your photo and headline say what you do and for whom.",
            "outreach/metrics/#acceptance-rate", "What moves acceptance"))
    reply = f.rate("reply_accepted") if f.rate("reply_accepted").value is not None else f.rate("reply_sent")
    if reply.position == "below":
        found.append(Advice(
            "Replies are below the published figure of the same base. Open with the other person's situation"
            " rather than your product, ask one easy question, and send soon after they accept.",
            "outreach/metrics/#reply-rate", "What moves replies"))
    if not found:
        found.append(Advice(
            "Nothing stands out against the published ranges. Keep the pace steady and compare each month with"
            " your own previous months, which tells you more than vendor averages.",
            "outreach/metrics/#putting-them-together", "Putting the metrics together"))
    return tuple(found[:2])
