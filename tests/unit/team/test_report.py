"""The team report: CSV a spreadsheet can filter, names only where asked, estimates marked, sourced figures."""

import csv
import io
from datetime import timedelta

from calculator.evidence import AVERAGE_2015, SHARE_70_PLUS_2015, SOURCES
from calculator.team import report
from calculator.team.load import Found, read_team_file
from calculator.team.model import Team, add_file, add_found
from calculator.team.stats import summarise

from .make import TODAY, reading, weekly


def team() -> Team:
    t = add_found(Team(), "ana.csv", Found("Ana", weekly(20, brand="18"))).team
    bo = reading(TODAY - timedelta(days=60), engage="2", industry_rank="12")
    t = add_found(t, "bo.csv", Found("=HYPERLINK(\"x\")", (bo,))).team
    return add_found(t, "cy.csv", Found("Cy", (reading(TODAY, brand="5", engage="1"),))).team


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_csv_leads_with_the_team_and_names_only_whose_reading_is_old() -> None:
    summary = summarise(team(), TODAY)
    assert summary is not None
    got = rows(report.to_csv(summary, named=False))
    kinds = [r["row"] for r in got]
    assert kinds[:6] == ["team lowest", "team lower quartile", "team median", "team upper quartile", "team highest",
                         "team mean"]
    assert "member" not in kinds and kinds.count("week") == len(summary.weeks)
    (stale,) = [r for r in got if r["row"] == "stale"]
    assert stale["name"] == "'=HYPERLINK(\"x\")"  # a spreadsheet shows it as text, never runs it
    assert next(r for r in got if r["row"] == "lagging pillar")["engage"] == "yes"


def test_the_named_rows_mark_estimates_as_estimates() -> None:
    summary = summarise(team(), TODAY)
    assert summary is not None
    members = {r["name"]: r for r in rows(report.to_csv(summary, named=True)) if r["row"] == "member"}
    assert members["'=HYPERLINK(\"x\")"]["industry_rank"] == "top 12% (dashboard)"
    assert members["Ana"]["industry_rank"].endswith("(estimate)")
    assert members["Ana"]["note"] == "rank is our estimate, not LinkedIn's"


def test_sorting_the_named_table_by_any_column_and_missing_values_last() -> None:
    summary = summarise(team(), TODAY)
    assert summary is not None
    found = report.rows(summary)
    assert next(r.name for r in report.sort_rows(found, "total", True)) == "Ana"
    assert [r.name for r in report.sort_rows(found, "change", True)][-2:] == ["=HYPERLINK(\"x\")", "Cy"]
    assert [r.name for r in report.sort_rows(found, "nonsense", False)] == ["=HYPERLINK(\"x\")", "Ana", "Cy"]
    for column in report.COLUMNS:
        assert len(report.sort_rows(found, column, False)) == 3


def test_the_text_report_cites_the_evidence_figures_with_their_trust() -> None:
    summary = summarise(team(), TODAY)
    text = report.to_text(summary)
    assert f"scored {AVERAGE_2015}." in text and f"{SHARE_70_PLUS_2015}% of sales professionals" in text
    assert f"[{SOURCES['li-science-2015'].title}; official LinkedIn]" in text
    assert "dashboard reading]" in text
    assert "The team lags most on Engage with insights" in text
    assert "Name " not in text  # no table with names unless asked
    assert "Name " in report.to_text(summary, named=True)


def test_all_readings_as_one_csv_read_back_as_the_same_team() -> None:
    original = team()
    text = report.readings_csv(original)
    read = read_team_file("team-readings-2026-05-20.csv", text, len(text), TODAY)
    back = add_file(Team(), read).team
    assert read.all_rejected == ()
    assert [(m.name, m.readings) for m in back.members] == [(m.name, m.readings) for m in original.members]
