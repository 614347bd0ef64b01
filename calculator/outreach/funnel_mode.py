"""The "Outreach funnel check" mode: the counts a person keeps, their rates against published benchmarks."""

from __future__ import annotations

from ..evidence import SOURCES
from ..fields import Field, FormErrors, Parsed, count_field
from ..html import Context, cite, esc, link, number
from ..modes import Mode
from . import GROUP
from . import funnel as fn
from .published import BASE_WORDS, Benchmark, Figure


def _pct(value: float) -> str:
    return f"{number(value, 2 if value < 10 else 1)}%"


PERIODS = (("1", "1 week"), ("2", "2 weeks"), ("4", "4 weeks (about a month)"), ("13", "13 weeks (about 3 months)"))

FUNNEL_FIELDS: tuple[Field, ...] = (
    Field("period", "Period counted", "Every number below should cover this same period.", kind="choice",
          choices=PERIODS, default="4", group="period"),
    count_field("sent", "Invitations sent", "Connection requests you sent in the period", "200", "invitations"),
    count_field("accepted", "Accepted", "Of those, how many were accepted", "60", "invitations"),
    count_field("pending", "Still pending", "Of those, how many are still unanswered (optional)", "90", "invitations"),
    count_field("messages", "First messages sent", "First messages to people who accepted", "55", "messages"),
    count_field("replies", "Replies", "People who replied to those messages", "9", "messages"),
    count_field("conversations", "Conversations or meetings", "Real two-way exchanges or meetings booked with them",
           "6", "messages"),
    count_field("views", "Profile views received", "As LinkedIn shows them for the period", "150", "inbound"),
    count_field("inbound_invites", "Invitations received", "People who invited you", "12", "inbound"),
    count_field("inbound_messages", "Messages received", "Messages people sent you unprompted", "4", "inbound"),
)

FUNNEL_LEGENDS = {
    "period": "The period you counted",
    "invitations": "Invitations you sent",
    "messages": "Messages and conversations",
    "inbound": "People coming to you (optional)",
}


def run_funnel(values: Parsed) -> fn.Funnel:
    period = values.text("period") or "4"
    counts = fn.Counts(
        weeks=float(period),
        **{n: values.whole(n) for n in ("sent", "accepted", "pending", "messages", "replies", "conversations",
                                        "views", "inbound_invites", "inbound_messages")},
    )
    errors = fn.check(counts)
    if errors:
        raise FormErrors(errors)
    return fn.analyse(counts)


def _range(low: float, high: float) -> str:
    return _pct(low) if low == high else f"{number(low, 2)}–{_pct(high)}"


def _published(b: Benchmark | None) -> str:
    """The figures a rate is compared with, or why there are none."""
    if b is None:
        return "None published"
    if b.proxy:
        return f"No figure of this rate; a proxy only ({_range(*_proxy_spread(b))}), not compared"
    if not b.comparable():
        return "None of the same base"
    return f"{_range(*b.spread())} {BASE_WORDS[b.base]}"


def _proxy_spread(b: Benchmark) -> tuple[float, float]:
    return min(f.low for f in b.overall), max(f.high for f in b.overall)


def _others(b: Benchmark) -> str:
    """The overall figures left out of the comparison, and why, in a few words."""
    left_out = [f for f in b.overall if f.base != b.base]
    if not left_out:
        return ""
    return "; not compared: " + ", ".join(f"{_range(f.low, f.high)} ({BASE_WORDS[f.base]})" for f in left_out)


def _spread_text(b: Benchmark) -> str:
    if b.proxy:
        return "No source publishes this rate, so your rate is not compared with anything."
    figures = b.comparable()
    sources = {f.source_id for f in figures}
    base = BASE_WORDS[b.base]
    if len(sources) == 1:
        return f"Compared with one source only, the one figure {base}: there is no spread between sources."
    low, high = b.spread()
    return (f"Across {len(sources)} sources the overall figures {base} run from {_pct(low)} to {_pct(high)}: a"
            f" spread of {number(high - low, 2)} percentage points.")


def _verdict(r: fn.Rate) -> str:
    """The comparison in words, naming what it was made with."""
    if r.value is None:
        return "—"
    if not r.position or r.benchmark is None:
        return "Not compared"
    one = len(r.benchmark.comparable()) == 1
    return {"below": "Below the one figure of this base" if one else "Below the published range",
            "within": "In line with it", "above": "Above it"}[r.position]
_RATE_BASE = {"sent": "per invitation sent", "accepted": "per connection who accepted"}


def _figure_html(f: Figure, ctx: Context) -> str:
    ours = ' <span class="ssi-ours">(our arithmetic)</span>' if f.ours else ""
    return (f"<li>{esc(_range(f.low, f.high))} <em>{esc(BASE_WORDS[f.base])}</em>: {esc(f.what)}.{ours}"
            f" {cite(ctx, f.source_id)}</li>")


def funnel_html(result: fn.Funnel, ctx: Context) -> str:
    c = result.counts
    period = dict(PERIODS)[_period_key(c.weeks)]
    rows = []
    for r in result.rates:
        if r.value is not None:
            yours = f"<strong>{esc(_pct(r.value))}</strong> ({esc(r.numerator)} of {esc(r.denominator)})"
        else:
            yours = f'<span class="ssi-missing">{esc(r.missing)}</span>'
        base = "—" if r.base is None else _RATE_BASE[r.base]
        rows.append(
            f'<tr class="ssi-rate ssi-rate--{esc(r.position or "none")}">'
            f'<th scope="row">{link(ctx, "outreach/metrics/#" + r.anchor, r.title)}</th><td>{esc(base)}</td>'
            f"<td>{yours}</td><td>{esc(_published(r.benchmark))}"
            f"{esc(_others(r.benchmark)) if r.benchmark is not None else ''}</td>"
            f"<td>{esc(_verdict(r))}</td></tr>"
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
        '<table class="ssi-funnel"><caption>Your rates against published benchmarks of the same base</caption>'
        '<thead><tr><th scope="col">Rate</th><th scope="col">Base</th><th scope="col">Yours</th>'
        '<th scope="col">Published, same base (vendor claims)</th>'
        f'<th scope="col">Compared</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f"{inbound}"
        '<h3 class="ssi-h">What to change first</h3>'
        f'<ol class="ssi-actions">{advice}</ol>'
        '<h3 class="ssi-h">Where the benchmarks come from</h3>'
        f'<ul class="ssi-evidence">{"".join(details)}</ul>'
        '<p class="ssi-note">Every benchmark here is a vendor claim measured on that vendor\'s own customers.'
        " LinkedIn has published outreach benchmarks only for recruiters' InMail"
        f" {cite(ctx, 'li-inmail-2022')}, none for invitations or replies. A rate is compared only with figures"
        " of its own base; figures whose base is disputed or not stated are listed but never compared. The"
        f" comparison is ours: within {esc(number(fn.TOLERANCE))} point of the spread between sources counts as"
        " in line. Your own trend month to month matters more.</p>"
        "</div>"
    )


def _period_key(weeks: float) -> str:
    return next((k for k, _ in PERIODS if float(k) == weeks), "4")


def funnel_text(result: fn.Funnel) -> str:
    c = result.counts
    lines = [f"Outreach funnel over {dict(PERIODS)[_period_key(c.weeks)]}"]
    if result.per_week_sent is not None:
        lines[0] += f": about {number(result.per_week_sent)} invitations a week"
    lines += ["", "Rates (published figures are vendor claims; each compared only with figures of its base):"]
    for r in result.rates:
        yours = f"{_pct(r.value)} ({r.numerator} of {r.denominator})" if r.value is not None else r.missing
        base = "" if r.base is None else f" [{_RATE_BASE[r.base]}]"
        lines.append(f"  {r.title + base:<62} {yours}")
        if r.benchmark is not None:
            verdict = f"; {_verdict(r).lower()}" if r.position else ""
            lines.append(f"  {'':<62} published {_published(r.benchmark)}{verdict}{_others(r.benchmark)}")
    lines += ["", "What to change first:"]
    lines += [f"  - {a.text} (guide: {a.path})" for a in result.advice]
    lines += ["", "Sources:"]
    for b in {r.benchmark.key: r.benchmark for r in result.rates if r.benchmark is not None}.values():
        for f in b.overall + b.breakdowns:
            source = SOURCES[f.source_id]
            ours = ", our arithmetic" if f.ours else ""
            lines.append(f"  {_range(f.low, f.high):<12} {BASE_WORDS[f.base]}: {f.what}{ours}"
                         f" [{source.title}, {source.trust.value}]")
    return "\n".join(lines) + "\n"


MODE: Mode[fn.Funnel] = Mode(
    name="funnel",
    title="Outreach funnel check",
    fields=FUNNEL_FIELDS,
    legends=FUNNEL_LEGENDS,
    run=run_funnel,
    render_html=funnel_html,
    render_text=funnel_text,
    url_state=True,
    cli_group=GROUP,
)

