"""The home page's quick reading: the four pillar values in, the total, its band and the weakest pillar out,
and a link that opens the full interpreter on the same values.

It reuses the interpreter's fields (so the link's names are the interpreter's) and its model's pieces, and
leaves the rest (the percentile estimate, the evidence) to the full page. Its fields start empty: the home
page opens on an invitation to type, not on someone else's numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from ..evidence import Band, band_for
from ..fields import Field, Parsed
from ..html import Context, esc, link
from ..modes import Mode
from ..pillars import Pillar, Scores, shown_total
from .mode import FIELDS as INTERPRET_FIELDS
from .model import weakest_pillars

INTERPRET_PAGE = "calculator/interpret/"

# Optional while typing: a pillar not typed yet is not a mistake, so it gets no message next to its field.
FIELDS: tuple[Field, ...] = tuple(
    replace(f, required=False, default="") for f in INTERPRET_FIELDS if f.name in {p.value for p in Pillar}
)
LEGENDS = {"pillars": "Your four pillar scores, from your SSI dashboard"}


@dataclass(frozen=True)
class Reading:
    scores: Scores
    total_shown: int
    band: Band
    weakest: Pillar


@dataclass(frozen=True)
class Waiting:
    """Not every pillar typed yet."""

    missing: tuple[Pillar, ...]


Quick = Reading | Waiting


def run(values: Parsed) -> Quick:
    typed = {p: values.number(p.value) for p in Pillar}
    missing = tuple(p for p, v in typed.items() if v is None)
    if missing:
        return Waiting(missing)
    scores = Scores(*(v for v in typed.values() if v is not None))
    total = shown_total(scores.total)
    return Reading(scores, total, band_for(total), weakest_pillars(scores, 1)[0])


def handover(ctx: Context, scores: Scores | None = None) -> str:
    """The full interpreter's address, with the values in its fragment (which the browser never sends)."""
    if scores is None:
        return ctx.url(INTERPRET_PAGE)
    return ctx.url(INTERPRET_PAGE) + "#" + urlencode({p.value: format(v, "f") for p, v in scores.values().items()})


def render_html(result: Quick, ctx: Context) -> str:
    if isinstance(result, Waiting):
        todo = ", ".join(p.title for p in result.missing)
        return (
            '<div class="ssi-result-body ssi-quick">'
            "<p>Type your four pillar scores: your total, its band and your weakest pillar appear here as soon as"
            f" all four are in. Still to type: {esc(todo)}.</p>"
            f'<p class="ssi-more">Or {link(ctx, handover(ctx), "open the full interpreter")}, which also'
            " estimates where you stand against your industry and network.</p></div>"
        )
    weakest = result.weakest
    value = format(result.scores.values()[weakest], "f")
    return (
        '<div class="ssi-result-body ssi-quick">'
        f'<p class="ssi-total"><span class="ssi-total__value">{esc(result.total_shown)}</span>'
        f'<span class="ssi-total__of"> out of 100</span></p>'
        f'<p class="ssi-band ssi-band--{esc(result.band.key)}"><strong>{esc(result.band.name)}</strong></p>'
        f'<p class="ssi-quick__weakest">Weakest pillar: <strong>{link(ctx, weakest.guide, weakest.title)}</strong>'
        f" ({esc(value)} of 25).</p>"
        f'<p class="ssi-more"><a class="ssi-handover" href="{esc(handover(ctx, result.scores))}">Open in the full'
        " interpreter</a> for where you stand, the evidence behind the band and what to work on first.</p>"
        "</div>"
    )


def render_text(result: Quick) -> str:
    if isinstance(result, Waiting):
        return "Still to type: " + ", ".join(p.title for p in result.missing) + "\n"
    value = format(result.scores.values()[result.weakest], "f")
    return (f"SSI {result.total_shown} / 100\nBand: {result.band.name}\n"
            f"Weakest pillar: {result.weakest.title} ({value} of 25)\n")


MODE: Mode[Quick] = Mode(
    name="quick",
    title="Quick reading of your score",
    fields=FIELDS,
    legends=LEGENDS,
    run=run,
    render_html=render_html,
    render_text=render_text,
    start_on_input=True,
)
