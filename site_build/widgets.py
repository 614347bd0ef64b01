"""A calculator as it is first sent: the mode's form and its result for the default values, rendered at build
time by the same Python the browser runs later, so a reader sees a real result before Pyodide loads, and
without JavaScript.

The ``data-`` attributes are what docs/javascripts/calculator.js needs to take the widget over.
"""

from __future__ import annotations

from calculator.forms import render_form
from calculator.html import esc
from calculator.modes import ALIASES, WebRequest, registry
from calculator.web import handle


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
        + ">\n"
        f"{render_form(name, mode.fields, mode.legends, mode.defaults())}"
        '<p class="ssi-status" data-calculator-status role="status">'
        "This result was worked out for the example values when the page was built."
        "<noscript> Turn on JavaScript to calculate your own.</noscript></p>"
        f'<section class="ssi-result" data-calculator-result aria-label="Result: {esc(mode.title)}" aria-live="polite">'
        f"{response['html']}</section>\n</div>"
    )


def model_description(name: str) -> str:
    """The model description of calculator ``name``, generated from its code (for the methodology pages)."""
    return registry()[ALIASES.get(name, name)].describe()
