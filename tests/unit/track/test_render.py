"""The tracker's page as HTML: the empty page, the list of readings, and buttons that name real actions."""

import json
import re

from tests.unit.track.conftest import ask, saved, text_of


def test_an_empty_page_says_how_to_start_and_that_nothing_leaves_the_browser() -> None:
    response = ask()
    assert response["ok"] and "store" not in response
    text = text_of(response["html"])
    assert "No readings yet" in text
    assert "local storage" in text and "nothing is sent anywhere" in text


def test_the_list_can_show_all_readings() -> None:
    readings = [{"date": f"2026-0{m}-{d:02d}", "brand": "1", "find": "1", "engage": "1", "relate": "1"}
                for m in (3, 4) for d in range(1, 29)]
    store = json.dumps({"version": 1, "readings": readings})
    assert ask(stored=store)["html"].count('data-action="delete:') == 20
    assert ask(stored=store, shown="all")["html"].count('data-action="delete:') == 56
    assert "36 older readings are not listed" in text_of(ask(stored=store)["html"])


def test_every_button_on_the_page_names_an_action_of_the_table() -> None:
    from calculator.track.actions import ACTIONS

    pages = [ask("", stored=saved())["html"], ask("edit:2026-05-19", stored=saved())["html"],
             ask("delete:2026-05-19", stored=saved())["html"], ask("", stored="{damaged")["html"]]
    actions = {a.split(":")[0] for page in pages for a in re.findall(r'data-action="([^"]*)"', page)}
    assert actions and actions <= set(ACTIONS)
    assert {"add", "edit", "delete", "restore", "export-csv", "keep-valid", "save-edit"} <= actions
