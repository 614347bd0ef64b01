"""The "Track my SSI" mode: readings kept in the browser, changed by buttons, and the trend they show.

The handler is stateless: every request brings the saved text (``request.stored``); the handler reads it,
applies the one action the person took, renders the whole view, and returns ``store`` only when the readings
changed. When the saved text is damaged, nothing is written over it until the person has chosen what to do
(download it as it is, or keep the readings that could be read, with the rest kept aside).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..fields import Field, Parsed, parse_form
from ..html import Context, esc, link
from ..modes import Download, Mode, Response, WebRequest
from . import chart, csvio, explain_view, file_checks, goal, paste_view, storage, tools_view, trend
from .readings import (
    LABELS,
    LIMITS,
    PILLAR_TITLES,
    PILLARS,
    VALUES,
    History,
    Reading,
    ReadingError,
    make_reading,
    merge,
    plain,
    read_date,
    remove,
    upsert,
)

NAME = "track"
STORAGE_KEY = "ssi-field-guide:readings"
FORM_ID = f"{NAME}-form"
# Unreadable saved text up to this size is kept aside inside the new saved text; larger would risk the quota.
SET_ASIDE_MAX = 1_000_000
SHOWN = (("20", "The latest 20"), ("100", "The latest 100"), ("all", "All readings"))
CHANGES = frozenset({"add", "delete", "save-edit", "confirm-paste", "import", "restore", "discard-set-aside"})
REJECTED_SHOWN = 200
HOW = "calculator/track/#how-the-figures-are-worked-out"


def _number_field(name: str, help_text: str, group: str, required: bool = False) -> Field:
    limit = LIMITS[name]
    return Field(name, LABELS[name], help_text, limit.low, limit.high, places=limit.places, required=required,
                 group=group, percent=name.endswith("_rank"),
                 what="pillar score" if name in PILLARS else "rank" if name.endswith("_rank") else "average")


FIELDS: tuple[Field, ...] = (
    Field("date", "Date", "As YYYY-MM-DD, e.g. 2026-05-19. Leave empty for today.", kind="text", group="reading",
          what="date"),
    *(_number_field(p, "0 to 25, as on your dashboard (decimals allowed)", "reading", True) for p in PILLARS),
    _number_field("industry_rank", "Optional: the N of “Top N%”", "context"),
    _number_field("network_rank", "Optional: the N of “Top N%”", "context"),
    _number_field("industry_average", "Optional: “average SSI of …” for your industry", "context"),
    _number_field("network_average", "Optional: “average SSI of …” for your network", "context"),
    Field("note", "Note", "Optional: what you did that week, in a few words.", kind="text", group="context"),
    Field("paste", "Pasted dashboard text", "On your SSI page select all (Ctrl+A or ⌘A), copy, and paste here."
          " Nothing is saved until you confirm.", kind="textarea", group="paste"),
    Field("import", "Import a file (CSV or JSON)", "An export from this page, or a CSV with a date column and the"
          " four pillars. Saved readings are never removed.", kind="file", group="file",
          choices=(("accept", ".csv,.json,.txt,text/csv,application/json"),)),
    Field("shown", "Readings listed", "How many readings the list below shows.", kind="choice", group="file",
          choices=SHOWN, default="20"),
    *explain_view.GOAL_FIELDS,
)

LEGENDS = {
    "reading": "Add a reading (one per date: a second one for the same date replaces the first)",
    "context": "Your ranks and averages, and a note (optional)",
    "paste": "Or paste your whole SSI page",
    "file": "Import, and the list",
    "goal": explain_view.GOAL_LEGEND,
}


# ---- the state of one request -------------------------------------------------------------------------------


@dataclass
class View:
    """Everything the page shows for one request, filled in as the action is applied."""

    history: History
    loaded: storage.Loaded
    today: date
    messages: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    store: str | None = None
    download: Download | None = None
    undo: str = ""  # data-action restoring a deleted reading
    import_report: str = ""
    paste: paste_view.Preview | None = None
    example: bool = False  # the example history is shown instead of the saved readings; nothing is saved
    editing: Reading | None = None
    edit_values: dict[str, str] = field(default_factory=dict)
    edit_errors: dict[str, str] = field(default_factory=dict)
    set_aside: tuple[str, ...] = ()

    def save(self, history: History, set_aside: tuple[str, ...] | None = None) -> None:
        if self.example:  # pragma: no cover - handle() refuses every change while the example is shown
            raise RuntimeError("the example history is never saved")
        self.history = history
        if set_aside is not None:
            self.set_aside = set_aside
        self.store = storage.dump(history, self.set_aside)
        storage.remember(self.store, history, self.set_aside)


def _values(request: WebRequest) -> dict[str, str]:
    return {k: v for k, v in request.values.items() if isinstance(k, str) and isinstance(v, str)}


def handle(request: WebRequest, today: date | None = None) -> Response:
    """Answer one request of the page; never raises for anything a person or their saved data can send."""
    ctx = Context.for_root(request.root)
    kept = _values(request)
    loaded = storage.load(request.stored)
    view = View(loaded.readings, loaded, today or date.today(), set_aside=loaded.set_aside)
    action, _, argument = request.action.partition(":")
    view.example = tools_view.example_on(kept, action)
    if view.example:
        view.history = tools_view.example()
    if view.example and (action in CHANGES or action == "keep-valid"):
        view.messages.append(tools_view.refused(action))
    elif action in CHANGES and loaded.damaged:
        view.messages.append("Nothing was changed yet: part of your saved data could not be read (see above)."
                             " Download it first, or choose to keep the readings that could be read; then try"
                             " again.")
    else:
        _apply(view, action, argument, request, kept)
    if kept.get("paste", "").strip() and action != "confirm-paste":
        _preview_paste(view, kept)
    if view.editing is None and action not in ("save-edit", "cancel-edit", "edit") and kept.get("edit_date"):
        _reopen_edit(view, kept)
    aim, goal_errors = explain_view.goal_from(kept, view.today)
    view.errors.update(goal_errors)
    html = render(view, ctx, kept.get("shown", "20"), explain_view.goal_html(view.history, aim, view.today))
    response = Response(ok=not view.errors and not view.edit_errors, html=html, errors=view.errors, values=kept)
    if view.store is not None:
        response["store"] = view.store
    if view.download is not None:
        response["download"] = view.download
    return response


def _apply(view: View, action: str, argument: str, request: WebRequest, kept: dict[str, str]) -> None:
    if action == "add":
        _add(view, kept)
    elif action == "delete":
        _delete(view, argument)
    elif action == "restore":
        _restore(view, argument)
    elif action == "edit":
        _open_edit(view, argument)
    elif action == "save-edit":
        _save_edit(view, kept)
    elif action == "confirm-paste":
        _confirm_paste(view, kept)
    elif action == "import":
        _import(view, request)
    elif action in ("export-csv", "export-json"):
        _export(view, action)
    elif action == "download-raw":
        _download_raw(view, request.stored)
    elif action == "keep-valid":
        _keep_valid(view)
    elif action == "reminder":
        view.download, message = tools_view.reminder(argument, view.today)
        view.messages.append(message)
    elif action == "discard-set-aside":
        view.save(view.history, ())
        view.messages.append("The unreadable text that was kept aside has been discarded.")


def _form_date(kept: dict[str, str], view: View) -> tuple[str, str]:
    """The date typed in the form (today when empty) as text, and a message when it is not a date."""
    raw = kept.get("date", "").strip() or view.today.isoformat()
    try:
        read_date(raw, view.today)
    except ReadingError as error:
        return raw, str(error)[:1].upper() + str(error)[1:] + "."
    return raw, ""


def _add(view: View, kept: dict[str, str]) -> None:
    parsed, errors = parse_form([f for f in FIELDS if f.name in VALUES or f.name == "note"], kept)
    day, date_error = _form_date(kept, view)
    if date_error:
        errors["date"] = date_error
    if errors:
        view.errors = errors
        view.messages.append("The reading was not saved: check the highlighted fields.")
        return
    reading = _reading_from(parsed, day)
    history, old = upsert(view.history, reading)
    view.save(history)
    if old is None:
        view.messages.append(f"Saved the reading of {reading.day} (total {reading.shown_total}).")
    elif old == reading:
        view.messages.append(f"The reading of {reading.day} was already saved with these values.")
    else:
        view.messages.append(f"Replaced the reading of {reading.day}: one reading per date, so the earlier one"
                             f" (total {old.shown_total}) gave way to this one (total {reading.shown_total}).")


def _reading_from(parsed: Parsed, day: str) -> Reading:
    values: dict[str, object] = {n: plain(parsed.number(n)) for n in VALUES}
    reading, errors = make_reading({**values, "date": day, "note": parsed.text("note")})
    assert reading is not None, errors  # every value was checked by the form's own rules
    return reading


def _find(view: View, argument: str) -> Reading | None:
    return next((r for r in view.history if r.day.isoformat() == argument), None)


def _delete(view: View, argument: str) -> None:
    old = _find(view, argument)
    if old is None:
        view.messages.append("That reading is no longer saved; nothing was deleted.")
        return
    history, _ = remove(view.history, old.day)
    view.save(history)
    view.messages.append(f"Deleted the reading of {old.day} (total {old.shown_total}).")
    view.undo = "restore:" + json.dumps(storage.reading_to_dict(old), ensure_ascii=False, separators=(",", ":"))


def _restore(view: View, argument: str) -> None:
    try:
        found = storage.reading_from_dict(json.loads(argument), "the deleted reading")
    except ValueError:
        found = storage.Skipped("the deleted reading", "it could not be read")
    if isinstance(found, storage.Skipped):
        view.messages.append("The deleted reading could not be restored.")
        return
    if _find(view, found.day.isoformat()) not in (None, found):
        view.messages.append(f"A reading for {found.day} has been saved since; the deleted one was not restored.")
        return
    history, _ = upsert(view.history, found)
    view.save(history)
    view.messages.append(f"Restored the reading of {found.day}.")


def _edit_values(r: Reading) -> dict[str, str]:
    return {"edit_date": r.day.isoformat(), **{f"edit_{n}": plain(getattr(r, n)) for n in VALUES},
            "edit_note": r.note}


def _open_edit(view: View, argument: str) -> None:
    found = _find(view, argument)
    if found is None:
        view.messages.append("That reading is no longer saved.")
        return
    view.editing, view.edit_values = found, _edit_values(found)


def _reopen_edit(view: View, kept: dict[str, str]) -> None:
    found = _find(view, kept["edit_date"])
    if found is not None:
        view.editing = found
        view.edit_values = {**_edit_values(found), **{k: v for k, v in kept.items() if k.startswith("edit_")}}


def _save_edit(view: View, kept: dict[str, str]) -> None:
    found = _find(view, kept.get("edit_date", ""))
    if found is None:
        view.messages.append("That reading is no longer saved; nothing was changed.")
        return
    raw = {n: kept.get(f"edit_{n}", "") for n in (*VALUES, "note")}
    reading, errors = make_reading({**raw, "date": found.day.isoformat()})
    if reading is None:
        view.editing, view.edit_values = found, {**_edit_values(found), **kept}
        view.edit_errors = {n: f"{LABELS.get(n, 'Note')}: {m}" for n, m in errors.items()}
        return
    history, _ = upsert(view.history, reading)
    if reading != found:
        view.save(history)
        view.messages.append(f"Saved your changes to the reading of {reading.day}.")
    else:
        view.messages.append(f"The reading of {reading.day} is unchanged.")


def _preview_paste(view: View, kept: dict[str, str]) -> None:
    day, error = _form_date(kept, view)
    view.paste = paste_view.preview(kept, day, kept.get("note", "")[:500])
    if error:
        view.errors["date"] = error


def _confirm_paste(view: View, kept: dict[str, str]) -> None:
    _preview_paste(view, kept)
    reading = view.paste.reading if view.paste is not None and "date" not in view.errors else None
    if reading is None:
        view.messages.append("Nothing was saved: the four pillars are not all there and valid yet (see the boxes"
                             " under “What the pasted text says”).")
        return
    history, old = upsert(view.history, reading)
    view.save(history)
    replaced = "" if old is None or old == reading else " It replaced the earlier reading of that date."
    view.messages.append(f"Saved the pasted reading of {reading.day} (total {reading.shown_total}).{replaced}")


def _import(view: View, request: WebRequest) -> None:
    name = request.file_name or "the file"
    got = csvio.read_file(name, request.file_text, request.file_size, view.today)
    parts: list[str] = []
    if got.problem:
        view.errors["import"] = got.problem
        parts.append(f"<p>{esc(got.problem)}</p>")
    else:
        merged = merge(view.history, got.readings)
        if merged.added:
            view.save(merged.history)
        counts = [f"{len(merged.added)} new reading{'s' if len(merged.added) != 1 else ''} added"]
        if merged.unchanged:
            counts.append(f"{merged.unchanged} already saved")
        if merged.conflicts:
            counts.append(f"{len(merged.conflicts)} kept as saved (the file has different values)")
        if got.rejected:
            counts.append(f"{len(got.rejected)} rejected")
        parts.append(f"<p>From “{esc(name)}” ({esc(got.kind)}): {esc('; '.join(counts))}. Saved readings are never"
                     " removed by an import.</p>")
        if merged.conflicts:
            items = "".join(f"<li>{esc(saved.day)}: saved total {esc(plain(saved.total))}, file total"
                            f" {esc(plain(new.total))}</li>" for saved, new in merged.conflicts[:REJECTED_SHOWN])
            parts.append("<p>Dates already saved with other values (to take the file's values, delete the saved"
                         f" reading and import again):</p><ul>{items}</ul>")
        if got.rejected:
            where = "Line" if got.where == "line" else "Entry"
            items = "".join(f"<li>{where} {esc(r.line)}: {esc(r.reason)}</li>" for r in got.rejected[:REJECTED_SHOWN])
            more = len(got.rejected) - REJECTED_SHOWN
            extra = f"<p>…and {esc(more)} more rejected rows, not listed.</p>" if more > 0 else ""
            parts.append(f"<p>Rejected rows:</p><ol class=\"ssi-rejected\">{items}</ol>{extra}")
            view.errors["import"] = f"{len(got.rejected)} rows were rejected; they are listed below the chart tools."
    view.import_report = "".join(parts)


def _export(view: View, action: str) -> None:
    if not view.history:
        view.messages.append("There are no readings to export yet.")
        return
    stamp = view.history[-1].day.isoformat()
    if action == "export-csv":
        view.download = Download(name=f"ssi-readings-{stamp}.csv", type="text/csv", text=csvio.to_csv(view.history))
    else:
        view.download = Download(name=f"ssi-readings-{stamp}.json", type="application/json",
                                 text=csvio.to_json(view.history))
    view.messages.append(f"Exported {len(view.history)} readings.")


def _download_raw(view: View, stored: str | None) -> None:
    if not stored:
        view.messages.append("Nothing is saved in this browser yet.")
        return
    view.download = Download(name="ssi-saved-data.txt", type="text/plain", text=stored)
    view.messages.append("Your saved data, exactly as this browser holds it, was offered as a download.")


def _keep_valid(view: View) -> None:
    loaded = view.loaded
    if not loaded.damaged:
        return
    raw = loaded.raw or ""
    if len(raw) <= SET_ASIDE_MAX:
        view.save(view.history, (*loaded.set_aside, raw))
        view.messages.append(f"Kept the {len(view.history)} readings that could be read. The saved text as it was"
                             " is kept aside in this browser; you can still download it below.")
    else:
        view.save(view.history, loaded.set_aside)
        view.messages.append(f"Kept the {len(view.history)} readings that could be read; the unreadable text was too"
                             " large to keep aside and was dropped.")
    view.loaded = storage.Loaded(view.history, (), view.set_aside, view.store)


# ---- HTML -------------------------------------------------------------------------------------------------


def _button(action: str, text: str, primary: bool = False, label: str = "") -> str:
    kind = " md-button--primary" if primary else ""
    aria = f' aria-label="{esc(label)}"' if label else ""
    return f'<button type="button" class="md-button{kind}" data-action="{esc(action)}"{aria}>{esc(text)}</button>'


def _damaged_html(view: View) -> str:
    loaded = view.loaded
    if not loaded.damaged:
        return ""
    items = "".join(f"<li>{esc(s.where)}: {esc(s.reason)}</li>" for s in loaded.skipped[:REJECTED_SHOWN])
    more = len(loaded.skipped) - REJECTED_SHOWN
    if more > 0:
        items += f"<li>…and {esc(more)} more.</li>"
    raw = loaded.raw or ""
    keep = ("Keep the readings that could be read (the rest is kept aside)" if len(raw) <= SET_ASIDE_MAX
            else "Keep the readings that could be read and drop the rest")
    return (
        '<div class="ssi-notice ssi-history-damaged" role="alert">'
        f"<p><strong>Part of your saved data could not be read.</strong> {esc(len(view.history))} readings loaded;"
        f" skipped:</p><ul>{items}</ul>"
        "<p>Nothing has been overwritten. Download the saved text as it is first, then choose to go on: until you"
        " do, changes are not saved.</p>"
        f'<p>{_button("download-raw", "Download the saved text as it is", True)} {_button("keep-valid", keep)}</p>'
        "</div>"
    )


def _set_aside_html(view: View) -> str:
    if not view.set_aside or view.loaded.damaged:
        return ""
    size = sum(len(t) for t in view.set_aside)
    return (f'<div class="ssi-notice" role="status"><p>Saved text that could not be read earlier ({esc(f"{size:,}")}'
            " characters) is kept aside in this browser.</p>"
            f'<p>{_button("download-raw", "Download the saved data as it is")} '
            f'{_button("discard-set-aside", "Discard the text kept aside")}</p></div>')


def _messages_html(view: View) -> str:
    if not view.messages and not view.undo:
        return ""
    undo = f" {_button(view.undo, 'Undo')}" if view.undo else ""
    role = "alert" if view.errors else "status"
    return (f'<div class="ssi-notice ssi-history-message" role="{role}">'
            + "".join(f"<p>{esc(m)}</p>" for m in view.messages[:-1])
            + (f"<p>{esc(view.messages[-1])}{undo}</p>" if view.messages else f"<p>{undo}</p>") + "</div>")


def _paste_html(view: View) -> str:
    if view.paste is None:
        return ""
    reading = view.paste.reading
    saved = _find(view, reading.day.isoformat()) if reading is not None else None
    day = reading.day.isoformat() if reading is not None else ""
    return paste_view.render(view.paste, FORM_ID, day, saved)


def _edit_row(view: View) -> str:
    r, values = view.editing, view.edit_values
    assert r is not None
    cells = [f'<input type="hidden" form="{FORM_ID}" name="edit_date" value="{esc(r.day.isoformat())}">']
    for n in (*VALUES, "note"):
        fid = f"{NAME}-edit-{n}"
        label = LABELS.get(n, "Note")
        error = view.edit_errors.get(n, "")
        invalid = ' aria-invalid="true"' if error else ""
        cells.append(f'<div class="ssi-field"><label for="{fid}">{esc(label)}</label>'
                     f'<input id="{fid}" form="{FORM_ID}" name="edit_{n}" type="text" autocomplete="off"'
                     f' value="{esc(values.get(f"edit_{n}", ""))}"{invalid}>'
                     + (f'<p class="ssi-field__error">{esc(error)}</p>' if error else "") + "</div>")
    return (f'<div class="ssi-history-edit" role="group" aria-label="Edit the reading of {esc(r.day)}">'
            f"<h3>Edit the reading of {esc(r.day)}</h3>{''.join(cells)}"
            f"<p>{_button('save-edit', 'Save changes', True)} {_button('cancel-edit', 'Cancel')}</p></div>")


def _changes_html(t: trend.Trend) -> str:
    head = "".join(f'<th scope="col">{esc(c.days)} days</th>' for c in t.changes)
    rows = []
    for name in trend.SERIES:
        cells = "".join(f"<td>{esc(trend.signed(c.deltas[name])) if name in c.deltas else '—'}</td>"
                        for c in t.changes)
        rows.append(f'<tr><th scope="row">{esc(trend.pillar_title(name))}</th>{cells}</tr>')
    bases = "; ".join(f"{c.days} days: against {c.base.day}" for c in t.changes if c.base is not None)
    note = (f"Compared with the reading nearest each period before your latest ({bases})." if bases else
            "Add readings over a week or more to see changes.")
    return (f'<table class="ssi-history-changes"><caption>Change up to your latest reading ({esc(t.latest.day)})'
            f'</caption><thead><tr><th scope="col">Score</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
            f"</table><p class=\"ssi-caveat\">{esc(note)} A dash means the history is not that long yet.</p>")


def _weeks_html(t: trend.Trend) -> str:
    if len(t.weeks) < 2:
        return ""
    rows = "".join(
        f'<tr><th scope="row">{esc(w.start)}</th><td>{esc(w.count)}</td><td>{esc(plain(w.average))}</td>'
        f"<td>{esc(trend.signed(w.change)) if w.change is not None else '—'}</td></tr>"
        for w in reversed(t.weeks)
    )
    return ('<table class="ssi-history-weeks"><caption>Average total per week, newest first</caption><thead><tr>'
            '<th scope="col">Week of (Monday)</th><th scope="col">Readings</th><th scope="col">Average total</th>'
            f'<th scope="col">Change on the week before</th></tr></thead><tbody>{rows}</tbody></table>')


def _moved_html(t: trend.Trend) -> str:
    if t.moved_most is None:
        return ""
    pillar, moved, days = t.moved_most
    way = "up" if moved > 0 else "down"
    return (f"<p>The pillar that moved most over {esc(days)} days: <strong>{esc(PILLAR_TITLES[pillar])}</strong>,"
            f" {esc(way)} {esc(trend.signed(moved))} points.</p>")


def _list_html(view: View, shown: str) -> str:
    ordered = list(reversed(view.history))
    limit = len(ordered) if shown == "all" else int(shown) if shown in ("20", "100") else 20
    rows = []
    for r in ordered[:limit]:
        day = r.day.isoformat()
        ranks = " / ".join(f"top {plain(v)}%" if v is not None else "—" for v in (r.industry_rank, r.network_rank))
        rows.append(
            f'<tr><th scope="row">{esc(day)}</th><td>{esc(r.shown_total)}</td>'
            + "".join(f"<td>{esc(plain(getattr(r, p)))}</td>" for p in PILLARS)
            + f"<td>{esc(ranks)}</td><td>{esc(r.note)}</td>"
            + ("<td>—</td></tr>" if view.example else
               f"<td>{_button('edit:' + day, 'Edit', label=f'Edit the reading of {day}')}"
               f" {_button('delete:' + day, 'Delete', label=f'Delete the reading of {day}')}</td></tr>"))
    more = len(ordered) - limit
    tail = (f"<p>{esc(more)} older readings are not listed; choose “All readings” under “Readings listed” to see"
            " them.</p>" if more > 0 else "")
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in
                   ("Date", "Total", *(chart.SHORT[p] for p in PILLARS), "Ranks (industry / network)", "Note",
                    "Change"))
    return (f'<div class="ssi-table-scroll"><table class="ssi-history-list"><caption>Your readings, newest first'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>{tail}")


def render(view: View, ctx: Context, shown: str = "20", goal_html: str = "") -> str:
    parts = ['<div class="ssi-result-body ssi-history">', _damaged_html(view), _messages_html(view)]
    if view.example:
        parts.append(tools_view.example_banner(FORM_ID, len(view.loaded.readings)))
    save_button = _button("add", "Save this reading", True)
    parts.append(f'<p class="ssi-history-tools">{save_button} uses the values in “Add a reading” above.</p>')
    if view.errors:
        items = "".join(f"<li>{esc(LABELS.get(n, n.capitalize()))}: {esc(m)}</li>" for n, m in view.errors.items())
        parts.append(f'<div class="ssi-notice" role="alert"><p>To fix:</p><ul>{items}</ul></div>')
    if view.import_report:
        parts.append(f'<div class="ssi-notice ssi-history-import" role="status">{view.import_report}</div>')
    parts.append(_paste_html(view))
    if view.editing is not None:
        parts.append(_edit_row(view))
    parts.append(_set_aside_html(view))
    t = trend.analyse(view.history, view.today)
    if t is None:
        parts.append("<p>No readings yet. Add your first one above: a reading a week is enough to see a trend.</p>")
        parts.append(goal_html)
        parts.append(tools_view.example_offer(first_visit=True))
    else:
        days = (t.latest.day - t.first.day).days
        parts.append(
            f'<p class="ssi-total"><span class="ssi-total__value">{esc(t.latest.shown_total)}</span>'
            f'<span class="ssi-total__of"> / 100 on {esc(t.latest.day)}</span></p>'
            f"<p>{esc(t.count)} reading{'s' if t.count != 1 else ''} over {esc(days)} days"
            f" ({esc(t.first.day)} to {esc(t.latest.day)}).</p>")
        if t.warnings:
            parts.append('<div class="ssi-notice ssi-history-warnings" role="status"><ul>'
                         + "".join(f"<li>{esc(w)}</li>" for w in t.warnings) + "</ul></div>")
        parts += [goal_html, _changes_html(t), _moved_html(t), chart.render(view.history),
                  explain_view.moves_html(view.history, ctx), _weeks_html(t)]
        parts.append(f'<p class="ssi-history-tools">{_button("export-csv", "Export CSV")}'
                     f' {_button("export-json", "Export JSON")}'
                     f' {_button("download-raw", "Download the saved data as it is")}</p>')
        parts.append(_list_html(view, shown))
        if not view.example:
            parts.append(tools_view.example_offer(first_visit=False))
    parts.append(tools_view.reminder_html())
    parts.append('<p class="ssi-note">Your readings stay in this browser\'s local storage on this device; nothing is'
                 " sent anywhere. Export now and then to keep a copy. The trend figures are our own arithmetic on"
                 f" your readings; {link(ctx, HOW, 'how they are worked out')}."
                 "</p></div>")
    return "".join(parts)


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
        cells = "  ".join(f"{trend.signed(c.deltas[name]) if name in c.deltas else '—':>8}" for c in t.changes)
        lines.append(f"{trend.pillar_title(name):<{width}}  {cells}")
    if t.moved_most is not None:
        pillar, moved, over = t.moved_most
        lines += ["", f"Moved most over {over} days: {PILLAR_TITLES[pillar]} ({trend.signed(moved)})"]
    if len(t.weeks) > 1:
        lines += ["", "Week of      readings  average  change"]
        lines += [f"{w.start}  {w.count:>8}  {plain(w.average):>7}  "
                  f"{trend.signed(w.change) if w.change is not None else '—':>6}" for w in reversed(t.weeks)]
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
        text = path.read_bytes().decode("utf-8", errors="replace") if size <= csvio.MAX_BYTES else None
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
    got = csvio.read_file(path.name, text, size, today)
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
    )


def _custom(request: WebRequest) -> Response:
    return handle(request)


MODE: Mode[Report] = Mode(
    name=NAME,
    title="Track my SSI",
    fields=FIELDS,
    legends=LEGENDS,
    run=run,
    render_html=render_html,
    render_text=render_text,
    describe=describe,
    custom=_custom,
    storage_key=STORAGE_KEY,
    add_arguments=add_arguments,
    main=main,
)
