"""The boundary the browser calls: whatever arrives, an answer comes back, with user text escaped."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.modes import WebRequest, registry
from calculator.web import handle, handle_json
from tests.unit.conftest import HOSTILE


def interpret_values(**changes: str) -> dict[str, str]:
    values = registry()["interpret"].defaults()
    values.update(changes)
    return values


def test_the_default_values_give_a_result() -> None:
    response = handle(WebRequest("interpret", interpret_values(), "../../"))
    assert response["ok"]
    assert '<span class="ssi-total__value">53</span>' in response["html"]
    assert response["errors"] == {}


def test_links_in_the_result_are_relative_to_the_page() -> None:
    html = handle(WebRequest("interpret", interpret_values(), "../../"))["html"]
    assert 'href="../../pillars/find-people/"' in html
    assert 'href="../../sources/#li-leaders-study"' in html
    assert 'href="/' not in html
    assert "http" not in html


@pytest.mark.parametrize("root", ["https://evil.example/", "javascript:alert(1)//", "/abs/", '"><script>'])
def test_a_forged_root_is_ignored(root: str) -> None:
    html = handle(WebRequest("interpret", interpret_values(), root))["html"]
    assert "evil" not in html
    assert "javascript:" not in html
    assert "<script>" not in html
    assert 'href="pillars/find-people/"' in html


def test_a_bad_field_gets_its_message_and_every_value_is_kept() -> None:
    values = interpret_values(brand=HOSTILE, find="-2")
    response = handle(WebRequest("interpret", values))
    assert not response["ok"]
    assert set(response["errors"]) == {"brand", "find"}
    assert response["values"] == values
    assert HOSTILE not in response["html"]


@pytest.mark.parametrize("field", ["industry_average", "network_rank", "industry_brand"])
def test_hostile_text_in_optional_fields_is_escaped(field: str) -> None:
    response = handle(WebRequest("interpret", interpret_values(**{field: HOSTILE})))
    assert "<img" not in response["html"]
    assert field in response["errors"]


def test_an_unknown_mode_is_a_message() -> None:
    response = handle(WebRequest("nope<b>", {}))
    assert not response["ok"]
    assert "<b>" not in response["html"]


@pytest.mark.parametrize("garbage", ["", "[]", "null", "{", '{"values": 3}', '{"mode": "interpret", "values": []}'])
def test_garbage_requests_get_an_answer_not_a_traceback(garbage: str) -> None:
    answer = json.loads(handle_json(garbage))
    assert answer["ok"] is False
    assert "Traceback" not in answer["html"]


def test_json_requests_round_trip() -> None:
    answer = json.loads(handle_json(json.dumps({"mode": "interpret", "values": interpret_values(), "root": "../"})))
    assert answer["ok"]
    assert 'href="../sources/' in answer["html"]


@given(st.dictionaries(st.sampled_from(list(interpret_values())), st.text(max_size=30)))
def test_no_input_breaks_the_interpreter(changes: dict[str, str]) -> None:
    response = handle(WebRequest("interpret", interpret_values(**changes)))
    assert response["ok"] or response["errors"]
    assert "<script" not in response["html"].lower()


def test_an_answer_is_named_the_same_in_the_browser_as_in_the_build() -> None:
    """The page keeps a result it already shows (no redraw) when Python's answer carries the same name."""
    built = handle(WebRequest("interpret", interpret_values(), "../../"))
    sent = json.loads(handle_json(json.dumps({"mode": "interpret", "values": interpret_values(), "root": "../../"})))
    changed = handle(WebRequest("interpret", interpret_values(find="20"), "../../"))
    assert sent["digest"] == built["digest"] != changed["digest"]
