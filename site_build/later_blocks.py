r"""A long page's blocks rendered only near the screen, each with a generous guess of its height (issue 18).

docs/stylesheets/site.css gives every block marked here ``content-visibility: auto``: the browser lays out and
paints it only once it comes near the screen, so a phone's first layout and Material's start-up measure one
screenful, not the whole page. Until then the block stands in with the height this module writes on it
(``--ssi-h``), which is a guess made from its text for a 360 px screen, on the generous side: a block that
stood in shorter than its content would let that content, when a script measures it (an accessibility
checker does), reach over the footer below; taller only makes the scroll bar a little short until the reader
scrolls. Once rendered, a block keeps its real height ("auto").

Not marked: the page's title, a calculator (its result sticks to the screen's edge while a field has focus),
and blocks whose children's margins reach outside them (code, definition lists, the footnotes), which would
grow by those margins once contained.

>>> later_blocks('<h1>T</h1>\n<p>One line.</p>\n<div class="ssi-calculator">…</div>')
'<h1>T</h1>\n<p data-ssi-later style="--ssi-h:56px">One line.</p>\n<div class="ssi-calculator">…</div>'
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html.parser import HTMLParser

# Tags that get marked at the top level of a page's content, and classes of those that do not.
MARKED = {"p", "ul", "ol", "div", "blockquote", "details", "h2", "h3", "h4", "h5", "h6", "figure", "aside"}
UNMARKED_CLASSES = {"ssi-calculator", "highlight", "footnote"}
# What starts a new line (and brings margins or padding) inside a block.
BOXES = {"p", "li", "tr", "h2", "h3", "h4", "h5", "h6", "div", "details", "summary", "blockquote", "pre", "dt",
         "dd", "ul", "ol", "table", "hr", "figcaption", "br"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

LINE_PX = 26  # Material's body text on a phone: 16 px type, line height 1.6
CHARS_PER_LINE = 38  # a 360 px screen holds about 42
BOX_PX = 24  # each paragraph, item or row: its margins and its last line's rounding
CELL_CHARS_PER_LINE = 12  # a table cell shares the line with its neighbours (rows: their longest cell)
MARGIN = 1.1  # and a tenth more on top
# Calibrated on the built pages at 360 px (2026-12-03): every guess 1.07-9× the block's real height, the page
# 1.6× in all; tests/browser/test_long_pages.py checks what matters, an accessibility check on arrival.
HEADING_SCALE = {"h2": 1.6, "h3": 1.3, "h4": 1.1}  # Material's heading sizes (and their wider letters)


@dataclass
class Block:
    """A top-level element of a page's content: where its start tag ends, and what it holds."""

    tag: str
    tag_end: int  # offset of the start tag's closing ">"
    marked: bool
    chars: int = 0  # characters of text outside table cells
    boxes: int = 0  # elements inside that start a line of their own
    cell_lines: int = 0  # lines its table rows take, each as many as its longest cell


class _Blocks(HTMLParser):
    """The top-level blocks of a page's HTML (the parser gives positions as lines and columns)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.blocks: list[Block] = []
        self._line_starts = [0]
        for line in html.split("\n"):  # the parser counts lines by "\n" only
            self._line_starts.append(self._line_starts[-1] + len(line) + 1)
        self._cell = -1  # characters in the current table cell, or -1 outside cells
        self._row = 0  # the longest cell of the current row so far
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth == 0:
            named = dict(attrs)
            line, column = self.getpos()
            end = self._line_starts[line - 1] + column + len(self.get_starttag_text() or "") - 1
            marked = (tag in MARKED and tag != "h1" and "style" not in named
                      and not set((named.get("class") or "").split()) & UNMARKED_CLASSES)
            self.blocks.append(Block(tag, end, marked))
        elif tag in BOXES and self.blocks:
            self.blocks[-1].boxes += 1
        if tag in {"td", "th"}:
            self._cell = 0
        if tag == "tr":
            self._row = 0
        if tag not in VOID:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._cell >= 0:
            self._row, self._cell = max(self._row, self._cell), -1
        if tag == "tr" and self.blocks:
            self.blocks[-1].cell_lines += math.ceil(self._row / CELL_CHARS_PER_LINE)
        if tag not in VOID:
            self.depth = max(0, self.depth - 1)

    def handle_data(self, data: str) -> None:
        if self.depth == 0 or not self.blocks:
            return
        text = len(" ".join(data.split()))
        if self._cell >= 0:
            self._cell += text
        else:
            self.blocks[-1].chars += text


def height_guess(chars: int, boxes: int, cell_lines: int, scale: float = 1.0) -> int:
    """A block's height on a 360 px screen, guessed high, in whole pixels; ``scale``: its type size against
    body text (a heading's).

    >>> height_guess(chars=0, boxes=0, cell_lines=0)
    56
    >>> height_guess(chars=300, boxes=4, cell_lines=0)
    361
    """
    lines = max(1, math.ceil(chars * scale / CHARS_PER_LINE) + cell_lines)
    return math.ceil(MARGIN * (lines * LINE_PX * scale + (boxes + 1) * BOX_PX * scale))


def later_blocks(html: str) -> str:
    """Mark each top-level block of a page's content (see the module's docstring) with its height guess."""
    for block in reversed([b for b in _Blocks(html).blocks if b.marked]):
        scale = HEADING_SCALE.get(block.tag, 1.0)
        guess = height_guess(block.chars, block.boxes, block.cell_lines, scale)
        html = f'{html[:block.tag_end]} data-ssi-later style="--ssi-h:{guess}px"{html[block.tag_end:]}'
    return html
