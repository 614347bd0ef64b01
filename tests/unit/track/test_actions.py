"""The Track mode through its handler: every action, saved data in any state, hostile text escaped."""

import json
import re

import pytest

from calculator.modes import WebRequest
from calculator.track.mode import handle
from calculator.track.storage import dump, load
from tests.unit.conftest import HOSTILE, PASTES
from tests.unit.track.conftest import TODAY, ask, ask_file, saved, text_of


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


def test_odd_requests_do_not_raise() -> None:
    for action in ("delete:", "delete:nope", "edit:2020-01-01", "restore:not json", "save-edit", "unknown", "::"):
        assert ask(action, stored=saved())["html"]
    assert handle(WebRequest("track", {"brand": 5, "shown": None}, "", action="add"))["ok"] is False


def test_saved_text_from_a_reading_round_trips_through_the_page() -> None:
    store = saved()
    assert load(store).readings == load(dump(load(store).readings)).readings
