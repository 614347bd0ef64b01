"""The tracker's page below the form, as HTML: messages, the paste preview, the edit row, the trend, the
charts and the list of readings. Every value goes through ``esc``; every button names an action of
:data:`.actions.ACTIONS`.
"""

from __future__ import annotations

from ..html import Context, button, esc, link, row, scroll_box, signed, table
from ..pillars import Pillar
from . import chart, csvio, explain_view, paste_view, storage, tools_view, trend
from .actions import SET_ASIDE_MAX, View
from .form import FORM_ID, NAME
from .readings import LABELS, PILLARS, VALUES, plain
from .sync import Conflict

REJECTED_SHOWN = 200
CONFLICTS_SHOWN = 50
HOW = "calculator/track/#how-the-figures-are-worked-out"


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
        f'<p>{button("download-raw", "Download the saved text as it is", True)} {button("keep-valid", keep)}</p>'
        "</div>"
    )


def _set_aside_html(view: View) -> str:
    if not view.set_aside or view.loaded.damaged:
        return ""
    size = sum(len(t) for t in view.set_aside)
    return (f'<div class="ssi-notice" role="status"><p>Saved text that could not be read earlier ({esc(f"{size:,}")}'
            " characters) is kept aside in this browser.</p>"
            f'<p>{button("download-raw", "Download the saved data as it is")} '
            f'{button("discard-set-aside", "Discard the text kept aside")}</p></div>')


def _messages_html(view: View) -> str:
    """What the request did: its saves (or that the browser refused them), other messages, and the dates
    another tab changed too, each with the button to take this tab's reading instead."""
    messages = [view.not_stored] if view.not_stored else [*view.said]
    messages += view.messages
    if not messages and not view.undo and not view.conflicts:
        return ""
    undo = f" {button(view.undo, 'Undo')}" if view.undo else ""
    role = "alert" if view.errors or view.not_stored or view.conflicts else "status"
    return (f'<div class="ssi-notice ssi-history-message" role="{role}">'
            + "".join(f"<p>{esc(m)}</p>" for m in messages[:-1])
            + (f"<p>{esc(messages[-1])}{undo}</p>" if messages else f"<p>{undo}</p>" if undo else "")
            + "".join(_conflict_html(c) for c in view.conflicts[:CONFLICTS_SHOWN]) + "</div>")


def _conflict_html(c: Conflict) -> str:
    if c.ours is None:
        assert c.theirs is not None  # a date neither tab has would be no conflict
        return (f"<p>Another tab changed the reading of {esc(c.day)} (now total {esc(c.theirs.shown_total)}) while"
                f" this tab deleted it; the changed reading is kept. "
                f"{button(f'delete:{c.day}', 'Delete it', label=f'Delete the reading of {c.day}')}</p>")
    use = button("use:" + storage.reading_argument(c.ours),
                 f"Use this tab's reading (total {c.ours.shown_total})", label=f"Use this tab's reading of {c.day}")
    if c.theirs is None:
        return (f"<p>Another tab deleted the reading of {esc(c.day)} while this tab saved it (total"
                f" {esc(c.ours.shown_total)}); it stays deleted. {use}</p>")
    return (f"<p>Another tab saved a different reading for {esc(c.day)} (total {esc(c.theirs.shown_total)}) while"
            f" this tab saved one (total {esc(c.ours.shown_total)}); the other tab's is kept. {use}</p>")


def _paste_html(view: View) -> str:
    if view.paste is None:
        return ""
    reading = view.paste.reading
    saved = view.find(reading.day.isoformat()) if reading is not None else None
    day = reading.day.isoformat() if reading else ""
    return paste_view.render(view.paste, FORM_ID, day, saved, can_save=not view.example)


def _edit_row(view: View) -> str:
    r, values = view.editing, view.edit_values
    assert r is not None
    cells = [f'<input type="hidden" form="{FORM_ID}" name="edit_date" value="{esc(r.day.isoformat())}">']
    for n in (*VALUES, "note"):
        fid = f"{NAME}-edit-{n}"
        label = LABELS.get(n, "Note")
        error = view.edit_errors.get(n, "")
        invalid = ' aria-invalid="true"' if error else ""
        keyboard = "" if n == "note" else ' inputmode="decimal"'
        cells.append(f'<div class="ssi-field"><label for="{fid}">{esc(label)}</label>'
                     f'<input id="{fid}" form="{FORM_ID}" name="edit_{n}" type="text"{keyboard} autocomplete="off"'
                     f' value="{esc(values.get(f"edit_{n}", ""))}"{invalid}>'
                     + (f'<p class="ssi-field__error">{esc(error)}</p>' if error else "") + "</div>")
    return (f'<div class="ssi-history-edit" role="group" aria-label="Edit the reading of {esc(r.day)}">'
            f"<h3>Edit the reading of {esc(r.day)}</h3>{''.join(cells)}"
            f"<p>{button('save-edit', 'Save changes', True)} {button('cancel-edit', 'Cancel')}</p></div>")


def _changes_html(t: trend.Trend) -> str:
    rows = [row(trend.pillar_title(name), *(esc(signed(c.deltas[name], None)) if name in c.deltas else "—"
                                            for c in t.changes))
            for name in trend.SERIES]
    bases = "; ".join(f"{c.days} days: against {c.base.day}" for c in t.changes if c.base is not None)
    note = (f"Compared with the reading nearest each period before your latest ({bases})." if bases else
            "Add readings over a week or more to see changes.")
    head = ["Score", *(f"{c.days} days" for c in t.changes)]
    return (table(f"Change up to your latest reading ({t.latest.day})", head, rows, css="ssi-history-changes")
            + f'<p class="ssi-caveat">{esc(note)} A dash means the history is not that long yet.</p>')


def _weeks_html(t: trend.Trend) -> str:
    if len(t.weeks) < 2:
        return ""
    rows = (row(str(w.start), esc(w.count), esc(plain(w.average)),
                esc(signed(w.change, None)) if w.change is not None else "—") for w in reversed(t.weeks))
    return table("Average total per week, newest first",
                 ("Week of (Monday)", "Readings", "Average total", "Change on the week before"), rows,
                 css="ssi-history-weeks")


def _moved_html(t: trend.Trend) -> str:
    if t.moved_most is None:
        return ""
    pillar, moved, days = t.moved_most
    way = "up" if moved > 0 else "down"
    return (f"<p>The pillar that moved most over {esc(days)} days: <strong>{esc(LABELS[pillar])}</strong>,"
            f" {esc(way)} {esc(signed(moved, None))} points.</p>")


def _list_html(view: View, shown: str) -> str:
    ordered = list(reversed(view.history))
    limit = len(ordered) if shown == "all" else int(shown) if shown in ("20", "100") else 20
    rows = []
    for r in ordered[:limit]:
        day = r.day.isoformat()
        ranks = " / ".join(f"top {plain(v)}%" if v is not None else "—" for v in (r.industry_rank, r.network_rank))
        change = ("—" if view.example else  # the example is never changed
                  f"{button('edit:' + day, 'Edit', label=f'Edit the reading of {day}')}"
                  f" {button('delete:' + day, 'Delete', label=f'Delete the reading of {day}')}")
        rows.append(row(day, esc(r.shown_total), *(esc(plain(getattr(r, p))) for p in PILLARS), esc(ranks),
                        esc(r.note), change))
    more = len(ordered) - limit
    tail = (f"<p>{esc(more)} older readings are not listed; choose “All readings” under “Readings listed” to see"
            " them.</p>" if more > 0 else "")
    head = ("Date", "Total", *(Pillar(p).short for p in PILLARS), "Ranks (industry / network)", "Note", "Change")
    caption = "Your readings, newest first"
    return scroll_box(caption, table(caption, head, rows, css="ssi-history-list")) + tail


def render(view: View, ctx: Context, shown: str = "20") -> str:
    parts = ['<div class="ssi-result-body ssi-history">', _damaged_html(view), _messages_html(view)]
    if view.example:
        parts.append(tools_view.example_banner(FORM_ID, len(view.loaded.readings)))
    if not view.example:  # nothing is saved while the example is shown
        save_button = button("add", "Save this reading", True)
        parts.append(f'<p class="ssi-history-tools">{save_button} uses the values in “Add a reading” above.</p>')
    if view.errors:
        items = "".join(f"<li>{esc(LABELS.get(n, n.capitalize()))}: {esc(m)}</li>" for n, m in view.errors.items())
        parts.append(f'<div class="ssi-notice" role="alert"><p>To fix:</p><ul>{items}</ul></div>')
    if view.imported is not None:
        parts.append(f'<div class="ssi-notice ssi-history-import" role="status">{_import_html(view.imported)}</div>')
    parts.append(_paste_html(view))
    if view.editing is not None:
        parts.append(_edit_row(view))
    parts.append(_set_aside_html(view))
    t = trend.analyse(view.history, view.today)
    if t is None:
        parts.append("<p>No readings yet. Add your first one above: a reading a week is enough to see a trend.</p>")
        parts.append(explain_view.goal_html(view.history, view.aim, view.today))
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
        parts += [explain_view.goal_html(view.history, view.aim, view.today), _changes_html(t), _moved_html(t),
                  chart.render(view.history), explain_view.moves_html(view.history, ctx), _weeks_html(t)]
        parts.append(f'<p class="ssi-history-tools">{button("export-csv", "Export CSV")}'
                     f' {button("export-json", "Export JSON")}'
                     f' {button("download-raw", "Download the saved data as it is")}</p>')
        parts.append(_list_html(view, shown))
        if not view.example:
            parts.append(tools_view.example_offer(first_visit=False))
    parts.append(tools_view.reminder_html())
    parts.append('<p class="ssi-note">Your readings stay in this browser\'s local storage on this device; nothing is'
                 " sent anywhere. Export now and then to keep a copy. The trend figures are our own arithmetic on"
                 f" your readings; {link(ctx, HOW, 'how they are worked out')}."
                 "</p></div>")
    return "".join(parts)


def _import_html(note: csvio.ImportNote) -> str:
    """What an import did (csvio.note_for): counts, how the file was read, conflicts, rejected rows."""
    parts = [f"<p>{esc(note.summary)}</p>"]
    if note.encoding:
        parts.append(f"<p>{esc(note.encoding)}</p>")
    if note.conflicts:
        items = "".join(f"<li>{esc(c)}</li>" for c in note.conflicts)
        parts.append("<p>Dates already saved with other values (to take the file's values, delete the saved"
                     f" reading and import again):</p><ul>{items}</ul>")
    if note.rejected:
        items = "".join(f"<li>{esc(r)}</li>" for r in note.rejected)
        extra = f"<p>…and {esc(note.more)} more rejected rows, not listed.</p>" if note.more > 0 else ""
        parts.append(f"<p>Rejected rows:</p><ol class=\"ssi-rejected\">{items}</ol>{extra}")
    return "".join(parts)
