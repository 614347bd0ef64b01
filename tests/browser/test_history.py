"""Track my SSI, in a real browser: readings kept in local storage, imports, exports, damaged saved data."""

import json

from playwright.sync_api import Page, expect

from .conftest import result_after, run_axe, wait_ready

PAGE = "calculator/track/"
KEY = "ssi-field-guide:readings"
HOSTILE = "<img src=x onerror=window.__pwned=1>"


def add(page: Page, day: str, brand: str, note: str = "") -> None:
    page.fill("#track-date", day)
    for field, value in (("brand", brand), ("find", "6.4"), ("engage", "10.25"), ("relate", "15")):
        page.fill(f"#track-{field}", value)
    page.fill("#track-note", note)
    with result_after(page, "track") as result:
        page.click("[data-action='add']")
    page.wait_for_function("document.querySelector('.ssi-history-message')?.textContent.includes('"
                           f"reading of {day}')")
    assert result is not None


def stored(page: Page) -> dict:  # type: ignore[type-arg]
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))  # type: ignore[no-any-return]


def test_readings_added_are_still_there_after_a_reload(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    expect(page.locator("[data-calculator-result]")).to_contain_text("No readings yet")
    add(page, "2026-05-12", "19.5", HOSTILE)
    add(page, "2026-05-19", "20.998")
    assert [r["date"] for r in stored(page)["readings"]] == ["2026-05-12", "2026-05-19"]
    expect(page.locator(".ssi-total__value")).to_have_text("53")
    page.reload()
    wait_ready(page)
    page.wait_for_function("document.querySelector('.ssi-history-list')")
    rows = page.locator(".ssi-history-list tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("2026-05-19")
    expect(rows.nth(1)).to_contain_text(HOSTILE)  # shown as text, never run
    assert page.evaluate("window.__pwned === undefined")
    expect(page.locator("svg.ssi-chart[role='img']")).to_have_count(2)
    # the same date again replaces the reading and says so
    add(page, "2026-05-19", "21")
    expect(page.locator(".ssi-history-message")).to_contain_text("Replaced the reading of 2026-05-19")
    assert len(stored(page)["readings"]) == 2


def test_delete_and_undo(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    add(page, "2026-05-19", "20")
    with result_after(page, "track"):
        page.get_by_role("button", name="Delete the reading of 2026-05-19").click()
    assert stored(page)["readings"] == []
    with result_after(page, "track"):
        page.get_by_role("button", name="Undo").click()
    assert [r["date"] for r in stored(page)["readings"]] == ["2026-05-19"]


def test_a_broken_import_keeps_the_good_rows_and_lists_the_rest(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    add(page, "2026-05-19", "20.998")
    csv = ("date,brand,find,engage,relate\n2026-05-01,18,6,10,15\n2026-05-02,lots,6,10,15\n"
           "2026-05-01,18,6,10,15\n2026-05-19,1,1,1,1\n")
    with result_after(page, "track"):
        page.set_input_files("#track-import", files=[
            {"name": f"{HOSTILE}.csv", "mimeType": "text/csv", "buffer": csv.encode()}])
    report = page.locator(".ssi-history-import")
    expect(report).to_contain_text("1 new reading added")
    expect(report).to_contain_text("Line 3: Establish your professional brand: “lots” is not a number")
    expect(report).to_contain_text("Line 4: the date 2026-05-01 is already on line 2")
    expect(report).to_contain_text(f"From “{HOSTILE}.csv”")
    assert page.evaluate("window.__pwned === undefined")
    readings = stored(page)["readings"]
    assert [(r["date"], r["brand"]) for r in readings] == [("2026-05-01", "18"), ("2026-05-19", "20.998")]
    with result_after(page, "track"):
        page.set_input_files("#track-import", files=[
            {"name": "sheet.xlsx", "mimeType": "application/octet-stream",
             "buffer": b"PK\x03\x04\x00\x00\xff\xfe" * 50}])
    expect(page.locator("#track-import-error")).to_contain_text("binary file")
    assert stored(page)["readings"] == readings


def test_export_offers_a_file_that_imports_back(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    add(page, "2026-05-19", "20.998")
    with page.expect_download() as info:
        page.click("[data-action='export-csv']")
    download = info.value
    assert download.suggested_filename == "ssi-readings-2026-05-19.csv"
    text = open(download.path(), encoding="utf-8").read()  # noqa: SIM115 - a temporary file Playwright owns
    assert "2026-05-19,20.998,6.4,10.25,15,52.648" in text
    with page.expect_download() as info:
        page.click("[data-action='export-json']")
    assert info.value.suggested_filename.endswith(".json")


def test_damaged_saved_data_is_shown_downloadable_and_not_overwritten(guarded_page: Page, site_url: str) -> None:
    page = guarded_page
    damaged = json.dumps({"version": 1, "readings": [
        {"date": "2026-05-18", "brand": "12", "find": "6", "engage": "10", "relate": "15"},
        {"date": "2026-05-19", "brand": HOSTILE, "find": "1", "engage": "1", "relate": "1"},
    ]})[:-3]  # and cut short, as a crash mid-write would
    page.goto(site_url + PAGE)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, damaged])
    page.reload()
    wait_ready(page)
    notice = page.locator(".ssi-history-damaged")
    expect(notice).to_contain_text("Part of your saved data could not be read")
    expect(notice).to_contain_text("cut off or damaged after reading 1")
    add_blocked = page.locator("[data-action='add']")
    page.fill("#track-brand", "20")
    page.fill("#track-find", "6")
    page.fill("#track-engage", "10")
    page.fill("#track-relate", "15")
    with result_after(page, "track"):
        add_blocked.click()
    expect(page.locator(".ssi-history-message")).to_contain_text("Nothing was changed yet")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == damaged
    with page.expect_download() as info:
        page.click(".ssi-history-damaged [data-action='download-raw']")
    assert open(info.value.path(), encoding="utf-8").read() == damaged  # noqa: SIM115
    with result_after(page, "track"):
        page.click("[data-action='keep-valid']")
    assert stored(page)["set_aside"] == [damaged]
    assert page.evaluate("window.__pwned === undefined")


def test_valid_readings_load_from_partly_damaged_data(guarded_page: Page, site_url: str) -> None:
    page = guarded_page
    partly = json.dumps({"version": 1, "readings": [
        {"date": "2026-05-18", "brand": "12", "find": "6", "engage": "10", "relate": "15"},
        {"date": "2026-05-19", "brand": "99", "find": "1", "engage": "1", "relate": "1"},
    ]})
    page.goto(site_url + PAGE)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, partly])
    page.reload()
    wait_ready(page)
    expect(page.locator(".ssi-history-damaged")).to_contain_text("reading 2 (2026-05-19)")
    expect(page.locator(".ssi-history-list tbody tr")).to_have_count(1)


def test_a_storage_full_error_is_reported(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    page.evaluate("""() => { Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError'); }; }""")
    page.fill("#track-date", "2026-05-19")
    for field in ("brand", "find", "engage", "relate"):
        page.fill(f"#track-{field}", "5")
    with result_after(page, "track"):
        page.click("[data-action='add']")
    expect(page.locator(".ssi-history-message")).to_contain_text("Not saved: this browser refused to store the"
                                                                 " reading of 2026-05-19 (total 20)")


def test_paste_then_confirm(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    text = ("Current Social Selling Index\n53\nout of 100\nEstablish your professional brand\n20,998\n"
            "Find the right people\n6,4\nEngage with insights\n10,25\nBuild relationships\n15\n"
            "Industry SSI rank\nTop 9%\n")
    page.fill("#track-date", "2026-05-19")
    page.fill("#track-paste", text)
    confirm = page.locator("[data-action='confirm-paste']")
    expect(confirm).to_be_visible()
    expect(page.locator(".ssi-history-paste")).to_contain_text("Not found: Network rank")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    with result_after(page, "track"):
        confirm.click()
    assert stored(page)["readings"][0]["industry_rank"] == "9"


def test_the_page_with_readings_is_accessible(calc_page) -> None:  # type: ignore[no-untyped-def]
    page = calc_page(PAGE)
    add(page, "2026-05-12", "19")
    add(page, "2026-05-19", "20.998")
    assert run_axe(page) == []
