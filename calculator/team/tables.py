"""The two tables that carry names: the members and their files (to name, merge, split or remove them), and the
table with names the manager may ask for, sortable by any column.

The members' table shows no scores: it is for putting the files right. Scores by name appear only in the
table with names, sorted by name until the manager sorts otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..html import button, esc, scroll_box
from ..track.readings import plain
from .chart import fmt
from .load import FileRead
from .model import Member, Team, same_names
from .report import COLUMNS, rows, sort_rows
from .stats import STALE_AFTER, Summary

FORM_ID = "team-form"
REJECTED_SHOWN = 200


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _member_notes(m: Member, summary: Summary | None) -> list[str]:
    notes = []
    readings = m.readings
    if not readings:
        notes.append("No usable reading: see the file's rejected rows above.")
    elif len(readings) == 1:
        notes.append("One reading: it counts in the latest figures; a change needs a second.")
    if summary is not None and readings and (summary.today - readings[-1].day).days > STALE_AFTER:
        notes.append(f"Latest reading is {(summary.today - readings[-1].day).days} days old.")
    for c in m.conflicts[:5]:
        notes.append(f"{c.day}: “{c.kept_file}” gives total {plain(c.kept.total)}, “{c.other_file}” gives"
                     f" {plain(c.other.total)}; the first is used.")
    if len(m.conflicts) > 5:
        notes.append(f"…and {len(m.conflicts) - 5} more dates on which the files differ.")
    return notes


def members_table(team: Team, summary: Summary | None) -> str:
    """Every member with a name box, their files, how many readings, and what needs attention."""
    body = []
    for m in team.members:
        fid = f"team-name-{m.key}"
        readings = m.readings
        span = f"{readings[0].day} to {readings[-1].day}" if len(readings) > 1 else (
            str(readings[0].day) if readings else "—")
        files = "".join(
            f"<li>{esc(f)}"
            + (f" {button(f'apart:{m.key}:{i}', 'Keep apart', label=f'Keep apart “{f}” from {m.label}')}"
               if len(m.parts) > 1 else "") + "</li>"
            for i, f in enumerate(m.files))
        notes = "".join(f"<li>{esc(n)}</li>" for n in _member_notes(m, summary))
        body.append(
            f'<tr><td><input id="{fid}" form="{FORM_ID}" name="name_{esc(m.key)}" type="text" autocomplete="off"'
            f' aria-label="Name of {esc(m.label)}"'
            f' spellcheck="false" maxlength="60" value="{esc(m.name)}" placeholder="Type a name"></td>'
            f'<td><ul class="ssi-team-files">{files}</ul></td><td>{len(readings):,}</td><td>{esc(span)}</td>'
            f'<td>{f"<ul>{notes}</ul>" if notes else "—"}</td>'
            f"<td>{button(f'remove:{m.key}', 'Remove', label=f'Remove {m.label}')}</td></tr>")
    head = "".join(f'<th scope="col">{h}</th>' for h in ("Name", "Files", "Readings", "Dates", "To note", "Change"))
    opened = " open" if len(team.members) <= 30 or any(not m.name for m in team.members) else ""
    return (f'<details class="ssi-team-members"{opened}><summary>Members and their files'
            f" ({len(team.members)})</summary>"
            "<p>Type a name in the box of anyone the files do not name. Names are used once you press “Save"
            " names” or any other button. Files that name the same person are merged; “Keep apart” undoes"
            " that.</p>"
            + scroll_box("Members, their files and readings",
                         '<table class="ssi-team-member-list"><caption>Members, their files and readings (no scores)'
                         f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")
            + f"<p>{button('names', 'Save names', True)}</p></details>")


def same_names_notice(team: Team) -> str:
    groups = same_names(team)
    if not groups:
        return ""
    items = []
    for group in groups:
        first, *rest = group
        merges = " ".join(button(f"merge:{first.key}:{m.key}", "Merge them",
                                 label=f"Merge them: member {m.key.removeprefix('m')} into member"
                                       f" {first.key.removeprefix('m')}") for m in rest)
        items.append(f"<li>{_plural(len(group), 'member')} are called “{esc(first.name)}”. If they are one person,"
                     f" {merges}; if not, give one of them another name.</li>")
    return f'<div class="ssi-notice ssi-team-same" role="status"><ul>{"".join(items)}</ul></div>'


def named_table(summary: Summary, sort: str) -> str:
    """The members' latest figures by name, sorted by ``sort`` ("total", or "-total" for high to low)."""
    column = sort.lstrip("-") if sort.lstrip("-") in COLUMNS else "name"
    descending = sort.startswith("-")
    head = []
    for key, title in COLUMNS.items():
        state = ("descending" if descending else "ascending") if key == column else ""
        aria = f' aria-sort="{state}"' if state else ""
        nxt = f"-{key}" if key == column and not descending else key
        arrow = (" ↓" if descending else " ↑") if state else ""
        head.append(f'<th scope="col"{aria}><button type="button" class="ssi-team-sort" data-action="sort:{esc(nxt)}"'
                    f' aria-label="Sort by {esc(title)}">{esc(title + arrow)}</button></th>')
    body = []
    for row in sort_rows(rows(summary), column, descending):
        x = row.latest
        r = x.reading
        old = ' <span class="ssi-team-old">(old)</span>' if x.stale else ""
        change = "—" if x.change is None else ("+" if x.change > 0 else "") + fmt(x.change, 2)
        rank = (f"top {esc(plain(row.rank))}% <span class=\"ssi-team-source\">(dashboard)</span>"
                if row.rank is not None else
                f'{esc(row.rank_text().removesuffix(" (estimate)"))} <span class="ssi-team-estimate">(estimate)</span>')
        body.append(f'<tr><th scope="row">{esc(row.name)}</th><td>{esc(r.day)}{old}</td><td>{x.count:,}</td>'
                    f"<td>{esc(fmt(r.total))}</td>"
                    + "".join(f"<td>{esc(plain(getattr(r, p)))}</td>" for p in ("brand", "find", "engage", "relate"))
                    + f"<td>{esc(change)}</td><td>{rank}</td></tr>")
    return scroll_box("Each member's latest reading, by name",
                      '<table class="ssi-team-named"><caption>Each member\'s latest reading,'
                      f" by name (sorted by {esc(COLUMNS[column].lower())}). An industry rank marked “estimate” is"
                      " our model's range for the total, because that member's dashboard rank was not in the file;"
                      f" it is not LinkedIn's figure.</caption><thead><tr>{''.join(head)}</tr></thead>"
                      f"<tbody>{''.join(body)}</tbody></table>")


def files_report(files: Sequence[FileRead]) -> str:
    """What each chosen file gave: its members and readings, every row it could not use, or why it was refused."""
    items = []
    for f in files:
        if f.problem:
            items.append(f'<li class="ssi-team-refused"><strong>Not read</strong>: {esc(f.problem)}</li>')
            continue
        names = ", ".join(found.name or "no name yet" for found in f.found)
        outcome = f" ({f.kind}): {_plural(sum(len(x.readings) for x in f.found), 'reading')} for {names}."
        rejected = f.all_rejected
        where = "Line" if f.where == "line" else "Entry"
        rows_html = "".join(f"<li>{where} {r.line}: {esc(r.reason)}</li>" for r in rejected[:REJECTED_SHOWN])
        more = (f"<p>…and {len(rejected) - REJECTED_SHOWN} more rejected rows, not listed.</p>"
                if len(rejected) > REJECTED_SHOWN else "")
        listing = (f"<p>{_plural(len(rejected), 'row')} could not be used:</p><ol class=\"ssi-rejected\">"
                   f"{rows_html}</ol>{more}" if rejected else "")
        items.append(f"<li><strong>{esc(f.file)}</strong>{esc(outcome)}{listing}</li>")
    return f'<ul class="ssi-team-file-report">{"".join(items)}</ul>' if items else ""
