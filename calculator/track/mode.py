"""The "Track my SSI" mode: readings kept in the browser, changed by buttons, and the trend they show.

Every request brings the saved text (``request.stored``) and this page's saves not yet seen stored
(``request.pending``): :func:`handle` reads them, applies again any save the stored text lacks (:mod:`.saves`),
applies the one action the person took (:mod:`.actions`), renders the whole view (:mod:`.render`), and returns
``store`` only when the readings changed (to be merged again if another tab stored something meanwhile).
When the saved text is damaged, nothing is written over it until the person has chosen what to do (download
it as it is, or keep the readings that could be read, with the rest kept aside).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..fields import Parsed
from ..html import Context, esc, signed
from ..modes import Command, Mode, Response, WebRequest, form_values
from . import chart, csvio, explain_view, file_checks, goal, paste_view, saves, storage, tools_view, trend
from .actions import View, apply, view_for
from .decode import decode
from .form import FIELDS, LEGENDS, NAME, STORAGE_KEY
from .readings import LABELS, History, plain
from .render import render


def handle(request: WebRequest, today: date | None = None, now: float | None = None) -> Response:
    """Answer one request of the page; never raises for anything a person or their saved data can send."""
    kept = form_values(request)
    view = view_for(request, kept, today or date.today())
    base, moment = view.loaded, time.time() if now is None else now
    view.example = tools_view.example_on(kept, request.action.partition(":")[0])  # apply() sets it the same
    caught = saves.catch_up(view, request, moment)
    apply(view, request.action)
    store, pending = saves.finish(view, request, base, caught, moment)
    html = render(view, Context.for_root(request.root), kept.get("shown", "20"))
    response = Response(ok=not view.errors and not view.edit_errors, html=html, errors=view.errors, values=kept,
                        pending=pending)
    if store is not None:
        response["store"] = store
        response["merge"] = True
    if view.download is not None:
        response["download"] = view.download
    return response


# ---- plain text and the command line ----------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    """A history and what it shows; the command line prints it."""

    history: History
    today: date
    imported: csvio.Imported | None = None
    name: str = ""
    text: str | None = None  # the file as read, for the check of its own total column
    aim: goal.Goal | None = None


def run(values: Parsed) -> Report:
    """The form alone holds no history (it lives in the browser); this is the empty report."""
    return Report((), date.today())


def render_html(report: Report, ctx: Context) -> str:
    return render(View(report.history, storage.Loaded(report.history), report.today), ctx)


def render_text(report: Report) -> str:
    lines: list[str] = []
    got = report.imported
    if got is not None:
        if got.problem:
            return got.problem + "\n"
        lines.append(f"{report.name}: {len(got.readings)} readings read, {len(got.rejected)} rejected")
        if got.note:
            lines.append(f"  {got.note}")
        where = "line" if got.where == "line" else "entry"
        lines += [f"  {where} {r.line}: {r.reason}" for r in got.rejected]
    t = trend.analyse(report.history, report.today)
    if t is None:
        lines.append("No readings.")
        return "\n".join(lines) + "\n"
    days = (t.latest.day - t.first.day).days
    lines += [f"SSI {t.latest.shown_total} / 100 on {t.latest.day} ({t.count} readings over {days} days,"
              f" from {t.first.day})", ""]
    width = max(len(trend.pillar_title(n)) for n in trend.SERIES)
    lines.append(f"{'Change':<{width}}  " + "  ".join(f"{c.days:>3} days" for c in t.changes))
    for name in trend.SERIES:
        cells = "  ".join(f"{signed(c.deltas[name], None) if name in c.deltas else '—':>8}" for c in t.changes)
        lines.append(f"{trend.pillar_title(name):<{width}}  {cells}")
    if t.moved_most is not None:
        pillar, moved, over = t.moved_most
        lines += ["", f"Moved most over {over} days: {LABELS[pillar]} ({signed(moved, None)})"]
    if len(t.weeks) > 1:
        lines += ["", "Week of      readings  average  change"]
        lines += [f"{w.start}  {w.count:>8}  {plain(w.average):>7}  "
                  f"{signed(w.change, None) if w.change is not None else '—':>6}" for w in reversed(t.weeks)]
    if t.warnings:
        lines += ["", *(f"Note: {w}" for w in t.warnings)]
    explained = explain_view.moves_text(report.history)
    if explained:
        lines += ["", "What moved, newest first:", *(f"  {m}" for m in explained)]
    checked = file_checks.total_checks(report.text, report.history)
    if checked:
        lines += ["", "Checks:", *(f"  {c}" for c in checked)]
    if report.aim is not None:
        lines += ["", f"Goal {report.aim.target} by {report.aim.by}: "
                  + goal.outlook(report.history, report.aim, report.today).words]
    lines += ["", "These figures are our own arithmetic on your readings."]
    return "\n".join(lines) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a CSV or JSON file of readings (an export from the Track page)")
    parser.add_argument("--today", default="", help="the date to measure gaps against (default: today)")
    parser.add_argument("--goal", default="", metavar="TOTAL", help="a target total, 1 to 100 (with --by)")
    parser.add_argument("--by", default="", metavar="YYYY-MM-DD", help="the date to reach the --goal by")


def main(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        size = path.stat().st_size
        data = path.read_bytes() if size <= csvio.MAX_BYTES else None
    except OSError as error:
        print(f"{path}: {error.strerror}", file=sys.stderr)
        return 2
    try:
        today = date.fromisoformat(args.today) if args.today else date.today()
    except ValueError:
        print(f"--today {args.today!r}: use YYYY-MM-DD", file=sys.stderr)
        return 2
    aim, errors = explain_view.goal_from({"goal_target": args.goal, "goal_date": args.by}, today)
    for name, message in errors.items():
        print(f"--{'goal' if name == 'goal_target' else 'by'}: {message}", file=sys.stderr)
    if errors:
        return 2
    got = csvio.read_upload(path.name, data, size, today)
    text = decode(data, path.name).text if data is not None and size <= csvio.MAX_BYTES else None
    sys.stdout.write(render_text(Report(got.readings, today, got, path.name, text, aim)))
    return 0 if got.readings else 2


def describe() -> str:
    return (
        "<ul>"
        "<li><strong>Total</strong>: the sum of the four pillars, kept to the last decimal; shown rounded to a"
        " whole number, as the dashboard shows it.</li>"
        f"<li><strong>Change over {', '.join(str(d) for d in trend.PERIODS)} days</strong>: your latest reading"
        " minus the newest reading at least that many days older. When your history starts a little later than"
        " that, its first reading is used if it is within a seventh of the period.</li>"
        "<li><strong>Per week</strong>: the average total of the readings in each calendar week (Monday to"
        " Sunday), and its change on the previous week with readings.</li>"
        "<li><strong>Moved most</strong>: the pillar with the largest change, up or down, over the longest of those"
        " periods your history covers.</li>"
        f"<li><strong>Warnings</strong>: a fall of {esc(trend.DECLINE_POINTS)} points or more over 30 days, or three"
        f" weekly averages in a row going down; a latest reading more than {esc(trend.STALE_AFTER)} days old; a gap"
        f" of more than {esc(trend.GAP_AFTER)} days between readings.</li>"
        f"<li><strong>Chart</strong>: with more than {esc(chart.DAILY_POINTS_MAX)} readings, one point per week"
        " (the average of its readings).</li>"
        "</ul>"
        + explain_view.describe() + paste_view.describe()
    )


MODE: Mode[Report] = Mode(
    name=NAME,
    title="Track my SSI",
    fields=FIELDS,
    legends=LEGENDS,
    run=run,
    render_html=render_html,
    render_text=render_text,
    describe=describe,
    handle_request=handle,
    storage_key=STORAGE_KEY,
    command=Command(add_arguments, main),
)
