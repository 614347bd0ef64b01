"""The rounding check on a readings file that carries a total column, for ``python -m calculator history``.

An import recomputes every total from the pillars, so a file's own total column is otherwise ignored; here
it is compared with them. A whole number (as the page shows it, or as another tracker records it) must be
the rounded sum; a total with decimals (as this site exports it) must be the sum itself.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation

from .checks import check
from .csvio import _header_key as header_key  # the same header names an import accepts
from .readings import History, plain

MAX_LISTED = 20


def total_checks(text: str | None, history: History) -> list[str]:
    """One line per reading whose file total does not fit its pillars, or a line saying all fit.

    >>> from calculator.track.example import example_history
    >>> total_checks("date,brand,find,engage,relate,ssi\\n2026-05-19,20.998,6.4,10.25,15,58\\n", example_history())
    ['2026-05-19: probable typo: the file says 58, but the pillars add up to 52.648 (shown as 53).']
    """
    if not text or text.lstrip()[:1] in ("{", "["):
        return []
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text)))
    except csv.Error:
        return []
    if not rows:
        return []
    keys = [header_key(cell) for cell in rows[0]]
    if "total" not in keys or "date" not in keys:
        return []
    at_total, at_date = keys.index("total"), keys.index("date")
    by_day = {r.day.isoformat(): r for r in history}
    out: list[str] = []
    checked = 0
    for row in rows[1:]:
        if len(row) <= max(at_total, at_date) or row[at_date].strip() not in by_day or not row[at_total].strip():
            continue
        reading = by_day[row[at_date].strip()]
        try:
            shown = Decimal(row[at_total].strip().replace(",", "."))
        except InvalidOperation:
            continue
        checked += 1
        parts = {p: getattr(reading, p) for p in ("brand", "find", "engage", "relate")}
        exact = shown != shown.to_integral_value() and shown.as_tuple().exponent == reading.total.as_tuple().exponent
        if (exact and shown != reading.total) or (not exact and check(parts, shown, "total") is not None):
            out.append(f"{reading.day}: probable typo: the file says {plain(shown)}, but the pillars add up to"
                       f" {plain(reading.total)} (shown as {reading.shown_total}).")
    if checked and not out:
        return [f"All {checked} totals in the file fit their pillars (rounded as the page rounds)."]
    return out[:MAX_LISTED] + ([f"…and {len(out) - MAX_LISTED} more."] if len(out) > MAX_LISTED else [])


def _dialect(text: str) -> type[csv.Dialect]:
    first = text.splitlines()[0] if text else ""
    return _Semicolon if first.count(";") > first.count(",") else csv.excel


class _Semicolon(csv.excel):
    delimiter = ";"
