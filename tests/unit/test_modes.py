"""Every registered mode, walked: names agree, defaults validate, HTML and text render, hostile text never raises."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from calculator.fields import FormErrors, Parsed, parse_form
from calculator.forms import render_form
from calculator.html import Context
from calculator.modes import ALIASES, MODULES, Mode, cli_errors, evaluate, get_mode, registry
from tests.unit.conftest import HOSTILE, HOSTILE_TEXTS, ask

MODES = registry()
TEXT_FIELDS = [(name, f.name) for name, mode in MODES.items() for f in mode.fields if f.kind != "file"]


def test_every_module_line_gives_a_mode_of_that_name() -> None:
    assert list(MODES) == list(MODULES)
    for name, mode in MODES.items():
        assert mode.name == name
    assert get_mode("nope") is None


def test_old_names_give_the_mode_they_meant() -> None:
    for old, new in ALIASES.items():
        found = get_mode(old)
        assert found is not None and found.name == new
    assert "history" not in MODES


@pytest.mark.parametrize("name", MODES)
def test_the_defaults_validate_and_render_as_html_and_text(name: str) -> None:
    mode: Mode[Any] = MODES[name]
    # A mode that answers requests itself (the tracker) reads its form piece by piece, never as a whole.
    result = evaluate(mode, mode.defaults()).result if mode.handle_request is None else mode.run(Parsed())
    assert mode.render_html(result, Context("../../"))
    assert mode.render_text(result).endswith("\n")
    response = ask(name)
    assert response["ok"] is True, response["errors"]
    assert response["html"]


@pytest.mark.parametrize("name", MODES)
def test_every_form_labels_each_field_and_each_group_has_a_legend(name: str) -> None:
    mode = MODES[name]
    html = render_form(mode.name, mode.fields, mode.legends, mode.defaults())
    for field in mode.fields:
        assert f'<label for="{name}-{field.name}">' in html
    assert {f.group for f in mode.fields} <= set(mode.legends)


@pytest.mark.parametrize(("name", "field"), TEXT_FIELDS)
def test_hostile_text_in_any_field_gets_an_answer_and_is_escaped(name: str, field: str) -> None:
    for text in HOSTILE_TEXTS:
        response = ask(name, {field: text})
        assert response["html"], text
        assert HOSTILE not in response["html"]
        assert all(HOSTILE not in message for message in response["errors"].values())
        assert response["ok"] or response["errors"] or "ssi-notice" in response["html"], text


@pytest.mark.parametrize("name", MODES)
def test_every_download_button_gives_a_file(name: str) -> None:
    mode = MODES[name]
    for action in mode.downloads:
        response = ask(name, action=action)
        assert response["ok"] and response["download"]["text"]
        assert f'data-action="{action}"' in response["html"]


def test_messages_for_the_command_line_name_each_field_in_form_order() -> None:
    mode = MODES["interpret"]
    values = {**mode.defaults(), "relate": "x", "brand": "30"}
    with pytest.raises(FormErrors) as problem:
        evaluate(mode, values)
    lines = cli_errors(mode.fields, values, problem.value.errors).splitlines()
    assert [line.split(" (")[0] for line in lines] == ["Establish your professional brand", "Build relationships"]


# ---- Numbers as people type them, through every calculator ----------------------------------------------

COUNTS = [(name, f.name) for name, mode in MODES.items() for f in mode.fields
          if f.kind == "number" and f.places == 0 and f.maximum >= 1200]


@pytest.mark.parametrize(("name", "field"), COUNTS)
@pytest.mark.parametrize("typed", ["1,200", "1 200", "1\u202f200", "1.200"])
def test_twelve_hundred_typed_any_common_way_is_read_as_1200(name: str, field: str, typed: str) -> None:
    count = next(f for f in MODES[name].fields if f.name == field)
    assert parse_form([count], {field: typed}) == {field: Decimal(1200)}


def test_estimate_and_the_funnel_take_1200_with_a_comma() -> None:
    assert ask("estimate", {"connections": "1,200"})["ok"] is True
    assert ask("funnel", {"sent": "1,200", "accepted": "300", "pending": "200"})["ok"] is True


def test_an_entry_read_one_of_two_ways_is_said_above_the_result() -> None:
    response = ask("estimate", {"views_received_per_week": "1.250"})
    assert response["ok"] is True
    assert response["html"].startswith('<div class="ssi-notice ssi-read-as" role="status">')
    assert "“1.250” was read as 1250: the dot separates thousands." in response["html"]
    assert "ssi-read-as" not in ask("interpret", {"brand": "20,998"})["html"]


def test_each_field_asks_for_the_keyboard_it_needs() -> None:
    funnel, interpret = MODES["funnel"], MODES["interpret"]
    counts = render_form(funnel.name, funnel.fields, funnel.legends, funnel.defaults())
    assert counts.count('inputmode="numeric"') == sum(f.kind == "number" for f in funnel.fields)
    decimals = render_form(interpret.name, interpret.fields, interpret.legends, interpret.defaults())
    assert 'id="interpret-brand" name="brand" type="text" inputmode="decimal"' in decimals
    assert 'inputmode="numeric"' not in decimals


# Each of these keeps its values in the address's fragment, so a link restores them; the tracker and the team
# view share files instead, and the home page's quick form hands over to the interpreter by a link of its own.
SHARED_BY_LINK = ("interpret", "funnel", "pacing", "warmup", "estimate", "plan")


@pytest.mark.parametrize("name", MODES)
def test_the_calculators_that_a_link_can_share(name: str) -> None:
    assert MODES[name].url_state is (name in SHARED_BY_LINK)
