"""site_build/service_worker.py: the manifest and version that name a build, and the service worker made of them."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from site_build import service_worker
from site_build.testing import SITE

pytestmark = pytest.mark.native


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A small built site, with the kinds of files a real one has."""
    root = tmp_path / "site"
    for path, text in {
        "index.html": "<h1>Home</h1>",
        "404.html": "not found",
        "faq/index.html": "<h1>FAQ</h1>",
        "assets/javascripts/bundle.min.js": "x()",
        "assets/javascripts/bundle.min.js.map": "{}",
        "pyodide/pyodide.asm.wasm": "\0asm",
        ".nojekyll": "",
    }.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
    return root


def written(site: Path) -> tuple[str, dict[str, str], str]:
    """Write the worker; return the version, the manifest embedded in sw.js, and sw.js."""
    version = service_worker.write_service_worker(site, development=False)
    sw = (site / "sw.js").read_text()
    build = json.loads(re.search(r"^const BUILD = (\{.*\});", sw, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert build["version"] == version
    return version, build["files"], sw


def test_the_manifest_lists_every_file_a_browser_fetches(site: Path) -> None:
    version, files, _ = written(site)
    assert sorted(files) == ["404.html", "assets/javascripts/bundle.min.js", "faq/index.html", "index.html",
                             "pyodide/pyodide.asm.wasm"]
    assert files["index.html"] == hashlib.sha256(b"<h1>Home</h1>").hexdigest()
    assert json.loads((site / "build.json").read_text()) == {"version": version}


def test_the_version_is_stable_and_changes_with_any_file(site: Path) -> None:
    first, _, sw = written(site)
    again, _, sw_again = written(site)  # sw.js and build.json themselves do not count
    assert (first, sw) == (again, sw_again)
    (site / "faq" / "index.html").write_text("<h1>FAQ</h1> edited")
    edited, files, _ = written(site)
    assert edited != first
    assert files["faq/index.html"] == service_worker.manifest(site)["faq/index.html"]
    (site / "faq" / "new.html").write_text("")
    assert written(site)[0] not in (first, edited)


def test_the_worker_holds_no_address_so_it_works_under_any_sub_path(site: Path) -> None:
    _, _, sw = written(site)
    assert not re.search(r"https?://|[\"'`]/\w", sw), "an absolute URL in sw.js"
    code = "\n".join(line for line in sw.splitlines() if not line.lstrip().startswith("//"))
    assert "skipWaiting" not in code, "an open page must keep its build"
    assert "clients.claim" not in code


def test_a_file_name_that_needs_escaping_is_listed_as_its_url(site: Path) -> None:
    (site / "a page.html").write_text("x")
    assert "a%20page.html" in service_worker.manifest(site)


def test_the_development_server_gets_a_worker_that_removes_itself(site: Path) -> None:
    written(site)
    assert service_worker.write_service_worker(site, development=True) == ""
    sw = (site / "sw.js").read_text()
    assert "unregister()" in sw
    assert "BUILD" not in sw
    assert not (site / "build.json").exists()


def test_a_hard_linked_copy_keeps_its_own_worker(site: Path, tmp_path: Path) -> None:
    written(site)
    copy = tmp_path / "copy"
    shutil.copytree(site, copy, copy_function=lambda s, d: Path(d).hardlink_to(s))
    (copy / "index.html").unlink()
    (copy / "index.html").write_text("<h1>Home v2</h1>")
    assert written(copy)[0] != written(site)[0]
    assert (site / "sw.js").read_text() != (copy / "sw.js").read_text()


def test_the_worker_source_is_valid_javascript(site: Path) -> None:
    written(site)
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed")
    subprocess.run([node, "--check", str(site / "sw.js")], check=True)


@pytest.mark.skipif(not (SITE / "sw.js").exists(), reason="site/ is not built with its service worker")
def test_the_built_site_names_its_build_consistently() -> None:
    build = json.loads((SITE / "build.json").read_text())["version"]
    files = service_worker.manifest(SITE)
    assert service_worker.version(files) == build, "site/ changed after sw.js was written"
    assert "sw.js" not in files
    assert "calculator/interpret/index.html" in files
    assert any(p.startswith("pyodide/") and p.endswith(".wasm") for p in files)
    assert "javascripts/offline.js" in files
    assert not (SITE / "javascripts" / "sw-template.js").exists()
