"""Every built page: no request leaves the site, no console errors, zero axe-core violations in both schemes."""

import pytest
from playwright.sync_api import Page, expect

from .conftest import Guard, built_pages, run_axe

PAGES = built_pages()


def test_the_site_has_its_pages() -> None:
    assert len(PAGES) >= 20


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_and_self_contained(guarded_page: Page, site_url: str, path: str, scheme: str) -> None:
    guarded_page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    guarded_page.goto(site_url + path)
    expected = "slate" if scheme == "dark" else "default"
    expect(guarded_page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
    if guarded_page.locator("[data-calculator]:not([data-start=on-input])").count():
        guarded_page.wait_for_function("performance.getEntriesByName('ssi:first-result').length > 0")
    assert run_axe(guarded_page) == []


def test_guide_pages_fetch_nothing_of_pyodide(guarded_page: Page, site_url: str) -> None:
    fetched: list[str] = []
    guarded_page.on("request", lambda r: fetched.append(r.url))
    for path in ("", "basics/what-is-ssi/", "faq/", "sources/"):
        guarded_page.goto(site_url + path)
        guarded_page.wait_for_load_state("networkidle")
    assert [u for u in fetched if "/pyodide/" in u or "calculator-worker" in u] == []


def test_unknown_addresses_get_the_custom_404(guarded_page: Page, guard: Guard, site_url: str) -> None:
    guard.allowed_console.append("404")  # the browser reports the page's own status; that is the point here
    response = guarded_page.goto(site_url + "no/such/page/")
    assert response is not None
    assert response.status == 404
    expect(guarded_page.locator("h1")).to_have_text("Page not found")
    assert run_axe(guarded_page) == []
