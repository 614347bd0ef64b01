"""Long pages (issue 18): a phone lays out and paints only the blocks near the screen (site.css,
content-visibility), and a reader sees no difference: every block renders as it comes into view, at the height it
has without the rule, a link to a heading far down lands on that heading, and printing shows the whole page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .conftest import EVERY_BLOCK, built_pages, run_axe, scroll_through

LONG_PAGES = ["evidence/claims-checked/", "sources/", "basics/what-is-ssi/", "calculator/methodology/", ""]
BLOCKS = ".md-content .md-typeset > [data-ssi-later]"
# For each block: is its content rendered now (not skipped by content-visibility: auto)?
RENDERED = (f"() => [...document.querySelectorAll('{BLOCKS}')]"
            ".map(e => (e.firstElementChild ?? e).checkVisibility({ contentVisibilityAuto: true }))")
HEIGHTS = f"() => [...document.querySelectorAll('{BLOCKS}')].map(e => Math.round(e.getBoundingClientRect().height))"


def test_a_block_far_down_is_rendered_once_scrolled_to(guarded_page: Page, site_url: str) -> None:
    page = guarded_page
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "evidence/claims-checked/")
    on_arrival = page.evaluate(RENDERED)
    assert on_arrival[0] and not on_arrival[-1]  # the first marked block is rendered, the last is not yet
    page.evaluate(f"document.querySelectorAll('{BLOCKS}')[{len(on_arrival) - 1}].scrollIntoView()")
    page.wait_for_timeout(100)
    assert page.evaluate(RENDERED)[-1]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", LONG_PAGES)
def test_every_block_has_the_height_it_has_without_the_rule(guarded_page: Page, site_url: str, path: str,
                                                             width: int) -> None:
    page = guarded_page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + path)
    scroll_through(page)
    seen = page.evaluate(HEIGHTS)
    page.add_style_tag(content=EVERY_BLOCK)
    assert seen == page.evaluate(HEIGHTS)


@pytest.mark.parametrize("width", [360, 1280])
def test_a_link_to_a_heading_far_down_lands_on_it(guarded_page: Page, site_url: str, width: int) -> None:
    page = guarded_page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "evidence/claims-checked/#how-we-grade")
    page.wait_for_timeout(500)  # Material's start and the blocks around the heading rendering
    top = page.evaluate("document.getElementById('how-we-grade').getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header - 2 <= top <= header + 80


def test_printing_shows_every_block(guarded_page: Page, site_url: str) -> None:
    page = guarded_page
    page.goto(site_url + "evidence/claims-checked/")
    page.emulate_media(media="print")
    rules = page.evaluate(f"() => [...document.querySelectorAll('{BLOCKS}')]"
                          ".map(e => getComputedStyle(e).contentVisibility)")
    assert rules and set(rules) == {"visible"}


# Lighthouse's phone and desktop screens. An accessibility checker measures the blocks not yet rendered too: if
# one stood in shorter than its content, that content would seem to lie over the dark footer (axe-core #2768).
@pytest.mark.parametrize("size", [(412, 823), (1350, 940)])
@pytest.mark.parametrize("path", built_pages())
def test_an_accessibility_check_on_arrival_finds_nothing(guarded_page: Page, site_url: str, path: str,
                                                         size: tuple[int, int]) -> None:
    page = guarded_page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(site_url + path)
    assert run_axe(page, whole_page=False) == []
