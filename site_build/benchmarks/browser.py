"""Shared pieces for browser benchmarks: the built site served under a sub-path, and Debian's Chromium.

    with chromium_site() as (browser, url):
        context = browser.new_context(); page = context.new_page(); page.goto(url + "calculator/interpret/")
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from site_build.serve_static import Throttle, serve_in_thread
from site_build.testing import BASE, SITE, SITE_URL, chromium_args, chromium_path, wait_for_mark


def chromium() -> str:
    found = chromium_path()
    if not found:
        raise SystemExit("Chromium not found: install Debian's chromium or set CHROMIUM=/path")
    return found


@contextmanager
def served(site: Path = SITE, throttle: Throttle | None = None) -> Iterator[tuple[Playwright, dict[str, object], str]]:
    """Serve ``site`` (optionally over a throttled link); yield Playwright, Chromium's launch options, the URL."""
    server, _ = serve_in_thread(site, base=BASE, throttle=throttle)
    port = server.server_address[1]
    options: dict[str, object] = {"executable_path": chromium(), "args": chromium_args(port)}
    try:
        with sync_playwright() as p:
            yield p, options, SITE_URL
    finally:
        server.shutdown()


@contextmanager
def chromium_site(site: Path = SITE) -> Iterator[tuple[Browser, str]]:
    """Serve ``site`` at http://127.0.0.1/ssi-field-guide/ (port mapped by Chromium) and launch Chromium."""
    server, _ = serve_in_thread(site, base=BASE)
    port = server.server_address[1]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=chromium_args(port))
            try:
                yield browser, SITE_URL
            finally:
                browser.close()
    finally:
        server.shutdown()


class Bytes:
    """Counts the bytes a context downloads (bodies and headers, the page's and its workers')."""

    def __init__(self, context: BrowserContext) -> None:
        self.total = 0
        self.by_url: dict[str, int] = {}
        context.on("requestfinished", self._add)

    def _add(self, request: object) -> None:
        try:
            sizes = request.sizes()  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - the page closed before its last request was measured
            return
        size = int(sizes["responseBodySize"]) + int(sizes["responseHeadersSize"])
        self.total += size
        url = str(request.url)  # type: ignore[attr-defined]
        self.by_url[url] = self.by_url.get(url, 0) + size


def mark(page: Page, name: str, timeout: float = 120_000) -> float:
    """Wait for a performance mark and return its time since navigation started, in ms."""
    wait_for_mark(page, name, timeout)
    return float(page.evaluate(f"performance.getEntriesByName('{name}')[0].startTime"))


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


EDIT_LOOP = """async ([mode, field, values, pause]) => {
  const widget = document.querySelector(`[data-calculator="${mode}"]`);
  const input = document.querySelector(`#${mode}-${field}`);
  const times = [];
  for (const value of values) {
    const done = new Promise(r => widget.addEventListener('ssi:result', r, { once: true }));
    const start = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await done;
    times.push(performance.now() - start);
    if (pause) await new Promise(r => setTimeout(r, pause));
  }
  return times;
}"""

TYPING_PAUSE_MS = 100  # a fast typist: ten keys a second


def wait_warm(page: Page) -> None:
    """Wait until the worker has warmed up after its first answer (a fraction of a second after it is ready)."""
    wait_for_mark(page, "ssi:warm", 60_000)


def edit_latencies(page: Page, mode: str, field: str, values: list[str],
                   pause_ms: int = TYPING_PAUSE_MS) -> list[float]:
    """Type each value into one field of a calculator, ``pause_ms`` apart (0: each as soon as the last answer is
    in the page, faster than anyone types); the ms from each edit to its result in the page."""
    times: list[float] = page.evaluate(EDIT_LOOP, [mode, field, values, pause_ms])
    return times
