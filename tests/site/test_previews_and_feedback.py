"""Link previews, the sitemap's dates, the way back to the repository, and the Material features we turned on."""

from __future__ import annotations

import re
import struct
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import pytest

from .test_built_site import ROOT, SITE, html_pages, parsed

pytestmark = [
    pytest.mark.native,
    pytest.mark.skipif(not (SITE / "index.html").exists(), reason="site/ is not built (scripts/test builds it)"),
]

CONTENT_PAGES = [p for p in html_pages() if p.name == "index.html"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def site_url() -> str:
    """The address the site was built for, read back from the home page's canonical link."""
    found = re.search(r'<link rel="canonical" href="([^"]+)"', text(SITE / "index.html"))
    assert found
    return found.group(1)


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


@pytest.mark.parametrize("page", CONTENT_PAGES, ids=lambda p: p.relative_to(SITE).as_posix())
def test_every_page_has_a_large_link_preview_with_alt_text(page: Path) -> None:
    meta = parsed(page).meta
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:image"] == meta["twitter:image"] == site_url() + "assets/social-card.png"
    assert len(meta["og:image:alt"]) > 40 and meta["og:image:alt"] == meta["twitter:image:alt"]
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:url"].startswith(site_url())
    assert meta["og:title"] and meta["og:description"]
    # A quote in a description must not end the attribute early (Material writes its own description unescaped).
    assert meta["og:description"] == meta["twitter:description"] == meta["description"]
    assert meta["description"].rstrip().endswith((".", "?", ")")), meta["description"]


def test_the_preview_picture_is_ours_and_the_size_previews_want() -> None:
    assert png_size(SITE / "assets" / "social-card.png") == (1200, 630)
    source = (ROOT / "docs" / "assets" / "social-card.svg").read_text(encoding="utf-8")
    assert 'width="1200" height="630"' in source and "<desc>" in source
    assert "href=" not in source  # draws nothing from elsewhere


def test_the_sitemap_dates_each_page_as_the_page_itself_does() -> None:
    root = ElementTree.parse(SITE / "sitemap.xml").getroot()
    base, checked = site_url(), 0
    for url in root.iter(f"{SITEMAP}url"):
        loc, lastmod = url.findtext(f"{SITEMAP}loc", ""), url.findtext(f"{SITEMAP}lastmod", "")
        assert loc.startswith(base)
        page = SITE / loc[len(base):] / "index.html"
        shown = re.search(r'Last updated: <time datetime="([\d-]+)"', text(page))
        assert shown and shown.group(1) == lastmod, loc
        checked += 1
    assert checked == len(CONTENT_PAGES)


@pytest.mark.parametrize("page", CONTENT_PAGES, ids=lambda p: p.relative_to(SITE).as_posix())
def test_every_page_offers_a_report_link_naming_itself(page: Path) -> None:
    links = re.findall(r'<p class="ssi-report"><a href="([^"]+)">Report a problem with this page</a>', text(page))
    assert len(links) == 1
    parts = urlsplit(links[0].replace("&amp;", "&"))
    assert parts.scheme == "https" and parts.path.endswith("/issues/new")
    query = parse_qs(parts.query)
    assert query["body"][0].startswith("Page: " + parsed(page).meta["og:url"] + "\n")
    assert query["title"][0].startswith("Problem on the page: ")


def test_the_not_found_page_offers_a_report_link_too() -> None:
    link = r'<a href="https://[^"]+/issues/new\?title=[^"]+">Report a broken link</a>'
    assert re.search(link, text(SITE / "404.html"))


def test_no_page_names_a_repository_material_would_query() -> None:
    # repo_url makes Material fetch the repository's stars and forks from api.github.com on every page.
    for page in html_pages():
        assert "md-source" not in text(page), page


def test_the_breadcrumb_is_labelled_apart_from_the_main_navigation() -> None:
    html = text(SITE / "basics" / "what-is-ssi" / "index.html")
    assert '<nav class="md-path" aria-label="Breadcrumb"' in html
    assert re.search(r'<nav class="md-nav md-nav--primary[^"]*" aria-label="Navigation"', html)


def test_the_breadcrumb_override_differs_from_materials_partial_only_in_its_label() -> None:
    material = pytest.importorskip("material")
    upstream = (Path(material.__file__).parent / "templates" / "partials" / "path.html").read_text().splitlines()
    ours = (ROOT / "overrides" / "partials" / "path.html").read_text().splitlines()
    strip = lambda lines: lines[lines.index("-#}") + 1:]  # noqa: E731 - the header comments differ on purpose
    changed = [(a, b) for a, b in zip(strip(upstream), strip(ours), strict=True) if a != b]
    assert changed == [('  <nav class="md-path" aria-label="{{ lang.t(\'nav\') }}" {{ hidden }}>',
                        '  <nav class="md-path" aria-label="Breadcrumb" {{ hidden }}>')]


def test_the_colour_toggle_can_follow_the_system() -> None:
    html = text(SITE / "index.html")
    media = re.findall(r'data-md-color-media="([^"]+)"', html)
    assert media == ["(prefers-color-scheme)", "(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"]


def test_the_changelog_page_carries_the_changelog() -> None:
    html = text(SITE / "changelog" / "index.html")
    first = next(line for line in (ROOT / "CHANGELOG.md").read_text().splitlines()[1:] if line.strip())
    assert first.split()[0] in html and "2026-11-23: first version" in html


def test_the_footer_states_both_licences() -> None:
    footer = text(SITE / "index.html")
    assert "Text under CC BY 4.0, code under the MIT" in footer
    licence = (ROOT / "LICENSE").read_text()
    assert "MIT License" in licence and "CC BY 4.0" in licence
