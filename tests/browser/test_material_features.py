"""Material features readers use: the three-state colour toggle, tooltips, breadcrumbs, search sharing."""

import pytest
from playwright.sync_api import Page, expect

from .conftest import run_axe


def scheme(page: Page) -> str | None:
    return page.locator("body").get_attribute("data-md-color-scheme")


def toggle(page: Page, to: int) -> None:
    """Click the header's colour button that switches to palette ``to`` (0 system, 1 light, 2 dark)."""
    page.locator(f'label.md-header__button[for="__palette_{to}"]').click()


def test_the_colour_toggle_goes_light_dark_then_back_to_the_system(guarded_page: Page, site_url: str) -> None:
    guarded_page.emulate_media(color_scheme="dark")
    guarded_page.goto(site_url + "faq/")
    expect(guarded_page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")  # follows the system
    toggle(guarded_page, 1)
    expect(guarded_page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    assert run_axe(guarded_page) == []  # light chosen against a dark system
    toggle(guarded_page, 2)
    expect(guarded_page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    toggle(guarded_page, 0)
    guarded_page.emulate_media(color_scheme="light")  # the system changes its mind; the page follows it again
    expect(guarded_page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    guarded_page.reload()  # and the choice is kept
    expect(guarded_page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    expect(guarded_page.locator('label.md-header__button[for="__palette_1"]')).to_be_visible()
    assert scheme(guarded_page) == "default"


def test_the_colour_scheme_is_kept_only_once_chosen(guarded_page: Page, site_url: str) -> None:
    """The toggle stores a choice, not the scheme each page shows (issue 18: the site's own toggle)."""
    guarded_page.emulate_media(color_scheme="dark")
    guarded_page.goto(site_url + "faq/")
    expect(guarded_page.locator('meta[name="color-scheme"]')).to_have_attribute("content", "dark")
    assert guarded_page.evaluate("Object.keys(localStorage)") == []
    toggle(guarded_page, 1)
    expect(guarded_page.locator('meta[name="color-scheme"]')).to_have_attribute("content", "light")
    stored = guarded_page.evaluate("JSON.parse(localStorage.getItem('/ssi-field-guide/.__palette'))")
    assert stored["index"] == 1 and stored["color"]["scheme"] == "default"
    expect(guarded_page.locator('meta[name="theme-color"]')).to_have_attribute("content", "#4051b5")
    guarded_page.get_by_role("link", name="Sources").first.click()  # instant navigation keeps the choice
    expect(guarded_page.locator("h1")).to_contain_text("Sources")
    assert scheme(guarded_page) == "default"
    expect(guarded_page.locator('label.md-header__button[for="__palette_2"]')).to_be_visible()


def test_the_colour_toggle_works_by_keyboard(guarded_page: Page, site_url: str) -> None:
    guarded_page.emulate_media(color_scheme="light")
    guarded_page.goto(site_url + "faq/")
    guarded_page.locator("#__palette_0").focus()
    guarded_page.keyboard.press("Enter")  # system -> light, as Material's toggle does
    guarded_page.keyboard.press("Enter")  # light -> dark
    expect(guarded_page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(guarded_page.locator("#__palette_2")).to_be_focused()
    guarded_page.reload()
    expect(guarded_page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


@pytest.mark.parametrize("saved", ["not json", '{"index": 1.5}', '{"index": "dark"}'])
def test_a_corrupt_saved_colour_choice_leaves_a_working_toggle(guarded_page: Page, site_url: str, saved: str) -> None:
    guarded_page.emulate_media(color_scheme="light")
    guarded_page.goto(site_url + "faq/")
    guarded_page.evaluate("saved => localStorage.setItem('/ssi-field-guide/.__palette', saved)", saved)
    guarded_page.reload()
    assert scheme(guarded_page) == "default"  # follows the system, as with no choice
    toggle(guarded_page, 1)
    toggle(guarded_page, 2)
    expect(guarded_page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def test_pointing_at_a_footnote_shows_its_text(guarded_page: Page, site_url: str) -> None:
    guarded_page.goto(site_url + "faq/")
    ref = guarded_page.locator("a.footnote-ref").first
    target = (ref.get_attribute("href") or "").rsplit("#", 1)[-1]
    words = guarded_page.locator(f'[id="{target}"] p').first.inner_text().split()[:4]
    ref.hover()
    tooltip = guarded_page.locator(".md-tooltip2").filter(has_text=" ".join(words))
    expect(tooltip).to_be_visible()
    assert guarded_page.url.endswith("faq/")  # read in place: the page did not jump to the notes


def test_a_footnote_preview_opens_by_keyboard_and_escape_closes_it(guarded_page: Page, site_url: str) -> None:
    guarded_page.goto(site_url + "faq/")
    ref = guarded_page.locator("a.footnote-ref").first
    ref.focus()
    preview = guarded_page.get_by_role("dialog", name=f"Footnote {ref.inner_text().strip()}")
    expect(preview).to_be_visible()
    expect(ref).to_have_attribute("aria-controls", "ssi-tooltip")
    assert run_axe(guarded_page) == []
    guarded_page.keyboard.press("Escape")
    expect(preview).to_have_count(0)
    expect(ref).to_be_focused()  # dismissed, not moved away from


def test_pointing_at_an_abbreviation_explains_it_once(guarded_page: Page, site_url: str) -> None:
    """Our tooltip shows the explanation; the browser's own one (from ``title``) does not show over it."""
    guarded_page.goto(site_url + "faq/")
    abbr = guarded_page.locator(".md-content abbr").first  # not [title]: the script moves it while shown
    meaning = abbr.get_attribute("title") or ""
    abbr.hover()
    tooltip = guarded_page.get_by_role("tooltip")
    expect(tooltip).to_have_text(meaning)
    expect(abbr).not_to_have_attribute("title", meaning)
    expect(abbr).to_have_attribute("aria-describedby", "ssi-tooltip")
    box, tip = abbr.bounding_box(), tooltip.bounding_box()
    assert box and tip and tip["y"] >= box["y"] + box["height"]  # below the word, not over it
    guarded_page.mouse.move(0, 0)
    expect(tooltip).to_have_count(0)
    expect(abbr).to_have_attribute("title", meaning)  # kept for the next time and for readers without scripts


def test_no_tooltip_is_made_before_a_reader_asks_for_one(guarded_page: Page, site_url: str) -> None:
    """Issue 18: tooltips cost nothing at start-up (Material's made one per abbreviation and footnote)."""
    guarded_page.goto(site_url + "faq/")
    guarded_page.wait_for_load_state("load")
    assert guarded_page.locator(".md-content abbr[title]").count() > 0
    expect(guarded_page.locator(".md-tooltip2")).to_have_count(0)


# Every write to an address in the head once the page's body exists (our observer sees all of them).
LATE_HEAD_WRITES = """
window.__lateHeadWrites = [];
new MutationObserver(records => {
  for (const r of records) if (document.body && r.target.closest("head")) __lateHeadWrites.push(r.target.outerHTML);
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["href", "src"]});
"""


def test_the_stylesheets_are_applied_once_as_the_page_starts(guarded_page: Page, site_url: str) -> None:
    """Issue 18: instant navigation makes the head's addresses absolute as it starts, and a stylesheet whose address
    changes restyles the whole page; the page does that before its body exists, leaving Material nothing to do."""
    guarded_page.add_init_script(LATE_HEAD_WRITES)
    guarded_page.goto(site_url + "faq/")
    guarded_page.wait_for_load_state("load")
    guarded_page.wait_for_function("document.body.dataset.mdColorScheme !== undefined")
    assert guarded_page.evaluate("window.__lateHeadWrites") == []
    hrefs = guarded_page.evaluate(
        "[...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.getAttribute('href'))")
    assert hrefs and all(h.startswith(site_url) for h in hrefs)
    # Instant navigation still keeps the shared sheets and adds a page's own: the team view is styled.
    guarded_page.get_by_role("link", name="Calculators").first.click()
    guarded_page.get_by_role("link", name="Team view").first.click()
    expect(guarded_page.locator('link[rel=stylesheet][href*="stylesheets/team.css"]')).to_have_count(1)
    expect(guarded_page.locator('link[rel=stylesheet][href*="main."]')).to_have_count(1)


def test_breadcrumbs_lead_back_up_the_guide(guarded_page: Page, site_url: str) -> None:
    guarded_page.goto(site_url + "pillars/brand/")
    crumbs = guarded_page.get_by_role("navigation", name="Breadcrumb").get_by_role("link")
    expect(crumbs.first).to_have_text("Home")
    crumbs.last.click()
    expect(guarded_page.locator("h1")).to_be_visible()
    assert guarded_page.url.rstrip("/").endswith("pillars")
