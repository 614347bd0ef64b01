"""The "Interpret my score" mode: its form fields, and its result as HTML and as text."""

from __future__ import annotations

from decimal import Decimal

from ..evidence import LAGGARD_BELOW, LEADER_ABOVE, READINGS_2026, SOURCES
from ..fields import Field, Parsed
from ..html import Context, cite, esc, link, number, row, signed, table
from ..modes import Mode
from ..pillars import QUICK_WINS_ANCHOR, Pillar, Scores
from .model import Group, GroupView, Interpretation, interpret
from .percentile import (
    DEFAULT_CENTRE_HIGH,
    DEFAULT_CENTRE_LOW,
    SPREAD_FIT,
    SPREAD_HIGH,
    SPREAD_LOW,
    TopRange,
    estimate_top,
    share_above,
)

D = Decimal

# The example is a real 2026 dashboard reading [reading-2026], so the page opens on something true.
_EXAMPLE = {Pillar.BRAND: "20.998", Pillar.FIND: "6.4", Pillar.ENGAGE: "10.25", Pillar.RELATE: "15"}


def _pillar_field(p: Pillar) -> Field:
    return Field(
        p.value, p.title, "0 to 25, as on your dashboard (decimals allowed)", D(0), D(25),
        places=3, required=True, default=_EXAMPLE[p], group="pillars", what="pillar score",
    )


def _group_fields(group: str, average: str, rank: str) -> tuple[Field, ...]:
    name = group.capitalize()
    return (
        Field(f"{group}_average", f"{name} average SSI", f"The “{group} SSI” average on your dashboard, 0 to 100",
              D(0), D(100), places=2, default=average, group=group, what="average score"),
        Field(f"{group}_rank", f"Your {group} rank (Top N%)", "Type the N of “Top N%”, from 1 to 100",
              D(1), D(100), places=1, default=rank, group=group, percent=True, what="rank"),
        *(
            Field(f"{group}_{p.value}", f"{name} average: {p.title}", "Optional, 0 to 25", D(0), D(25),
                  places=3, group=group, what="pillar average")
            for p in Pillar
        ),
    )


FIELDS: tuple[Field, ...] = (
    tuple(_pillar_field(p) for p in Pillar)
    + _group_fields("industry", "34", "9")
    + _group_fields("network", "36", "11")
)

LEGENDS = {
    "pillars": "Your four pillar scores",
    "industry": "Your industry, as the dashboard shows it (optional)",
    "network": "Your network, as the dashboard shows it (optional)",
}


def run(values: Parsed) -> Interpretation:
    num = values.required_number

    def group(name: str) -> Group:
        average, rank = values.number(f"{name}_average"), values.number(f"{name}_rank")
        pillar_avgs = {p: v for p in Pillar if (v := values.number(f"{name}_{p.value}")) is not None}
        return Group(
            average=None if average is None else float(average),
            top_percent=None if rank is None else float(rank),
            pillar_averages=pillar_avgs or None,
        )

    scores = Scores(num("brand"), num("find"), num("engage"), num("relate"))
    return interpret(scores, industry=group("industry"), network=group("network"))


# ---- HTML ---------------------------------------------------------------------------------------------


def _top(r: TopRange) -> str:
    best, worst = round(r.best), round(r.worst)
    if r.worst < 1:
        return "top 1% or better"
    if best >= 99 or r.best >= 99.5:
        return "at or near the bottom"
    best = max(best, 1)
    return f"top {best}%" if best == worst else f"top {best}–{worst}%"


def _group_html(view: GroupView, total_shown: int) -> str:
    given = view.given
    if given.average is None and given.top_percent is None:
        return ""
    parts = [f"<li><strong>Your {esc(view.name)}.</strong> "]
    if given.average is not None and view.gap is not None:
        parts.append(
            f"Average {esc(number(given.average, 2))}; you are {esc(signed(view.gap))} points from it. "
            f"Our estimate for {esc(total_shown)} against that average: <strong>{esc(_top(view.estimate))}</strong>. "
        )
    if given.top_percent is not None:
        parts.append(f"LinkedIn's rank for you: <strong>top {esc(number(given.top_percent))}%</strong>")
        if given.average is not None:
            agrees = view.estimate.best - 0.5 <= given.top_percent <= view.estimate.worst + 0.5
            parts.append(" — our range agrees." if agrees else " — outside our range; LinkedIn's rank is the real one.")
        else:
            parts.append(".")
    parts.append("</li>")
    return "".join(parts)


def _pillar_table(result: Interpretation) -> str:
    views = [v for v in (result.industry, result.network) if v.pillar_gaps]
    rows = []
    for p, value in result.scores.values().items():
        weakest = " ssi-weakest" if p in result.weakest else ""
        cells = "".join(
            f"<td>{esc(signed(float(g), 2)) if (g := (v.pillar_gaps or {}).get(p)) is not None else '—'}</td>"
            for v in views
        )
        rows.append(
            f'<tr class="ssi-pillar{weakest}"><th scope="row">{esc(p.title)}</th>'
            f"<td>{esc(format(value, 'f'))}</td><td>{esc(format(D(25) - value, 'f'))}</td>{cells}</tr>"
        )
    head = ["Pillar", "Score", "Room to 25", *(f"Gap to {v.name} average" for v in views)]
    return table("Your pillars (each out of 25)", head, rows)


def render_html(result: Interpretation, ctx: Context) -> str:
    band = result.band
    evidence = "".join(f"<li>{esc(text)} {cite(ctx, sid)}</li>" for text, sid in band.evidence)
    vendors = "".join(
        f"<li>{esc(SOURCES[v.source_id].title)} calls {esc(v.low)}–{esc(v.high)} “{esc(v.label)}”."
        f" {cite(ctx, v.source_id)}</li>"
        for v in result.vendor_labels
    ) or "<li>None of the vendor bands we track covers this score.</li>"
    groups = _group_html(result.industry, result.total_shown) + _group_html(result.network, result.total_shown)
    quick_wins = "".join(
        f'<li><strong>{link(ctx, p.guide, p.title)}</strong> ({esc(format(result.scores.values()[p], "f"))} of 25)'
        "<ul>" + "".join(f"<li>{esc(step)}</li>" for step in result.quick_wins[p]) + "</ul>"
        f'<p class="ssi-more">{link(ctx, p.guide + QUICK_WINS_ANCHOR, "More quick wins for this pillar")}</p></li>'
        for p in result.weakest
    )
    return (
        '<div class="ssi-result-body">'
        f'<p class="ssi-total"><span class="ssi-total__value">{esc(result.total_shown)}</span>'
        f'<span class="ssi-total__of"> out of 100</span></p>'
        f'<p class="ssi-band ssi-band--{esc(band.key)}"><strong>{esc(band.name)}</strong></p>'
        f"<p>Your pillars add up to {esc(format(result.total_exact, 'f'))}; LinkedIn shows the total rounded to"
        f" a whole number, {esc(result.total_shown)}. {esc(band.summary)}</p>"
        f"{_pillar_table(result)}"
        '<h3 class="ssi-h">Why this band</h3>'
        f'<ul class="ssi-evidence">{evidence}</ul>'
        '<details class="ssi-vendors"><summary>What vendors say about this score (unverified)</summary>'
        f"<ul>{vendors}</ul><p>These labels come from vendor blogs with no published data behind them.</p>"
        "</details>"
        '<h3 class="ssi-h">Where you stand</h3>'
        f'<ul class="ssi-stand"><li><strong>Among sales professionals in general</strong>, our estimate:'
        f" <strong>{esc(_top(result.overall))}</strong>.</li>{groups}</ul>"
        f'<p class="ssi-note">These ranges are our estimate, not LinkedIn\'s: a bell curve around the group'
        f" average with a spread of {esc(number(SPREAD_LOW))}–{esc(number(SPREAD_HIGH))} points, fitted to real"
        f" 2026 readings. {link(ctx, 'calculator/interpret/#how-the-estimate-works', 'How the estimate works')}.</p>"
        '<h3 class="ssi-h">What to work on first</h3>'
        f'<ol class="ssi-actions">{quick_wins}</ol>'
        "</div>"
    )


# ---- Text ---------------------------------------------------------------------------------------------


def render_text(result: Interpretation) -> str:
    lines = [
        f"SSI {result.total_shown} / 100  (pillars sum to {format(result.total_exact, 'f')}, shown rounded)",
        f"Band: {result.band.name}",
        f"  LinkedIn: laggards below {LAGGARD_BELOW}, leaders above {LEADER_ABOVE}.",
        "",
        "Pillars (out of 25):",
    ]
    for p, value in result.scores.values().items():
        mark = "  <- work on this" if p in result.weakest else ""
        gaps = "".join(
            f"  {v.name} {signed(float(g), 2)}"
            for v in (result.industry, result.network)
            if v.pillar_gaps and (g := v.pillar_gaps.get(p)) is not None
        )
        lines.append(f"  {p.title:<36} {format(value, 'f'):>7}{gaps}{mark}")
    lines += ["", "Where you stand (our estimate, not LinkedIn's):",
              f"  sales professionals in general: {_top(result.overall)}"]
    for view in (result.industry, result.network):
        if view.given.average is not None and view.gap is not None:
            lines.append(f"  {view.name} (average {number(view.given.average, 2)}, you {signed(view.gap)}):"
                         f" {_top(view.estimate)}")
        if view.given.top_percent is not None:
            lines.append(f"  LinkedIn's {view.name} rank: top {number(view.given.top_percent)}%")
    if result.vendor_labels:
        lines += ["", "Vendor labels (unverified):"]
        lines += [f"  {SOURCES[v.source_id].title}: {v.label}" for v in result.vendor_labels]
    lines += ["", "What to work on first:"]
    for p in result.weakest:
        lines.append(f"  {p.title}:")
        lines += [f"    - {step}" for step in result.quick_wins[p]]
    return "\n".join(lines) + "\n"


def describe() -> str:
    """The percentile model's parameters and its fit to the real readings, as HTML tables."""
    params = (
        ("Shape", "A normal (bell) curve, cut off at 0 and 100"),
        ("Centre, when you give a group average", "That average"),
        ("Centre, when you give none", f"From {number(DEFAULT_CENTRE_LOW)} (LinkedIn, 2015) to"
                                       f" {number(DEFAULT_CENTRE_HIGH)} (2026 network reading)"),
        ("Spread (standard deviation)", f"{number(SPREAD_LOW)} to {number(SPREAD_HIGH)} points;"
                                        f" {number(SPREAD_FIT)} fits the readings best"),
        ("Result", "The best and worst “Top N%” over every centre and spread above"),
    )
    fit_rows = (
        f"<tr><td>{esc(r.score)}</td><td>{esc(r.group)}</td><td>{esc(number(r.average))}</td>"
        f"<td>top {esc(number(r.top_percent))}%</td><td>{esc(_top(estimate_top(r.score, r.average)))}</td>"
        f"<td>top {esc(number(share_above(r.score, r.average, SPREAD_FIT)))}%</td></tr>"
        for r in READINGS_2026
    )
    return (
        table("The model, as the calculator runs it", ("Part", "Value"), (row(k, esc(v)) for k, v in params))
        + table("Checked against real 2026 dashboard readings",
                ("Score", "Group", "Group average", "LinkedIn said", "Our range", "Best-fit spread says"), fit_rows)
    )


MODE: Mode[Interpretation] = Mode(
    name="interpret",
    title="Interpret my score",
    fields=FIELDS,
    legends=LEGENDS,
    run=run,
    render_html=render_html,
    render_text=render_text,
    describe=describe,
)
