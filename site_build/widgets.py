"""A calculator as it is first sent: the mode's form and its result for the default values, rendered at build
time by the same Python the browser runs later, so a reader sees a real result before Pyodide loads, and
without JavaScript.

The ``data-`` attributes are what docs/javascripts/calculator.js needs to take the widget over, including every
status line it may show (``STATUS``): the page's script holds no text of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from calculator.forms import render_form
from calculator.html import esc
from calculator.modes import ALIASES, WebRequest, registry
from calculator.web import handle

# What the status line under a calculator says, by state; calculator.js fills in "{reason}".
STATUS = MappingProxyType({
    "loading": "Loading the calculator… The result below is for the example values until it is ready.",
    "python": "Loading the calculator… (downloading Python, about 6 MB on a first visit)",
    "snapshot": "Loading the calculator…",
    "queued": "Loading the calculator… What you asked for is kept, and done as soon as it is ready.",
    "ready": "Calculator ready: the result updates as you type.",
    "working": "Still working on your last change… This is taking longer than usual.",
    "error": "Sorry, the calculator could not answer that ({reason}). Your values are kept: change one to try again.",
    "restarting": "The calculator stopped answering, so it is being restarted…",
    "restarted": "The calculator stopped answering and was restarted: the result below is for your latest values.",
    "lost": "The calculator stopped answering before it finished what you asked, and was restarted. That was not"
            " done: press the button or choose the file again. The result below is for your latest values.",
    "dead": "The calculator stopped answering and could not be restarted ({reason}). The result below may be out"
            " of date: reload the page to try again.",
    "failed": "The calculator could not load ({reason}). The result below is for the example values; reload the"
              " page to try again.",
    "refused": "The calculator could not load ({reason}), so what you asked for was not done and nothing was"
               " saved. Reload the page to try again.",
    "other-build": "A new version of the site was published while you were reading, and this page could not load it"
                   " whole, so the calculator did not start. The result below is for the example values; reload"
                   " the page in a minute to use it.",
    "unsaved": "Your change could not be saved in this browser ({reason}: storage full or blocked). Export your"
               " data now so nothing is lost.",
})
# For a calculator that starts Python only when the visitor types (Mode.start_on_input): what its status line
# says until then, and the lines that would otherwise speak of example values it does not show.
ON_INPUT_STATUS = MappingProxyType({
    "idle": "The calculator starts when you type. It runs in this browser; a first visit downloads Python (about"
            " 6 MB).",
    "loading": "Loading the calculator… Your result appears here as soon as it is ready.",
    "failed": "The calculator could not load ({reason}). Reload the page to try again.",
})
ON_INPUT = 'data-start="on-input"'
# How long a request may take before the worker is taken to have stopped: far beyond the slowest real request
# measured (a 20 MB paste, about 18 s), since replacing the worker costs a new start of Python.
ANSWER_WITHIN_MS = 30_000
# Said on the buttons of the pre-rendered result: pressed before Python is ready, they are queued.
PENDING_NOTE = " (the calculator is still loading: done once it is ready)"
_ACTION_BUTTON = re.compile(r'(<button\b[^>]*\sdata-action="[^"]*"[^>]*>)(.*?)(</button>)', re.DOTALL)


def widget(name: str, root: str) -> str:
    """The HTML of calculator ``name`` for a page ``root`` away from the site root (``"../../"``).

    Raises ValueError when the mode's default values do not validate: the build fails rather than show an
    error as the example.
    """
    mode = registry()[ALIASES.get(name, name)]  # a page may still name a mode by its old name
    name = mode.name
    response = handle(WebRequest(name, mode.defaults(), root))
    if not response["ok"]:
        raise ValueError(f"the {name} calculator's default values do not validate: {response['errors']}")
    return (
        f'<div class="ssi-calculator" data-calculator="{esc(name)}" data-root="{esc(root)}"'
        + (f' data-storage-key="{esc(mode.storage_key)}"' if mode.storage_key else "")
        + (" data-url-state" if mode.url_state else "")
        + (f" {ON_INPUT}" if mode.start_on_input else "")
        + f' data-answer-within-ms="{ANSWER_WITHIN_MS}"'
        + status_attributes(ON_INPUT_STATUS if mode.start_on_input else None)
        + ">\n"
        f"{render_form(name, mode.fields, mode.legends, mode.defaults())}"
        '<p class="ssi-status" data-calculator-status role="status">'
        + (esc(ON_INPUT_STATUS["idle"]) if mode.start_on_input
           else "This result was worked out for the example values when the page was built.")
        + "<noscript> Turn on JavaScript to calculate your own.</noscript></p>"
        f'<section class="ssi-result" data-calculator-result aria-label="Result: {esc(mode.title)}" aria-live="polite"'
        # Named after Python's answer: the result is that answer, its buttons saying "still loading"
        # (calculator.js takes those notes out when Python's first answer bears the same name).
        + f' data-digest="{esc(response["digest"])}"'
        + f">{pending_buttons(response['html'])}</section>\n</div>"
    )


def status_attributes(overrides: Mapping[str, str] | None = None) -> str:
    """``STATUS``, with ``overrides`` in place of some, as the attributes calculator.js reads (``data-status-<kind>``).

    >>> status_attributes().split('" ')[0]
    ' data-status-loading="Loading the calculator… The result below is for the example values until it is ready.'
    """
    texts = {**STATUS, **(overrides or {})}
    return "".join(f' data-status-{kind}="{esc(text)}"' for kind, text in texts.items())


def pending_buttons(html: str) -> str:
    """The pre-rendered result with each action button saying that the calculator is still loading; the first
    live answer takes the notes out (or replaces it all, if it differs).

    >>> pending_buttons('<button type="button" data-action="add">Save</button>').replace(PENDING_NOTE, " …")
    '<button type="button" data-action="add">Save<span class="ssi-pending-note"> …</span></button>'
    >>> pending_buttons('<button type="reset">Clear</button>')
    '<button type="reset">Clear</button>'
    """
    return _ACTION_BUTTON.sub(
        lambda m: f'{m.group(1)}{m.group(2)}<span class="ssi-pending-note">{esc(PENDING_NOTE)}</span>{m.group(3)}',
        html)


def model_description(name: str) -> str:
    """The model description of calculator ``name``, generated from its code (for the methodology pages)."""
    return registry()[ALIASES.get(name, name)].describe()
