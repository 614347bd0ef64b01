"""The built site's pages carry a Content-Security-Policy that lets their own scripts run (issue 13), and every
page, script and calculator names one build (D5)."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from site_build import build_id, csp

from .test_built_site import SITE, html_pages

pytestmark = [
    pytest.mark.native,
    pytest.mark.skipif(not (SITE / "index.html").exists(), reason="site/ is not built (scripts/test builds it)"),
]
PAGES = html_pages()
IDS = [p.relative_to(SITE).as_posix() for p in PAGES]
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.handlers: list[str] = []
        self.javascript_urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.handlers += [f"<{tag} {name}=…>" for name in found if re.fullmatch(r"on[a-z]{3,}", name)]
        for name, value in found.items():
            # Material's search "share" link: its script replaces the address and cancels the click before anyone
            # can follow it (tests/browser/test_csp.py clicks it under the policy).
            share = found.get("data-md-component") == "search-share"
            if (value or "").strip().lower().startswith("javascript:") and not share:
                self.javascript_urls.append(f"<{tag} {name}={value}>")


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_every_page_has_one_policy_before_its_first_script(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    policies = META.findall(html)
    assert len(policies) == 1
    assert html.index("Content-Security-Policy") < html.index("<script")
    rules = dict(rule.split(" ", 1) for rule in policies[0].split("; "))
    assert rules["script-src"].startswith("'self' 'sha256-")
    assert "'unsafe-inline'" not in rules["script-src"] and "'unsafe-eval'" not in rules["script-src"]
    assert rules["connect-src"] == "'self'" and rules["default-src"] == "'self'" and rules["object-src"] == "'none'"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_every_inline_script_of_a_page_is_allowed_by_its_hash(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    allowed = META.findall(html)[0]
    scripts = csp.inline_scripts(html)
    assert scripts, "Material's inline scripts are missing: is this still a Material page?"
    assert [s[:60] for s in scripts if csp.source_hash(s) not in allowed] == []


def test_the_policy_allows_each_inline_script_of_every_page_on_every_page() -> None:
    # Instant navigation runs the next page's inline scripts under the first page's policy.
    wanted = {csp.source_hash(s) for page in PAGES for s in csp.inline_scripts(page.read_text(encoding="utf-8"))}
    policies = {META.findall(page.read_text(encoding="utf-8"))[0] for page in PAGES}
    assert len(policies) == 1
    assert all(h in next(iter(policies)) for h in wanted)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_no_page_has_inline_event_handlers_or_javascript_urls(page: Path) -> None:
    tags = Tags()
    tags.feed(page.read_text(encoding="utf-8"))
    assert tags.handlers == []
    assert tags.javascript_urls == []


def test_application_json_is_not_taken_for_a_script() -> None:
    page = '<script id="__config" type="application/json">{}</script><script>x()</script>'
    assert csp.inline_scripts(page) == ["x()"]


# --- one build (D5) ---

def stamped_build() -> str:
    found = re.search(r'const BUILD_ID = "([0-9a-f]{16})";', (SITE / "javascripts/calculator.js").read_text())
    assert found, "calculator.js carries no build id"
    return found.group(1)


def test_the_scripts_and_the_worker_carry_the_build_they_were_built_with() -> None:
    build = stamped_build()
    assert build == build_id.build_id(SITE)  # the id is the site's own files', stamps taken out
    assert f'const BUILD_ID = "{build}";' in (SITE / "javascripts/calculator-worker.mjs").read_text()
    for module in (SITE / "javascripts").glob("*.mjs"):
        named = re.findall(r'(?:from |import\(|new URL\()"(?:\./)?([\w-]+\.mjs)([^"]*)"', module.read_text())
        ours = [(name, query) for name, query in named if (SITE / "javascripts" / name).is_file()]
        assert all(query == f"?v={build}" for _, query in ours), module.name


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_every_reference_to_our_scripts_and_styles_names_the_build(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    build = stamped_build()
    ours = re.findall(r'"(?:[^"]*/)?((?:javascripts|stylesheets)/[\w.-]+)(\?[^"]*)?"', html)
    ours = [(path, query) for path, query in ours if (SITE / path).is_file() and not path.startswith("assets/")]
    assert ours, "no script of ours on the page"
    assert [path for path, query in ours if not query.startswith(f"?v={build}")] == []
    calculators = re.findall(r"<div [^>]*data-calculator=[^>]*>", html)
    assert all(f'data-build="{build}"' in tag for tag in calculators)


def test_stamping_a_changed_copy_gives_a_new_build_and_stamping_twice_changes_nothing(tmp_path: Path) -> None:
    copy = tmp_path / "site"
    for folder in ("javascripts", "stylesheets"):
        shutil.copytree(SITE / folder, copy / folder)
    shutil.copy2(SITE / "index.html", copy / "index.html")
    (copy / "pyodide").mkdir()
    shutil.copy2(SITE / build_id.LOCKFILE, copy / build_id.LOCKFILE)
    assert build_id.stamp(copy) == stamped_build()
    (copy / "javascripts/calculator.js").write_text((copy / "javascripts/calculator.js").read_text() + "\n// changed\n")
    changed = build_id.stamp(copy)
    assert changed != stamped_build()
    before = {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    assert build_id.stamp(copy) == changed
    assert {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()} == before
    assert f"calculator.js?v={changed}" in (copy / "index.html").read_text()
