"""The profile form and profile files: the keys people write, and a clear message for each bad file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from calculator.estimate.profile import load_profile, profile_values
from calculator.fields import FieldError


def test_the_sample_profile_file_reads_as_the_example(fixtures: Path) -> None:
    values = load_profile(str(fixtures / "profile.json"))
    assert values["photo"] == "yes"
    assert values["banner"] == "no"
    assert values["connections"] == "450"
    assert values["lead_saves_per_week"] == ""  # left out: none


@pytest.mark.parametrize(("text", "words"), [
    ('{"photo": tru', "not valid JSON"),
    ("[1, 2]", "must be a JSON object"),
    ('{"colour": 1}', "Unknown key(s) 'colour'"),
    ('{"connections": [1]}', "must be a number"),
])
def test_bad_profile_files_get_clear_messages(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "p.json"
    path.write_text(text)
    with pytest.raises(FieldError, match=re.escape(words)):
        load_profile(str(path))


def test_a_missing_profile_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(FieldError, match="Cannot read"):
        load_profile(str(tmp_path / "nope.json"))


def test_booleans_in_number_fields_are_rejected_by_the_form() -> None:
    assert profile_values({"connections": True})["connections"] == "true"
