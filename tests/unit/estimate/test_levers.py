"""What the planner can change and what a plan says: levers, items in words, the daily pace."""

from calculator.estimate.levers import INVITATIONS, LEVERS, LEVERS_BY_KEY, Goal, Item, for_goal
from calculator.estimate.terms import TERMS_BY_KEY
from calculator.outreach.limits import STAGES, WEEKLY_LOW_MAX, WORKDAYS, low_pace, stage
from calculator.pillars import Pillar


def test_every_lever_but_invitations_is_an_input_of_the_model() -> None:
    assert all(lv.key in TERMS_BY_KEY for lv in LEVERS if lv.key != INVITATIONS)
    assert LEVERS_BY_KEY[INVITATIONS].pillar is Pillar.RELATE
    assert LEVERS_BY_KEY[INVITATIONS].limit == WEEKLY_LOW_MAX


def test_an_item_says_the_change_from_one_level_to_another() -> None:
    item = Item(LEVERS_BY_KEY["comments_per_week"], 0.5, 4.5, 2.0, 35.0, 20.0, 0.0)
    assert item.text() == "Write thoughtful comments on their posts: from 0.5 to 4.5 a week"
    assert Item(LEVERS_BY_KEY["photo"], 0, 1, 1.5, 30, 0, 10).text() == "Add a clear profile photo"


def test_the_daily_pace_never_exceeds_the_stage_low_line() -> None:
    for s in STAGES:
        limit = for_goal(LEVERS_BY_KEY[INVITATIONS], Goal(stage=s.key)).limit
        assert limit == low_pace(stage(s.key))[1]
        assert -(-limit // WORKDAYS) <= s.low_per_day
