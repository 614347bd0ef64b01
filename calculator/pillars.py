"""The four SSI pillars, in the order LinkedIn's dashboard lists them."""

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
        return _TITLES[self]

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

_GUIDES = {
    Pillar.BRAND: "pillars/brand/",
    Pillar.FIND: "pillars/find-people/",
    Pillar.ENGAGE: "pillars/engage/",
    Pillar.RELATE: "pillars/relationships/",
}


def shown_total(total: Decimal) -> int:
    """The total as the dashboard displays it: the pillar sum rounded half up to a whole number.

    >>> shown_total(Decimal("52.648")), shown_total(Decimal("52.5")), shown_total(Decimal("51.1"))
    (53, 53, 51)
    """
    return int(total.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Action:
    """One concrete step that raises a pillar, with the guide section that explains it."""

    text: str
    anchor: str  # section of the pillar's guide page


# The two or three actions that matter most for each pillar, most effective first.
ACTIONS: dict[Pillar, tuple[Action, ...]] = {
    Pillar.BRAND: (
        Action("Finish every profile section: photo, a headline that says whom you help, an About section,"
               " and your experience.", "quick-wins"),
        Action("Publish something of your own each month, such as a post or an article, and feature your best"
               " work on your profile.", "quick-wins"),
        Action("Ask a few colleagues who know your work to endorse the skills you want to be found for.",
               "quick-wins"),
    ),
    Pillar.FIND: (
        Action("Search for the people you want to reach each week, using filters instead of scrolling.",
               "quick-wins"),
        Action("Open the profiles of people you plan to contact before you write to them.", "quick-wins"),
        Action("Log in on more days of the week, even briefly: LinkedIn counts days active.", "quick-wins"),
    ),
    Pillar.ENGAGE: (
        Action("Leave two or three thoughtful comments a week on posts by people you want to know.",
               "quick-wins"),
        Action("Share useful material with a line of your own view, rather than a bare repost.", "quick-wins"),
        Action("Answer the messages you receive: LinkedIn counts your response rate.", "quick-wins"),
    ),
    Pillar.RELATE: (
        Action("Connect with colleagues and people you have actually met or worked with.", "quick-wins"),
        Action("Send fewer, personal connection requests: your acceptance rate counts.", "quick-wins"),
        Action("Build ties with senior people in your field through conversation, not mass invitations.",
               "quick-wins"),
    ),
}
