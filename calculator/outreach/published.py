"""Sourced outreach benchmarks and sending limits, each figure with the source id it comes from.

Every benchmark here is vendor data measured on the vendor's own customers; LinkedIn publishes none. The one
LinkedIn statement about limits is that there is a limit and no number is given [li-help-invitations].

>>> ACCEPTANCE.spread()
(26.4, 31.4)
>>> WEEKLY_REPORTED
100
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One published figure (or range, when ``low != high``), in percent, as its source states it."""

    source_id: str
    low: float
    high: float
    what: str  # what the figure counts, in the source's terms

    @property
    def is_range(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True)
class Benchmark:
    """The published figures for one rate: overall figures (compared across sources) and breakdowns."""

    key: str
    overall: tuple[Figure, ...]
    breakdowns: tuple[Figure, ...] = ()
    proxy: bool = False  # the figures measure something close to, but not exactly, this rate
    note: str = ""

    def spread(self) -> tuple[float, float]:
        """The lowest and highest overall figure across sources: the range a result is compared with."""
        return min(f.low for f in self.overall), max(f.high for f in self.overall)

    def sources(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for f in self.overall + self.breakdowns:
            seen.setdefault(f.source_id, None)
        return tuple(seen)


ACCEPTANCE = Benchmark(
    "acceptance",
    overall=(
        Figure("bench-expandi-belkins-2024", 26.4, 26.4, "overall, 20M+ requests (same with or without a note)"),
        Figure("bench-expandi-2025", 29.6, 29.6, "overall, 2025"),
        Figure("bench-warmysender", 31.4, 31.4, "overall, about 200,000 requests, 2025–26"),
    ),
    breakdowns=(
        Figure("bench-warmysender", 22.8, 41.2, "by industry: financial services to marketing"),
        Figure("bench-warmysender", 19.3, 38.7, "by seniority: C-suite to mid-level targets"),
        Figure("bench-warmysender", 27.1, 34.8, "by note: blank to a note under 100 characters"),
    ),
)

REPLY_OF_SENT = Benchmark(
    "reply_sent",
    overall=(
        Figure("bench-expandi-belkins-2024", 5.44, 9.36, "without a note to with a note (the study's own base)"),
        Figure("bench-reachium", 8.1, 8.1, "of invitations sent, 316,703 sequences"),
        Figure("bench-belkins-2025", 7.0, 7.0, "“7% or more”; the base is not stated"),
    ),
    note="Reachium reports reply rates falling in 2026.",
)

REPLY_OF_ACCEPTED = Benchmark(
    "reply_accepted",
    overall=(Figure("bench-reachium", 29.0, 29.0, "of accepted connections, 316,703 sequences"),),
)

CONVERSATION = Benchmark(
    "conversation",
    overall=(Figure("bench-reachium", 29.0, 29.0, "any reply from an accepted connection"),),
    proxy=True,
    note="No source publishes this rate; the nearest proxy counts any reply, not a real conversation.",
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
