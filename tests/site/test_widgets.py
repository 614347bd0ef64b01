"""site_build/widgets.py: a calculator as first sent, and the texts the page script shows in it."""

from __future__ import annotations

import re
from html import escape as esc

import pytest

from calculator.modes import WebRequest, registry
from calculator.web import handle
from site_build.testing import ROOT
from site_build.widgets import ANSWER_WITHIN_MS, PENDING_NOTE, STATUS, widget

pytestmark = pytest.mark.native


def test_every_status_the_page_script_shows_is_written_by_the_build() -> None:
    script = (ROOT / "docs" / "javascripts" / "calculator.js").read_text(encoding="utf-8")
    kinds = set(re.findall(r'(?:notify\(w, |setStatus\(|fail\()"([a-z]+)"', script))
    kinds |= {k for pair in re.findall(r'\? "([a-z]+)" : "([a-z]+)"', script) for k in pair}
    assert len(kinds) > 10
    assert kinds <= set(STATUS)


def test_a_pre_rendered_calculator_carries_its_status_texts_and_says_its_buttons_wait() -> None:
    html = widget("history", "../../")
    for kind, text in STATUS.items():
        assert f'data-status-{kind}="{esc(text)}"' in html
    assert f'data-answer-within-ms="{ANSWER_WITHIN_MS}"' in html
    buttons = re.findall(r"<button[^>]*data-action[^>]*>(.*?)</button>", html)
    assert buttons and all(PENDING_NOTE in b for b in buttons)
    assert '{reason}' in html  # calculator.js fills it in; escaping leaves the braces alone


@pytest.mark.parametrize("name", ["interpret", "track", "plan"])
def test_a_pre_rendered_result_is_named_after_pythons_answer_for_the_example(name: str) -> None:
    """Also with "still loading" buttons (track, plan): the first live answer then takes only the notes out."""
    answer = handle(WebRequest(name, registry()[name].defaults(), "../../"))
    assert f'data-digest="{answer["digest"]}"' in widget(name, "../../")
