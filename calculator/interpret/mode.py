"""The "Interpret my score" mode: its form fields, and its result as HTML and as text."""

from __future__ import annotations

from decimal import Decimal

from ..evidence import LAGGARD_BELOW, LEADER_ABOVE, SOURCES
from ..fields import Field, Parsed
from ..html import Context, cite, esc, link, number, reference, row, signed, table
from ..modes import Mode
from ..pillars import QUICK_WINS_ANCHOR, Pillar, Scores
from .model import Group, GroupView, Interpretation, interpret
from .percentile import (
    DEFAULT_CENTRE_HIGH,
    DEFAULT_CENTRE_LOW,
    GROUP_SHAPE_HIGH,
    GROUP_SHAPE_LOW,
    POPULATION_SHAPE_LOW,
    WIDEN_FROM,
    WIDEN_TO,
    Check,
    TopRange,
    coverage,
)

D = Decimal
_METHOD = Context("../../")  # the interpret page sits two levels below the site root

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
    best, worst = r.shown()
    if worst == 1:
        return "top 1% or better"
    if best >= 99:
        return "at or near the bottom"
    return f"top {best}%" if best == worst else f"top {best}–{worst}%"


# Without a group average the range spans a whole population's possible averages; say which.
_NO_AVERAGE = (f"Against a group averaging {number(DEFAULT_CENTRE_LOW)} to {number(DEFAULT_CENTRE_HIGH)}"
               " (LinkedIn's 2015 average for all sales professionals to the 2026 readings)")


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
            agrees = view.estimate.contains(given.top_percent)
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
        '<details class="ssi-vendors"><summary>What vendors say about this score (vendor claims)</summary>'
        f"<ul>{vendors}</ul><p>These labels come from vendor blogs with no published data behind them.</p>"
        "</details>"
        '<h3 class="ssi-h">Where you stand</h3>'
        f'<ul class="ssi-stand"><li><strong>{esc(_NO_AVERAGE)}</strong>, our estimate:'
        f" <strong>{esc(_top(result.overall))}</strong>.</li>{groups}</ul>"
        f'<p class="ssi-note">These ranges are our estimate, not LinkedIn\'s: a skewed curve around the group'
        f" average, fitted to every public reading with a rank we found ({esc(_coverage_words())})."
        f" {link(ctx, 'calculator/interpret/#how-the-estimate-works', 'How the estimate works')}.</p>"
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
              f"  {_NO_AVERAGE[0].lower()}{_NO_AVERAGE[1:]}: {_top(result.overall)}"]
    for view in (result.industry, result.network):
        if view.given.average is not None and view.gap is not None:
            lines.append(f"  {view.name} (average {number(view.given.average, 2)}, you {signed(view.gap)}):"
                         f" {_top(view.estimate)}")
        if view.given.top_percent is not None:
            lines.append(f"  LinkedIn's {view.name} rank: top {number(view.given.top_percent)}%")
    if result.vendor_labels:
        lines += ["", "Vendor labels (vendor claims, no published data):"]
        lines += [f"  {SOURCES[v.source_id].title}: {v.label}" for v in result.vendor_labels]
    lines += ["", "What to work on first:"]
    for p in result.weakest:
        lines.append(f"  {p.title}:")
        lines += [f"    - {step}" for step in result.quick_wins[p]]
    return "\n".join(lines) + "\n"


def _coverage_words() -> str:
    found = coverage()
    return f"{found.inside} of {found.total} known readings fall inside the ranges it shows"


def _group_words(c: Check) -> str:
    r = c.reading
    if r.average is None:
        return f"{r.group} (no group average: the estimate without one)"
    low, high = r.average
    average = number(low) if low == high else f"{number(low)} to {number(high)}"
    return f"{r.group}, average {average}"


def describe() -> str:
    """The percentile model's parameters and every known reading against its range, as HTML tables."""
    found = coverage()
    params = (
        ("Shape of the curve", "Skewed (a gamma curve): bunched low with a long tail upwards, cut off at 0 and 100"),
        ("Centre, when you give a group average", "That average"),
        ("Centre, when you give none", f"From {number(DEFAULT_CENTRE_LOW)} (LinkedIn, 2015) to"
                                       f" {number(DEFAULT_CENTRE_HIGH)} (2026 network reading)"),
        ("How tightly scores gather (the curve's shape)",
         f"{number(GROUP_SHAPE_LOW)} to {number(GROUP_SHAPE_HIGH)} for a group: the set that holds every group"
         " reading"),
        ("Where no reading exists",
         f"From {number(WIDEN_FROM, 0)} points above the group's average to {number(-WIDEN_TO, 0)} below it,"
         f" the loosest shape tried slides to {number(POPULATION_SHAPE_LOW)}, the shape LinkedIn's 2015 lower"
         " end needs, so the range widens; without a group average every shape from"
         f" {number(POPULATION_SHAPE_LOW)} up is tried"),
        ("Result", "The best and worst “Top N%” over every centre and shape above, in whole percents"),
    )
    fit_rows = (
        f"<tr><td>{esc(c.reading.when)}</td><td>{cite(_METHOD, c.reading.source_id)}</td>"
        f"<td>{esc(number(c.reading.score, 3))}</td><td>{esc(_group_words(c))}</td>"
        f"<td>top {esc(number(c.reading.top_percent))}%</td><td>{esc(_top(c.estimate))}</td>"
        f"<td>{'yes' if c.inside else '<strong>no</strong>'}</td></tr>"
        for c in found.checks
    )
    return (
        table("The model, as the calculator runs it", ("Part", "Value"), (row(k, esc(v)) for k, v in params))
        + f'<p class="ssi-coverage"><strong>{esc(_coverage_words())}.</strong> The readings come from'
        f" {esc(len(found.sources))} sources; {esc(sum(c.reading.source_id == 'reading-2026' for c in found.checks))}"
        " of them are one member's dashboard on nine days, so they test one region of the curve, not all of"
        " it.</p>"
        # The longest table of any calculator page; its conclusion is the sentence above.
        + reference(f"The {found.total} readings, one by one",
                    table("Every public reading with a rank, against the range the calculator shows for it",
                          ("When", "Source", "Score", "Group", "LinkedIn said", "Our range", "Inside"), fit_rows)
                    + "".join(f'<p class="ssi-note">{esc(c.reading.when)}: {esc(c.reading.note)}.</p>'
                              for c in found.checks if c.reading.note))
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
    url_state=True,
)
