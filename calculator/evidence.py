"""Sourced constants: every figure the calculator uses, each with the source it comes from.

Source ids match the anchors of the site's Sources page (``docs/sources.md``), so a rendered result can
link straight to the entry that says where a number comes from and how far to trust it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Trust(Enum):
    """How far a source can be trusted, in the words the site uses everywhere."""

    OFFICIAL = "official LinkedIn"
    CREDITED = "credited to LinkedIn, no original found"
    READING = "dashboard reading"
    VENDOR = "vendor claim"
    THIRD_HAND = "third-hand"
    UNVERIFIED = "unverified"


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    trust: Trust


SOURCES: dict[str, Source] = {
    s.id: s
    for s in (
        Source("li-leaders-study", "LinkedIn leaders-vs-laggards study (Q4 2013)", Trust.OFFICIAL),
        Source("li-science-2015", 'LinkedIn, "The Science of Social Selling" (Aug 2015)', Trust.OFFICIAL),
        Source("li-sample-dashboard", "LinkedIn's sample SSI dashboard", Trust.OFFICIAL),
        Source("li-help-ssi", "LinkedIn Help a105145, Social Selling Index", Trust.OFFICIAL),
        Source("reading-2026", "Real 2026 dashboard readings (linkedin-ssi-data)", Trust.READING),
        Source("seed-connectsafely", "ConnectSafely.ai SSI guide (2026)", Trust.VENDOR),
        Source("vendor-gangly", "Gangly", Trust.VENDOR),
        Source("vendor-frontline", "Frontline Selling", Trust.VENDOR),
        Source("vendor-zest", "Zest for Media", Trust.VENDOR),
        # Outreach benchmarks and limits (calculator/outreach/published.py)
        Source("li-help-invitations", "LinkedIn Help a550555 / a551012, invitation limits", Trust.OFFICIAL),
        Source("weekly-100", "The widely reported ~100 invitations a week", Trust.UNVERIFIED),
        Source("vendor-salesflow", "Salesflow", Trust.VENDOR),
        Source("vendor-quarvio", "Quarvio", Trust.VENDOR),
        Source("vendor-overloop", "Overloop", Trust.VENDOR),
        Source("bench-expandi-belkins-2024", "Expandi and Belkins, 2024 study", Trust.VENDOR),
        Source("bench-expandi-2025", "Expandi, 2025", Trust.VENDOR),
        Source("bench-warmysender", "Warmysender, 2025–2026", Trust.VENDOR),
        Source("bench-reachium", "Reachium", Trust.VENDOR),
        Source("bench-belkins-2025", "Belkins, 2025", Trust.VENDOR),
        # The estimate model: which inputs LinkedIn assigns to each pillar (calculator/estimate/terms.py)
        Source("li-breakdown-deck", 'LinkedIn, "Social Selling Index breakdown" deck (2015)', Trust.OFFICIAL),
        Source("li-free-2015", "Free SSI for all members since August 2015", Trust.CREDITED),
    )
}

TOTAL_MAX = 100

# LinkedIn's own lines: "leaders" above 70, "laggards" below 30 [li-leaders-study].
LEADER_ABOVE = 70
LAGGARD_BELOW = 30

# LinkedIn, Aug 2015: average SSI of all sales professionals, and the share scoring 70 or more.
AVERAGE_2015 = 28.2
SHARE_70_PLUS_2015 = 1.4


@dataclass(frozen=True)
class GroupReading:
    """One real dashboard reading of a score against a group's average and LinkedIn's rank."""

    score: int
    group: str
    average: float
    top_percent: float


# The 2026 readings the percentile model is fitted to and tested against [reading-2026].
READINGS_2026: tuple[GroupReading, ...] = (
    GroupReading(53, "industry", 34, 9),
    GroupReading(53, "industry", 35, 10),
    GroupReading(53, "network", 36, 11),
)


@dataclass(frozen=True)
class Band:
    """A score band: LinkedIn's lines, with the evidence that gives each its meaning."""

    key: str
    name: str
    low: int  # inclusive
    high: int  # inclusive
    summary: str
    evidence: tuple[tuple[str, str], ...]  # (statement, source id)


BANDS: tuple[Band, ...] = (
    Band(
        "laggard",
        "Below 30: LinkedIn's laggard range",
        0,
        LAGGARD_BELOW - 1,
        "LinkedIn calls members under 30 'laggards'. A score this low usually means something basic is"
        " missing, such as an unfinished profile or very little activity.",
        (
            ("LinkedIn defines laggards as an SSI below 30.", "li-leaders-study"),
            (f"In 2015 the average sales professional scored {AVERAGE_2015}.", "li-science-2015"),
        ),
    ),
    Band(
        "middle",
        "30 to 70: between LinkedIn's two lines",
        LAGGARD_BELOW,
        LEADER_ABOVE,
        "Most active members land here. LinkedIn draws no line inside this range, so compare yourself with"
        " your industry and network averages rather than a vendor's label.",
        (
            ("LinkedIn's lines are: laggards below 30, leaders above 70.", "li-leaders-study"),
            ("Real 2026 dashboards show industry averages of 34–35 and a network average of 36.", "reading-2026"),
        ),
    ),
    Band(
        "leader",
        "Above 70: LinkedIn's leader range",
        LEADER_ABOVE + 1,
        TOTAL_MAX,
        "LinkedIn calls members above 70 'leaders'. Few people get here: it takes steady activity on all four"
        " pillars.",
        (
            ("LinkedIn defines leaders as an SSI above 70.", "li-leaders-study"),
            (f"In 2015 only {SHARE_70_PLUS_2015}% of sales professionals scored 70 or more.", "li-science-2015"),
        ),
    ),
)


@dataclass(frozen=True)
class VendorBand:
    """A label a vendor attaches to a score range. None of these are backed by published data."""

    source_id: str
    low: int  # inclusive
    high: int  # inclusive
    label: str


VENDOR_BANDS: tuple[VendorBand, ...] = (
    VendorBand("seed-connectsafely", 0, 29, "low activity or an incomplete profile"),
    VendorBand("seed-connectsafely", 40, 50, "average"),
    VendorBand("seed-connectsafely", 51, 69, "above average"),
    VendorBand("seed-connectsafely", 70, 75, "strong"),
    VendorBand("seed-connectsafely", 76, 100, "top 1%"),
    VendorBand("vendor-gangly", 71, 86, "top 25% of your industry"),
    VendorBand("vendor-gangly", 87, 100, "leader tier"),
    VendorBand("vendor-frontline", 20, 39, "where most people are"),
    VendorBand("vendor-frontline", 70, 100, "good"),
    VendorBand("vendor-zest", 81, 100, "very hard to reach"),
)


def band_for(total: int) -> Band:
    """The LinkedIn band a displayed (whole-number) total falls in.

    >>> band_for(53).key
    'middle'
    >>> band_for(70).key, band_for(71).key, band_for(29).key, band_for(30).key
    ('middle', 'leader', 'laggard', 'middle')
    """
    for band in BANDS:
        if band.low <= total <= band.high:
            return band
    raise ValueError(f"a total must be between 0 and {TOTAL_MAX}, not {total}")


def vendor_labels(total: int) -> list[VendorBand]:
    """Every vendor label that covers ``total``, in the order the vendors are listed."""
    return [v for v in VENDOR_BANDS if v.low <= total <= v.high]
