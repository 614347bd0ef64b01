"""The constants of OUR estimate model: one term per input, its curve, and the caps and error bars.

LinkedIn's formula is private. Which inputs belong to which pillar follows LinkedIn's own list (the 2015
"Social Selling Index breakdown" deck [li-breakdown-deck] and Help a105145 [li-help-ssi]); every weight,
scale and curve below is ours, chosen so that the calibration personas in :mod:`.personas` land where
the published readings put real people. Changing a number here changes the calculator, its tests and the
methodology page together.

>>> round(Term("x", Pillar.BRAND, "X", "", "exp", 8, 2).points(2), 3)
5.057
>>> Term("x", Pillar.BRAND, "X", "", "flag", 1.5).points(1), Term("x", Pillar.FIND, "X", "", "linear", 6, 7).points(14)
(1.5, 6.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from ..pillars import Pillar

PILLAR_CAP = 25.0

# The error bar we put on each pillar: a floor for the unknown parts of LinkedIn's formula, plus a share of
# the value because the further a pillar is from zero, the more our weights matter. Total: root-sum-square.
UNCERTAINTY_FLOOR = 1.5
UNCERTAINTY_SHARE = 0.15

Curve = Literal["flag", "linear", "exp"]
Account = Literal["free", "sales_navigator"]


@dataclass(frozen=True)
class Term:
    """One input's share of a pillar.

    ``exp``: ``most × (1 − e^(−x/scale))``, steep at first, then flattening (x = scale gives 63% of most).
    ``linear``: ``most × min(x/scale, 1)``, for rates and days whose top is natural (100%, 7 days).
    ``flag``: ``most`` when the item is there, else 0.
    """

    key: str  # the attribute of EstimateInputs, and the form field's name
    pillar: Pillar
    label: str
    unit: str
    curve: Curve
    most: float  # the points the term approaches, always below the pillar cap
    scale: float = 1.0
    sales_navigator_only: bool = False

    def points(self, x: float) -> float:
        """The points ``x`` earns; never decreasing in ``x`` and never above ``most``."""
        x = max(0.0, x)
        if self.curve == "flag":
            return self.most if x > 0 else 0.0
        if self.curve == "linear":
            return self.most * min(x / self.scale, 1.0)
        return self.most * -math.expm1(-x / self.scale)

    def formula(self) -> str:
        """The curve in words, for the methodology table."""
        if self.curve == "flag":
            return f"{_n(self.most)} if present"
        if self.curve == "linear":
            return f"{_n(self.most)} × min(x ÷ {_n(self.scale)}, 1)"
        return f"{_n(self.most)} × (1 − e^(−x ÷ {_n(self.scale)}))"

    def half_at(self) -> float | None:
        """The input that earns half of ``most`` (None for a yes/no item)."""
        if self.curve == "flag":
            return None
        if self.curve == "linear":
            return self.scale / 2
        return self.scale * math.log(2)


def _n(value: float) -> str:
    return f"{value:g}"


B, F, E, R = Pillar.BRAND, Pillar.FIND, Pillar.ENGAGE, Pillar.RELATE

TERMS: tuple[Term, ...] = (
    # Establish your professional brand: profile completeness, multimedia, endorsements, posts, followers.
    Term("photo", B, "Profile photo", "yes/no", "flag", 1.5),
    Term("banner", B, "Background banner", "yes/no", "flag", 0.5),
    Term("headline", B, "A headline that says whom you help", "yes/no", "flag", 1.0),
    Term("about", B, "About section", "yes/no", "flag", 1.5),
    Term("experience", B, "Experience described", "yes/no", "flag", 1.5),
    Term("skills", B, "Skills listed", "skills", "exp", 1.0, 5),
    Term("featured", B, "Featured media", "yes/no", "flag", 1.0),
    Term("endorsements", B, "Endorsements received", "in total", "exp", 4.0, 25),
    Term("posts_per_month", B, "Posts and articles", "a month", "exp", 8.0, 2),
    Term("followers", B, "Followers", "in total", "exp", 6.0, 1000),
    # Find the right people: searches, profile views made and received, days active, leads saved.
    Term("searches_per_week", F, "People searches", "a week", "exp", 5.0, 6),
    Term("views_made_per_week", F, "Profiles you view", "a week", "exp", 4.0, 12),
    Term("views_received_per_week", F, "Views of your profile", "a week", "exp", 4.0, 25),
    Term("days_active", F, "Days active", "days a week", "linear", 6.0, 7),
    Term("sn_searches_per_week", F, "Sales Navigator searches", "a week", "exp", 3.0, 5, sales_navigator_only=True),
    Term("lead_saves_per_week", F, "Leads saved", "a week", "exp", 5.0, 5, sales_navigator_only=True),
    # Engage with insights: comments, shares, likes, message/InMail response rate, groups, and two inputs the
    # 2015 deck lists here that exist only in Sales Navigator: accounts saved and research views.
    Term("comments_per_week", E, "Comments", "a week", "exp", 7.0, 6),
    Term("shares_per_week", E, "Shares with your own words", "a week", "exp", 5.0, 3),
    Term("reactions_per_week", E, "Reactions (likes and others)", "a week", "exp", 3.5, 20),
    Term("response_rate", E, "Reply rate to your messages and InMails", "%", "linear", 4.5, 100),
    Term("group_posts_per_month", E, "Group posts and comments", "a month", "exp", 3.0, 4),
    Term("account_saves_per_week", E, "Accounts saved", "a week", "exp", 1.5, 3, sales_navigator_only=True),
    Term("research_views_per_week", E, "Account pages viewed (research views)", "a week", "exp", 1.5, 15,
         sales_navigator_only=True),
    # Build relationships: connections, VP+ connections, colleagues, acceptance rate.
    Term("connections", R, "Connections", "in total", "exp", 10.0, 600),
    Term("senior_share", R, "Connections who are VP or above", "% of connections", "exp", 5.0, 12),
    Term("colleagues", R, "Colleagues connected", "people", "exp", 4.0, 30),
    Term("acceptance_rate", R, "Acceptance rate of your invitations", "%", "exp", 7.0, 45),
)

TERMS_BY_KEY: dict[str, Term] = {t.key: t for t in TERMS}


def terms_of(pillar: Pillar) -> tuple[Term, ...]:
    return _TERMS_OF[pillar]


# Worked out once: every estimate asks for each pillar's terms, and the planner asks many times.
_TERMS_OF: dict[Pillar, tuple[Term, ...]] = {p: tuple(t for t in TERMS if t.pillar == p) for p in Pillar}


def ceiling(pillar: Pillar, account: Account) -> float:
    """The most a pillar can approach on an account type: the cap, or less when Sales Navigator terms drop out.

    >>> ceiling(Pillar.FIND, "free"), ceiling(Pillar.FIND, "sales_navigator"), ceiling(Pillar.BRAND, "free")
    (19.0, 25.0, 25.0)
    >>> ceiling(Pillar.ENGAGE, "free"), ceiling(Pillar.ENGAGE, "sales_navigator")
    (23.0, 25.0)
    """
    most = sum(t.most for t in terms_of(pillar) if account == "sales_navigator" or not t.sales_navigator_only)
    return min(PILLAR_CAP, most)


def uncertainty(value: float) -> float:
    """Our ± on a pillar estimate of ``value`` points.

    >>> uncertainty(0), uncertainty(20)
    (1.5, 4.5)
    """
    return UNCERTAINTY_FLOOR + UNCERTAINTY_SHARE * value
