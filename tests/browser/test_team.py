"""The Team view in a real browser: several files chosen at once, merging, bad files, the charts, the report,
keeping the team in the browser, printing, and axe in both colour schemes."""

import csv
import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from .conftest import result_after, run_axe, wait_ready

PAGE = "calculator/team/"
KEY = "ssi-field-guide:team"
HOSTILE = "<img src=x onerror=window.__pwned=1>"
SHOWN = "<img src=x onerror=window pwned=1>"  # the member named after the file: dots and underscores are spaces
HEADER = "date,brand,find,engage,relate,total,industry_rank,network_rank,industry_average,network_average,note\n"


def export(weeks: int, brand: float, engage: float = 4.0) -> str:
    """A Track export of weekly readings up to today (the page measures old readings against today)."""
    today = date.today()
    rows = [f"{today - timedelta(weeks=weeks - 1 - i)},{brand + i / 10:.2f},6.4,{engage:.2f},15,,,,,,\n"
            for i in range(weeks)]
    return HEADER + "".join(rows)


def file(name: str, text: str | bytes) -> dict[str, Any]:
    return {"name": name, "mimeType": "text/csv", "buffer": text if isinstance(text, bytes) else text.encode()}


TEAM = [
    file("ana-ssi-readings.csv", export(20, 18)),
    file("Ana (1).csv", HEADER + f"{date.today() - timedelta(weeks=30)},17,6,3,14,,,,,,\n"),
    file(f"{HOSTILE}.csv", export(8, 10, engage=1)),
    file("bo.csv", export(12, 14) + "2099-01-01,1,1,1,1,,,,,,\n"),
    file("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00" * 400),
    file("huge.csv", b"date,brand,find,engage,relate\n" + b"2026-05-01,1,1,1,1\n" * 330_000),
]


def load_team(page: Page) -> None:
    with result_after(page, "team"):
        page.set_input_files("#team-files", files=TEAM)  # type: ignore[arg-type]
    expect(page.locator(".ssi-team-file-report")).to_be_visible()


@pytest.fixture
def team(calc_page) -> Page:  # type: ignore[no-untyped-def]
    page: Page = calc_page(PAGE)
    expect(page.locator("[data-calculator-result]")).to_contain_text("No team loaded yet")
    load_team(page)
    return page


def test_several_files_load_at_once_the_same_person_merges_and_bad_files_are_named(team: Page) -> None:
    page = team
    report = page.locator(".ssi-team-file-report")
    expect(report.locator("li.ssi-team-refused")).to_have_count(2)
    expect(report).to_contain_text("“photo.csv” looks like a binary file")
    expect(report).to_contain_text("“huge.csv” is 6.0 MB, too large")
    expect(report).to_contain_text("Line 14: Date: 2099-01-01 is in the future")
    expect(page.locator("#team-files-error")).to_contain_text("2 of 6 files could not be read")
    expect(page.locator(".ssi-team-message")).to_contain_text("merged as one person")
    names = page.locator(".ssi-team-members tbody input")
    expect(names).to_have_count(3)
    expect(names.nth(0)).to_have_value("ana")
    expect(names.nth(1)).to_have_value(SHOWN)  # shown as text, never run
    assert page.evaluate("window.__pwned === undefined")
    expect(page.locator(".ssi-team svg.ssi-chart[role='img']")).to_have_count(3)
    expect(page.locator(".ssi-team-dots circle")).to_have_count(3)
    expect(page.locator(".ssi-team-lag")).to_contain_text("Engage with insights")
    expect(page.locator(".ssi-team-compare")).to_contain_text("official LinkedIn")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None  # nothing kept unless asked


def test_keep_apart_and_rename(team: Page) -> None:
    page = team
    with result_after(page, "team"):
        page.get_by_role("button", name="Keep apart “Ana (1).csv” from ana").click()
    expect(page.locator(".ssi-team-members tbody tr")).to_have_count(4)
    page.fill("#team-name-m4", "Ana B")
    with result_after(page, "team"):
        page.get_by_role("button", name="Save names").click()
    expect(page.locator("#team-name-m4")).to_have_value("Ana B")


def test_the_table_with_names_only_when_asked_sorted_by_any_column(team: Page) -> None:
    page = team
    expect(page.locator("table.ssi-team-named")).to_have_count(0)
    with result_after(page, "team"):
        page.select_option("#team-named", "on")
    table = page.locator("table.ssi-team-named")
    expect(table.locator("tbody tr")).to_have_count(3)
    expect(table.locator("tbody tr").first.locator("th")).to_have_text(SHOWN)  # by name first: "<" sorts first
    expect(table.locator(".ssi-team-estimate").first).to_have_text("(estimate)")
    with result_after(page, "team"):
        page.get_by_role("button", name="Sort by Total").click()
    with result_after(page, "team"):
        page.get_by_role("button", name="Sort by Total").click()
    expect(table.locator("th[aria-sort='descending']")).to_have_count(1)
    expect(table.locator("tbody tr").first.locator("th")).to_have_text("ana")


def test_the_report_downloads_and_the_page_prints_without_controls(team: Page, tmp_path: Path) -> None:
    page = team
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the report (CSV)").click()
    assert info.value.suggested_filename == f"ssi-team-report-{date.today()}.csv"
    saved = tmp_path / "report.csv"
    info.value.save_as(saved)
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert rows[2]["row"] == "team median" and rows[2]["count"] == "3"
    assert "member" not in {r["row"] for r in rows}
    page.emulate_media(media="print")
    expect(page.locator(".ssi-team-dots")).to_be_visible()
    expect(page.locator("#team-form")).to_be_hidden()
    expect(page.locator(".ssi-team-members")).to_be_hidden()
    expect(page.locator(".ssi-team-tools").first).to_be_hidden()
    page.emulate_media(media="screen")


def test_kept_in_the_browser_only_when_asked_and_back_after_a_reload(team: Page) -> None:
    page = team
    with result_after(page, "team"):
        page.get_by_role("button", name="Keep the team in this browser").click()
    assert '"format":"ssi-field-guide/team"' in page.evaluate(f"localStorage.getItem('{KEY}')")
    page.reload()
    wait_ready(page)
    expect(page.locator(".ssi-team-message")).to_contain_text("The team kept in this browser is back: 3 members.")
    with result_after(page, "team"):
        page.get_by_role("button", name="Forget the team").click()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == ""
    page.reload()
    wait_ready(page)
    expect(page.locator("[data-calculator-result]")).to_contain_text("No team loaded yet")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_loaded_team_is_accessible(guarded_page: Page, calc_page, scheme: str) -> None:  # type: ignore[no-untyped-def]
    guarded_page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page: Page = calc_page(PAGE)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
    load_team(page)
    with result_after(page, "team"):
        page.select_option("#team-named", "on")
    page.locator(".ssi-team details").evaluate_all("all => all.forEach(d => d.open = true)")
    violations = run_axe(page)
    assert violations == [], violations
