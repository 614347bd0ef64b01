"""The foundation's figures, from headless Chromium against the built site (issue targets in brackets).

- navigation → first live calculator result, and → interactive (Pyodide ready and answering), first visit;
- the same for a bare page that only boots the same self-hosted Pyodide in a module worker, and the ratio
  [interactive ≤ 1.10 × bare];
- input-to-result latency over 50 edits typed 100 ms apart once the worker has warmed up, median and p95
  [p95 < 16 ms];
- bytes each page transfers [guide pages: no Pyodide].
"""

from __future__ import annotations

import shutil

from site_build.testing import SITE

from .browser import Bytes, chromium_site, edit_latencies, mark, median, p95, wait_warm

RUNS = 3
EDITS = 50
BRAND_VALUES = [f"{10 + i % 15 + 0.125:.3f}" for i in range(EDITS)]

BARE_HTML = """<!doctype html><html lang="en"><title>bare Pyodide</title><body><p>bare</p><script type="module">
const w = new Worker(new URL("bare-worker.mjs", import.meta.url), { type: "module" });
w.onmessage = () => performance.mark("bare:ready");
</script></body></html>"""
BARE_WORKER = """import { loadPyodide } from "../pyodide/pyodide.mjs";
const py = await loadPyodide({ indexURL: new URL("../pyodide/", import.meta.url).href });
postMessage(py.runPython("1+1"));"""



def run() -> list[tuple[str, float, str]]:
    bare_dir = SITE / "_bench"
    bare_dir.mkdir(exist_ok=True)
    (bare_dir / "index.html").write_text(BARE_HTML)
    (bare_dir / "bare-worker.mjs").write_text(BARE_WORKER)
    try:
        return _measure()
    finally:
        shutil.rmtree(bare_dir, ignore_errors=True)


def _measure() -> list[tuple[str, float, str]]:
    calc_first, calc_ready, bare_ready, calc_bytes, bare_bytes, latencies = [], [], [], [], [], []
    guide_bytes: dict[str, int] = {}
    guide_pyodide = 0
    with chromium_site() as (browser, url):
        for _ in range(RUNS):  # alternate, so both see the same machine load
            context = browser.new_context()  # a new context is a first visit: empty cache
            counter = Bytes(context)
            page = context.new_page()
            page.goto(url + "_bench/")
            bare_ready.append(mark(page, "bare:ready"))
            bare_bytes.append(counter.total)
            context.close()

            context = browser.new_context()
            counter = Bytes(context)
            page = context.new_page()
            page.goto(url + "calculator/interpret/")
            calc_ready.append(mark(page, "ssi:ready"))
            calc_first.append(mark(page, "ssi:first-result"))
            calc_bytes.append(counter.total)
            wait_warm(page)
            latencies += edit_latencies(page, "interpret", "brand", BRAND_VALUES)
            context.close()
        for path in ("", "basics/what-is-ssi/", "faq/"):
            context = browser.new_context()
            counter = Bytes(context)
            page = context.new_page()
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            guide_bytes[path or "home"] = counter.total
            guide_pyodide += sum(v for k, v in counter.by_url.items() if "/pyodide/" in k)
            context.close()
    ratio = median(calc_ready) / median(bare_ready)
    figures = [
        ("interpret: navigation → interactive, first visit (median)", median(calc_ready), "ms"),
        ("interpret: navigation → first live result, first visit (median)", median(calc_first), "ms"),
        ("bare Pyodide page: navigation → answering 1+1 (median)", median(bare_ready), "ms"),
        ("interactive ÷ bare Pyodide [target ≤ 1.10]", ratio, "×"),
        (f"input → result latency, median of {EDITS * RUNS} edits", median(latencies), "ms"),
        (f"input → result latency, p95 of {EDITS * RUNS} edits [target < 16]", p95(latencies), "ms"),
        ("bytes: interpret page, first visit", median(calc_bytes) / 1e6, "MB"),
        ("bytes: bare Pyodide page, first visit", median(bare_bytes) / 1e6, "MB"),
    ]
    figures += [(f"bytes: guide page '{k}'", v / 1e3, "kB") for k, v in guide_bytes.items()]
    figures.append(("bytes of Pyodide fetched by guide pages [target 0]", guide_pyodide, "B"))
    return figures
