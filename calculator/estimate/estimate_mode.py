"""The "Estimate my score" mode: form, result as HTML and text, the saved starting point, CLI, methodology.

The starting point (for "what if" comparisons) is the form values the person chose to keep, held in the
browser's local storage; every later result shows each pillar's change from it.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from urllib.parse import urlencode

from ..evidence import LAGGARD_BELOW, LEADER_ABOVE, band_for
from ..fields import Field, FormErrors, Parsed, parse_form
from ..html import Context, cite, esc, link, number
from ..modes import Mode, Response, WebRequest, error_summary
from ..pillars import Pillar
from .personas import PERSONAS
from .profile import LEGENDS, PROFILE_FIELDS, PROFILE_NAMES, ProfileError, inputs_from, load_profile, values_for
from .score import Change, Estimate, PillarEstimate, compare, estimate
from .terms import (
    PILLAR_CAP,
    UNCERTAINTY_FLOOR,
    UNCERTAINTY_SHARE,
    Term,
    ceiling,
    terms_of,
)

PAGE = "calculator/estimate/"
PLAN_PAGE = "calculator/plan/"
METHOD_PAGE = "calculator/methodology/"
START, CLEAR = "start", "clear"
STORAGE_KEY = "ssi-field-guide:estimate-start"
# The methodology page sits at calculator/methodology/: its generated tables link to the site from there.
METHOD_CTX = Context("../../")

OURS = ("Our estimate, not LinkedIn's: LinkedIn keeps its formula private. The inputs per pillar are the ones"
        " LinkedIn names; the weights are ours, calibrated against published readings.")


@dataclass(frozen=True)
class Report:
    now: Estimate
    start: Estimate | None = None
    start_note: str = ""  # why a saved starting point could not be used, if it could not

    @property
    def change(self) -> Change | None:
        return None if self.start is None else compare(self.start, self.now)


def run(values: Parsed) -> Report:
    return Report(estimate(inputs_from(values)))


# ---- Formatting ---------------------------------------------------------------------------------------


def pts(value: float) -> str:
    return number(value, 1)


def signed(value: float) -> str:
    """A change for display: "+1.5", "−0.3" or "±0".

    >>> signed(1.49), signed(-0.26), signed(0.01)
    ('+1.5', '−0.3', '±0')
    """
    text = number(abs(value), 1)
    if text == "0":
        return "±0"
    return ("+" if value > 0 else "−") + text


def shown(term: Term, amount: float) -> str:
    if term.curve == "flag":
        return "yes" if amount else "no"
    unit = "%" if term.unit.startswith("%") else f" {term.unit}"
    return f"{number(amount, 1)}{unit}"


def _crossing(e: Estimate) -> str:
    lines = [line for line in (LAGGARD_BELOW, LEADER_ABOVE) if e.total.low < line < e.total.high]
    if not lines:
        return ""
    return (f"The likely range crosses LinkedIn's line at {' and '.join(str(x) for x in lines)}, so your real"
            " band could be either side of it.")


def plan_link(ctx: Context, e: Estimate) -> str:
    return link(ctx, PLAN_PAGE + "?" + urlencode(values_for(e.inputs)), "Plan how to raise it from these numbers")


# ---- HTML ---------------------------------------------------------------------------------------------


def _pillar_rows(report: Report) -> str:
    change = report.change
    rows = []
    for pe in report.now.pillars:
        delta = f"<td>{esc(signed(change.pillars[pe.pillar]))}</td>" if change else ""
        rows.append(
            f'<tr><th scope="row">{esc(pe.pillar.title)}</th><td><strong>{esc(pts(pe.value))}</strong></td>'
            f"<td>{esc(pts(pe.low))}–{esc(pts(pe.high))}</td><td>{esc(pts(pe.ceiling))}</td>{delta}</tr>"
        )
    t = report.now.total
    delta = f"<td><strong>{esc(signed(change.total))}</strong></td>" if change else ""
    rows.append(f'<tr class="ssi-sum"><th scope="row">Total</th><td><strong>{esc(pts(t.value))}</strong></td>'
                f"<td>{esc(pts(t.low))}–{esc(pts(t.high))}</td><td>{esc(pts(report.now.ceiling_total))}</td>"
                f"{delta}</tr>")
    head = '<th scope="col">From your starting point</th>' if change else ""
    return (
        '<table class="ssi-estimate-table"><caption>Our estimate of each pillar (out of 25)</caption><thead><tr>'
        '<th scope="col">Pillar</th><th scope="col">Estimate</th><th scope="col">Likely range</th>'
        f'<th scope="col">Most possible on your plan</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _why(pe: PillarEstimate, ctx: Context) -> str:
    rows = []
    for c in sorted(pe.contributions, key=lambda c: -c.points):
        room = "needs Sales Navigator" if c.blocked else pts(c.room)
        rows.append(f'<tr><th scope="row">{esc(c.term.label)}</th><td>{esc(shown(c.term, c.amount))}</td>'
                    f"<td>{esc(pts(c.points))}</td><td>{esc(room)}</td></tr>")
    capped = ""
    if pe.capped:
        capped = (f"<p>These add up to {esc(pts(pe.raw))}; a pillar stops at {esc(number(PILLAR_CAP))}, so"
                  f" {esc(pts(pe.raw - PILLAR_CAP))} of it does not count.</p>")
    return (
        f'<details class="ssi-why"><summary>{esc(pe.pillar.title)}: {esc(pts(pe.value))}</summary>'
        f'<table><caption>What makes up {esc(pe.pillar.title.lower())}</caption><thead><tr>'
        '<th scope="col">Input</th><th scope="col">Yours</th><th scope="col">Points</th>'
        f'<th scope="col">Still possible</th></tr></thead><tbody>{"".join(rows)}</tbody></table>{capped}'
        f'<p class="ssi-more">{link(ctx, pe.pillar.guide + "#quick-wins", "How to raise this pillar")}</p>'
        "</details>"
    )


def _start_tools(report: Report) -> str:
    if report.start is None:
        intro = ("Try a change: save these numbers as your starting point, then edit any field and every pillar"
                 " shows how far it moved. The starting point stays in this browser only.")
        buttons = (f'<button type="button" class="md-button md-button--primary" data-action="{START}">'
                   "Save as my starting point</button>")
    else:
        intro = ("The last column compares with the starting point you saved. Edit any field to see what a"
                 " change would do.")
        buttons = (f'<button type="button" class="md-button" data-action="{START}">Make these my new starting'
                   f' point</button> <button type="button" class="md-button" data-action="{CLEAR}">'
                   "Forget the starting point</button>")
    note = f'<p class="ssi-caveat">{esc(report.start_note)}</p>' if report.start_note else ""
    return f'<div class="ssi-start">{note}<p>{esc(intro)}</p><p>{buttons}</p></div>'


def _free_note(e: Estimate, ctx: Context) -> str:
    if e.inputs.account == "sales_navigator":
        return ""
    find = ceiling(Pillar.FIND, "free")
    return (f'<p class="ssi-note">On a free account the Sales Navigator inputs (lead saves and its searches)'
            f" count 0, so in our model “find” tops out near {esc(pts(find))} and the total near"
            f" {esc(pts(e.ceiling_total))} instead of 100. Free members can still raise all four pillars."
            f" {cite(ctx, 'li-help-ssi')}</p>")


def render_html(report: Report, ctx: Context) -> str:
    e = report.now
    shown_total = round(e.total.value)
    band = band_for(min(100, max(0, shown_total)))
    change = report.change
    delta = ""
    if change is not None:
        delta = (f'<p class="ssi-delta">From your starting point ({esc(pts(report.start.total.value))}):'  # type: ignore[union-attr]
                 f' <strong class="ssi-delta__value">{esc(signed(change.total))}</strong></p>')
    why = "".join(_why(pe, ctx) for pe in e.pillars)
    crossing = f"<p>{esc(_crossing(e))}</p>" if _crossing(e) else ""
    return (
        '<div class="ssi-result-body ssi-estimate">'
        f'<p class="ssi-ours"><strong>{esc(OURS)}</strong> {link(ctx, METHOD_PAGE, "How the model works")}.</p>'
        f'<p class="ssi-total"><span class="ssi-total__value">{esc(shown_total)}</span>'
        f'<span class="ssi-total__of"> out of 100, likely {esc(number(e.total.low, 0))} to'
        f" {esc(number(e.total.high, 0))}</span></p>"
        f"{delta}"
        f'<p class="ssi-band ssi-band--{esc(band.key)}"><strong>{esc(band.name)}</strong>'
        f" {cite(ctx, 'li-leaders-study')}</p>"
        f"{crossing}{_pillar_rows(report)}{_free_note(e, ctx)}{_start_tools(report)}"
        '<h3 class="ssi-h">Why this number</h3>'
        "<p>Each input adds points along a curve that flattens, so no single habit fills a pillar; each pillar"
        " stops at 25. “Still possible” is what an input could add at most.</p>"
        f"{why}"
        f'<p class="ssi-more">{plan_link(ctx, e)} ·'
        f' {link(ctx, METHOD_PAGE + "#validate", "Check it against your dashboard")}</p>'
        "</div>"
    )


# ---- Text ---------------------------------------------------------------------------------------------


def render_text(report: Report) -> str:
    e, change = report.now, report.change
    t = e.total
    lines = [
        f"Estimated SSI: about {round(t.value)} / 100 (likely {number(t.low, 0)} to {number(t.high, 0)})",
        OURS,
        f"Band: {band_for(min(100, max(0, round(t.value)))).name}",
    ]
    if _crossing(e):
        lines.append(_crossing(e))
    if change is not None and report.start is not None:
        lines.append(f"From your starting point ({pts(report.start.total.value)}): {signed(change.total)}")
    if report.start_note:
        lines.append(report.start_note)
    lines += ["", "Pillars (out of 25)                    estimate   likely range   most possible"
              + ("   change" if change else "")]
    for pe in e.pillars:
        moved = f"   {signed(change.pillars[pe.pillar]):>6}" if change else ""
        lines.append(f"  {pe.pillar.title:<36} {pts(pe.value):>6}   {pts(pe.low):>5}–{pts(pe.high):<6}"
                     f"   {pts(pe.ceiling):>6}{moved}")
    if e.inputs.account != "sales_navigator":
        lines += ["", f"Free account: Sales Navigator inputs count 0; find tops out near"
                      f" {pts(ceiling(Pillar.FIND, 'free'))}, the total near {pts(e.ceiling_total)}."]
    lines += ["", "Why this number (points, and what each input could still add):"]
    for pe in e.pillars:
        lines.append(f"  {pe.pillar.title}: {pts(pe.value)}" + (f" (capped; inputs add to {pts(pe.raw)})"
                                                               if pe.capped else ""))
        for c in sorted(pe.contributions, key=lambda c: -c.points):
            room = "needs Sales Navigator" if c.blocked else f"+{pts(c.room)}"
            lines.append(f"    {c.term.label:<44} {shown(c.term, c.amount):>14}  {pts(c.points):>5}  {room}")
    return "\n".join(lines) + "\n"


# ---- The browser's requests: the form, plus saving and forgetting the starting point ----------------


def _start_from(stored: str | None) -> tuple[Estimate | None, str]:
    """The saved starting point, or None with a note when it is missing or cannot be read."""
    if not stored:
        return None, ""
    lost = "Your saved starting point could not be read, so it is not compared. Save a new one."
    try:
        data = json.loads(stored)
    except ValueError:
        return None, lost
    if not isinstance(data, dict):
        return None, lost
    parsed, errors = parse_form(PROFILE_FIELDS, data)
    if errors:
        return None, lost
    try:
        return estimate(inputs_from(parsed)), ""
    except FormErrors:
        return None, lost


def custom(request: WebRequest) -> Response:
    kept = {k: v for k, v in request.values.items() if isinstance(k, str) and isinstance(v, str)}
    ctx = Context.for_root(request.root)
    parsed, errors = parse_form(PROFILE_FIELDS, request.values)
    try:
        report = None if errors else run(parsed)
    except FormErrors as problem:
        errors, report = problem.errors, None
    if report is None:
        return Response(ok=False, html=error_summary(MODE, errors), errors=errors, values=kept)
    store: str | None = None
    if request.action == START:
        store = json.dumps({k: kept.get(k, "") for k in PROFILE_NAMES})
        report = Report(report.now, report.now)
    elif request.action == CLEAR:
        store = ""
    else:
        start, note = _start_from(request.stored)
        report = Report(report.now, start, note)
    response = Response(ok=True, html=render_html(report, ctx), errors={}, values=kept)
    if store is not None:
        response["store"] = store
    return response


# ---- Command line -------------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", metavar="FILE", help="a profile JSON file (see the methodology page);"
                        " without one, the example profile")
    parser.add_argument("--start", metavar="FILE", help="a second profile JSON file to compare with, as the"
                        " starting point")


def cli_values(path: str | None) -> dict[str, str]:
    """Form values from a profile file, or the example values; ProfileError for a bad file."""
    return load_profile(path) if path else {f.name: f.default for f in PROFILE_FIELDS}


def report_errors(fields: tuple[Field, ...], values: dict[str, str], errors: dict[str, str], where: str) -> None:
    for f in fields:
        if f.name in errors:
            options = f" Use one of: {', '.join(v for v, _ in f.choices)}." if f.kind == "choice" else ""
            print(f"{where}{f.name} ({values.get(f.name, '')!r}): {errors[f.name]}{options}", file=sys.stderr)


def cli_estimate(path: str | None) -> Estimate | None:
    """Parse a profile for the CLI, printing what is wrong (and returning None) when it cannot be used."""
    try:
        values = cli_values(path)
    except ProfileError as error:
        print(f"error: {error}", file=sys.stderr)
        return None
    parsed, errors = parse_form(PROFILE_FIELDS, values)
    try:
        if not errors:
            return estimate(inputs_from(parsed))
    except FormErrors as problem:
        errors = problem.errors
    report_errors(PROFILE_FIELDS, values, errors, f"{path}: " if path else "")
    return None


def main(args: argparse.Namespace) -> int:
    now = cli_estimate(args.profile)
    start = cli_estimate(args.start) if args.start else None
    if now is None or (args.start and start is None):
        return 2
    sys.stdout.write(render_text(Report(now, start)))
    return 0


# ---- Methodology (generated into docs/calculator/methodology.md) ------------------------------------


def _terms_table(pillar: Pillar) -> str:
    rows = "".join(
        f'<tr><th scope="row">{esc(t.label)}</th><td><code>{esc(t.key)}</code></td><td>{esc(t.unit)}</td>'
        f"<td>{esc(t.formula())}</td><td>{esc(number(t.most, 1))}</td>"
        f"<td>{esc('—' if t.half_at() is None else number(t.half_at() or 0, 1))}</td>"
        f"<td>{'Sales Navigator only' if t.sales_navigator_only else 'any account'}</td></tr>"
        for t in terms_of(pillar)
    )
    most = sum(t.most for t in terms_of(pillar))
    return (
        f'<table><caption>{esc(pillar.title)}: inputs add up to {esc(number(most, 1))}, capped at'
        f" {esc(number(PILLAR_CAP))}</caption><thead><tr>"
        '<th scope="col">Input</th><th scope="col">Key</th><th scope="col">Unit</th><th scope="col">Points for x</th>'
        '<th scope="col">At most</th><th scope="col">Half reached at</th><th scope="col">Counts on</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _caps_table() -> str:
    rows = "".join(
        f'<tr><th scope="row">{esc(p.title)}</th><td>{esc(number(PILLAR_CAP))}</td>'
        f"<td>{esc(number(ceiling(p, 'free'), 1))}</td><td>{esc(number(ceiling(p, 'sales_navigator'), 1))}</td></tr>"
        for p in Pillar
    )
    free = sum(ceiling(p, "free") for p in Pillar)
    return (
        '<table><caption>Caps and ceilings</caption><thead><tr><th scope="col">Pillar</th><th scope="col">Cap</th>'
        '<th scope="col">Most possible, free account</th><th scope="col">Most possible, Sales Navigator</th>'
        f"</tr></thead><tbody>{rows}<tr><th scope=\"row\">Total</th><td>100</td><td>{esc(number(free, 1))}</td>"
        "<td>100</td></tr></tbody></table>"
        f"<p>Error bar on each pillar: ± ({esc(number(UNCERTAINTY_FLOOR, 2))} + {esc(number(UNCERTAINTY_SHARE, 2))} ×"
        " the estimate), clipped to 0–25. Error bar on the total: the square root of the sum of the pillars'"
        " squared error bars, which treats the pillars' errors as independent.</p>"
    )


def _personas_table() -> str:
    rows = []
    for persona in PERSONAS:
        e = estimate(persona.inputs)
        pillars = " / ".join(pts(pe.value) for pe in e.pillars)
        rows.append(
            f'<tr><th scope="row">{esc(persona.name)}</th><td>{esc(persona.habits)}</td>'
            f"<td>{esc(persona.expectation)} {cite(METHOD_CTX, persona.source_id)}</td><td>{esc(pillars)}</td>"
            f"<td><strong>{esc(pts(e.total.value))}</strong> ({esc(number(e.total.low, 0))}–"
            f"{esc(number(e.total.high, 0))})</td></tr>"
        )
    return (
        '<table><caption>Calibration personas, as the calculator scores them now</caption><thead><tr>'
        '<th scope="col">Persona</th><th scope="col">Habits</th><th scope="col">Where the evidence puts them</th>'
        '<th scope="col">Our pillars (brand / find / engage / relationships)</th><th scope="col">Our total</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _json_table() -> str:
    rows = []
    for f in PROFILE_FIELDS:
        if f.kind == "choice":
            allowed = ", ".join(f'"{v}"' for v, _ in f.choices) + (" or true/false" if f.choices[0][0] == "yes" else "")
        else:
            allowed = f"number, {number(float(f.minimum))} to {number(float(f.maximum))}"
        rows.append(f'<tr><td><code>{esc(f.name)}</code></td><td>{esc(f.label)}</td><td>{esc(allowed)}</td>'
                    f"<td><code>{esc(f.default)}</code></td></tr>")
    return (
        '<table><caption>Keys of a profile file</caption><thead><tr><th scope="col">Key</th>'
        '<th scope="col">What</th><th scope="col">Value</th><th scope="col">Example</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def describe() -> str:
    """The whole model as HTML tables: terms per pillar, caps, calibration personas, profile file keys."""
    return (
        "".join(_terms_table(p) for p in Pillar)
        + f'<p class="ssi-note">Which pillar each input belongs to: {cite(METHOD_CTX, "li-breakdown-deck")};'
        f" {cite(METHOD_CTX, 'li-help-ssi')}. Every weight, scale and curve in these tables is ours.</p>"
        + _caps_table()
        + _personas_table()
        + _json_table()
    )

MODE: Mode[Report] = Mode(
    name="estimate",
    title="Estimate my score",
    fields=PROFILE_FIELDS,
    legends=LEGENDS,
    run=run,
    render_html=render_html,
    render_text=render_text,
    describe=describe,
    custom=custom,
    storage_key=STORAGE_KEY,
    url_state=True,
    add_arguments=add_arguments,
    main=main,
)
