"""``python -m calculator paste FILE``: what the paste reader recognises in a saved copy of the SSI page.

It prints every value found (and how), what was not found, every doubt and the rounding checks; the exit
code is 0 when the four pillars were read, 2 otherwise (with the reason on standard error), never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

from ..fields import Parsed
from ..html import Context
from ..modes import Command, Mode
from .dashboard_labels import LANGUAGES
from .paste import MAX_PASTE, Pasted, parse
from .readings import LABELS, plain

NAME = "paste"
MAX_BYTES = MAX_PASTE * 4  # UTF-8 takes at most four bytes a character


def render_text(pasted: Pasted) -> str:
    """The report for a pasted text, one line per value.

    >>> print(render_text(parse("Engage with insights 9,5 Build relationships 15 Network SSI rank Top 9%")), end="")
    Read as English; layout: each value after its label.
    Engage with insights               9.5      after its label (“9,5”)
    Build relationships                15       after its label (“15”)
    Network rank (Top N%)              9        after its label (“Top 9%”)
    Not found: Establish your professional brand, Find the right people, Industry rank (Top N%), Industry average SSI,
    Network average SSI.
    """
    read = pasted.read
    if not pasted.found_anything:
        return "".join(f"{note}\n" for note in read.notes) or "No SSI values found.\n"
    lines = [f"Read as {' and '.join(read.languages) or 'no language this reader knows'}"
             + (f"; layout: {read.layout}." if read.layout else ".")]
    width = max(len(label) for label in LABELS.values())
    if read.total is not None:
        lines.append(f"{'Total shown on the page':<{width}}  {plain(read.total.value):<7}  “{read.total.raw}”")
    for name, found in read.found.items():
        lines.append(f"{LABELS[name]:<{width}}  {plain(found.value):<7}  {found.how} (“{found.raw}”)")
    if pasted.missing:
        lines += textwrap.wrap("Not found: " + ", ".join(LABELS[n] for n in pasted.missing) + ".", 120)
    lines += [*read.set_aside, *read.notes]
    lines += [b.message for b in pasted.breaches]
    if read.total is not None and pasted.complete and not pasted.breaches:
        lines.append(f"Check: the total shown ({plain(read.total.value)}) is what the four pillars add up to"
                     f" ({plain(sum((pasted.values[p] for p in ('brand', 'find', 'engage', 'relate')), Decimal(0)))}),"
                     " rounded as the page rounds.")
    for group, pillars in read.groups.items():
        average = pasted.values.get(f"{group}_average")
        if average is not None and len(pillars) == 4 and not pasted.breaches:
            lines.append(f"Check: the {group} average shown ({plain(average)}) is its four pillar averages added"
                         f" up ({plain(sum(pillars.values(), Decimal(0)))}), rounded the same way.")
    return "\n".join(lines) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a text file holding the SSI page as copied (select all, copy, paste)")


def main(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            print(f"{path}: {size:,} bytes, far more than an SSI page; save only that page.", file=sys.stderr)
            return 2
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as error:
        print(f"{path}: {error.strerror or error}", file=sys.stderr)
        return 2
    pasted = parse(text)
    sys.stdout.write(render_text(pasted))
    if pasted.complete:
        return 0
    if not pasted.found_anything:
        known = ", ".join(LANGUAGES.values())
        print(f"{path}: no SSI values found. The reader knows the page's labels in {known}.", file=sys.stderr)
    else:
        missing = ", ".join(LABELS[n] for n in pasted.missing if n in ("brand", "find", "engage", "relate"))
        print(f"{path}: not every pillar could be read ({missing}); type them on the Track page.", file=sys.stderr)
    return 2


def _run(values: Parsed) -> Pasted:
    return parse("")


def _html(pasted: Pasted, ctx: Context) -> str:
    return "<p>Paste your SSI page on the Track page to read it.</p>"


MODE: Mode[Pasted] = Mode(
    name=NAME,
    title="Read a copied SSI page (what the paste reader recognises)",
    fields=(),
    legends={},
    run=_run,
    render_html=_html,
    render_text=render_text,
    command=Command(add_arguments, main),
)
