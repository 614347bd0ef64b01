"""Figures the pages quote from the calculator, so a page and a calculator can never disagree.

A number that a page shows and a calculator also uses is written once, in the calculator's sourced data
(``calculator/evidence.py``, ``calculator/outreach/published.py``, ``calculator/estimate/personas.py``), and
the page quotes it with a placeholder that the MkDocs hook replaces before Markdown runs:

``[[fig:NAME]]``
    The figure as the page prints it, e.g. ``[[fig:average_2015]]`` becomes ``28.2``. The page keeps its own
    unit and wording around it ("an average of [[fig:average_2015]]"). Every name is listed in
    :data:`FIGURES`, each with the Sources entry it comes from; the content check makes sure the paragraph
    that quotes a figure cites that entry.
``[[table:series_2026 ^LABEL]]``
    The nine-reading 2026 series as a Markdown table, generated from ``evidence.SERIES_2026``. ``LABEL`` is
    the page's footnote for the reading (``^r2026`` for ``[^r2026]``); it is placed in the header row so that
    the whole table carries its source.
``[[ours:KIND]]``
    A visible marker, *(our arithmetic)*, for numbers that are ours rather than a source's. Kinds are the keys
    of :data:`OURS`. The content check accepts a paragraph or table row that carries one.

Why double square brackets: Python-Markdown gives ``[[`` no meaning, Material's own syntax uses braces
(attribute lists ``{: ...}``, and ``{{ }}`` belongs to Jinja and the macros plugin), and footnotes use
``[^...]``. Any ``[[word:...]]`` that is not one of the three forms above stops the build, so a typo cannot
reach a reader as raw text.

>>> expand("An average of [[fig:average_2015]] in 2015 [[ours:example]].")
'An average of 28.2 in 2015 *(our example)*.'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from calculator import evidence
from calculator.estimate import personas as estimate_personas
from calculator.interpret import percentile
from calculator.outreach import limits, warmup
from calculator.outreach import published as bo

PLACEHOLDER = re.compile(r"\[\[([a-z]+):([^\]\n]*)\]\]")

OURS: dict[str, str] = {
    "arithmetic": "our arithmetic",
    "example": "our example",
    "estimate": "our estimate",
    "judgement": "our judgement",
    "convention": "our convention",
    "rule-of-thumb": "our rule of thumb",
    "measured": "measured by us",
}


OURS_SOURCE = "ours"  # the source id of a figure that is ours: its paragraph must carry an [[ours:...]] marker


class PlaceholderError(ValueError):
    """A placeholder names a figure, table or marker that does not exist."""


@dataclass(frozen=True)
class Quote:
    """A figure as a page prints it, and the Sources entry it comes from."""

    text: str
    source_id: str


def _num(value: float) -> str:
    """A number as the sources print it: no trailing zeros, thousands with commas.

    >>> _num(28.2), _num(7.0), _num(30000), _num(5.44)
    ('28.2', '7', '30,000', '5.44')
    """
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0")


def _bench(source_id: str, *, benchmark: str | None = None, contains: str = "") -> bo.Figure:
    """The one published figure with this source (in this benchmark, whose description contains ``contains``).

    Found by what it is rather than by position, so a reordered benchmark still resolves; an ambiguous or
    missing figure stops the build with the candidates listed.
    """
    found = [f for b in vars(bo).values() if isinstance(b, bo.Benchmark) and benchmark in (None, b.key)
             for f in b.overall + b.breakdowns if f.source_id == source_id and contains in f.what]
    if len(found) != 1:
        raise PlaceholderError(f"expected one {source_id} figure in {benchmark or 'any benchmark'}"
                               f" described with {contains!r}, found {len(found)}")
    return found[0]


def _limit(source_id: str, *, new_accounts: bool) -> bo.VendorLimit:
    found = [v for v in bo.VENDOR_LIMITS if v.source_id == source_id and v.new_accounts == new_accounts]
    if len(found) != 1:
        raise PlaceholderError(f"expected one {source_id} limit (new accounts: {new_accounts}), found {len(found)}")
    return found[0]


def _band(source_id: str, label: str) -> evidence.VendorBand:
    found = [v for v in evidence.VENDOR_BANDS if v.source_id == source_id and v.label == label]
    if len(found) != 1:
        raise PlaceholderError(f"expected one {source_id} band labelled {label!r}, found {len(found)}")
    return found[0]


def _figures() -> dict[str, Callable[[], Quote]]:
    """Every quotable figure, read from the calculator when a page asks for it."""
    leaders, science, invitations = "li-leaders-study", "li-science-2015", "li-help-invitations"
    eb24, ws, reach = "bench-expandi-belkins-2024", "bench-warmysender", "bench-reachium"
    table: dict[str, Callable[[], Quote]] = {
        "pillar_max": lambda: Quote(_num(evidence.PILLAR_MAX), "li-help-ssi"),
        "total_max": lambda: Quote(_num(evidence.TOTAL_MAX), "li-help-ssi"),
        "leader_above": lambda: Quote(_num(evidence.LEADER_ABOVE), leaders),
        "laggard_below": lambda: Quote(_num(evidence.LAGGARD_BELOW), leaders),
        "average_2012": lambda: Quote(_num(evidence.AVERAGE_2012), science),
        "average_2015": lambda: Quote(_num(evidence.AVERAGE_2015), science),
        "cohort_aug_2014": lambda: Quote(_num(evidence.COHORT_AUG_2014), science),
        "cohort_aug_2015": lambda: Quote(_num(evidence.COHORT_AUG_2015), science),
        "cohort_gain": lambda: Quote(_num(round(evidence.COHORT_AUG_2015 - evidence.COHORT_AUG_2014, 1)), science),
        "share_70_plus_2015": lambda: Quote(_num(evidence.SHARE_70_PLUS_2015), science),
        "share_0_20_2015": lambda: Quote(_num(evidence.SHARE_0_20_2015), science),
        "share_21_69_2015": lambda: Quote(_num(evidence.SHARE_21_69_2015), science),
        "cs_average": lambda: _range_quote(_band("seed-connectsafely", "average"), "seed-connectsafely"),
        "gangly_average": lambda: _range_quote(_band("vendor-gangly", "average"), "vendor-gangly"),
        # The outreach calculators' benchmarks and limits
        "weekly_reported": lambda: Quote(_num(bo.WEEKLY_REPORTED), "weekly-100"),
        "free_notes": lambda: Quote(_num(bo.FREE_NOTES_PER_MONTH), invitations),
        "reinvite_weeks": lambda: Quote(_num(bo.REINVITE_WAIT_WEEKS), invitations),
        "salesflow_daily": lambda: Quote(_num(_limit("vendor-salesflow", new_accounts=False).per_day_high),
                                         "vendor-salesflow"),
        "quarvio_daily": lambda: _daily(_limit("vendor-quarvio", new_accounts=False), "vendor-quarvio"),
        "quarvio_new_daily": lambda: _daily(_limit("vendor-quarvio", new_accounts=True), "vendor-quarvio"),
        "overloop_new_daily": lambda: _daily(_limit("vendor-overloop", new_accounts=True), "vendor-overloop"),
        # The warm-up calculator's ramp (calculator/warmup.py): its caps are vendor figures, its step is ours
        "warmup_first_daily": lambda: Quote(_num(bo.NEW_DAILY_CAUTIOUS), "vendor-overloop"),
        "warmup_first_weekly": lambda: Quote(_num(warmup.START_WEEKLY), "vendor-overloop"),
        "warmup_mid_daily": lambda: Quote(_num(bo.NEW_DAILY_HIGH), "vendor-quarvio"),
        "warmup_mid_weekly": lambda: Quote(_num(bo.NEW_DAILY_HIGH * 5), "vendor-quarvio"),
        "warmup_step": lambda: Quote(_num(warmup.STEP), OURS_SOURCE),
        # The shared sending limits (calculator/outreach/limits.py)
        "limit_weekly_elevated": lambda: Quote(_num(limits.WEEKLY_ELEVATED_FROM), "vendor-quarvio"),
        "accept_eb24": lambda: Quote(_num(_bench(eb24, benchmark="acceptance").low), eb24),
        "accept_expandi_2025": lambda: Quote(_num(_bench("bench-expandi-2025", benchmark="acceptance").low),
                                             "bench-expandi-2025"),
        "accept_ws": lambda: Quote(_num(_bench(ws, benchmark="acceptance", contains="overall").low), ws),
        "reply_eb24_note": lambda: Quote(_num(_reply_eb24().high), eb24),
        "reply_eb24_blank": lambda: Quote(_num(_reply_eb24().low), eb24),
        "reply_reachium_accepted": lambda: Quote(_num(_bench(reach, benchmark="reply_accepted").low), reach),
        "reply_belkins_2025": lambda: Quote(_num(_bench("bench-belkins-2025").low), "bench-belkins-2025"),
        "reply_reachium_sent": lambda: Quote(_num(_bench(reach, benchmark="reply_sent").low), reach),
        "reply_eb24_sent_low": lambda: Quote(_num(_reply_eb24_sent().low), OURS_SOURCE),
        "reply_eb24_sent_high": lambda: Quote(_num(_reply_eb24_sent().high), OURS_SOURCE),
        # The percentile model's coverage of the known readings with a rank (calculator/interpret/percentile.py)
        "percentile_inside": lambda: Quote(_num(percentile.coverage().inside), OURS_SOURCE),
        "percentile_readings": lambda: Quote(_num(percentile.coverage().total), OURS_SOURCE),
        # LinkedIn's sample dashboard, as the estimate model's calibration persona uses it
        "sample_total": lambda: Quote(_num(round(sum(estimate_personas.SAMPLE_DASHBOARD), 3)),
                                      "li-sample-dashboard"),
    }
    for key in ("industry", "seniority", "note"):  # Warmysender's breakdowns, quoted by their two ends
        table[f"accept_ws_{key}_low"] = _ws_end(key, "low")
        table[f"accept_ws_{key}_high"] = _ws_end(key, "high")
    for i, name in enumerate(("brand", "find", "engage", "relate")):
        table[f"sample_{name}"] = _sample(i)
    for reading in evidence.SERIES_2026:
        table.update(_reading_figures(reading))
    return table


def _range_quote(band: evidence.VendorBand, source_id: str) -> Quote:
    return Quote(f"{band.low}–{band.high}", source_id)


def _daily(limit: bo.VendorLimit, source_id: str) -> Quote:
    low, high = limit.per_day_low, limit.per_day_high
    return Quote(_num(low) if low == high else f"{low}–{high}", source_id)


def _reply_eb24() -> bo.Figure:
    """The Expandi/Belkins reply rates as the source prints them (not our per-sent arithmetic on them)."""
    found = [f for b in vars(bo).values() if isinstance(b, bo.Benchmark) and b.key != "acceptance"
             for f in b.overall + b.breakdowns if f.source_id == "bench-expandi-belkins-2024" and not f.ours]
    if len(found) != 1:
        raise PlaceholderError(f"expected one Expandi/Belkins reply figure, found {len(found)}")
    return found[0]


def _reply_eb24_sent() -> bo.Figure:
    """Our per-sent equivalent of the Expandi/Belkins reply rates, if they are after acceptance."""
    return next(f for f in bo.REPLY_OF_SENT.overall if f.source_id == "bench-expandi-belkins-2024" and f.ours)


def _ws_end(key: str, end: str) -> Callable[[], Quote]:
    def quote() -> Quote:
        figure = _bench("bench-warmysender", benchmark="acceptance", contains=f"by {key}")
        return Quote(_num(figure.low if end == "low" else figure.high), "bench-warmysender")
    return quote


def _sample(i: int) -> Callable[[], Quote]:
    return lambda: Quote(f"{estimate_personas.SAMPLE_DASHBOARD[i]:.1f}", "li-sample-dashboard")


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def reading_key(reading: evidence.DashboardReading) -> str:
    """The placeholder prefix of a reading: ``may19`` for 2026-05-19."""
    _, month, day = reading.day.split("-")
    return f"{_MONTHS[int(month) - 1]}{int(day)}"


def _reading_figures(r: evidence.DashboardReading) -> dict[str, Callable[[], Quote]]:
    values: dict[str, float] = {
        "brand": r.brand, "find": r.find, "engage": r.engage, "relate": r.relate, "sum": r.pillar_sum,
        "total": r.total, "industry_top": r.industry_top, "network_top": r.network_top,
        "industry_average": r.industry_average, "network_average": r.network_average,
    }
    for group, pillars in (("industry", r.industry_pillars), ("network", r.network_pillars)):
        for name, value in zip(("brand", "find", "engage", "relate"), pillars or (), strict=False):
            values[f"{group}_{name}"] = value
    prefix = reading_key(r)
    return {f"{prefix}.{name}": _reading_quote(value) for name, value in values.items()}


def _reading_quote(value: float) -> Callable[[], Quote]:
    return lambda: Quote(_num(value), "reading-2026")


FIGURES: dict[str, Callable[[], Quote]] = _figures()


def figure(name: str) -> Quote:
    """The figure a ``[[fig:NAME]]`` placeholder stands for.

    >>> figure("may19.sum")
    Quote(text='52.648', source_id='reading-2026')
    """
    if name not in FIGURES:
        raise PlaceholderError(f"unknown figure [[fig:{name}]]; known figures: {', '.join(sorted(FIGURES))}")
    return FIGURES[name]()


def series_table(footnote: str) -> str:
    """The 2026 series as a Markdown table, its source footnote in the header row."""
    ref = f"[{footnote}]" if footnote else ""
    rows = ["| Date (2026)" + ref + " | Total shown | Pillars (brand / find / engage / relationships) | Industry"
            " rank, average | Network rank, average |", "|---|---|---|---|---|"]
    for r in evidence.SERIES_2026:
        _, month, day = r.day.split("-")
        pillars = " / ".join(_num(v) for v in (r.brand, r.find, r.engage, r.relate))
        rows.append(f"| {int(day)} {_MONTHS[int(month) - 1].title()} | {r.total} ({_num(r.pillar_sum)}) | {pillars}"
                    f" | Top {r.industry_top}%, {r.industry_average} | Top {r.network_top}%, {r.network_average} |")
    return "\n".join(rows)


def expand(markdown: str) -> str:
    """Replace every placeholder; raise :class:`PlaceholderError` on one that does not exist."""
    def one(m: re.Match[str]) -> str:
        kind, arg = m.group(1), m.group(2).strip()
        if kind == "fig":
            return figure(arg).text
        if kind == "ours":
            if arg not in OURS:
                raise PlaceholderError(f"unknown marker [[ours:{arg}]]; known kinds: {', '.join(OURS)}")
            return f"*({OURS[arg]})*"
        if kind == "table":
            name, _, footnote = arg.partition(" ")
            if name != "series_2026" or (footnote and not re.fullmatch(r"\^[\w-]+", footnote)):
                raise PlaceholderError(f"unknown table [[table:{arg}]]; the one table is series_2026 ^footnote")
            return series_table(footnote)
        raise PlaceholderError(f"unknown placeholder [[{kind}:{arg}]]; use fig:, table: or ours:")
    return PLACEHOLDER.sub(one, markdown)
