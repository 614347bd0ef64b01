"""The content checks the build runs: sources a reader can follow, every number cited, figures quoted once."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from calculator import evidence
from calculator.outreach import published as bo
from site_build import content_checks as checks
from site_build import figures

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SITE = ROOT / "site"

pytestmark = pytest.mark.native

ENTRY = """### A deck {{#a}}

- **Address:** {address}
- **Who and when:** {when}
- **We cite it for:** the averages.
- **Trust:** **official LinkedIn**. {trust}
"""


def entry(address: str = "<https://example.org/deck>", when: str = "LinkedIn, August 2015.", trust: str = "") -> str:
    return ENTRY.format(address=address, when=when, trust=trust)


def page(text: str) -> str:
    """A guide page with one footnote that cites the Sources entry for LinkedIn's 2015 figures."""
    return text + "\n\n[^s]: [LinkedIn, 2015](../sources.md#li-science-2015) — **official LinkedIn**.\n"


def test_the_guide_as_it_stands_passes_every_check() -> None:
    problems = [f"{p.relative_to(DOCS)}: {problem}" for p in sorted(DOCS.rglob("*.md"))
                for problem in checks.check_page(p.read_text(encoding="utf-8"), p.relative_to(DOCS).as_posix())]
    assert problems == []


def test_a_sources_entry_without_an_address_or_a_date_is_reported() -> None:
    assert checks.source_problems(entry()) == []
    assert checks.source_problems(entry(address="LinkedIn Help article a105145")) == [
        "a: no address (an https:// link on an **Address:** line)"]
    assert checks.source_problems(entry(when="LinkedIn.")) == ["a: no date (a year on the **Who and when:** line)"]


def test_a_mirror_copy_must_say_when_it_was_read() -> None:
    mirror = "third-party mirror copy: <https://mirror.example/a105145>"
    assert checks.source_problems(entry(address=mirror)) == [
        "a: a mirror or archived copy without the date it was read ('read <date>')"]
    assert checks.source_problems(entry(address=mirror + ", read 1 December 2026.")) == []


def test_a_sources_entry_needs_a_label_from_the_taxonomy_and_short_bullets() -> None:
    assert checks.source_problems(entry().replace("**official LinkedIn**", "**trustworthy**")) == [
        "a: the trust line does not start with one of the labels"]
    long = entry(trust=" ".join(["word"] * 50))
    assert checks.source_problems(long) == ["a: the trust bullet has 52 words (at most 45)"]


def test_every_entry_the_calculators_cite_is_on_the_sources_page_with_the_same_label() -> None:
    entries = checks.source_entries((DOCS / "sources.md").read_text(encoding="utf-8"))
    for source in evidence.SOURCES.values():
        assert source.id in entries, f"{source.id} has no entry on the Sources page"
        trust = re.search(r"- \*\*Trust:\*\* \*\*([^*]+)\*\*", entries[source.id])
        assert trust and trust.group(1) == source.trust.value, source.id


def test_every_label_a_page_gives_a_source_is_one_of_the_eight() -> None:
    labels = set(checks.LABELS)
    assert len(labels) == 8 and "contradicted" in labels and "misattributed" in labels
    used = {m.group(1) for p in DOCS.rglob("*.md")
            for m in re.finditer(r"\]\([./]*sources\.md#[a-z0-9-]+\) — \*\*([^*]+)\*\*", p.read_text(encoding="utf-8"))}
    assert used and used <= labels, used - labels


def test_every_source_a_page_links_to_exists() -> None:
    entries = checks.source_entries((DOCS / "sources.md").read_text(encoding="utf-8"))
    linked = {(p.relative_to(DOCS).as_posix(), m.group(1)) for p in DOCS.rglob("*.md")
              for m in re.finditer(r"sources\.md#([a-z0-9-]+)", p.read_text(encoding="utf-8"))}
    assert {pair for pair in linked if pair[1] not in entries} == set()


def test_a_number_without_a_citation_in_its_paragraph_is_listed() -> None:
    found = checks.uncited_numbers(page("The average was 28.2 in 2015.\n\nIt was 28.2.[^s]"))
    assert [(f.line, f.message.split(":")[0]) for f in found] == [(1, "no source cited for 28.2")]


def test_years_days_the_scale_headings_and_links_to_other_pages_are_not_figures() -> None:
    text = page("# Over 90 days\n\nOn 19 May 2026 each pillar ran from 0 to 25, out of 100 in all.\n\n"
                "See [the 90-day question](what-is-ssi.md).\n\nLinkedIn Help a105145 covers Q4.")
    assert checks.uncited_numbers(text) == []


def test_a_citation_in_a_table_header_covers_its_rows_and_a_row_can_cite_itself() -> None:
    table = "| Region[^s] | Average |\n|---|---|\n| Asia | 24.1 |\n"
    assert checks.uncited_numbers(page(table)) == []
    bare = "| Region | Average |\n|---|---|\n| Asia | 24.1 |\n| EMEA | 27.9[^s] |\n"
    assert [f.line for f in checks.uncited_numbers(page(bare))] == [3]


def test_our_own_numbers_pass_when_marked_and_the_reader_sees_the_mark() -> None:
    text = "Fifteen a day is 105 a week [[ours:arithmetic]]."
    assert checks.uncited_numbers(page(text)) == []
    assert figures.expand(text) == "Fifteen a day is 105 a week *(our arithmetic)*."


def test_a_quoted_figure_must_cite_the_entry_it_comes_from() -> None:
    right = page("An average of [[fig:average_2015]].[^s]")
    assert checks.uncited_numbers(right) == []
    wrong = ("An average of [[fig:average_2015]].[^v]\n\n"
             "[^v]: [A vendor](../sources.md#vendor-gangly) — **vendor claim**.\n")
    assert [f.message.split(":")[0] for f in checks.uncited_numbers(wrong)] == [
        "a figure from li-science-2015 is quoted but that entry is not cited"]


def test_pages_quote_the_calculators_own_figures() -> None:
    assert figures.figure("average_2015").text == "28.2" == f"{evidence.AVERAGE_2015:g}"
    assert figures.figure("weekly_reported").text == str(bo.WEEKLY_REPORTED)
    assert figures.figure("leader_above").text == str(evidence.LEADER_ABOVE)
    assert figures.figure("may19.sum").text == "52.648"
    assert {name: figures.figure(name).text for name in figures.FIGURES}  # every name resolves


def test_the_series_table_shows_all_nine_readings_with_their_source() -> None:
    table = figures.expand("[[table:series_2026 ^r2026]]").splitlines()
    assert table[0].startswith("| Date (2026)[^r2026] |")
    assert len(table) == 2 + len(evidence.SERIES_2026) == 11
    assert "| 13 May | 52 (52.048) | 21.048 / 6.5 / 9.5 / 15 | Top 10%, 35 | Top 13%, 36 |" in table


@pytest.mark.parametrize("bad", ["[[fig:average_2051]]", "[[ours:guess]]", "[[table:series_2027]]", "[[foo:bar]]"])
def test_an_unknown_placeholder_stops_the_build(bad: str) -> None:
    from mkdocs.exceptions import PluginError

    with pytest.raises(figures.PlaceholderError):
        figures.expand(bad)
    fake = SimpleNamespace(file=SimpleNamespace(src_path="calculator/x.md"))
    with pytest.raises(PluginError, match=r"calculator/x\.md"):
        checks.on_page_markdown(f"Text {bad}.", fake)


def test_the_command_line_lists_problems_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "page.md").write_text("An average of 28.2.\n", encoding="utf-8")
    assert checks.main([str(tmp_path)]) == 1
    assert "page.md: line 1: no source cited for 28.2" in capsys.readouterr().out
    assert checks.main([str(DOCS)]) == 0


@pytest.mark.skipif(not (SITE / "index.html").exists(), reason="site/ is not built (scripts/test builds it)")
def test_no_placeholder_reaches_a_reader_and_the_mock_up_is_described() -> None:
    leftovers = [p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html")
                 if "pyodide" not in p.parts and figures.PLACEHOLDER.search(p.read_text(encoding="utf-8"))]
    assert leftovers == []
    html = (SITE / "basics" / "find-your-score" / "index.html").read_text(encoding="utf-8")
    image = r'<img alt="Mock-up of the LinkedIn SSI page[^"]+" [^>]*src="../../assets/ssi-dashboard-mockup.svg"'
    assert re.search(image, html)
    svg = (SITE / "assets" / "ssi-dashboard-mockup.svg").read_text(encoding="utf-8")
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
