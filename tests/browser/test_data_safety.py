"""Nothing a person saves is lost, in a real browser: two tabs at once, storage that refuses, files in the
encodings spreadsheets save, saved text cut off or crafted to be slow to read."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from calculator.estimate.estimate_mode import MODE as ESTIMATE_MODE
from calculator.modes import WebRequest
from calculator.track.readings import Reading
from calculator.track.storage import dump
from calculator.web import handle

from .conftest import SITE_URL, Guard, result_after, wait_ready

TRACK = "calculator/track/"
ESTIMATE = "calculator/estimate/"
KEY = "ssi-field-guide:readings"
# Set window.__full = true in a page and every write of ours is refused, as when storage is full.
FULL = """(() => {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (window.__full && key.startsWith("ssi-field-guide:")) {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    }
    return setItem.call(this, key, value);
  };
})();"""


# In a page where window.__hold is set, the calculator's answers wait until window.__release() is called.
HOLD = """(() => {
  window.__held = [];
  window.__release = () => { window.__hold = false; for (const deliver of window.__held.splice(0)) deliver(); };
  const add = Worker.prototype.addEventListener;
  Worker.prototype.addEventListener = function (type, listener, ...rest) {
    if (type !== "message") return add.call(this, type, listener, ...rest);
    return add.call(this, type, (event) => {
      if (window.__hold && event.data && event.data.type === "result") window.__held.push(() => listener(event));
      else listener(event);
    }, ...rest);
  };
})();"""


def history(n: int, first: date = date(2017, 1, 1)) -> str:
    return dump(Reading(first + timedelta(days=i), D(i % 25), D("6.4"), D("10.25"), D(15)) for i in range(n))


def stored_text(page: Page) -> str:
    return page.evaluate(f"localStorage.getItem('{KEY}') || ''")  # type: ignore[no-any-return]


def stored_dates(page: Page) -> list[str]:
    text = stored_text(page)
    return [r["date"] for r in json.loads(text)["readings"]] if text else []


def fill(page: Page, day: str, brand: str = "20") -> None:
    page.fill("#track-date", day)
    for name, value in (("brand", brand), ("find", "6.4"), ("engage", "10.25"), ("relate", "15")):
        page.fill(f"#track-{name}", value)


@pytest.fixture
def tabs(context: BrowserContext, guard: Guard) -> Iterator[Callable[[str, str | None], tuple[Page, Page]]]:
    """Two tabs of one browser on the same page, guarded like every page; optionally with a text stored."""
    pages: list[Page] = []

    def open_two(path: str, stored: str | None = None) -> tuple[Page, Page]:
        for _ in range(2):
            page = context.new_page()
            page.on("console", lambda m: guard.console(m.type, m.text))
            page.on("pageerror", lambda e: guard.page_errors.append(str(e)))
            page.set_default_timeout(120_000)
            pages.append(page)
        if stored is not None:
            pages[0].goto(SITE_URL + path)
            pages[0].evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, stored])
        for page in pages:
            page.goto(SITE_URL + path)
            wait_ready(page)
        return pages[0], pages[1]

    yield open_two
    guard.check()


def listed(page: Page, *days: str) -> None:
    """Wait until the page's list of readings shows every one of ``days``."""
    page.wait_for_function("days => { const list = document.querySelector('.ssi-history-list');"
                           " return !!list && days.every(d => list.textContent.includes(d)); }", arg=list(days))


def test_a_reading_saved_in_one_tab_appears_in_the_other_at_once(tabs) -> None:  # type: ignore[no-untyped-def]
    a, b = tabs(TRACK)
    fill(a, "2026-05-19")
    with result_after(a, "track"):
        a.click("[data-action='add']")
    listed(b, "2026-05-19")  # B did nothing: the storage event refreshed it


def test_both_tabs_saving_at_the_same_moment_keep_both_readings(tabs) -> None:  # type: ignore[no-untyped-def]
    a, b = tabs(TRACK, history(3000))
    expected = set(stored_dates(a))
    assert len(expected) == 3000
    first = date(2026, 1, 1)
    for round_ in range(20):
        day_a, day_b = (first + timedelta(days=2 * round_ + i) for i in (0, 1))
        fill(a, day_a.isoformat())
        fill(b, day_b.isoformat())
        # Both presses within a millisecond or two: each tab's Python reads the same stored text.
        a.evaluate("() => { window.__round = performance.now();"
                   " document.querySelector(\"[data-action='add']\").click(); }")
        b.evaluate("() => document.querySelector(\"[data-action='add']\").click()")
        expected |= {day_a.isoformat(), day_b.isoformat()}
        listed(a, day_a.isoformat(), day_b.isoformat())
        listed(b, day_a.isoformat(), day_b.isoformat())
    assert set(stored_dates(a)) == expected  # 3,040 readings: none lost
    for page in (a, b):
        expect(page.locator("[data-calculator-result]")).not_to_contain_text("different reading")


def test_a_save_during_a_4000_row_import_in_the_other_tab_is_kept(context: BrowserContext,  # type: ignore[no-untyped-def]
                                                                  tabs) -> None:
    context.add_init_script(HOLD)
    a, b = tabs(TRACK)
    rows = "\n".join(f"{date(2015, 1, 1) + timedelta(days=i)},{i % 25},6.4,10.25,15" for i in range(4000))
    csv = ("date,brand,find,engage,relate\n" + rows + "\n").encode()
    a.evaluate("window.__hold = true")  # A's answers wait, so B's save surely falls inside A's import
    a.set_input_files("#track-import", files=[{"name": "big.csv", "mimeType": "text/csv", "buffer": csv}])
    a.wait_for_function("() => window.__held.length > 0")  # A's import is answered, made on the empty store
    fill(b, "2026-06-15")
    with result_after(b, "track"):
        b.click("[data-action='add']")
    expect(b.locator(".ssi-history-message")).to_contain_text("Saved the reading of 2026-06-15", timeout=60_000)
    b.wait_for_function(f"() => (localStorage.getItem('{KEY}') || '').includes('2026-06-15')")
    a.evaluate("window.__release()")
    expect(a.locator(".ssi-history-import")).to_contain_text("4000 new readings added", timeout=120_000)
    listed(a, "2026-06-15")
    dates = stored_dates(a)
    assert len(dates) == 4001 and "2026-06-15" in dates
    listed(b, "2026-06-15")
    b.wait_for_function("() => document.body.textContent.includes('4001 readings over')")


def test_storage_full_says_not_saved_keeps_the_reading_and_its_export(context: BrowserContext,  # type: ignore[no-untyped-def]
                                                                     calc_page) -> None:
    context.add_init_script(FULL)
    page = calc_page(TRACK)
    fill(page, "2026-05-18")
    with result_after(page, "track"):
        page.click("[data-action='add']")
    page.wait_for_function(f"() => (localStorage.getItem('{KEY}') || '').includes('2026-05-18')")
    page.evaluate("window.__full = true")
    fill(page, "2026-05-19", "21")
    with result_after(page, "track"):
        page.click("[data-action='add']")
    message = page.locator(".ssi-history-message")
    expect(message).to_contain_text("Not saved: this browser refused to store the reading of 2026-05-19 (total 53)",
                                    timeout=60_000)
    expect(message).to_contain_text("QuotaExceededError")
    expect(message).not_to_contain_text("Saved the reading")
    assert stored_dates(page) == ["2026-05-18"]
    with result_after(page, "track"):
        page.fill("#track-note", "still typing")
    listed(page, "2026-05-19")  # the reading stays on the page
    expect(message).to_contain_text("Not saved")
    with page.expect_download() as info:
        page.click("[data-action='export-csv']")
    exported = open(info.value.path(), encoding="utf-8").read()  # noqa: SIM115 - Playwright's temporary file
    assert "2026-05-19,21,6.4,10.25,15" in exported and "2026-05-18" in exported
    page.evaluate("window.__full = false")  # room again: the next change stores it, and the warning goes
    page.fill("#track-note", "room again")
    page.wait_for_function(f"() => (localStorage.getItem('{KEY}') || '').includes('2026-05-19')")
    expect(page.locator(".ssi-history-message")).to_have_count(0, timeout=60_000)
    assert stored_dates(page) == ["2026-05-18", "2026-05-19"]


def test_a_starting_point_that_cannot_be_stored_says_so(context: BrowserContext, calc_page) -> None:  # type: ignore[no-untyped-def]
    context.add_init_script(FULL)
    page = calc_page(ESTIMATE)
    page.evaluate("window.__full = true")
    with result_after(page, "estimate"):
        page.get_by_role("button", name="Save as my starting point").click()
    expect(page.locator(".ssi-delta")).to_contain_text("From your starting point", timeout=60_000)
    expect(page.locator(".ssi-estimate [role='alert']")).to_contain_text(
        "Your starting point is not saved: this browser refused to store it (QuotaExceededError", timeout=60_000)
    assert page.evaluate("localStorage.getItem('ssi-field-guide:estimate-start')") is None
    page.evaluate("window.__full = false")
    page.fill("#estimate-comments_per_week", "6")
    page.wait_for_function("() => localStorage.getItem('ssi-field-guide:estimate-start') !== null")
    expect(page.locator(".ssi-estimate")).not_to_contain_text("not saved", timeout=60_000)
    expect(page.locator(".ssi-delta__value")).to_have_text(_gain_from_start({"comments_per_week": "6"}), timeout=60_000)


def _gain_from_start(change: dict[str, str]) -> str:
    """The gain the estimate shows for ``change`` from the default starting point, as the model works it out."""
    start = handle(WebRequest("estimate", ESTIMATE_MODE.defaults(), "", action="start"))["store"]
    after = handle(WebRequest("estimate", {**ESTIMATE_MODE.defaults(), **change}, "", stored=start))["html"]
    found = re.search(r'class="ssi-delta__value">([^<]+)<', after)
    assert found, "the estimate shows no change from its starting point"
    return found.group(1)


@pytest.mark.parametrize(("data", "said"), [
    ("date,brand,find,engage,relate,note\r\n2026-05-19,20,6,10,15,café réunion\r\n".encode("cp1252"),
     "read as Windows-1252"),
    ("date,brand,find,engage,relate,note\r\n2026-05-19,20,6,10,15,café réunion\r\n".encode("utf-16"), ""),
])
def test_files_saved_by_excel_keep_their_accents(calc_page, data: bytes, said: str) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(TRACK)
    with result_after(page, "track"):
        page.set_input_files("#track-import", files=[{"name": "excel.csv", "mimeType": "text/csv", "buffer": data}])
    report = page.locator(".ssi-history-import")
    expect(report).to_contain_text("1 new reading added")
    if said:
        expect(report).to_contain_text(said)
    assert json.loads(stored_text(page))["readings"][0]["note"] == "café réunion"
    listed(page, "café réunion")


CRAFTED = '["x' + '\\"' * 500_000  # a megabyte; the old string-stripping pass took a minute on 64 KB of it


def test_crafted_saved_text_and_files_are_answered_not_frozen_on(guarded_page: Page, site_url: str) -> None:
    page = guarded_page
    page.goto(site_url + TRACK)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, CRAFTED])
    page.reload()
    wait_ready(page)
    expect(page.locator(".ssi-history-damaged")).to_contain_text("Part of your saved data could not be read")
    page.evaluate(f"localStorage.removeItem('{KEY}')")
    with result_after(page, "track"):
        page.set_input_files("#track-import", files=[
            {"name": "crafted.json", "mimeType": "application/json", "buffer": CRAFTED.encode()}])
    expect(page.locator("#track-import-error")).to_contain_text("not valid JSON")


def test_a_saved_text_cut_off_mid_write_shows_every_complete_reading(guarded_page: Page, site_url: str) -> None:
    page = guarded_page
    text = history(10, date(2026, 5, 1))
    cut = text[:text.rindex('{"date"') + 30]
    page.goto(site_url + TRACK)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, cut])
    page.reload()
    wait_ready(page)
    notice = page.locator(".ssi-history-damaged")
    expect(notice).to_contain_text("9 readings loaded")
    expect(page.locator(".ssi-history-list tbody tr")).to_have_count(9)
    with page.expect_download() as info:
        page.click(".ssi-history-damaged [data-action='download-raw']")
    assert open(info.value.path(), encoding="utf-8").read() == cut  # noqa: SIM115
    with result_after(page, "track"):
        page.click("[data-action='keep-valid']")
    kept = json.loads(stored_text(page))
    assert len(kept["readings"]) == 9 and kept["set_aside"] == [cut]
