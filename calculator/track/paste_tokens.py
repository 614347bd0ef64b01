"""Pasted page text as a row of tokens: the labels of the label table, and numbers of three kinds.

A copy of the SSI page keeps its words and numbers but not its columns, so the reader works on what sits next
to what: a number is "next to" a label when only spaces, line breaks (at most three) and signs such as "|",
":" or "ⓘ" stand between them. Text is matched with case and accents folded, keeping every character's
position, so what is shown back is exactly what was pasted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from .dashboard_labels import LABELS, Label, labels_for

MAX_GAP = 40
MAX_GAP_LINES = 3

# Characters that are not spaces to a reader but are to a regular expression, and the reverse: the
# no-break, thin and narrow no-break spaces of "Top 9 %" become plain spaces.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u2002\u2003\u2004\u2005\u2006\u2008\u200a"), " ")
_SIGNS = str.maketrans({"\uff05": "%", "\u2212": "-", "\uff5c": "|", "\u2502": "|"})

Kind = Literal["label", "number", "percent", "total"]


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    kind: Kind
    raw: str  # the pasted text of the token
    number: str = ""  # the digits, for the three number kinds ("20,998", "9")
    label: Label | None = None


def normalise(text: str) -> str:
    """The text with invisible characters dropped, odd spaces made plain and line ends unified.

    >>> normalise("Top\\u202f9\\u00a0%\\r\\n")
    'Top 9 %\\n'
    """
    text = text.translate(_INVISIBLE).translate(_SPACES).translate(_SIGNS)
    return text.replace("\r\n", "\n").replace("\r", "\n")


_FOLDED: dict[str, str] = {}


def fold(text: str) -> str:
    """Lower case without accents, one character for one character (positions stay valid).

    >>> fold("Échanger des INFORMAÇÕES")
    'echanger des informacoes'
    """
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch.lower())
            continue
        folded = _FOLDED.get(ch)
        if folded is None:
            base = unicodedata.normalize("NFD", ch)[0].lower()
            folded = _FOLDED[ch] = base if len(base) == 1 else ch
        out.append(folded)
    return "".join(out)


def _pattern(text: str) -> str:
    return r"\s+".join(re.escape(word) for word in fold(text).split())


def _key(text: str) -> str:
    return " ".join(fold(text).split())


_SCANNED = tuple(label for label in LABELS if label.field not in ("out_of", "rank_prefix"))
_BY_TEXT: dict[str, Label] = {_key(label.text): label for label in _SCANNED}
_LABEL_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(_pattern(label.text) for label in sorted(_SCANNED, key=lambda la: -len(la.text)))
    + r")(?!\w)")
_NUMBER_RE = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.,]\d{1,3})?)(?!\w|[.,]\d)")
_PERCENT_AFTER = re.compile(r"\s{0,3}%")
_PREFIX_BEFORE = re.compile(
    r"(?<!\w)(?:" + "|".join(_pattern(label.text) for label in labels_for("rank_prefix")) + r")\s{1,3}$")
_OUT_OF_WORDS = "|".join(_pattern(label.text) for label in labels_for("out_of"))
_OUT_OF_AFTER = re.compile(r"\s{0,3}(?:/|(?:" + _OUT_OF_WORDS + r")\s{1,3})\s{0,3}100(?!\d)")
_LETTER = re.compile(r"[^\W\d_]")


def tokens(text: str) -> tuple[str, tuple[Token, ...]]:
    """The folded text and its tokens in order. ``text`` must already be normalised.

    >>> folded, found = tokens("Industry SSI rank\\nTop 9 %  Build relationships | 15")
    >>> [(t.kind, t.raw) for t in found]
    [('label', 'Industry SSI rank'), ('percent', 'Top 9 %'), ('label', 'Build relationships'), ('number', '15')]
    """
    folded = fold(text)
    found: list[Token] = []
    for match in _LABEL_RE.finditer(folded):
        label = _BY_TEXT.get(_key(match.group()))
        if label is not None:
            found.append(Token(match.start(), match.end(), "label", text[match.start():match.end()], label=label))
    taken = 0
    for match in _NUMBER_RE.finditer(folded):
        if match.start() < taken:
            continue  # the "100" of "53 out of 100"
        start, end = match.start(), match.end()
        kind: Kind = "number"
        percent = _PERCENT_AFTER.match(folded, end)
        out_of = _OUT_OF_AFTER.match(folded, end)
        if percent:
            kind, end = "percent", percent.end()
            prefix = _PREFIX_BEFORE.search(folded, max(0, start - 20), start)
            if prefix:
                start = prefix.start()
        elif out_of:
            kind, end = "total", out_of.end()
        taken = end
        found.append(Token(start, end, kind, text[start:end], match.group(1)))
    found.sort(key=lambda t: t.start)
    return folded, tuple(_drop_overlaps(found))


def _drop_overlaps(found: list[Token]) -> list[Token]:
    kept: list[Token] = []
    for token in found:
        if kept and token.start < kept[-1].end:
            continue
        kept.append(token)
    return kept


def next_to(folded: str, left: Token, right: Token) -> bool:
    """True when nothing but spaces, a few line breaks and signs stand between two tokens.

    >>> folded, (label, number) = tokens("Establish your professional brand ⓘ\\t24.5")
    >>> next_to(folded, label, number)
    True
    """
    gap = folded[left.end:right.start]
    return len(gap) <= MAX_GAP and gap.count("\n") <= MAX_GAP_LINES and not _LETTER.search(gap)


def gap_text(folded: str, left: Token, right: Token) -> str:
    return folded[left.end:right.start]


def alone_on_its_line(folded: str, token: Token) -> bool:
    """True when the token's line holds nothing but it (and signs): a heading or a chart legend, not prose."""
    start = folded.rfind("\n", 0, token.start) + 1
    end = folded.find("\n", token.end)
    line = folded[start:token.start] + folded[token.end:len(folded) if end < 0 else end]
    return not _LETTER.search(line) and not any(ch.isdigit() for ch in line)
