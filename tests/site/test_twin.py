"""The plain Material twin (site_build/benchmarks/twin.py): the yardstick of the Lighthouse benchmark.

It must hold every page of ours at the same address (a page is compared with its own text), keep the home page
and the FAQ the two-page twin issue 18 defines (only they in its navigation and search), and carry nothing of
ours (a twin with our scripts would hide their cost).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from site_build.benchmarks.lighthouse import pages
from site_build.benchmarks.twin import build_twin

pytestmark = pytest.mark.native


@cache
def twin_site() -> Path:
    import tempfile

    return build_twin(Path(tempfile.mkdtemp(prefix="ssi-twin-test-")))


@pytest.mark.parametrize("name", sorted(pages()))
def test_every_page_of_ours_is_on_the_twin_at_the_same_address(name: str) -> None:
    path = pages()[name]
    assert (twin_site() / path / "index.html").is_file()


def test_the_twin_searches_and_lists_only_the_home_page_and_the_faq() -> None:
    index = json.loads((twin_site() / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {doc["location"].split("#")[0] for doc in index["docs"]} == {"", "faq/"}
    # The site menu's page links (a page's own headings there are "#…"): the same two on every page.
    for page, links in [("index.html", {".", "faq/"}), ("sources/index.html", {"..", "../faq/"})]:
        html = (twin_site() / page).read_text(encoding="utf-8")
        assert set(re.findall(r'<a href="([^"#]*)" class="md-nav__link', html)) == links


def test_the_twin_renders_our_text_with_its_included_parts() -> None:
    home = (twin_site() / "index.html").read_text(encoding="utf-8")
    assert "--8&lt;--" not in home and "8<--" not in home  # the trust labels are included, as on our site


@pytest.mark.parametrize("ours", ["site.css", "tooltips.js", "calculator.js", "search-start.js", "data-calculator"])
def test_no_twin_page_carries_anything_of_ours(ours: str) -> None:
    assert not [p for p in twin_site().rglob("*.html") if ours in p.read_text(encoding="utf-8")]
