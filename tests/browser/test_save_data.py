"""Save-Data (issue 18): on a connection that asks to save data, or a slow one, the calculator downloads no
memory snapshot; it boots from Python's usual files and still answers.

DevTools' network emulation sets navigator.connection (in the page and in its workers) only until the next
document, so the page is opened first and the calculator reached by the site's instant navigation: the same
document, and the worker is started under the emulated connection.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .conftest import SITE_URL, result_after, wait_ready

SNAPSHOT_FILE = ".snapshot.gz"


def test_a_slow_connection_gets_no_snapshot_and_the_calculator_answers(guarded_page: Page) -> None:
    page = guarded_page
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    page.goto(SITE_URL + "calculator/")
    cdp = page.context.new_cdp_session(page)
    # 300 ms round trips: Chromium calls that a 3g connection; downloads themselves stay at full speed.
    cdp.send("Network.emulateNetworkConditions",
             {"offline": False, "latency": 300, "downloadThroughput": -1, "uploadThroughput": -1})
    assert page.evaluate("navigator.connection.effectiveType") == "3g"

    page.locator("article").get_by_role("link", name="Interpret my score").first.click()
    wait_ready(page)
    detail = page.evaluate("performance.getEntriesByName('ssi:ready')[0].detail")
    assert detail["via"] == "normal"
    assert "save-data" in detail["timings"]  # the worker saw the connection too
    with result_after(page, "interpret") as result:
        page.fill("#interpret-brand", "24.5")
    assert result["ok"]
    expect(page.locator(".ssi-total__value")).to_have_text("56")
    page.wait_for_timeout(3000)  # past the worker's quiet time, when a normal boot would keep the snapshot
    assert [url for url in requested if SNAPSHOT_FILE in url] == []
    assert any("pyodide-lock.json" in url for url in requested)  # it did boot from Python's usual files


# Chromium has no Save-Data switch to emulate; the page's scripts read it from navigator.connection.
SAVE_DATA = "Object.defineProperty(navigator, 'connection', {value: {saveData: true, effectiveType: '4g'}})"


def test_save_data_gets_the_guides_search_text_only_once_search_is_used(guarded_page: Page) -> None:
    page = guarded_page
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    page.add_init_script(SAVE_DATA)
    page.goto(SITE_URL + "faq/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(4000)  # past the idle moment when the text is fetched otherwise
    assert [url for url in requested if "search_index.full.json" in url] == []
    page.keyboard.press("/")
    page.keyboard.type("pillar")
    expect(page.locator(".md-search-result__item").first).to_contain_text("pillar", ignore_case=True)
    assert any("search_index.full.json" in url for url in requested)
