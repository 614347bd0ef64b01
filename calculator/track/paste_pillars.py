"""Place the four pillar values beside their labels: after each label, or before it, whichever the page uses.

A block is one run of the four pillar labels (a label seen twice starts the next block). Each block is read
both ways — every label taking the number right after it, or the number right before it — and the way that
places more numbers wins (then the one with more of them in range). When both place as many, the one whose
misses are explained by the copy being cut short at its end (or start) wins; otherwise the block is left
unread, with a message, rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..fields import FieldError
from .paste_tokens import Token, gap_text, next_to
from .readings import LABELS, read_number

AFTER, BEFORE = "after", "before"


@dataclass(frozen=True)
class Block:
    values: dict[str, tuple[int, Decimal]]  # pillar -> (token index, value)
    labelled: dict[str, str]  # pillar -> the label as pasted, for every label in the block
    layout: str = ""
    how: str = ""
    rejected: tuple[str, ...] = ()  # numbers in place but out of range
    unsure: str = ""  # why the block was left unread


@dataclass
class _Way:
    direction: str
    values: dict[str, tuple[int, Decimal]] = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    misses: list[int] = field(default_factory=list)

    @property
    def placed(self) -> int:
        return len(self.values) + len(self.rejected)


def place_pillars(folded: str, tokens: tuple[Token, ...], indexes: list[int]) -> list[Block]:
    """The blocks of pillar labels at ``indexes`` (token positions) that have numbers beside them, in order."""
    out = []
    for block in _split(tokens, indexes):
        ways = [_read_way(folded, tokens, block, direction) for direction in (AFTER, BEFORE)]
        if all(way.placed == 0 for way in ways):
            continue  # a legend or a heading list: labels without numbers
        labelled = {_field(tokens[i]): tokens[i].raw for i in block}
        out.append(_choose(folded, tokens, ways, labelled))
    return out


def _field(token: Token) -> str:
    assert token.label is not None
    return token.label.field


def _split(tokens: tuple[Token, ...], indexes: list[int]) -> list[list[int]]:
    blocks: list[list[int]] = []
    seen: set[str] = set()
    for i in indexes:
        name = _field(tokens[i])
        if not blocks or name in seen:
            blocks.append([])
            seen = set()
        blocks[-1].append(i)
        seen.add(name)
    return blocks


def _read_way(folded: str, tokens: tuple[Token, ...], block: list[int], direction: str) -> _Way:
    way = _Way(direction)
    for i in block:
        j = i + 1 if direction == AFTER else i - 1
        if not 0 <= j < len(tokens) or tokens[j].kind != "number":
            way.misses.append(i)
            continue
        left, right = (tokens[i], tokens[j]) if direction == AFTER else (tokens[j], tokens[i])
        if not next_to(folded, left, right):
            way.misses.append(i)
            continue
        name = _field(tokens[i])
        try:
            value = read_number(tokens[j].number, name)
        except FieldError as error:
            way.rejected.append(f"{LABELS[name]}: found {tokens[j].raw.strip()} beside it, but {error}; not used.")
            continue
        if value is not None:
            way.values[name] = (j, value)
            way.gaps.append(gap_text(folded, left, right))
    return way


def _cut_short(folded: str, tokens: tuple[Token, ...], way: _Way) -> bool:
    """True when every miss of this way sits where the copy ends (or, reading before, where it starts)."""
    for i in way.misses:
        if way.direction == AFTER:
            if i + 1 < len(tokens) or any(ch.isalnum() for ch in folded[tokens[i].end:]):
                return False
        elif i > 0 or any(ch.isalnum() for ch in folded[:tokens[i].start]):
            return False
    return True


def _choose(folded: str, tokens: tuple[Token, ...], ways: list[_Way], labelled: dict[str, str]) -> Block:
    after, before = ways
    # Numbers in place count even when out of range (they show where values sit); then the valid ones.
    if (after.placed, len(after.values)) != (before.placed, len(before.values)):
        best = max(ways, key=lambda way: (way.placed, len(way.values)))
    else:
        explained = [way for way in ways if _cut_short(folded, tokens, way)]
        if len(explained) != 1:
            return Block({}, labelled, unsure=(
                "The pillar labels have numbers both before and after them, and this reader could not tell which"
                " are theirs; the pillars are left for you to type."))
        best = explained[0]
    return Block(best.values, labelled, _layout(best), f"{best.direction} its label", tuple(best.rejected))


def _layout(way: _Way) -> str:
    if not way.gaps:
        return ""
    if all("\n" in gap for gap in way.gaps):
        return f"each value on the line {way.direction} its label"
    if way.direction == AFTER and all("\t" in gap for gap in way.gaps):
        return "label, tab, value"
    if way.direction == BEFORE and all("|" in gap for gap in way.gaps):
        return "value | label on one line"
    return f"each value {way.direction} its label"
