"""The team kept in the browser: the same team back, exactly; damage reported, never a crash."""

import json
from datetime import timedelta

from calculator.team import store
from calculator.team.load import Found
from calculator.team.model import Team, add_found, rename

from .make import TODAY, reading, weekly


def team() -> Team:
    t = add_found(Team(), "ana.csv", Found("Ana", weekly(5))).team
    ranked = reading("2026-06-01", industry_rank="9", network_average="36.31")
    t = add_found(t, "ana-2.csv", Found("Ana", (ranked,))).team
    return rename(add_found(t, "x.csv", Found("", weekly(2))).team, {"m2": "Bo, \"the\" <b>"})


def test_a_kept_team_comes_back_to_the_last_digit() -> None:
    original = team()
    back = store.load(store.dump(original))
    assert back.problem == "" and back.team == original
    assert [m.readings for m in back.team.members] == [m.readings for m in original.members]


def test_damaged_saved_text_is_reported_not_raised() -> None:
    assert "not JSON" in store.load("{").problem
    assert "not a saved team" in store.load('{"readings": []}').problem
    assert "version 9" in store.load(json.dumps({"format": store.FORMAT, "version": 9, "members": []})).problem
    data = json.loads(store.dump(team()))
    data["members"][0]["parts"][0]["readings"] += "\n2026-13-01,1,1,1,1\nnonsense"
    data["members"].append("junk")
    back = store.load(json.dumps(data))
    assert back.problem.startswith("3 entries of the team kept in this browser could not be read")
    assert len(back.team.members) == 2 and len(back.team.members[0].readings) == 6


def test_two_hundred_members_with_five_years_of_weekly_readings_fit_in_a_browser() -> None:
    big = Team()
    years = tuple(reading(TODAY - timedelta(weeks=i), brand="20.998", find="6.4", engage="10.25", relate="15.16")
                  for i in range(261))[::-1]
    for i in range(200):
        big = add_found(big, f"member-{i}.csv", Found(f"Member {i}", years)).team
    assert len(store.dump(big)) < store.MAX_CHARS
