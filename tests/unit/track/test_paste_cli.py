"""The command line: ``paste FILE`` prints what was recognised (exit 2 and why, never a traceback);
``history FILE`` adds the explanations, the file's total checks and the goal."""

import subprocess
import sys
from pathlib import Path

import pytest

from calculator.__main__ import main

from .pages import DASHBOARDS

pytestmark = pytest.mark.native


def test_paste_prints_every_value_and_the_checks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["paste", str(DASHBOARDS / "pt_2026_value_then_label.txt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Read as Portuguese (Brazil); layout: each value on the line before its label.")
    assert "Establish your professional brand  8.38     before its label (“8,38”)" in out
    assert "not as yours" in out


def test_paste_of_a_partial_page_exits_2_and_names_the_missing_pillars(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    cut = tmp_path / "cut.txt"
    cut.write_text("Establish your professional brand\n20.998\nFind the right people\n6.4\n", encoding="utf-8")
    assert main(["paste", str(cut)]) == 2
    captured = capsys.readouterr()
    assert "20.998" in captured.out
    assert "not every pillar could be read (Engage with insights, Build relationships)" in captured.err


@pytest.mark.parametrize("content", [b"", b"\x00\x01\xff\xfe binary", "Olá mundo".encode()])
def test_paste_of_something_else_exits_2_with_a_reason(tmp_path: Path, content: bytes,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.txt"
    path.write_bytes(content)
    assert main(["paste", str(path)]) == 2
    assert "no SSI values found" in capsys.readouterr().err


def test_paste_of_a_missing_or_huge_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["paste", str(tmp_path / "nope.txt")]) == 2
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"x" * 500_001)
    assert main(["paste", str(huge)]) == 2
    err = capsys.readouterr().err
    assert "No such file" in err and "far more than an SSI page" in err


def test_history_reports_the_moves_the_checks_and_the_goal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "series.csv"
    path.write_text("date;total;brand;find;engage;relate;industry_rank;network_rank\n"
                    "2026-05-12;53;21.048;6.5;10.25;15;10;12\n2026-05-13;52;21.048;6.5;9.5;15;10;13\n"
                    "2026-05-18;53;20.998;6.4;10.25;15;10;12\n2026-05-19;58;20.998;6.4;10.25;15;9;11\n",
                    encoding="utf-8")
    assert main(["history", str(path), "--today", "2026-05-20", "--goal", "60", "--by", "2026-08-01"]) == 0
    out = capsys.readouterr().out
    assert "2026-05-13: Overnight, Engage with insights fell by 0.75" in out
    assert "The people you are ranked against moved, not you" in out
    assert "2026-05-19: probable typo: the file says 58, but the pillars add up to 52.648 (shown as 53)." in out
    assert "Goal 60 by 2026-08-01: 4 readings over 7 days are too few" in out


def test_history_says_when_every_total_fits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ok.csv"
    path.write_text("date,brand,find,engage,relate,total\n2026-05-19,20.998,6.4,10.25,15,52.648\n"
                    "2026-05-12,21.048,6.5,10.25,15,53\n", encoding="utf-8")
    assert main(["history", str(path), "--today", "2026-05-20"]) == 0
    assert "All 2 totals in the file fit their pillars" in capsys.readouterr().out


def test_a_bad_goal_on_the_command_line_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ok.csv"
    path.write_text("date,brand,find,engage,relate\n2026-05-19,20.998,6.4,10.25,15\n", encoding="utf-8")
    assert main(["history", str(path), "--goal", "x", "--by", "2026-08-01"]) == 2
    assert "--goal: The target “x” is not a number." in capsys.readouterr().err


def test_python_dash_m_paste_has_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("nothing here", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "calculator", "paste", str(path)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "no SSI values found" in done.stderr
