"""Under the site's Content-Security-Policy (site_build/csp.py) every page works: Material's own scripts, search,
instant navigation and every calculator, with no violation reported and no console error."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from .conftest import Guard, built_pages, follow, result_after, wait_ready

PAGES = built_pages()
# Kept from before any script of the page runs (Playwright's init scripts are not subject to the page's policy);
# instant navigation keeps the window, so violations on later pages add up here too.
LISTEN = """(() => {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
})();"""


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "bypass_csp": False}  # conftest.py bypasses the policy for the other tests


@pytest.fixture
def csp_page(guarded_page: Page) -> Iterator[Page]:
    guarded_page.add_init_script(LISTEN)
    yield guarded_page
    assert violations(guarded_page) == []


def violations(page: Page) -> list[str]:
    found: list[str] = page.evaluate("window.__violations || []")
    return found


def policy(page: Page) -> Any:
    return page.evaluate(
        "document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content || ''")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_runs_under_the_policy(csp_page: Page, site_url: str, path: str) -> None:
    page = csp_page
    response = page.goto(site_url + path)
    assert response is not None
    assert "script-src 'self' 'sha256-" in policy(page)
    # Material's inline scripts ran: its page helpers exist, and the palette was applied from them.
    assert page.evaluate("typeof __md_get") == "function"
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    if page.locator("[data-calculator]").count():
        if page.locator("[data-calculator][data-start=on-input]").count():  # the home page's: starts once used
            page.locator("[data-calculator] input").first.focus()
        wait_ready(page)
        mode = page.locator("[data-calculator]").first.get_attribute("data-calculator") or ""
        with result_after(page, mode) as result:  # and it answers an edit, not only its first request
            page.locator("[data-calculator] form").first.dispatch_event("input")
        assert "ok" in result
    page.wait_for_load_state("networkidle")


def test_the_missing_page_runs_under_the_policy(csp_page: Page, guard: Guard, site_url: str) -> None:
    guard.allowed_console.append("404")  # the browser reports the page's own status
    response = csp_page.goto(site_url + "no/such/page/")
    assert response is not None
    assert response.status == 404
    expect(csp_page.locator("h1")).to_have_text("Page not found")
    assert "script-src 'self' 'sha256-" in policy(csp_page)
    assert csp_page.evaluate("typeof __md_get") == "function"
    csp_page.wait_for_load_state("networkidle")


def test_search_finds_pages_and_its_share_link_breaks_no_rule(csp_page: Page, site_url: str) -> None:
    page = csp_page
    page.goto(site_url + "faq/")
    page.keyboard.press("/")
    page.keyboard.type("pillar")
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching documents")
    share = page.locator("[data-md-component=search-share]")
    expect(share).not_to_have_attribute("href", "javascript:void(0)")  # Material put the search's address there
    share.click()  # copies the address; Material cancels the link itself
    assert page.url.startswith(site_url + "faq/")


def test_instant_navigation_runs_each_page_under_the_first_pages_policy(csp_page: Page, site_url: str) -> None:
    page = csp_page
    page.goto(site_url + "faq/")
    page.evaluate("window.__sameDocument = true")
    follow(page, "../calculator/interpret/")
    expect(page.locator("[data-calculator=interpret]")).to_be_visible()
    assert page.evaluate("window.__sameDocument") is True, "Material's instant navigation did not take the link"
    wait_ready(page)
    with result_after(page, "interpret") as result:
        page.fill("#interpret-brand", "25")
    assert result["ok"]


def test_a_script_the_build_did_not_put_there_does_not_run(csp_page: Page, guard: Guard, site_url: str) -> None:
    guard.allowed_console.append("Content Security Policy")  # the browser reports the refusal, as it should
    csp_page.goto(site_url + "faq/")
    csp_page.evaluate("""() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
    }""")
    assert csp_page.evaluate("window.__injected === undefined")
    found = violations(csp_page)
    assert [v for v in found if v.startswith("script-src")], found
    csp_page.evaluate("window.__violations = []")  # that one was expected
