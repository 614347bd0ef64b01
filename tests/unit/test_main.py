"""The calculator on the command line prints what the page shows."""

import subprocess
import sys
from pathlib import Path

import pytest

from calculator.__main__ import main

pytestmark = pytest.mark.native


def test_interpret_prints_the_total_band_and_estimate(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["interpret", "20.998", "6.4", "10.25", "15", "--industry-average", "34"]) == 0
    out = capsys.readouterr().out
    assert "SSI 53 / 100" in out
    assert "industry (average 34, you +18.6): top 8–11%" in out


def test_bad_values_are_named_with_exit_code_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["interpret", "x", "6.4", "30", "15"]) == 2
    err = capsys.readouterr().err
    assert "Establish your professional brand ('x'): This is not a number." in err
    assert "Engage with insights ('30'): A pillar score is between 0 and 25." in err


def test_python_dash_m_works() -> None:
    done = subprocess.run([sys.executable, "-m", "calculator", "interpret", "20.998", "6.4", "10.25", "15"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.startswith("SSI 53 / 100")


def test_the_command_line_reads_grouped_thousands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outreach", "funnel", "--sent", "1,200", "--accepted", "300"]) == 0
    assert "300 of 1200" in capsys.readouterr().out
    assert main(["interpret", "20.998", "6.4", "10.25", "15", "--industry-average", "34,50"]) == 0
    assert capsys.readouterr().err == ""


def test_the_command_line_says_how_an_ambiguous_entry_was_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p.json"
    profile.write_text('{"connections": "1,200", "views_received_per_week": "1.250"}')
    assert main(["plan", "--profile", str(profile)]) == 0
    err = capsys.readouterr().err
    assert err == ("Note: Views of your profile: “1.250” was read as 1250: the dot separates thousands."
                   " For 1.25, type 1.25.\n")
