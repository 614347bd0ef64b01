"""Words and numbers the estimate and plan pages share: the honesty line, page addresses, how points show."""

from __future__ import annotations

from ..evidence import LAGGARD_BELOW, LEADER_ABOVE, Band, band_for
from ..html import Context, number
from .score import Estimate
from .terms import Term

PLAN_PAGE = "calculator/plan/"
METHOD_PAGE = "calculator/methodology/"
# The methodology page sits at calculator/methodology/: its generated tables link to the site from there.
METHOD_CTX = Context("../../")

OURS = ("Our estimate, not LinkedIn's: LinkedIn keeps its formula private. The inputs per pillar are the ones"
        " LinkedIn names; the weights are ours, calibrated against published readings.")


def pts(value: float) -> str:
    """Points as the estimate pages show them: one decimal place at most."""
    return number(value, 1)


def shown(term: Term, amount: float) -> str:
    """An input's amount with its unit: "yes", "40%", "3 a week"."""
    if term.curve == "flag":
        return "yes" if amount else "no"
    unit = "%" if term.unit.startswith("%") else f" {term.unit}"
    return f"{number(amount, 1)}{unit}"


def band_of(e: Estimate) -> Band:
    """LinkedIn's band for the estimate's rounded total."""
    return band_for(min(100, max(0, round(e.total.value))))


def crossing(e: Estimate) -> str:
    """A warning when the likely range straddles one of LinkedIn's band lines; "" when it does not."""
    lines = [line for line in (LAGGARD_BELOW, LEADER_ABOVE) if e.total.low < line < e.total.high]
    if not lines:
        return ""
    return (f"The likely range crosses LinkedIn's line at {' and '.join(str(x) for x in lines)}, so your real"
            " band could be either side of it.")


def item_effort(weekly: float, once: float) -> str:
    """A plan item's time: "15 min once" or "20 min a week"."""
    return f"{once:.0f} min once" if once else f"{weekly:.0f} min a week"
