"""Sourced outreach benchmarks and sending limits, each figure with the source id it comes from.

For invitations and replies every benchmark here is vendor data, measured on the vendor's own customers.
LinkedIn's own published outreach benchmark is about recruiters' InMail [li-inmail-2022], not invitations;
about limits it says only that there is one and gives no number [li-help-invitations].

Each figure says what it is a share of (its *base*): invitations sent, or connections who accepted. Where a
source does not say, or retellings disagree, the base is "unstated" or "disputed", and the funnel shows the
figure without comparing anyone's rate with it. Only figures of the rate's own base set its range.

>>> ACCEPTANCE.spread(), REPLY_OF_ACCEPTED.spread(), REPLY_OF_SENT.spread()
((26.4, 31.4), (29.0, 29.0), (8.1, 8.1))
>>> [f.base for f in REPLY_OF_SENT.overall]
['sent', 'disputed', 'unstated']
>>> WEEKLY_REPORTED
100
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Base = Literal["sent", "accepted"]
FigureBase = Literal["sent", "accepted", "disputed", "unstated"]

BASE_WORDS: dict[FigureBase, str] = {
    "sent": "of invitations sent",
    "accepted": "of connections who accepted",
    "disputed": "base disputed",
    "unstated": "base not stated",
}


@dataclass(frozen=True)
class Figure:
    """One published figure (or range, when ``low != high``), in percent, as its source states it."""

    source_id: str
    low: float
    high: float
    what: str  # what the figure counts, in the source's terms
    base: FigureBase = "sent"
    ours: bool = False  # worked out by us from the source's figures, not printed by the source

    @property
    def is_range(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True)
class Benchmark:
    """The published figures for one rate: overall figures (compared across sources) and breakdowns."""

    key: str
    base: Base  # what the rate itself is a share of
    overall: tuple[Figure, ...]
    breakdowns: tuple[Figure, ...] = ()
    proxy: bool = False  # the figures measure something close to, but not exactly, this rate
    note: str = ""

    def comparable(self) -> tuple[Figure, ...]:
        """The overall figures of the rate's own base: the only ones a rate is compared with."""
        return tuple(f for f in self.overall if f.base == self.base)

    def spread(self) -> tuple[float, float]:
        """The lowest and highest comparable figure across sources: the range a result is compared with."""
        figures = self.comparable()
        return min(f.low for f in figures), max(f.high for f in figures)

    def sources(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for f in self.overall + self.breakdowns:
            seen.setdefault(f.source_id, None)
        return tuple(seen)


_EB24 = "bench-expandi-belkins-2024"
_EB24_ACCEPTANCE = 26.4  # its overall acceptance: 26.42% with a note, 26.37% without
_EB24_REPLIES = (5.44, 9.36)  # without and with a note; the source table says only "reply rate"

ACCEPTANCE = Benchmark(
    "acceptance",
    "sent",
    overall=(
        Figure(_EB24, _EB24_ACCEPTANCE, _EB24_ACCEPTANCE, "overall, the same with or without a note; said to be"
               " 20M+ requests, while others credit the same figures to Botdog's 16,492"),
        Figure("bench-expandi-2025", 29.6, 29.6, "overall, 2025"),
        Figure("bench-warmysender", 31.4, 31.4, "overall, about 200,000 requests, 2025–26"),
    ),
    breakdowns=(
        Figure("bench-warmysender", 22.8, 41.2, "by industry: financial services to marketing"),
        Figure("bench-warmysender", 19.3, 38.7, "by seniority: C-suite to mid-level targets"),
        Figure("bench-warmysender", 27.1, 34.8, "by note: blank to a note under 100 characters"),
    ),
    note="Who measured the 26.4% is disputed.",
)

REPLY_OF_ACCEPTED = Benchmark(
    "reply_accepted",
    "accepted",
    overall=(
        Figure("bench-reachium", 29.0, 29.0, "316,703 sequences", "accepted"),
        Figure(_EB24, *_EB24_REPLIES, "without a note to with a note; the source says only “reply rate”, most"
               " retellings read it as replies after acceptance", "disputed"),
    ),
)

REPLY_OF_SENT = Benchmark(
    "reply_sent",
    "sent",
    overall=(
        Figure("bench-reachium", 8.1, 8.1, "the same 316,703 sequences", "sent"),
        Figure(_EB24, round(_EB24_ACCEPTANCE * _EB24_REPLIES[0] / 100, 2),
               round(_EB24_ACCEPTANCE * _EB24_REPLIES[1] / 100, 2),
               f"per invitation sent if its reply rates are after acceptance: {_EB24_ACCEPTANCE}% acceptance times"
               f" {_EB24_REPLIES[0]}–{_EB24_REPLIES[1]}%", "disputed", ours=True),
        Figure("bench-belkins-2025", 7.0, 7.0, "“7% or more”, a “LinkedIn reply rate”", "unstated"),
    ),
    note="Reachium reports reply rates falling in 2026.",
)

CONVERSATION = Benchmark(
    "conversation",
    "accepted",
    overall=(Figure("bench-reachium", 29.0, 29.0, "any reply from an accepted connection", "accepted"),),
    proxy=True,
    note="The nearest proxy counts any reply, not a real conversation.",
)

# ---- Limits ---------------------------------------------------------------------------------------------

# The widely reported weekly invitation ceiling [weekly-100]: unverified, never confirmed by LinkedIn.
WEEKLY_REPORTED = 100


@dataclass(frozen=True)
class VendorLimit:
    """A vendor's default or guidance for invitations; a product choice, not a LinkedIn rule."""

    source_id: str
    per_day_low: int
    per_day_high: int
    per_week_high: int | None  # None where the vendor gives no weekly figure
    new_accounts: bool
    text: str


VENDOR_LIMITS: tuple[VendorLimit, ...] = (
    VendorLimit("vendor-salesflow", 15, 15, None, False, "15 invitations a day by default"),
    VendorLimit("vendor-quarvio", 10, 20, 100, False, "10–20 a day and 75–100 a week for established accounts"),
    VendorLimit("vendor-quarvio", 5, 8, None, True, "5–8 a day for new accounts"),
    VendorLimit("vendor-overloop", 5, 5, None, True, "5 actions of each type a day for new accounts"),
)

# The caps pacing and warm-up use, derived from the vendor figures above.
_NEW = tuple(v for v in VENDOR_LIMITS if v.new_accounts)
NEW_DAILY_CAUTIOUS = min(v.per_day_low for v in _NEW)  # 5: Overloop's, and the bottom of Quarvio's
NEW_DAILY_HIGH = max(v.per_day_high for v in _NEW)  # 8: the top of Quarvio's new-account guidance
DAILY_DEFAULT = next(v.per_day_high for v in VENDOR_LIMITS if v.source_id == "vendor-salesflow")  # 15
DAILY_VENDOR_MAX = max(v.per_day_high for v in VENDOR_LIMITS)  # 20: the top of any vendor guidance we track
WEEKLY_VENDOR_LOW = 75  # the bottom of Quarvio's weekly band, "75–100 a week" [vendor-quarvio]

# LinkedIn's own statements [li-help-invitations].
FREE_NOTES_PER_MONTH = 5
REINVITE_WAIT_WEEKS = 3

# Our own rules of thumb for the pending list: LinkedIn says too many pending invitations can block sending
# for up to a month but gives no number, and no source we trust gives one either.
PENDING_ELEVATED = 200
PENDING_HIGH = 500
