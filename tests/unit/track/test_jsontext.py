"""JSON text of any shape is checked and salvaged in one pass: crafted text never freezes the page."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.track import csvio, jsontext, storage

MB = 1_000_000
# Shapes that make a string-stripping pass rescan the rest of the text from every quote (the old pattern took
# a minute on 64 KB of the first), or that nest, or that are nothing but separators.
CRAFTED = {
    "escaped quotes in an unterminated string": '["x' + '\\"' * (MB // 2),
    "quotes": '"' * MB,
    "backslashes in an unterminated string": '["' + "\\" * MB,
    "quote and backslash pairs": '"\\' * (MB // 2),
    "arrays opened": "[" * MB,
    "objects opened": '{"a":' * (MB // 5),
    "brackets in a string": '["' + "[{" * (MB // 2),
    "commas": "[" + "," * MB,
    "a cut-off list of readings": '{"format":"ssi-field-guide/readings","version":1,"readings":['
                                  + '{"date":"2026-01-01","brand":"1","find":"1","engage":"1","relate":"1"},'
                                  * (MB // 70),
}


# Each must finish: the project-wide pytest timeout (pyproject.toml) is the generous bound; scripts/bench
# prints the times (site_build/benchmarks/data_safety.py).
@pytest.mark.parametrize("name", CRAFTED)
def test_a_megabyte_of_crafted_json_is_read_as_saved_data_and_as_a_file(name: str) -> None:
    text = CRAFTED[name]
    loaded = storage.load(text)
    assert loaded.damaged
    got = csvio.read_file("crafted.json", text, len(text))
    assert got.problem or got.rejected or not got.readings


def test_depth_ignores_brackets_in_strings_even_unterminated_ones() -> None:
    assert not jsontext.too_deep(json.dumps({"note": "[" * 100}))
    assert not jsontext.too_deep('["' + "[" * 100)
    assert jsontext.too_deep("[" * 33) and not jsontext.too_deep("[" * 32 + "]" * 32)
    assert not jsontext.too_deep('["\\"' + "[" * 40)  # an escaped quote does not end the string


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=30))
def test_depth_is_measured_as_json_nests(value: object) -> None:
    def depth(v: object) -> int:
        if isinstance(v, list):
            return 1 + max((depth(x) for x in v), default=0)
        if isinstance(v, dict):
            return 1 + max((depth(x) for x in v.values()), default=0)
        return 0
    text = json.dumps(value)
    assert jsontext.too_deep(text, 3) == (depth(value) > 3)


def test_the_complete_entries_of_a_cut_off_list_are_salvaged() -> None:
    entries = [{"date": f"2026-05-{d:02}", "note": "a, \"quoted\" ] note"} for d in range(1, 11)]
    text = json.dumps({"format": "f", "version": 1, "readings": entries})
    start = text.index("[") + 1
    ends = [text.index(json.dumps(e)) + len(json.dumps(e)) for e in entries]
    for cut in range(start, len(text) - 2):
        found = jsontext.salvage(text[:cut])
        assert found is not None
        assert found.header == {"format": "f", "version": "1"}
        assert found.entries == entries[:sum(end <= cut for end in ends)], cut  # every entry the cut left whole


@pytest.mark.parametrize("text", ["", "x", '{"readings": 5', '{"a": [1, {"readings": [{}]', "{" + '"k":1,' * 10])
def test_text_that_does_not_start_like_saved_readings_is_not_salvaged(text: str) -> None:
    assert jsontext.salvage(text) is None


@given(st.text(max_size=300))
def test_any_text_is_salvaged_without_raising(text: str) -> None:
    jsontext.salvage(text)
    jsontext.salvage('{"readings":[' + text)
