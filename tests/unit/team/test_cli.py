"""``python -m calculator team FILE...``: the same report as the page, and exit 2 with a message on bad input."""

from pathlib import Path

import pytest

from calculator.__main__ import main
from calculator.track.csvio import to_csv

from .make import weekly

pytestmark = pytest.mark.native


def test_the_team_report_from_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ana.csv").write_text(to_csv(weekly(8)))
    (tmp_path / "bo.csv").write_text(to_csv(weekly(4, brand="10")))
    assert main(["team", str(tmp_path / "ana.csv"), str(tmp_path / "bo.csv"), "--today", "2026-05-20"]) == 0
    out = capsys.readouterr().out
    assert "Team SSI on 2026-05-20: 2 members with readings" in out and "Compared with published figures" in out
    assert main(["team", str(tmp_path / "ana.csv"), "--csv", "--named", "--today", "2026-05-20"]) == 0
    assert "\nmember,ana,2026-05-20," in capsys.readouterr().out


def test_bad_input_exits_2_with_a_message_and_no_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "photo.csv").write_bytes(b"\x89PNG\x00\x00" * 100)
    (tmp_path / "ok.csv").write_text(to_csv(weekly(2)))
    assert main(["team", str(tmp_path / "missing.csv"), str(tmp_path / "photo.csv"), str(tmp_path / "ok.csv"),
                 "--today", "2026-05-20"]) == 2
    captured = capsys.readouterr()
    assert "missing.csv: No such file or directory" in captured.err
    assert "“photo.csv” looks like a binary file" in captured.err
    assert "Traceback" not in captured.err and "1 members" not in captured.out
    assert "Team SSI on 2026-05-20: 1 member with readings" in captured.out
    assert main(["team", str(tmp_path / "photo.csv")]) == 2
    assert "no team report" in capsys.readouterr().err
    assert main(["team", str(tmp_path / "ok.csv"), "--today", "soon"]) == 2
