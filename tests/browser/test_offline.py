"""Offline use and updates, in a real browser: the service worker keeps one whole build, never a mix.

These tests need a server they can switch to another build, or switch off; so they run their own server
(same address as the others: http://127.0.0.1/ssi-field-guide/) and their own Chromium mapped to it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserType, Error, Page, Response, expect

from site_build import build_id, csp, service_worker
from site_build.serve_static import serve_in_thread
from site_build.testing import OFFLINE_CACHE_JS
from site_build.widgets import STATUS

from .conftest import BASE, SITE, SITE_URL, Guard, chromium_args, chromium_path, follow, result_after, wait_ready

PAGE = "calculator/interpret/"
PREFIX = service_worker.CACHE_PREFIX

# The state of the service worker as the page sees it; each worker is asked which build it holds.
SW_STATE = """async () => {
  const reg = await navigator.serviceWorker.getRegistration();
  const ask = (worker) => worker ? new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    worker.postMessage("version", [channel.port2]);
  }) : null;
  return {
    active: await ask(reg && reg.active), activeState: reg && reg.active ? reg.active.state : null,
    waiting: await ask(reg && reg.waiting), installing: Boolean(reg && reg.installing),
    controller: await ask(navigator.serviceWorker.controller),
    caches: (await caches.keys()).filter((name) => name.startsWith("ssi-field-guide-offline-")),
  };
}"""


class Host:
    """Serves one build of the site at a fixed port; the build can be switched, or the server switched off."""

    def __init__(self, folder: Path) -> None:
        self.link = folder / "served"
        self.server: Any = None
        self.port = 0

    def serve(self, site: Path) -> None:
        new = self.link.with_name("served.new")
        new.unlink(missing_ok=True)
        new.symlink_to(site.resolve(), target_is_directory=True)
        os.replace(new, self.link)  # atomic: every request sees one build or the other
        if self.server is None:
            self.server, _ = serve_in_thread(self.link, base=BASE, port=self.port)
            self.port = self.server.server_address[1]

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Host]:
    if not (SITE / "sw.js").exists():
        pytest.exit("site/ has no sw.js: build it with scripts/build")
    served = Host(tmp_path_factory.mktemp("offline"))
    served.serve(SITE)
    yield served
    served.stop()


@pytest.fixture(scope="module")
def offline_browser(browser_type: BrowserType, host: Host) -> Iterator[Browser]:
    browser = browser_type.launch(
        executable_path=chromium_path(),
        args=chromium_args(host.port),
    )
    yield browser
    browser.close()


class Visitor:
    """One visitor: a browser profile (it keeps its service worker), its guard, and its pages."""

    def __init__(self, browser: Browser, **options: Any) -> None:
        self.context = browser.new_context(**options)
        self.guard = Guard()
        self.context.on("request", lambda r: self.guard.request(r.url))

    def page(self) -> Page:
        page = self.context.new_page()
        page.on("console", lambda m: self.guard.console(m.type, m.text))
        page.on("pageerror", lambda e: self.guard.page_errors.append(str(e)))
        page.set_default_timeout(90_000)  # a first boot plus a 23 MB install on a busy machine
        return page


@pytest.fixture
def visitor(offline_browser: Browser, host: Host) -> Iterator[Visitor]:
    host.serve(SITE)
    visitor = Visitor(offline_browser)
    yield visitor
    visitor.context.close()
    visitor.guard.check()


def manifest_of(site: Path) -> dict[str, str]:
    return service_worker.manifest(site)


def version_of(site: Path) -> str:
    return str(json.loads((site / "build.json").read_text())["version"])


def build_path(url: str) -> str | None:
    """The manifest key for a URL of the site ("x/" is "x/index.html"), or None outside it."""
    if not url.startswith(SITE_URL):
        return None
    path = url[len(SITE_URL):].split("?", 1)[0].split("#", 1)[0]
    return path + "index.html" if path == "" or path.endswith("/") else path


class Received:
    """Every file a page (and its calculator worker) received, with the sha256 of what arrived."""

    def __init__(self, page: Page) -> None:
        self.responses: list[Response] = []
        page.on("response", lambda response: self.responses.append(response))

    def digests(self, only: tuple[str, ...] = ()) -> dict[str, str]:
        """Path -> sha256 of what arrived; ``only`` those paths (then a body gone with its page is skipped)."""
        found: dict[str, str] = {}
        for response in self.responses:
            path = build_path(response.url)
            if not path or (only and path not in only):
                continue
            if response.request.method == "GET" and response.status == 200:
                try:
                    found[path] = hashlib.sha256(response.body()).hexdigest()
                except Error:
                    if not only:
                        raise
        return found


def assert_all_from(received: dict[str, str], files: dict[str, str], name: str) -> None:
    """Every file received that belongs to a build is the file of build ``name``."""
    known = {path: digest for path, digest in received.items() if path in files}
    wrong = sorted(path for path, digest in known.items() if files[path] != digest)
    assert wrong == [], f"files not from build {name}"
    for path in (PAGE + "index.html", "javascripts/calculator.js", "javascripts/offline.js",
                 "javascripts/calculator-worker.mjs", "pyodide/pyodide.asm.wasm"):
        assert path in known, f"{path} was not seen"


def install(page: Page) -> dict[str, Any]:
    """Open the calculator, wait for it to answer and for the offline copy to be complete."""
    page.goto(SITE_URL + PAGE)
    wait_ready(page)
    started = time.monotonic()
    cached: dict[str, Any] = page.evaluate(OFFLINE_CACHE_JS)
    cached["seconds"] = time.monotonic() - started
    return cached


def test_after_one_visit_the_calculator_and_the_guide_work_offline(
        visitor: Visitor, host: Host) -> None:
    context, new_page, guard = visitor.context, visitor.page, visitor.guard
    page = new_page()
    cached = install(page)
    files = manifest_of(SITE)
    assert cached["names"] == [PREFIX + version_of(SITE)]
    assert cached["files"] == len(files)
    print(f"\noffline copy: {cached['files']} files, {cached['bytes'] / 1e6:.1f} MB,"
          f" complete {cached['seconds']:.1f} s after the calculator answered")

    host.stop()  # no server at all, and the browser told it is offline
    context.set_offline(True)
    try:
        page.reload()
        wait_ready(page)
        state = page.evaluate(SW_STATE)
        assert state["controller"] == version_of(SITE)
        with result_after(page, "interpret") as result:
            page.fill("#interpret-brand", "25")
        assert result["ok"]
        expect(page.locator(".ssi-total__value")).to_have_text("57")

        page.goto(SITE_URL + "faq/")
        expect(page.locator("h1")).to_have_count(1)
        expect(page.locator("article")).to_contain_text("SSI")
        page.keyboard.press("/")  # search works offline too: its late-starting worker and Material's are kept
        page.keyboard.type("pillar")
        expect(page.locator(".md-search-result__meta")).to_contain_text("matching documents")
        page.goto(SITE_URL)  # the home page, "…/" mapped to "…/index.html"
        expect(page.locator("article h1").first).to_be_visible()
        guard.allowed_console.append("404")  # the browser reports the status of the page below
        response = page.goto(SITE_URL + "no-such-page/")
        assert response is not None
        assert response.status == 404
        expect(page.locator("article h1")).to_have_text("Page not found")
    finally:
        context.set_offline(False)
        host.serve(SITE)


def copy_with_a_change(site: Path, target: Path) -> Path:
    """A second build: ``site`` (hard-linked, so it is quick) with one page and one script changed."""
    def link(source: str, destination: str) -> None:
        try:
            os.link(source, destination)
        except OSError:
            shutil.copy2(source, destination)

    shutil.copytree(site, target, copy_function=link)
    marker = '<meta name="ssi-test-build" content="v2"></head>'
    changes: dict[str, Callable[[str], str]] = {
        PAGE + "index.html": lambda text: text.replace("</head>", marker, 1),
        "javascripts/offline.js": lambda text: text + '\nwindow.ssiTestBuild = "v2";\n',
    }
    for path, change in changes.items():
        text = (target / path).read_text(encoding="utf-8")
        (target / path).unlink()  # never write through a hard link into the first build
        (target / path).write_text(change(text), encoding="utf-8")
    service_worker.write_service_worker(target, development=False)
    return target


def test_a_new_build_takes_over_whole_once_the_old_pages_are_closed(
        visitor: Visitor, host: Host, tmp_path: Path) -> None:
    context, new_page = visitor.context, visitor.page
    v1, v2 = SITE, copy_with_a_change(SITE, tmp_path / "v2")
    files1, files2 = manifest_of(v1), manifest_of(v2)
    assert version_of(v1) != version_of(v2)

    page = new_page()
    install(page)

    host.serve(v2)  # a deployment
    received = Received(page)
    downloaded: list[str] = []  # by the service worker, with a body (not revalidated, not copied)
    context.on("requestfinished", lambda r: downloaded.append(r.url) if r.service_worker and
               (r.response() or {}).status == 200 else None)  # type: ignore[union-attr]
    page.reload()
    wait_ready(page)
    # The open page goes on with build 1, all of it, while build 2 installs beside it.
    assert page.evaluate("document.querySelector('meta[name=ssi-test-build]')") is None
    assert page.evaluate("window.ssiTestBuild") is None
    assert_all_from(received.digests(), files1, "v1")
    with result_after(page, "interpret") as result:
        page.fill("#interpret-brand", "25")
    assert result["ok"]
    state = wait_until(lambda: page.evaluate(SW_STATE), lambda s: s["waiting"] is not None)
    assert state["active"] == state["controller"] == version_of(v1)
    assert state["waiting"] == version_of(v2)
    # Build 2 shares the runtime with build 1: copied from build 1's cache, not downloaded again.
    assert [u for u in downloaded if "/pyodide/" in u] == []
    assert SITE_URL + PAGE + "index.html" in downloaded  # what changed was downloaded
    assert SITE_URL + "javascripts/offline.js" in downloaded

    # Close every page of build 1: build 2 takes over, and build 1's cache goes.
    page.close()
    wait_until(lambda: [activated_build(w) for w in context.service_workers], lambda b: version_of(v2) in b)

    page = new_page()
    received = Received(page)
    page.goto(SITE_URL + PAGE)
    wait_ready(page)
    expect(page.locator("meta[name=ssi-test-build]")).to_have_attribute("content", "v2")
    assert page.evaluate("window.ssiTestBuild") == "v2"
    assert_all_from(received.digests(), files2, "v2")
    state = page.evaluate(SW_STATE)
    assert state["controller"] == state["active"] == version_of(v2)
    assert state["waiting"] is None
    assert state["caches"] == [PREFIX + version_of(v2)]
    with result_after(page, "interpret") as result:
        page.fill("#interpret-brand", "25")
    assert result["ok"]


def wait_until(get: Callable[[], Any], done: Callable[[Any], bool], seconds: float = 90) -> Any:
    """Poll ``get()`` until ``done`` says yes (no assertion on time: the limit only ends a stuck test)."""
    deadline = time.monotonic() + seconds
    while not done(value := get()):
        assert time.monotonic() < deadline, f"still {value!r}"
        time.sleep(0.25)
    return value


def activated_build(worker: Any) -> str | None:
    """The build a service worker holds, once it is the activated one (None before, or if it is gone)."""
    try:
        return worker.evaluate("self.serviceWorker.state === 'activated' ? BUILD.version : null")  # type: ignore[no-any-return]
    except Exception:  # noqa: BLE001  (a worker that was replaced cannot be asked)
        return None


def test_the_service_worker_is_never_cached_by_http(host: Host) -> None:
    with urllib.request.urlopen(f"http://127.0.0.1:{host.port}{BASE}sw.js") as response:
        assert response.headers["Cache-Control"] == "no-cache"
    with urllib.request.urlopen(f"http://127.0.0.1:{host.port}{BASE}javascripts/offline.js") as response:
        assert response.headers["Cache-Control"] != "no-cache"


def test_an_install_that_meets_files_of_another_build_keeps_nothing(visitor: Visitor, host: Host,
                                                                   tmp_path: Path) -> None:
    # A deployment lands between the page (and its sw.js) and the worker's downloads: build 2's files are
    # served under build 1's list.
    v2 = copy_with_a_change(SITE, tmp_path / "v2")
    mixed = tmp_path / "mixed"
    shutil.copytree(v2, mixed, copy_function=os.link)
    for name in ("sw.js", "build.json"):
        (mixed / name).unlink()
        shutil.copy2(SITE / name, mixed / name)
    host.serve(mixed)
    page = visitor.page()
    page.goto(SITE_URL + PAGE)
    wait_ready(page)  # the calculator works: the page does not depend on the offline copy
    # The install has started (the page registers the worker once idle). Playwright delivers its events only
    # while it is called, so this waits through Playwright rather than with a plain sleep.
    wait_until(lambda: page.wait_for_timeout(250) or visitor.context.service_workers, bool)
    state = wait_until(lambda: page.evaluate(SW_STATE), lambda s: s["active"] is None and not s["installing"])
    assert state["caches"] == [], "a failed install left files behind"
    assert page.evaluate("navigator.serviceWorker.getRegistration()") is None
    # The next visit, after the deployment finished, installs build 2 whole.
    host.serve(v2)
    page.reload()
    wait_ready(page)
    cached = page.evaluate(OFFLINE_CACHE_JS)
    assert cached["names"] == [PREFIX + version_of(v2)]
    assert cached["files"] == len(manifest_of(v2))


def test_offline_a_calculator_address_without_its_slash_opens_the_calculator(visitor: Visitor, host: Host) -> None:
    # D11: online the host redirects ".../track" to ".../track/"; offline the service worker does the same.
    page = visitor.page()
    install(page)
    host.stop()
    visitor.context.set_offline(True)
    try:
        page.goto(SITE_URL + "calculator/track")
        assert page.url == SITE_URL + "calculator/track/"
        expect(page.locator("article h1")).to_contain_text("Track my SSI")
        wait_ready(page)
    finally:
        visitor.context.set_offline(False)
        host.serve(SITE)


TRACK = "calculator/track/"


def another_build(site: Path, target: Path) -> Path:
    """Build C: ``site`` (hard-linked, so it is quick) with calculator.js and the track page changed, then
    stamped, given its policy and its service worker as the build does (site_build/hooks.py)."""
    shutil.copytree(site, target, copy_function=os.link)
    marker = '<meta name="ssi-test-build" content="C"></head>'
    changes: dict[str, Callable[[str], str]] = {
        TRACK + "index.html": lambda text: text.replace("</head>", marker, 1),
        "javascripts/calculator.js": lambda text: text + '\nwindow.ssiTestBuild = "C";\n',
    }
    for path, change in changes.items():
        text = (target / path).read_text(encoding="utf-8")
        (target / path).unlink()  # never write through a hard link into the first build
        (target / path).write_text(change(text), encoding="utf-8")
    build_id.stamp(target)
    csp.apply(target)
    service_worker.write_service_worker(target, development=False)
    return target


def running_build(page: Page) -> str | None:
    """The test build the page's calculator.js comes from ("C"), None for the original; None while reloading."""
    try:
        return page.evaluate("window.ssiTestBuild || null")  # type: ignore[no-any-return]
    except Error:  # the page is being replaced (its reload into the new build)
        return None


@pytest.mark.parametrize("how", ["navigation", "instant navigation"])
def test_without_the_offline_copy_a_new_deployment_never_mixes_with_the_old(
        offline_browser: Browser, host: Host, tmp_path: Path, how: str) -> None:
    # The probe's row 5.4 (D5): service workers blocked, as for a reader of the guide alone or the first moments
    # of a first visit. The FAQ is read, build C is deployed, then Track is opened.
    c = another_build(SITE, tmp_path / "c")
    files = manifest_of(c)
    built = build_id.build_id(c)
    assert built != build_id.build_id(SITE)
    host.serve(SITE)
    visitor = Visitor(offline_browser, service_workers="block")
    try:
        page = visitor.page()
        page.goto(SITE_URL + "faq/")
        page.wait_for_load_state("networkidle")  # build A's calculator.js is loaded, and in the HTTP cache
        assert running_build(page) is None
        host.serve(c)
        received = Received(page)
        if how == "navigation":
            page.goto(SITE_URL + TRACK)
        else:
            follow(page, "../calculator/track/")  # Material swaps the page in; build A's script meets C's page
        wait_until(lambda: running_build(page), lambda b: b == "C")
        page.wait_for_load_state("load")
        expect(page.locator("meta[name=ssi-test-build]")).to_have_attribute("content", "C")
        wait_ready(page)
        with result_after(page, "track") as result:
            page.locator("[data-calculator=track] form").dispatch_event("input")
        assert "ok" in result
        scripts = ("javascripts/calculator.js", "javascripts/calculator-worker.mjs", "javascripts/boot.mjs")
        got = received.digests(only=scripts)
        for path in scripts:
            assert got.get(path) == files[path], f"{path} is not build C's"
        if how == "instant navigation":  # build A's script reloaded the page into build C, once
            key = f"ssi-field-guide:build-reload:{BASE}{TRACK}"
            assert page.evaluate("(key) => sessionStorage.getItem(key)", key) == built
    finally:
        visitor.context.close()
        host.serve(SITE)
    visitor.guard.check()


def test_a_page_still_of_another_build_after_its_reload_says_so_and_does_not_start(
        offline_browser: Browser, host: Host, tmp_path: Path) -> None:
    # Were the reload to bring the old script again (a cache in between), the page must not loop nor run it.
    odd = "0123456789abcdef"
    mixed = tmp_path / "mixed"
    shutil.copytree(SITE, mixed, copy_function=os.link)
    page_file = mixed / TRACK / "index.html"
    text = re.sub(r'data-build="[0-9a-f]{16}"', f'data-build="{odd}"', page_file.read_text(encoding="utf-8"))
    page_file.unlink()
    page_file.write_text(text, encoding="utf-8")
    host.serve(mixed)
    visitor = Visitor(offline_browser, service_workers="block")
    try:
        page = visitor.page()
        loads: list[str] = []
        page.on("request", lambda r: loads.append(r.url) if r.is_navigation_request() else None)
        page.goto(SITE_URL + TRACK)
        expect(page.locator("[data-calculator=track] [data-calculator-status]")).to_have_text(STATUS["other-build"])
        assert loads == [SITE_URL + TRACK] * 2  # the page, and its one reload; then the status said why
        assert page.evaluate("performance.getEntriesByName('ssi:ready').length") == 0
    finally:
        visitor.context.close()
        host.serve(SITE)
    visitor.guard.check()
