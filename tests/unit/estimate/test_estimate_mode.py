"""Estimate my score at the web boundary and on the command line: fields, messages, escaping, starting point."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.estimate.estimate_mode import MODE, STORAGE_KEY
from calculator.estimate.profile import PROFILE_FIELDS, PROFILE_NAMES
from calculator.forms import render_form
from calculator.modes import WebRequest, registry
from calculator.web import handle, handle_json
from tests.unit.conftest import HOSTILE

ROOT = "../../"


def ask(action: str = "", stored: str | None = None, **changes: str) -> dict[str, object]:
    values = {**MODE.defaults(), **changes}
    return dict(handle(WebRequest("estimate", values, ROOT, action=action, stored=stored)))


def html(response: dict[str, object]) -> str:
    text = response["html"]
    assert isinstance(text, str)
    return text


def test_registered_with_a_shareable_address_and_local_storage() -> None:
    mode = registry()["estimate"]
    assert mode is MODE
    assert mode.url_state
    assert mode.storage_key == STORAGE_KEY


def test_the_defaults_give_an_estimate_as_a_range_saying_it_is_ours() -> None:
    response = ask()
    assert response["ok"] is True
    page = html(response)
    assert "Our estimate, not LinkedIn" in page
    assert re.search(r'ssi-total__value">33<', page)
    assert "likely 27 to 39" in page
    assert "Why this number" in page
    assert 'href="../../calculator/methodology/"' in page


def test_every_field_has_help_and_the_counts_say_their_period() -> None:
    for field in PROFILE_FIELDS:
        assert field.help
        if field.kind == "number" and not field.percent:
            assert field.unit, field.name


def test_the_free_ceiling_is_shown_and_gone_with_sales_navigator() -> None:
    assert "tops out near 19" in html(ask())
    assert "tops out near" not in html(ask(account="sales_navigator"))
    assert "needs Sales Navigator" in html(ask())


@pytest.mark.parametrize(("field", "value", "words"), [
    ("connections", "-5", "cannot be negative"),
    ("connections", "40000", "between 0 and 30000"),
    ("connections", "12.5", "whole number"),
    ("posts_per_month", "lots", "not a number"),
    ("days_active", "8", "between 0 and 7"),
    ("response_rate", "140", "between 0 and 100"),
    ("photo", "maybe", "Choose one of the options"),
    ("account", "gold", "Choose one of the options"),
    ("followers", "1" * 40, "too long"),
    ("comments_per_week", "NaN", "not a number"),
])
def test_bad_input_gets_a_message_next_to_its_field(field: str, value: str, words: str) -> None:
    response = ask(**{field: value})
    assert response["ok"] is False
    errors = response["errors"]
    assert isinstance(errors, dict)
    assert words in errors[field]
    assert response["values"][field] == value  # type: ignore[index]  # nothing typed is lost


def test_more_colleagues_than_connections_is_named_on_the_colleagues_field() -> None:
    response = ask(connections="10", colleagues="30")
    assert response["ok"] is False
    assert "no more than 10" in response["errors"]["colleagues"]  # type: ignore[index]


def test_an_empty_number_means_none() -> None:
    response = ask(comments_per_week="", group_posts_per_month="")
    assert response["ok"] is True


def test_hostile_text_comes_out_escaped() -> None:
    response = ask(skills=HOSTILE, photo=HOSTILE)
    page = html(response)
    assert "<img" not in page
    answer = json.loads(handle_json(json.dumps({"mode": "estimate", "values": {"skills": HOSTILE}})))
    assert "<img" not in answer["html"]


def test_saving_a_starting_point_stores_the_values_and_later_results_show_the_change() -> None:
    saved = ask(action="start")
    assert saved["ok"] is True
    stored = saved["store"]
    assert isinstance(stored, str)
    assert json.loads(stored)["connections"] == "450"
    assert "From your starting point" in html(saved)
    moved = ask(stored=stored, comments_per_week="5")
    page = html(moved)
    assert "From your starting point (33.1)" in page
    assert re.search(r'ssi-delta__value">\+[0-9.]+<', page)
    assert "<td>±0</td>" in page
    assert "Forget the starting point" in page


def test_forgetting_the_starting_point_clears_the_store() -> None:
    response = ask(action="clear", stored=json.dumps(MODE.defaults()))
    assert response["store"] == ""
    assert "From your starting point" not in html(response)


@pytest.mark.parametrize("stored", ["{not json", "[1, 2]", json.dumps({"connections": "-3"}),
                                    json.dumps({"connections": 5, "colleagues": "40"})])
def test_a_corrupt_starting_point_is_reported_not_fatal(stored: str) -> None:
    response = ask(stored=stored)
    assert response["ok"] is True
    assert "could not be read" in html(response)


def test_the_form_and_the_plan_link_carry_the_same_names() -> None:
    page = html(ask())
    # The numbers after "#": a fragment, which the browser never sends to the server.
    link = re.search(r'href="(\.\./\.\./calculator/plan/#[^"]+)"', page)
    assert link
    assert "connections=450" in link.group(1)
    assert "photo=yes" in link.group(1)
    form = render_form("estimate", MODE.fields, MODE.legends, MODE.defaults())
    ids = re.findall(r'id="([^"]+)"', form)
    assert len(ids) == len(set(ids))


@given(st.dictionaries(st.sampled_from(PROFILE_NAMES), st.text(max_size=30)))
def test_nothing_typed_makes_it_raise(values: dict[str, str]) -> None:
    response = handle(WebRequest("estimate", {**MODE.defaults(), **values}, ROOT))
    assert isinstance(response["html"], str)
    assert response["ok"] or response["errors"]


def test_the_text_view_says_ours_and_lists_every_input() -> None:
    from calculator.estimate.estimate_mode import render_text, run
    from calculator.fields import parse_form

    text = render_text(run(parse_form(PROFILE_FIELDS, MODE.defaults())))
    assert text.startswith("Estimated SSI: about 33 / 100 (likely 27 to 39)")
    assert "Our estimate, not LinkedIn's" in text
    for field in PROFILE_FIELDS:
        if field.name != "account":
            assert field.label.removesuffix(" (%)") in text


@pytest.mark.native
def test_the_command_line_prints_the_estimate(fixtures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from calculator.__main__ import main

    assert main(["estimate", "--profile", str(fixtures / "profile.json")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Estimated SSI: about 33 / 100")
    assert main(["estimate", "--profile", str(fixtures / "profile.json"), "--start",
                 str(fixtures / "profile.json")]) == 0
    assert "From your starting point (33.1): ±0" in capsys.readouterr().out


@pytest.mark.native
def test_the_command_line_names_bad_values_with_exit_code_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"photo": "maybe", "connections": -4}')
    done = subprocess.run([sys.executable, "-m", "calculator", "estimate", "--profile", str(bad)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "photo ('maybe'): Choose one of the options in the list. Use one of: yes, no." in done.stderr
    assert "connections ('-4'): A count cannot be negative" in done.stderr
    bad.write_text("{")
    done = subprocess.run([sys.executable, "-m", "calculator", "estimate", "--profile", str(bad)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "not valid JSON" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_starting_point_the_browser_refuses_to_store_is_said_to_be_unsaved_until_it_is_stored() -> None:
    full = "QuotaExceededError: The quota has been exceeded."
    saved = handle(WebRequest("estimate", MODE.defaults(), ROOT, action="start"))
    start = saved["store"]
    assert saved.get("pending") == start  # the page keeps it, in case the browser refuses it
    # The browser refused: the page asks again, saying so; nothing is stored yet.
    refused = handle(WebRequest("estimate", {**MODE.defaults(), "comments_per_week": "5"}, ROOT, stored=None,
                                pending=start, store_problem=full))
    page = re.sub(r"<[^>]+>", " ", refused["html"])
    assert re.search(r"From your starting point \(\d+\.\d\)", page)  # still compared on this page
    assert "Your starting point is not saved: this browser refused to store it" in page and full in page
    assert refused.get("store") == start  # and offered again
    # Stored at last: the comparison stays and the warning goes.
    stored = handle(WebRequest("estimate", MODE.defaults(), ROOT, stored=start, pending=start))
    assert "not saved" not in stored["html"] and "From your starting point" in stored["html"]
    assert "store" not in stored and "pending" not in stored
