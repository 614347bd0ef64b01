"""The outreach modes at the web boundary and on the command line: the funnel, and what the three share."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.__main__ import main
from calculator.evidence import SOURCES, Trust
from calculator.fields import parse_form
from calculator.forms import render_form
from calculator.modes import WebRequest, registry
from calculator.web import handle
from tests.unit.conftest import HOSTILE
from tests.unit.outreach.conftest import ask

NAMES = ("funnel", "pacing", "warmup")

DOCS = Path(__file__).resolve().parents[3] / "docs"


@pytest.mark.parametrize("mode", NAMES)
def test_the_defaults_give_a_result_and_are_registered_for_the_outreach_command(mode: str) -> None:
    response = ask(mode)
    assert response["ok"] is True, response["errors"]
    assert registry()[mode].cli_group == "outreach"


def test_three_forms_on_one_page_share_no_element_id() -> None:
    html = "".join(render_form(m.name, m.fields, m.legends, m.defaults()) for m in map(registry().__getitem__, NAMES))
    ids = re.findall(r'id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert {"funnel-pending", "pacing-pending"} <= set(ids)


@pytest.mark.parametrize(("mode", "changes", "field", "words"), [
    ("funnel", {"sent": "50", "accepted": "60"}, "accepted", "More accepted invitations (60)"),
    ("funnel", {"messages": "0", "replies": "4"}, "replies", "a reply needs a message first"),
    ("funnel", {"sent": "-5"}, "sent", "cannot be negative"),
    ("funnel", {"sent": "2.5"}, "sent", "whole number"),
    ("funnel", {"period": "7"}, "period", "Choose one of the options"),
    ("pacing", {"per_day": ""}, "per_day", "Enter a count"),
    ("pacing", {"per_day": "30", "per_week": "10"}, "per_week", "holds at least 30"),
    ("pacing", {"ssi": "140"}, "ssi", "between 0 and 100"),
    ("warmup", {"target": "150"}, "target", "pacing check rates a week Elevated"),
    ("warmup", {"days": "8"}, "days", "between 1 and 7"),
])
def test_bad_input_gets_a_message_on_its_field(mode: str, changes: dict[str, str], field: str, words: str) -> None:
    response = ask(mode, **changes)
    assert response["ok"] is False
    errors = response["errors"]
    assert isinstance(errors, dict)
    assert words in errors[field]
    assert f'href="#{mode}-{field}"' in str(response["html"])
    assert response["values"] == {**registry()[mode].defaults(), **changes}  # nothing typed is lost


def test_nothing_entered_asks_for_a_pair_of_numbers() -> None:
    blank = {f.name: "" for f in registry()["funnel"].fields}
    response = handle(WebRequest("funnel", blank))
    assert response["ok"] is False
    assert "at least one pair" in response["errors"]["sent"]


@pytest.mark.parametrize("mode", NAMES)
def test_hostile_text_in_every_field_comes_back_escaped(mode: str) -> None:
    for field in registry()[mode].fields:
        response = ask(mode, **{field.name: HOSTILE})
        assert "<img" not in str(response["html"])


def test_funnel_shows_ranges_with_sources_and_links_relative_to_the_page() -> None:
    html = str(ask("funnel")["html"])
    assert "26.4–31.4%" in html
    assert "spread of 5 percentage points" in html
    assert 'href="../../sources/#bench-warmysender"' in html
    assert 'href="../../outreach/metrics/#acceptance-rate"' in html
    assert "vendor claim" in html


def test_funnel_shows_each_figure_base_and_compares_only_like_with_like() -> None:
    html = str(ask("funnel")["html"])
    assert "<td>per connection who accepted</td>" in html and "<td>per invitation sent</td>" in html
    assert "29% of connections who accepted; not compared: 5.44–9.36% (base disputed)" in html
    assert "8.1% of invitations sent; not compared: 1.44–2.47% (base disputed), 7% (base not stated)" in html
    assert "Below the one figure of this base" in html
    assert "a proxy only (29%), not compared" in html
    assert "(our arithmetic)" in html
    assert "LinkedIn publishes none" not in html and "20M+ requests" not in html.replace("said to be 20M+", "")
    assert 'href="../../sources/#li-inmail-2022"' in html


@pytest.mark.parametrize("mode", NAMES)
def test_every_trust_label_shown_is_one_of_the_sites_eight(mode: str) -> None:
    html = str(ask(mode)["html"]) + str(ask("pacing", ssi="", pending="")["html"])
    shown = set(re.findall(r'<span class="ssi-trust[^"]*">([^<]+)</span>', html))
    assert shown
    assert shown <= {t.value for t in Trust}


@pytest.mark.parametrize("mode", NAMES)
def test_every_cited_source_exists(mode: str) -> None:
    html = str(ask(mode)["html"])
    cited = re.findall(r'sources/#([a-z0-9-]+)"', html)
    assert cited
    assert set(cited) <= set(SOURCES)


@pytest.mark.native
def test_every_guide_anchor_linked_from_a_result_exists() -> None:
    """Anchors are the headings' slugs (Python-Markdown's toc), so read them from the pages' headings."""

    def slugs(page: str) -> set[str]:
        text = (DOCS / page).read_text(encoding="utf-8")
        return {re.sub(r"[\s]+", "-", re.sub(r"[^\w\s-]", "", h).strip().lower())
                for h in re.findall(r"^#{2,6} (.+?)\s*$", text, re.MULTILINE)}

    pages = {"outreach/metrics/": slugs("outreach/metrics.md"),
             "outreach/account-safety/": slugs("outreach/account-safety.md")}
    cases = [("funnel", {}), ("funnel", {"sent": "900", "accepted": "20", "pending": "600"}),
             ("funnel", {"pending": "0", "messages": "18", "replies": "6", "conversations": "6"}),
             ("pacing", {}), ("warmup", {})]
    html = "".join(str(ask(mode, **changes)["html"]) for mode, changes in cases)
    links = set(re.findall(r'href="\.\./\.\./(outreach/[a-z-]+/)#([a-z0-9-]+)"', html))
    assert len(links) >= 5
    for page, anchor in links:
        assert anchor in pages[page], (page, anchor)


def test_the_command_line_prints_what_the_page_computes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outreach", "funnel", "--sent", "200", "--accepted", "60", "--messages", "50", "--replies", "12"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"Acceptance rate \[per invitation sent\] +30% \(60 of 200\)", out)
    assert "24% (12 of 50)" in out
    mode = registry()["funnel"]
    parsed = parse_form(mode.fields, {"sent": "200", "accepted": "60", "messages": "50", "replies": "12"})
    assert out == mode.render_text(mode.run(parsed))


def test_the_command_line_names_the_field_for_impossible_combinations(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outreach", "funnel", "--sent", "20", "--accepted", "60"]) == 2
    assert "Accepted ('60'): More accepted invitations (60) than invitations sent (20)" in capsys.readouterr().err


def test_the_command_line_runs_pacing_and_warmup(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outreach", "pacing", "50", "350", "--stage", "start", "--ssi", "12"]) == 0
    assert capsys.readouterr().out.startswith("Risk: High")
    assert main(["outreach", "warmup", "50", "5", "--start", "dormant"]) == 0
    out = capsys.readouterr().out
    assert "Week 1: 25 invitations, at most 5 a day" in out
    assert "Week 5 onwards: 50 a week" in out


text = st.text(alphabet=st.sampled_from(list("0123456789.,-+e<>&\"' %abcNnI")), max_size=12)


@given(st.sampled_from(NAMES), st.data())
def test_no_input_breaks_any_outreach_mode(mode: str, data: st.DataObject) -> None:
    fields = registry()[mode].fields
    values = {f.name: data.draw(st.one_of(text, st.sampled_from(["", "0", "1", "100", "99999"]))) for f in fields}
    response = handle(WebRequest(mode, values, action=data.draw(st.sampled_from(["", "csv", "bogus"]))))
    assert isinstance(response["html"], str)
    assert "<img" not in response["html"]
    assert "<script" not in response["html"]
    assert set(response["errors"]) <= {f.name for f in fields}
    assert response["ok"] == (not response["errors"])
