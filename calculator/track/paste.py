"""Read the text a person copies from their SSI dashboard (select all, copy, paste).

The page is read by its English labels, not by its layout: a copy keeps the words and the numbers but loses
the columns, adds menus and footers, and may put a value on the label's line or on the next one. Numbers may
use a decimal comma. The result says what was understood and names what could not be found, so the person
confirms before anything is saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..fields import FieldError
from ..pillars import Pillar
from .readings import LABELS, PILLARS, read_number

MAX_PASTE = 100_000

_NUM = r"(\d{1,3}(?:[.,]\d{1,3})?)"
_NOT_PERCENT = r"(?![\d.,]*\s*%)"
# Characters that are not spaces to a reader but are to a regular expression, and the reverse.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u2002\u2003\t"), " ")


_TITLES = {p.value: p.title for p in Pillar}


def _words(label: str) -> str:
    return r"\s+".join(re.escape(w) for w in label.split())


_PILLAR_AFTER = {p: re.compile(_words(t) + r"[^\d%]{0,60}?" + _NUM + r"(?![\d])" + _NOT_PERCENT, re.I)
                 for p, t in _TITLES.items()}
_PILLAR_LABEL = {p: re.compile(_words(t), re.I) for p, t in _TITLES.items()}
_TOTALS = (
    re.compile(r"(?<![\d.,])" + _NUM + r"\s*(?:out\s+of|of|/)\s*100\b", re.I),
    re.compile(r"(?:current|your|today's)\s+social\s+selling\s+index(?:\s+score)?[^\d%]{0,40}?" + _NUM
               + r"(?![\d])" + _NOT_PERCENT, re.I),
)
_RANKS = {
    group: (
        re.compile(group + r"\s+ssi\s+rank[^\d%]{0,60}?(?:top\s*)?" + _NUM + r"\s*%", re.I),
        re.compile(r"top\s*" + _NUM + r"\s*%\s*(?:of|in)\s+(?:your\s+)?" + group, re.I),
    )
    for group in ("industry", "network")
}
_AVERAGE = re.compile(r"average\s+(?:ssi|social\s+selling\s+index)\s*(?:score\s*)?(?:of|is|:|=)?\s*" + _NUM
                      + r"(?![\d])" + _NOT_PERCENT, re.I)
_GROUP_WORD = re.compile(r"industry|network", re.I)


@dataclass(frozen=True)
class Pasted:
    """What the pasted text gave: values by reading field name, the total shown, and what is missing."""

    values: dict[str, Decimal] = field(default_factory=dict)
    total: Decimal | None = None
    missing: tuple[str, ...] = ()  # reading field names not found (pillars first)
    problems: tuple[str, ...] = ()  # things found but not usable, or that do not add up

    @property
    def complete(self) -> bool:
        """True when all four pillars were found, enough to save a reading."""
        return all(p in self.values for p in PILLARS)

    @property
    def found_anything(self) -> bool:
        return bool(self.values) or self.total is not None


def normalise(text: str) -> str:
    """The text with invisible characters dropped, odd spaces made plain and line ends unified."""
    text = text.translate(_INVISIBLE).translate(_SPACES).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\uff05", "%").replace("\u2212", "-")


def _value(raw: str, name: str, problems: list[str], what: str) -> Decimal | None:
    try:
        return read_number(raw, name)
    except FieldError as error:
        problems.append(f"{what}: found {raw}, but {error}; not used.")
        return None


def parse(text: str) -> Pasted:
    """Read total, pillars, ranks and averages from pasted dashboard text. Never raises.

    >>> got = parse("Establish your professional brand 20,998  Find the right people\\n6.4\\n"
    ...             "Engage with insights 10.25 Build relationships 15  Industry SSI rank Top 9%")
    >>> [str(got.values[p]) for p in ("brand", "find", "engage", "relate", "industry_rank")]
    ['20.998', '6.4', '10.25', '15', '9']
    >>> got.missing
    ('network_rank', 'industry_average', 'network_average')
    """
    if len(text) > MAX_PASTE:
        return Pasted(missing=(*PILLARS,), problems=(
            f"The pasted text is {len(text):,} characters long, far more than a dashboard page; paste only the"
            " SSI page.",))
    text = normalise(text)
    problems: list[str] = []
    values: dict[str, Decimal] = {}
    used: list[tuple[int, int]] = []

    for p in PILLARS:
        label = _TITLES[p]
        first = _PILLAR_LABEL[p].search(text)
        if first is None:
            continue
        # The first time a label appears is your own score; later ones belong to the industry and network.
        match = _PILLAR_AFTER[p].match(text, first.start())
        if match is not None and any(_PILLAR_LABEL[q].search(text, first.end(), match.start(1)) for q in PILLARS):
            match = None  # the number belongs to the next pillar; this one has none
        if match is None:
            problems.append(f"{label}: the label is there but no number follows it.")
            continue
        value = _value(match.group(1), p, problems, label)
        if value is not None:
            values[p] = value
            used.append(match.span(1))

    total: Decimal | None = None
    for pattern in _TOTALS:
        match = pattern.search(text)
        if match:
            raw = match.group(1).replace(",", ".")
            if re.fullmatch(r"\d{1,3}(\.\d{1,3})?", raw) and Decimal(raw) <= 100:
                total = Decimal(raw)
                break

    for group, patterns in _RANKS.items():
        for pattern in patterns:
            match = pattern.search(text)
            if match:
                value = _value(match.group(1), f"{group}_rank", problems, LABELS[f"{group}_rank"])
                if value is not None:
                    values[f"{group}_rank"] = value
                break

    for match in _AVERAGE.finditer(text):
        group = _group_of(text, match.start())
        name = f"{group}_average" if group else ""
        if not name or name in values:
            continue
        value = _value(match.group(1), name, problems, LABELS[name])
        if value is not None:
            values[name] = value

    if total is not None and all(p in values for p in PILLARS):
        pillar_sum = sum((values[p] for p in PILLARS), Decimal(0))
        if abs(pillar_sum - total) >= 1:
            problems.append(f"The page's total ({total}) does not match the four pillars, which add up to"
                            f" {pillar_sum}; check the pillar values before saving.")
    names = (*PILLARS, "industry_rank", "network_rank", "industry_average", "network_average")
    missing = tuple(n for n in names if n not in values)
    return Pasted(values, total, missing, tuple(problems))


def _group_of(text: str, at: int) -> str:
    """Whose average a sentence gives: the nearest "industry" or "network" before it in the same sentence, or
    failing that in the 200 characters before it (a heading)."""
    start = max(text.rfind(".", 0, at - 1), text.rfind("\n\n", 0, at), at - 200, 0)
    sentence_words = _GROUP_WORD.findall(text, start, at)
    if sentence_words:
        return str(sentence_words[-1]).lower()
    nearby = _GROUP_WORD.findall(text, max(0, at - 200), at)
    return str(nearby[-1]).lower() if nearby else ""

