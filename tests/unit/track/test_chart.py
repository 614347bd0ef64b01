"""The SVG chart: accessible, with LinkedIn's 30 and 70 lines, light on long histories."""

import re
from datetime import date, timedelta
from decimal import Decimal as D
from xml.etree import ElementTree

from calculator.track.chart import DAILY_POINTS_MAX, points, render
from calculator.track.readings import Reading


def daily(n: int) -> tuple[Reading, ...]:
    start = date(2021, 5, 20)
    return tuple(Reading(start + timedelta(days=i), D(i % 25), D("6.4"), D("10.25"), D("15")) for i in range(n))


def svgs(html: str) -> list[ElementTree.Element]:
    return [ElementTree.fromstring(m) for m in re.findall(r"<svg class=\"ssi-chart\".*?</svg>", html, re.S)]


def test_no_readings_no_chart() -> None:
    assert render(()) == ""


def test_two_charts_each_an_image_with_a_title_and_description() -> None:
    html = render(daily(10))
    charts = svgs(html)
    assert len(charts) == 2
    ns = "{http://www.w3.org/2000/svg}"
    for svg in charts:
        assert svg.get("role") == "img"
        title, desc = svg.find(f"{ns}title"), svg.find(f"{ns}desc")
        assert title is not None and desc is not None and desc.text
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "from 31.65 to 40.65" in (charts[0].find(f"{ns}desc").text or "")  # type: ignore[union-attr]


def test_the_band_lines_at_30_and_70_are_drawn_on_the_total_chart() -> None:
    html = render(daily(3))
    assert "30: LinkedIn laggard line" in html and "70: LinkedIn leader line" in html
    bands = re.findall(r'<line[^>]*class="ssi-chart__band"', html)
    assert len(bands) == 2
    ys = sorted(float(re.search(r'y1="([\d.]+)"', b).group(1)) for b in bands)  # type: ignore[union-attr]
    assert ys[0] < ys[1]  # 70 sits above 30


def test_the_data_table_lists_every_plotted_point() -> None:
    html = render(daily(5))
    assert html.count('<th scope="row">') == 5
    assert "values, newest first</caption>" in html


def test_long_histories_are_drawn_as_weekly_averages() -> None:
    five_years = daily(1826)
    pts, weekly = points(five_years)
    assert weekly and 260 <= len(pts) <= 262
    assert not points(daily(DAILY_POINTS_MAX))[1]
    html = render(five_years)
    assert "weekly averages" in html
    assert len(html) < 200_000


def test_a_single_reading_is_drawn_in_the_middle() -> None:
    html = render(daily(1))
    assert 'cx="374.0"' in html  # LEFT + width / 2
