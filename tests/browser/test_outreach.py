"""Outreach health in a real browser: three calculators, each on its own page and computed by Python there, and
the overview page that the old links to its sections still reach."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import result_after

PAGES = {"funnel": "calculator/funnel/", "pacing": "calculator/pacing/", "warmup": "calculator/warmup/"}
OVERVIEW = "calculator/outreach/"


@pytest.fixture
def open_calculator(calc_page: Callable[[str], Page]) -> Callable[[str], Page]:
    """Open the page of one outreach calculator and wait until Python answers there."""
    return lambda mode: calc_page(PAGES[mode])


@pytest.mark.parametrize("mode", list(PAGES))
def test_each_calculator_has_its_own_page_with_a_prebuilt_result(page: Page, site_url: str, mode: str) -> None:
    page.route("**/pyodide/**", lambda route: route.abort())
    page.goto(site_url + PAGES[mode])
    expect(page.locator("[data-calculator]")).to_have_count(1)
    expect(page.locator(f'[data-calculator="{mode}"] [data-calculator-result]')).not_to_be_empty()
    expect(page.locator(".admonition.warning")).to_contain_text("What is official and what is not")
    if mode == "pacing":
        expect(page.locator(".ssi-risk")).to_contain_text("Risk: High")


def test_the_overview_links_to_the_three_pages(page: Page, site_url: str) -> None:
    page.goto(site_url + OVERVIEW)
    expect(page.locator("[data-calculator]")).to_have_count(0)
    article = page.locator("article")
    for mode in PAGES:
        expect(article.locator(f'a[href$="/calculator/{mode}/"]').first).to_be_visible()


@pytest.mark.parametrize(("section", "mode"), [
    ("funnel-check", "funnel"), ("pacing-and-account-risk", "pacing"), ("warm-up-plan", "warmup")])
def test_an_old_section_link_lands_on_a_section_that_leads_on(page: Page, site_url: str, section: str,
                                                              mode: str) -> None:
    page.goto(f"{site_url}{OVERVIEW}#{section}")
    heading = page.locator(f"#{section}")
    expect(heading).to_be_in_viewport()
    onward = page.locator(f"#{section} ~ p a[href$='/calculator/{mode}/']").first
    expect(onward).to_be_visible()
    onward.click()
    page.wait_for_url(site_url + PAGES[mode])
    expect(page.locator(f'[data-calculator="{mode}"]')).to_be_visible()


def test_funnel_fill_and_see_the_rates(open_calculator: Callable[[str], Page]) -> None:
    page = open_calculator("funnel")
    result = page.locator('[data-calculator="funnel"] [data-calculator-result]')
    with result_after(page, "funnel") as answer:
        page.fill("#funnel-accepted", "80")
    assert answer["ok"] is True
    expect(result.locator("table.ssi-funnel")).to_contain_text("40% (80 of 200)")
    expect(result).to_contain_text("Above it")
    expect(result.locator('a[href="../../outreach/metrics/#reply-rate"]').first).to_be_visible()
    # Replies per accepted connection and per invitation sent stay apart, each against its own base only.
    rows = result.locator("table.ssi-funnel tbody tr")
    expect(rows.filter(has_text="Reply rate of accepted")).to_contain_text("per connection who accepted")
    expect(rows.filter(has_text="Reply rate of accepted")).to_contain_text("5.44–9.36% (base disputed)")
    expect(rows.filter(has_text="Reply rate of sent")).to_contain_text("8.1% of invitations sent")
    expect(rows.filter(has_text="Connection-to-conversation")).to_contain_text("Not compared")


def test_funnel_impossible_combination_is_named_next_to_its_field(open_calculator: Callable[[str], Page]) -> None:
    page = open_calculator("funnel")
    with result_after(page, "funnel") as answer:
        page.fill("#funnel-accepted", "500")
    assert answer["ok"] is False
    expect(page.locator("#funnel-accepted-error")).to_contain_text("More accepted invitations (500)")
    expect(page.locator("#funnel-accepted")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#funnel-accepted")).to_have_value("500")
    expect(page.locator("#funnel-sent-error")).to_be_empty()  # only the field at fault carries the message


def test_pacing_fill_and_see_the_risk_with_reasons(open_calculator: Callable[[str], Page]) -> None:
    page = open_calculator("pacing")
    with result_after(page, "pacing"):
        page.select_option("#pacing-stage", "settled")
    with result_after(page, "pacing"):
        page.fill("#pacing-ssi", "55")
    with result_after(page, "pacing"):
        page.fill("#pacing-per_day", "10")
    with result_after(page, "pacing"):
        page.fill("#pacing-pending", "40")
    result = page.locator('[data-calculator="pacing"] [data-calculator-result]')
    expect(result.locator(".ssi-risk")).to_have_text("Risk: Low")
    expect(result).to_contain_text("LinkedIn publishes no invitation limit")
    expect(result.locator('a[href="../../sources/#weekly-100"]').first).to_be_attached()


def test_pacing_bad_input_is_named_next_to_its_field(open_calculator: Callable[[str], Page]) -> None:
    page = open_calculator("pacing")
    hostile = "<img src=x onerror=alert(1)>"
    with result_after(page, "pacing") as answer:
        page.fill("#pacing-per_week", "3")
    assert answer["ok"] is False
    expect(page.locator("#pacing-per_week-error")).to_contain_text("holds at least 15")
    with result_after(page, "pacing"):
        page.fill("#pacing-ssi", hostile)
    expect(page.locator("#pacing-ssi-error")).to_contain_text("too long")
    assert page.locator("[data-calculator-result] img").count() == 0


def test_warmup_fill_download_and_print(open_calculator: Callable[[str], Page], tmp_path: Path) -> None:
    page = open_calculator("warmup")
    widget = page.locator('[data-calculator="warmup"]')
    with result_after(page, "warmup"):
        page.fill("#warmup-target", "70")
    expect(widget.locator(".ssi-total__value")).to_have_text("70")
    expect(widget.locator("table.ssi-plan tbody tr")).to_have_count(7)
    with page.expect_download() as download:
        widget.locator('[data-action="csv"]').click()
    assert download.value.suggested_filename == "warm-up-plan.csv"
    saved = tmp_path / "plan.csv"
    download.value.save_as(saved)
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert rows[0][0] == "Week"
    assert [r[1] for r in rows[1:]] == ["25", "25", "40", "40", "55", "70", "70"]
    page.emulate_media(media="print")
    expect(widget.locator("table.ssi-plan")).to_be_visible()
    expect(widget.locator("form")).to_be_hidden()
    page.emulate_media(media="screen")
    expect(widget.locator("form")).to_be_visible()


def test_warmup_level_above_the_weekly_figure_is_named_next_to_its_field(
        open_calculator: Callable[[str], Page]) -> None:
    page = open_calculator("warmup")
    with result_after(page, "warmup") as answer:
        page.fill("#warmup-target", "150")
    assert answer["ok"] is False
    expect(page.locator("#warmup-target-error")).to_contain_text("the pacing check rates a week Elevated")
    expect(page.locator('[data-calculator="warmup"] [data-calculator-result]')).to_contain_text("Check the highlighted")


def test_the_warm_up_and_the_pacing_check_share_one_set_of_limits(open_calculator: Callable[[str], Page]) -> None:
    """The warm-up's third week (40 at most 8 a day) is a pace the pacing check rates Low for that stage."""
    page = open_calculator("warmup")
    expect(page.locator("table.ssi-plan tbody tr").nth(2)).to_contain_text("8 (cap 8)")
    page = open_calculator("pacing")
    with result_after(page, "pacing"):
        page.select_option("#pacing-stage", "early")
    with result_after(page, "pacing"):
        page.fill("#pacing-ssi", "")
    with result_after(page, "pacing"):
        page.fill("#pacing-per_day", "8")
    with result_after(page, "pacing"):
        page.fill("#pacing-per_week", "40")
    result = page.locator('[data-calculator="pacing"] [data-calculator-result]')
    expect(result.locator(".ssi-risk")).to_have_text("Risk: Low")
    with result_after(page, "pacing"):
        page.fill("#pacing-per_day", "9")
    expect(result.locator(".ssi-risk")).to_have_text("Risk: Elevated")
