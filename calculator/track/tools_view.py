"""Two tools beside the readings: an example history to try first, and a calendar reminder to download.

The example is shown instead of the saved readings while a hidden box in the page says so; nothing is ever
saved while it is shown, so it can neither overwrite nor mix with what the person saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ..html import esc
from ..modes import Download
from . import ics
from .example import example_history
from .readings import History

EXAMPLE = "example"


def example_on(kept: Mapping[str, str], action: str) -> bool:
    """Whether this request shows the example: just asked for, or still on from the last answer."""
    if action == "leave-example":
        return False
    return action == "example" or kept.get(EXAMPLE) == "on"


def example() -> History:
    return example_history()


def _button(action: str, text: str, primary: bool = False) -> str:
    kind = " md-button--primary" if primary else ""
    return f'<button type="button" class="md-button{kind}" data-action="{esc(action)}">{esc(text)}</button>'


def example_banner(form_id: str, saved: int) -> str:
    yours = (f"Your {saved} saved reading{'s are' if saved != 1 else ' is'} untouched and come back when you leave"
             " the example." if saved else "Nothing you saved is affected.")
    return (f'<input type="hidden" form="{esc(form_id)}" name="{EXAMPLE}" value="on">'
            '<div class="ssi-notice ssi-history-example" role="status"><p><strong>You are looking at an example'
            " history</strong>: nine public readings of one member in 2026. Nothing is saved while it is shown;"
            f" {esc(yours)}</p><p>{_button('leave-example', 'Leave the example', True)}</p></div>")


def example_offer(first_visit: bool) -> str:
    text = ("New here? Load an example history to see what the tracker shows before you add your own."
            if first_visit else "Curious what a longer history shows? An example is kept apart from your readings.")
    return f'<p class="ssi-history-tools">{esc(text)} {_button(EXAMPLE, "Show an example history")}</p>'


def refused(action: str) -> str:
    return (f"Nothing was changed: the example history is shown, and it is never saved ({action} would mix it"
            " with yours). Leave the example first.")


def reminder_html() -> str:
    return ('<div class="ssi-history-reminder"><h3>A reminder in your calendar</h3><p>A calendar file your'
            " calendar app imports: a recurring all-day event from today, with an alert at 9:00. No account, and"
            f" nothing leaves this page. {_button('reminder:weekly', 'Weekly reminder (.ics)')}"
            f" {_button('reminder:monthly', 'Monthly reminder (.ics)')}</p></div>")


def reminder(argument: str, today: date) -> tuple[Download | None, str]:
    """The calendar file for ``reminder:weekly`` or ``reminder:monthly``, and the message to show."""
    if argument not in ("weekly", "monthly"):
        return None, "There is no such reminder."
    every: ics.Every = "weekly" if argument == "weekly" else "monthly"
    text = ics.reminder(today, every, made=today)
    return (Download(name=ics.file_name(every), type="text/calendar", text=text),
            f"A {argument} reminder starting {today} was offered as a download; open it to add it to your calendar.")
