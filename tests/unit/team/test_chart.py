"""The charts: well-formed SVG images with a title and description, one dot per member, no names in them,
and a table beside each that says the same in words."""

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

from calculator.team import chart
from calculator.team.load import Found
from calculator.team.model import Team, add_found
from calculator.team.stats import summarise

from .make import TODAY, reading, weekly

HOSTILE = "<img src=x onerror=alert(1)>"
SVG = re.compile(r"<svg.*?</svg>", re.DOTALL)


def summary_of(totals: list[str], weeks: int = 1):  # type: ignore[no-untyped-def]
    team = Team()
    for i, brand in enumerate(totals):
        history = weekly(weeks, brand=brand, step="0") if weeks > 1 else (reading(TODAY, brand=brand),)
        team = add_found(team, f"m{i}.csv", Found(f"{HOSTILE}{i}", history)).team
    found = summarise(team, TODAY)
    assert found is not None
    return found


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(s) for s in SVG.findall(html)]


def test_the_distribution_has_one_dot_per_member_and_no_names() -> None:
    s = summary_of(["1", "1", "5", "12.5", "25"])
    html = chart.distribution(s)
    (svg,) = svgs(html)
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.get("role") == "img" and svg.find(f"{ns}title") is not None
    assert len(svg.findall(f".//{ns}circle")) == 5
    assert "onerror" not in html and "m0" not in html
    assert "median 36" in (svg.find(f"{ns}desc").text or "")  # type: ignore[union-attr]
    counts = [int(n) for n in re.findall(r'<th scope="row">\d+–\d+</th><td>(\d+)</td>', html)]
    assert sum(counts) == 5 and len(counts) == 10


def test_dots_with_the_same_total_stack_instead_of_hiding_each_other() -> None:
    html = chart.distribution(summary_of(["10"] * 40))
    ys = {float(y) for y in re.findall(r'<circle cx="[\d.]+" cy="([\d.]+)"', html)}
    assert len(ys) == 40


def test_the_pillars_chart_and_its_table_agree() -> None:
    s = summary_of(["10", "20", "30"[:2]])
    html = chart.pillars(s)
    assert len(svgs(html)) == 1
    assert "<td>20</td>" in html  # the brand median, in the table
    assert 'class="ssi-team-lagging"' in html


def test_the_median_over_time_needs_two_weeks_and_lists_every_week() -> None:
    assert chart.over_time(summary_of(["10"]).weeks) == ""
    s = summary_of(["10", "20"], weeks=30)
    html = chart.over_time(s.weeks)
    assert len(svgs(html)) == 1
    assert html.count('<tr><th scope="row">') == 30
    assert str(TODAY - timedelta(days=TODAY.weekday())) in html


def test_a_team_of_one_still_draws() -> None:
    html = chart.distribution(summary_of(["25"]))
    assert len(svgs(html)) == 1
