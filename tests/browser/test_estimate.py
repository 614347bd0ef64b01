"""Estimate my score and Plan my next weeks, in a real browser: Python computes in the page."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from .conftest import result_after, wait_ready

ESTIMATE = "calculator/estimate/"
PLAN = "calculator/plan/"
HOSTILE = "<img src=x onerror=alert(1)>"


def test_fill_see_the_estimate_change_an_input_and_see_the_delta(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(ESTIMATE)
    page.evaluate("localStorage.clear()")
    expect(page.locator(".ssi-estimate .ssi-total__value")).to_have_text("33")
    with result_after(page, "estimate") as result:
        page.fill("#estimate-connections", "900")
    assert result["ok"]
    expect(page.locator(".ssi-estimate .ssi-total__value")).to_have_text("36")
    expect(page.locator(".ssi-ours")).to_contain_text("Our estimate, not LinkedIn's")
    with result_after(page, "estimate"):
        page.get_by_role("button", name="Save as my starting point").click()
    expect(page.locator(".ssi-delta__value")).to_have_text("±0")
    with result_after(page, "estimate"):
        page.fill("#estimate-comments_per_week", "6")
    expect(page.locator(".ssi-delta__value")).to_have_text("+3.9")
    expect(page.locator(".ssi-estimate-table tbody tr").nth(2)).to_contain_text("+3.9")  # engage moved
    expect(page.locator(".ssi-estimate-table tbody tr").nth(0)).to_contain_text("±0")  # brand did not
    page.wait_for_url("**comments_per_week=6**")  # the address holds the values, for sharing, once typing pauses
    # The starting point survives a reload: it lives in this browser's storage.
    page.reload()
    wait_ready(page)
    expect(page.locator("#estimate-comments_per_week")).to_have_value("6")
    expect(page.locator(".ssi-delta__value")).to_have_text("+3.9")
    with result_after(page, "estimate"):
        page.get_by_role("button", name="Forget the starting point").click()
    expect(page.locator(".ssi-delta__value")).to_have_count(0)


def test_bad_input_shows_a_message_next_to_the_field_and_is_kept(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(ESTIMATE)
    with result_after(page, "estimate") as result:
        page.fill("#estimate-connections", HOSTILE)
    assert result["ok"] is False
    expect(page.locator("#estimate-connections-error")).to_contain_text("too long")
    expect(page.locator("#estimate-connections")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#estimate-connections")).to_have_value(HOSTILE)
    assert page.locator("[data-calculator-result] img").count() == 0
    with result_after(page, "estimate"):
        page.fill("#estimate-connections", "10")
    expect(page.locator("#estimate-colleagues-error")).to_contain_text("no more than 10")
    with result_after(page, "estimate"):
        page.fill("#estimate-connections", "450")
    expect(page.locator("#estimate-colleagues-error")).to_be_empty()
    expect(page.locator(".ssi-estimate .ssi-total__value")).to_have_text("33")


def test_the_estimate_link_opens_the_plan_with_the_same_numbers(calc_page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(ESTIMATE)
    with result_after(page, "estimate"):
        page.select_option("#estimate-banner", "yes")
    page.get_by_role("link", name="Plan how to raise it from these numbers").click()
    page.wait_for_url(re.compile(r"/calculator/plan/#"))  # the numbers in the fragment, never in a query
    page.wait_for_function(
        "document.querySelector('[data-calculator-status]')?.textContent.startsWith('Calculator ready')")
    expect(page.locator("#plan-banner")).to_have_value("yes")
    with result_after(page, "plan"):
        page.fill("#plan-target", "60")
    expect(page.locator(".ssi-plan-headline")).to_contain_text("Target 60")
    expect(page.locator(".ssi-whatif tbody tr")).to_have_count(5)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the plan (.txt)").click()
    assert download.value.suggested_filename == "ssi-plan.txt"
    saved = tmp_path / "plan.txt"
    download.value.save_as(saved)
    assert saved.read_text().startswith("SSI plan (our model, not LinkedIn's")
    assert "Target 60" in saved.read_text()
