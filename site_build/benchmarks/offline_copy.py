"""The offline copy (service worker): its size, how long it takes to complete after a first visit to the
calculator, and what it downloads, on loopback and on a throttled link; and how soon a new deployment that
changes one page is installed for a returning visitor (what it downloads is checked by tests/browser/test_offline.py:
only the changed files; Playwright does not report the new worker's requests in a persistent profile)."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from site_build import service_worker
from site_build.serve_static import Throttle
from site_build.testing import OFFLINE_CACHE_JS, SITE, wait_for_mark

from .browser import served

PAGE = "calculator/interpret/"
WAITING = "navigator.serviceWorker.getRegistration().then((reg) => Boolean(reg && reg.waiting))"


class SwBytes:
    """Body bytes the service worker itself downloaded (a 304 revalidation counts as its headers only)."""

    def __init__(self, context: Any) -> None:
        self.total = 0
        context.on("requestfinished", self._add)

    def _add(self, request: Any) -> None:
        if request.service_worker is None:
            return
        try:
            self.total += max(0, int(request.sizes()["responseBodySize"]))
        except Exception:  # noqa: BLE001 - the context closed first
            return


def measure(label: str, throttle: Throttle | None) -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        v2 = Path(tmp) / "v2"
        shutil.copytree(SITE, v2)
        page_file = v2 / PAGE / "index.html"
        page_file.write_text(page_file.read_text().replace("</head>", "<!-- v2 --></head>", 1))
        service_worker.write_service_worker(v2, development=False)
        link = Path(tmp) / "served"
        link.symlink_to(SITE.resolve(), target_is_directory=True)
        with served(link, throttle=throttle) as (p, options, url):
            # On disk, as a real profile: an in-memory HTTP cache drops the large runtime files, and the
            # worker's revalidations would then download them again.
            context = p.chromium.launch_persistent_context(Path(tmp) / "profile", **options)  # type: ignore[arg-type]
            sw = SwBytes(context)
            page = context.new_page()
            page.set_default_timeout(300_000)
            page.goto(url + PAGE)
            wait_for_mark(page, "ssi:first-result")
            started = time.perf_counter()
            cached = page.evaluate(OFFLINE_CACHE_JS)
            first = time.perf_counter() - started
            page.wait_for_timeout(500)  # let the last request events arrive
            first_bytes = sw.total
            # A deployment that changes one page; the visitor comes back.
            new = Path(tmp) / "served.new"
            new.symlink_to(v2, target_is_directory=True)
            new.replace(link)
            started = time.perf_counter()
            page.reload()
            while not page.evaluate(WAITING):  # wait_for_function would take the promise itself as "true"
                page.wait_for_timeout(50)
            update = time.perf_counter() - started
            page.wait_for_timeout(500)
            context.close()
    return [
        ("offline copy: files", float(cached["files"]), "files"),
        ("offline copy: size", cached["bytes"] / 1e6, "MB"),
        (f"{label}: first visit, calculator answering -> offline copy complete", first, "s"),
        (f"{label}: first visit, bytes the service worker downloaded (rest revalidated)", first_bytes / 1e6, "MB"),
        (f"{label}: one page changed, reload -> new build installed (waiting)", update, "s"),
    ]


def run() -> list[tuple[str, float, str]]:
    figures = measure("loopback", None)
    throttled = measure("10 Mbit/s, 40 ms", Throttle(10, 40))
    return figures + [f for f in throttled if not f[0].startswith("offline copy")]
