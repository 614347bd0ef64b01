"""The home page's quick reading: total, band and weakest pillar at once, and a link to the full interpreter."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest

from calculator.interpret.mode import MODE as INTERPRET
from calculator.interpret.quick_mode import MODE
from calculator.modes import evaluate, get_mode, registry
from tests.unit.conftest import ask

DASHBOARD = {"brand": "20.998", "find": "6.4", "engage": "10.25", "relate": "15"}


def handover(html: str) -> str:
    found = re.search(r'<a class="ssi-handover" href="([^"]+)">Open in the full interpreter</a>', html)
    assert found, html
    return unescape(found.group(1))


def test_registered_to_start_only_when_typed_in_and_named_like_the_interpreter() -> None:
    assert get_mode("quick") is MODE and "quick" in registry()
    assert MODE.start_on_input and not MODE.url_state
    assert [f.name for f in MODE.fields] == ["brand", "find", "engage", "relate"]
    assert {f.name for f in MODE.fields} <= {f.name for f in INTERPRET.fields}


def test_the_empty_form_invites_typing_without_any_message() -> None:
    response = ask("quick", root="")
    assert response["ok"] is True and response["errors"] == {}
    assert "Type your four pillar scores" in response["html"]
    assert "ssi-total" not in response["html"]
    assert 'href="calculator/interpret/"' in response["html"]


def test_a_pillar_not_typed_yet_is_named_but_not_an_error() -> None:
    response = ask("quick", {"brand": "20", "engage": "10"})
    assert response["ok"] is True and response["errors"] == {}
    assert "Still to type: Find the right people, Build relationships." in response["html"]


@pytest.mark.parametrize(("values", "total", "band", "weakest"), [
    (DASHBOARD, "53", "middle", "Find the right people"),
    ({"brand": "25", "find": "25", "engage": "20", "relate": "25"}, "95", "leader", "Engage with insights"),
    ({"brand": "5", "find": "7", "engage": "6", "relate": "4.9"}, "23", "laggard", "Build relationships"),
    ({"brand": "17.5", "find": "17.5", "engage": "17.5", "relate": "17.5"}, "70", "middle",
     "Establish your professional brand"),  # a tie: the dashboard's order decides
    ({"brand": "10,25", "find": "12", "engage": "12", "relate": "12"}, "46", "middle",
     "Establish your professional brand"),  # a decimal comma, read as the interpreter reads it
])
def test_total_band_and_weakest_pillar_as_the_interpreter_gives_them(
        values: dict[str, str], total: str, band: str, weakest: str) -> None:
    html = ask("quick", values)["html"]
    full = ask("interpret", values)["html"]
    assert f'<span class="ssi-total__value">{total}</span>' in html
    assert f'<span class="ssi-total__value">{total}</span>' in full
    assert f"ssi-band--{band}" in html and f"ssi-band--{band}" in full
    assert re.search(rf"Weakest pillar: <strong><a [^>]*>{weakest}</a></strong>", html)


@pytest.mark.parametrize(("root", "start"), [("", "calculator/interpret/#"), ("../", "../calculator/interpret/#")])
def test_the_handover_link_carries_the_values_in_its_fragment(root: str, start: str) -> None:
    href = handover(ask("quick", {**DASHBOARD, "find": "6,4"}, root=root)["html"])
    assert href.startswith(start) and not urlsplit(href).query
    assert dict(parse_qsl(urlsplit(href).fragment)) == DASHBOARD


@pytest.mark.parametrize(("field", "text", "words"), [
    ("find", "26", "between 0 and 25"),
    ("brand", "-1", "cannot be negative"),
    ("relate", "ten", "not a number"),
])
def test_bad_input_is_named_next_to_its_field(field: str, text: str, words: str) -> None:
    response = ask("quick", {**DASHBOARD, field: text})
    assert response["ok"] is False
    assert words in response["errors"][field]
    assert "Open in the full interpreter" not in response["html"]


def test_the_text_report_says_what_the_page_says() -> None:
    assert MODE.render_text(evaluate(MODE, DASHBOARD).result) == (
        "SSI 53 / 100\nBand: 30 to 70: between LinkedIn's two lines\n"
        "Weakest pillar: Find the right people (6.4 of 25)\n")
    assert MODE.render_text(evaluate(MODE, {}).result).startswith("Still to type: Establish your professional brand")
