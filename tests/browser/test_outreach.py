"""Outreach health in a real browser: three calculators on one page, each computed by Python in the page."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import result_after

PAGE = "calculator/outreach/"
MODES = ("funnel", "pacing", "warmup")

# Counts every result each widget receives, from the first one on (a capture listener sees the widgets'
# non-bubbling events), so a test can wait until all three have answered before it starts typing.
COUNT_RESULTS = """document.addEventListener("ssi:result", (event) => {
  const name = event.target.dataset.calculator;
  window.__ssiResults = window.__ssiResults || {};
  window.__ssiResults[name] = (window.__ssiResults[name] || 0) + 1;
}, true);"""


@pytest.fixture
def outreach(guarded_page: Page, calc_page: Callable[[str], Page]) -> Page:
    guarded_page.add_init_script(COUNT_RESULTS)
    page = calc_page(PAGE)
    page.wait_for_function(
        "names => names.every(n => (window.__ssiResults || {})[n] > 0)", arg=list(MODES))
    return page


def test_three_widgets_on_one_page_each_show_a_prebuilt_result(page: Page, site_url: str) -> None:
    page.route("**/pyodide/**", lambda route: route.abort())
    page.goto(site_url + PAGE)
    for mode in MODES:
        expect(page.locator(f'[data-calculator="{mode}"] [data-calculator-result]')).not_to_be_empty()
    expect(page.locator('[data-calculator="pacing"] .ssi-risk')).to_contain_text("Risk: High")


def test_funnel_fill_and_see_the_rates(outreach: Page) -> None:
    page = outreach
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
    # The other widgets were not touched by the funnel's edit.
    expect(page.locator('[data-calculator="pacing"] .ssi-risk')).to_contain_text("Risk: High")


def test_funnel_impossible_combination_is_named_next_to_its_field(outreach: Page) -> None:
    page = outreach
    with result_after(page, "funnel") as answer:
        page.fill("#funnel-accepted", "500")
    assert answer["ok"] is False
    expect(page.locator("#funnel-accepted-error")).to_contain_text("More accepted invitations (500)")
    expect(page.locator("#funnel-accepted")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#funnel-accepted")).to_have_value("500")
    expect(page.locator("#pacing-per_day-error")).to_be_empty()  # no message leaks into another widget


def test_pacing_fill_and_see_the_risk_with_reasons(outreach: Page) -> None:
    page = outreach
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


def test_pacing_bad_input_is_named_next_to_its_field(outreach: Page) -> None:
    page = outreach
    hostile = "<img src=x onerror=alert(1)>"
    with result_after(page, "pacing") as answer:
        page.fill("#pacing-per_week", "3")
    assert answer["ok"] is False
    expect(page.locator("#pacing-per_week-error")).to_contain_text("holds at least 15")
    with result_after(page, "pacing"):
        page.fill("#pacing-ssi", hostile)
    expect(page.locator("#pacing-ssi-error")).to_contain_text("too long")
    assert page.locator("[data-calculator-result] img").count() == 0


def test_warmup_fill_download_and_print(outreach: Page, tmp_path: Path) -> None:
    page = outreach
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
    expect(page.locator('[data-calculator="funnel"]')).to_be_hidden()
    page.emulate_media(media="screen")
    expect(page.locator('[data-calculator="funnel"]')).to_be_visible()


def test_warmup_level_above_the_weekly_figure_is_named_next_to_its_field(outreach: Page) -> None:
    page = outreach
    with result_after(page, "warmup") as answer:
        page.fill("#warmup-target", "150")
    assert answer["ok"] is False
    expect(page.locator("#warmup-target-error")).to_contain_text("the pacing check rates a week Elevated")
    expect(page.locator('[data-calculator="warmup"] [data-calculator-result]')).to_contain_text("Check the highlighted")


def test_the_warm_up_and_the_pacing_check_share_one_set_of_limits(outreach: Page) -> None:
    """The warm-up's third week (40 at most 8 a day) is a pace the pacing check rates Low for that stage."""
    page = outreach
    warmup = page.locator('[data-calculator="warmup"]')
    expect(warmup.locator("table.ssi-plan tbody tr").nth(2)).to_contain_text("8 (cap 8)")
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
