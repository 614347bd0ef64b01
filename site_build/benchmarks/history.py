"""Track my SSI (issue 5): importing and charting five years of daily readings (1,826).

Native figures time the Python alone; browser figures time the whole round trip in Chromium (file read by the
page, request to the worker, Python, HTML put in the page), from the file input's change event to the result
event. Target: under 200 ms in the browser. Memory: the worker's heap (JS heap plus array-buffer backing
stores, which hold Pyodide's WebAssembly memory), read over CDP before and after 100 repeated imports; it
should stay flat. Figures only, no assertions.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from calculator.modes import WebRequest
from calculator.track import chart, csvio, storage
from calculator.track.mode import handle
from calculator.track.readings import Reading
from site_build.testing import wait_for_mark

from .timing import Figures, median_ms, with_browser

DAYS = 1826
TODAY = date(2026, 5, 20)
ROUNDS = 7
REPEATS = 100
PAGE = "calculator/track/"


def five_years() -> tuple[Reading, ...]:
    """Daily readings that wander like real ones (a slow climb with weekly wobble), deterministic."""
    start = TODAY - timedelta(days=DAYS - 1)
    out = []
    for i in range(DAYS):
        base = Decimal(8) + Decimal(i) / 200
        wobble = Decimal((i * 37) % 11) / 10
        out.append(Reading(start + timedelta(days=i), min(base + wobble, Decimal(25)).quantize(Decimal("0.001")),
                           (Decimal(4) + wobble).quantize(Decimal("0.01")), Decimal(i % 17) / 2,
                           min(Decimal(12) + Decimal(i) / 300, Decimal(25)).quantize(Decimal("0.01"))))
    return tuple(out)


def _median_ms(work: Callable[[], object], rounds: int = ROUNDS) -> float:
    return median_ms(work, rounds)


def native() -> list[tuple[str, float, str]]:
    history = five_years()
    csv_text = csvio.to_csv(history)
    stored = storage.dump(history)

    def import_request() -> object:
        return handle(WebRequest("track", {}, "../../", action="import", file_name="five-years.csv",
                                 file_text=csv_text, file_size=len(csv_text)), TODAY)

    return [
        ("history: CSV export of 1,826 readings, size", len(csv_text) / 1024, "KB"),
        ("history: saved text of 1,826 readings, size", len(stored) / 1024, "KB"),
        ("history: read the 1,826-row CSV (native)", _median_ms(lambda: csvio.read_file("x.csv", csv_text, 1)), "ms"),
        ("history: read the saved text, first time (native)", _median_ms(lambda: storage._load(stored)), "ms"),
        ("history: draw both charts + table (native)", _median_ms(lambda: chart.render(history)), "ms"),
        ("history: whole import request, empty storage (native)", _median_ms(import_request), "ms"),
        ("history: whole page request with 5 years saved (native)",
         _median_ms(lambda: handle(WebRequest("track", {}, "../../", stored=stored), TODAY)), "ms"),
    ]


_TIMED_IMPORT = """async ([csv, name]) => {
  const input = document.querySelector('#track-import');
  const widget = document.querySelector('[data-calculator="track"]');
  const done = new Promise(resolve => widget.addEventListener('ssi:result', resolve, { once: true }));
  const transfer = new DataTransfer();
  transfer.items.add(new File([csv], name, { type: 'text/csv' }));
  const start = performance.now();
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await done;
  await new Promise(requestAnimationFrame);  // until the chart is laid out and painted
  return performance.now() - start;
}"""

_TIMED_EDIT = """async () => {
  const widget = document.querySelector('[data-calculator="track"]');
  const done = new Promise(resolve => widget.addEventListener('ssi:result', resolve, { once: true }));
  const start = performance.now();
  const box = document.querySelector('#track-note');
  box.value = box.value === 'x' ? 'y' : 'x';
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await done;
  await new Promise(requestAnimationFrame);
  return performance.now() - start;
}"""


class WorkerHeap:
    """The calculator worker's heap over CDP (flat sessions are not routable through Playwright's CDP API, so
    this uses Target.sendMessageToTarget)."""

    def __init__(self, browser: Any) -> None:
        self.cdp = browser.new_browser_cdp_session()
        self.replies: dict[int, Any] = {}
        self.cdp.on("Target.receivedMessageFromTarget", self._receive)
        self.next_id = 1
        targets = self.cdp.send("Target.getTargets")["targetInfos"]
        worker = next(t for t in targets if t["type"] == "worker" and "calculator-worker" in t["url"])
        self.session = self.cdp.send("Target.attachToTarget", {"targetId": worker["targetId"], "flatten": False})[
            "sessionId"]

    def _receive(self, event: dict[str, Any]) -> None:
        message = json.loads(event["message"])
        if "id" in message:
            self.replies[message["id"]] = message.get("result", message.get("error"))

    def call(self, page: Any, method: str, params: dict[str, Any] | None = None) -> Any:
        ident = self.next_id
        self.next_id += 1
        self.cdp.send("Target.sendMessageToTarget", {
            "sessionId": self.session, "message": json.dumps({"id": ident, "method": method, "params": params or {}})})
        for _ in range(200):
            if ident in self.replies:
                return self.replies.pop(ident)
            page.wait_for_timeout(25)
        raise TimeoutError(method)

    def used_mb(self, page: Any) -> tuple[float, float]:
        self.call(page, "HeapProfiler.collectGarbage")
        usage = self.call(page, "Runtime.getHeapUsage")
        return usage["usedSize"] / 2**20, usage.get("backingStorageSize", 0) / 2**20


def browser() -> list[tuple[str, float, str]]:
    from .browser import chromium_site, wait_warm
    from .browser import median as med

    csv_text = csvio.to_csv(five_years())
    figures: list[tuple[str, float, str]] = []
    with chromium_site() as (chromium, url):
        context = chromium.new_context()
        page = context.new_page()
        page.goto(url + PAGE)
        wait_for_mark(page, "ssi:first-result", 180_000)
        wait_warm(page)
        first: list[float] = []
        for _ in range(5):
            page.evaluate("localStorage.clear()")
            first.append(float(page.evaluate(_TIMED_IMPORT, [csv_text, "five-years.csv"])))
        figures.append(("history: import + chart 1,826 readings, empty storage (browser, median of 5)",
                        med(first), "ms [target < 200]"))
        again = [float(page.evaluate(_TIMED_IMPORT, [csv_text, "five-years.csv"])) for _ in range(5)]
        figures.append(("history: import the same 1,826 again, all already saved (browser)", med(again), "ms"))
        edits = [float(page.evaluate(_TIMED_EDIT)) for _ in range(9)]
        figures.append(("history: any request with 5 years saved (typing), page updated (browser)", med(edits), "ms"))
        try:
            heap = WorkerHeap(chromium)
            js0, buffers0 = heap.used_mb(page)
            for _ in range(REPEATS):
                page.evaluate("localStorage.clear()")
                page.evaluate(_TIMED_IMPORT, [csv_text, "five-years.csv"])
            js1, buffers1 = heap.used_mb(page)
            figures += [
                ("history: worker JS heap before 100 imports", js0, "MB"),
                (f"history: worker JS heap after {REPEATS} imports", js1, "MB"),
                ("history: worker array buffers (Pyodide memory) before", buffers0, "MB"),
                (f"history: worker array buffers (Pyodide memory) after {REPEATS} imports", buffers1, "MB"),
            ]
        except Exception as error:  # noqa: BLE001 - a CDP detail must not hide the timings
            print(f"history: worker heap not measured ({error})")
        page_heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize / 1048576 : -1")
        figures.append(("history: page JS heap at the end (performance.memory)", float(page_heap), "MB"))
        context.close()
    return figures


def run() -> Figures:
    return with_browser("history", native, browser)

