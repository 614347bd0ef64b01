"""The Track mode's set-up, its text report and its command line."""

from pathlib import Path

import pytest

from calculator.track.mode import FIELDS, MODE, STORAGE_KEY, Report, render_text
from calculator.track.storage import load
from tests.unit.track.conftest import TODAY, ask, saved


def test_the_mode_is_set_up_for_local_storage() -> None:
    assert MODE.storage_key == STORAGE_KEY == "ssi-field-guide:readings"
    assert MODE.handle_request is not None
    assert {f.name for f in FIELDS} >= {"date", "brand", "find", "engage", "relate", "paste", "import", "note"}


def test_the_text_report_matches_the_page() -> None:
    store = ask("add", stored=saved(date="2026-05-12", brand="18"))["store"]
    text = render_text(Report(load(store).readings, TODAY))
    assert text.startswith("SSI 53 / 100 on 2026-05-19 (2 readings over 7 days")
    assert "Establish your professional brand" in text and "+2.998" in text


def test_the_command_line_prints_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from calculator.__main__ import main

    path = tmp_path / "readings.csv"
    path.write_text("date,brand,find,engage,relate\n2026-05-12,18,6.4,10.25,15\n2026-05-19,20.998,6.4,10.25,15\n"
                    "2026-05-20,oops,1,1,1\n", encoding="utf-8")
    assert main(["track", str(path), "--today", "2026-05-20"]) == 0
    out = capsys.readouterr().out
    assert "readings.csv: 2 readings read, 1 rejected" in out
    assert "line 4: Establish your professional brand: “oops” is not a number" in out
    assert "SSI 53 / 100 on 2026-05-19" in out


def test_the_command_line_reports_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from calculator.__main__ import main

    assert main(["history", str(tmp_path / "nope.csv")]) == 2
    assert "nope.csv" in capsys.readouterr().err
