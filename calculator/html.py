"""HTML building blocks. Every piece of text goes through :func:`esc`; nothing else writes markup."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from .evidence import SOURCES

_ROOT = re.compile(r"(\.\./)*|\./")


@dataclass(frozen=True)
class Context:
    """Where a fragment will be shown: ``root`` is the relative path from that page to the site root.

    Links are relative so the site works under any sub-path (GitHub Pages project sites live at /<repo>/).
    """

    root: str = ""

    @classmethod
    def for_root(cls, root: object) -> Context:
        """A context for a root sent by a page; anything but ``./`` or ``../`` steps is ignored."""
        return cls(root if isinstance(root, str) and _ROOT.fullmatch(root) else "")

    def url(self, path: str) -> str:
        return self.root + path


def esc(text: object) -> str:
    """Escape any value for use in HTML text or a quoted attribute.

    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return escape(str(text), quote=True)


def link(ctx: Context, path: str, text: str) -> str:
    return f'<a href="{esc(ctx.url(path))}">{esc(text)}</a>'


def cite(ctx: Context, source_id: str) -> str:
    """A short citation: the source's name and trust level, linked to its Sources page entry."""
    source = SOURCES[source_id]
    return (
        f'<a class="ssi-cite" href="{esc(ctx.url("sources/#" + source.id))}">{esc(source.title)}</a>'
        f' <span class="ssi-trust ssi-trust--{esc(source.trust.name.lower())}">{esc(source.trust.value)}</span>'
    )


def number(value: float | Decimal, places: int = 1) -> str:
    """A number for display: fixed places, trailing zeros trimmed, never "-0".

    >>> number(5.0), number(5.25, 2), number(-0.04)
    ('5', '5.25', '0')
    """
    text = f"{value:.{places}f}".rstrip("0").rstrip(".") if places else f"{value:.0f}"
    return "0" if text in ("-0", "") else text


def notice(message: str, items: str = "") -> str:
    """A message box for the result area; ``items`` is list markup already escaped."""
    listing = f"<ul>{items}</ul>" if items else ""
    return f'<div class="ssi-notice" role="alert"><p>{esc(message)}</p>{listing}</div>'


def signed(value: float | Decimal, places: int | None = 1) -> str:
    """A change with its sign: "+1.5", "−0.3", or "±0" when it shows as zero.

    ``places=None`` writes a Decimal exactly as computed (the tracker's changes are exact sums of readings).

    >>> signed(1.49), signed(-0.26), signed(0.01), signed(Decimal("1.250"), None), signed(Decimal("0.00"), None)
    ('+1.5', '−0.3', '±0', '+1.25', '±0')
    """
    size: float | Decimal = -value if value < 0 else value
    text = format(Decimal(size).normalize(), "f") if places is None else number(size, places)
    if text == "0":
        return "±0"
    return ("+" if value > 0 else "−") + text


def button(action: str, text: str, primary: bool = False, label: str = "") -> str:
    """A button the page sends to Python as ``action``; ``label`` names it for screen readers when ``text``
    alone would be ambiguous (several "Edit" buttons in a list).

    >>> button("csv", "Download <CSV>", primary=True)
    '<button type="button" class="md-button md-button--primary" data-action="csv">Download &lt;CSV&gt;</button>'
    """
    kind = " md-button--primary" if primary else ""
    aria = f' aria-label="{esc(label)}"' if label else ""
    return f'<button type="button" class="md-button{kind}" data-action="{esc(action)}"{aria}>{esc(text)}</button>'


def table(caption: str, head: Sequence[str], rows: Iterable[str], css: str = "") -> str:
    """A table: ``caption`` and the column headings are text (escaped here); ``rows`` are ``<tr>`` markup.

    Without headings the table has no ``<thead>``.

    >>> table("A & B", (), ["<tr><td>1</td></tr>"])
    '<table><caption>A &amp; B</caption><tbody><tr><td>1</td></tr></tbody></table>'
    >>> table("S", ["P"], [], css="x")
    '<table class="x"><caption>S</caption><thead><tr><th scope="col">P</th></tr></thead><tbody></tbody></table>'
    """
    cls = f' class="{esc(css)}"' if css else ""
    cols = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
    thead = f"<thead><tr>{cols}</tr></thead>" if head else ""
    return f"<table{cls}><caption>{esc(caption)}</caption>{thead}<tbody>{''.join(rows)}</tbody></table>"


def scroll_box(label: str, body: str) -> str:
    """``body`` (a table's markup) in a box that scrolls sideways when the table is wider than the screen (the
    page itself never does), which the keyboard can reach and screen readers name ``label`` (text; issue 18).

    >>> scroll_box("Readings & notes", "<table></table>")
    '<div class="ssi-table-scroll" role="region" tabindex="0" aria-label="Readings &amp; notes"><table></table></div>'
    """
    return f'<div class="ssi-table-scroll" role="region" tabindex="0" aria-label="{esc(label)}">{body}</div>'


def reference(summary: str, body: str) -> str:
    """``body`` (markup) closed under ``summary`` (text) until a reader opens it: long reference tables, which a
    phone would otherwise lay out while the page starts (issue 18).

    >>> reference("All 3 rows", "<table></table>")
    '<details class="ssi-reference"><summary>All 3 rows</summary><table></table></details>'
    """
    return f'<details class="ssi-reference"><summary>{esc(summary)}</summary>{body}</details>'


def row(heading: str, *cells: str) -> str:
    """A table row: ``heading`` is text (the row's ``<th>``), each cell is markup.

    >>> row("Total", "<strong>5</strong>")
    '<tr><th scope="row">Total</th><td><strong>5</strong></td></tr>'
    """
    return f'<tr><th scope="row">{esc(heading)}</th>' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
