"""Browser tests: Debian's Chromium (via Playwright) against the built site, served under a sub-path.

The site is served at http://127.0.0.1/ssi-field-guide/ — no port in the address, because Material's instant
navigation ignores links whose port differs from its sitemap's; Chromium maps that address to the test
server's real port. Every page a test opens is guarded: a console error, an uncaught exception or a request
to any other host fails the test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page

from site_build import testing
from site_build.serve_static import serve_in_thread
from site_build.testing import BASE, HOST, ROOT, SITE, SITE_URL, chromium_args, wait_for_mark

__all__ = ["BASE", "SITE", "SITE_URL", "chromium_args"]  # for the test modules

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def chromium_path() -> str:
    found = testing.chromium_path()
    if not found:
        pytest.exit("Chromium not found: run scripts/test (it installs Debian's chromium) or set CHROMIUM=/path")
    return found


@pytest.fixture(scope="session")
def site_server() -> Iterator[int]:
    if not (SITE / "index.html").exists() or not (SITE / "pyodide" / "pyodide-lock.json").exists():
        pytest.exit("site/ is not built: run scripts/test, or SITE_URL=http://127.0.0.1/ssi-field-guide/ scripts/build")
    server, _ = serve_in_thread(SITE, base=BASE)
    yield server.server_address[1]
    server.shutdown()


_PORT: list[int] = []


def direct(url: str) -> str:
    """The URL with the test server's real port, for requests Playwright makes itself (route.fetch), which do
    not go through Chromium's host mapping."""
    return url.replace(f"//{HOST}/", f"//{HOST}:{_PORT[0]}/", 1)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any], site_server: int) -> dict[str, Any]:
    _PORT[:] = [site_server]
    return {
        **browser_type_launch_args,
        "executable_path": chromium_path(),
        "args": chromium_args(site_server),
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    # The site's Content-Security-Policy (site_build/csp.py) refuses what these tests themselves put into a page:
    # axe-core as an inline script, and Playwright's wait_for_function (compiled in the page). test_csp.py and
    # test_offline.py run every page, search and calculator under the real policy.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture
def site_url() -> str:
    return SITE_URL


class Guard:
    """Collects what must never happen on a page of ours."""

    def __init__(self) -> None:
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.foreign_requests: list[str] = []
        self.allowed_console: list[str] = []

    def request(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.hostname != HOST or parts.port not in (None, 80):
            self.foreign_requests.append(url)

    def console(self, kind: str, text: str) -> None:
        if kind == "error" and not any(a in text for a in self.allowed_console):
            self.console_errors.append(text)

    def check(self) -> None:
        assert self.foreign_requests == [], "requests left the site's own origin"
        assert self.page_errors == [], "uncaught exceptions in the page"
        assert self.console_errors == [], "console errors"


@pytest.fixture
def guard(context: BrowserContext) -> Guard:
    g = Guard()
    context.on("request", lambda r: g.request(r.url))
    return g


@pytest.fixture
def guarded_page(page: Page, guard: Guard) -> Iterator[Page]:
    page.on("console", lambda m: guard.console(m.type, m.text))
    page.on("pageerror", lambda e: guard.page_errors.append(str(e)))
    page.set_default_timeout(60_000)  # a first Pyodide boot on a busy 2-core machine can take a while
    yield page
    guard.check()


def wait_ready(page: Page) -> None:
    """Wait until Python answers in the page: ready, and the first live result shown."""
    wait_for_mark(page, "ssi:first-result")  # CSP-safe, unlike wait_for_function (site_build/testing.py)


@pytest.fixture
def calc_page(guarded_page: Page) -> Callable[[str], Page]:
    """Open a calculator page (path relative to the site root) and wait until its calculator answers."""

    def open_page(path: str) -> Page:
        guarded_page.goto(SITE_URL + path)
        wait_ready(guarded_page)
        return guarded_page

    return open_page


def follow(page: Page, href: str) -> None:
    """Click a link to ``href`` put at the top of the article, as a reader would (Material takes it over)."""
    page.evaluate("""(href) => {
      const link = Object.assign(document.createElement("a"), { href, id: "ssi-test-link", textContent: href });
      document.querySelector("article").prepend(link);
    }""", href)
    page.click("#ssi-test-link")


@contextmanager
def result_after(page: Page, mode: str, timeout_ms: int = 60_000) -> Iterator[dict[str, Any]]:
    """Wait, after the block, for the next result of calculator ``mode``; yields a dict filled with its detail.

    Listens on the document (results bubble), so a calculator swapped in by instant navigation still counts,
    and gives up after ``timeout_ms`` instead of waiting for ever.
    """
    page.evaluate(
        """([mode, ms]) => { window.__ssiNext = new Promise((resolve, reject) => {
            const listener = e => { if (e.target.dataset.calculator === mode) { done(); resolve(e.detail); } };
            const timer = setTimeout(() => { done(); reject(new Error(`no ${mode} result in ${ms} ms`)); }, ms);
            const done = () => { clearTimeout(timer); document.removeEventListener("ssi:result", listener); };
            document.addEventListener("ssi:result", listener);
        }); }""",
        [mode, timeout_ms],
    )
    detail: dict[str, Any] = {}
    yield detail
    detail.update(page.evaluate("window.__ssiNext"))


def run_axe(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations for the page as it is now (every rule, WCAG A and AA and best practice)."""
    page.add_script_tag(path=str(AXE))
    violations: list[dict[str, Any]] = page.evaluate(
        "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v =>"
        " ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))"
    )
    return violations


def built_pages() -> list[str]:
    """Every page of the built site, as paths relative to the site root."""
    pages = sorted(
        p.parent.relative_to(SITE).as_posix() + "/"
        for p in SITE.rglob("index.html")
        if "pyodide" not in p.parts
    )
    return [("" if p == "./" else p) for p in pages]
