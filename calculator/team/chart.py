"""The team's charts, drawn by Python as SVG, each with a table beside it that says the same in words.

No dot carries a name: the charts show how the team is spread, not who is where. Marks are drawn in the
page's own text colour (``currentColor``), told apart by shape, dash and opacity, so they read in both colour
schemes and in print.
"""

from __future__ import annotations

from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

from ..evidence import LAGGARD_BELOW, LEADER_ABOVE, TOTAL_MAX
from ..html import esc, scroll_box
from ..pillars import Pillar
from ..track.readings import PILLARS
from .stats import Spread, Summary, Week

WIDTH = 720
LEFT, RIGHT = 44, 16
DOT = 4.0
DOTS_HEIGHT = 140.0
FONT = 'font-size="13"'
PILLAR_MAX = TOTAL_MAX // len(PILLARS)  # the total is the sum of four pillars of 25
SHORT = {p.value: p.short for p in Pillar}
PILLAR_TITLES = {p.value: p.title for p in Pillar}


def fmt(value: Decimal, places: int = 1) -> str:
    """A figure for a table: ``places`` decimals at most (halves rounded up), trailing zeros trimmed.

    >>> fmt(Decimal("16.875"), 2), fmt(Decimal("28.00")), fmt(Decimal("-0.04"))
    ('16.88', '28', '0')
    """
    text = format(value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP), "f")
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("-0", "") else text


def _x(value: float, top: int) -> float:
    return LEFT + (WIDTH - LEFT - RIGHT) * value / top


def _svg(ident: str, height: int, title: str, desc: str, body: list[str]) -> str:
    return (f'<svg class="ssi-chart ssi-team-chart" role="img" viewBox="0 0 {WIDTH} {height}" width="100%"'
            f' aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg" fill="currentColor">'
            f'<title id="{ident}-title">{esc(title)}</title><desc id="{ident}-desc">{esc(desc)}</desc>'
            f"{''.join(body)}</svg>")


def _x_axis(top: int, step: int, y: float, grid_top: float) -> list[str]:
    parts = []
    for v in range(0, top + 1, step):
        x = _x(v, top)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{grid_top:.1f}" y2="{y:.1f}" stroke="currentColor"'
                     f' stroke-opacity=".15"/><text x="{x:.1f}" y="{y + 14:.1f}" text-anchor="middle"'
                     f' {FONT}>{v}</text>')
    return parts


def _lines(top: float, bottom: float) -> list[str]:
    """LinkedIn's laggard (30) and leader (70) lines across a total axis."""
    parts = []
    for value, label in ((LAGGARD_BELOW, "laggard line"), (LEADER_ABOVE, "leader line")):
        x = _x(value, TOTAL_MAX)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top:.1f}" y2="{bottom:.1f}" stroke="currentColor"'
                     f' stroke-width="1.5" stroke-dasharray="8 4" class="ssi-chart__band"/>'
                     f'<text x="{x + 4:.1f}" y="{top + 10:.1f}" {FONT}>{value}: LinkedIn {label}</text>')
    return parts


def _box(s: Spread, top: int, y: float, half: float) -> str:
    x1, xm, x3, lo, hi = (_x(float(v), top) for v in (s.q1, s.median, s.q3, s.low, s.high))
    return (f'<g class="ssi-team-box" stroke="currentColor" stroke-width="1.5">'
            f'<line x1="{lo:.1f}" x2="{x1:.1f}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<line x1="{x3:.1f}" x2="{hi:.1f}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<line x1="{lo:.1f}" x2="{lo:.1f}" y1="{y - half / 2:.1f}" y2="{y + half / 2:.1f}"/>'
            f'<line x1="{hi:.1f}" x2="{hi:.1f}" y1="{y - half / 2:.1f}" y2="{y + half / 2:.1f}"/>'
            f'<rect x="{x1:.1f}" y="{y - half:.1f}" width="{max(x3 - x1, 1):.1f}" height="{2 * half:.1f}"'
            f' fill="currentColor" fill-opacity=".12"/>'
            f'<line x1="{xm:.1f}" x2="{xm:.1f}" y1="{y - half:.1f}" y2="{y + half:.1f}" stroke-width="4"/></g>')


def _five(s: Spread, places: int) -> str:
    return (f"lowest {fmt(s.low, places)}, lower quartile {fmt(s.q1, places)}, median {fmt(s.median, places)},"
            f" upper quartile {fmt(s.q3, places)}, highest {fmt(s.high, places)}")


def distribution(summary: Summary) -> str:
    """Every member's latest total as a dot (stacked where totals round alike) over a box of the quartiles."""
    shown = summary.shown_totals()
    bins = Counter(shown)
    tallest = max(bins.values())
    # As tall as the highest stack needs, up to a limit past which the stacks are squeezed.
    dots_top = 28.0
    dots_bottom = dots_top + min(DOTS_HEIGHT, max(36.0, tallest * (2 * DOT + 1)))
    step = min(2 * DOT + 1, (dots_bottom - dots_top - 2 * DOT) / max(tallest - 1, 1))
    dots = []
    placed: Counter[int] = Counter()
    for total in sorted(shown):
        cy = dots_bottom - DOT - placed[total] * step
        placed[total] += 1
        dots.append(f'<circle cx="{_x(total, TOTAL_MAX):.1f}" cy="{cy:.1f}" r="{DOT}" fill-opacity=".6"/>')
    box_y = dots_bottom + 20
    axis_y = box_y + 24
    s = summary.totals
    svg = _svg("ssi-team-dist", round(axis_y + 22), f"Latest totals of {s.count} members",
               f"Dot plot of each member's latest total, out of 100, one dot per member, over a box of the middle"
               f" half of the team: {_five(s, 1)}. Dashed lines mark 30 and 70, LinkedIn's laggard and leader"
               " lines.",
               [*_x_axis(TOTAL_MAX, 10, axis_y, dots_top), *_lines(dots_top - 10, axis_y),
                f'<g class="ssi-team-dots">{"".join(dots)}</g>', _box(s, TOTAL_MAX, box_y, 9)])
    tens = Counter(min(t // 10, 9) for t in shown)
    by_ten = "".join(f'<tr><th scope="row">{10 * k}–{10 * k + 9 if k < 9 else 100}</th><td>{tens[k]}</td></tr>'
                     for k in range(10))
    return (f'<div class="ssi-team-figure"><figure class="ssi-chart-figure">{svg}<figcaption>Each dot is one'
            " member's latest total; the box spans the middle half of the team and its thick line is the median."
            f"</figcaption></figure>{spread_table('Spread of the latest totals', s, 1)}"
            f'<table class="ssi-team-tens"><caption>Members by latest total</caption><thead><tr>'
            f'<th scope="col">Total</th><th scope="col">Members</th></tr></thead><tbody>{by_ten}</tbody></table>'
            "</div>")


def spread_table(caption: str, s: Spread, places: int) -> str:
    rows = (("Members", str(s.count)), ("Lowest", fmt(s.low, places)), ("Lower quartile", fmt(s.q1, places)),
            ("Median", fmt(s.median, places)), ("Upper quartile", fmt(s.q3, places)),
            ("Highest", fmt(s.high, places)), ("Mean", fmt(s.mean, places)))
    body = "".join(f'<tr><th scope="row">{esc(k)}</th><td>{esc(v)}</td></tr>' for k, v in rows)
    return f'<table class="ssi-team-spread"><caption>{esc(caption)}</caption><tbody>{body}</tbody></table>'


def pillars(summary: Summary) -> str:
    """A box for each pillar (0 to 25), with each member's value as a faint dot on it."""
    row_h, top = 58, 6
    body = [*_x_axis(PILLAR_MAX, 5, top + row_h * 4, top)]
    for i, p in enumerate(PILLARS):
        y = top + row_h * i + row_h / 2
        dots = "".join(
            f'<circle cx="{_x(float(getattr(x.reading, p)), PILLAR_MAX):.1f}" cy="{y - 6 + (j % 5) * 2:.1f}"'
            f' r="3" fill-opacity=".45"/>' for j, x in enumerate(summary.latest))
        body.append(f'<text x="{LEFT}" y="{y - 14:.1f}" {FONT}>{esc(PILLAR_TITLES[p])}</text>'
                    f"<g>{dots}</g>{_box(summary.pillars[p], PILLAR_MAX, y + 14, 7)}")
    desc = "; ".join(f"{PILLAR_TITLES[p]}: {_five(summary.pillars[p], 2)}" for p in PILLARS)
    svg = _svg("ssi-team-pillars", top + row_h * 4 + 26, "The four pillars across the team, each out of 25",
               f"A box of the middle half of the team for each pillar, with each member's value as a dot. {desc}.",
               body)
    head = "".join(f'<th scope="col">{h}</th>' for h in
                   ("Pillar", "Lowest", "Lower quartile", "Median", "Upper quartile", "Highest"))
    rows = "".join(
        f'<tr{" class=\"ssi-team-lagging\"" if p in summary.lagging else ""}><th scope="row">'
        f"{esc(PILLAR_TITLES[p])}</th>"
        + "".join(f"<td>{fmt(v, 2)}</td>" for v in (s.low, s.q1, s.median, s.q3, s.high)) + "</tr>"
        for p in PILLARS for s in (summary.pillars[p],))
    return (f'<div class="ssi-team-figure"><figure class="ssi-chart-figure">{svg}<figcaption>Each pillar is out'
            " of 25; the thick line is the team's median.</figcaption></figure>"
            + scroll_box("Pillar spreads", '<table class="ssi-team-pillars"><caption>Median and spread per'
                         f" pillar (latest readings)</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody>"
                         "</table>")
            + "</div>")


def over_time(weeks: tuple[Week, ...]) -> str:
    """The team's median total week by week, with the middle half of the team as a band ("" under 2 weeks)."""
    if len(weeks) < 2:
        return ""
    height, top, bottom = 240, 12, 206
    first, span = weeks[0].start, max((weeks[-1].start - weeks[0].start).days, 1)

    def x(w: Week) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (w.start - first).days / span

    def y(v: Decimal | int) -> float:
        return top + (bottom - top) * (1 - float(v) / TOTAL_MAX)

    grid = []
    for v in range(0, TOTAL_MAX + 1, 25):
        grid.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="currentColor"'
                    f' stroke-opacity=".15"/><text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end"'
                    f' {FONT}>{v}</text>')
    for value, label in ((LAGGARD_BELOW, "laggard line"), (LEADER_ABOVE, "leader line")):
        grid.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}"'
                    f' stroke="currentColor" stroke-dasharray="8 4"/><text x="{WIDTH - RIGHT - 4}"'
                    f' y="{y(value) - 4:.1f}" text-anchor="end" {FONT}>{value}: LinkedIn {label}</text>')
    for i, w in enumerate((weeks[0], weeks[len(weeks) // 2], weeks[-1])):
        anchor = ("start", "middle", "end")[i]
        grid.append(f'<text x="{x(w):.1f}" y="{height - 12}" text-anchor="{anchor}" {FONT}>'
                    f"{esc(w.start.isoformat())}</text>")
    band = " ".join([*(f"{x(w):.1f},{y(w.total.q3):.1f}" for w in weeks),
                     *(f"{x(w):.1f},{y(w.total.q1):.1f}" for w in reversed(weeks))])
    line = " ".join(f"{x(w):.1f},{y(w.total.median):.1f}" for w in weeks)
    medians = [w.total.median for w in weeks]
    svg = _svg("ssi-team-time", height, "The team's median total, week by week",
               f"Line chart of the team's median total for {len(weeks)} weeks from {first} to {weeks[-1].start},"
               f" from {fmt(min(medians))} to {fmt(max(medians))}, latest {fmt(medians[-1])}; a shaded band"
               " spans the middle half of the team each week.",
               [*grid, f'<polygon points="{band}" fill-opacity=".12"/>',
                f'<polyline points="{line}" fill="none" stroke="currentColor" stroke-width="2.5"/>'])
    head = "".join(f'<th scope="col">{h}</th>' for h in
                   ("Week of", "Members", "Median total", "Middle half", *(SHORT[p] for p in PILLARS)))
    rows = "".join(
        f'<tr><th scope="row">{w.start}</th><td>{w.count}</td><td>{fmt(w.total.median)}</td>'
        f"<td>{fmt(w.total.q1)}–{fmt(w.total.q3)}</td>"
        + "".join(f"<td>{fmt(w.pillars[p], 2)}</td>" for p in PILLARS) + "</tr>"
        for w in reversed(weeks))
    return (f'<figure class="ssi-chart-figure">{svg}<figcaption>The line is the median of the members counted'
            " each week; the band spans the middle half of them. The number counted changes as members start and"
            ' stop sending readings (see the table).</figcaption></figure><details class="ssi-chart-data">'
            "<summary>The chart as a table</summary>"
            + scroll_box("The team's weekly medians", '<table class="ssi-team-weeks"><caption>The team\'s weekly'
                         f" medians, newest first</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody>"
                         "</table>")
            + "</details>")
