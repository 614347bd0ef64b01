"""The team report as CSV and as plain text (the command line), and the rows of the table with names.

The report leads with the team (spread, pillars, the lagging pillar, the comparisons, the weekly median) and
names members only where a name is needed to act: whose reading is old. Each member's own row appears only
when the manager asks for the table with names. An estimated rank is always marked as an estimate.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..evidence import SOURCES
from ..interpret.percentile import TopRange, estimate_top
from ..pillars import QUICK_WINS, Pillar
from ..track import csvio
from ..track.csvio import _safe_note
from ..track.readings import PILLARS, plain
from .chart import PILLAR_TITLES, SHORT, fmt
from .compare import comparisons
from .load import FileRead
from .model import Team
from .stats import CHANGE_DAYS, STALE_AFTER, Latest, Summary

COLUMNS: dict[str, str] = {"name": "Name", "date": "Latest reading", "readings": "Readings", "total": "Total",
                           **SHORT, "change": f"Change over {CHANGE_DAYS} days", "rank": "Industry rank"}


@dataclass(frozen=True)
class Row:
    """One member in the table with names."""

    latest: Latest
    rank: Decimal | None  # "Top N%" as the member's dashboard showed it
    estimate: TopRange | None  # our model's range, only when the dashboard gave no rank

    @property
    def name(self) -> str:
        return self.latest.member.label

    def rank_text(self) -> str:
        if self.rank is not None:
            return f"top {plain(self.rank)}% (dashboard)"
        assert self.estimate is not None
        return f"top {fmt(Decimal(self.estimate.best), 0)}–{fmt(Decimal(self.estimate.worst), 0)}% (estimate)"


def rows(summary: Summary) -> list[Row]:
    out = []
    for x in summary.latest:
        r = x.reading
        average = float(r.industry_average) if r.industry_average is not None else None
        estimate = None if r.industry_rank is not None else estimate_top(float(r.total), average)
        out.append(Row(x, r.industry_rank, estimate))
    return out


def _key(row: Row, column: str) -> tuple[int, object]:
    x = row.latest
    value: object
    if column == "name":
        value = row.name.casefold()
    elif column == "date":
        value = x.reading.day
    elif column == "readings":
        value = x.count
    elif column == "change":
        value = x.change
    elif column == "rank":
        value = row.rank if row.rank is not None else (
            Decimal((row.estimate.best + row.estimate.worst) / 2) if row.estimate is not None else None)
    else:
        value = x.reading.value(column)
    return (value is None, value if value is not None else 0)


def sort_rows(found: Sequence[Row], column: str, descending: bool) -> list[Row]:
    """Rows sorted by ``column`` (a COLUMNS key); a member without the value comes last either way."""
    column = column if column in COLUMNS else "name"
    present = [r for r in found if not _key(r, column)[0]]
    missing = [r for r in found if _key(r, column)[0]]
    present.sort(key=lambda r: (_key(r, column)[1], r.name.casefold()), reverse=descending)
    return present + sorted(missing, key=lambda r: r.name.casefold())


def _change(value: Decimal | None) -> str:
    return "" if value is None else ("+" if value > 0 else "") + fmt(value, 2)


def to_csv(summary: Summary, named: bool) -> str:
    """The report as CSV: one kind of row per "row" value, so a spreadsheet can filter it."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["row", "name", "date", "count", "total", *PILLARS, "change_90_days", "industry_rank", "note"])
    as_of = summary.today.isoformat()
    for label, pick in (("team lowest", "low"), ("team lower quartile", "q1"), ("team median", "median"),
                        ("team upper quartile", "q3"), ("team highest", "high"), ("team mean", "mean")):
        w.writerow([label, "", as_of, summary.totals.count, fmt(getattr(summary.totals, pick), 2),
                    *(fmt(getattr(summary.pillars[p], pick), 2) for p in PILLARS), "", "", "latest readings"])
    w.writerow(["lagging pillar", "", as_of, "", "", *("yes" if p in summary.lagging else "" for p in PILLARS),
                "", "", "; ".join(PILLAR_TITLES[p] for p in summary.lagging)])
    for week in summary.weeks:
        w.writerow(["week", "", week.start.isoformat(), week.count, fmt(week.total.median, 2),
                    *(fmt(week.pillars[p], 2) for p in PILLARS), "", "", "medians of the members counted"])
    for x in summary.stale:
        w.writerow(["stale", _safe_note(x.member.label), x.reading.day.isoformat(), "", "", "", "", "", "", "",
                    "", f"latest reading {x.age} days old"])
    if named:
        for row in sort_rows(rows(summary), "name", False):
            x = row.latest
            w.writerow(["member", _safe_note(row.name), x.reading.day.isoformat(), x.count, plain(x.reading.total),
                        *(plain(getattr(x.reading, p)) for p in PILLARS), _change(x.change), row.rank_text(),
                        "rank is our estimate, not LinkedIn's" if row.rank is None else ""])
    return out.getvalue()


def _files_text(files: Sequence[FileRead]) -> list[str]:
    lines = []
    for f in files:
        if f.problem:
            lines.append(f"{f.file}: not read. {f.problem}")
            continue
        names = ", ".join(found.name or "(no name)" for found in f.found)
        count = sum(len(x.readings) for x in f.found)
        lines.append(f"{f.file} ({f.kind}): {count} reading{'' if count == 1 else 's'} for {names}")
        where = "line" if f.where == "line" else "entry"
        lines += [f"  {where} {r.line}: {r.reason}" for r in f.all_rejected]
    return lines


def to_text(summary: Summary | None, files: Sequence[FileRead] = (), named: bool = False,
            notes: Sequence[str] = ()) -> str:
    """The report as the command line prints it; ``notes`` say how files were put together."""
    lines = [*_files_text(files), *notes]
    if summary is None:
        return "\n".join([*lines, "No member has a usable reading, so there is no team report."]) + "\n"
    s = summary.totals
    if lines:
        lines.append("")
    lines.append(f"Team SSI on {summary.today}: {s.count} member{'s' if s.count != 1 else ''} with readings")
    lines.append(f"Latest totals: median {fmt(s.median)}, middle half {fmt(s.q1)}–{fmt(s.q3)}, lowest {fmt(s.low)},"
                 f" highest {fmt(s.high)}, mean {fmt(s.mean)}")
    lines += ["", f"{'Pillar (out of 25)':<34} {'lowest':>7} {'lower q':>8} {'median':>7} {'upper q':>8}"
                  f" {'highest':>8}"]
    for p in PILLARS:
        t = summary.pillars[p]
        lines.append(f"{PILLAR_TITLES[p]:<34} {fmt(t.low, 2):>7} {fmt(t.q1, 2):>8} {fmt(t.median, 2):>7}"
                     f" {fmt(t.q3, 2):>8} {fmt(t.high, 2):>8}")
    for p in summary.lagging:
        lines += ["", f"The team lags most on {PILLAR_TITLES[p]} (median {fmt(summary.pillars[p].median, 2)} of 25)."
                  " What the guide suggests:"]
        lines += [f"  - {text}" for text in QUICK_WINS[Pillar(p)]]
    lines += ["", "Compared with published figures:"]
    for c in comparisons(summary):
        source = SOURCES[c.source_id]
        lines.append(f"  {c.figure} [{source.title}; {source.trust.value}] {c.team}")
    if summary.stale:
        lines += ["", f"Latest reading more than {STALE_AFTER} days old:"]
        lines += [f"  {x.member.label}: {x.reading.day} ({x.age} days)" for x in summary.stale]
    if summary.single:
        lines += ["", "One reading only (no change to show yet): " + ", ".join(x.member.label for x in summary.single)]
    if summary.empty:
        lines += ["", "No usable reading: " + ", ".join(m.label for m in summary.empty)]
    if len(summary.weeks) > 1:
        lines += ["", "Week of      members  median  middle half"]
        lines += [f"{w.start}  {w.count:>7}  {fmt(w.total.median):>6}  {fmt(w.total.q1)}–{fmt(w.total.q3)}"
                  for w in summary.weeks[-12:][::-1]]
    if named:
        lines += ["", f"{'Name':<30} {'latest':<10} {'total':>6} {'90 days':>8}  industry rank"]
        lines += [f"{row.name[:30]:<30} {row.latest.reading.day!s:<10} {fmt(row.latest.reading.total):>6}"
                  f" {_change(row.latest.change) or '—':>8}  {row.rank_text()}"
                  for row in sort_rows(rows(summary), "name", False)]
    lines += ["", "Medians, quartiles and changes are our own arithmetic on the members' readings; an estimated"
              " rank comes from our model, not from LinkedIn."]
    return "\n".join(lines) + "\n"




def _cell(text: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow([_safe_note(text)])
    return out.getvalue()


def readings_csv(team: Team) -> str:
    """Every member's readings in one CSV with a name column: the team page reads it back as the same team."""
    header = csvio.to_csv(()).strip()
    lines = [f"name,{header}"]
    for m in team.members:
        name = _cell(m.label)
        lines += [f"{name},{line}" for line in csvio.to_csv(m.readings).splitlines()[1:]]
    return "\n".join(lines) + "\n"
