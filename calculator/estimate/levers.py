"""What the planner can change (:data:`LEVERS`), what a plan aims for (:class:`Goal`) and what it returns
(:class:`Plan`, a list of :class:`Item`). The engine that picks the steps is :mod:`.planner`."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from ..html import number
from ..outreach.limits import WEEKLY_LOW_MAX, WORKDAYS, StageKey, low_pace, stage
from ..pillars import Pillar
from .score import Estimate
from .terms import TERMS_BY_KEY

INVITATIONS = "invitations"  # the one lever that is not an input: invitations a week, turning into connections


@dataclass(frozen=True)
class Lever:
    """One change a plan can make, in steps.

    ``minutes``: per step, each week for a habit, or once for a one-off task.
    ``limit``: the highest level the plan suggests (our judgement of what a person can sustain, or a
    sourced limit where ``source_id`` says so).
    """

    key: str
    action: str  # what to do, in the imperative
    step: float
    limit: float
    minutes: float
    one_off: bool = False
    sales_navigator_only: bool = False
    source_id: str = ""

    @property
    def pillar(self) -> Pillar:
        return Pillar.RELATE if self.key == INVITATIONS else TERMS_BY_KEY[self.key].pillar

    @property
    def unit(self) -> str:
        return "a week" if self.key == INVITATIONS else TERMS_BY_KEY[self.key].unit

    @property
    def yes_no(self) -> bool:
        return self.key != INVITATIONS and TERMS_BY_KEY[self.key].curve == "flag"


LEVERS: tuple[Lever, ...] = (
    Lever("photo", "Add a clear profile photo", 1, 1, 10, one_off=True),
    Lever("headline", "Rewrite your headline to say whom you help", 1, 1, 15, one_off=True),
    Lever("about", "Write an About section", 1, 1, 45, one_off=True),
    Lever("experience", "Describe your current and past roles", 1, 1, 30, one_off=True),
    Lever("banner", "Add a background banner", 1, 1, 10, one_off=True),
    Lever("featured", "Feature your best post, document or link", 1, 1, 20, one_off=True),
    Lever("skills", "List the skills you want to be found for", 5, 20, 10, one_off=True),
    Lever("endorsements", "Ask people who know your work to endorse you", 10, 60, 20, one_off=True),
    Lever("colleagues", "Connect with colleagues you work with", 10, 50, 15, one_off=True),
    Lever("days_active", "Visit LinkedIn on more days, even briefly", 1, 7, 5),
    Lever("searches_per_week", "Search for the people you want to reach", 3, 25, 5),
    Lever("views_made_per_week", "Look at people's profiles before you contact them", 5, 50, 10),
    Lever("sn_searches_per_week", "Run saved Sales Navigator searches", 3, 25, 5, sales_navigator_only=True),
    Lever("lead_saves_per_week", "Save leads in Sales Navigator", 5, 30, 10, sales_navigator_only=True),
    Lever("reactions_per_week", "React to posts from people you want to know", 5, 40, 3),
    Lever("comments_per_week", "Write thoughtful comments on their posts", 2, 15, 10),
    Lever("shares_per_week", "Share useful posts with a line of your own", 1, 5, 5),
    Lever("group_posts_per_month", "Post or comment in a relevant group", 2, 8, 8),
    Lever("account_saves_per_week", "Save the accounts you sell to in Sales Navigator", 2, 10, 5,
          sales_navigator_only=True),
    Lever("research_views_per_week", "Read the account pages of companies you sell to in Sales Navigator", 5, 40,
          10, sales_navigator_only=True),
    Lever("posts_per_month", "Publish posts or articles of your own", 1, 8, 14),
    # Its limit here is the most for any account; a plan uses the Low pace of the account's stage (for_goal).
    Lever(INVITATIONS, "Send personal invitations to people you have a reason to meet", 10, WEEKLY_LOW_MAX, 20,
          source_id="weekly-100"),
)

LEVERS_BY_KEY = {lever.key: lever for lever in LEVERS}


@dataclass(frozen=True)
class Goal:
    """What the plan aims for: a target total, a weekly time budget in minutes, or both."""

    target: float | None = None
    budget: float | None = None
    weeks: int = 8
    invites_now: float = 0  # invitations a week already sent: the plan's invitations come on top
    stage: StageKey = "settled"  # how far along the account's sending is: it sets the invitation limit


def invitation_limit(goal: Goal) -> float:
    """The most invitations a week a plan reaches: the pace the pacing check rates Low for the account's stage.

    >>> invitation_limit(Goal(stage="start")), invitation_limit(Goal(stage="settled"))
    (25.0, 74.0)
    """
    return float(low_pace(stage(goal.stage))[1])


def for_goal(lever: Lever, goal: Goal) -> Lever:
    """The lever as a plan for ``goal`` uses it: invitations limited by the account's stage."""
    return replace(lever, limit=invitation_limit(goal)) if lever.key == INVITATIONS else lever


@dataclass(frozen=True)
class Item:
    lever: Lever
    start: float
    end: float
    gain: float  # central estimate, in the order the items are listed
    total_after: float
    weekly_minutes: float
    once_minutes: float

    def text(self) -> str:
        """The change in words: "Write thoughtful comments on their posts: from 0.5 to 4.5 a week".

        >>> Item(LEVERS_BY_KEY["comments_per_week"], 0.5, 4.5, 2.0, 35.0, 20.0, 0.0).text()
        'Write thoughtful comments on their posts: from 0.5 to 4.5 a week'
        """
        if self.lever.yes_no:
            return self.lever.action
        unit = self.lever.unit
        return f"{self.lever.action}: from {number(self.start)} to {number(self.end)} {unit}"


@dataclass(frozen=True)
class Plan:
    goal: Goal
    start: Estimate
    end: Estimate
    items: tuple[Item, ...]
    reached: bool  # the target (if any) is reached by the plan
    weekly_minutes: float
    once_minutes: float
    invites_per_week: float  # including those already sent
    best_within_limits: float | None  # when the target is missed: the highest total with no time budget
    best_with_sales_navigator: float | None  # the same on Sales Navigator, for a free account
    blockers: tuple[str, ...]  # plain reasons the target is out of reach

    @property
    def per_day(self) -> int:
        return math.ceil(self.invites_per_week / WORKDAYS) if self.invites_per_week else 0
