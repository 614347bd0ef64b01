"""What the browser tests and the benchmarks share: where the built site is served, Debian's Chromium and its
flags, the JavaScript probes they evaluate in a page, and the test tools for the run inside Pyodide.

    python -m site_build.testing   # copies the Pyodide test tools into build/pyodide-test-deps (scripts/test)
"""

from __future__ import annotations

import importlib.metadata as metadata
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ.get("SSI_SITE_DIR", ROOT / "site"))  # scripts/test builds site/; override to test another
# A sub-path like a GitHub project site's, and no port in the address: Material's instant navigation ignores
# links whose port differs from its sitemap's, so Chromium maps the host to the server's real port instead.
BASE = "/ssi-field-guide/"
HOST = "127.0.0.1"
SITE_URL = f"http://{HOST}{BASE}"
CHROMIUM_FLAGS = ("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync")


def chromium_path() -> str | None:
    """Debian's Chromium (or $CHROMIUM), None when there is none; Playwright never downloads a browser."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def chromium_args(port: int) -> list[str]:
    """Chromium's flags, with SITE_URL's host mapped to the test server's real ``port``.

    >>> chromium_args(8123)[-1]
    '--host-resolver-rules=MAP 127.0.0.1 127.0.0.1:8123'
    """
    return [*CHROMIUM_FLAGS, f"--host-resolver-rules=MAP {HOST} {HOST}:{port}"]


# True once the worker's kept copy of the snapshot (docs/javascripts/snapshot-keep.mjs) is complete: one file
# in the origin-private file system, complete once its trailer is written.
KEPT_COMPLETE_JS = """async () => {
  try {
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('ssi-field-guide-snapshot');
    const file = await (await folder.getFileHandle('memory.bin')).getFile();
    return (await file.slice(file.size - 64).text()).startsWith('SSI-KEPT:');
  } catch {}
  return false;
}"""

# Resolves once this page's service worker is activated; returns the offline caches' names and how many files
# and bytes they hold.
OFFLINE_CACHE_JS = """async () => {
  const reg = await navigator.serviceWorker.ready;
  const worker = reg.active;
  if (worker.state !== "activated") {
    await new Promise((resolve) => worker.addEventListener("statechange", () => {
      if (worker.state === "activated") resolve();
    }));
  }
  const names = (await caches.keys()).filter((name) => name.startsWith("ssi-field-guide-offline-"));
  let files = 0, bytes = 0;
  for (const name of names) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      files += 1;
      bytes += (await (await cache.match(request)).arrayBuffer()).byteLength;
    }
  }
  return { names, files, bytes };
}"""

# Resolves once the page has performance mark [name], or rejects after [.., ms]. Not Playwright's
# wait_for_function: that compiles its predicate inside the page, which the site's Content-Security-Policy
# (no 'unsafe-eval', site_build/csp.py) rightly refuses; page.evaluate is run by the browser's debugger instead.
MARK_JS = """([name, ms]) => new Promise((resolve, reject) => {
  if (performance.getEntriesByName(name).length) { resolve(true); return; }
  const observer = new PerformanceObserver(() => {
    if (performance.getEntriesByName(name).length) { done(); resolve(true); }
  });
  const timer = setTimeout(() => { done(); reject(new Error(`no performance mark ${name} in ${ms} ms`)); }, ms);
  const done = () => { clearTimeout(timer); observer.disconnect(); };
  observer.observe({ type: "mark" });
})"""


def wait_for_mark(page: Page, name: str, timeout_ms: float = 60_000) -> None:
    """Wait until the page has set performance mark ``name`` (ssi:ready, ssi:first-result, ssi:warm …)."""
    page.evaluate(MARK_JS, [name, timeout_ms])


PYODIDE_TEST_DEPS = ROOT / "build" / "pyodide-test-deps"
PYODIDE_TEST_TOOLS = ("pytest", "pluggy", "iniconfig", "packaging", "pygments", "hypothesis", "sortedcontainers")


def copy_pyodide_test_tools(out: Path = PYODIDE_TEST_DEPS) -> Path:
    """Copy the pure-Python test tools (pytest, hypothesis and what they need) for tests/pyodide/run.mjs.

    File by file from this virtualenv's installed distributions: the run inside Pyodide uses exactly the
    versions the native run uses, with no download.
    """
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name in PYODIDE_TEST_TOOLS:
        dist = metadata.distribution(name)
        for file in dist.files or ():
            if file.suffix == ".pyc" or "__pycache__" in file.parts or file.parts[0].endswith(".data"):
                continue
            source = Path(str(dist.locate_file(file)))
            if source.is_file() and not str(file).startswith(".."):
                target = out / file
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
    return out


if __name__ == "__main__":
    print(copy_pyodide_test_tools(Path(sys.argv[1]) if len(sys.argv) > 1 else PYODIDE_TEST_DEPS))
