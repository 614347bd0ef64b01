"""Plan my next weeks at the web boundary and on the command line: goal checks, download, link, escaping."""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from calculator.estimate.plan_mode import FIELDS, MODE
from calculator.modes import WebRequest, registry
from calculator.web import handle
from tests.unit.conftest import HOSTILE


def ask(action: str = "", **changes: str) -> dict[str, object]:
    values = {**MODE.defaults(), **changes}
    return dict(handle(WebRequest("plan", values, "../../", action=action)))


def page(response: dict[str, object]) -> str:
    text = response["html"]
    assert isinstance(text, str)
    return text


def test_registered_and_shareable_by_address() -> None:
    assert registry()["plan"] is MODE
    assert MODE.url_state


def test_the_defaults_give_a_ranked_plan_with_every_pillar_moving_and_its_text() -> None:
    response = ask()
    assert response["ok"] is True
    html = page(response)
    assert "our model" in html.lower() or "Our estimate, not LinkedIn" in html
    assert "Target 50: these changes take our estimate from about 33 to about 50" in html
    assert html.count('<tr class="ssi-sum">') == 1
    for title in ("Establish your professional brand", "Engage with insights", "Build relationships"):
        assert title in html
    assert '<pre class="ssi-plan-text" tabindex="0">SSI plan' in html
    assert 'data-action="download"' in html


def test_download_offers_the_same_text_as_the_page() -> None:
    response = ask(action="download")
    download = response["download"]
    assert isinstance(download, dict)
    assert download["name"] == "ssi-plan.txt"
    assert download["type"] == "text/plain"
    shown = re.search(r'<pre class="ssi-plan-text" tabindex="0">(.*?)</pre>', page(response), re.S)
    assert shown
    assert unescape(shown.group(1)) == download["text"]


def test_no_download_without_the_button_or_with_bad_values() -> None:
    assert "download" not in ask()
    assert "download" not in ask(action="download", weeks="0")


def test_the_link_rebuilds_the_same_plan() -> None:
    html = page(ask(target="60", budget="90", weeks="12"))
    href = unescape(re.search(r'class="ssi-share" href="([^"]+)"', html).group(1))  # type: ignore[union-attr]
    assert href.startswith("../../calculator/plan/#")  # in the fragment: the browser never sends it
    assert not urlsplit(href).query
    values = dict(parse_qsl(urlsplit(href).fragment, keep_blank_values=True))
    assert set(values) == {f.name for f in FIELDS}
    assert page(dict(handle(WebRequest("plan", values, "../../")))) == html


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"target": "", "budget": ""}, "target", "Give a target score, a weekly time budget, or both."),
    ({"target": "150"}, "target", "between 1 and 100"),
    ({"weeks": "0"}, "weeks", "between 1 and 26"),
    ({"weeks": ""}, "weeks", "Enter a number of weeks"),
    ({"budget": "-30"}, "budget", "cannot be negative"),
    ({"invites_now": "ten"}, "invites_now", "not a number"),
    ({"connections": HOSTILE}, "connections", "too long"),
])
def test_bad_input_gets_a_message_on_its_field(changes: dict[str, str], field: str, words: str) -> None:
    response = ask(**changes)
    assert response["ok"] is False
    assert words in response["errors"][field]  # type: ignore[index]
    assert "<img" not in page(response)


def test_an_unreachable_target_is_said_plainly() -> None:
    html = page(ask(target="99"))
    assert "not reached" in html
    assert "Out of reach within the planner&#x27;s limits" in html
    assert "safe limits" not in html and "safe by design" not in html


def test_no_plan_promises_a_date_it_has_no_data_for() -> None:
    """The model is steady-state: it says where habits lead and cites the only time data there is."""
    for changes in ({}, {"target": "99"}, {"target": "", "budget": "120"}, {"weeks": "2"}):
        html = page(ask(**changes))
        assert "within reach" not in html
        assert not re.search(r"\bin \d+ weeks\b", html.split("ssi-plan-text")[0])
        assert "not how soon your dashboard shows it" in html
        assert "gained about 7 points in a year" in html
        assert 'href="../../sources/#li-science-2015"' in html

def test_invitations_come_with_their_daily_pace_and_source() -> None:
    html = page(ask(target="90", weeks="26"))
    assert "the pacing check rates Low in week 5 onwards of sending" in html
    assert 'href="../../sources/#weekly-100"' in html
    assert "unverified" in html
    assert 'href="../../calculator/pacing/"' in html
    assert "Slow down" in page(ask(invites_now="150"))
    new = page(ask(target="90", weeks="26", stage="start"))
    assert "about 25 a week in all, about 5 a day" in new
    assert "Slow down" in page(ask(invites_now="30", stage="start"))


@pytest.mark.native
def test_plan_on_the_command_line(fixtures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from calculator.__main__ import main

    assert main(["plan", "--target", "70", "--profile", str(fixtures / "profile.json")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("SSI plan (our model, not LinkedIn's")
    assert "Target 70: these changes take our estimate" in out
    assert main(["plan", "--target", "70"]) == 0
    assert capsys.readouterr().out == out  # the example profile is the fixture's profile


@pytest.mark.native
def test_plan_command_line_errors_exit_2_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "p.json"
    bad.write_text('{"connections": "many"}')
    done = subprocess.run([sys.executable, "-m", "calculator", "plan", "--target", "170", "--profile", str(bad)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "target ('170'): A target score is between 1 and 100." in done.stderr
    assert "connections ('many'): This is not a number." in done.stderr
