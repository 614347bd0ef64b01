"""The "Estimate my score" mode: form, result as HTML and text, the saved starting point, and its command line.

The starting point (for "what if" comparisons) is the form values the person chose to keep, held in the
browser's local storage; every later result shows each pillar's change from it.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from urllib.parse import urlencode

from ..fields import FormErrors, Parsed, parse_form
from ..html import Context, button, cite, esc, link, number, row, signed, table
from ..modes import Command, Mode, WebRequest, form_values
from ..pillars import QUICK_WINS_ANCHOR, Pillar
from .cli import add_profile_argument, cli_estimate
from .methodology import describe_estimate
from .profile import LEGENDS, PROFILE_FIELDS, PROFILE_NAMES, inputs_from, values_for
from .score import Change, Estimate, PillarEstimate, compare, estimate
from .terms import PILLAR_CAP, ceiling
from .wording import METHOD_PAGE, OURS, PLAN_PAGE, band_of, crossing, pts, shown

START, CLEAR = "start", "clear"
STORAGE_KEY = "ssi-field-guide:estimate-start"


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


def plan_link(ctx: Context, e: Estimate) -> str:
    # In the fragment, like every shared value: the browser never sends it to the server.
    return link(ctx, PLAN_PAGE + "#" + urlencode(values_for(e.inputs)), "Plan how to raise it from these numbers")


# ---- HTML ---------------------------------------------------------------------------------------------


def _pillar_rows(report: Report) -> str:
    change = report.change
    rows = []
    for pe in report.now.pillars:
        moved = (esc(signed(change.pillars[pe.pillar])),) if change else ()
        rows.append(row(pe.pillar.title, f"<strong>{esc(pts(pe.value))}</strong>",
                        f"{esc(pts(pe.low))}–{esc(pts(pe.high))}", esc(pts(pe.ceiling)), *moved))
    t = report.now.total
    delta = f"<td><strong>{esc(signed(change.total))}</strong></td>" if change else ""
    rows.append(f'<tr class="ssi-sum"><th scope="row">Total</th><td><strong>{esc(pts(t.value))}</strong></td>'
                f"<td>{esc(pts(t.low))}–{esc(pts(t.high))}</td><td>{esc(pts(report.now.ceiling_total))}</td>"
                f"{delta}</tr>")
    head = ("Pillar", "Estimate", "Likely range", "Most possible on your plan",
            *(("From your starting point",) if change else ()))
    return table("Our estimate of each pillar (out of 25)", head, rows, css="ssi-estimate-table")


def _why(pe: PillarEstimate, ctx: Context) -> str:
    rows = []
    for c in sorted(pe.contributions, key=lambda c: -c.points):
        room = "needs Sales Navigator" if c.blocked else pts(c.room)
        rows.append(row(c.term.label, esc(shown(c.term, c.amount)), esc(pts(c.points)), esc(room)))
    capped = ""
    if pe.capped:
        capped = (f"<p>These add up to {esc(pts(pe.raw))}; a pillar stops at {esc(number(PILLAR_CAP))}, so"
                  f" {esc(pts(pe.raw - PILLAR_CAP))} of it does not count.</p>")
    return (
        f'<details class="ssi-why"><summary>{esc(pe.pillar.title)}: {esc(pts(pe.value))}</summary>'
        + table(f"What makes up {pe.pillar.title.lower()}", ("Input", "Yours", "Points", "Still possible"), rows)
        + f'{capped}<p class="ssi-more">'
        f'{link(ctx, pe.pillar.guide + QUICK_WINS_ANCHOR, "How to raise this pillar")}</p>'
        "</details>"
    )


def _start_tools(report: Report) -> str:
    if report.start is None:
        intro = ("Try a change: save these numbers as your starting point, then edit any field and every pillar"
                 " shows how far it moved. The starting point stays in this browser only.")
        buttons = button(START, "Save as my starting point", primary=True)
    else:
        intro = ("The last column compares with the starting point you saved. Edit any field to see what a"
                 " change would do.")
        buttons = f'{button(START, "Make these my new starting point")} {button(CLEAR, "Forget the starting point")}'
    note = f'<p class="ssi-caveat">{esc(report.start_note)}</p>' if report.start_note and not report.start else ""
    return f'<div class="ssi-start">{note}<p>{esc(intro)}</p><p>{buttons}</p></div>'


def _free_note(e: Estimate, ctx: Context) -> str:
    if e.inputs.account == "sales_navigator":
        return ""
    find, engage = ceiling(Pillar.FIND, "free"), ceiling(Pillar.ENGAGE, "free")
    return (f'<p class="ssi-note">On a free account the Sales Navigator inputs count 0: its searches and lead'
            f" saves under “find”, saved accounts and account research under “engage”"
            f" {cite(ctx, 'li-breakdown-deck')}. So in our model “find” tops out near {esc(pts(find))}, “engage”"
            f" near {esc(pts(engage))} and the total near {esc(pts(e.ceiling_total))} instead of 100. Free"
            f" members can still raise all four pillars. {cite(ctx, 'seed-connectsafely')}</p>")


def render_html(report: Report, ctx: Context) -> str:
    e = report.now
    shown_total = round(e.total.value)
    band = band_of(e)
    change = report.change
    delta = ""
    if change is not None and report.start is not None:
        delta = (f'<p class="ssi-delta">From your starting point ({esc(pts(report.start.total.value))}):'
                 f' <strong class="ssi-delta__value">{esc(signed(change.total))}</strong></p>')
        if report.start_note:  # said where the comparison is: the starting point is not stored
            delta += f'<p class="ssi-notice" role="alert">{esc(report.start_note)}</p>'
    why = "".join(_why(pe, ctx) for pe in e.pillars)
    warning = crossing(e)
    warning = f"<p>{esc(warning)}</p>" if warning else ""
    return (
        '<div class="ssi-result-body ssi-estimate">'
        f'<p class="ssi-ours"><strong>{esc(OURS)}</strong> {link(ctx, METHOD_PAGE, "How the model works")}.</p>'
        f'<p class="ssi-total"><span class="ssi-total__value">{esc(shown_total)}</span>'
        f'<span class="ssi-total__of"> out of 100, likely {esc(number(e.total.low, 0))} to'
        f" {esc(number(e.total.high, 0))}</span></p>"
        f"{delta}"
        f'<p class="ssi-band ssi-band--{esc(band.key)}"><strong>{esc(band.name)}</strong>'
        f" {cite(ctx, 'li-leaders-study')}</p>"
        f"{warning}{_pillar_rows(report)}{_free_note(e, ctx)}{_start_tools(report)}"
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
        f"Band: {band_of(e).name}",
    ]
    if crossing(e):
        lines.append(crossing(e))
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
                      f" {pts(ceiling(Pillar.FIND, 'free'))}, engage near {pts(ceiling(Pillar.ENGAGE, 'free'))},"
                      f" the total near {pts(e.ceiling_total)}."]
    lines += ["", "Why this number (points, and what each input could still add):"]
    for pe in e.pillars:
        lines.append(f"  {pe.pillar.title}: {pts(pe.value)}" + (f" (capped; inputs add to {pts(pe.raw)})"
                                                               if pe.capped else ""))
        for c in sorted(pe.contributions, key=lambda c: -c.points):
            room = "needs Sales Navigator" if c.blocked else f"+{pts(c.room)}"
            lines.append(f"    {c.term.label:<44} {shown(c.term, c.amount):>14}  {pts(c.points):>5}  {room}")
    return "\n".join(lines) + "\n"


# ---- The saved starting point ------------------------------------------------------------------------


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
    try:
        return estimate(inputs_from(parse_form(PROFILE_FIELDS, data))), ""
    except FormErrors:
        return None, lost


def with_start(report: Report, request: WebRequest) -> tuple[Report, str | None]:
    """Save the form as the starting point, forget it, or compare with the one saved."""
    refused = (f"Your starting point is not saved: this browser refused to store it ({request.store_problem})."
               " It is compared here until you reload or leave this page; every change tries again."
               if request.store_problem else "")
    if request.action == START:
        kept = form_values(request)
        return Report(report.now, report.now, refused), json.dumps({k: kept.get(k, "") for k in PROFILE_NAMES})
    if request.action == CLEAR:
        return report, ""
    start, note = _start_from(request.stored)
    return Report(report.now, start, note or (refused if start else "")), None


# ---- Command line -------------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser, "a profile JSON file (see the methodology page); without one, the example profile")
    parser.add_argument("--start", metavar="FILE", help="a second profile JSON file to compare with, as the"
                        " starting point")


def main(args: argparse.Namespace) -> int:
    now = cli_estimate(args.profile)
    start = cli_estimate(args.start) if args.start else None
    if now is None or (args.start and start is None):
        return 2
    sys.stdout.write(render_text(Report(now, start)))
    return 0


MODE: Mode[Report] = Mode(
    name="estimate",
    title="Estimate my score",
    fields=PROFILE_FIELDS,
    legends=LEGENDS,
    run=run,
    render_html=render_html,
    render_text=render_text,
    describe=describe_estimate,
    with_saved=with_start,
    storage_key=STORAGE_KEY,
    url_state=True,
    command=Command(add_arguments, main),
)
