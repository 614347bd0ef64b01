"""Readings and files for the team tests: small, dated, and exported the way the Track page exports them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from calculator.modes import SentFile
from calculator.track.csvio import to_csv, to_json
from calculator.track.readings import History, Reading

TODAY = date(2026, 5, 20)


def reading(day: date | str, brand: str = "20", find: str = "6", engage: str = "10", relate: str = "15",
            **optional: str) -> Reading:
    when = date.fromisoformat(day) if isinstance(day, str) else day
    base = Reading(when, Decimal(brand), Decimal(find), Decimal(engage), Decimal(relate), note=optional.pop("note", ""))
    return replace(base, **{k: Decimal(v) for k, v in optional.items()})


def weekly(weeks: int, last: date = TODAY, brand: str = "20", step: str = "0.1") -> History:
    """``weeks`` readings a week apart ending on ``last``; the brand pillar climbs by ``step`` a week."""
    return tuple(reading(last - timedelta(weeks=weeks - 1 - i), str(min(Decimal(brand) + Decimal(step) * i,
                                                                         Decimal(25))))
                 for i in range(weeks))


def csv_file(name: str, readings: History) -> SentFile:
    text = to_csv(readings)
    return SentFile(name, text, len(text.encode()))


def json_file(name: str, readings: History) -> SentFile:
    text = to_json(readings)
    return SentFile(name, text, len(text.encode()))


def text_file(name: str, text: str) -> SentFile:
    return SentFile(name, text, len(text.encode()))
