"""The built site (site/): links and anchors resolve, nothing points off-site, the runtime and wheel check out."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, parse_qsl, unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("SSI_SITE_DIR", ROOT / "site"))
SHARED = ROOT.parent / "shared"

pytestmark = [
    pytest.mark.native,
    pytest.mark.skipif(not (SITE / "index.html").exists(), reason="site/ is not built (scripts/test builds it)"),
]


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []  # what the browser fetches by itself
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            self.resources.append(a["src"])
        if tag == "link" and a.get("rel", "") not in ("canonical", "alternate") and "href" in a:
            self.resources.append(a["href"])
        if tag == "meta" and ("name" in a or "property" in a):
            self.meta[a.get("name") or a["property"]] = a.get("content", "")


@cache
def parsed(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def html_pages() -> list[Path]:
    return sorted(p for p in SITE.rglob("*.html") if "pyodide" not in p.parts)


def target_of(page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link leads to; None for links that leave the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    resolved = Path(os.path.normpath(page.parent / unquote(parts.path)))
    if resolved.is_dir() or parts.path.endswith("/"):
        resolved = resolved / "index.html"
    return resolved, unquote(parts.fragment)


@pytest.mark.parametrize("page", html_pages(), ids=lambda p: p.relative_to(SITE).as_posix())
def test_every_internal_link_and_anchor_resolves(page: Path) -> None:
    if page.name == "404.html":
        pytest.skip("the 404 page links from the site root, wherever it is shown")
    broken = []
    for href in parsed(page).links:
        target = target_of(page, href)
        if target is None:
            continue
        file, fragment = target
        if not file.exists():
            broken.append(f"{href}: no such file")
        elif "=" in fragment:
            # A calculator's shared values (#name=value&…), not an anchor: the field ids are checked instead.
            ids = parsed(file).ids
            broken += [f"{href}: no field {name}" for name, _ in parse_qsl(fragment, keep_blank_values=True)
                       if not any(i.endswith("-" + name.rsplit(".", 1)[-1]) for i in ids)]
        elif fragment and file.suffix == ".html" and fragment not in parsed(file).ids:
            broken.append(f"{href}: no anchor #{fragment}")
    assert broken == []


@pytest.mark.parametrize("page", html_pages(), ids=lambda p: p.relative_to(SITE).as_posix())
def test_no_table_is_boxed_twice(page: Path) -> None:
    # One keyboard stop and one named region per table: the build's box or Python's, never both.
    html = page.read_text(encoding="utf-8")
    assert not re.search(r'<div class="ssi-(?:table-)?scroll"[^>]*>\s*<div class="ssi-(?:table-)?scroll"', html)


@pytest.mark.parametrize("page", html_pages(), ids=lambda p: p.relative_to(SITE).as_posix())
def test_nothing_is_fetched_from_another_host(page: Path) -> None:
    foreign = [r for r in parsed(page).resources if urlsplit(r).scheme or r.startswith("//")]
    assert foreign == []


def test_no_stylesheet_or_script_names_a_third_party_host() -> None:
    pattern = re.compile(r"https?://(fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg|cdnjs)")
    offenders = [p.relative_to(SITE).as_posix() for p in SITE.rglob("*")
                 if p.suffix in (".css", ".html") and pattern.search(p.read_text(encoding="utf-8", errors="ignore"))]
    assert offenders == []


@pytest.mark.parametrize("page", [p for p in html_pages() if p.name == "index.html"],
                         ids=lambda p: p.relative_to(SITE).as_posix())
def test_every_page_has_a_description_social_meta_and_a_last_updated_date(page: Path) -> None:
    meta = parsed(page).meta
    assert meta.get("description")
    assert meta.get("og:title") and meta.get("og:description")
    assert re.search(r"Last updated: <time datetime=\"\d{4}-\d\d-\d\d\"", page.read_text(encoding="utf-8"))


def test_the_served_wheel_matches_its_lockfile_sha256() -> None:
    lock = json.loads((SITE / "pyodide" / "pyodide-lock.json").read_text())
    entry = lock["packages"]["ssi-calculator"]
    wheel = SITE / "pyodide" / entry["file_name"]
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == entry["sha256"]
    assert entry["imports"] == ["calculator"]


def test_the_runtime_is_the_pinned_npm_package() -> None:
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    npm = ROOT / "node_modules" / "pyodide"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert (SITE / "pyodide" / name).read_bytes() == (npm / name).read_bytes()
    assert json.loads((SITE / "pyodide" / "version.json").read_text())["pyodide"] == pinned


def test_calculator_pages_carry_a_result_rendered_at_build_time() -> None:
    html = (SITE / "calculator" / "interpret" / "index.html").read_text(encoding="utf-8")
    assert 'data-calculator="interpret"' in html
    assert '<span class="ssi-total__value">53</span>' in html


def test_guide_pages_do_not_mention_pyodide() -> None:
    for page in ("faq/index.html", "basics/what-is-ssi/index.html"):
        html = (SITE / page).read_text(encoding="utf-8")
        assert "data-calculator=" not in html and "/pyodide/" not in html


def test_the_home_page_calculator_waits_for_the_visitor() -> None:
    html = (SITE / "index.html").read_text(encoding="utf-8")
    assert 'data-calculator="quick"' in html and 'data-start="on-input"' in html
    assert "ssiEarlyWorker" not in html and "/pyodide/" not in html  # no worker started from the page head
    assert "The calculator starts when you type." in html


@pytest.mark.skipif(not (SHARED / "tools" / "seed_overlap.py").exists(), reason="needs ../shared (not in a clone)")
def test_no_page_copies_a_source_article() -> None:
    done = subprocess.run([sys.executable, str(SHARED / "tools" / "seed_overlap.py"), str(ROOT / "docs")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout


def test_the_pages_workflow_builds_with_the_same_script() -> None:
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text()
    assert "run: scripts/build" in workflow
    assert "actions/deploy-pages" in workflow and "actions/upload-pages-artifact" in workflow


def test_links_inside_the_site_are_relative() -> None:
    absolute = []
    for page in html_pages():
        if page.name == "404.html":
            continue
        absolute += [f"{page.relative_to(SITE)}: {h}" for h in parsed(page).links if h.startswith("/")]
    assert absolute == []


def test_the_snapshot_was_made_from_the_served_runtime_and_wheel() -> None:
    meta = json.loads((SITE / "pyodide" / "snapshot.json").read_text())
    lock = json.loads((SITE / "pyodide" / "pyodide-lock.json").read_text())
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    assert meta["pyodide"] == pinned
    assert meta["wheel_sha256"] == lock["packages"]["ssi-calculator"]["sha256"]
    snapshot = SITE / "pyodide" / meta["file"]
    assert snapshot.stat().st_size == meta["gz_bytes"]
    assert meta["raw_bytes"] <= 32 * 1024 * 1024  # past ~30 MiB of heap a snapshot no longer restores


def test_the_snapshot_file_holds_exactly_the_pages_its_description_places() -> None:
    meta = json.loads((SITE / "pyodide" / "snapshot.json").read_text())
    kept = gzip.decompress((SITE / "pyodide" / meta["file"]).read_bytes())
    pages, page_bytes, raw = meta["runs"], meta["page_bytes"], meta["raw_bytes"]
    assert page_bytes == 65536  # one WebAssembly page
    ends = [(first + count) * page_bytes for first, count in pages]
    assert all(first * page_bytes >= end for (first, _), end in zip(pages[1:], ends[:-1], strict=True))  # in order
    placed = sum(min(count * page_bytes, raw - first * page_bytes) for first, count in pages)
    assert len(kept) == placed < raw  # the zero pages were left out
    assert kept[:4] == b"\x00snp"  # Pyodide's snapshot header comes first (page 0 is never all zeros)


SEARCH_WORKER = re.compile(r'"search": "([^"]*)"')


@pytest.mark.parametrize("page", html_pages(), ids=lambda p: p.relative_to(SITE).as_posix())
def test_material_search_starts_through_the_late_worker(page: Path) -> None:
    """Every page hands Material the late-starting search worker, naming Material's own worker, which exists."""
    found = SEARCH_WORKER.search(page.read_text(encoding="utf-8"))
    assert found, "no search worker in the page's configuration"
    url = urlsplit(found.group(1))
    assert url.path.endswith("javascripts/search-worker-late.js")
    material = parse_qs(url.query)["material"][0]  # beside the build's ?v= (site_build/build_id.py)
    assert re.fullmatch(r"search\.[0-9a-f]+\.min\.js", material)
    assert (SITE / "assets/javascripts/workers" / material).is_file()
