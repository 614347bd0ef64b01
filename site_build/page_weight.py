r"""MkDocs hook: keep each page's start-up work close to plain Material's (issue 18).

Tooltips are shown by docs/javascripts/tooltips.js, made only when a reader points at or focuses an element
(Material's ``content.tooltips`` mounted one, with its observers, on every element with a ``title`` while the
page started). Still, many titles on our pages were not useful to a reader:

- every occurrence of an abbreviation from the auto-appended list (the FAQ had "SSI" twenty times): the
  first occurrence of each on the page keeps its explanation; later ones are plain ``<abbr>`` elements;
- the "Permanent link" anchor of every heading and the "Jump back to footnote" link of every footnote: their
  title becomes an ``aria-label``, so screen readers still announce it and no tooltip pops up over it.

Also, for small screens: every table of the built page is put in its own box that scrolls sideways when the table is
wider than the screen (the page itself never does), and that box can be reached with the keyboard and is
named after the table's columns, so keyboard and screen-reader users can scroll it too. Done here, in the
built HTML, rather than by a script at every page start. The boxed table is marked ``ssi-table``: Material's
start-up moves every class-less table into a scroller of its own, which the box makes redundant (on the
methodology page, with its many tables, 45 ms of a phone's blocking time); docs/stylesheets/site.css gives
``ssi-table`` Material's look for class-less tables.

site_build/benchmarks/lighthouse.py measures the effect (the figures are in the README).

>>> first_abbreviations_only('<abbr title="A">X</abbr>, <abbr title="A">X</abbr> <abbr title="B">Y</abbr>')
'<abbr title="A">X</abbr>, <abbr>X</abbr> <abbr title="B">Y</abbr>'
>>> table_boxes('<table>\n<thead>\n<tr>\n<th>Pillar</th>\n<th>Score</th>\n</tr>\n</thead>\n</table>')[:110]
'<div class="ssi-scroll" role="region" tabindex="0" aria-label="Table: Pillar, Score"><table class="ssi-table">'
>>> labels_not_tooltips('<a class="headerlink" href="#a" title="Permanent link">&para;</a>')
'<a class="headerlink" href="#a" aria-label="Permanent link">&para;</a>'
"""

from __future__ import annotations

import re
from typing import Any

_ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.DOTALL)
# Tables without a class: Material styles those (and wraps them in an unfocusable scroller when the page starts).
_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
_SUP = re.compile(r"<sup[^>]*>.*?</sup>", re.DOTALL)  # footnote marks are not part of a column's name
_HEADER = re.compile(r"<th[^>]*>(.*?)</th>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_LABELLED = re.compile(r'(<a class="(?:headerlink|footnote-backref)" href="[^"]*") title="([^"]*)"')


def first_abbreviations_only(html: str) -> str:
    """Keep the title of the first occurrence of each abbreviation; drop it from the rest."""
    seen: set[str] = set()

    def one(match: re.Match[str]) -> str:
        key = match.group(2)
        if key in seen:
            return f"<abbr>{key}</abbr>"
        seen.add(key)
        return match.group(0)

    return _ABBR.sub(one, html)


def labels_not_tooltips(html: str) -> str:
    """Heading anchors and footnote back-links: the same words as an accessible name, not as a tooltip."""
    return _LABELLED.sub(r'\1 aria-label="\2"', html)


def table_boxes(html: str) -> str:
    """Each table inside a focusable, labelled box (CSS: ``.ssi-scroll``) that scrolls sideways."""

    seen: dict[str, int] = {}

    def box(match: re.Match[str]) -> str:
        head = match.group(0).split("</thead>", 1)[0].split("</tr>", 1)[0]
        names = ", ".join(n for h in _HEADER.findall(head) if (n := " ".join(_TAG.sub("", _SUP.sub("", h)).split())))
        seen[names] = seen.get(names, 0) + 1  # two tables with the same columns still get different names
        number = f" {seen[names]}" if seen[names] > 1 else ""
        label = (f"Table{number}: {names}" if names else f"Table{number}").replace('"', "&quot;")
        table = '<table class="ssi-table">' + match.group(0)[len("<table>"):]
        return f'<div class="ssi-scroll" role="region" tabindex="0" aria-label="{label}">{table}</div>'

    return _TABLE.sub(box, html)


def on_page_content(html: str, **_: Any) -> str:
    return table_boxes(labels_not_tooltips(first_abbreviations_only(html)))
