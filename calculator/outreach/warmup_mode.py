"""The "Warm-up plan" mode: a week-by-week ramp for a new or dormant account, and its CSV download."""

from __future__ import annotations

from decimal import Decimal
from typing import cast

from ..evidence import SOURCES
from ..fields import Field, FormErrors, Parsed
from ..html import Context, button, cite, esc, link
from ..modes import Download, Mode
from . import GROUP, PACING_PAGE
from . import warmup as wu
from .published import WEEKLY_REPORTED

D = Decimal


STARTS = (("new", "A new account"), ("dormant", "A dormant account with a real profile"))
CSV_ACTION = "csv"

WARMUP_FIELDS: tuple[Field, ...] = (
    Field("start", "Starting from", "A dormant account skips the first week", kind="choice", choices=STARTS,
          default="new", group="warmup"),
    Field("target", "Sustainable level", f"Invitations a week to settle at, at most {wu.MAX_TARGET}", D(1),
          D(100_000), places=0, required=True, default="50", group="warmup", what="weekly level",
          unit="a week"),
    Field("days", "Sending days", "Days a week you send invitations, 1 to 7", D(1), D(7), places=0, required=True,
          default="5", group="warmup", what="number of days", unit="a week"),
)

WARMUP_LEGENDS = {"warmup": "Your warm-up"}


def run_warmup(values: Parsed) -> wu.WarmupPlan:
    request = wu.Request(
        start=cast(wu.Start, values.text("start") or "new"),
        target=int(values.required_number("target")),
        days=int(values.required_number("days")),
    )
    errors = wu.check(request)
    if errors:
        raise FormErrors(errors)
    return wu.plan(request)


def _steady(p: wu.WarmupPlan) -> str:
    return f"Week {p.weeks[-1].number + 1} onwards"


def warmup_html(p: wu.WarmupPlan, ctx: Context) -> str:
    r = p.request
    rows = "".join(
        f'<tr><th scope="row">Week {esc(w.number)}</th><td>{esc(w.invitations)}</td>'
        f"<td>{esc(w.per_day)} (cap {esc(w.daily_cap)})</td>"
        f'<td><ul>{"".join(f"<li>{esc(a)}</li>" for a in w.activities)}</ul></td></tr>'
        for w in p.weeks
    )
    rows += (f'<tr><th scope="row">{esc(_steady(p))}</th><td>{esc(p.level)}</td>'
             f"<td>{esc(p.weeks[-1].per_day)}</td><td>Keep this weekly total steady; no bursts.</td></tr>")
    capped = ""
    if p.capped_by_days:
        capped = (f'<p class="ssi-caveat">With {esc(r.days)} sending days, {esc(wu.SETTLED_DAILY)} a day caps the'
                  f" week at {esc(p.level)}, below the {esc(r.target)} you chose. Send on more days to go higher.</p>")
    caps = sorted({w.cap_source for w in p.weeks}, key=[w.cap_source for w in p.weeks].index)
    return (
        '<div class="ssi-result-body ssi-outreach ssi-warmup">'
        f'<p class="ssi-total"><span class="ssi-total__value">{esc(p.level)}</span>'
        f'<span class="ssi-total__of"> a week after {esc(len(p.weeks))} weeks</span></p>'
        f"{capped}"
        f'<table class="ssi-plan"><caption>Your warm-up plan ({esc(r.days)} sending days a week)</caption><thead><tr>'
        '<th scope="col">Week</th><th scope="col">Invitations</th><th scope="col">Most on any day</th>'
        f'<th scope="col">Also this week</th></tr></thead><tbody>{rows}</tbody></table>'
        f'<p class="ssi-plan-tools">{button(CSV_ACTION, "Download the plan (CSV)", primary=True)}'
        " To print it, use your browser's Print command: the printout leaves"
        " out the forms.</p>"
        '<h3 class="ssi-h">Stop signs</h3><ul>'
        "<li>A warning or restriction: stop, wait for it to lift (typically a week), then restart one week"
        f" lower. {cite(ctx, 'li-help-invitations')}</li>"
        "<li>Acceptance falling week after week: fix targeting and your profile before sending more.</li>"
        "<li>A growing pending list: withdraw the oldest invitations and send fewer.</li></ul>"
        f'<p class="ssi-note">This schedule is our suggestion; LinkedIn publishes none. Daily caps follow vendors\''
        f" guidance ({'; '.join(cite(ctx, s) for s in caps)}), each week adds at most {esc(wu.STEP)} (our rule of"
        f" thumb), and no week reaches {esc(wu.MAX_TARGET + 1)}, well under the widely reported"
        f" ~{esc(WEEKLY_REPORTED)} ({cite(ctx, 'weekly-100')}). The"
        f" {link(ctx, PACING_PAGE, 'pacing check')} rates every week of it Low for the"
        " account's stage."
        f" {link(ctx, 'outreach/account-safety/#warming-up-a-new-or-dormant-account', 'The warm-up, explained')}.</p>"
        "</div>"
    )


def warmup_text(p: wu.WarmupPlan) -> str:
    lines = [f"Warm-up plan: {p.level} invitations a week after {len(p.weeks)} weeks"
             f" ({p.request.days} sending days a week; our suggestion, LinkedIn publishes none)"]
    if p.capped_by_days:
        lines.append(f"  With {p.request.days} sending days, {wu.SETTLED_DAILY} a day caps the week at {p.level}.")
    lines.append("")
    for w in p.weeks:
        lines.append(f"Week {w.number}: {w.invitations} invitations, at most {w.per_day} a day")
        lines += [f"  - {a}" for a in w.activities]
    lines += [f"{_steady(p)}: {p.level} a week, steadily", "",
              f"Never {wu.MAX_TARGET + 1} or more a week, well under the widely reported ~{WEEKLY_REPORTED}"
              f" ({SOURCES['weekly-100'].trust.value}); the pacing check rates every week Low.",
              "Stop signs: a warning or restriction, falling acceptance, a growing pending list."]
    return "\n".join(lines) + "\n"


def csv_download(p: wu.WarmupPlan) -> Download:
    return Download(name="warm-up-plan.csv", type="text/csv", text=wu.to_csv(p))


MODE: Mode[wu.WarmupPlan] = Mode(
    name="warmup",
    title="Warm-up plan",
    fields=WARMUP_FIELDS,
    legends=WARMUP_LEGENDS,
    run=run_warmup,
    render_html=warmup_html,
    render_text=warmup_text,
    downloads={CSV_ACTION: csv_download},
    url_state=True,
    cli_group=GROUP,
)

