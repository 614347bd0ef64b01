"""Fast start (issue 7): how soon the calculator answers, by boot strategy, visit and network.

Strategies (the worker's "boot" parameter): normal (install the wheel, no snapshot), snapshot (always
restore the memory snapshot), cached (restore only when the snapshot is already cached; otherwise boot
normally and fetch it for the next visit), auto (the site's default: restore, except on a first visit over a
link too slow for the snapshot, judged on its first bytes). Each is measured on a first visit (new browser
profile) and a revisit (same profile, files in the HTTP cache), against a bare page that only boots Pyodide,
on loopback and on throttled links served by site_build/serve_static.py (one shared link: bandwidth and
per-request latency).
Also printed: bytes transferred until the calculator answers (the offline copy comes later), and the longest
main-thread task while loading [target ≤ 50 ms]. The server compresses text and WebAssembly as GitHub Pages
does.
Targets: first visit ≤ 0.35 × bare, revisit ≤ 0.30 × bare (same network, same run).
"""

from __future__ import annotations

import os
import shutil
import tempfile

from site_build.serve_static import Throttle
from site_build.testing import KEPT_COMPLETE_JS, SITE

from .browser import Bytes, mark, median, served
from .foundation import BARE_HTML, BARE_WORKER

NETWORKS: dict[str, Throttle | None] = {
    "loopback": None,
    "50 Mbit/s, 20 ms": Throttle(50, 20),
    "10 Mbit/s, 40 ms": Throttle(10, 40),
}
STRATEGIES = ("normal", "snapshot", "cached", "auto")
# SSI_BENCH_NETWORKS=loopback (comma-separated names' first words) runs a subset, e.g. while tuning.
_ONLY = [w for w in os.environ.get("SSI_BENCH_NETWORKS", "").split(",") if w]
if _ONLY:
    NETWORKS = {name: t for name, t in NETWORKS.items() if any(name.startswith(w) for w in _ONLY)}
LONG_TASKS = """window.__longest = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
  window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: "longtask", buffered: true });"""


def _visit(context, url: str, done_mark: str) -> tuple[float, float, int, str]:  # type: ignore[no-untyped-def]
    counter = Bytes(context)
    page = context.new_page()
    page.goto(url)
    ready = mark(page, done_mark, timeout=300_000)
    downloaded = counter.total
    longest = float(page.evaluate("window.__longest || 0"))
    detail = page.evaluate(f"performance.getEntriesByName('{done_mark}')[0].detail") or {}
    if done_mark == "ssi:ready":  # calculator pages keep an offline copy (bare pages do not)
        _wait_offline_copy(page)
    page.close()
    return ready, longest, downloaded, str(detail.get("via", "")) if isinstance(detail, dict) else ""


def _pair(p, options, url: str, done_mark: str, rounds: int) -> dict[str, list[float]]:  # type: ignore[no-untyped-def]
    """First visit and revisit in fresh profiles, ``rounds`` times."""
    out: dict[str, list[float]] = {k: [] for k in ("first", "revisit", "first_bytes", "revisit_bytes", "longest")}
    for _ in range(rounds):
        profile = tempfile.mkdtemp(prefix="ssi-bench-")
        try:
            context = p.chromium.launch_persistent_context(profile, **options)
            context.add_init_script(LONG_TASKS)
            first, longest1, bytes1, _ = _visit(context, url, done_mark)
            if "ssi-boot=normal" not in url and done_mark == "ssi:ready":
                _wait_snapshot_kept(context, url)
            revisit, longest2, bytes2, _ = _visit(context, url, done_mark)
            context.close()
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        out["first"].append(first)
        out["revisit"].append(revisit)
        out["first_bytes"].append(bytes1)
        out["revisit_bytes"].append(bytes2)
        out["longest"].append(max(longest1, longest2))
    return out


OFFLINE_READY = """async () => {
  const registration = navigator.serviceWorker && await navigator.serviceWorker.getRegistration();
  return !!registration && registration.active !== null && !registration.installing && !registration.waiting;
}"""


def _wait_offline_copy(page) -> None:  # type: ignore[no-untyped-def]
    """A real revisit comes after the service worker has finished keeping its offline copy: wait for that."""
    page.wait_for_timeout(300)
    for _ in range(1200):
        if page.evaluate(OFFLINE_READY):
            return
        page.wait_for_timeout(100)


def _wait_snapshot_kept(context, url: str) -> None:  # type: ignore[no-untyped-def]
    """A real revisit comes after the worker kept its copy of the snapshot (a moment after the first answers)."""
    page = context.new_page()
    page.goto(url.split("calculator/")[0] + "faq/")  # a same-origin guide page: it starts no Pyodide
    for _ in range(600):  # wait_for_function would take the returned promise itself as a truthy answer
        if page.evaluate(KEPT_COMPLETE_JS):
            break
        page.wait_for_timeout(100)
    page.close()


def run() -> list[tuple[str, float, str]]:
    bare_dir = SITE / "_bench"
    bare_dir.mkdir(exist_ok=True)
    (bare_dir / "index.html").write_text(BARE_HTML)
    (bare_dir / "bare-worker.mjs").write_text(BARE_WORKER)
    figures: list[tuple[str, float, str]] = []
    try:
        for network, throttle in NETWORKS.items():
            rounds = 3 if throttle is None else 1
            with served(SITE, throttle) as (p, options, url):
                bare = _pair(p, options, url + "_bench/", "bare:ready", rounds)
                b1, b2 = median(bare["first"]), median(bare["revisit"])
                figures += [(f"[{network}] bare Pyodide: first visit", b1, "ms"),
                            (f"[{network}] bare Pyodide: revisit", b2, "ms"),
                            (f"[{network}] bare Pyodide: first-visit bytes", median(bare["first_bytes"]) / 1e6, "MB")]
                for strategy in STRATEGIES:
                    r = _pair(p, options, url + f"calculator/interpret/?ssi-boot={strategy}", "ssi:ready", rounds)
                    f1, f2 = median(r["first"]), median(r["revisit"])
                    figures += [
                        (f"[{network}] {strategy}: first visit → interactive", f1, "ms"),
                        (f"[{network}] {strategy}: first visit ÷ bare [target ≤ 0.35]", f1 / b1, "×"),
                        (f"[{network}] {strategy}: revisit → interactive", f2, "ms"),
                        (f"[{network}] {strategy}: revisit ÷ bare [target ≤ 0.30]", f2 / b2, "×"),
                        (f"[{network}] {strategy}: bytes until interactive, first visit",
                         median(r["first_bytes"]) / 1e6, "MB"),
                        (f"[{network}] {strategy}: bytes until interactive, revisit",
                         median(r["revisit_bytes"]) / 1e6, "MB"),
                        (f"[{network}] {strategy}: longest main-thread task [target ≤ 50]", max(r["longest"]), "ms"),
                    ]
    finally:
        shutil.rmtree(bare_dir, ignore_errors=True)
    return figures

