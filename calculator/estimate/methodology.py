"""The methodology page's generated tables (``docs/calculator/methodology.md``): the estimate model's terms,
caps and calibration personas, the keys of a profile file, and the planner's levers. Written from the code,
so the page and the calculator cannot drift apart."""

from __future__ import annotations

from ..html import cite, esc, number, reference, table
from ..outreach.limits import STAGES, WEEKLY_ELEVATED_FROM, WORKDAYS, low_pace
from ..pillars import Pillar
from .levers import INVITATIONS, LEVERS, Lever
from .personas import PERSONAS
from .profile import PROFILE_FIELDS
from .score import estimate
from .terms import PILLAR_CAP, UNCERTAINTY_FLOOR, UNCERTAINTY_SHARE, ceiling, terms_of
from .wording import METHOD_CTX, item_effort, pts


def _terms_table(pillar: Pillar) -> str:
    terms = terms_of(pillar)
    rows = (
        f'<tr><th scope="row">{esc(t.label)}</th><td><code>{esc(t.key)}</code></td><td>{esc(t.unit)}</td>'
        f"<td>{esc(t.formula())}</td><td>{esc(number(t.most, 1))}</td>"
        f"<td>{esc('—' if t.half_at() is None else number(t.half_at() or 0, 1))}</td>"
        f"<td>{'Sales Navigator only' if t.sales_navigator_only else 'any account'}</td></tr>"
        for t in terms
    )
    most = sum(t.most for t in terms)
    caption = f"{pillar.title}: inputs add up to {number(most, 1)}, capped at {number(PILLAR_CAP)}"
    # One closed table per pillar (issue 18: together the page's longest tables); the summary is the caption.
    return reference(f"{caption} ({len(terms)} inputs)", table(
        caption, ("Input", "Key", "Unit", "Points for x", "At most", "Half reached at", "Counts on"), rows))


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
    # The command line's reference, the longest table of the page: closed until asked for.
    return reference(f"Keys of a profile file ({len(rows)} keys)",
                     table("Keys of a profile file", ("Key", "What", "Value", "Example"), rows))


def describe_estimate() -> str:
    """The whole model as HTML tables: terms per pillar, caps, calibration personas, profile file keys."""
    return (
        "".join(_terms_table(p) for p in Pillar)
        + f'<p class="ssi-note">Which pillar each input belongs to: {cite(METHOD_CTX, "li-breakdown-deck")};'
        f" {cite(METHOD_CTX, 'li-help-ssi')}. Every weight, scale and curve in these tables is ours.</p>"
        + _caps_table()
        + _personas_table()
        + _json_table()
    )


def _limit(lv: Lever) -> str:
    if lv.limit == 1:
        return "—"
    return ("up to " if lv.key == INVITATIONS else "") + number(lv.limit) + " " + lv.unit


def _limit_source(lv: Lever) -> str:
    if lv.key == INVITATIONS:
        return "the account's stage (the table below)"
    return cite(METHOD_CTX, lv.source_id) if lv.source_id else "our judgement"


def describe_plan() -> str:
    """The planner's levers: step, limit, effort, and where a limit comes from."""
    rows = (
        f'<tr><th scope="row">{esc(lv.action)}</th><td>{esc(lv.pillar.title)}</td>'
        f"<td>{esc('yes' if lv.step == 1 and lv.limit == 1 else number(lv.step))}</td>"
        f"<td>{esc(_limit(lv))}</td>"
        f"<td>{esc(item_effort(lv.minutes, lv.minutes if lv.one_off else 0))}</td>"
        f"<td>{_limit_source(lv)}"
        f"{' (Sales Navigator only)' if lv.sales_navigator_only else ''}</td></tr>"
        for lv in LEVERS
    )
    return (
        reference(f"What the planner can change ({len(LEVERS)} changes)", table(
            "What the planner can change",
            ("Change", "Pillar", "Step", "Never beyond", "Effort per step", "Limit from"), rows))
        + f"<p>Invitations turn into connections at your acceptance rate, over the weeks of the plan; each new"
        f" connection also follows you. They are spread over {WORKDAYS} weekdays and never go above the pace the"
        " pacing check rates Low for the account's stage: one table, shared with the pacing check and the"
        " warm-up plan.</p>"
        + _stages_table()
    )


def _stages_table() -> str:
    ctx = METHOD_CTX
    rows = "".join(
        f'<tr><th scope="row">{esc(s.label)}</th><td>{esc(low_pace(s)[0])}</td><td>{esc(low_pace(s)[1])}</td>'
        f"<td>{esc(s.high_above_per_day)}</td>"
        f"<td>{'; '.join(cite(ctx, i) for i in dict.fromkeys(s.low_sources + s.high_sources))}</td></tr>"
        for s in STAGES
    )
    return (
        '<table><caption>Invitation limits by account stage</caption><thead><tr><th scope="col">Stage</th>'
        '<th scope="col">Most a day, rated Low</th><th scope="col">Most a week the plan suggests</th>'
        '<th scope="col">A day above this is rated High</th><th scope="col">Daily lines from</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        f"<p>For every stage, {WEEKLY_ELEVATED_FROM} or more a week is rated Elevated, inside the band one vendor"
        f" gives only established accounts {cite(ctx, 'vendor-quarvio')}, and more than about 100 High"
        f" {cite(ctx, 'weekly-100')}. Where each stage starts is ours: the weeks of our warm-up plan.</p>"
    )
