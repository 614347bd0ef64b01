"""What each button of the tracker does to the readings, looked up in one table (:data:`ACTIONS`).

A request names one action, optionally with an argument after a colon (``delete:2026-05-19``). Its handler
changes the :class:`View` of this request: the readings, the messages to show, what to save and what to offer
as a download. Nothing here writes HTML (that is :mod:`.render`); :func:`apply` never raises for anything a
person or their saved data can send.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ..fields import FieldError, FormErrors, parse_form
from ..modes import Download, WebRequest
from . import csvio, explain_view, goal, paste_view, storage, tools_view
from .form import FIELDS
from .readings import LABELS, VALUES, History, Reading, make_reading, merge, plain, read_date, remove, upsert
from .sync import Conflict

# Unreadable saved text up to this size is kept aside inside the new saved text; larger would risk the quota.
SET_ASIDE_MAX = 1_000_000
_ADD_FIELDS = tuple(f for f in FIELDS if f.name in VALUES or f.name == "note")


@dataclass
class View:
    """Everything the page shows for one request, filled in as the action is applied."""

    history: History
    loaded: storage.Loaded
    today: date
    kept: dict[str, str] = field(default_factory=dict)  # the form values as sent
    request: WebRequest | None = None
    messages: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    store: str | None = None
    download: Download | None = None
    undo: str = ""  # data-action restoring a deleted reading
    imported: csvio.ImportNote | None = None  # what an import did
    said: list[str] = field(default_factory=list)  # what the saves of this request did (when they are stored)
    changed: bool = False  # the readings or the text kept aside changed: the saved text is to be written
    conflicts: list[Conflict] = field(default_factory=list)  # dates another tab changed too (sync.py)
    not_stored: str = ""  # why the saves of this request are not in the browser's storage, when they are not
    paste: paste_view.Preview | None = None
    example: bool = False  # the example history is shown instead of the saved readings; nothing is saved
    aim: goal.Goal | None = None
    editing: Reading | None = None
    edit_values: dict[str, str] = field(default_factory=dict)
    edit_errors: dict[str, str] = field(default_factory=dict)
    set_aside: tuple[str, ...] = ()

    def save(self, history: History, said: str, set_aside: tuple[str, ...] | None = None) -> None:
        """Change what is kept; ``said`` tells the person (saves.py writes the text once, at the end)."""
        if self.example:  # pragma: no cover - apply() refuses every change while the example is shown
            raise RuntimeError("the example history is never saved")
        self.history = history
        if set_aside is not None:
            self.set_aside = set_aside
        self.changed = True
        self.said.append(said)

    def find(self, day: str) -> Reading | None:
        return next((r for r in self.history if r.day.isoformat() == day), None)


@dataclass(frozen=True)
class Action:
    """One button's handler. ``changes``: it changes the saved readings, so it waits while the saved text is
    damaged. ``edits``: it opens or closes the edit row itself (other requests keep an open row open)."""

    run: Callable[[View, str], None]
    changes: bool = False
    edits: bool = False


def view_for(request: WebRequest, kept: dict[str, str], today: date) -> View:
    loaded = storage.load(request.stored)
    return View(loaded.readings, loaded, today, kept, request, set_aside=loaded.set_aside)


def apply(view: View, request_action: str) -> None:
    """Apply the action a request names, then the follow-ups any request gets (paste preview, open edit row)."""
    name, _, argument = request_action.partition(":")
    action = ACTIONS.get(name)
    view.example = tools_view.example_on(view.kept, name)
    if view.example:
        view.history = tools_view.example()
    if action is not None and view.example and (action.changes or name == "keep-valid"):
        view.messages.append(tools_view.refused(name))
    elif action is not None and action.changes and view.loaded.damaged:
        view.messages.append("Nothing was changed yet: part of your saved data could not be read (see above)."
                             " Download it first, or choose to keep the readings that could be read; then try"
                             " again.")
    elif action is not None:
        action.run(view, argument)
    kept = view.kept
    if kept.get("paste", "").strip() and name != "confirm-paste":
        _preview_paste(view)
    if view.editing is None and not (action and action.edits) and kept.get("edit_date"):
        _reopen_edit(view)
    view.aim, goal_errors = explain_view.goal_from(kept, view.today)
    view.errors.update(goal_errors)


def _form_date(view: View) -> tuple[str, str]:
    """The date typed in the form (today when empty) as YYYY-MM-DD in ASCII digits when it is a date (as
    typed when not), and a message when it is not a date."""
    raw = view.kept.get("date", "").strip() or view.today.isoformat()
    try:
        return read_date(raw, view.today).isoformat(), ""
    except FieldError as error:
        return raw, str(error)[:1].upper() + str(error)[1:] + "."


def _add(view: View, _: str) -> None:
    errors: dict[str, str] = {}
    try:
        parsed = parse_form(_ADD_FIELDS, view.kept)
    except FormErrors as problem:
        errors = problem.errors
    day, date_error = _form_date(view)
    if date_error:
        errors["date"] = date_error
    if errors:
        view.errors = errors
        view.messages.append("The reading was not saved: check the highlighted fields.")
        return
    view.messages.extend(f"{LABELS[n]}: {note}" for n, note in parsed.notes.items())
    # every value was checked by the form's own rules, which are the reading's
    reading = make_reading({**{n: plain(parsed.number(n)) for n in VALUES}, "date": day, "note": parsed.text("note")})
    history, old = upsert(view.history, reading)
    if old is None:
        view.save(history, f"Saved the reading of {reading.day} (total {reading.shown_total}).")
    elif old == reading:
        view.messages.append(f"The reading of {reading.day} was already saved with these values.")
    else:
        view.save(history, f"Replaced the reading of {reading.day}: one reading per date, so the earlier one"
                           f" (total {old.shown_total}) gave way to this one (total {reading.shown_total}).")


def _delete(view: View, day: str) -> None:
    old = view.find(day)
    if old is None:
        view.messages.append("That reading is no longer saved; nothing was deleted.")
        return
    history = remove(view.history, old.day)[0]
    view.save(history, f"Deleted the reading of {old.day} (total {old.shown_total}).")
    view.undo = "restore:" + storage.reading_argument(old)


def _restore(view: View, argument: str) -> None:
    found = storage.reading_from_argument(argument)
    if found is None:
        view.messages.append("The deleted reading could not be restored.")
        return
    if view.find(found.day.isoformat()) not in (None, found):
        view.messages.append(f"A reading for {found.day} has been saved since; the deleted one was not restored.")
        return
    view.save(upsert(view.history, found)[0], f"Restored the reading of {found.day}.")


def _use(view: View, argument: str) -> None:
    """This tab's reading for a date another tab saved differently meanwhile: the person chose it."""
    found = storage.reading_from_argument(argument)
    if found is None:
        view.messages.append("This tab's reading could not be read; nothing was changed.")
        return
    view.save(upsert(view.history, found)[0], f"Saved this tab's reading of {found.day} (total {found.shown_total}).")


def _edit_values(r: Reading) -> dict[str, str]:
    return {"edit_date": r.day.isoformat(), **{f"edit_{n}": plain(getattr(r, n)) for n in VALUES},
            "edit_note": r.note}


def _open_edit(view: View, day: str) -> None:
    found = view.find(day)
    if found is None:
        view.messages.append("That reading is no longer saved.")
        return
    view.editing, view.edit_values = found, _edit_values(found)


def _reopen_edit(view: View) -> None:
    found = view.find(view.kept["edit_date"])
    if found is not None:
        view.editing = found
        view.edit_values = {**_edit_values(found), **{k: v for k, v in view.kept.items() if k.startswith("edit_")}}


def _save_edit(view: View, _: str) -> None:
    kept = view.kept
    found = view.find(kept.get("edit_date", ""))
    if found is None:
        view.messages.append("That reading is no longer saved; nothing was changed.")
        return
    raw = {n: kept.get(f"edit_{n}", "") for n in (*VALUES, "note")}
    try:
        reading = make_reading({**raw, "date": found.day.isoformat()})
    except FormErrors as problem:
        view.editing, view.edit_values = found, {**_edit_values(found), **kept}
        view.edit_errors = {n: f"{LABELS.get(n, 'Note')}: {m}" for n, m in problem.errors.items()}
        return
    history = upsert(view.history, reading)[0]
    if reading != found:
        view.save(history, f"Saved your changes to the reading of {reading.day}.")
    else:
        view.messages.append(f"The reading of {reading.day} is unchanged.")


def _preview_paste(view: View) -> None:
    day, date_error = _form_date(view)
    view.paste = paste_view.preview(view.kept, day, view.kept.get("note", "")[:500])
    if date_error:
        view.errors["date"] = date_error


def _confirm_paste(view: View, _: str) -> None:
    _preview_paste(view)
    reading = view.paste.reading if view.paste is not None and "date" not in view.errors else None
    if reading is None:
        view.messages.append("Nothing was saved: the four pillars are not all there and valid yet (see the boxes"
                             " under “What the pasted text says”).")
        return
    history, old = upsert(view.history, reading)
    replaced = "" if old is None or old == reading else " It replaced the earlier reading of that date."
    view.save(history, f"Saved the pasted reading of {reading.day} (total {reading.shown_total}).{replaced}")


def _reminder(view: View, every: str) -> None:
    view.download, message = tools_view.reminder(every, view.today)
    view.messages.append(message)


def _nothing(view: View, _: str) -> None:
    """Showing or leaving the example needs no work here: :func:`apply` decides what is shown."""


def _import(view: View, _: str) -> None:
    request = view.request or WebRequest("", {})
    name = request.file_name or "the file"
    if request.file_bytes is not None:
        got = csvio.read_upload(name, request.file_bytes, request.file_size, view.today)
    else:
        got = csvio.read_file(name, request.file_text, request.file_size, view.today)
    if got.problem:
        view.errors["import"] = got.problem
        view.imported = csvio.note_for(name, got, None)
        return
    merged = merge(view.history, got.readings)
    view.imported = csvio.note_for(name, got, merged)
    if merged.added:
        view.save(merged.history, view.imported.summary)
    if got.rejected:
        view.errors["import"] = f"{len(got.rejected)} rows were rejected; they are listed below the chart tools."


def _export(kind: str) -> Callable[[View, str], None]:
    def export(view: View, _: str) -> None:
        if not view.history:
            view.messages.append("There are no readings to export yet.")
            return
        stamp = view.history[-1].day.isoformat()
        if kind == "csv":
            view.download = Download(name=f"ssi-readings-{stamp}.csv", type="text/csv",
                                     text=csvio.to_csv(view.history))
        else:
            view.download = Download(name=f"ssi-readings-{stamp}.json", type="application/json",
                                     text=csvio.to_json(view.history))
        view.messages.append(f"Exported {len(view.history)} readings.")
    return export


def _download_raw(view: View, _: str) -> None:
    stored = view.request.stored if view.request else None
    if not stored:
        view.messages.append("Nothing is saved in this browser yet.")
        return
    view.download = Download(name="ssi-saved-data.txt", type="text/plain", text=stored)
    view.messages.append("Your saved data, exactly as this browser holds it, was offered as a download.")


def _keep_valid(view: View, _: str) -> None:
    loaded = view.loaded
    if not loaded.damaged:
        return
    raw = loaded.raw or ""
    if len(raw) <= SET_ASIDE_MAX:
        view.save(view.history, f"Kept the {len(view.history)} readings that could be read. The saved text as it"
                  " was is kept aside in this browser; you can still download it below.", (*loaded.set_aside, raw))
    else:
        view.save(view.history, f"Kept the {len(view.history)} readings that could be read; the unreadable text"
                  " was too large to keep aside and was dropped.", loaded.set_aside)
    view.loaded = storage.Loaded(loaded.readings, (), view.set_aside, writes=loaded.writes)


def _discard_set_aside(view: View, _: str) -> None:
    view.save(view.history, "The unreadable text that was kept aside has been discarded.", ())


def _cancel_edit(view: View, _: str) -> None:
    """Closing the edit row needs no work: the row is simply not opened again."""


ACTIONS: dict[str, Action] = {
    "add": Action(_add, changes=True),
    "delete": Action(_delete, changes=True),
    "restore": Action(_restore, changes=True),
    "use": Action(_use, changes=True),
    "edit": Action(_open_edit, edits=True),
    "save-edit": Action(_save_edit, changes=True, edits=True),
    "cancel-edit": Action(_cancel_edit, edits=True),
    "confirm-paste": Action(_confirm_paste, changes=True),
    "import": Action(_import, changes=True),
    "export-csv": Action(_export("csv")),
    "export-json": Action(_export("json")),
    "download-raw": Action(_download_raw),
    "keep-valid": Action(_keep_valid),  # the repair itself: allowed while the saved text is damaged
    "discard-set-aside": Action(_discard_set_aside, changes=True),
    "example": Action(_nothing),
    "leave-example": Action(_nothing),
    "reminder": Action(_reminder),
}
