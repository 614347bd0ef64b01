"""Phone first (issue 18): at 360 px (a small phone) and 1280 px (a laptop) no page scrolls sideways, a wide
table scrolls inside its own box that the keyboard can reach, a calculator's result stays in sight while one
of its fields has focus, its controls are at least 48 px tall, and small-screen pages are axe clean in both
colour schemes (the wide screen's axe run is in test_pages.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .conftest import SITE, built_pages, run_axe, wait_ready

PAGES = built_pages()
CALCULATOR_PAGES = [p for p in PAGES if "data-calculator=" in (SITE / p / "index.html").read_text(encoding="utf-8")]
SIZES = {360: 740, 1280: 800}

# Elements that scroll sideways but cannot be reached with the keyboard (nothing focusable in or on them).
UNREACHABLE_SCROLLERS = """() => [...document.querySelectorAll('.md-content *')].filter(el => {
  const style = getComputedStyle(el);
  if (!/(auto|scroll)/.test(style.overflowX) || el.scrollWidth <= el.clientWidth + 1) return false;
  return el.tabIndex < 0 && !el.querySelector('a[href], button, input, select, textarea, [tabindex]');
}).map(el => el.outerHTML.slice(0, 120))"""

FIELDS = ("[data-calculator] form input:not([type=hidden]):not([type=file]):not([type=checkbox]):not([type=radio]),"
          " [data-calculator] form select, [data-calculator] form textarea")

# For the focused field: is it on screen, uncovered, and is some of the result (its first lines) in sight too?
IN_SIGHT = """() => {
  const field = document.activeElement;
  const result = field.closest('[data-calculator]').querySelector('[data-calculator-result]');
  const f = field.getBoundingClientRect(), r = result.getBoundingClientRect();
  const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const visible = Math.min(r.bottom, innerHeight) - Math.max(r.top, top);
  const covered = r.top < f.bottom && r.bottom > f.top && r.left < f.right && r.right > f.left;
  return { field: f.top >= top - 1 && f.bottom <= innerHeight + 1, result: visible >= Math.min(60, r.height),
           covered, name: field.id };
}"""

SMALL_TARGETS = """() => [...document.querySelectorAll('[data-calculator] input:not([type=hidden]), '
  + '[data-calculator] select, [data-calculator] textarea, [data-calculator] button')]
  .filter(el => el.offsetParent !== null)
  .map(el => [el.id || el.textContent.trim().slice(0, 30), el.getBoundingClientRect()])
  .filter(([, r]) => r.height < 47.5 || r.width < 47.5)
  .map(([name, r]) => `${name}: ${Math.round(r.width)}×${Math.round(r.height)}`)"""


def open_at(page: Page, url: str, width: int) -> Page:
    page.set_viewport_size({"width": width, "height": SIZES[width]})
    page.goto(url)
    if page.locator("[data-calculator]:not([data-start=on-input])").count():
        wait_ready(page)
    return page


@pytest.mark.parametrize("width", list(SIZES))
@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways(guarded_page: Page, site_url: str, path: str, width: int) -> None:
    page = open_at(guarded_page, site_url + path, width)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.evaluate("innerWidth")
    assert page.evaluate(UNREACHABLE_SCROLLERS) == []


@pytest.mark.parametrize("width", list(SIZES))
@pytest.mark.parametrize("path", CALCULATOR_PAGES)
def test_the_result_is_in_sight_while_a_field_has_focus(guarded_page: Page, site_url: str, path: str,
                                                         width: int) -> None:
    page = open_at(guarded_page, site_url + path, width)
    fields = page.locator(FIELDS)
    checked = 0
    for i in range(fields.count()):
        field = fields.nth(i)
        if not field.is_visible():
            continue  # e.g. inside a closed "more options" section
        field.focus()
        page.wait_for_timeout(50)  # let a smooth scroll settle
        seen = page.evaluate(IN_SIGHT)
        assert seen["field"] and seen["result"] and not seen["covered"], seen
        checked += 1
    assert checked > 0


@pytest.mark.parametrize("path", CALCULATOR_PAGES)
def test_calculator_controls_are_big_enough_to_tap(guarded_page: Page, site_url: str, path: str) -> None:
    page = open_at(guarded_page, site_url + path, 360)
    assert page.evaluate(SMALL_TARGETS) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_small_screen_pages_are_accessible(guarded_page: Page, site_url: str, path: str, scheme: str) -> None:
    guarded_page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page = open_at(guarded_page, site_url + path, 360)
    assert run_axe(page) == []
