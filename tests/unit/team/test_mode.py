"""The Team page's answers: files in, the team out; kept in the browser only when the manager asks."""

import json
import re
from typing import Any

import pytest

from calculator.modes import SentFile, WebRequest
from calculator.team import mode
from calculator.team.mode import Session, handle
from calculator.web import handle_json

from .make import TODAY, csv_file, reading, text_file, weekly

HOSTILE = "<img src=x onerror=alert(1)>"


def ask(session: Session, action: str = "", files: tuple[SentFile, ...] = (), stored: str | None = None,
        **values: str) -> Any:
    request = WebRequest("team", values, "../../", action=action, stored=stored, files=files)
    return handle(request, session, TODAY)


def loaded(session: Session) -> Any:
    return ask(session, "files", (csv_file("ana.csv", weekly(10)), csv_file(f"{HOSTILE}.csv", weekly(3, brand="5")),
                                  text_file("photo.csv", "\x00\x01" * 50)))


def test_files_in_members_out_and_a_bad_file_named_with_its_reason() -> None:
    s = Session()
    answer = loaded(s)
    assert [m.name for m in s.team.members] == ["ana", HOSTILE]
    assert answer["errors"]["files"].startswith("1 of 3 files could not be read")
    assert "“photo.csv” looks like a binary file" in answer["html"]
    assert HOSTILE not in answer["html"] and "&lt;img src=x" in answer["html"]
    assert "store" not in answer  # only the page's memory holds the files
    assert "<svg" in answer["html"] and "Where the team stands" in answer["html"]


def test_names_typed_on_the_page_are_used() -> None:
    s = Session()
    ask(s, "files", (csv_file("ssi-readings-2026-05-19.csv", weekly(2)),))
    answer = ask(s, "names", name_m1="Dee")
    assert s.team.members[0].name == "Dee" and "Names saved." in answer["html"]


def test_no_table_with_names_until_asked_then_sortable() -> None:
    s = Session()
    assert "ssi-team-named" not in loaded(s)["html"]
    answer = ask(s, named="on")
    assert 'class="ssi-team-named"' in answer["html"] and 'aria-sort="ascending"' in answer["html"]
    answer = ask(s, "sort:-total", named="on")
    assert 'value="-total"' in answer["html"] and 'aria-sort="descending"' in answer["html"]
    assert "(estimate)" in answer["html"]


def test_kept_only_when_asked_then_back_after_a_reload() -> None:
    s = Session()
    loaded(s)
    kept = ask(s, "keep")["store"]
    assert json.loads(kept)["format"] == "ssi-field-guide/team"
    again = Session()  # a reload: a new page memory, the browser's text
    answer = ask(again, stored=kept)
    assert [m.name for m in again.team.members] == ["ana", HOSTILE] and again.keep
    assert "The team kept in this browser is back: 2 members." in answer["html"]
    changed = ask(again, "remove:m1", stored=kept)
    assert len(json.loads(changed["store"])["members"]) == 1
    assert ask(again, "unkeep", stored=changed["store"])["store"] == ""


def test_a_damaged_kept_team_is_not_written_over_until_the_manager_chooses() -> None:
    s = Session()
    answer = ask(s, stored="{broken")
    assert "could not be read" in answer["html"] and 'data-action="saved-download"' in answer["html"]
    answer = ask(s, "files", (csv_file("ana.csv", weekly(2)),), stored="{broken")
    assert "store" not in answer
    assert ask(s, "saved-download", stored="{broken")["download"]["text"] == "{broken"
    assert "store" in ask(s, "keep", stored="{broken")


def test_forget_clears_the_page_and_the_browser() -> None:
    s = Session()
    loaded(s)
    kept = ask(s, "keep")["store"]
    answer = ask(s, "forget", stored=kept)
    assert answer["store"] == "" and s.team.members == () and s.files == []


def test_the_report_and_the_readings_download() -> None:
    s = Session()
    loaded(s)
    report = ask(s, "report-csv")["download"]
    assert report["name"] == f"ssi-team-report-{TODAY}.csv" and report["text"].startswith("row,name,date")
    readings = ask(s, "readings-csv")["download"]
    assert readings["text"].startswith("name,date,brand")
    assert "download" not in ask(Session(), "report-csv")


def test_merge_and_keep_apart_from_the_page() -> None:
    s = Session()
    ask(s, "files", (csv_file("ana.csv", weekly(3)), csv_file("Ana (1).csv", (reading("2026-06-01"),))))
    assert len(s.team.members) == 1
    ask(s, "apart:m1:1")
    assert [m.name for m in s.team.members] == ["ana", "ana (2)"]
    answer = ask(s, name_m2="ana")
    assert 'data-action="merge:m1:m2"' in answer["html"]
    ask(s, "merge:m1:m2")
    assert len(s.team.members) == 1


@pytest.mark.parametrize("action", ["remove:zz", "merge:m1:m9", "apart:m1:7", "apart:m1:x", "sort:<b>", "nonsense"])
def test_stale_or_odd_actions_get_an_answer_not_an_error(action: str) -> None:
    s = Session()
    loaded(s)
    assert ask(s, action)["html"].startswith('<div class="ssi-result-body ssi-team">')


def test_the_browser_boundary_passes_several_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mode, "SESSION", Session())
    text = csv_file("x.csv", weekly(2)).text
    answer = json.loads(handle_json(json.dumps({"mode": "team", "values": {}, "action": "files", "files": [
        {"name": "ana.csv", "size": 10, "text": text}, {"name": "big.csv", "size": 20 * 1024 * 1024, "text": None},
        "junk"]})))
    assert "debug" not in answer
    assert [m.name for m in mode.SESSION.team.members] == ["ana"]
    assert "“big.csv” is 20.0 MB, too large" in answer["html"]


def test_the_page_built_before_python_loads_invites_files() -> None:
    answer = handle(WebRequest("team", mode.MODE.defaults(), ""), Session(), TODAY)
    assert answer["ok"] and "No team loaded yet" in answer["html"]


def test_every_wide_table_scrolls_in_a_named_box_the_keyboard_can_reach() -> None:
    s = Session()
    loaded(s)
    html = ask(s, named="on")["html"]
    before, *tables = html.split("<table")
    # Three columns or more (the two-column counts beside the chart fit any screen).
    wide = [i for i, t in enumerate(tables) if t.split("</tr>", 1)[0].count('<th scope="col">') >= 3]
    assert len(wide) == 5
    for i in wide:
        opening = re.search(r"<div [^>]*>$", tables[i - 1] if i else before)
        assert opening and 'class="ssi-table-scroll"' in opening[0]
        assert 'role="region" tabindex="0" aria-label="' in opening[0]
