"""Consistency checks that LinkedIn's own rounding allows, run on a pasted or typed reading.

Two rules hold on every reading of the public nine-reading series of 2026 (27 April, 12–19 May):

- the total the page shows is the sum of the four pillars rounded to the nearest whole number
  (52.048 is shown as 52, 52.603 as 53: neither always down nor always up); LinkedIn's own sample page shows
  a total with a decimal (51.1), which is checked to that decimal;
- a group's average (industry or network) is the sum of that group's four pillar averages, rounded the same
  way (34.52 is shown as 35 and 34.49 as 34, on 13 and 17 May).

No reading in the series sits exactly on a half, so how LinkedIn rounds halves is not known; the page's
pillar values are themselves rounded (to 3 decimals for yours, 2 for a group's), so a sum that close to a
half allows either whole number. A reading that breaks a rule is flagged as a probable typo, with both
numbers, and never changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

PILLARS = ("brand", "find", "engage", "relate")
# Half a unit of the last decimal the page shows, four times over (one per pillar).
YOUR_SLACK = Decimal("0.002")
GROUP_SLACK = Decimal("0.02")


@dataclass(frozen=True)
class Breach:
    """A shown whole number that the parts it is made of do not allow."""

    what: str  # "total", "industry_average" or "network_average"
    shown: Decimal
    parts_sum: Decimal
    allowed: tuple[Decimal, ...]

    @property
    def message(self) -> str:
        whose = {"total": "your four pillars", "industry_average": "your industry's four pillar averages",
                 "network_average": "your network's four pillar averages"}[self.what]
        shown_as = {"total": "The total shown", "industry_average": "The industry average shown",
                    "network_average": "The network average shown"}[self.what]
        allowed = " or ".join(_plain(n) for n in self.allowed)
        return (f"Probable typo: {shown_as} is {_plain(self.shown)}, but {whose} add up to"
                f" {_plain(self.parts_sum)}, which the page would show as {allowed}. Check both numbers against"
                " the page before saving.")


def allowed_whole(parts_sum: Decimal, slack: Decimal, places: int = 0) -> tuple[Decimal, ...]:
    """The numbers with ``places`` decimals a sum of rounded parts can be shown as: the nearest, or both of
    them when the sum is within ``slack`` of a half.

    >>> allowed_whole(Decimal("52.048"), YOUR_SLACK), allowed_whole(Decimal("34.49"), GROUP_SLACK)
    ((Decimal('52'),), (Decimal('34'), Decimal('35')))
    >>> allowed_whole(Decimal("51.1"), YOUR_SLACK, 1)
    (Decimal('51.1'),)
    """
    unit = Decimal(1).scaleb(-places)
    low = ((parts_sum - slack) / unit - Decimal("0.5")).to_integral_value(rounding=ROUND_CEILING)
    high = ((parts_sum + slack) / unit - Decimal("0.5")).to_integral_value(rounding=ROUND_FLOOR) + 1
    return tuple(n * unit for n in range(max(int(low), 0), int(high) + 1))


def check(parts: Mapping[str, Decimal], shown: Decimal, what: str) -> Breach | None:
    """A breach when ``shown`` is not what the four ``parts`` allow; None when it is, or a part is missing.

    >>> check({"brand": Decimal("21.048"), "find": Decimal("6.5"), "engage": Decimal("9.5"),
    ...        "relate": Decimal(15)}, Decimal(53), "total").allowed
    (Decimal('52'),)
    """
    if any(p not in parts for p in PILLARS):
        return None
    parts_sum = sum((parts[p] for p in PILLARS), Decimal(0))
    exponent = shown.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0  # LinkedIn's sample page shows "51.1"
    allowed = allowed_whole(parts_sum, YOUR_SLACK if what == "total" else GROUP_SLACK, places)
    if shown in allowed:
        return None
    return Breach(what, shown, parts_sum, allowed)


def check_all(values: Mapping[str, Decimal], shown_total: Decimal | None,
              groups: Mapping[str, Mapping[str, Decimal]]) -> tuple[Breach, ...]:
    """Every rule the values allow: the total, then each group whose average and four pillars are known."""
    out: list[Breach] = []
    if shown_total is not None:
        found = check(values, shown_total, "total")
        if found is not None:
            out.append(found)
    for group in ("industry", "network"):
        average = values.get(f"{group}_average")
        if average is not None and group in groups:
            found = check(groups[group], average, f"{group}_average")
            if found is not None:
                out.append(found)
    return tuple(out)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
