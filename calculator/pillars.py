"""The four SSI pillars, in the order LinkedIn's dashboard lists them: their names, and the four values of a reading.

Every table of pillar names lives here: :attr:`Pillar.title` (the dashboard's words), :attr:`Pillar.short`
(for narrow table columns and chart legends) and :attr:`Pillar.value` (the key in forms, files and storage).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum


class Pillar(Enum):
    BRAND = "brand"
    FIND = "find"
    ENGAGE = "engage"
    RELATE = "relate"

    @property
    def title(self) -> str:
        """The pillar's name as the dashboard writes it."""
        return _TITLES[self]

    @property
    def short(self) -> str:
        """A short name, for narrow columns and chart legends."""
        return _SHORT[self]

    @property
    def guide(self) -> str:
        """The pillar's guide page, relative to the site root."""
        return _GUIDES[self]


_TITLES = {
    Pillar.BRAND: "Establish your professional brand",
    Pillar.FIND: "Find the right people",
    Pillar.ENGAGE: "Engage with insights",
    Pillar.RELATE: "Build relationships",
}

_SHORT = {Pillar.BRAND: "Brand", Pillar.FIND: "Find people", Pillar.ENGAGE: "Engage", Pillar.RELATE: "Relationships"}

_GUIDES = {
    Pillar.BRAND: "pillars/brand/",
    Pillar.FIND: "pillars/find-people/",
    Pillar.ENGAGE: "pillars/engage/",
    Pillar.RELATE: "pillars/relationships/",
}

# The guide section, on every pillar's page, that lists its quick wins.
QUICK_WINS_ANCHOR = "#quick-wins"


def shown_total(total: Decimal) -> int:
    """The total as the dashboard displays it: the pillar sum rounded half up to a whole number.

    >>> shown_total(Decimal("52.648")), shown_total(Decimal("52.5")), shown_total(Decimal("51.1"))
    (53, 53, 51)
    """
    return int(total.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Scores:
    """The four pillar values exactly as the dashboard shows them (0–25 each), with no date.

    >>> s = Scores(Decimal("20.998"), Decimal("6.4"), Decimal("10.25"), Decimal("15"))
    >>> s.total, shown_total(s.total)
    (Decimal('52.648'), 53)
    """

    brand: Decimal
    find: Decimal
    engage: Decimal
    relate: Decimal

    def values(self) -> dict[Pillar, Decimal]:
        return {p: getattr(self, p.value) for p in Pillar}

    @property
    def total(self) -> Decimal:
        return self.brand + self.find + self.engage + self.relate


# The two or three steps that matter most for each pillar, most effective first. The pillar's guide page
# explains each under QUICK_WINS_ANCHOR.
QUICK_WINS: dict[Pillar, tuple[str, ...]] = {
    Pillar.BRAND: (
        "Finish every profile section: photo, a headline that says whom you help, an About section,"
               " and your experience.",
        "Publish something of your own each month, such as a post or an article, and feature your best"
               " work on your profile.",
        "Ask a few colleagues who know your work to endorse the skills you want to be found for.",
    ),
    Pillar.FIND: (
        "Search for the people you want to reach each week, using filters instead of scrolling.",
        "Open the profiles of people you plan to contact before you write to them.",
        "Log in on more days of the week, even briefly: LinkedIn counts days active.",
    ),
    Pillar.ENGAGE: (
        "Leave two or three thoughtful comments a week on posts by people you want to know.",
        "Share useful material with a line of your own view, rather than a bare repost.",
        "Answer the messages you receive: LinkedIn counts your response rate.",
    ),
    Pillar.RELATE: (
        "Connect with colleagues and people you have actually met or worked with.",
        "Send fewer, personal connection requests: your acceptance rate counts.",
        "Build ties with senior people in your field through conversation, not mass invitations.",
    ),
}
