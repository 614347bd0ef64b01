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
    MISATTRIBUTED = "misattributed"
    UNVERIFIED = "unverified"
    CONTRADICTED = "contradicted"  # a verdict on a claim that LinkedIn's own material says otherwise about


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
        Source("reading-2026", "One member's 2026 dashboard, nine readings (linkedin-ssi-data)", Trust.READING),
        Source("reading-2017", "A 2017 reading published on a blog (about 83)", Trust.READING),
        Source("seed-connectsafely", "ConnectSafely.ai SSI guide (2026)", Trust.VENDOR),
        Source("vendor-gangly", "Gangly", Trust.VENDOR),
        Source("vendor-frontline", "Frontline Selling", Trust.VENDOR),
        Source("vendor-zest", "Zest for Media", Trust.VENDOR),
        # Outreach benchmarks and limits (calculator/outreach/published.py)
        Source("li-help-invitations", "LinkedIn Help a550555 / a551012, invitation limits", Trust.OFFICIAL),
        Source("li-inmail-2022", "LinkedIn's 2022 InMail study, as reported by Search Engine Journal", Trust.CREDITED),
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

PILLAR_MAX = 25  # quoted by the guide through site_build/figures.py
TOTAL_MAX = 100

# LinkedIn's own lines: "leaders" above 70, "laggards" below 30 [li-leaders-study].
LEADER_ABOVE = 70
LAGGARD_BELOW = 30

# LinkedIn, Aug 2015 [li-science-2015]. Two bases, kept apart: the "current SSI average" of all sales
# professionals (12.2 in 2012, 28.2 in Aug 2015) and its band shares; and the cohort of Aug 2014, the same
# people a year later (21.2 -> 28.2). The 0-20 / 21-69 split comes from text extracted from a chart.
AVERAGE_2012 = 12.2
AVERAGE_2015 = 28.2
SHARE_70_PLUS_2015 = 1.4
SHARE_0_20_2015 = 46.7
SHARE_21_69_2015 = 51.9
COHORT_AUG_2014 = 21.2
COHORT_AUG_2015 = 28.2


@dataclass(frozen=True)
class DashboardReading:
    """One day of a real member's dashboard [reading-2026]: pillars, ranks ("Top N%") and group averages.

    >>> may19 = SERIES_2026[-1]
    >>> may19.pillar_sum, may19.total
    (52.648, 53)
    >>> [r.total for r in SERIES_2026]
    [53, 53, 52, 52, 53, 53, 53, 53, 53]
    """

    day: str  # ISO date of the reading
    brand: float
    find: float
    engage: float
    relate: float
    industry_top: int
    network_top: int
    industry_average: int
    network_average: int
    industry_pillars: tuple[float, float, float, float] | None = None  # brand / find / engage / relate
    network_pillars: tuple[float, float, float, float] | None = None

    @property
    def pillar_sum(self) -> float:
        return round(self.brand + self.find + self.engage + self.relate, 3)

    @property
    def total(self) -> int:
        """The total as the dashboard shows it: the pillar sum rounded to a whole number."""
        return round(self.pillar_sum)


# One member's dashboard (management consulting, Portuguese), nine dated readings [reading-2026]. The first
# was transcribed from an image and carries no group pillar averages.
SERIES_2026: tuple[DashboardReading, ...] = (
    DashboardReading("2026-04-27", 20.973, 6.38, 10.25, 15, 10, 12, 35, 36),
    DashboardReading("2026-05-12", 21.048, 6.5, 10.25, 15, 10, 12, 35, 36,
                     (11.79, 5.4, 2.19, 15.16), (13.21, 4.36, 2.45, 16.32)),
    DashboardReading("2026-05-13", 21.048, 6.5, 9.5, 15, 10, 13, 35, 36,
                     (11.79, 5.4, 2.18, 15.15), (13.22, 4.36, 2.43, 16.33)),
    DashboardReading("2026-05-14", 20.998, 6.5, 9.55, 15, 10, 13, 35, 36,
                     (11.79, 5.42, 2.2, 15.15), (13.22, 4.39, 2.45, 16.33)),
    DashboardReading("2026-05-15", 20.998, 6.5, 10.25, 15, 10, 12, 35, 36,
                     (11.79, 5.43, 2.19, 15.16), (13.22, 4.39, 2.46, 16.33)),
    DashboardReading("2026-05-16", 20.998, 6.4, 10.25, 15, 10, 12, 35, 36,
                     (11.79, 5.42, 2.17, 15.16), (13.22, 4.39, 2.44, 16.31)),
    DashboardReading("2026-05-17", 20.998, 6.4, 10.25, 15, 10, 12, 34, 36,
                     (11.79, 5.41, 2.13, 15.16), (13.22, 4.38, 2.43, 16.3)),
    DashboardReading("2026-05-18", 20.998, 6.4, 10.25, 15, 10, 12, 34, 36,
                     (11.79, 5.4, 2.11, 15.16), (13.22, 4.37, 2.4, 16.3)),
    DashboardReading("2026-05-19", 20.998, 6.4, 10.25, 15, 9, 11, 34, 36,
                     (11.78, 5.38, 2.09, 15.16), (13.22, 4.36, 2.38, 16.31)),
)


# A 2017 reading published on a blog [reading-2017]: the pillars, and a network rank of "top 2%" for a score
# the author calls "nearly double" the network's average.
READING_2017_PILLARS = (24.5, 15.83, 17.62, 25.0)


@dataclass(frozen=True)
class RankReading:
    """A published score with the "Top N%" rank it was given: what the percentile model is checked against.

    ``average`` is the group's average as (low, high): the same number twice where the source gives it, a
    range where the source gives it only roughly, and None for a whole population, which the calculator
    estimates as it does a score typed without a group average.
    """

    source_id: str
    when: str
    score: float  # the exact score where it is known (the sum of the pillars), else the boundary a share is of
    group: str
    average: tuple[float, float] | None
    top_percent: float
    note: str = ""


def _from_series(r: DashboardReading) -> tuple[RankReading, RankReading]:
    return (RankReading("reading-2026", r.day, r.pillar_sum, "industry", (r.industry_average,) * 2, r.industry_top),
            RankReading("reading-2026", r.day, r.pillar_sum, "network", (r.network_average,) * 2, r.network_top))


_SUM_2017 = round(sum(READING_2017_PILLARS), 3)

# Every public reading with a rank that we know of: the percentile model's ranges must hold them, and the
# interpret page's methodology says how many do.
KNOWN_READINGS: tuple[RankReading, ...] = (
    *(reading for day in SERIES_2026 for reading in _from_series(day)),
    RankReading("reading-2017", "2017-08", _SUM_2017, "network", (round(_SUM_2017 / 2, 1), round(_SUM_2017 / 1.8, 1)),
                2, "“nearly double” the network's average, which we read as an average of 41.5 to 46.1"),
    RankReading("li-science-2015", "2015", 69.5, "all sales professionals", None, SHARE_70_PLUS_2015,
                f"{SHARE_70_PLUS_2015}% scored 70 or more, so a total shown as 70 was in the top"
                f" {SHARE_70_PLUS_2015}%"),
    RankReading("li-science-2015", "2015", 20.5, "all sales professionals", None, round(100 - SHARE_0_20_2015, 1),
                f"{SHARE_0_20_2015}% scored 0–20, so a total shown as 21 was in the top"
                f" {round(100 - SHARE_0_20_2015, 1)}% (this split comes from text extracted from a chart)"),
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
            ("One real 2026 dashboard, read on nine days, showed industry averages of 34–35 and a network"
             " average of 36.", "reading-2026"),
        ),
    ),
    Band(
        "leader",
        "Above 70: LinkedIn's leader range",
        LEADER_ABOVE + 1,
        TOTAL_MAX,
        "LinkedIn calls members above 70 'leaders'. Few people get here: each pillar stops at 25, so a total"
        " above 70 needs at least three strong pillars (our arithmetic).",
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
    # ConnectSafely's ranges share their ends (40-50, 50-70, 70-75, 75+); its own summary says the top 1%
    # score "above 75" and top performers "above 70", so each shared end goes to the lower range.
    VendorBand("seed-connectsafely", 51, 70, "above average"),
    VendorBand("seed-connectsafely", 71, 75, "strong"),
    VendorBand("seed-connectsafely", 76, 100, "top 1%"),
    VendorBand("vendor-gangly", 40, 50, "average"),
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
