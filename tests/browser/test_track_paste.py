"""Track my SSI in a real browser: paste → check the boxes → confirm → saved; the example history kept apart
from saved readings; the goal; the reminder download. Accessible in both colour schemes."""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import result_after, run_axe

PAGE = "calculator/track/"
KEY = "ssi-field-guide:readings"
DASHBOARDS = Path(__file__).parents[1] / "unit" / "fixtures" / "dashboards"


def stored(page: Page) -> dict | None:  # type: ignore[type-arg]
    text = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(text) if text else None


def paste(page: Page, name: str, day: str = "2026-05-19") -> None:
    page.fill("#track-date", day)
    with result_after(page, "track"):
        page.fill("#track-paste", (DASHBOARDS / name).read_text(encoding="utf-8"))
    expect(page.locator(".ssi-history-paste h3")).to_have_text("What the pasted text says")


def test_a_portuguese_page_is_shown_field_by_field_and_saved_only_on_confirm(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    paste(page, "pt_2026_value_then_label.txt")
    expect(page.locator("#track-paste-brand")).to_have_value("8.38")
    expect(page.locator("#track-paste-relate")).to_have_value("8.60")
    expect(page.locator(".ssi-history-paste")).to_contain_text("Read as Portuguese (Brazil)")
    expect(page.locator(".ssi-history-paste")).to_contain_text("not as yours")
    assert stored(page) is None  # nothing saved by pasting
    with result_after(page, "track"):
        page.click("[data-action='confirm-paste']")
    reading = stored(page)["readings"][0]  # type: ignore[index]
    assert (reading["date"], reading["brand"], reading["industry_rank"]) == ("2026-05-19", "8.38", "83")


def test_a_missing_value_is_typed_in_its_box_then_saved(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    text = (DASHBOARDS / "en_2026_label_then_value.txt").read_text(encoding="utf-8")
    page.fill("#track-date", "2026-05-19")
    with result_after(page, "track"):
        page.fill("#track-paste", text[:text.index("10.25")])
    expect(page.locator("#track-paste-engage")).to_have_value("")
    expect(page.locator("[data-action='confirm-paste']")).to_have_count(0)
    page.fill("#track-paste-engage", "10.25")
    page.fill("#track-paste-relate", "15")
    with result_after(page, "track"):  # any change in the form re-reads the boxes as typed
        page.fill("#track-note", "typed two values")
    expect(page.locator("#track-paste-engage")).to_have_value("10.25")
    with result_after(page, "track"):
        page.click("[data-action='confirm-paste']")
    reading = stored(page)["readings"][0]  # type: ignore[index]
    assert (reading["engage"], reading["relate"], reading["note"]) == ("10.25", "15", "typed two values")


def test_a_typo_in_the_total_is_flagged_before_saving(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    paste(page, "pt_2026_label_then_value.txt")
    with result_after(page, "track"):
        page.fill("#track-paste", (DASHBOARDS / "pt_2026_label_then_value.txt").read_text(encoding="utf-8")
                  .replace("53 de 100", "58 de 100"))
    expect(page.locator(".ssi-paste-checks")).to_contain_text("Probable typo: The total shown is 58")


def test_the_example_history_never_mixes_with_saved_readings(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    paste(page, "de_label_then_value.txt")
    with result_after(page, "track"):
        page.click("[data-action='confirm-paste']")
    mine = page.evaluate(f"localStorage.getItem('{KEY}')")
    with result_after(page, "track"):
        page.click("[data-action='example']")
    expect(page.locator(".ssi-history-example")).to_contain_text("Your 1 saved reading is untouched")
    expect(page.locator(".ssi-history-moves")).to_contain_text("Engage with insights fell by 0.75")
    expect(page.locator(".ssi-history-moves")).to_contain_text("The people you are ranked against moved")
    expect(page.locator(".ssi-history-list tbody tr")).to_have_count(9)
    expect(page.locator("[data-calculator-result] [data-action='add']")).to_have_count(0)  # nothing to save
    expect(page.locator("[data-action^='delete:']")).to_have_count(0)
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == mine
    with result_after(page, "track"):
        page.click("[data-action='leave-example']")
    expect(page.locator(".ssi-history-list tbody tr")).to_have_count(1)
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == mine


def test_a_goal_says_whether_the_readings_are_on_track(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    with result_after(page, "track"):
        page.click("[data-action='example']")
    by = (date.today() + timedelta(days=60)).isoformat()  # the example ends in May 2026: 90 needs ~1 a week
    page.fill("#track-goal_target", "90")
    with result_after(page, "track"):
        page.fill("#track-goal_date", by)
    expect(page.locator(".ssi-history-goal")).to_contain_text(f"Your goal: 90 by {by}")
    expect(page.locator(".ssi-history-goal")).to_contain_text("you would not get there")
    with result_after(page, "track"):
        page.fill("#track-goal_target", "sixty")
    expect(page.locator("#track-goal_target-error")).to_contain_text("is not a number")


def test_a_reminder_downloads_as_a_calendar_file(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    with page.expect_download() as download:
        page.click("[data-action='reminder:weekly']")
    assert download.value.suggested_filename == "ssi-check-weekly.ics"
    assert Path(download.value.path()).read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_preview_and_the_example_are_accessible(calc_page, scheme: str) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    paste(page, "fr_label_then_value.txt")
    with result_after(page, "track"):
        page.click("[data-action='example']")
    page.fill("#track-goal_target", "60")
    with result_after(page, "track"):
        page.fill("#track-goal_date", (date.today() + timedelta(days=90)).isoformat())
    assert run_axe(page) == []
