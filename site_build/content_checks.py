"""Content checks run on every page at build time, and the hook that runs them.

:func:`on_page_markdown` expands the figure placeholders of :mod:`site_build.figures` (an unknown one stops
the build) and reports, as errors that fail the strict build:

- on the Sources page, an entry without an address or a date, without a trust label from the site's
  taxonomy, or with a bullet over :data:`MAX_BULLET_WORDS` words (:func:`source_problems`);
- on the guide pages (everything except ``calculator/`` and the Sources page itself), every number whose
  paragraph, list item or table row cites no source (:func:`uncited_numbers`), and every quoted figure whose
  paragraph does not cite the entry the figure comes from.

What counts as citing: a footnote reference (``[^label]``) whose definition exists, a link to an entry of the
Sources page, or a link to an outside page. In a table, a citation in the header row covers every row.

What is not a figure, and so needs no citation: a number in a heading or a definition term (the text under it
carries the citations), in inline code or a link's address, in the text of a link to another page of the
site (that page cites it), attached to letters (``a105145``, ``Q4``, ``3rd``), a year, a day of a month, and
the bounds of the SSI scale (``0–25``, ``out of 100``, ``25 points``). Numbers that are ours (arithmetic on
cited figures, an example, our estimate) are marked on the page with ``[[ours:KIND]]``, which readers see as
*(our arithmetic)* and so on; a paragraph or row that carries the marker passes.

Run it on the docs directory from the command line to list what the build would reject::

    python -m site_build.content_checks docs
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from calculator.evidence import Trust
from site_build import figures

log = logging.getLogger("mkdocs.site_build.content_checks")

MAX_BULLET_WORDS = 45
LABELS = tuple(t.value for t in Trust)
SOURCES_PAGE = "sources.md"
# Not guide prose: the calculators (their figures come from the code), the contributors' pages (our own
# benchmark measurements) and the changelog.
UNCHECKED = ("calculator/", "includes/", "contributing/", "changelog.md", SOURCES_PAGE)

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_NUMBER = re.compile(r"(?<![\w.,/#-])\d+(?:[.,]\d+)*(?![\w])")
_NOT_FIGURES = (
    re.compile(rf"\b\d{{1,2}}(?=\s+{_MONTH}\b)"),  # a day: 19 May
    re.compile(r"(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d|%)"),  # a year
    re.compile(r"\b0\s*(?:–|-|to)\s*(?:25|100)\b"),  # the scale: 0–25, 0 to 100
    re.compile(r"\b(?:of|out of|/)\s*(?:25|100)\b(?!\s*%)"),
    re.compile(r"\b25\s+points?\b"),
    re.compile(r"\b(?:four|4)\s+pillars?\s+(?:of|worth)\s+(?:up to\s+)?25\b"),
)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:\s?(.*)$")
_SOURCE_LINK = re.compile(r"sources\.md#([a-z0-9-]+)")
_OUTSIDE_LINK = re.compile(r"\]\((?:https?:)?//|<https?://")
_INTERNAL_LINK_TEXT = re.compile(r"\[([^\]^][^\]]*)\]\((?!https?:|//)[^)]*\)")
_STRIP = (
    re.compile(r"^(?:[-*+]|\d+\.)\s+"),  # a list item's marker
    re.compile(r"`[^`]*`"),  # inline code
    re.compile(r"\]\([^)]*\)"),  # link addresses
    re.compile(r"<https?://[^>]*>"),
    re.compile(r"<[^>]+>"),  # HTML tags
    re.compile(r"\{[:#.][^}]*\}"),  # attribute lists
    re.compile(r"\[\^[^\]]*\]"),  # footnote references
)


@dataclass(frozen=True)
class Finding:
    """One problem on a page: the line it starts on and what is wrong."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class Block:
    """A paragraph, list item, table row or admonition paragraph, with the line it starts on."""

    line: int
    text: str
    kind: str  # "text", "row", "heading"
    header: str = ""  # for a table row: the table's header row


def _body(markdown: str) -> tuple[list[str], int]:
    """The page's lines without its front matter, and the number of lines removed."""
    lines = markdown.split("\n")
    if lines and lines[0].strip() == "---" and "---" in (s.strip() for s in lines[1:]):
        end = next(i for i, s in enumerate(lines[1:], 1) if s.strip() == "---")
        return lines[end + 1:], end + 1
    return lines, 0


def footnotes(markdown: str) -> dict[str, str]:
    """Footnote label -> its definition's text (first line and indented continuation lines)."""
    return _items(markdown, _FOOTNOTE_DEF, "    ", str)


def _items(text: str, head: re.Pattern[str], indent: str, key: Callable[[str], str]) -> dict[str, str]:
    """Items that start with a line matching ``head`` (group 1 names it, group 2 starts its text) and go on
    over lines indented by ``indent``; any other line ends the item."""
    found: dict[str, str] = {}
    name = ""
    for line in text.split("\n"):
        m = head.match(line)
        if m:
            name = key(m.group(1))
            found[name] = m.group(2)
        elif name and line.startswith(indent) and line.strip():
            found[name] += " " + line.strip()
        else:
            name = ""
    return found


def blocks(markdown: str) -> list[Block]:
    """The page as the checks see it: code, comments, footnote definitions and abbreviations left out."""
    lines, offset = _body(markdown)
    found: list[Block] = []
    current: Block | None = None
    header = ""
    fenced = in_comment = in_definition = False
    for i, raw in enumerate(lines, offset + 1):
        stripped = raw.strip()
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
            current = None
            continue
        if fenced:
            continue
        if in_comment or stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            current = None
            continue
        if _FOOTNOTE_DEF.match(raw) or raw.startswith("*["):
            in_definition, current = True, None
            continue
        if in_definition and raw.startswith("    ") and stripped:
            continue
        in_definition = False
        if not stripped:
            current, header = None, ""
            continue
        text = re.sub(r"^(?:(?:>|:)\s+)+", "", stripped)  # block quotes, definitions
        if stripped.startswith("|"):
            if re.fullmatch(r"\|[\s:|-]+\|?", stripped):
                continue
            row = Block(i, stripped, "row", header)
            if not header:
                header = row.text
                row.header = ""
            found.append(row)
            current = None
            continue
        header = ""
        if stripped.startswith("#") or stripped.startswith(("!!! ", "??? ", "???+ ")):
            found.append(Block(i, stripped, "heading"))
            current = None
            continue
        if _is_term(lines, i - offset - 1):
            found.append(Block(i, stripped, "heading"))
            current = None
            continue
        if re.match(r"^(?:[-*+]|\d+\.)\s", text) or current is None:
            current = Block(i, text, "text")
            found.append(current)
        else:
            current.text += " " + text
    return found


def _is_term(lines: list[str], index: int) -> bool:
    """A definition-list term: an unindented line directly followed by a ``:   definition`` line."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return bool(line.strip()) and not line.startswith((" ", ":")) and following.startswith(":   ")


def _figure_text(text: str) -> str:
    """The text whose numbers are figures: markup, addresses, internal link texts and non-figures removed."""
    text = _INTERNAL_LINK_TEXT.sub(lambda m: "" if "sources.md" not in m.group(0) else m.group(1), text)
    for pattern in (*_STRIP, *_NOT_FIGURES):
        text = pattern.sub(" ", text)
    return text


def _cited_sources(text: str, notes: dict[str, str]) -> set[str] | None:
    """The Sources entries a block cites (an empty set for an outside link only); None when it cites nothing."""
    refs = [r for r in _FOOTNOTE_REF.findall(text) if r in notes]
    sources = set(_SOURCE_LINK.findall(text))
    for ref in refs:
        sources.update(_SOURCE_LINK.findall(notes[ref]))
    outside = bool(_OUTSIDE_LINK.search(text)) or any(_OUTSIDE_LINK.search(notes[r]) for r in refs)
    return sources if (sources or refs or outside) else None


def uncited_numbers(markdown: str) -> list[Finding]:
    """Every number (and every quoted figure) on a guide page whose block does not cite its source."""
    notes = footnotes(markdown)
    problems: list[Finding] = []
    for block in blocks(markdown):
        if block.kind == "heading":
            continue
        ours = "[[ours:" in block.text
        quoted = [figures.figure(name.strip()).source_id
                  for name in re.findall(r"\[\[fig:([^\]]+)\]\]", block.text)]
        bare = figures.PLACEHOLDER.sub(" ", block.text)
        numbers = [] if ours else _NUMBER.findall(_figure_text(bare))
        if not numbers and not quoted:
            continue
        cited = _cited_sources(block.text, notes)
        if cited is None and ours and set(quoted) <= {figures.OURS_SOURCE}:
            continue
        if cited is None and block.header:
            cited = _cited_sources(block.header, notes)
        elif block.header and cited is not None:
            cited |= _cited_sources(block.header, notes) or set()
        if cited is None:
            shown = ", ".join(dict.fromkeys(numbers + [f"[[fig]] from {q}" for q in quoted]))
            problems.append(Finding(block.line, f"no source cited for {shown}: {_excerpt(block.text)}"))
            continue
        for source_id in dict.fromkeys(quoted):
            if source_id == figures.OURS_SOURCE:
                if not ours:
                    problems.append(Finding(block.line, f"a figure of ours is quoted without an [[ours:...]]"
                                                        f" marker: {_excerpt(block.text)}"))
            elif source_id not in cited:
                problems.append(Finding(block.line, f"a figure from {source_id} is quoted but that entry is not"
                                                    f" cited: {_excerpt(block.text)}"))
    return problems


def _excerpt(text: str) -> str:
    return text if len(text) <= 90 else text[:87] + "..."


# ---- The Sources page ------------------------------------------------------------------------------------

_ENTRY = re.compile(r"^### (.+?)\s*\{#([a-z0-9-]+)\}\s*$", re.MULTILINE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_URL = re.compile(r"https?://[^\s>)]+")


def source_entries(markdown: str) -> dict[str, str]:
    """Entry id -> the entry's text, for every ``### Title {#id}`` heading on the Sources page."""
    heads = list(_ENTRY.finditer(markdown))
    entries: dict[str, str] = {}
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(markdown)
        body = markdown[head.end():end]
        entries[head.group(2)] = re.split(r"^#{1,2} ", body, maxsplit=1, flags=re.MULTILINE)[0]
    return entries


_BULLET = re.compile(r"^- \*\*([^*:]+):\*\*\s*(.*)$")


def _bullets(entry: str) -> dict[str, str]:
    """``**Name:**`` -> the bullet's text, continuation lines joined."""
    return _items(entry, _BULLET, "  ", lambda name: name.strip().lower())


def source_problems(markdown: str) -> list[str]:
    """Every Sources entry that a reader could not follow, date or trust.

    >>> for problem in source_problems('''### A deck {#a}
    ...
    ... - **Address:** <https://example.org/deck>
    ... - **Who and when:** LinkedIn, August 2015.
    ... - **We cite it for:** the averages.
    ... - **Trust:** **official LinkedIn**.
    ...
    ... ### A rumour {#b}
    ...
    ... - **Who and when:** unknown.
    ... - **Trust:** **gossip**.
    ... '''):
    ...     print(problem)
    b: no address (an https:// link on an **Address:** line)
    b: no date (a year on the **Who and when:** line)
    b: no cited-for line ('**We cite it for:**')
    b: the trust line does not start with one of the labels
    """
    problems: list[str] = []
    for entry_id, text in source_entries(markdown).items():
        bullets = _bullets(text)
        address = bullets.get("address", "")
        if not _URL.search(address):
            problems.append(f"{entry_id}: no address (an https:// link on an **Address:** line)")
        elif re.search(r"\b(?:mirror|archived|copy)\b", address, re.IGNORECASE) and not re.search(
                r"\bread\b[^;]*\b(?:19|20)\d\d\b", address, re.IGNORECASE):
            problems.append(f"{entry_id}: a mirror or archived copy without the date it was read ('read <date>')")
        if not _YEAR.search(bullets.get("who and when", "")):
            problems.append(f"{entry_id}: no date (a year on the **Who and when:** line)")
        if "we cite it for" not in bullets:
            problems.append(f"{entry_id}: no cited-for line ('**We cite it for:**')")
        trust = bullets.get("trust", "")
        if not any(trust.startswith(f"**{label}**") for label in LABELS):
            problems.append(f"{entry_id}: the trust line does not start with one of the labels")
        for name, bullet in bullets.items():
            words = len(_URL.sub("URL", bullet).split())
            if words > MAX_BULLET_WORDS:
                problems.append(f"{entry_id}: the {name} bullet has {words} words (at most {MAX_BULLET_WORDS})")
    return problems


# ---- The hook --------------------------------------------------------------------------------------------

def check_page(markdown: str, src_path: str) -> list[str]:
    """Everything the build reports for one page (its Markdown before the placeholders are expanded)."""
    path = src_path.replace("\\", "/")
    if path == SOURCES_PAGE:
        return source_problems(markdown)
    if path.startswith(UNCHECKED):
        return []
    return [str(f) for f in uncited_numbers(markdown)]


def on_page_markdown(markdown: str, page: Any) -> str:
    """Check the page, log each problem, and expand the placeholders.

    Problems are logged as errors, not warnings: the strict build counts both, but ``mkdocs build --quiet``
    (how ``scripts/build`` runs it) drops warnings before they are counted.
    """
    for problem in check_page(markdown, page.file.src_path):
        log.error("%s: %s", page.file.src_path, problem)
    try:
        return figures.expand(markdown)
    except figures.PlaceholderError as error:
        from mkdocs.exceptions import PluginError  # the build's own error type; MkDocs is there at build time

        raise PluginError(f"{page.file.src_path}: {error}") from error


def main(argv: list[str]) -> int:
    """Print every problem the build would report for the pages under a docs directory; 1 if any."""
    docs = Path(argv[0] if argv else "docs")
    count = 0
    for page in sorted(docs.rglob("*.md")):
        for problem in check_page(page.read_text(encoding="utf-8"), page.relative_to(docs).as_posix()):
            print(f"{page.relative_to(docs)}: {problem}")
            count += 1
    print(f"content checks: {count} problem(s)")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
