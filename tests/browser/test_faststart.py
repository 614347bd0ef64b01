"""Fast start: the calculator restores Pyodide from a memory snapshot, and falls back to a normal boot."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, Playwright, Route, expect

from site_build.serve_static import Throttle, serve_in_thread
from site_build.testing import KEPT_COMPLETE_JS

from .conftest import BASE, SITE, SITE_URL, Guard, chromium_args, chromium_path, direct, result_after, wait_ready

PAGE = "calculator/interpret/"


def boot_detail(page: Page) -> dict[str, Any]:
    wait_ready(page)
    detail: dict[str, Any] = page.evaluate("performance.getEntriesByName('ssi:ready')[0].detail")
    return detail


def answers(page: Page) -> None:
    with result_after(page, "interpret") as result:
        page.fill("#interpret-brand", "24.5")
    assert result["ok"]
    expect(page.locator(".ssi-total__value")).to_have_text("56")


def test_the_snapshot_restores_and_the_calculator_answers(guarded_page: Page, site_url: str) -> None:
    guarded_page.goto(site_url + PAGE)  # restoring the snapshot is the default
    detail = boot_detail(guarded_page)
    assert detail["fallback"] == ""
    assert detail["via"] == "snapshot"
    answers(guarded_page)


KEPT_JS = """async () => {
  try {
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('ssi-field-guide-snapshot');
    const names = [];
    for await (const name of folder.keys()) names.push(name);
    return names.sort();
  } catch { return []; }
}"""


def kept_files(page: Page) -> list[str]:
    """What this browser keeps of the snapshot in its origin-private file system."""
    names: list[str] = page.evaluate(KEPT_JS)
    return names


def wait_snapshot_kept(page: Page) -> list[str]:
    """Wait until the worker has kept the snapshot (it does so once the page has been quiet a moment)."""
    for _ in range(300):  # wait_for_function would take the returned promise itself as a truthy answer
        if page.evaluate(KEPT_COMPLETE_JS):
            return kept_files(page)
        page.wait_for_timeout(100)
    raise AssertionError("the snapshot was never kept")


def test_a_revisit_restores_the_copy_kept_on_the_first_visit(guarded_page: Page, site_url: str) -> None:
    guarded_page.goto(site_url + PAGE)
    assert boot_detail(guarded_page)["from"] == "network"
    names = wait_snapshot_kept(guarded_page)
    assert names == ["memory.bin"]  # one build's copy only
    guarded_page.reload()
    detail = boot_detail(guarded_page)
    assert (detail["via"], detail["from"], detail["fallback"]) == ("snapshot", "kept", "")
    answers(guarded_page)


DAMAGE_JS = """async (how) => {
  const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('ssi-field-guide-snapshot');
  for await (const [name, handle] of folder.entries()) {
    if (!name.endsWith('.bin')) continue;
    const file = await handle.getFile();
    const writable = await handle.createWritable({ keepExistingData: true });
    if (how === 'short') await writable.truncate(file.size - 1000);
    else await writable.write({ type: 'write', position: 0, data: new Uint8Array(4096).fill(7) });
    await writable.close();
  }
}"""


def revisit_with_kept_copy(page: Page, site_url: str, damage: str) -> dict[str, Any]:
    """First visit, damage the kept copy (``short`` or ``garbage``), revisit; the revisit's boot detail."""
    page.goto(site_url + PAGE)
    wait_snapshot_kept(page)
    page.evaluate(DAMAGE_JS, damage)
    page.reload()
    return boot_detail(page)


def test_a_short_kept_copy_is_not_read(guarded_page: Page, site_url: str) -> None:
    detail = revisit_with_kept_copy(guarded_page, site_url, "short")
    assert (detail["via"], detail["from"], detail["fallback"]) == ("snapshot", "network", "")
    answers(guarded_page)


def test_a_damaged_kept_copy_falls_back_and_is_forgotten(guarded_page: Page, site_url: str) -> None:
    detail = revisit_with_kept_copy(guarded_page, site_url, "garbage")
    assert detail["via"] == "normal"
    assert "magic" in detail["fallback"]
    answers(guarded_page)
    assert kept_files(guarded_page) == []


def test_restoring_only_once_kept_boots_normally_first(guarded_page: Page, site_url: str) -> None:
    guarded_page.goto(site_url + PAGE + "?ssi-boot=cached")  # the alternative strategy the benchmark compares
    assert boot_detail(guarded_page)["via"] == "normal"
    wait_snapshot_kept(guarded_page)
    guarded_page.reload()
    detail = boot_detail(guarded_page)
    assert (detail["via"], detail["from"], detail["fallback"]) == ("snapshot", "kept", "")
    answers(guarded_page)


def _missing(route: Route) -> None:
    route.fulfill(status=404, body="gone")


def _corrupt(route: Route) -> None:
    route.fulfill(status=200, body=b"\x1f\x8b\x08\x00 not a gzip stream", content_type="application/gzip")


def _truncated(route: Route) -> None:
    body = route.fetch(url=direct(route.request.url)).body()
    route.fulfill(status=200, body=body[: len(body) // 3], content_type="application/gzip")


@pytest.mark.parametrize("breakage", [_missing, _corrupt, _truncated], ids=["missing", "corrupt", "truncated"])
def test_a_broken_snapshot_falls_back_to_a_normal_boot(guarded_page: Page, guard: Guard, site_url: str,
                                                       breakage: Any) -> None:
    guard.allowed_console.append("404")
    guarded_page.route("**/pyodide/snapshot/**", breakage)
    guarded_page.goto(site_url + PAGE + "?ssi-boot=snapshot")
    detail = boot_detail(guarded_page)
    assert detail["via"] == "normal"
    assert detail["fallback"]
    answers(guarded_page)


def test_a_snapshot_for_another_pyodide_is_not_restored(guarded_page: Page, site_url: str) -> None:
    def other_version(route: Route) -> None:
        meta = route.fetch(url=direct(route.request.url)).json()
        route.fulfill(json={**meta, "pyodide": "0.0.0"})

    guarded_page.route("**/pyodide/snapshot.json", other_version)
    guarded_page.goto(site_url + PAGE + "?ssi-boot=snapshot")
    detail = boot_detail(guarded_page)
    assert detail["via"] == "normal"
    assert "0.0.0" in detail["fallback"]
    answers(guarded_page)


def test_a_first_visit_over_a_slow_link_boots_normally_instead(playwright: Playwright) -> None:
    """The default boot judges the link on the snapshot's first bytes: too slow, and Python boots normally."""
    slow_snapshot = Throttle(2, 20, only="/pyodide/snapshot/")  # 2 Mbit/s: 6.8 MB would take half a minute
    server, _ = serve_in_thread(SITE, base=BASE, throttle=slow_snapshot)
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=chromium_args(server.server_address[1]))
    try:
        page = browser.new_page()
        page.set_default_timeout(60_000)
        page.goto(SITE_URL + PAGE)
        detail = boot_detail(page)
        assert (detail["via"], detail["slow"], detail["fallback"]) == ("normal", True, "")
        answers(page)
    finally:
        browser.close()
        server.shutdown()
