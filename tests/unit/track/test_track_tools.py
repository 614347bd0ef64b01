"""The example history, the goal and the reminder through the Track mode."""

import re
from datetime import date

import pytest

from calculator.modes import Response, WebRequest
from calculator.track.mode import FIELDS, handle
from calculator.track.storage import load

TODAY = date(2026, 5, 20)
FORM = {"date": "2026-05-19", "brand": "20", "find": "6", "engage": "10", "relate": "15", "note": "", "paste": "",
        "shown": "20", "goal_target": "", "goal_date": ""}


def ask(action: str = "", stored: str | None = None, **values: str) -> Response:
    return handle(WebRequest("track", {**FORM, **values}, "../../", action=action, stored=stored), TODAY)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_first_visit_is_offered_the_example() -> None:
    html = ask()["html"]
    assert 'data-action="example"' in html and "New here?" in text_of(html)


def test_the_example_is_shown_with_its_explanations_and_never_saved() -> None:
    shown = ask("example")
    assert "store" not in shown
    words = text_of(shown["html"])
    assert "You are looking at an example history" in words and "9 readings over 22 days" in words
    assert "Overnight, Engage with insights fell by 0.75 (10.25 → 9.5)" in words
    assert "The people you are ranked against moved, not you" in words and "16 to 19 May" in words
    assert 'name="example" value="on"' in shown["html"] and 'data-action="delete:' not in shown["html"]


def test_the_example_never_touches_or_mixes_with_saved_readings() -> None:
    mine = ask("add")["store"]
    shown = ask("example", stored=mine)
    assert "Your 1 saved reading is untouched" in text_of(shown["html"])
    for action in ("add", "confirm-paste", "delete:2026-05-19", "import", "keep-valid"):
        refused = ask(action, stored=mine, example="on")
        assert "store" not in refused, action
        assert "Nothing was changed: the example history is shown" in text_of(refused["html"])
    back = ask("leave-example", stored=mine, example="on")
    assert "example history" not in text_of(back["html"]).split("Show an example")[0]
    assert "1 reading over 0 days" in text_of(back["html"])
    assert "store" not in ask(stored=mine, example="on") and len(load(mine).readings) == 1


def test_the_goal_says_whether_the_readings_are_on_track() -> None:
    words = text_of(ask("example", goal_target="65", goal_date="2026-07-18")["html"])
    assert "Your goal: 65 by 2026-07-18" in words and "you would not get there" in words


def test_a_goal_on_one_reading_says_it_is_too_few() -> None:
    mine = ask("add")["store"]
    words = text_of(ask(stored=mine, goal_target="60", goal_date="2026-08-01")["html"])
    assert "too few to say whether you are on track" in words


@pytest.mark.parametrize(("target", "by", "field", "message"), [
    ("abc", "2026-08-01", "goal_target", "is not a number"),
    ("60.5", "2026-08-01", "goal_target", "whole number from 1 to 100"),
    ("120", "2026-08-01", "goal_target", "outside 0 to 100"),
    ("60", "next year", "goal_date", "YYYY-MM-DD"),
    ("", "2026-08-01", "goal_target", "Type the total you aim for"),
])
def test_a_goal_that_cannot_be_used_is_named_next_to_its_box(target: str, by: str, field: str, message: str) -> None:
    response = ask(goal_target=target, goal_date=by)
    assert not response["ok"] and message in response["errors"][field]


def test_the_goal_boxes_are_part_of_the_form() -> None:
    assert [f.name for f in FIELDS if f.group == "goal"] == ["goal_target", "goal_date"]


@pytest.mark.parametrize("every", ["weekly", "monthly"])
def test_a_reminder_is_offered_as_a_calendar_file(every: str) -> None:
    response = ask(f"reminder:{every}")
    download = response["download"]
    assert download["name"] == f"ssi-check-{every}.ics" and download["type"] == "text/calendar"
    assert download["text"].startswith("BEGIN:VCALENDAR") and "DTSTART;VALUE=DATE:20260520" in download["text"]
    assert "store" not in response


def test_an_unknown_reminder_gives_a_message() -> None:
    assert "no such reminder" in text_of(ask("reminder:daily")["html"])


def test_while_the_example_is_shown_nothing_offers_to_save() -> None:
    html = ask("example", paste="Establish your professional brand\t7.50\nFind the right people\t5.00\n"
                                "Engage with insights\t2.25\nBuild relationships\t9.00\n")["html"]
    assert 'data-action="confirm-paste"' not in html and 'data-action="add"' not in html
    assert "leave it to save this reading with yours" in text_of(html)
