"""The tracker's page as HTML: the empty page, the list of readings, and buttons that name real actions."""

import json
import re
from datetime import date

from calculator.modes import WebRequest
from calculator.track.mode import handle
from calculator.track.paste import MAX_PASTE
from tests.unit.conftest import PASTES
from tests.unit.track.conftest import ask, saved, text_of
from tests.unit.track.tabs import FORM


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


# ---- words that must give the real reason (the too-long paste, dates in other digits) ----

TODAY = date(2026, 5, 20)


def page(**values: str) -> str:
    html = handle(WebRequest("track", {**FORM, **values}, ""), TODAY)["html"]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_paste_far_too_long_says_so_rather_than_that_nothing_was_found() -> None:
    dashboard = (PASTES / "dashboard_en_2026.txt").read_text(encoding="utf-8")
    padded = dashboard + " " * (MAX_PASTE + 1 - len(dashboard))
    text = page(paste=padded)
    assert f"The pasted text is {MAX_PASTE + 1:,} characters long, far more than an SSI page" in text
    assert "No SSI values were found" not in text
    assert "Establish your professional brand" in page(paste=dashboard[:MAX_PASTE])


def test_a_paste_without_a_dashboard_still_explains_what_is_looked_for() -> None:
    assert "No SSI values were found" in page(paste="just some words")


def test_a_date_in_the_digits_the_number_fields_accept_is_a_date() -> None:
    for day in ("٢٠٢٦-٠٥-١٩", "２０２６-０５-１９", "२०२६-०५-१९"):
        text = page(date=day, paste=(PASTES / "dashboard_en_2026.txt").read_text(encoding="utf-8"))
        assert "not a real date" not in text
        assert "Save as the reading of 2026-05-19" in text
