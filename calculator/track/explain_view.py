"""What the readings say in words, beside the chart: each reading's change, and the goal's outlook."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from ..fields import Field, FieldError
from ..html import Context, cite, esc
from . import goal, moves
from .readings import History, read_date, read_number

MOVES_SHOWN = 12
GOAL_FIELDS: tuple[Field, ...] = (
    Field("goal_target", "Target total", "Optional: the total you aim for, 1 to 100.", Decimal(1), Decimal(100),
          places=0, group="goal", what="target"),
    Field("goal_date", "By", "Optional: the date to reach it, as YYYY-MM-DD.", kind="text", group="goal",
          what="date"),
)
GOAL_LEGEND = "Your goal (optional; kept in this page only, not saved)"


def goal_from(kept: Mapping[str, str], today: date) -> tuple[goal.Goal | None, dict[str, str]]:
    """The goal typed in the form, or None; and a message per box that cannot be used."""
    target_text, by_text = kept.get("goal_target", "").strip(), kept.get("goal_date", "").strip()
    if not target_text and not by_text:
        return None, {}
    errors: dict[str, str] = {}
    target: Decimal | None = None
    by: date | None = None
    try:
        target = read_number(target_text, "industry_average")  # a total: 0 to 100
    except FieldError as error:
        errors["goal_target"] = f"The target {error}."
    if target is not None and (target < 1 or target != target.to_integral_value()):
        errors["goal_target"] = "The target is a whole number from 1 to 100, like the total on your page."
    try:
        by = read_date(by_text)
    except FieldError as error:
        errors["goal_date"] = str(error)[:1].upper() + str(error)[1:] + "."
    if target is None and "goal_target" not in errors:
        errors["goal_target"] = "Type the total you aim for, e.g. 60."
    if errors or target is None or by is None:
        return None, errors
    return goal.Goal(target, by), {}


def goal_html(history: History, aim: goal.Goal | None, today: date) -> str:
    if aim is None:
        return ""
    seen = goal.outlook(history, aim, today)
    return (f'<div class="ssi-history-goal ssi-goal--{esc(seen.verdict)}" role="status">'
            f"<h3>Your goal: {esc(aim.target)} by {esc(aim.by)}</h3><p>{esc(seen.words)}</p></div>")


def moves_html(history: History, ctx: Context) -> str:
    """Each reading's change in words, newest first, with the 2026 example when the population moved."""
    found = moves.explain_history(history)
    if not found:
        return ""
    shown = found[-MOVES_SHOWN:][::-1]
    items = "".join(f'<li><strong>{esc(m.day)}</strong>: {esc(m.words)}</li>' for m in shown)
    more = len(found) - len(shown)
    tail = f"<p>{esc(more)} earlier changes are not listed.</p>" if more > 0 else ""
    example = ""
    if any(m.kind == "population" for m in found):
        example = f'<p class="ssi-caveat">{esc(moves.POPULATION_EXAMPLE)} ({cite(ctx, "reading-2026")})</p>'
    return (f'<div class="ssi-history-moves"><h3>What moved, reading by reading</h3><ul>{items}</ul>{tail}'
            f"{example}</div>")


def moves_text(history: History) -> list[str]:
    found = moves.explain_history(history)
    return [f"{m.day}: {m.words}" for m in found[::-1]]


def describe() -> str:
    """How the words beside the chart and the goal's outlook are worked out, as HTML for the methodology."""
    return (
        "<ul><li><strong>What moved</strong>: each reading is compared with the one before it. When a rank"
        f" changes while the pillars moved by no more than {esc(moves.BARELY)} in all, the page says the people"
        " you are ranked against moved, not you; when one pillar alone moved, it names it and by how much; a"
        " change in a group's average is mentioned too.</li>"
        f"<li><strong>Goal</strong>: the pace is a straight line fitted to your totals of the last"
        f" {esc(goal.WINDOW_DAYS)} days (least squares), with a range from how much the readings scatter around it"
        " (95%, Student's t). You are on track when even the low end of that range reaches the pace the goal"
        " needs, off track when even the high end falls short, and otherwise the readings cannot yet tell. With"
        f" fewer than {esc(goal.MIN_READINGS)} readings over {esc(goal.MIN_SPAN_DAYS // 7)} weeks it gives only the"
        " pace needed: a few readings cannot support a forecast.</li></ul>"
    )
