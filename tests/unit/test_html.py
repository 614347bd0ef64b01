"""The markup helpers every view uses: escaping, relative links, citations, signs, buttons and tables."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from calculator.html import Context, button, cite, esc, link, notice, number, row, scroll_box, signed, table
from tests.unit.conftest import HOSTILE


@pytest.mark.parametrize("root", ["https://evil.example/", "javascript:alert(1)//", "/abs/", '"><script>', "../x"])
def test_a_root_that_is_not_only_parent_steps_is_ignored(root: str) -> None:
    assert Context.for_root(root).root == ""
    assert Context.for_root("../../").url("sources/") == "../../sources/"


def test_every_helper_escapes_the_text_it_is_given() -> None:
    ctx = Context("../")
    for html in (esc(HOSTILE), link(ctx, "a/", HOSTILE), button("x", HOSTILE, label=HOSTILE),
                 table(HOSTILE, [HOSTILE], []), row(HOSTILE), notice(HOSTILE), scroll_box(HOSTILE, "")):
        assert HOSTILE not in html and "&lt;img" in html


def test_a_wide_table_scrolls_in_a_named_box_the_keyboard_can_reach() -> None:
    box = scroll_box("Your readings", "<table></table>")
    assert 'role="region"' in box and 'tabindex="0"' in box and 'aria-label="Your readings"' in box


def test_a_citation_links_to_its_entry_on_the_sources_page() -> None:
    assert cite(Context("../../"), "weekly-100").startswith('<a class="ssi-cite" href="../../sources/#weekly-100">')


@pytest.mark.parametrize(("value", "places", "shown"), [
    (1.49, 1, "+1.5"), (-0.26, 1, "−0.3"), (0.04, 1, "±0"), (0.0, 1, "±0"), (-2.005, 2, "−2"),
    (D("1.250"), None, "+1.25"), (D("-0.125"), None, "−0.125"), (D("0.00"), None, "±0"), (D("10"), None, "+10"),
])
def test_a_change_shows_its_sign_and_never_minus_zero(value: float | D, places: int | None, shown: str) -> None:
    assert signed(value, places) == shown


def test_numbers_drop_trailing_zeros_and_never_show_minus_zero() -> None:
    assert [number(5.0), number(5.25, 2), number(-0.04), number(12.0, 0)] == ["5", "5.25", "0", "12"]


def test_a_primary_button_names_its_action() -> None:
    assert button("delete:2026-05-19", "Delete", label="Delete the reading of 2026-05-19") == (
        '<button type="button" class="md-button" data-action="delete:2026-05-19"'
        ' aria-label="Delete the reading of 2026-05-19">Delete</button>')
