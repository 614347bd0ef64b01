"""Read the text a person copies from their SSI page, in any language of the label table and any layout seen.

Three layouts are known (2026): the value on the line after its label (or after a tab, or on the same line),
the value on the line before its label (the 2026 Portuguese page), and "8.78 | Establish your professional
brand" on one line. Rather than trust the language to tell the layout, the reader tries both directions on the
whole block of four pillars and keeps the one that places more values; a tie it cannot settle leaves the
pillars empty. A value that is out of range, or that it cannot place with certainty, is never used: the result
says what was found, how, and what was not, so the person confirms or types before anything is saved.

The page also repeats the pillar labels with the industry's and the network's averages (a comparison chart):
those come after a section heading ("People in your industry") or a prefix ("Média do setor:") and are kept
apart, as group averages, never taken for the member's own values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..fields import FieldError
from .dashboard_labels import LANGUAGES, PILLAR_FIELDS, languages_with
from .paste_pillars import Block, place_pillars
from .paste_tokens import Token, alone_on_its_line, next_to, normalise, tokens
from .readings import LABELS, read_number

MAX_PASTE = 100_000
GROUPS = ("industry", "network")
RANKS = ("industry_rank", "network_rank")
AVERAGES = ("industry_average", "network_average")
FIELDS = (*PILLAR_FIELDS, *RANKS, *AVERAGES)


@dataclass(frozen=True)
class Found:
    """One value read from the paste, with the text it came from and how it was placed."""

    value: Decimal
    raw: str
    how: str


@dataclass(frozen=True)
class Read:
    """Everything the paste gave, and everything it did not."""

    found: dict[str, Found] = field(default_factory=dict)  # by reading field name
    total: Found | None = None  # the total as the page shows it
    groups: dict[str, dict[str, Decimal]] = field(default_factory=dict)  # group -> pillar -> average
    languages: tuple[str, ...] = ()  # names of the languages whose labels were seen
    layout: str = ""  # how the pillars were laid out, in words
    missing: tuple[str, ...] = ()  # reading field names not found, pillars first
    notes: tuple[str, ...] = ()  # why a value was left empty or not used
    set_aside: tuple[str, ...] = ()  # what was recognised as not yours (the groups' averages)

    @property
    def values(self) -> dict[str, Decimal]:
        return {name: found.value for name, found in self.found.items()}

    @property
    def complete(self) -> bool:
        """True when all four pillars were read: enough to save a reading."""
        return all(p in self.found for p in PILLAR_FIELDS)

    @property
    def found_anything(self) -> bool:
        return bool(self.found) or self.total is not None


def read(text: str) -> Read:
    """Read total, pillars, ranks and averages from pasted page text. Never raises.

    >>> got = read("Estabelecer sua marca profissional\\n20,998\\nLocalizar as pessoas certas\\n6,4\\n"
    ...            "Interagir oferecendo insights\\n10,25\\nCriar relacionamentos\\n15\\n"
    ...            "Classificação SSI do setor\\nPrimeiros 9%")
    >>> [str(got.values[p]) for p in ("brand", "find", "engage", "relate", "industry_rank")]
    ['20.998', '6.4', '10.25', '15', '9']
    >>> got.languages, got.layout
    (('Portuguese (Brazil)',), 'each value on the line after its label')
    """
    if not isinstance(text, str) or len(text) > MAX_PASTE:
        size = len(text) if isinstance(text, str) else 0
        return Read(missing=FIELDS, notes=(
            f"The pasted text is {size:,} characters long, far more than an SSI page; paste only that page.",))
    folded, found_tokens = tokens(normalise(text))
    return _Reader(folded, found_tokens).result()


class _Reader:
    def __init__(self, folded: str, found: tuple[Token, ...]) -> None:
        self.folded, self.tokens = folded, found
        self.found: dict[str, Found] = {}
        self.notes: list[str] = []
        self.set_aside: list[str] = []
        self.used: set[int] = set()  # token indexes already read as a value
        self.sections = self._sections()

    def result(self) -> Read:
        layout, groups, total = self._pillars(), self._group_pillars(), self._total()
        self._ranks()
        self._averages()
        langs = dict.fromkeys(LANGUAGES[t.label.lang] for t in self.tokens if t.label is not None)
        missing = tuple(name for name in FIELDS if name not in self.found)
        return Read(dict(self.found), total, groups, tuple(langs), layout, missing, tuple(self.notes),
                    tuple(self.set_aside))

    # ---- where the comparison sections are ---------------------------------------------------------

    def _sections(self) -> list[str]:
        """For each token, the group whose comparison section it sits in ("" outside them)."""
        current, out = "", []
        for t in self.tokens:
            if t.label is not None and t.label.field.endswith("_section"):
                current = t.label.field.removesuffix("_section")
            out.append(current)
        return out

    def _compare_group(self, i: int) -> str:
        """The group of a "Média do setor:" prefix right before token ``i``, or ""."""
        if i == 0:
            return ""
        before = self.tokens[i - 1]
        if before.label is not None and before.label.field.endswith("_compare") and next_to(
                self.folded, before, self.tokens[i]):
            return before.label.field.removesuffix("_compare")
        return ""

    # ---- the member's pillars ---------------------------------------------------------------------

    def _pillar_indexes(self, group: str) -> list[int]:
        out = []
        for i, t in enumerate(self.tokens):
            if t.label is None or t.label.field not in PILLAR_FIELDS:
                continue
            compare = self._compare_group(i)
            where = compare or self.sections[i]
            if where != group:
                continue
            if compare or self._has_number_beside(i) or alone_on_its_line(self.folded, t):
                out.append(i)  # a label in a sentence of prose is not a place for a value
        return out

    def _has_number_beside(self, i: int) -> bool:
        return any(0 <= j < len(self.tokens) and self.tokens[j].kind == "number"
                   and next_to(self.folded, *sorted((self.tokens[i], self.tokens[j]), key=lambda t: t.start))
                   for j in (i - 1, i + 1))

    def _pillars(self) -> str:
        blocks = place_pillars(self.folded, self.tokens, self._pillar_indexes(""))
        if not blocks:
            return ""
        block = blocks[0]
        if block.unsure:
            self.notes.append(block.unsure)
            return ""
        for name, (index, value) in block.values.items():
            self.found[name] = Found(value, self.tokens[index].raw, block.how)
            self.used.add(index)
        for message in block.rejected:
            self.notes.append(message)
        for name in PILLAR_FIELDS:
            if name not in block.values and name in block.labelled:
                self.notes.append(f"{block.labelled[name]}: the label is there, but no value could be placed"
                                  " beside it with certainty; type it.")
        return block.layout

    def _group_pillars(self) -> dict[str, dict[str, Decimal]]:
        groups: dict[str, dict[str, Decimal]] = {}
        for group in GROUPS:
            indexes = self._pillar_indexes(group)
            blocks: list[Block] = place_pillars(self.folded, self.tokens, indexes)
            if blocks and not blocks[0].unsure and blocks[0].values:
                groups[group] = {name: value for name, (index, value) in blocks[0].values.items()}
                self.used.update(index for index, _ in blocks[0].values.values())
        if groups:
            whose = " and your ".join(groups)
            self.set_aside.append(f"The pillar values shown for your {whose} were read as averages of"
                              f" {'those groups' if len(groups) > 1 else 'that group'}, not as yours.")
        return groups

    # ---- total, ranks and averages -------------------------------------------------------------------

    def _after(self, i: int, kinds: tuple[str, ...]) -> int | None:
        """The index of the number token right after token ``i``, if it is one of ``kinds`` and unused."""
        j = i + 1
        if j < len(self.tokens) and self.tokens[j].kind in kinds and j not in self.used and next_to(
                self.folded, self.tokens[i], self.tokens[j]):
            return j
        return None

    def _take(self, name: str, j: int, how: str) -> bool:
        t = self.tokens[j]
        try:
            value = read_number(t.number, name)
        except FieldError as error:
            self.notes.append(f"{_title(name)}: found “{t.raw.strip()}”, but {error}; not used.")
            return False
        if value is None:  # pragma: no cover - a number token always holds digits
            return False
        self.found[name] = Found(value, t.raw.strip(), how)
        self.used.add(j)
        return True

    def _total(self) -> Found | None:
        candidates = [j for j, t in enumerate(self.tokens) if t.kind == "total" and not self.sections[j]]
        labelled = [j for i, t in enumerate(self.tokens) if t.label is not None and t.label.field == "total"
                    for j in [self._after(i, ("total", "number"))] if j is not None]
        for j in labelled + candidates:
            t = self.tokens[j]
            value = Decimal(t.number.replace(",", "."))
            if value <= 100:
                self.used.add(j)
                return Found(value, t.raw.strip(), "the total shown on the page")
        return None

    def _ranks(self) -> None:
        for i, t in enumerate(self.tokens):
            if t.label is None:
                continue
            name = t.label.field.removesuffix("_after")
            if name in RANKS and name not in self.found:
                if t.label.field.endswith("_after"):
                    j = i - 1 if i and self.tokens[i - 1].kind == "percent" and next_to(
                        self.folded, self.tokens[i - 1], t) and i - 1 not in self.used else None
                else:
                    j = self._after(i, ("percent",))
                if j is not None:
                    self._take(name, j, "after its label" if j > i else "before the words naming the group")
        for group, name in zip(GROUPS, RANKS, strict=True):
            if name in self.found:
                continue
            in_section = [j for j, t in enumerate(self.tokens)
                          if t.kind == "percent" and self.sections[j] == group and j not in self.used]
            if len(in_section) == 1:
                self._take(name, in_section[0], f"in the {group} section")
        loose = [self.tokens[j].raw.strip() for j, t in enumerate(self.tokens)
                 if t.kind == "percent" and j not in self.used and not t.raw[:1].isdigit()]
        if loose and any(name not in self.found for name in RANKS):
            known = ", ".join(languages_with("industry_rank"))
            self.notes.append(f"Ranks were seen ({', '.join(loose[:4])}) without a heading this reader knows"
                              f" (it knows them in {known}), so it cannot tell which is which: type them.")

    def _averages(self) -> None:
        for i, t in enumerate(self.tokens):
            if t.label is None or t.label.field != "average":
                continue
            group = self.sections[i] or _group_named_before(self.folded, t)
            j = self._after(i, ("number", "total"))
            if j is None:
                continue
            if not group:
                self.notes.append(f"An average ({self.tokens[j].raw.strip()}) was seen, but not whose it is"
                                  " (your industry's or your network's): type it.")
                self.used.add(j)
                continue
            name = f"{group}_average"
            if name not in self.found:
                self._take(name, j, f"in the {group} section")


def _group_named_before(folded: str, t: Token) -> str:
    """ "industry" or "network" when the sentence holding an English average names it ("... in the Software
    industry have an average SSI of 34")."""
    start = max(folded.rfind(".", 0, t.start), folded.rfind("\n", 0, t.start), t.start - 120, 0)
    sentence = folded[start:t.start]
    named = [g for g in GROUPS if g in sentence]
    return named[0] if len(named) == 1 else ""


def _title(name: str) -> str:
    return LABELS.get(name, name)
