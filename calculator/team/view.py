"""The team page's result: the files read, the members, and what the team's readings show, as one fragment.

Sections follow the questions a manager brings: where the team stands, which pillar to coach, how the team
has moved, whose reading is old, and how all that compares with the figures LinkedIn published. The page
prints as the team report (the print rules hide the controls).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..evidence import LAGGARD_BELOW, LEADER_ABOVE
from ..html import Context, button, cite, esc, link, scroll_box
from ..pillars import QUICK_WINS, QUICK_WINS_ANCHOR, Pillar
from . import chart
from .compare import comparisons
from .load import FileRead
from .model import Team
from .stats import STALE_AFTER, Summary
from .tables import FORM_ID, files_report, members_table, named_table, same_names_notice


@dataclass(frozen=True)
class Page:
    """Everything one answer shows."""

    team: Team
    summary: Summary | None
    files: Sequence[FileRead] = ()
    messages: Sequence[str] = ()
    named: bool = False
    sort: str = "name"
    keep: bool = False
    saved_problem: str = ""  # the team kept in the browser could not all be read


def _messages(page: Page) -> str:
    if not page.messages:
        return ""
    return ('<div class="ssi-notice ssi-team-message" role="status">'
            + "".join(f"<p>{esc(m)}</p>" for m in page.messages) + "</div>")


def _saved_problem(page: Page) -> str:
    if not page.saved_problem:
        return ""
    return (f'<div class="ssi-notice ssi-team-saved" role="alert"><p>{esc(page.saved_problem)} Nothing will be'
            " written over it until you choose: download it as it is first, then keep the team shown here in the"
            f" browser instead, or remove the saved text.</p><p>{button('saved-download', 'Download the saved team')}"
            f" {button('keep', 'Keep the team shown here instead')} {button('saved-remove', 'Remove the saved team')}"
            "</p></div>")


def _lagging(summary: Summary, ctx: Context) -> str:
    parts = []
    for p in summary.lagging:
        pillar = Pillar(p)
        actions = "".join(f"<li>{esc(text)}</li>" for text in QUICK_WINS[pillar])
        parts.append(
            f'<div class="ssi-team-lag"><p>The pillar the team lags on: <strong>{esc(pillar.title)}</strong>,'
            f" median {esc(chart.fmt(summary.pillars[p].median, 2))} of 25, the lowest of the four medians."
            f" What the guide suggests for it:</p><ul>{actions}</ul><p>"
            f"{link(ctx, pillar.guide + QUICK_WINS_ANCHOR, f'More on raising {pillar.title}')}, on the pillar's"
            " page.</p></div>")
    if len(summary.lagging) > 1:
        parts.insert(0, f"<p>{len(summary.lagging)} pillars share the lowest median.</p>")
    return "".join(parts)


def _compared(summary: Summary, ctx: Context) -> str:
    rows = "".join(f"<tr><td>{esc(c.figure)}</td><td>{cite(ctx, c.source_id)}</td><td>{esc(c.team)}</td></tr>"
                   for c in comparisons(summary))
    return (scroll_box("The team beside published figures",
                       '<table class="ssi-team-compare"><caption>The team beside published figures</caption><thead>'
                       '<tr><th scope="col">Published figure</th><th scope="col">Source, and how far to trust it'
                       f'</th><th scope="col">Your team</th></tr></thead><tbody>{rows}</tbody></table>')
            + '<p class="ssi-caveat">These figures are a decade old or come'
            " from one member's dashboards, and they cover sales professionals in general: they say roughly where"
            " a team stands, not what it should score.</p>")


def _attention(summary: Summary) -> str:
    parts = []
    if summary.stale:
        items = "".join(f"<li>{esc(x.member.label)}: latest reading {esc(x.reading.day)}, {x.age} days ago</li>"
                        for x in summary.stale)
        parts.append(f"<p>Latest reading more than {STALE_AFTER} days old (ask for a new export; their old"
                     f" reading still counts above):</p><ul>{items}</ul>")
    if summary.single:
        names = ", ".join(x.member.label for x in summary.single)
        parts.append(f"<p>One reading only, so no change to show yet: {esc(names)}.</p>")
    if summary.empty:
        names = ", ".join(m.label for m in summary.empty)
        parts.append(f"<p>No usable reading (they are left out of every figure): {esc(names)}.</p>")
    return "".join(parts) or f"<p>Every member has a reading from the last {STALE_AFTER} days.</p>"


def _coaching(ctx: Context) -> str:
    return (
        '<div class="ssi-team-coaching"><p>This view shows the team, not a league table. SSI counts activity on'
        " LinkedIn, not results. LinkedIn's evidence that high scorers sell more compares only the two ends"
        f" (above {LEADER_ABOVE} against below {LAGGARD_BELOW}), with sales results the sellers reported"
        f" themselves ({cite(ctx, 'li-leaders-study')}),"
        " and LinkedIn itself speaks of a correlation. A score that counts activity is also easy to push up with"
        " engagement pods, mass invitations and automation, each of which harms the account and the brand: once"
        " the score is the target, it stops telling you anything. Use the figures above to decide what to coach,"
        f" and judge people on outcomes such as accepted invitations, replies and meetings"
        f" ({link(ctx, 'outreach/metrics/', 'metrics that matter more')};"
        f" {link(ctx, 'evidence/does-ssi-matter/', 'does SSI matter?')}).</p></div>")


def render(page: Page, ctx: Context) -> str:
    parts = ['<div class="ssi-result-body ssi-team">',
             f'<input type="hidden" form="{FORM_ID}" name="sort" value="{esc(page.sort)}">',
             _saved_problem(page), _messages(page)]
    if page.files:
        parts.append(f"<h3>Files read</h3>{files_report(page.files)}")
    if not page.team.members:
        parts.append("<p>No team loaded yet. Ask each member to export their readings from the Track page (Export"
                     " CSV or Export JSON) and send you the file, named after them; then choose all the files above"
                     " at once.</p>")
    else:
        parts += [same_names_notice(page.team), members_table(page.team, page.summary)]
    s = page.summary
    if s is not None:
        t = s.totals
        parts.append(
            f'<h3>Where the team stands</h3><p class="ssi-total"><span class="ssi-total__value">'
            f"{esc(chart.fmt(t.median))}</span><span class=\"ssi-total__of\"> median of {t.count} latest totals"
            f" on {esc(s.today)}</span></p><p>The middle half of the team scores {esc(chart.fmt(t.q1))} to"
            f" {esc(chart.fmt(t.q3))}; the lowest latest total is {esc(chart.fmt(t.low))} and the highest"
            f" {esc(chart.fmt(t.high))}.</p>")
        parts += [chart.distribution(s), "<h3>The four pillars</h3>", chart.pillars(s), _lagging(s, ctx),
                  "<h3>Compared with published figures</h3>", _compared(s, ctx)]
        over = chart.over_time(s.weeks)
        parts += ["<h3>The team over time</h3>", over or "<p>Readings over two weeks or more show the team's"
                  " median week by week.</p>", "<h3>Whose reading is old</h3>", _attention(s),
                  "<h3>Coaching, not ranking</h3>", _coaching(ctx)]
        if page.named:
            parts.append(named_table(s, page.sort))
        else:
            parts.append("<p>A table of members by name is off. If you need one (to prepare one-to-one"
                         " conversations, say), choose “On” under “Table with each member's name” above.</p>")
        parts.append(
            f'<p class="ssi-team-tools">{button("report-csv", "Download the report (CSV)", True)}'
            f' {button("readings-csv", "Download all readings (one CSV)")}'
            " To print the report, use your browser's Print command: the page prints without its controls.</p>")
    if page.team.members:
        keep = (button("unkeep", "Stop keeping the team in this browser") if page.keep
                else button("keep", "Keep the team in this browser"))
        where = ("The team is kept in this browser's local storage, on this device only, until you stop keeping"
                 " it." if page.keep else "The files are held only in this tab's memory: closing or reloading the"
                 " tab forgets them. Keeping the team stores its readings (not the files' notes) in this"
                 " browser, on this device only.")
        parts.append(f'<p class="ssi-team-tools">{keep} {button("forget", "Forget the team")}</p>'
                     f'<p class="ssi-note">{esc(where)} Nothing is sent anywhere.</p>')
    parts.append("</div>")
    return "".join(parts)

