"""The "Pacing and account risk" mode: a planned invitation pace, its risk level and a safer pace."""

from __future__ import annotations

from decimal import Decimal
from typing import cast

from ..evidence import SOURCES
from ..fields import Field, FormErrors, Parsed, count_field
from ..html import Context, cite, esc, link
from ..modes import Mode
from . import GROUP, WARMUP_PAGE
from . import pacing as pc
from .limits import STAGE_CHOICES, StageKey

D = Decimal
_HONEST = ("LinkedIn publishes no invitation limit. The ~100 a week is widely reported, not official. Vendors'"
           " defaults are their product choices, not LinkedIn's rules.")


def _cites(ctx: Context, ids: tuple[str, ...]) -> str:
    return "; ".join(cite(ctx, i) for i in ids) if ids else '<span class="ssi-ours">(our rule of thumb)</span>'


ACCOUNTS = (("free", "Free"), ("premium", "Premium"), ("sales_navigator", "Sales Navigator"))

PACING_FIELDS: tuple[Field, ...] = (
    Field("stage", "How far along the account is", "A new account, or one unused for months, starts again at"
          " the first stage, however old it is", kind="choice", choices=STAGE_CHOICES, default="start",
          group="account"),
    Field("ssi", "SSI, if you know it", "Your total from the SSI dashboard, 0 to 100 (optional)", D(0), D(100),
          places=0, default="22", group="account", what="SSI total"),
    Field("account", "Subscription", "Your LinkedIn plan", kind="choice", choices=ACCOUNTS, default="free",
          group="account"),
    count_field("per_day", "Invitations per day", "The most you plan to send on any one day", "15", "plan", 10_000,
           required=True, unit="a day"),
    count_field("per_week", "Invitations per week", "The total you plan to send in a week", "60", "plan", 70_000,
           required=True, unit="a week"),
    count_field("pending", "Pending invitations", "Sent and still unanswered, from My Network (optional)", "150",
           "plan"),
)

PACING_LEGENDS = {"account": "Your account", "plan": "What you plan to send"}


def run_pacing(values: Parsed) -> pc.Assessment:
    ssi = values.number("ssi")
    plan = pc.SendingPlan(
        stage=cast(StageKey, values.text("stage") or "start"),
        ssi=None if ssi is None else int(ssi),
        account=cast(pc.Subscription, values.text("account") or "free"),
        per_day=int(values.required_number("per_day")),
        per_week=int(values.required_number("per_week")),
        pending=values.whole("pending"),
    )
    errors = pc.check(plan)
    if errors:
        raise FormErrors(errors)
    return pc.assess(plan)


def _safer(result: pc.Assessment) -> str:
    pace = (f"at or under {result.suggested_per_day} a day and {result.suggested_per_week} a week, the most this"
            f" check rates Low in {result.stage.name} of sending")
    if result.warming_up:
        return f"Stay {pace}, and build up with the warm-up plan."
    return f"Stay {pace}, and keep the weekly total steady rather than sending in bursts."


def pacing_html(result: pc.Assessment, ctx: Context) -> str:
    level = result.level
    reasons = "".join(
        f'<li class="ssi-reason ssi-reason--{esc(r.level.name.lower())}"><strong>{esc(r.level.label)}.</strong>'
        f" {esc(r.text)} {_cites(ctx, r.source_ids)}</li>"
        for r in result.reasons
    )
    warmup = f" {link(ctx, WARMUP_PAGE, 'Plan a warm-up')}." if result.warming_up else ""
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


MODE: Mode[pc.Assessment] = Mode(
    name="pacing",
    title="Pacing and account risk",
    fields=PACING_FIELDS,
    legends=PACING_LEGENDS,
    run=run_pacing,
    render_html=pacing_html,
    render_text=pacing_text,
    url_state=True,
    cli_group=GROUP,
)

