"""Read the text a person copies from their SSI page (select all, copy, paste), and check it.

The reading itself is :mod:`.paste_layouts` (any language of :mod:`.dashboard_labels`, any layout seen); the
checks are :mod:`.checks` (the rounding LinkedIn's page follows). This module joins the two into what the
Track page shows before anything is saved: the values found, the ones missing, and every doubt in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .checks import Breach, check_all
from .paste_layouts import MAX_PASTE, Read, read
from .paste_tokens import normalise
from .readings import PILLARS

__all__ = ["MAX_PASTE", "Pasted", "normalise", "parse"]


@dataclass(frozen=True)
class Pasted:
    """What the pasted text gave: values by reading field name, the total shown, what is missing, and doubts."""

    values: dict[str, Decimal] = field(default_factory=dict)
    total: Decimal | None = None
    missing: tuple[str, ...] = ()  # reading field names not found (pillars first)
    problems: tuple[str, ...] = ()  # values left empty or not used, and probable typos
    read: Read = field(default_factory=Read)
    breaches: tuple[Breach, ...] = ()

    @property
    def complete(self) -> bool:
        """True when all four pillars were found, enough to save a reading."""
        return all(p in self.values for p in PILLARS)

    @property
    def found_anything(self) -> bool:
        return bool(self.values) or self.total is not None


def parse(text: str) -> Pasted:
    """Read and check pasted page text. Never raises.

    >>> got = parse("Current Social Selling Index 58 out of 100 Establish your professional brand 20,998"
    ...             "  Find the right people\\n6.4\\nEngage with insights 10.25 Build relationships 15")
    >>> [str(got.values[p]) for p in ("brand", "find", "engage", "relate")], got.total
    (['20.998', '6.4', '10.25', '15'], Decimal('58'))
    >>> got.breaches[0].allowed
    (Decimal('53'),)
    """
    got = read(text)
    total = got.total.value if got.total is not None else None
    breaches = check_all(got.values, total, got.groups)
    problems = (*got.notes, *(b.message for b in breaches))
    return Pasted(got.values, total, got.missing, problems, got, breaches)
