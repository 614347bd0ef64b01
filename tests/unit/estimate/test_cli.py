"""What the estimate and plan command lines share: a profile file, or a clear message on stderr."""

from pathlib import Path

import pytest

from calculator.estimate.cli import cli_estimate, cli_values, read_values
from calculator.estimate.profile import PROFILE_FIELDS

pytestmark = pytest.mark.native


def test_without_a_file_the_example_profile_is_used() -> None:
    assert cli_values(None) == {f.name: f.default for f in PROFILE_FIELDS}


def test_a_bad_file_is_named_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert read_values(str(tmp_path / "nope.json")) is None
    assert "error: Cannot read" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"connections": -4}')
    assert cli_estimate(str(bad)) is None
    assert f"{bad}: connections ('-4'): A count cannot be negative" in capsys.readouterr().err
