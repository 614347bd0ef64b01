"""The "Plan my next weeks" mode: goal and profile fields, the ranked plan as HTML and text, its .txt download,
a link that carries the whole plan, and the ``plan`` command line."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from typing import cast
from urllib.parse import urlencode

from ..evidence import COHORT_AUG_2014, COHORT_AUG_2015
from ..fields import Field, FormErrors, Parsed
from ..html import Context, button, cite, esc, link, number, row, signed, table
from ..modes import Command, Download, Mode, add_option, cli_errors, cli_notes, evaluate
from ..outreach.limits import STAGE_CHOICES, WORKDAYS, StageKey, stage
from ..outreach.published import WEEKLY_REPORTED
from .cli import add_profile_argument, read_values
from .levers import Goal, Plan, invitation_limit
from .methodology import describe_plan
from .planner import make_plan
from .profile import LEGENDS, PROFILE_FIELDS, inputs_from, values_for
from .score import compare
from .wording import METHOD_PAGE, OURS, PLAN_PAGE, item_effort, pts

D = Decimal
DOWNLOAD = "download"
NOT_PLANNED = ("Views of your profile, your reply and acceptance rates and the seniority of your network are not"
               " in the plan: you cannot set them directly. They follow from posting, from better-aimed"
               " invitations and from writing to people who have a reason to answer.")

GOAL_FIELDS: tuple[Field, ...] = (
    Field("target", "Target SSI", "The total you want to reach, 1 to 100 (optional if you give a time budget).",
          D(1), D(100), places=1, default="50", group="goal", what="target score"),
    Field("budget", "Time you can give", "Minutes a week you can spend on this (optional). One-off tasks are"
          " spread over the weeks of the plan.", D(1), D(5000), places=0, group="goal", what="number of minutes",
          unit="minutes a week"),
    Field("weeks", "Weeks of the plan", "How many weeks to plan for, 1 to 26.", D(1), D(26), places=0,
          required=True, default="8", group="goal", what="number of weeks", unit="weeks"),
    Field("invites_now", "Invitations you send now", "Connection requests you send in a typical week now; the"
          " plan adds to them only up to the pace the pacing check rates Low for your account.", D(0), D(10_000),
          places=0, default="0", group="goal", what="count", unit="a week"),
    Field("stage", "How far along your account is", "Sets how many invitations the plan may suggest: the same"
          " stages as the pacing check and the warm-up plan.", kind="choice", choices=STAGE_CHOICES,
          default="settled", group="goal"),
)

FIELDS: tuple[Field, ...] = GOAL_FIELDS + PROFILE_FIELDS
PLAN_LEGENDS = {"goal": "Your goal", **LEGENDS}


def goal_from(values: Parsed) -> Goal:
    target, budget = values.number("target"), values.number("budget")
    if target is None and budget is None:
        message = "Give a target score, a weekly time budget, or both."
        raise FormErrors({"target": message, "budget": message})
    invites = values.number("invites_now")
    return Goal(
        target=None if target is None else float(target),
        budget=None if budget is None else float(budget),
        weeks=int(values.required_number("weeks")),
        invites_now=0.0 if invites is None else float(invites),
        stage=cast(StageKey, values.text("stage") or "settled"),
    )


def run(values: Parsed) -> Plan:
    return make_plan(inputs_from(values), goal_from(values))


def share_values(plan: Plan) -> dict[str, str]:
    g = plan.goal
    goal = {"target": "" if g.target is None else f"{g.target:g}",
            "budget": "" if g.budget is None else f"{g.budget:g}",
            "weeks": str(g.weeks), "invites_now": f"{g.invites_now:g}", "stage": g.stage}
    return {**goal, **values_for(plan.start.inputs)}


# ---- Words shared by both views ----------------------------------------------------------------------


COHORT_GAIN = round(COHORT_AUG_2015 - COHORT_AUG_2014, 1)  # points in a year [li-science-2015]
TIMING = ("Our model says where these habits lead, not how soon your dashboard shows it: nobody has published"
          " how fast a score follows new habits. The nearest data: LinkedIn's cohort of August 2014 gained about"
          f" {number(COHORT_GAIN, 0)} points in a year on average, and one member's 2026 dashboard moved by one"
          " point at most over three weeks.")


def headline(plan: Plan) -> str:
    """What the plan does, in our model's terms: where the habits lead, never a date."""
    g, start, end = plan.goal, plan.start.total.value, plan.end.total.value
    if g.target is not None and start >= g.target:
        return f"You are already at or above {g.target:g} in our model (about {start:.0f}); nothing to add."
    if g.target is not None and plan.reached:
        return (f"Target {g.target:g}: these changes take our estimate from about {start:.0f} to about {end:.0f},"
                f" with {effort(plan)}.")
    if g.target is not None:
        return f"Target {g.target:g}: not reached. The best this plan gets to is about {end:.0f} (from {start:.0f})."
    return f"With {g.budget:g} minutes a week: our estimate goes from about {start:.0f} to about {end:.0f}."


def effort(plan: Plan) -> str:
    parts = [f"about {plan.weekly_minutes:.0f} minutes a week"]
    if plan.once_minutes:
        parts.append(f"{plan.once_minutes:.0f} minutes of one-off profile work")
    return " and ".join(parts)


def pace(plan: Plan) -> str:
    """What the invitation pace means day to day; empty when the plan sends none."""
    limit, where = invitation_limit(plan.goal), stage(plan.goal.stage).name
    if plan.goal.invites_now > limit:
        return (f"You send {plan.goal.invites_now:g} invitations a week, more than the {limit:g} the pacing check"
                f" rates Low in {where} of sending. Slow down before adding anything; the plan adds no invitations.")
    if not plan.invites_per_week:
        return ""
    return (f"Invitations: about {plan.invites_per_week:g} a week in all, about {plan.per_day} a day on"
            f" {WORKDAYS} weekdays: at most the {limit:g} a week the pacing check rates Low in {where} of"
            f" sending, well under the widely reported ~{WEEKLY_REPORTED}. Keep the pace even; bursts look like"
            " automation.")


# ---- HTML ---------------------------------------------------------------------------------------------


def _items_table(plan: Plan) -> str:
    rows = "".join(
        f'<tr><td>{n}</td><th scope="row">{esc(i.text())}</th><td>{esc(i.lever.pillar.title)}</td>'
        f"<td>{esc(signed(i.gain))}</td><td>{esc(pts(i.total_after))}</td>"
        f"<td>{esc(item_effort(i.weekly_minutes, i.once_minutes))}</td></tr>"
        for n, i in enumerate(plan.items, 1)
    )
    return table("The plan, best value for your time first",
                 ("#", "Change", "Pillar", "Gain (points)", "Total after", "Effort"), rows, css="ssi-plan")


def _whatif_table(plan: Plan) -> str:
    change = compare(plan.start, plan.end)
    rows = "".join(
        row(b.pillar.title, esc(pts(b.value)), f"{esc(pts(a.value))} ({esc(pts(a.low))}–{esc(pts(a.high))})",
            esc(signed(change.pillars[b.pillar])))
        for b, a in zip(plan.start.pillars, plan.end.pillars, strict=True)
    )
    s, e = plan.start.total, plan.end.total
    rows += (f'<tr class="ssi-sum"><th scope="row">Total</th><td>{esc(pts(s.value))}</td><td>{esc(pts(e.value))}'
             f" ({esc(number(e.low, 0))}–{esc(number(e.high, 0))})</td><td><strong>{esc(signed(change.total))}"
             "</strong></td></tr>")
    return table("Every pillar now and after the plan (our estimate)",
                 ("Pillar", "Now", "After the plan (likely range)", "Change"), [rows], css="ssi-whatif")


def render_html(plan: Plan, ctx: Context) -> str:
    blockers = "".join(f"<li>{esc(b)}</li>" for b in plan.blockers)
    blockers = f'<ul class="ssi-caveat">{blockers}</ul>' if blockers else ""
    invitations = pace(plan)
    if invitations:
        invitations = (f'<p class="ssi-note">{esc(invitations)} {cite(ctx, "weekly-100")}'
                       f" {link(ctx, 'calculator/pacing/', 'The pacing check')} ·"
                       f" {link(ctx, 'outreach/account-safety/', 'Account safety')}.</p>")
    steps = _items_table(plan) if plan.items else "<p>No change is needed, or none fits the time you gave.</p>"
    share = ctx.url(PLAN_PAGE) + "#" + urlencode(share_values(plan))  # a fragment: never sent to the server
    return (
        '<div class="ssi-result-body ssi-plan-result">'
        f'<p class="ssi-ours"><strong>{esc(OURS)}</strong>'
        f' {link(ctx, METHOD_PAGE + "#the-planner", "How the plan is made")}.</p>'
        f'<p class="ssi-plan-headline"><strong>{esc(headline(plan))}</strong></p>'
        f'{blockers}{steps}{_whatif_table(plan)}<p class="ssi-note">{esc(TIMING)} {cite(ctx, "li-science-2015")};'
        f' {cite(ctx, "reading-2026")}</p>{invitations}'
        f'<p class="ssi-note">{esc(NOT_PLANNED)}</p>'
        '<h3 class="ssi-h">Take the plan with you</h3>'
        f'<p class="ssi-plan-tools">{button(DOWNLOAD, "Download the plan (.txt)", primary=True)}'
        f' <a class="ssi-share" href="{esc(share)}">Link to this plan</a> (the link holds your numbers after the'
        " “#” of the address, a part the browser never sends: nothing is sent anywhere).</p>"
        '<details class="ssi-plan-copy"><summary>The plan as text, to copy</summary>'
        f'<pre class="ssi-plan-text" tabindex="0">{esc(render_text(plan))}</pre></details>'
        "</div>"
    )


# ---- Text ---------------------------------------------------------------------------------------------


def render_text(plan: Plan) -> str:
    lines = ["SSI plan (our model, not LinkedIn's: LinkedIn keeps its formula private)", headline(plan)]
    lines += [f"  ! {b}" for b in plan.blockers]
    if plan.items:
        lines += ["", "Changes, best value for your time first:"]
        for n, i in enumerate(plan.items, 1):
            lines.append(f"{n:>3}. {i.text()}")
            lines.append(f"     {i.lever.pillar.title} {signed(i.gain)}, total about {pts(i.total_after)};"
                         f" {item_effort(i.weekly_minutes, i.once_minutes)}")
    change = compare(plan.start, plan.end)
    lines += ["", "Every pillar, now -> after the plan (our estimate):"]
    for b, a in zip(plan.start.pillars, plan.end.pillars, strict=True):
        moved = signed(change.pillars[b.pillar])
        lines.append(f"  {b.pillar.title:<36} {pts(b.value):>5} -> {pts(a.value):>5}  {moved}")
    lines.append(f"  {'Total':<36} {pts(plan.start.total.value):>5} -> {pts(plan.end.total.value):>5}"
                 f"  {signed(change.total)}  (likely {number(plan.end.total.low, 0)}–{number(plan.end.total.high, 0)})")
    lines += ["", TIMING]
    if pace(plan):
        lines += ["", pace(plan)]
    lines += ["", NOT_PLANNED]
    return "\n".join(lines) + "\n"


# ---- Browser requests and command line ---------------------------------------------------------------


def text_download(plan: Plan) -> Download:
    return Download(name="ssi-plan.txt", type="text/plain", text=render_text(plan))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    for f in GOAL_FIELDS:
        add_option(parser, f, default=None)
    add_profile_argument(parser, "a profile JSON file; without one, the example profile")


def main(args: argparse.Namespace) -> int:
    values = read_values(args.profile)
    if values is None:
        return 2
    for f in GOAL_FIELDS:
        given = getattr(args, f.name)
        values[f.name] = f.default if given is None and f.name in ("weeks", "invites_now", "stage") else given or ""
    if args.target is None and args.budget is None:
        values["target"] = GOAL_FIELDS[0].default
    try:
        evaluated = evaluate(MODE, values)
    except FormErrors as problem:
        sys.stderr.write(cli_errors(FIELDS, values, problem.errors, by_key=True))
        return 2
    sys.stderr.write(cli_notes(FIELDS, evaluated.notes))
    sys.stdout.write(render_text(evaluated.result))
    return 0


MODE: Mode[Plan] = Mode(
    name="plan",
    title="Plan my next weeks",
    fields=FIELDS,
    legends=PLAN_LEGENDS,
    run=run,
    render_html=render_html,
    render_text=render_text,
    describe=describe_plan,
    downloads={DOWNLOAD: text_download},
    url_state=True,
    command=Command(add_arguments, main),
)
