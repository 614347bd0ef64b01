"""The trend chart, drawn by Python as SVG: the total with LinkedIn's 30 and 70 lines, and the four pillars.

Each chart is an image with a title and a description for screen readers, and the plotted numbers follow as
a table. Long histories are drawn as weekly averages, so five years of daily readings stay a light drawing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from ..evidence import LAGGARD_BELOW, LEADER_ABOVE
from ..html import esc, row, scroll_box, table
from ..pillars import Pillar
from .readings import LABELS, PILLARS, History

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 12, 34
# Beyond this many readings a point per week is drawn (the data table says so).
DAILY_POINTS_MAX = 180
STYLE = {  # colour and dash per series: told apart by dash as well as colour
    "total": ("#1f5fa8", ""),
    "brand": ("#1f5fa8", ""),
    "find": ("#b3261e", "6 3"),
    "engage": ("#2e7d32", "2 3"),
    "relate": ("#6a3d9a", "10 3 2 3"),
}


@dataclass(frozen=True)
class Point:
    day: date
    values: dict[str, Decimal]  # "total" and each pillar
    count: int = 1  # readings averaged into this point


def points(history: History) -> tuple[tuple[Point, ...], bool]:
    """The points to draw, and whether they are weekly averages (True for long histories)."""
    if len(history) <= DAILY_POINTS_MAX:
        return tuple(Point(r.day, {"total": r.total, **{p: getattr(r, p) for p in PILLARS}}) for r in history), False
    weeks: dict[date, list[dict[str, Decimal]]] = {}
    for r in history:
        monday = r.day - timedelta(days=r.day.weekday())
        weeks.setdefault(monday, []).append({"total": r.total, **{p: getattr(r, p) for p in PILLARS}})
    out = []
    cent = Decimal("0.01")
    for monday in sorted(weeks):
        rows = weeks[monday]
        averaged = {k: (sum((row[k] for row in rows), Decimal(0)) / len(rows)).quantize(cent, ROUND_HALF_UP)
                    for k in rows[0]}
        out.append(Point(monday, averaged, len(rows)))
    return tuple(out), True


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")


class _Scale:
    def __init__(self, first: date, last: date, top: int) -> None:
        self.first, self.span, self.top = first, max((last - first).days, 0), top
        self.width, self.height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(self, day: date) -> float:
        if self.span == 0:
            return LEFT + self.width / 2
        return LEFT + self.width * (day - self.first).days / self.span

    def y(self, value: float) -> float:
        return TOP + self.height * (1 - value / self.top)


def _axes(scale: _Scale, step: int, first: date, last: date) -> list[str]:
    parts = []
    for v in range(0, scale.top + 1, step):
        y = scale.y(v)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ccc"'
                     ' stroke-width="1"/>'
                     f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{v}</text>')
    ticks = [first] if scale.span == 0 else [first + timedelta(days=round(scale.span * i / 4)) for i in range(5)]
    for i, day in enumerate(ticks):
        anchor = "start" if i == 0 and len(ticks) > 1 else "end" if i == len(ticks) - 1 and len(ticks) > 1 else "middle"
        parts.append(f'<text x="{scale.x(day):.1f}" y="{HEIGHT - 12}" text-anchor="{anchor}" font-size="11">'
                     f"{esc(day.isoformat())}</text>")
    return parts


def _line(scale: _Scale, pts: tuple[Point, ...], name: str, width: float) -> str:
    colour, dash = STYLE[name]
    coords = " ".join(f"{scale.x(p.day):.1f},{scale.y(float(p.values[name])):.1f}" for p in pts)
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    shape = (f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="{width}"{dashed}'
             f' class="ssi-chart__line ssi-chart__line--{name}"/>')
    if len(pts) <= 60:  # dots show single readings; on long histories they would only blur the line
        shape += "".join(f'<circle cx="{scale.x(p.day):.1f}" cy="{scale.y(float(p.values[name])):.1f}" r="2.5"'
                         f' fill="{colour}"/>' for p in pts)
    return shape


def _svg(ident: str, title: str, desc: str, body: list[str]) -> str:
    return (f'<svg class="ssi-chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%"'
            f' aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{ident}-title">{esc(title)}</title><desc id="{ident}-desc">{esc(desc)}</desc>'
            f"{''.join(body)}</svg>")


def _range(pts: tuple[Point, ...], name: str) -> str:
    values = [p.values[name] for p in pts]
    return f"from {_fmt(min(values))} to {_fmt(max(values))}, latest {_fmt(values[-1])}"


def render(history: History, ident: str = "ssi-history-chart") -> str:
    """Both charts and the table of the plotted values, as one HTML fragment ("" without readings)."""
    if not history:
        return ""
    pts, weekly = points(history)
    first, last = pts[0].day, pts[-1].day
    span = f"between {first} and {last}" if first != last else f"on {first}"
    what = "weekly averages" if weekly else f"{len(pts)} reading{'s' if len(pts) != 1 else ''}"

    total_scale = _Scale(first, last, 100)
    bands = []
    for value, label in ((LAGGARD_BELOW, "laggard line"), (LEADER_ABOVE, "leader line")):
        y = total_scale.y(value)
        bands.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#8a6d00"'
                     f' stroke-width="1.5" stroke-dasharray="8 4" class="ssi-chart__band"/>'
                     f'<text x="{WIDTH - RIGHT - 4}" y="{y - 4:.1f}" text-anchor="end" font-size="11"'
                     f' fill="#6b5500">{value}: LinkedIn {label}</text>')
    total_svg = _svg(
        f"{ident}-total", "Total SSI over time",
        f"Line chart of your total SSI ({what}) {span}, {_range(pts, 'total')}. Dashed lines mark 30 and 70,"
        " LinkedIn's laggard and leader lines.",
        [*_axes(total_scale, 25, first, last), *bands, _line(total_scale, pts, "total", 2.5)],
    )
    pillar_scale = _Scale(first, last, 25)
    legend = "".join(
        f'<li><svg width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5"'
        f' stroke="{STYLE[p][0]}" stroke-width="2.5"{f" stroke-dasharray=\"{STYLE[p][1]}\"" if STYLE[p][1] else ""}/>'
        f"</svg> {esc(LABELS[p])}</li>"
        for p in PILLARS
    )
    pillar_desc = "; ".join(f"{LABELS[p]} {_range(pts, p)}" for p in PILLARS)
    pillar_svg = _svg(
        f"{ident}-pillars", "The four pillars over time",
        f"Line chart of your four pillar scores, each out of 25 ({what}) {span}. {pillar_desc}.",
        [*_axes(pillar_scale, 5, first, last), *(_line(pillar_scale, pts, p, 2) for p in PILLARS)],
    )
    return (f'<figure class="ssi-chart-figure">{total_svg}<figcaption>Total SSI (out of 100)'
            f"{' — one point per week, the average of its readings' if weekly else ''}.</figcaption></figure>"
            f'<figure class="ssi-chart-figure">{pillar_svg}<figcaption>The four pillars (each out of 25):'
            f'<ul class="ssi-chart-legend">{legend}</ul></figcaption></figure>'
            f"{data_table(pts, weekly)}")


def data_table(pts: tuple[Point, ...], weekly: bool) -> str:
    """The plotted values as a table: the same information as the charts, for screen readers and copying."""
    head = ("Week of" if weekly else "Date", "Total", *(Pillar(p).short for p in PILLARS))
    rows = (row(p.day.isoformat(), *(esc(_fmt(p.values[k])) for k in ("total", *PILLARS))) for p in reversed(pts))
    caption = "The charts' values, newest first" + (" (weekly averages)" if weekly else "")
    return (f'<details class="ssi-chart-data"><summary>The charts as a table</summary>'
            f"{scroll_box(caption, table(caption, head, rows))}</details>")
