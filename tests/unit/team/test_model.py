"""Putting files together: the same person's files merge, nothing is lost, and every merge can be undone."""

from calculator.team.load import Found
from calculator.team.model import Team, add_found, merge_members, remove, rename, same_names, split_file

from .make import reading, weekly


def test_two_files_for_the_same_person_merge_and_say_so() -> None:
    first = add_found(Team(), "ana.csv", Found("Ana", weekly(3))).team
    change = add_found(first, "ANA (1).csv", Found("ana", (reading("2026-06-01"),)))
    (ana,) = change.team.members
    assert len(ana.readings) == 4 and ana.files == ("ana.csv", "ANA (1).csv")
    assert "merged as one person (1 new date, 0 dates already there" in change.messages[0]


def test_a_date_the_files_disagree_on_keeps_the_first_and_is_listed() -> None:
    team = add_found(Team(), "a.csv", Found("Ana", (reading("2026-05-01", brand="20"),))).team
    change = add_found(team, "b.csv", Found("Ana", (reading("2026-05-01", brand="10"),)))
    (ana,) = change.team.members
    assert ana.readings[0].brand == 20
    (c,) = ana.conflicts
    assert (c.kept_file, c.other_file, c.other.brand) == ("a.csv", "b.csv", 10)
    assert "1 date with different values keep the earlier file's reading" in change.messages[0]


def test_the_same_file_twice_adds_nothing() -> None:
    team = add_found(Team(), "a.csv", Found("Ana", weekly(2))).team
    change = add_found(team, "a.csv", Found("Ana", weekly(2)))
    assert change.team is team and "already loaded" in change.messages[0]


def test_unnamed_members_never_merge_with_each_other() -> None:
    team = add_found(Team(), "ssi-readings.csv", Found("", weekly(2))).team
    change = add_found(team, "ssi-readings (1).csv", Found("", weekly(2)))
    assert [m.label for m in change.team.members] == ["Member 1 (no name yet)", "Member 2 (no name yet)"]
    assert "type one below" in change.messages[0]


def test_typing_the_same_name_twice_asks_instead_of_merging() -> None:
    team = add_found(add_found(Team(), "x.csv", Found("", weekly(2))).team, "y.csv", Found("Bo", weekly(1))).team
    team = rename(team, {"m1": " bo "})
    assert len(team.members) == 2
    (group,) = same_names(team)
    assert [m.key for m in group] == ["m1", "m2"]
    merged = merge_members(team, "m1", "m2")
    assert [m.name for m in merged.team.members] == ["bo"] and len(merged.team.members[0].files) == 2


def test_keep_apart_undoes_a_merge_without_losing_a_reading() -> None:
    team = add_found(Team(), "ana.csv", Found("Ana", weekly(3))).team
    team = add_found(team, "ana-2.csv", Found("Ana", (reading("2026-07-01"),))).team
    change = split_file(team, "m1", "ana-2.csv")
    names = [(m.name, len(m.readings)) for m in change.team.members]
    assert names == [("Ana", 3), ("ana 2", 1)]  # named after its file
    assert "is now ana 2, apart from Ana" in change.messages[0]
    same = add_found(team, "ANA.csv", Found("Ana", (reading("2026-08-01"),))).team
    assert [m.name for m in split_file(same, "m1", "ANA.csv").team.members] == ["Ana", "Ana (2)"]


def test_remove_says_who_and_how_many_readings() -> None:
    team = add_found(Team(), "ana.csv", Found("Ana", weekly(3))).team
    change = remove(team, "m1")
    assert change.team.members == () and change.messages == ("Removed Ana (3 readings) from the team.",)
    assert remove(change.team, "m1").messages == ("That member is no longer loaded.",)
