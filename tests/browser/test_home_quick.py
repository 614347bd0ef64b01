"""The home page's quick reading (issue 18): four pillar values typed by keyboard give the total, the band and
the weakest pillar, from Python; Python starts only when the visitor steps into the form, never as the page
loads; the result's link opens the full interpreter on the same values; small screens and axe stay clean."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import run_axe, wait_ready

VALUES = (("brand", "20.998"), ("find", "6.4"), ("engage", "10.25"), ("relate", "15"))
STARTED = "performance.getEntriesByName('ssi:worker-start').length > 0"


def of_python(urls: list[str]) -> list[str]:
    return [u for u in urls if "calculator-worker" in u or "/pyodide/" in u]


def tab_to(page: Page, selector: str, most: int = 200) -> None:
    """Press Tab until ``selector`` has the focus, as a keyboard user would."""
    for _ in range(most):
        if page.evaluate("s => document.activeElement?.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_typed_by_keyboard_it_reads_the_score_and_hands_over(guarded_page: Page, site_url: str) -> None:
    page = guarded_page
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    expect(page.locator("[data-calculator=quick] [data-calculator-status]")).to_have_text(
        re.compile("^The calculator starts when you type"))
    expect(page.locator("[data-calculator=quick] [data-calculator-result]")).to_contain_text(
        "Type your four pillar scores")
    assert not page.evaluate(STARTED), "Python was started before the visitor typed"
    assert of_python(fetched) == []

    tab_to(page, "#quick-brand")
    for i, (_, value) in enumerate(VALUES):
        if i:
            page.keyboard.press("Tab")
        page.keyboard.type(value)
    assert page.evaluate(STARTED)
    page.wait_for_function("document.querySelector('[data-calculator=quick] .ssi-total__value')", timeout=90_000)
    assert of_python(fetched) != []  # the worker and Python came once the visitor typed
    result = page.locator("[data-calculator=quick] [data-calculator-result]")
    expect(result.locator(".ssi-total__value")).to_have_text("53", timeout=90_000)
    expect(result.locator(".ssi-band")).to_contain_text("between LinkedIn's two lines")
    expect(result.locator(".ssi-quick__weakest")).to_have_text("Weakest pillar: Find the right people (6.4 of 25).")
    assert page.evaluate("location.hash") == ""  # the home page's own address is left alone

    tab_to(page, "a.ssi-handover")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/calculator/interpret/#brand=20\.998&find=6\.4&engage=10\.25&relate=15$"))
    wait_ready(page)
    for name, value in VALUES:
        expect(page.locator(f"#interpret-{name}")).to_have_value(value)
    expect(page.locator("[data-calculator=interpret] .ssi-total__value")).to_have_text("53")


def test_a_pillar_still_to_type_is_said_without_an_error_and_bad_input_is_named(guarded_page: Page,
                                                                                 site_url: str) -> None:
    page = guarded_page
    page.goto(site_url)
    page.fill("#quick-brand", "12")
    result = page.locator("[data-calculator=quick] [data-calculator-result]")
    expect(result).to_contain_text("Still to type: Find the right people, Engage with insights, Build relationships",
                                   timeout=90_000)
    expect(page.locator("#quick-brand-error")).to_be_empty()
    page.fill("#quick-find", "30")
    expect(page.locator("#quick-find-error")).to_contain_text("between 0 and 25")
    expect(page.locator("#quick-find")).to_have_attribute("aria-invalid", "true")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_at_phone_width_it_fits_and_is_accessible(guarded_page: Page, site_url: str, scheme: str) -> None:
    page = guarded_page
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url)
    assert run_axe(page) == []  # as first shown, before Python
    for name, value in VALUES:
        page.fill(f"#quick-{name}", value)
    expect(page.locator("[data-calculator=quick] .ssi-total__value")).to_have_text("53", timeout=90_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.evaluate("innerWidth")
    assert run_axe(page) == []
