"""An example history to try the tracker on before trusting it with your own readings.

These are the nine public readings of one LinkedIn member in 2026 (github.com/professorsoares/linkedin-ssi-data,
27 April and 12–19 May), the same series the Sources page lists as a dashboard reading. They show what the
tracker explains: a one-pillar dip overnight (Engage 10.25 → 9.5 on 13 May) and ranks moving while the
pillars stand still (19 May). The example lives only in the page while it is shown: it is never saved, and it
never touches the readings you saved.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .readings import History, Reading

NOTE = "Example reading (public 2026 series)"

# date, brand, find, engage, relate, industry rank, network rank, industry average, network average
_ROWS = (
    ("2026-04-27", "20.973", "6.38", "10.25", "15", "10", "12", "35", "36"),
    ("2026-05-12", "21.048", "6.5", "10.25", "15", "10", "12", "35", "36"),
    ("2026-05-13", "21.048", "6.5", "9.5", "15", "10", "13", "35", "36"),
    ("2026-05-14", "20.998", "6.5", "9.55", "15", "10", "13", "35", "36"),
    ("2026-05-15", "20.998", "6.5", "10.25", "15", "10", "12", "35", "36"),
    ("2026-05-16", "20.998", "6.4", "10.25", "15", "10", "12", "35", "36"),
    ("2026-05-17", "20.998", "6.4", "10.25", "15", "10", "12", "34", "36"),
    ("2026-05-18", "20.998", "6.4", "10.25", "15", "10", "12", "34", "36"),
    ("2026-05-19", "20.998", "6.4", "10.25", "15", "9", "11", "34", "36"),
)


def example_history() -> History:
    """The nine example readings, oldest first.

    >>> h = example_history()
    >>> len(h), h[-1].shown_total, str(h[2].engage)
    (9, 53, '9.5')
    """
    out = []
    for day, brand, find, engage, relate, industry_rank, network_rank, industry_average, network_average in _ROWS:
        out.append(Reading(date.fromisoformat(day), Decimal(brand), Decimal(find), Decimal(engage), Decimal(relate),
                           Decimal(industry_rank), Decimal(network_rank), Decimal(industry_average),
                           Decimal(network_average), NOTE))
    return tuple(out)
