"""The paste preview: what the pasted page gave, field by field, in boxes the person can correct or fill in.

Nothing is saved from a paste until the person presses the save button under the preview. The boxes start
with what the reader found; a value it was unsure of starts empty. What the person types in them is kept
while the pasted text stays the same (a digest of the text travels with the boxes), and the checks run on
the values as they stand, typed or read.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..fields import FieldError, FormErrors
from ..html import esc, scroll_box
from .checks import Breach, check_all
from .dashboard_labels import LABELS as LABELS_TABLE
from .dashboard_labels import LANGUAGES
from .paste import MAX_PASTE, Pasted, parse
from .paste_tokens import normalise
from .readings import LABELS, PILLARS, VALUES, Reading, make_reading, plain, read_number

PREFIX = "paste_"
TOTAL = "total"
ROWS = (TOTAL, *VALUES)
_TOTAL_LABEL = "Total shown on the page"


@dataclass(frozen=True)
class Preview:
    pasted: Pasted
    boxes: dict[str, str]  # row name -> the text in its box
    typed: bool  # the boxes hold what the person typed (same pasted text as before)
    errors: dict[str, str]  # row name -> why its value cannot be saved
    reading: Reading | None  # what the save button would save
    breaches: tuple[Breach, ...]
    digest: str
    too_long: bool = False  # not read at all: its length is the reason, not a missing dashboard


def digest(text: str) -> str:
    """A short fingerprint of the pasted text, so edits in the boxes survive until the text changes.

    >>> digest("Build relationships 15") == digest("Build relationships 15\\r\\n".rstrip())
    True
    """
    return f"{zlib.crc32(normalise(text).encode('utf-8')):08x}"


def preview(kept: Mapping[str, str], day: str, note: str = "") -> Preview:
    """The preview of ``kept["paste"]``, with the boxes the person may have edited, for the reading of ``day``."""
    text = kept.get("paste", "")
    pasted = parse(text)
    fingerprint = digest(text)
    typed = kept.get(PREFIX + "digest") == fingerprint and any(PREFIX + name in kept for name in ROWS)
    if typed:
        boxes = {name: kept.get(PREFIX + name, "").strip()[:40] for name in ROWS}
    else:
        boxes = {name: plain(pasted.values.get(name)) for name in VALUES}
        boxes[TOTAL] = plain(pasted.total)
    reading: Reading | None = None
    problems: dict[str, str] = {}
    try:
        reading = make_reading({**boxes, "date": day, "note": note})
    except FormErrors as problem:
        problems = problem.errors
    errors = {name: ("type it from your page" if message == "missing" else message)
              for name, message in problems.items() if name in ROWS}
    shown_total = _number(boxes[TOTAL], "industry_average", errors)  # any value 0 to 100, two decimals
    values = {name: v for name in VALUES if (v := _number(boxes[name], name, {})) is not None}
    breaches = check_all(values, shown_total, pasted.read.groups)
    return Preview(pasted, boxes, typed, errors, reading if not errors else None, breaches, fingerprint,
                   len(text) > MAX_PASTE)


def _number(text: str, name: str, errors: dict[str, str]) -> Decimal | None:
    try:
        return read_number(text, name)
    except FieldError as error:
        errors[TOTAL] = str(error)
        return None


def _label(name: str) -> str:
    return _TOTAL_LABEL if name == TOTAL else LABELS[name]


def _how(p: Preview, name: str) -> str:
    read = p.pasted.read
    found = read.total if name == TOTAL else read.found.get(name)
    if found is not None:
        how = f"read {found.how} (“{found.raw}”)" if name != TOTAL else f"read as “{found.raw}”"
        if p.typed and p.boxes[name] != plain(found.value):
            how = "typed by you; the page text gave " + plain(found.value)
        return how
    if p.boxes[name]:
        return "typed by you"
    return "not found: type it" if name in PILLARS else "not found (optional)"


def render(p: Preview, form_id: str, day: str, saved: Reading | None, can_save: bool = True) -> str:
    """The preview as HTML: the boxes in a table, the doubts, the checks and the save button."""
    pasted = p.pasted
    if p.too_long and not p.typed:
        return ('<div class="ssi-notice ssi-history-paste" role="status">'
                + "".join(f"<p>{esc(n)}</p>" for n in pasted.read.notes) + "</div>")
    if not pasted.found_anything and not p.typed:
        known = ", ".join(LANGUAGES.values())
        return ('<div class="ssi-notice ssi-history-paste" role="status"><p>No SSI values were found in the'
                " pasted text. On your SSI page select the whole page, copy it and paste it here. The reader"
                f" knows the page's labels in {esc(known)}; in another language, type the values above.</p>"
                + "".join(f"<p>{esc(n)}</p>" for n in pasted.read.notes) + "</div>")
    read = pasted.read
    rows = []
    for name in ROWS:
        fid = f"{form_id.removesuffix('-form')}-paste-{name}"
        error = p.errors.get(name, "")
        invalid = ' aria-invalid="true"' if error else ""
        message = f'<p class="ssi-field__error" id="{fid}-error">{esc(error)}</p>' if error else ""
        rows.append(
            f'<tr><th scope="row"><label for="{fid}">{esc(_label(name))}</label></th>'
            f'<td><input id="{fid}" form="{esc(form_id)}" name="{PREFIX}{name}" type="text" inputmode="decimal"'
            f' autocomplete="off" spellcheck="false" value="{esc(p.boxes[name])}"{invalid}'
            f' aria-describedby="{fid}-how{f" {fid}-error" if error else ""}">{message}</td>'
            f'<td id="{fid}-how">{esc(_how(p, name))}</td></tr>')
    languages = " and ".join(read.languages) or "no language this reader knows"
    layout = f"; layout: {read.layout}" if read.layout else ""
    parts = [
        '<div class="ssi-history-paste">', "<h3>What the pasted text says</h3>",
        f'<input type="hidden" form="{esc(form_id)}" name="{PREFIX}digest" value="{esc(p.digest)}">',
        f"<p>Read as {esc(languages)}{esc(layout)}. Check each value against your page: correct any that is"
        " wrong and type any that is missing. Nothing is saved until you press the save button below.</p>",
        scroll_box("Values read from the pasted text",
                   '<table class="ssi-paste-fields"><caption>Values read from the pasted text</caption><thead><tr>'
                   '<th scope="col">Field</th><th scope="col">Value</th><th scope="col">How it was found</th></tr>'
                   f'</thead><tbody>{"".join(rows)}</tbody></table>'),
    ]
    missing = [LABELS[n] for n in pasted.missing if not p.boxes.get(n)]
    if missing:
        parts.append(f"<p>Not found: {esc(', '.join(missing))}.</p>")
    doubts = [*read.notes, *read.set_aside]
    if doubts:
        parts.append('<ul class="ssi-paste-notes">' + "".join(f"<li>{esc(n)}</li>" for n in doubts) + "</ul>")
    if p.breaches:
        parts.append('<div class="ssi-notice ssi-paste-checks" role="alert">'
                     + "".join(f"<p>{esc(b.message)}</p>" for b in p.breaches) + "</div>")
    parts.append(_save_html(p, day, saved) if can_save else
                 "<p>The example history is shown: leave it to save this reading with yours.</p>")
    parts.append("</div>")
    return "".join(parts)


def _save_html(p: Preview, day: str, saved: Reading | None) -> str:
    reading = p.reading
    if reading is None:
        need = [_label(n) for n in ROWS if n in p.errors]
        return f"<p>To save this reading, fix or fill in: {esc(', '.join(need))}.</p>"
    if saved == reading:
        return f"<p>This reading is saved for {esc(reading.day)}.</p>"
    replaces = " It replaces the reading saved for that date." if saved is not None else ""
    button = (f'<button type="button" class="md-button md-button--primary" data-action="confirm-paste">'
              f"Save as the reading of {esc(day)}</button>")
    return (f"<p>{button} Total {esc(plain(reading.total))} (shown as {esc(reading.shown_total)}).{esc(replaces)}"
            " The date comes from the Date field above.</p>")


def describe() -> str:
    """The paste reader's languages and checks, as HTML for the methodology: built from the label table."""
    rows = []
    for lang, name in LANGUAGES.items():
        labels = [label for label in LABELS_TABLE if label.lang == lang]
        pillars = "; ".join(f"“{label.text}”" for label in labels if label.field in PILLARS)
        others = sorted({_KNOWN[label.field] for label in labels if label.field in _KNOWN})
        seen = ", ".join(sorted({_SEEN[label.seen] for label in labels}))
        rows.append(f"<tr><th scope=\"row\">{esc(name)}</th><td>{esc(pillars)}</td>"
                    f"<td>{esc(', '.join(others) or 'pillars only')}</td><td>{esc(seen)}</td></tr>")
    return (
        "<p><strong>Pasting the page</strong>: the reader looks for the page's own labels, in these languages"
        " (each label in the table of the source code names where it was seen):</p>"
        # Shown in the built page only, where the build boxes every table (site_build/page_weight.py).
        '<table><caption>Languages the paste reader knows</caption><thead><tr><th scope="col">Language</th>'
        '<th scope="col">Pillar labels</th><th scope="col">Also read</th><th scope="col">Labels seen in</th>'
        f'</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        "<ul><li><strong>Layouts</strong>: the value after its label (next line, same line or after a tab), or"
        " before it (the line before, or “8.78 | Establish your professional brand”). The reader tries both"
        " directions on the four pillars and keeps the one that places more values; when it cannot tell, it"
        " leaves them empty for you to type. Decimal commas, “53 de 100”, “46 von 100”, “Primeiros 10%” and"
        " “Top 9 %” with any kind of space are read.</li>"
        "<li><strong>Never a guess</strong>: a value out of range, a rank without a heading it knows, or an average"
        " it cannot assign to your industry or network is named and left empty. The pillar values the page repeats"
        " for your industry and network (after “People in your industry”, or “Média do setor:”) are kept apart as"
        " those groups' averages.</li>"
        "<li><strong>Checks</strong>: the total the page shows is the sum of the four pillars rounded to the"
        " nearest whole number, and a group's average is the sum of its four pillar averages rounded the same way."
        " Both hold on all nine readings of the public 2026 series (52.048 is shown as 52 and 52.603 as 53;"
        " an industry sum of 34.52 as 35 and 34.49 as 34). No reading sits on an exact half, so how halves are"
        " rounded is unknown, and since the pillars are themselves rounded, a sum within 0.002 of a half (0.02"
        " for a group) may be shown either way. A reading that breaks a rule is flagged as a probable typo, with"
        " both numbers; it is never changed for you.</li></ul>"
    )


_KNOWN = {"total": "total", "industry_rank": "ranks", "network_rank": "ranks", "average": "averages",
          "industry_section": "comparison sections", "industry_compare": "comparison chart"}
_SEEN = {"page": "the page (a parser or capture)", "fixture": "a parser's test text", "blog": "blog transcriptions"}
