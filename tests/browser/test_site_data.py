"""Remove this site's data (issue 13), on the Calculators page: everything the site keeps in this browser goes,
after an offer to download the readings first, and nothing of another project site on the same origin."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from site_build.testing import KEPT_COMPLETE_JS, OFFLINE_CACHE_JS

from .conftest import SITE_URL, result_after, run_axe, wait_ready
from .test_history import add

PAGE = "calculator/"
OPEN = "Remove this site's data…"
TITLE = "Remove this site's data from this browser?"
# Another project site of the same owner shares the origin (owner.github.io): its keys must survive.
FOREIGN = {"other-project:notes": "keep me", "/other-project/.__palette": '{"index":2}'}

LEFT_JS = """async () => {
  const keys = Object.keys(localStorage).sort();
  const caches_ = (await caches.keys()).filter((name) => name.startsWith('ssi-field-guide-offline-'));
  const workers = (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope);
  let folder = true;
  try {
    await (await navigator.storage.getDirectory()).getDirectoryHandle('ssi-field-guide-snapshot');
  } catch (error) {
    folder = error.name !== 'NotFoundError';
  }
  return { keys, caches: caches_, workers, folder };
}"""


def left(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate(LEFT_JS)
    return found


def wait_snapshot_kept(page: Page) -> None:
    for _ in range(300):  # wait_for_function would take the returned promise itself as a truthy answer
        if page.evaluate(KEPT_COMPLETE_JS):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the snapshot was never kept")


def open_dialog_by_keyboard(page: Page) -> None:
    page.get_by_role("button", name=OPEN).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog", name=TITLE)).to_be_visible()
    expect(page.get_by_role("button", name="Keep it")).to_be_focused()  # the safe choice first


def test_the_control_removes_all_of_ours_and_nothing_else(guarded_page: Page, tmp_path: Any) -> None:
    page = guarded_page
    page.set_default_timeout(90_000)  # a first boot plus the 23 MB offline copy on a busy machine
    page.goto(SITE_URL + "calculator/track/")
    wait_ready(page)
    add(page, "2026-05-19", "20.998")
    page.goto(SITE_URL + "calculator/estimate/")
    wait_ready(page)
    with result_after(page, "estimate"):
        page.get_by_role("button", name="Save as my starting point").click()
    cached = page.evaluate(OFFLINE_CACHE_JS)  # the offline copy is installed once the visitor pauses
    assert cached["names"] and cached["files"] > 0
    wait_snapshot_kept(page)
    page.evaluate("(items) => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }", FOREIGN)
    before = left(page)
    assert {"ssi-field-guide:readings", "ssi-field-guide:estimate-start"} <= set(before["keys"])
    assert before["caches"] and before["workers"] == [SITE_URL] and before["folder"]

    page.goto(SITE_URL + PAGE)
    # Escape changes its mind: nothing removed, focus back on the control.
    open_dialog_by_keyboard(page)
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog", name=TITLE)).to_be_hidden()
    expect(page.get_by_role("button", name=OPEN)).to_be_focused()
    assert left(page)["keys"] == before["keys"]

    open_dialog_by_keyboard(page)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("button", name="Download my readings (JSON)")).to_be_focused()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    saved = tmp_path / "readings.json"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "ssi-readings-saved.json"
    assert [r["date"] for r in json.loads(saved.read_text())["readings"]] == ["2026-05-19"]
    expect(page.get_by_role("dialog", name=TITLE)).to_contain_text("The Track page's Import reads it")

    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Remove everything")).to_be_focused()
    page.keyboard.press("Enter")
    result = page.locator("[data-site-data-result]")
    expect(result).to_contain_text("Nothing of this site is kept in this browser now.")
    expect(result).to_be_focused()  # a screen reader reads what happened
    for removed in ("ssi-field-guide:readings", "ssi-field-guide:estimate-start", "the offline copy",
                    "the service worker", "the kept Python"):
        expect(result).to_contain_text(removed)

    after = left(page)
    assert [k for k in after["keys"] if k.startswith("ssi-field-guide:")] == []
    assert [k for k in after["keys"] if k.startswith("/ssi-field-guide/.")] == []  # the theme's colour scheme
    assert sorted(FOREIGN) == after["keys"]  # the other project site's keys are all that is left
    assert after["caches"] == []
    assert after["workers"] == []
    assert after["folder"] is False

    # The saved file brings the readings back.
    page.goto(SITE_URL + "calculator/track/")
    wait_ready(page)
    with result_after(page, "track"):
        page.set_input_files("#track-import", str(saved))
    expect(page.locator(".ssi-history-list tbody tr")).to_have_count(1)


def test_with_nothing_kept_it_says_so(guarded_page: Page) -> None:
    guarded_page.goto(SITE_URL + PAGE)
    open_dialog_by_keyboard(guarded_page)
    guarded_page.get_by_role("button", name="Download my readings (JSON)").click()
    expect(guarded_page.get_by_role("dialog", name=TITLE)).to_contain_text("No readings are saved in this browser")
    guarded_page.get_by_role("button", name="Remove everything").click()
    result = guarded_page.locator("[data-site-data-result]")
    # A visitor who chose no colour scheme has nothing of the site's kept either (issue 18: the toggle stores
    # only a choice).
    expect(result).to_contain_text("Nothing to remove: nothing of this site is kept in this browser.")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_confirmation_is_accessible(guarded_page: Page, scheme: str) -> None:
    guarded_page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    guarded_page.goto(SITE_URL + PAGE)
    expect(guarded_page.locator("body")).to_have_attribute("data-md-color-scheme",
                                                           "slate" if scheme == "dark" else "default")
    open_dialog_by_keyboard(guarded_page)
    violations = run_axe(guarded_page)
    assert violations == [], violations
