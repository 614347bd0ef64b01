"""Search: Material's index is built once the page has settled (search-worker-late.js), and search finds pages."""

from playwright.sync_api import Page, Request, expect

from .conftest import wait_ready

MATERIAL_WORKER = "/assets/javascripts/workers/search."


def search(page: Page, words: str) -> None:
    page.keyboard.press("/")  # Material's shortcut to the search field
    page.keyboard.type(words)
    expect(page.locator(".md-search-result__item").first).to_contain_text("pillar", ignore_case=True)


def test_searching_at_once_on_a_guide_page_finds_pages(guarded_page: Page, site_url: str) -> None:
    guarded_page.goto(site_url + "faq/")
    search(guarded_page, "pillar")
    expect(guarded_page.locator(".md-search-result__meta")).to_contain_text("matching documents")


def test_a_calculator_page_builds_the_index_after_the_calculator_settles(guarded_page: Page, site_url: str) -> None:
    started: list[Request] = []
    guarded_page.on("requestfinished", lambda r: started.append(r) if MATERIAL_WORKER in r.url else None)
    guarded_page.goto(site_url + "calculator/interpret/")
    wait_ready(guarded_page)
    guarded_page.wait_for_function("performance.getEntriesByName('ssi:warm').length > 0")
    warm = guarded_page.evaluate("performance.timeOrigin + performance.getEntriesByName('ssi:warm')[0].startTime")
    search(guarded_page, "pillar")
    assert started, "Material's search worker never loaded"
    # Two clocks (the network's and the page's) agree to a few ms; ungated, the index would start about a second
    # before the calculator warms up.
    assert started[0].timing["startTime"] >= warm - 50
