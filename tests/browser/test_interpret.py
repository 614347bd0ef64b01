"""Interpret my score, in a real browser: Python computes in the page, under a sub-path."""

import re

from playwright.sync_api import Page, expect

from .conftest import result_after

PAGE = "calculator/interpret/"


def test_the_page_shows_a_real_result_before_python_loads(page: Page, site_url: str) -> None:
    page.route("**/pyodide/**", lambda route: route.abort())  # Pyodide never arrives
    page.goto(site_url + PAGE)
    expect(page.locator("[data-calculator-result] .ssi-total__value")).to_have_text("53")
    expect(page.locator("[data-calculator-status]")).to_contain_text("could not load", timeout=30_000)
    expect(page.locator("#interpret-brand")).to_have_value("20.998")


def test_the_readings_behind_the_ranges_open_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    readings = page.get_by_role("table", name=re.compile("Every public reading with a rank"))
    expect(readings).to_be_hidden()
    summary = page.locator(".ssi-reference summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(readings).to_be_visible()
    expect(readings.locator("tbody tr")).to_have_count(21)


def test_typing_updates_the_result_in_the_page(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    expect(page.locator("[data-calculator-status]")).to_have_text("Calculator ready: the result updates as you type.")
    with result_after(page, "interpret") as result:
        page.fill("#interpret-brand", "25")
    assert result["ok"]
    expect(page.locator(".ssi-total__value")).to_have_text("57")
    with result_after(page, "interpret"):
        page.fill("#interpret-find", "20")
        page.fill("#interpret-engage", "20")
    page.wait_for_function("document.querySelector('.ssi-total__value').textContent === '80'")
    expect(page.locator(".ssi-band")).to_contain_text("leader")


def test_bad_input_is_named_next_to_its_field_and_kept(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    hostile = "<img src=x onerror=alert(1)>"
    with result_after(page, "interpret") as result:
        page.fill("#interpret-find", hostile)
    assert result["ok"] is False
    expect(page.locator("#interpret-find-error")).to_have_text(
        "That is too long to be a pillar score. Type a number such as 12.5.")
    expect(page.locator("#interpret-find")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#interpret-find")).to_have_value(hostile)
    assert page.locator("[data-calculator-result] img").count() == 0
    with result_after(page, "interpret"):
        page.fill("#interpret-engage", "-3")
    expect(page.locator("#interpret-engage-error")).to_contain_text("cannot be negative")
    with result_after(page, "interpret") as result:
        page.fill("#interpret-find", "6.4")
        page.fill("#interpret-engage", "10.25")
    page.wait_for_function("!document.querySelector('#interpret-engage').hasAttribute('aria-invalid')")
    expect(page.locator("#interpret-find-error")).to_be_empty()
    expect(page.locator(".ssi-total__value")).to_have_text("53")


def test_the_percentile_ranges_and_their_coverage_of_known_readings(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    stand = page.locator(".ssi-stand")
    expect(stand).to_contain_text("Against a group averaging 28.2 to 36")
    expect(stand).to_contain_text("top 8–11%")
    expect(stand).not_to_contain_text("sales professionals in general")
    expect(page.locator(".ssi-coverage")).to_contain_text("21 of 21 known readings fall inside the ranges it shows")
    with result_after(page, "interpret"):
        page.fill("#interpret-brand", "0")
    with result_after(page, "interpret"):
        page.fill("#interpret-find", "0")  # 25.25, well below the industry's 34: no reading there, a wide range
    expect(stand).to_contain_text("top 51–74%")


def test_the_calculator_survives_in_site_navigation(guarded_page: Page, site_url: str) -> None:
    page = guarded_page
    page.goto(site_url)
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="Calculators").first.click()
    page.get_by_role("link", name="Interpret my score").first.click()
    page.wait_for_url("**/calculator/interpret/")
    page.wait_for_function("performance.getEntriesByName('ssi:first-result').length > 0", timeout=60_000)
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded, not swapped in"
    with result_after(page, "interpret"):
        page.fill("#interpret-relate", "25")
    expect(page.locator(".ssi-total__value")).to_have_text("63")
    # Away and back again: the same worker answers on the new copy of the page.
    page.get_by_role("link", name="FAQ").first.click()
    page.wait_for_url("**/faq/")
    page.go_back()
    page.wait_for_url(re.compile(r"/calculator/interpret/#"))  # the values typed before, in the fragment
    page.wait_for_function(
        "document.querySelector('[data-calculator-status]')?.textContent.startsWith('Calculator ready')")
    expect(page.locator("#interpret-relate")).to_have_value("25")
    with result_after(page, "interpret"):
        page.fill("#interpret-brand", "0")
    expect(page.locator(".ssi-total__value")).to_have_text("42")
    assert page.evaluate("window.__sameDocument === true")


def test_the_keyboard_reaches_every_field_in_order(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    page.focus("#interpret-brand")
    for next_id in ("interpret-find", "interpret-engage", "interpret-relate", "interpret-industry_average"):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == next_id
