"""Search: Material's index is built once the page has settled (search-worker-late.js), from the guide's text
fetched by the search worker rather than by the page (site_build/search_index.py), and search finds pages."""

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


def test_the_guides_text_reaches_the_search_worker_never_the_pages_own_thread(guarded_page: Page,
                                                                               site_url: str) -> None:
    page = guarded_page
    requested: list[str] = []
    page.context.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + "faq/")
    search(page, "pillar")  # found: the worker had the pages' text
    fetched_by_page = page.evaluate(
        "performance.getEntriesByType('resource').map(e => [e.name, e.decodedBodySize])")
    index = [size for url, size in fetched_by_page if "/search/search_index" in url]
    assert len(index) == 1 and index[0] < 1000  # Material's own fetch: the configuration, no pages
    assert [url for url, _ in fetched_by_page if "search_index.full.json" in url] == []
    assert any("search_index.full.json" in url for url in requested)  # fetched all the same: by the worker


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


def test_a_shared_search_keeps_its_words_out_of_every_request(guarded_page: Page, site_url: str) -> None:
    """The share button copies "#q=words", which opens the search there; no request carries the words."""
    page = guarded_page
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(site_url + "faq/")
    search(page, "pillar")
    share = page.locator("[data-md-component=search-share]")
    share.click()
    copied = share.get_attribute("data-clipboard-text") or ""
    assert "#q=pillar" in copied and "?q=" not in copied

    page.goto(site_url + "basics/#q=pillar")
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching documents")
    expect(page.locator(".md-search__input")).to_have_value("pillar")
    page.locator(".md-search-result__link").first.click()  # a result opens without the words in its address
    page.wait_for_load_state("networkidle")
    assert not [url for url in asked if "pillar" in url.split("#")[0].lower().replace("/pillars/", "/")]
