"""Shared links (issue 13): a calculator keeps its values in the address's fragment, which the browser never
sends to the server. The copied address restores the values and the result in a browser that has never seen
the site; an old link with the values in its query is moved to the fragment; a heading's fragment still works."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import Guard, result_after, wait_ready

# page, calculator, field, a new value, and the field's name in the fragment
CASES = [
    ("calculator/interpret/", "interpret", "brand", "25", "brand"),
    ("calculator/funnel/", "funnel", "sent", "300", "sent"),
    ("calculator/pacing/", "pacing", "per_day", "30", "per_day"),
    ("calculator/warmup/", "warmup", "target", "60", "target"),
    ("calculator/estimate/", "estimate", "connections", "900", "connections"),
    ("calculator/plan/", "plan", "target", "60", "target"),
]
STATE = "() => Object.fromEntries(new URLSearchParams(location.hash.slice(1)))"
HAS = "([key, value]) => new URLSearchParams(location.hash.slice(1)).get(key) === value"
SAME_TEXT = "([selector, text]) => document.querySelector(selector)?.innerText === text"


def result_of(mode: str) -> str:
    return f'[data-calculator="{mode}"] [data-calculator-result]'


@pytest.fixture
def fresh(browser: Browser) -> Iterator[Page]:
    """A page in a new browser context: no cache, no storage, no history of the site (a friend's browser)."""
    context = browser.new_context()
    guard = Guard()
    context.on("request", lambda r: guard.request(r.url))
    page = context.new_page()
    page.on("console", lambda m: guard.console(m.type, m.text))
    page.on("pageerror", lambda e: guard.page_errors.append(str(e)))
    page.set_default_timeout(90_000)  # Python starts from nothing: no cache, no snapshot kept
    yield page
    context.close()
    guard.check()


def edit(page: Page, mode: str, field: str, value: str, key: str) -> dict[str, Any]:
    with result_after(page, mode) as result:
        page.fill(f"#{mode}-{field}", value)
    assert result["ok"]
    page.wait_for_function(HAS, arg=[key, value])  # written once typing pauses
    return result


@pytest.mark.parametrize(("path", "mode", "field", "value", "key"), CASES, ids=[c[1] for c in CASES])
def test_an_edit_goes_to_the_fragment_and_a_fresh_browser_restores_it(
        calc_page, fresh: Page, path: str, mode: str, field: str, value: str, key: str) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(path)
    edit(page, mode, field, value, key)
    assert page.evaluate("location.search") == ""
    assert page.evaluate("location.pathname").endswith("/" + path)
    address = page.url
    shown = page.locator(result_of(mode)).inner_text()
    assert value in address.split("#", 1)[1]

    fresh.goto(address)
    wait_ready(fresh)
    expect(fresh.locator(f"#{mode}-{field}")).to_have_value(value)
    fresh.wait_for_function(SAME_TEXT, arg=[result_of(mode), shown])  # the same result, worked out there
    assert fresh.evaluate(STATE)[key] == value


@pytest.mark.parametrize(("path", "mode", "query", "field", "value"), [
    ("calculator/estimate/", "estimate", "connections=900&photo=no", "connections", "900"),
    ("calculator/plan/", "plan", "target=60&weeks=8", "target", "60"),
])
def test_an_old_link_with_a_query_moves_to_the_fragment(
        calc_page, path: str, mode: str, query: str, field: str, value: str) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(f"{path}?ssi-boot=auto&{query}")
    assert page.evaluate("location.search") == "?ssi-boot=auto"  # a parameter of ours is left alone
    state = page.evaluate(STATE)
    assert state[field] == value
    expect(page.locator(f"#{mode}-{field}")).to_have_value(value)
    assert all(state[k] == v for k, v in (pair.split("=") for pair in query.split("&")))


def test_a_heading_fragment_still_scrolls_to_its_heading(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page("calculator/estimate/#reading-the-result")
    top = page.evaluate("document.getElementById('reading-the-result').getBoundingClientRect().top")
    assert 0 <= top < 200, top  # just under the header
    page.wait_for_timeout(700)  # past the pause after which an answer's values would be written
    assert page.evaluate("location.hash") == "#reading-the-result"  # the page's own values are not written


def test_a_page_opened_with_values_does_not_jump(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page("calculator/interpret/#brand=25&find=20")
    expect(page.locator("#interpret-brand")).to_have_value("25")
    expect(page.locator(".ssi-total__value")).to_have_text("70")
    assert page.evaluate("scrollY") == 0


def test_scrolling_after_an_edit_keeps_the_values_in_the_address(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page("calculator/estimate/")
    edit(page, "estimate", "connections", "900", "connections")
    for heading in ("reading-the-result", "your-habits"):
        page.locator(f"#{heading}").scroll_into_view_if_needed()
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(700)  # longer than any section tracking would wait before rewriting the address
    assert page.evaluate(STATE)["connections"] == "900"


def test_a_page_left_by_instant_navigation_writes_nothing_into_the_next(calc_page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page = calc_page("calculator/estimate/")
    page.evaluate("window.__sameDocument = true")
    page.fill("#estimate-connections", "900")  # and leave before the address is written
    page.evaluate("() => { const a = Object.assign(document.createElement('a'), { href: '../../faq/' });"
                  " document.body.append(a); a.click(); }")
    page.wait_for_url(site_url + "faq/")
    page.wait_for_timeout(700)  # past the pause after which the calculator would have written
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded, not swapped in"
    assert page.evaluate("location.hash") == ""
