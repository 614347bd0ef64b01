"""The plain Material twin (site_build/benchmarks/twin.py): the yardstick of the Lighthouse benchmark.

Its home page and FAQ must stay the two-page twin issue 18 defines; another page of ours, when asked for, is its
own content on plain Material at the same address (with the forms and tables our build generates into it, so
that the comparison shows what our scripts and theme add, not what the page is for), in a menu as small as the
twin's; and no twin page carries our scripts or styles (a twin with them would hide their cost).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from site_build.benchmarks.lighthouse import pages
from site_build.benchmarks.twin import DOCS, build_twin, source_of
from site_build.testing import SITE

pytestmark = pytest.mark.native
ALSO = ["basics/what-is-ssi/", "calculator/interpret/", "pillars/"]


@pytest.fixture(scope="module")
def twin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_twin(tmp_path_factory.mktemp("twin"), also=ALSO)


def menu(html: str) -> set[str]:
    """The site menu's page links (a page's own headings there are "#…")."""
    return set(re.findall(r'<a href="([^"#]*)" class="md-nav__link', html))


@pytest.mark.parametrize("path", sorted(pages().values()))
def test_every_page_of_ours_has_its_markdown(path: str) -> None:
    assert (DOCS / source_of(path)).is_file()


def test_the_home_page_and_the_faq_are_the_two_page_twin(twin_site: Path) -> None:
    index = json.loads((twin_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {doc["location"].split("#")[0] for doc in index["docs"]} == {"", "faq/"}
    assert menu((twin_site / "index.html").read_text(encoding="utf-8")) == {".", "faq/"}
    assert menu((twin_site / "faq" / "index.html").read_text(encoding="utf-8")) == {"..", "./"}


@pytest.mark.parametrize("path", ALSO)
def test_another_page_is_its_own_content_third_in_the_menu(twin_site: Path, path: str) -> None:
    html = (twin_site / path / "index.html").read_text(encoding="utf-8")
    up = "../" * path.count("/")
    assert menu(html) == {up.rstrip("/"), f"{up}faq/", "./"}
    assert html.count('data-md-component="toc"') == 2  # in the menu too, as on our pages
    ours = (SITE / path / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<h1[^>]*>(.*?)<", ours)
    assert title and title.group(1) in html


def test_the_twin_renders_our_text_with_its_included_parts(twin_site: Path) -> None:
    home = (twin_site / "index.html").read_text(encoding="utf-8")
    assert "--8&lt;--" not in home and "8<--" not in home  # the trust labels are included, as on our site


def form_fields(html: str) -> list[str]:
    form = re.search(r'<form class="ssi-form".*?</form>', html, re.DOTALL)
    return sorted(re.findall(r'\sname="([^"]+)"', form.group(0))) if form else []


def test_a_calculator_page_keeps_its_form_example_result_and_model(twin_site: Path) -> None:
    twin = (twin_site / "calculator" / "interpret" / "index.html").read_text(encoding="utf-8")
    ours = (SITE / "calculator" / "interpret" / "index.html").read_text(encoding="utf-8")
    assert form_fields(twin) == form_fields(ours) != []
    assert 'class="ssi-result' in twin
    assert "<!-- calculator" not in twin  # the model's description is written out, not left as a mark
    assert twin.count("<table") >= 2


@pytest.mark.parametrize("path", ["", "faq/"])
def test_the_two_page_twin_has_no_calculator(twin_site: Path, path: str) -> None:
    assert "data-calculator" not in (twin_site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("ours", ["site.css", "team.css", "tooltips.js", "calculator.js", "search-start.js"])
def test_no_twin_page_carries_our_scripts_or_styles(twin_site: Path, ours: str) -> None:
    assert not [p for p in twin_site.rglob("*.html") if ours in p.read_text(encoding="utf-8")]
