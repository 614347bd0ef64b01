"""The tracker's form: its name, its fields and where the page keeps the readings.

The storage key is the one the page has always used, so readings saved before the mode was called "track"
are still found.
"""

from __future__ import annotations

from dataclasses import replace

from ..fields import Field
from .readings import PILLARS, VALUE_FIELDS

NAME = "track"
STORAGE_KEY = "ssi-field-guide:readings"
FORM_ID = f"{NAME}-form"
SHOWN = (("20", "The latest 20"), ("100", "The latest 100"), ("all", "All readings"))


def _value(name: str, help_text: str, group: str, required: bool = False) -> Field:
    return replace(VALUE_FIELDS[name], help=help_text, group=group, required=required)


FIELDS: tuple[Field, ...] = (
    Field("date", "Date", "As YYYY-MM-DD, e.g. 2026-05-19. Leave empty for today.", kind="text", group="reading",
          what="date"),
    *(_value(p, "0 to 25, as on your dashboard (decimals allowed)", "reading", True) for p in PILLARS),
    _value("industry_rank", "Optional: the N of “Top N%”", "context"),
    _value("network_rank", "Optional: the N of “Top N%”", "context"),
    _value("industry_average", "Optional: “average SSI of …” for your industry", "context"),
    _value("network_average", "Optional: “average SSI of …” for your network", "context"),
    Field("note", "Note", "Optional: what you did that week, in a few words.", kind="text", group="context"),
    Field("paste", "Pasted dashboard text", "On your SSI page select all (Ctrl+A or ⌘A), copy, and paste here."
          " Nothing is saved until you confirm.", kind="textarea", group="paste"),
    Field("import", "Import a file (CSV or JSON)", "An export from this page, or a CSV with a date column and the"
          " four pillars. Saved readings are never removed.", kind="file", group="file",
          choices=(("accept", ".csv,.json,.txt,text/csv,application/json"),)),
    Field("shown", "Readings listed", "How many readings the list below shows.", kind="choice", group="file",
          choices=SHOWN, default="20"),
)

LEGENDS = {
    "reading": "Add a reading (one per date: a second one for the same date replaces the first)",
    "context": "Your ranks and averages, and a note (optional)",
    "paste": "Or paste your whole SSI page",
    "file": "Import, and the list",
}
