"""The Track mode through its handler: every action, saved data in any state, hostile text escaped."""

import json
import re
from datetime import date
from pathlib import Path

import pytest

from calculator.modes import Response, WebRequest
from calculator.track.mode import FIELDS, MODE, STORAGE_KEY, Report, handle, render_text
from calculator.track.storage import dump, load
from tests.unit.conftest import HOSTILE, PASTES

TODAY = date(2026, 5, 20)

FORM = {"date": "2026-05-19", "brand": "20.998", "find": "6,4", "engage": "10.25", "relate": "15",
        "industry_rank": "Top 9%", "network_rank": "", "industry_average": "34", "network_average": "",
        "note": "", "paste": "", "shown": "20"}


def ask(action: str = "", stored: str | None = None, **values: str) -> Response:
    return handle(WebRequest("track", {**FORM, **values}, "../../", action=action, stored=stored), TODAY)


def ask_file(name: str, text: str | None, size: int | None = None, stored: str | None = None) -> Response:
    size = len(text.encode()) if size is None and text is not None else size or 0
    return handle(WebRequest("track", FORM, "", action="import", stored=stored, file_name=name, file_text=text,
                             file_size=size), TODAY)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def saved(**values: str) -> str:
    response = ask("add", **values)
    assert response["ok"], response["errors"]
    return response["store"]


def test_the_mode_is_set_up_for_local_storage() -> None:
    assert MODE.storage_key == STORAGE_KEY == "ssi-field-guide:readings"
    assert MODE.handle_request is not None
    assert {f.name for f in FIELDS} >= {"date", "brand", "find", "engage", "relate", "paste", "import", "note"}


def test_an_empty_page_says_how_to_start_and_that_nothing_leaves_the_browser() -> None:
    response = ask()
    assert response["ok"] and "store" not in response
    text = text_of(response["html"])
    assert "No readings yet" in text
    assert "local storage" in text and "nothing is sent anywhere" in text


def test_adding_a_reading_saves_it_at_once() -> None:
    response = ask("add")
    assert response["ok"]
    assert [r.total for r in load(response["store"]).readings] == [load(response["store"]).readings[0].total]
    assert "Saved the reading of 2026-05-19 (total 53)" in text_of(response["html"])


def test_an_empty_date_means_today() -> None:
    response = ask("add", date="")
    assert load(response["store"]).readings[0].day == TODAY


def test_a_second_reading_for_the_same_date_replaces_the_first_and_says_so() -> None:
    store = saved()
    response = ask("add", stored=store, brand="21")
    assert len(load(response["store"]).readings) == 1
    assert "Replaced the reading of 2026-05-19" in text_of(response["html"])


def test_bad_values_are_named_next_to_their_fields_and_nothing_is_stored() -> None:
    store = saved()
    response = ask("add", stored=store, brand="30", find=HOSTILE, date="19.05.2026")
    assert not response["ok"]
    assert "store" not in response
    assert set(response["errors"]) == {"brand", "find", "date"}
    assert HOSTILE not in response["html"]
    assert "2026-05-19" in response["html"]  # the saved history is still shown


def test_editing_without_an_action_changes_nothing() -> None:
    store = saved()
    assert "store" not in ask(stored=store, brand="1")


def test_delete_then_undo() -> None:
    store = ask("add", stored=saved(date="2026-05-12"))["store"]
    response = ask("delete:2026-05-12", stored=store)
    assert [r.day.isoformat() for r in load(response["store"]).readings] == ["2026-05-19"]
    undo = re.search(r'data-action="(restore:[^"]+)"', response["html"])
    assert undo is not None
    action = undo.group(1).replace("&quot;", '"')
    back = ask(action, stored=response["store"])
    assert len(load(back["store"]).readings) == 2


def test_edit_opens_a_row_bound_to_the_form_and_saves() -> None:
    store = saved()
    opened = ask("edit:2026-05-19", stored=store)
    assert ('form="track-form" name="edit_brand" type="text" inputmode="decimal" autocomplete="off" value="20.998"'
            in opened["html"])
    assert "store" not in opened
    edit = {"edit_date": "2026-05-19", "edit_brand": "22", "edit_find": "6.4", "edit_engage": "10.25",
            "edit_relate": "15", "edit_note": HOSTILE}
    # typing elsewhere keeps the row open with what was typed in it
    assert 'value="22"' in ask(stored=store, **edit)["html"]
    done = ask("save-edit", stored=store, **edit)
    reading = load(done["store"]).readings[0]
    assert str(reading.brand) == "22" and reading.note == HOSTILE
    assert HOSTILE not in done["html"] and "&lt;img src=x onerror=alert(1)&gt;" in done["html"]
    bad = ask("save-edit", stored=store, **{**edit, "edit_find": "lots"})
    assert "store" not in bad and "“lots” is not a number" in text_of(bad["html"])


def test_paste_shows_what_it_understood_and_saves_only_on_confirm() -> None:
    text = (PASTES / "dashboard_en_2026.txt").read_text(encoding="utf-8")
    preview = ask(paste=text, date="2026-05-19")
    assert "store" not in preview
    shown = text_of(preview["html"])
    assert "What the pasted text says" in shown and "20.998" in shown and "Not found" not in shown
    assert 'data-action="confirm-paste"' in preview["html"]
    done = ask("confirm-paste", paste=text, date="2026-05-19")
    reading = load(done["store"]).readings[0]
    assert (str(reading.brand), reading.industry_rank, reading.network_average) == ("20.998", 9, 36)


def test_a_partial_paste_explains_what_is_missing_and_cannot_be_saved() -> None:
    text = (PASTES / "missing_parts.txt").read_text(encoding="utf-8")
    response = ask("confirm-paste", paste=text)
    assert "store" not in response
    shown = text_of(response["html"])
    assert "Not found: Engage with insights, Build relationships" in shown
    assert "Nothing was saved" in shown


def test_hostile_pasted_text_is_escaped() -> None:
    response = ask(paste=f"{HOSTILE} Establish your professional brand 12 <script>alert(1)</script>")
    assert "<script>" not in response["html"] and "<img" not in response["html"]


def test_import_merges_and_reports_every_rejected_row_with_hostile_names_escaped() -> None:
    store = saved()
    csv_text = ("date,brand,find,engage,relate,note\n2026-05-12,19,6,10,15,ok\n2026-05-13,x,6,10,15,\n"
                f"2026-05-19,1,1,1,1,{HOSTILE}\n")
    response = ask_file(f"{HOSTILE}.csv", csv_text, stored=store)
    days = [r.day.isoformat() for r in load(response["store"]).readings]
    assert days == ["2026-05-12", "2026-05-19"]
    assert str(load(response["store"]).readings[1].brand) == "20.998"  # the saved reading was not touched
    shown = text_of(response["html"])
    assert "1 new reading added" in shown and "1 kept as saved" in shown and "1 rejected" in shown
    assert "Line 3: Establish your professional brand: “x” is not a number" in shown
    assert "<img" not in response["html"]
    assert response["errors"]["import"]


@pytest.mark.parametrize(("name", "text", "size", "says"), [
    ("empty.csv", "", 0, "is empty"),
    ("big.csv", None, 50 * 1024 * 1024, "too large"),
    ("sheet.xlsx", "PK\x03\x04\x00\x00" + "\ufffd" * 50, 3000, "binary"),
    ("cols.csv", "a,b\n1,2\n", 8, "lacks date"),
])
def test_a_file_that_cannot_be_read_never_touches_saved_readings(name: str, text: str | None, size: int,
                                                                   says: str) -> None:
    store = saved()
    response = ask_file(name, text, size, stored=store)
    assert "store" not in response
    assert says in response["errors"]["import"]
    assert "2026-05-19" in response["html"]


def test_exports_are_downloads_that_import_back() -> None:
    store = ask("add", stored=saved(date="2026-05-12", note=HOSTILE))["store"]
    csv_download = ask("export-csv", stored=store)["download"]
    json_download = ask("export-json", stored=store)["download"]
    assert csv_download["name"] == "ssi-readings-2026-05-19.csv" and csv_download["type"] == "text/csv"
    for download in (csv_download, json_download):
        back = ask_file(download["name"], download["text"])
        assert load(back["store"]).readings == load(store).readings


def test_nothing_to_export_says_so() -> None:
    response = ask("export-csv")
    assert "download" not in response and "no readings to export" in text_of(response["html"])


DAMAGED = json.dumps({"version": 1, "readings": [
    {"date": "2026-05-18", "brand": "1", "find": "1", "engage": "1", "relate": "1"},
    {"date": "2026-05-19", "brand": HOSTILE, "find": "1", "engage": "1", "relate": "1"},
]})


@pytest.mark.parametrize("stored", [DAMAGED, "{not json", "\x00\x01garbage", '{"version": 9, "readings": []}'])
def test_damaged_saved_data_loads_what_it_can_and_overwrites_nothing(stored: str) -> None:
    response = ask(stored=stored)
    assert response["ok"]
    assert "store" not in response
    shown = text_of(response["html"])
    assert "Part of your saved data could not be read" in shown
    assert 'data-action="download-raw"' in response["html"]
    assert "<img" not in response["html"]
    for action in ("add", "delete:2026-05-18", "confirm-paste", "restore:{}"):
        blocked = ask(action, stored=stored)
        assert "store" not in blocked, action
        assert "Nothing was changed yet" in text_of(blocked["html"])
    blocked_import = ask_file("x.csv", "date,brand,find,engage,relate\n2026-05-01,1,1,1,1\n", stored=stored)
    assert "store" not in blocked_import


def test_the_raw_saved_text_downloads_exactly() -> None:
    download = ask("download-raw", stored=DAMAGED)["download"]
    assert download["text"] == DAMAGED


def test_keeping_the_valid_readings_keeps_the_rest_aside_then_allows_changes() -> None:
    kept = ask("keep-valid", stored=DAMAGED)
    loaded = load(kept["store"])
    assert [r.day.isoformat() for r in loaded.readings] == ["2026-05-18"]
    assert loaded.set_aside == (DAMAGED,) and not loaded.damaged
    shown = text_of(ask(stored=kept["store"])["html"])
    assert "kept aside" in shown
    added = ask("add", stored=kept["store"])
    assert load(added["store"]).set_aside == (DAMAGED,)  # still kept through later changes
    gone = ask("discard-set-aside", stored=added["store"])
    assert load(gone["store"]).set_aside == () and len(load(gone["store"]).readings) == 2


def test_the_list_can_show_all_readings() -> None:
    readings = [{"date": f"2026-0{m}-{d:02d}", "brand": "1", "find": "1", "engage": "1", "relate": "1"}
                for m in (3, 4) for d in range(1, 29)]
    store = json.dumps({"version": 1, "readings": readings})
    assert ask(stored=store)["html"].count('data-action="delete:') == 20
    assert ask(stored=store, shown="all")["html"].count('data-action="delete:') == 56
    assert "36 older readings are not listed" in text_of(ask(stored=store)["html"])


def test_odd_requests_do_not_raise() -> None:
    for action in ("delete:", "delete:nope", "edit:2020-01-01", "restore:not json", "save-edit", "unknown", "::"):
        assert ask(action, stored=saved())["html"]
    assert handle(WebRequest("track", {"brand": 5, "shown": None}, "", action="add"))["ok"] is False


def test_the_text_report_matches_the_page() -> None:
    store = ask("add", stored=saved(date="2026-05-12", brand="18"))["store"]
    text = render_text(Report(load(store).readings, TODAY))
    assert text.startswith("SSI 53 / 100 on 2026-05-19 (2 readings over 7 days")
    assert "Establish your professional brand" in text and "+2.998" in text


def test_saved_text_from_a_reading_round_trips_through_the_page() -> None:
    store = saved()
    assert load(store).readings == load(dump(load(store).readings)).readings


def test_the_command_line_prints_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from calculator.__main__ import main

    path = tmp_path / "readings.csv"
    path.write_text("date,brand,find,engage,relate\n2026-05-12,18,6.4,10.25,15\n2026-05-19,20.998,6.4,10.25,15\n"
                    "2026-05-20,oops,1,1,1\n", encoding="utf-8")
    assert main(["track", str(path), "--today", "2026-05-20"]) == 0
    out = capsys.readouterr().out
    assert "readings.csv: 2 readings read, 1 rejected" in out
    assert "line 4: Establish your professional brand: “oops” is not a number" in out
    assert "SSI 53 / 100 on 2026-05-19" in out


def test_the_command_line_reports_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from calculator.__main__ import main

    assert main(["history", str(tmp_path / "nope.csv")]) == 2
    assert "nope.csv" in capsys.readouterr().err


def test_every_button_on_the_page_names_an_action_of_the_table() -> None:
    from calculator.track.actions import ACTIONS

    pages = [ask("", stored=saved())["html"], ask("edit:2026-05-19", stored=saved())["html"],
             ask("delete:2026-05-19", stored=saved())["html"], ask("", stored="{damaged")["html"]]
    actions = {a.split(":")[0] for page in pages for a in re.findall(r'data-action="([^"]*)"', page)}
    assert actions and actions <= set(ACTIONS)
    assert {"add", "edit", "delete", "restore", "export-csv", "keep-valid", "save-edit"} <= actions
