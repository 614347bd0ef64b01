"""Reading members' files: who each file is, its readings, and every problem with the line it is on."""

from calculator.team.load import name_from_file, read_team_file
from calculator.track.csvio import MAX_BYTES

from .make import TODAY, csv_file, json_file, reading, text_file, weekly

HEADER = "date,brand,find,engage,relate\n"


def read(f, today=TODAY):  # type: ignore[no-untyped-def]
    return read_team_file(f.name, f.text, f.size, today)


def test_a_track_export_named_after_its_owner_is_that_member_with_every_reading() -> None:
    history = weekly(12)
    got = read(csv_file("ana-ssi-readings-2026-05-19.csv", history))
    assert got.problem == ""
    assert [(f.name, f.readings) for f in got.found] == [("ana", history)]


def test_a_json_export_may_carry_the_name() -> None:
    f = json_file("ssi-readings-2026-05-19.json", (reading("2026-05-19"),))
    text = f.text.replace('{"format"', '{"name":"Ana Souza","format"')  # type: ignore[union-attr]
    got = read(text_file(f.name, text))
    assert got.kind == "JSON" and got.found[0].name == "Ana Souza"


def test_the_default_export_name_gives_an_unnamed_member_not_a_guess() -> None:
    assert name_from_file("ssi-readings-2026-05-19 (3).csv") == ""
    assert read(csv_file("ssi-readings-2026-05-19.csv", weekly(2))).found[0].name == ""


def test_a_name_column_gives_one_member_per_name_and_keeps_the_file_s_line_numbers() -> None:
    text = ("name,date,brand,find,engage,relate\n"
            "Cara,2026-05-01,15,8,5,12\n"
            "Dan,2026-05-01,10,3,1,9\n"
            ",2026-05-02,1,1,1,1\n"
            "Cara,2026-05-01,15,8,5,12\n"
            "Dan,2026-05-08,lots,3,1,9\n")
    got = read(text_file("team.csv", text))
    assert [(f.name, len(f.readings)) for f in got.found] == [("Cara", 1), ("Dan", 1)]
    assert [(r.line, r.reason) for r in got.all_rejected] == [
        (4, "the name column is empty: whose reading is this?"),
        (5, "the date 2026-05-01 is already on line 2 (one reading per date)"),
        (6, "Establish your professional brand: “lots” is not a number"),
    ]


def test_line_numbers_survive_a_note_over_several_lines() -> None:
    text = 'member,date,brand,find,engage,relate,note\nAna,2026-05-01,1,1,1,1,"two\nlines"\nBob,2026-05-01,x,1,1,1,\n'
    got = read(text_file("team.csv", text))
    assert [(r.line, r.reason.split(":")[0]) for r in got.all_rejected] == [(4, "Establish your professional brand")]


def test_an_empty_name_column_means_the_file_is_one_person() -> None:
    got = read(text_file("Bob_Jones.csv", "name,date,brand,find,engage,relate\n,2026-05-01,1,2,3,4\n"))
    assert [(f.name, len(f.readings)) for f in got.found] == [("Bob Jones", 1)]


def test_future_dates_and_bad_rows_are_listed_with_their_lines() -> None:
    got = read(text_file("ana.csv", HEADER + "2026-05-01,1,1,1,1\n2027-01-01,1,1,1,1\n2026-05-03,30,1,1,1\n"))
    assert len(got.found[0].readings) == 1
    assert [(r.line, r.reason) for r in got.all_rejected] == [
        (3, "Date: 2027-01-01 is in the future"),
        (4, "Establish your professional brand: 30 is outside 0 to 25"),
    ]


def test_notes_are_not_kept() -> None:
    got = read(csv_file("ana.csv", (reading("2026-05-01", note="called my biggest client"),)))
    assert got.found[0].readings[0].note == ""


def test_files_that_cannot_be_readings_are_refused_by_name_with_the_reason() -> None:
    huge = read_team_file("huge.csv", None, 20 * 1024 * 1024)
    assert "“huge.csv” is 20.0 MB, too large" in huge.problem and huge.found == ()
    binary = read(text_file("photo.csv", "\x89PNG\r\n\x1a\n\x00\x00" + "\ufffd" * 200))
    assert "“photo.csv” looks like a binary file" in binary.problem
    assert "“empty.csv” is empty" in read(text_file("empty.csv", " \n")).problem
    columns = read(text_file("wrong.csv", "day,score\n2026-05-01,50\n"))
    assert columns.problem.startswith("“wrong.csv”: ") and "lacks brand, find, engage, relate" in columns.problem
    assert "not valid JSON" in read(text_file("x.json", "{oops")).problem
    assert MAX_BYTES < 20 * 1024 * 1024


def test_a_binary_file_with_a_name_column_look_is_still_refused() -> None:
    got = read(text_file("x.csv", "name,date\x00" * 100))
    assert "binary" in got.problem
