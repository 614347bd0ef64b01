"""What one request of the tracker saves: first this page's saves the stored text lacks, then the new text.

:func:`catch_up` runs before the request's action: the page's pending saves (sync.py) that the stored text
does not hold are applied again to it, so the view, the export and the next save include them. :func:`finish`
runs after: the saved text to write (naming this save in its ``writes``) and the saves the page keeps pending.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..modes import WebRequest
from . import storage, sync
from .actions import View


@dataclass(frozen=True)
class Caught:
    watched: tuple[sync.Held, ...]  # saves the stored text holds, still watched for a tab writing over them
    missing: tuple[sync.Held, ...]  # saves it lacks, applied again to the view


def catch_up(view: View, request: WebRequest, now: float) -> Caught:
    """Apply again the page's saves that the stored text does not hold (written over, refused, or written to
    a text that changed since): their readings join the view, and what the page said about them is said again.
    While the example history is shown nothing is applied: the saves stay pending for after it."""
    if view.example:
        return Caught((), ())
    loaded = view.loaded
    watched: list[sync.Held] = []
    missing: list[sync.Held] = []
    for held in sync.read_pending(request.pending):
        if held.id not in loaded.writes:
            missing.append(held)
        elif loaded.writes[-1] == held.id and now - held.at < sync.WATCH_SECONDS:
            watched.append(held)  # the latest save: a tab that read the text before it may still write
    if not missing:
        return Caught(tuple(watched), ())
    changes = [held.change() for held in missing]
    again = sync.reapply(view.history, view.set_aside, changes)
    view.history, view.set_aside = again.history, again.set_aside
    for change in changes:
        view.said += change.said
        view.conflicts += change.conflicts
        view.imported = change.report or view.imported
    view.conflicts += again.conflicts
    if loaded.damaged:  # nothing is written until the person has chosen what to do with the saved text
        view.messages.append("Your latest change is not saved yet: the saved data changed meanwhile (in another"
                             " tab?) and part of it cannot be read (see above). It is kept on this page, and saved"
                             " once you have chosen what to do with the saved data.")
        return Caught(tuple(watched), tuple(missing))
    view.changed = True
    if loaded.writes and not request.store_problem:
        view.messages.append("Your readings were changed in another tab meanwhile: both tabs' changes are kept.")
    return Caught(tuple(watched), ())


def finish(view: View, request: WebRequest, base: storage.Loaded, caught: Caught, now: float) -> tuple[str | None, str]:
    """The text to store (None: leave the stored text alone) and the pending saves for the page to keep.

    The example history is never stored; the page's pending saves are handed back as they came."""
    if view.example:
        return None, request.pending or ""
    if not view.changed:
        return None, sync.dump_pending((*caught.watched, *caught.missing))
    change = sync.Change(
        sync.new_id(), now, sync.diff(base.readings, view.history),
        aside_added=tuple(t for t in view.set_aside if t not in base.set_aside),
        aside_dropped=tuple(t for t in base.set_aside if t not in view.set_aside),
        said=tuple(view.said), report=view.imported, conflicts=tuple(view.conflicts))
    writes = (*base.writes, change.id)
    store = storage.dump(view.history, view.set_aside, writes)
    storage.remember(store, view.history, view.set_aside, writes)
    if request.store_problem:
        view.not_stored = (
            f"Not saved: this browser refused to store {sync.describe(change.steps)} ({request.store_problem})."
            " It is kept on this page only, until you reload or close it, and the export includes it. Export now,"
            " or make room (delete readings you have exported, or data other sites keep in this browser): every"
            " change tries again.")
    return store, sync.dump_pending((*caught.watched, change))
