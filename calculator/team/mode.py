"""The "Team view" mode: several members' exports, read together in the manager's browser.

Unlike the tracker's readings, the team lives in the page's memory (this Python, in the page's worker): the
files are the manager's to keep or not, so nothing is written to the browser unless the manager chooses to
keep the team, and then under a key of its own. Every request brings the form's values (the names typed, the
sort order of the table with names) and at most one action; the answer renders the whole view.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..fields import Field, Parsed
from ..html import Context
from ..modes import Command, Download, Mode, Response, SentFile, WebRequest, form_values
from ..track.csvio import MAX_BYTES
from . import report, store, view
from .load import FileRead, read_team_file
from .model import Change, Team, add_file, merge_members, remove, rename, split_file
from .stats import CARRY_WEEKS, CHANGE_DAYS, STALE_AFTER, Summary, summarise

NAME = "team"
STORAGE_KEY = "ssi-field-guide:team"
MESSAGES_SHOWN = 12

FIELDS: tuple[Field, ...] = (
    Field("files", "Members' exports (choose several files at once)", "CSV or JSON files exported from the Track"
          " page, or a CSV with the same columns; a “name” column gives one member per name. The files are read"
          " in this browser and sent nowhere.", kind="file", group="files",
          choices=(("accept", ".csv,.json,.txt,text/csv,application/json"), ("multiple", ""))),
    # A choice rather than a checkbox: the page pairs a checkbox with a hidden field of the same name.
    Field("named", "Table with each member's name", "Off unless you need it: see “Coaching, not ranking” below.",
          kind="choice", group="files", default="off",
          choices=(("off", "Off: the team as a whole"), ("on", "On: each member's latest reading by name"))),
)
LEGENDS = {"files": "Your team's files"}


@dataclass
class Session:
    """The team as this page holds it between requests."""

    team: Team = field(default_factory=Team)
    files: list[FileRead] = field(default_factory=list)
    keep: bool = False  # the manager chose to keep the team in the browser
    saved_problem: str = ""  # the kept team could not all be read: the saved text is left alone
    _cached: tuple[Team, date, Summary | None] | None = None

    def summary(self, today: date) -> Summary | None:
        if self._cached is None or self._cached[0] is not self.team or self._cached[1] != today:
            self._cached = (self.team, today, summarise(self.team, today))
        return self._cached[2]


SESSION = Session()


@dataclass
class Answer:
    messages: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    download: Download | None = None
    store: str | None = None


def _sort(value: str) -> str:
    return value if value.lstrip("-") in report.COLUMNS else "name"


def handle(request: WebRequest, session: Session | None = None, today: date | None = None) -> Response:
    """Answer one request of the page; never raises for anything a person or their files can send."""
    s = SESSION if session is None else session
    day = today or date.today()
    kept = form_values(request)
    out = Answer()
    _restore(s, request.stored or "", out)
    before = s.team
    s.team = rename(s.team, {k.removeprefix("name_"): v for k, v in kept.items() if k.startswith("name_")})
    action, _, argument = request.action.partition(":")
    _apply(s, action, argument, request, day, out, kept)
    if s.keep and out.store is None and (s.team is not before or action == "keep"):
        _keep(s, out)
    sort = _sort(argument if action == "sort" else kept.get("sort", "name"))
    page = view.Page(s.team, s.summary(day), s.files, out.messages, kept.get("named") == "on", sort, s.keep,
                     s.saved_problem)
    response = Response(ok=not out.errors, html=view.render(page, Context.for_root(request.root)),
                        errors=out.errors, values=kept)
    if out.store is not None:
        response["store"] = out.store
    if out.download is not None:
        response["download"] = out.download
    return response


def _restore(s: Session, stored: str, out: Answer) -> None:
    """Bring back the team kept in this browser, when the page holds none yet."""
    if not stored or s.team.members or s.saved_problem:
        return
    loaded = store.load(stored)
    s.team = loaded.team
    if loaded.problem:
        s.saved_problem, s.keep = loaded.problem, False
        return
    s.keep = True
    if loaded.team.members:
        out.messages.append(f"The team kept in this browser is back: {len(loaded.team.members)} members.")


def _keep(s: Session, out: Answer) -> None:
    text = store.dump(s.team)
    if len(text) > store.MAX_CHARS:
        s.keep = False
        out.store = ""
        out.messages.append(f"The team is too large to keep in this browser ({len(text) / 1e6:.1f} million"
                            f" characters; the limit here is {store.MAX_CHARS / 1e6:.0f} million), so it is no"
                            " longer kept. Download all readings as one CSV to keep a copy.")
        return
    out.store = text


def _files(request: WebRequest) -> tuple[SentFile, ...]:
    if request.files:
        return request.files
    if request.file_name or request.file_text is not None:
        return (SentFile(request.file_name or "the file", request.file_text, request.file_size),)
    return ()


def _load(s: Session, request: WebRequest, day: date, out: Answer) -> None:
    sent = _files(request)
    if not sent:
        out.messages.append("No file came with the request; choose the files again.")
        return
    refused = 0
    said: list[str] = []
    for f in sent:
        read = read_team_file(f.name, f.text, f.size, day)
        s.files.append(read)
        refused += bool(read.problem)
        change = add_file(s.team, read)
        s.team = change.team
        said += [read.problem] if read.problem else list(change.messages)
    out.messages += said[:MESSAGES_SHOWN]
    if len(said) > MESSAGES_SHOWN:
        out.messages.append(f"…and {len(said) - MESSAGES_SHOWN} more; every file is listed under “Files read”.")
    if refused:
        out.errors["files"] = (f"{refused} of {len(sent)} files could not be read (listed under “Files read”);"
                               " the others are loaded.")


def _apply(s: Session, action: str, argument: str, request: WebRequest, day: date, out: Answer,
           kept: dict[str, str]) -> None:
    change: Change | None = None
    if action == "files":
        _load(s, request, day, out)
    elif action == "names":
        out.messages.append("Names saved.")
    elif action == "remove":
        change = remove(s.team, argument)
    elif action == "merge":
        keep_key, _, other = argument.partition(":")
        change = merge_members(s.team, keep_key, other)
    elif action == "apart":
        key, _, index = argument.partition(":")
        member = s.team.get(key)
        files = member.files if member is not None else ()
        change = split_file(s.team, key, files[int(index)] if index.isdigit() and int(index) < len(files) else "")
    elif action == "keep":
        s.keep, s.saved_problem = True, ""
        out.messages.append("The team is now kept in this browser, on this device only.")
    elif action in ("unkeep", "saved-remove"):
        s.keep, s.saved_problem, out.store = False, "", ""
        out.messages.append("Nothing of the team is kept in this browser any more; it stays on this page until"
                            " you close or reload it." if s.team.members else "The saved team was removed.")
    elif action == "forget":
        out.store = "" if s.keep or request.stored else None
        s.team, s.files, s.keep, s.saved_problem = Team(), [], False, ""
        out.messages.append("The team was forgotten: no file or reading of it is held by this page or browser.")
    elif action == "saved-download" and request.stored:
        out.download = Download(name="ssi-team-saved.txt", type="text/plain", text=request.stored)
    elif action in ("report-csv", "readings-csv"):
        _download(s, action, day, out, kept.get("named") == "on")
    if change is not None:
        s.team = change.team
        out.messages += change.messages


def _download(s: Session, action: str, day: date, out: Answer, named: bool) -> None:
    summary = s.summary(day)
    if summary is None:
        out.messages.append("There is nothing to download until a member has a reading.")
    elif action == "report-csv":
        out.download = Download(name=f"ssi-team-report-{day}.csv", type="text/csv",
                                text=report.to_csv(summary, named))
    else:
        out.download = Download(name=f"team-readings-{day}.csv", type="text/csv",
                                text=report.readings_csv(s.team))


# ---- the mode without a browser: the build's first render, and the command line ---------------------------


def run(values: Parsed) -> view.Page:
    return view.Page(Team(), None)


def render_html(page: view.Page, ctx: Context) -> str:
    return view.render(page, ctx)


def render_text(page: view.Page) -> str:
    return report.to_text(page.summary, page.files, page.named)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="members' CSV or JSON exports from the Track page")
    parser.add_argument("--today", default="", help="the date to measure old readings against (default: today)")
    parser.add_argument("--named", action="store_true", help="add a table of members by name")
    parser.add_argument("--csv", action="store_true", help="print the report as CSV")


def main(args: argparse.Namespace) -> int:
    try:
        day = date.fromisoformat(args.today) if args.today else date.today()
    except ValueError:
        print(f"--today {args.today!r}: use YYYY-MM-DD", file=sys.stderr)
        return 2
    team, failed = Team(), False
    reads: list[FileRead] = []
    notes: list[str] = []
    for name in args.files:
        path = Path(name)
        try:
            size = path.stat().st_size
            text = path.read_bytes().decode("utf-8", errors="replace") if size <= MAX_BYTES else None
        except OSError as error:
            print(f"{name}: {error.strerror or error}", file=sys.stderr)
            failed = True
            continue
        read = read_team_file(path.name, text, size, day)
        if read.problem:
            print(read.problem, file=sys.stderr)
            failed = True
        reads.append(read)
        change = add_file(team, read)
        if change.merged_into or (read.found and change.team is team):  # merged, or nothing new: worth a word
            notes += change.messages
        team = change.team
    summary = summarise(team, day)
    if args.csv and summary is not None:
        sys.stdout.write(report.to_csv(summary, args.named))
    else:
        (sys.stdout if summary is not None else sys.stderr).write(report.to_text(summary, reads, args.named, notes))
    return 2 if failed or summary is None else 0


def describe() -> str:
    return (
        "<ul>"
        "<li><strong>Latest totals</strong>: each member's newest reading; the total is the sum of the pillars,"
        " as LinkedIn computes it.</li>"
        "<li><strong>Median and quartiles</strong>: the middle value, and the values a quarter and three quarters"
        " of the way up the team (between two members, the point between them in proportion). The middle half"
        " of the team lies between the two quartiles.</li>"
        "<li><strong>The pillar the team lags on</strong>: the pillar with the lowest median.</li>"
        f"<li><strong>Over time</strong>: for each week (Monday to Sunday), the median of each member's latest"
        f" reading of that week or of the {CARRY_WEEKS - 1} weeks before, so a member who reads every other week"
        " still counts.</li>"
        f"<li><strong>Old readings</strong>: a latest reading more than {STALE_AFTER} days before today.</li>"
        f"<li><strong>Change</strong>: a member's latest total minus their newest total at least {CHANGE_DAYS}"
        " days older.</li>"
        "<li><strong>Estimated industry rank</strong> (table with names only): where a file gives no dashboard"
        " rank, the range our rank model gives for the total; marked as an estimate.</li>"
        "</ul>"
    )


MODE: Mode[view.Page] = Mode(
    name=NAME,
    title="Team view",
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
