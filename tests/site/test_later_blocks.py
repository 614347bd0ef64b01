"""site_build/later_blocks.py: which blocks of a page are rendered only near the screen, and the heights they
stand in with until then (the browser side: tests/browser/test_long_pages.py)."""

from __future__ import annotations

import re

import pytest

from site_build.later_blocks import height_guess, later_blocks

MARK = re.compile(r' data-ssi-later style="--ssi-h:(\d+)px"')


@pytest.mark.parametrize(("html", "marked"), [
    ("<p>Text.</p>", True),
    ("<ul>\n<li>One</li>\n</ul>", True),
    ('<div class="ssi-scroll" role="region" tabindex="0"><table class="ssi-table"></table></div>', True),
    ('<div class="admonition note"><p>Note.</p></div>', True),
    ("<h2 id='a'>Heading</h2>", True),
    ("<h1>The page's title</h1>", False),
    ('<div class="ssi-calculator" data-calculator="interpret"><form></form></div>', False),  # its result sticks
    ('<div class="highlight"><pre><code>x = 1</code></pre></div>', False),  # margins reach outside
    ("<dl>\n<dt>Term</dt>\n<dd><p>Meaning.</p></dd>\n</dl>", False),
    ('<div class="footnote"><hr /><ol><li>Note</li></ol></div>', False),
    ('<p style="color: red">Styled already.</p>', False),  # one style attribute only
    ("<script>var x = 1</script>", False),
])
def test_which_blocks_are_marked(html: str, marked: bool) -> None:
    assert bool(MARK.search(later_blocks(html))) is marked


def test_only_top_level_blocks_are_marked_and_nothing_else_changes() -> None:
    html = ('<h1>T</h1>\n<p>One <a href="#x">link</a>.</p>\n'
            '<div class="admonition"><p>Inside</p>\n<ul><li>a</li></ul></div>\n')
    marked = later_blocks(html)
    assert len(MARK.findall(marked)) == 2  # the paragraph and the admonition, not what is inside it
    assert MARK.sub("", marked) == html


def guess_of(html: str) -> int:
    found = MARK.search(later_blocks(html))
    assert found is not None
    return int(found[1])


def test_a_longer_block_stands_in_taller() -> None:
    short, long_ = (guess_of(f"<p>{'word ' * n}</p>") for n in (5, 200))
    assert long_ > 10 * short / 2
    assert height_guess(chars=0, boxes=0, cell_lines=0, scale=1.6) > height_guess(chars=0, boxes=0, cell_lines=0)


def test_a_table_stands_in_by_its_rows() -> None:
    rows = "".join(f"<tr><td>{'cell text ' * 3}</td><td>x</td></tr>" for _ in range(20))
    guess = guess_of(f'<div class="ssi-scroll"><table>{rows}</table></div>')
    assert guess >= 20 * 26 * 3  # 20 rows of three lines each at least


def test_lines_are_found_in_text_on_several_lines_and_after_entities() -> None:
    html = "<p>caf&eacute;\nline two\n\nline four</p>\n<p>Next &amp; last.</p>"
    assert MARK.sub("", later_blocks(html)) == html
    assert len(MARK.findall(later_blocks(html))) == 2
