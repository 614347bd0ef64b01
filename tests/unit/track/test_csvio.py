"""Import and export: exact round trips, and every kind of broken file a person might choose."""

import base64
import json
from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.track.csvio import MAX_BYTES, read_csv, read_file, read_json, read_upload, to_csv, to_json
from calculator.track.readings import Reading, sort_history
from calculator.web import handle_json

TODAY = date(2026, 5, 20)
HEADER = "date,brand,find,engage,relate\n"


def one(day: str = "2026-05-19", note: str = "") -> Reading:
    return Reading(date.fromisoformat(day), D("20.998"), D("6.4"), D("10.25"), D("15.0"), note=note)


def value(places: int, top: int, low: int = 0) -> st.SearchStrategy[D]:
    return st.decimals(min_value=low, max_value=top, places=places, allow_nan=False,
                       allow_infinity=False).map(lambda d: d.copy_abs())


notes = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=60).map(str.strip)
readings = st.builds(
    Reading, st.dates(date(2014, 1, 1), TODAY), value(3, 25), value(3, 25), value(3, 25), value(3, 25),
    st.none() | value(1, 100, 1), st.none() | value(1, 100, 1), st.none() | value(2, 100), st.none() | value(2, 100),
    notes,
)


@given(st.lists(readings, max_size=25).map(sort_history))
def test_csv_export_imports_back_to_the_last_digit(history: tuple[Reading, ...]) -> None:
    got = read_file("export.csv", to_csv(history), 1)
    assert got.rejected == ()
    assert got.readings == history
    assert [[str(getattr(r, f)) for f in ("brand", "find", "engage", "relate")] for r in got.readings] == \
        [[str(getattr(r, f)) for f in ("brand", "find", "engage", "relate")] for r in history]


@given(st.lists(readings, max_size=25).map(sort_history))
def test_json_export_imports_back_to_the_last_digit(history: tuple[Reading, ...]) -> None:
    got = read_file("export.json", to_json(history), 1)
    assert got.rejected == () and got.readings == history


def test_formula_like_notes_are_defused_in_csv_and_restored_on_import() -> None:
    history = (one(note="=HYPERLINK(\"http://x\")"), one("2026-05-20", "'+1"), one("2026-05-18", "@x"))
    text = to_csv(sort_history(history))
    assert "\n2026-05-19,20.998,6.4,10.25,15.0,52.648,,,,,\"'=HYPERLINK" in text
    assert read_csv(text).readings == sort_history(history)


def test_semicolons_and_decimal_commas_as_spreadsheets_in_many_countries_write_them() -> None:
    got = read_csv("Date;Establish your professional brand;Find the right people;Engage with insights;"
                   "Build relationships\n2026-05-19;20,998;6,4;10,25;15\n")
    assert got.readings == (Reading(date(2026, 5, 19), D("20.998"), D("6.4"), D("10.25"), D("15")),)


def test_a_malformed_file_keeps_valid_rows_and_lists_every_rejected_one() -> None:
    text = (HEADER
            + "2026-05-01,20,6,10,15\n"        # line 2 fine
            + "01/05/2026,20,6,10,15\n"        # line 3 bad date
            + "2026-05-03,twenty,6,10,15\n"    # line 4 text in a number
            + "2026-05-01,21,6,10,15\n"        # line 5 duplicate of line 2
            + "2026-05-05,20,6,10\n"           # line 6 a value short
            + "\n"                             # line 7 blank: skipped silently
            + "2026-05-08,20,6,10,15,extra\n"  # line 8 a value too many
            + "2026-05-09,26,6,10,15\n"        # line 9 out of range
            + "2030-01-01,1,1,1,1\n"           # line 10 in the future
            + "2026-05-10,1,1,1,1\n")          # line 11 fine
    got = read_csv(text, TODAY)
    assert [r.day.isoformat() for r in got.readings] == ["2026-05-01", "2026-05-10"]
    reasons = {r.line: r.reason for r in got.rejected}
    assert sorted(reasons) == [3, 4, 5, 6, 8, 9, 10]
    assert "YYYY-MM-DD" in reasons[3]
    assert "Establish your professional brand: “twenty” is not a number" in reasons[4]
    assert "already on line 2" in reasons[5]
    assert "has 4 values" in reasons[6] and "has 6 values" in reasons[8]
    assert "outside 0 to 25" in reasons[9]
    assert "future" in reasons[10]


def test_wrong_columns_reject_the_file_and_say_what_it_has() -> None:
    got = read_csv("name,email\nAda,ada@example.com\n")
    assert got.readings == ()
    assert "lacks date, brand, find, engage, relate" in got.problem and "“name”" in got.problem


@pytest.mark.parametrize(("name", "text", "size", "says"), [
    ("empty.csv", "", 0, "is empty"),
    ("blank.csv", "\ufeff\n\n  \n", 5, "is empty"),
    ("huge.csv", None, 50 * 1024 * 1024, "50.0 MB, too large"),
    ("big.csv", "x", MAX_BYTES + 1, "too large"),
    ("sheet.xlsx", "PK\x03\x04\x00\x00\x08\x00" + "\ufffd" * 40, 4000, "binary file"),
    ("photo.csv", "\ufffd\ufffdJFIF" + "\ufffd" * 200 + "abc", 4000, "binary file"),
    ("header-only.csv", HEADER, 30, ""),
])
def test_files_that_cannot_be_readings_are_refused_with_a_reason(name: str, text: str | None, size: int,
                                                                   says: str) -> None:
    got = read_file(name, text, size, TODAY)
    assert got.readings == ()
    assert says in got.problem


def test_a_byte_order_mark_and_windows_line_ends_are_fine() -> None:
    got = read_file("x.csv", "\ufeff" + HEADER.replace("\n", "\r\n") + "2026-05-19,1,2,3,4\r\n", 50, TODAY)
    assert len(got.readings) == 1 and got.rejected == ()


def test_json_imports_report_entries() -> None:
    text = json.dumps({"format": "ssi-field-guide/readings", "version": 1, "readings": [
        {"date": "2026-05-19", "brand": "1", "find": "1", "engage": "1", "relate": "1"},
        {"date": "2026-05-19", "brand": "2", "find": "1", "engage": "1", "relate": "1"},
        {"date": "2031-01-01", "brand": "2", "find": "1", "engage": "1", "relate": "1"},
        [1, 2, 3],
    ]})
    got = read_json(text, TODAY)
    assert len(got.readings) == 1
    assert [r.line for r in got.rejected] == [2, 3, 4]
    assert got.where == "entry"


@pytest.mark.parametrize("text", ["{", "[" * 100_000, '{"readings": 3}', '{"format": "other", "readings": []}', "true"])
def test_json_that_is_not_ours_is_refused(text: str) -> None:
    assert read_json(text).problem


def test_a_quoted_field_left_open_does_not_raise() -> None:
    got = read_csv(HEADER + '2026-05-19,1,2,3,"4\n2026-05-20,1,2,3,4\n')
    assert got.readings == () and got.rejected


@given(st.text(max_size=400))
def test_any_text_imports_without_raising(text: str) -> None:
    read_file("x.csv", text, len(text), TODAY)


EXCEL_1252 = "date,brand,find,engage,relate,note\r\n2026-05-19,20.998,6.4,10.25,15,café réunion\r\n".encode("cp1252")


def test_a_windows_1252_csv_from_excel_keeps_its_accents_and_says_how_it_was_read() -> None:
    got = read_upload("excel.csv", EXCEL_1252, len(EXCEL_1252), TODAY)
    assert [r.note for r in got.readings] == ["café réunion"]
    assert "read as Windows-1252" in got.note


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig", "utf-8"])
def test_unicode_csv_files_are_read_exactly_and_silently(codec: str) -> None:
    data = EXCEL_1252.decode("cp1252").encode(codec)
    got = read_upload("unicode.csv", data, len(data), TODAY)
    assert [r.note for r in got.readings] == ["café réunion"] and got.note == ""


def test_the_page_sends_a_file_as_bytes_and_the_import_report_names_the_encoding() -> None:
    request = {"mode": "track", "values": {}, "action": "import", "file_name": "excel.csv",
               "file_size": len(EXCEL_1252), "file_base64": base64.b64encode(EXCEL_1252).decode()}
    answer = json.loads(handle_json(json.dumps(request)))
    assert "1 new reading added" in answer["html"] and "read as Windows-1252" in answer["html"]
    assert json.loads(answer["store"])["readings"][0]["note"] == "café réunion"
    broken = json.loads(handle_json(json.dumps({**request, "file_base64": "not base64!"})))
    assert "Nothing was imported" in broken["html"] and "store" not in broken


def test_a_binary_file_is_still_refused_whatever_its_bytes() -> None:
    for data in (bytes(range(256)) * 40, b"\x00" * 3000, b"\x89PNG\r\n\x1a\n" + bytes(500)):
        got = read_upload("x.csv", data, len(data), TODAY)
        assert "binary file" in got.problem and not got.readings
