"""What moved between two readings, in words: the member, one pillar, or the people they are ranked against.

Ranks are relative: "Top 9%" compares you with everyone else in your industry or network, so it moves when
they move. In the public 2026 series the four pillars were identical from 16 to 19 May, yet on 19 May the
industry rank went from top 10% to top 9% and the network rank from top 12% to top 11%, while the industry's
average Engage score fell from 2.17 to 2.09: the population moved, not the member.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import pairwise
from typing import Literal

from ..html import signed
from .readings import LABELS, PILLARS, History, Reading, plain

# A pillar total that moved by no more than this has "barely" moved: less than any change a rank would show.
BARELY = Decimal("0.1")
RANKS = (("industry_rank", "industry"), ("network_rank", "network"))
AVERAGES = (("industry_average", "industry"), ("network_average", "network"))

POPULATION_EXAMPLE = ("In a public series of 2026 readings the four pillars were identical from 16 to 19 May, yet"
                      " on 19 May the industry rank went from top 10% to top 9% and the network rank from top 12%"
                      " to top 11%.")

Kind = Literal["none", "population", "one-pillar", "pillars"]


@dataclass(frozen=True)
class Move:
    day: date
    since: date
    kind: Kind
    pillars: dict[str, Decimal]  # the pillars that changed, by how much
    total: Decimal
    ranks: dict[str, tuple[Decimal, Decimal]]  # group -> (before, after), only those that changed
    averages: dict[str, tuple[Decimal, Decimal]]
    words: str

    @property
    def days(self) -> int:
        return (self.day - self.since).days


def _when(before: Reading, after: Reading) -> str:
    days = (after.day - before.day).days
    if days == 1:
        return "Overnight"
    return f"Over {days} days (since {before.day})"


def _rank_words(ranks: dict[str, tuple[Decimal, Decimal]]) -> str:
    parts = []
    for group, (old, new) in ranks.items():
        better = "better" if new < old else "worse"
        parts.append(f"your {group} rank went from top {plain(old)}% to top {plain(new)}% ({better})")
    return " and ".join(parts)


def _changes(before: Reading, after: Reading, names: tuple[tuple[str, str], ...]) -> dict[str, tuple[Decimal, Decimal]]:
    out: dict[str, tuple[Decimal, Decimal]] = {}
    for name, group in names:
        old, new = before.value(name), after.value(name)
        if old is not None and new is not None and old != new:
            out[group] = (old, new)
    return out




def explain(before: Reading, after: Reading) -> Move:
    """What changed from ``before`` to ``after``, in a sentence or two.

    >>> from decimal import Decimal as D
    >>> a = Reading(date(2026, 5, 18), D("20.998"), D("6.4"), D("10.25"), D(15), D(10), D(12))
    >>> b = Reading(date(2026, 5, 19), D("20.998"), D("6.4"), D("10.25"), D(15), D(9), D(11))
    >>> explain(a, b).kind
    'population'
    """
    deltas = {p: getattr(after, p) - getattr(before, p) for p in PILLARS}
    moved = {p: d for p, d in deltas.items() if d != 0}
    total = after.total - before.total
    ranks, averages = _changes(before, after, RANKS), _changes(before, after, AVERAGES)
    when = _when(before, after)
    sentences: list[str] = []
    kind: Kind
    if not moved and not ranks:
        kind = "none"
        sentences.append(f"{when}: no change in your pillars or ranks.")
    elif ranks and sum((abs(d) for d in moved.values()), Decimal(0)) <= BARELY:
        kind = "population"
        pillars = ("your pillars did not change" if not moved else
                   f"your pillars barely changed (total {signed(total, None)})")
        sentences.append(f"{when}, {pillars}, yet {_rank_words(ranks)}. The people you are ranked against"
                         " moved, not you: a rank compares you with everyone else, so their activity moves it too.")
    else:
        kind = "one-pillar" if len(moved) == 1 else "pillars"
        if len(moved) == 1:
            (pillar, change), = moved.items()
            way = "rose" if change > 0 else "fell"
            sentences.append(f"{when}, {LABELS[pillar]} {way} by {format(abs(change).normalize(), 'f')}"
                             f" ({plain(getattr(before, pillar))} → {plain(getattr(after, pillar))});"
                             " the other pillars did not move.")
        elif moved:
            listed = ", ".join(f"{LABELS[p]} {signed(d, None)}" for p, d in moved.items())
            sentences.append(f"{when}: {listed}.")
        else:
            sentences.append(f"{when}: your pillars did not change.")
        if moved:
            shown = (f"shown {before.shown_total} → {after.shown_total}" if before.shown_total != after.shown_total
                     else f"still shown as {after.shown_total}")
            sentences.append(f"Your total changed by {signed(total, None)} ({shown}).")
        if ranks:
            words = _rank_words(ranks)
            sentences.append(f"{words[:1].upper()}{words[1:]}{' with it' if moved else ''}.")
    for group, (old, new) in averages.items():
        sentences.append(f"The {group} average went from {plain(old)} to {plain(new)}.")
    return Move(after.day, before.day, kind, moved, total, ranks, averages, " ".join(sentences))


def explain_history(history: History) -> tuple[Move, ...]:
    """One move per reading after the first, oldest first."""
    return tuple(explain(a, b) for a, b in pairwise(history))
