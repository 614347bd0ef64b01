"""The three outreach modes ("funnel", "pacing", "warmup"): fields, HTML and text views, and the CSV download.

The domain lives in funnel.py, pacing.py and warmup.py; this module only turns form values into their inputs
and their results into HTML (every piece of text through ``esc``) and plain text.
"""

from __future__ import annotations

from decimal import Decimal
from typing import cast

from . import funnel as fn
from . import pacing as pc
from . import warmup as wu
from .benchmarks_outreach import DAILY_DEFAULT, WEEKLY_REPORTED, Benchmark, Figure
from .evidence import SOURCES
from .html import Context, cite, esc, link, number
from .inputs import Field, Parsed, parse_form
from .modes import FormErrors, Mode, Response, WebRequest
from .web import run_form

D = Decimal
GROUP = "outreach"
PAGE = "calculator/outreach/"

_HONEST = ("LinkedIn publishes no invitation limit. The ~100 a week is widely reported, not official. Vendors'"
           " defaults are their product choices, not LinkedIn's rules.")


def _count(name: str, label: str, help_text: str, default: str, group: str, maximum: int = 1_000_000,
           required: bool = False, unit: str = "") -> Field:
    return Field(name, label, help_text, D(0), D(maximum), places=0, required=required, default=default,
                 group=group, what="count", unit=unit)


def _pct(value: float) -> str:
    return f"{number(value, 2 if value < 10 else 1)}%"


def _cites(ctx: Context, ids: tuple[str, ...]) -> str:
    return "; ".join(cite(ctx, i) for i in ids) if ids else '<span class="ssi-trust">our rule of thumb</span>'


# =========================================================================================================
# Funnel check
# =========================================================================================================

PERIODS = (("1", "1 week"), ("2", "2 weeks"), ("4", "4 weeks (about a month)"), ("13", "13 weeks (about 3 months)"))

FUNNEL_FIELDS: tuple[Field, ...] = (
    Field("period", "Period counted", "Every number below should cover this same period.", kind="choice",
          choices=PERIODS, default="4", group="period"),
    _count("sent", "Invitations sent", "Connection requests you sent in the period", "200", "invitations"),
    _count("accepted", "Accepted", "Of those, how many were accepted", "60", "invitations"),
    _count("pending", "Still pending", "Of those, how many are still unanswered (optional)", "90", "invitations"),
    _count("messages", "First messages sent", "First messages to people who accepted", "55", "messages"),
    _count("replies", "Replies", "People who replied to those messages", "9", "messages"),
    _count("conversations", "Conversations or meetings", "Real two-way exchanges or meetings booked with them",
           "6", "messages"),
    _count("views", "Profile views received", "As LinkedIn shows them for the period", "150", "inbound"),
    _count("inbound_invites", "Invitations received", "People who invited you", "12", "inbound"),
    _count("inbound_messages", "Messages received", "Messages people sent you unprompted", "4", "inbound"),
)

FUNNEL_LEGENDS = {
    "period": "The period you counted",
    "invitations": "Invitations you sent",
    "messages": "Messages and conversations",
    "inbound": "People coming to you (optional)",
}


def _int(values: Parsed, name: str) -> int | None:
    value = values.number(name)
    return None if value is None else int(value)


def run_funnel(values: Parsed) -> fn.Funnel:
    period = values.text("period") or "4"
    counts = fn.Counts(
        weeks=float(period),
        **{n: _int(values, n) for n in ("sent", "accepted", "pending", "messages", "replies", "conversations",
                                        "views", "inbound_invites", "inbound_messages")},
    )
    errors = fn.check(counts)
    if errors:
        raise FormErrors(errors)
    return fn.analyse(counts)


def _published(b: Benchmark | None) -> str:
    if b is None:
        return "None published"
    low, high = b.spread()
    text = _pct(low) if low == high else f"{number(low, 2)}–{_pct(high)}"
    return text + (" (proxy)" if b.proxy else "")


def _spread_text(b: Benchmark) -> str:
    low, high = b.spread()
    sources = {f.source_id for f in b.overall}
    if len(sources) == 1:
        return "One source only, so there is no spread between sources."
    return (f"Across {len(sources)} sources the overall figures run from {_pct(low)} to {_pct(high)}: a spread of"
            f" {number(high - low, 2)} percentage points.")


_POSITION = {"below": "Below the published range", "within": "In line with it", "above": "Above it", "": "—"}


def _figure_html(f: Figure, ctx: Context) -> str:
    value = _pct(f.low) if not f.is_range else f"{number(f.low, 2)}–{_pct(f.high)}"
    return f"<li>{esc(value)}: {esc(f.what)}. {cite(ctx, f.source_id)}</li>"


def funnel_html(result: fn.Funnel, ctx: Context) -> str:
    c = result.counts
    period = dict(PERIODS)[_period_key(c.weeks)]
    rows = []
    for r in result.rates:
        if r.value is not None:
            yours = f"<strong>{esc(_pct(r.value))}</strong> ({esc(r.numerator)} of {esc(r.denominator)})"
        else:
            yours = f'<span class="ssi-missing">{esc(r.missing)}</span>'
        rows.append(
            f'<tr class="ssi-rate ssi-rate--{esc(r.position or "none")}">'
            f'<th scope="row">{link(ctx, "outreach/metrics/#" + r.anchor, r.title)}</th>'
            f"<td>{yours}</td><td>{esc(_published(r.benchmark))}</td><td>{esc(_POSITION[r.position])}</td></tr>"
        )
    pace = ""
    if result.per_week_sent is not None:
        pace = f" That is about {esc(number(result.per_week_sent))} invitations a week."
    advice = "".join(f"<li>{esc(a.text)} {link(ctx, a.path, a.link_text)}.</li>" for a in result.advice)
    details = []
    for r in result.rates:
        b = r.benchmark
        if b is None:
            continue
        figures = "".join(_figure_html(f, ctx) for f in b.overall)
        breakdowns = "".join(_figure_html(f, ctx) for f in b.breakdowns)
        more = f"<li>Breakdowns:<ul>{breakdowns}</ul></li>" if breakdowns else ""
        note = f" {esc(b.note)}" if b.note else ""
        details.append(f"<li><strong>{esc(r.title)}.</strong> {esc(_spread_text(b))}{note}"
                       f"<ul>{figures}{more}</ul></li>")
    inbound = ""
    if c.inbound_messages is not None:
        inbound = (f"<p>You received {esc(c.inbound_messages)} unprompted messages. No benchmark exists for these;"
                   " what matters is whether they come from people you can help, with a real need. "
                   f"{link(ctx, 'outreach/metrics/#inbound-message-quality', 'How to judge inbound messages')}.</p>")
    return (
        '<div class="ssi-result-body ssi-outreach">'
        f"<p>Over {esc(period)}.{pace}</p>"
        '<table class="ssi-funnel"><caption>Your rates against published benchmarks</caption><thead><tr>'
        '<th scope="col">Rate</th><th scope="col">Yours</th><th scope="col">Published (all vendor data)</th>'
        f'<th scope="col">Compared</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f"{inbound}"
        '<h3 class="ssi-h">What to change first</h3>'
        f'<ol class="ssi-actions">{advice}</ol>'
        '<h3 class="ssi-h">Where the benchmarks come from</h3>'
        f'<ul class="ssi-evidence">{"".join(details)}</ul>'
        f'<p class="ssi-note">Every benchmark is a vendor claim measured on that vendor\'s own customers; LinkedIn'
        f" publishes none. The comparison is ours: within {esc(number(fn.TOLERANCE))} point of the spread"
        " between sources counts as in line. Your own trend month to month matters more.</p>"
        "</div>"
    )


def _period_key(weeks: float) -> str:
    return next((k for k, _ in PERIODS if float(k) == weeks), "4")


def funnel_text(result: fn.Funnel) -> str:
    c = result.counts
    lines = [f"Outreach funnel over {dict(PERIODS)[_period_key(c.weeks)]}"]
    if result.per_week_sent is not None:
        lines[0] += f": about {number(result.per_week_sent)} invitations a week"
    lines += ["", "Rates (published figures are vendor claims):"]
    for r in result.rates:
        yours = f"{_pct(r.value)} ({r.numerator} of {r.denominator})" if r.value is not None else r.missing
        lines.append(f"  {r.title:<34} {yours}")
        if r.benchmark is not None:
            lines.append(f"  {'':<34} published {_published(r.benchmark)}; {_POSITION[r.position].lower()}")
    lines += ["", "What to change first:"]
    lines += [f"  - {a.text} (guide: {a.path})" for a in result.advice]
    lines += ["", "Sources:"]
    for b in {r.benchmark.key: r.benchmark for r in result.rates if r.benchmark is not None}.values():
        for f in b.overall + b.breakdowns:
            value = _pct(f.low) if not f.is_range else f"{number(f.low, 2)}–{_pct(f.high)}"
            source = SOURCES[f.source_id]
            lines.append(f"  {value:<12} {f.what} [{source.title}, {source.trust.value}]")
    return "\n".join(lines) + "\n"


FUNNEL: Mode[fn.Funnel] = Mode(
    name="funnel",
    title="Outreach funnel check",
    fields=FUNNEL_FIELDS,
    legends=FUNNEL_LEGENDS,
    run=run_funnel,
    render_html=funnel_html,
    render_text=funnel_text,
    cli_group=GROUP,
)


# =========================================================================================================
# Pacing and account risk
# =========================================================================================================

ACTIVITIES = (("new", "New: little or no history"), ("dormant", "Dormant: unused for months"),
              ("active", "Active: in regular use"))
ACCOUNTS = (("free", "Free"), ("premium", "Premium"), ("sales_navigator", "Sales Navigator"))

PACING_FIELDS: tuple[Field, ...] = (
    Field("age_months", "Account age", "Months since the account was created", D(0), D(600), places=0,
          required=True, default="2", group="account", what="number of months", unit="months"),
    Field("activity", "Recent activity", "How the account has been used lately", kind="choice", choices=ACTIVITIES,
          default="new", group="account"),
    Field("ssi", "SSI, if you know it", "Your total from the SSI dashboard, 0 to 100 (optional)", D(0), D(100),
          places=0, default="22", group="account", what="SSI total"),
    Field("account", "Subscription", "Your LinkedIn plan", kind="choice", choices=ACCOUNTS, default="free",
          group="account"),
    _count("per_day", "Invitations per day", "The most you plan to send on any one day", "15", "plan", 10_000,
           required=True, unit="a day"),
    _count("per_week", "Invitations per week", "The total you plan to send in a week", "60", "plan", 70_000,
           required=True, unit="a week"),
    _count("pending", "Pending invitations", "Sent and still unanswered, from My Network (optional)", "150",
           "plan"),
)

PACING_LEGENDS = {"account": "Your account", "plan": "What you plan to send"}


def run_pacing(values: Parsed) -> pc.Assessment:
    ssi = values.number("ssi")
    plan = pc.Plan(
        age_months=int(values.required_number("age_months")),
        activity=cast(pc.Activity, values.text("activity") or "active"),
        ssi=None if ssi is None else int(ssi),
        account=cast(pc.Account, values.text("account") or "free"),
        per_day=int(values.required_number("per_day")),
        per_week=int(values.required_number("per_week")),
        pending=_int(values, "pending"),
    )
    errors = pc.check(plan)
    if errors:
        raise FormErrors(errors)
    return pc.assess(plan)


def _safer(result: pc.Assessment) -> str:
    if result.treat_as_new:
        return (f"Start at about {result.suggested_per_day} a day and {result.suggested_per_week} a week, and"
                " build up with the warm-up plan.")
    return (f"Stay at or under {result.suggested_per_day} a day and {result.suggested_per_week} a week, and keep"
            " the weekly total steady rather than sending in bursts.")


def pacing_html(result: pc.Assessment, ctx: Context) -> str:
    level = result.level
    reasons = "".join(
        f'<li class="ssi-reason ssi-reason--{esc(r.level.name.lower())}"><strong>{esc(r.level.label)}.</strong>'
        f" {esc(r.text)} {_cites(ctx, r.source_ids)}</li>"
        for r in result.reasons
    )
    warmup = f" {link(ctx, PAGE + '#warm-up-plan', 'Plan a warm-up')}." if result.treat_as_new else ""
    return (
        '<div class="ssi-result-body ssi-outreach">'
        f'<p class="ssi-risk ssi-risk--{esc(level.name.lower())}">Risk: <strong>{esc(level.label)}</strong></p>'
        f"<p>This level is our judgement, not LinkedIn's. {esc(_HONEST)}</p>"
        '<h3 class="ssi-h">Why</h3>'
        f'<ul class="ssi-evidence">{reasons}</ul>'
        '<h3 class="ssi-h">A safer pace</h3>'
        f"<p>{esc(_safer(result))}{warmup}</p>"
        f'<p class="ssi-more">{link(ctx, "outreach/account-safety/", "What LinkedIn says about limits")} ·'
        f" {link(ctx, 'outreach/metrics/#account-standing', 'Tracking account standing')}</p>"
        "</div>"
    )


def pacing_text(result: pc.Assessment) -> str:
    lines = [f"Risk: {result.level.label} (our judgement, not LinkedIn's)", _HONEST, "", "Why:"]
    for r in result.reasons:
        where = "; ".join(f"{SOURCES[i].title}, {SOURCES[i].trust.value}" for i in r.source_ids) or "our rule of thumb"
        lines.append(f"  [{r.level.label}] {r.text} [{where}]")
    lines += ["", "A safer pace:", f"  {_safer(result)}"]
    return "\n".join(lines) + "\n"


PACING: Mode[pc.Assessment] = Mode(
    name="pacing",
    title="Pacing and account risk",
    fields=PACING_FIELDS,
    legends=PACING_LEGENDS,
    run=run_pacing,
    render_html=pacing_html,
    render_text=pacing_text,
    cli_group=GROUP,
)


# =========================================================================================================
# Warm-up plan
# =========================================================================================================

STARTS = (("new", "A new account"), ("dormant", "A dormant account with a real profile"))
CSV_ACTION = "csv"

WARMUP_FIELDS: tuple[Field, ...] = (
    Field("start", "Starting from", "A dormant account skips the first week", kind="choice", choices=STARTS,
          default="new", group="warmup"),
    Field("target", "Sustainable level", f"Invitations a week to settle at, at most {WEEKLY_REPORTED}", D(1),
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
        capped = (f'<p class="ssi-caveat">With {esc(r.days)} sending days, {esc(DAILY_DEFAULT)} a day caps the week'
                  f" at {esc(p.level)}, below the {esc(r.target)} you chose. Send on more days to go higher.</p>")
    caps = sorted({w.cap_source for w in p.weeks}, key=[w.cap_source for w in p.weeks].index)
    return (
        '<div class="ssi-result-body ssi-outreach ssi-warmup">'
        f'<p class="ssi-total"><span class="ssi-total__value">{esc(p.level)}</span>'
        f'<span class="ssi-total__of"> a week after {esc(len(p.weeks))} weeks</span></p>'
        f"{capped}"
        f'<table class="ssi-plan"><caption>Your warm-up plan ({esc(r.days)} sending days a week)</caption><thead><tr>'
        '<th scope="col">Week</th><th scope="col">Invitations</th><th scope="col">Most on any day</th>'
        f'<th scope="col">Also this week</th></tr></thead><tbody>{rows}</tbody></table>'
        '<p class="ssi-plan-tools"><button type="button" class="md-button md-button--primary" data-action="csv">'
        "Download the plan (CSV)</button> To print it, use your browser's Print command: the printout leaves"
        " out the forms.</p>"
        '<h3 class="ssi-h">Stop signs</h3><ul>'
        "<li>A warning or restriction: stop, wait for it to lift (typically a week), then restart one week"
        f" lower. {cite(ctx, 'li-help-invitations')}</li>"
        "<li>Acceptance falling week after week: fix targeting and your profile before sending more.</li>"
        "<li>A growing pending list: withdraw the oldest invitations and send fewer.</li></ul>"
        f'<p class="ssi-note">This schedule is our suggestion; LinkedIn publishes none. Daily caps follow vendors\''
        f" guidance ({'; '.join(cite(ctx, s) for s in caps)}) and the plan never goes above the widely"
        f" reported ~{esc(WEEKLY_REPORTED)} a week ({cite(ctx, 'weekly-100')})."
        f" {link(ctx, 'outreach/account-safety/#warming-up-a-new-or-dormant-account', 'The warm-up, explained')}.</p>"
        "</div>"
    )


def warmup_text(p: wu.WarmupPlan) -> str:
    lines = [f"Warm-up plan: {p.level} invitations a week after {len(p.weeks)} weeks"
             f" ({p.request.days} sending days a week; our suggestion, LinkedIn publishes none)"]
    if p.capped_by_days:
        lines.append(f"  With {p.request.days} sending days, {DAILY_DEFAULT} a day caps the week at {p.level}.")
    lines.append("")
    for w in p.weeks:
        lines.append(f"Week {w.number}: {w.invitations} invitations, at most {w.per_day} a day")
        lines += [f"  - {a}" for a in w.activities]
    lines += [f"{_steady(p)}: {p.level} a week, steadily", "",
              f"Never above the widely reported ~{WEEKLY_REPORTED} a week ({SOURCES['weekly-100'].trust.value}).",
              "Stop signs: a warning or restriction, falling acceptance, a growing pending list."]
    return "\n".join(lines) + "\n"


def warmup_custom(request: WebRequest) -> Response:
    """The ordinary form answer, plus the plan as a CSV file when the download button sent the request."""
    kept = {k: v for k, v in request.values.items() if isinstance(k, str) and isinstance(v, str)}
    response = run_form(WARMUP, request, kept)
    if request.action == CSV_ACTION and response["ok"]:
        parsed, _ = parse_form(WARMUP.fields, request.values)
        response["download"] = {"name": "warm-up-plan.csv", "type": "text/csv", "text": wu.to_csv(run_warmup(parsed))}
    return response


WARMUP: Mode[wu.WarmupPlan] = Mode(
    name="warmup",
    title="Warm-up plan",
    fields=WARMUP_FIELDS,
    legends=WARMUP_LEGENDS,
    run=run_warmup,
    render_html=warmup_html,
    render_text=warmup_text,
    custom=warmup_custom,
    cli_group=GROUP,
)

MODES: tuple[Mode[fn.Funnel], Mode[pc.Assessment], Mode[wu.WarmupPlan]] = (FUNNEL, PACING, WARMUP)
