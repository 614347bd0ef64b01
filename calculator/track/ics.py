"""A calendar reminder to check the SSI, weekly or monthly, as an iCalendar file (RFC 5545) that any calendar
app imports: no server, no account, nothing sent anywhere.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

Every = Literal["weekly", "monthly"]
SUMMARY = "Check my LinkedIn SSI"
DESCRIPTION = ("Open linkedin.com/sales/ssi, copy the page, and paste it into the Track page of the SSI Field"
               " Guide (or type the four pillars). A reading a week is plenty; the score moves slowly.")
_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """A content line cut into pieces of at most 75 octets, each piece after the first starting with a space."""
    pieces: list[str] = []
    current, size = "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        limit = 75 if not pieces else 74
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += ch
        size += width
    pieces.append(current)
    return [pieces[0], *(" " + p for p in pieces[1:])]


def rule(start: date, every: Every) -> str:
    """The recurrence: the same weekday each week, or the same day each month (the month's last day when it is
    shorter).

    >>> rule(date(2026, 5, 19), "weekly"), rule(date(2026, 1, 31), "monthly")
    ('FREQ=WEEKLY;BYDAY=TU', 'FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1')
    """
    if every == "weekly":
        return f"FREQ=WEEKLY;BYDAY={_DAYS[start.weekday()]}"
    if start.day <= 28:
        return f"FREQ=MONTHLY;BYMONTHDAY={start.day}"
    days = ",".join(str(d) for d in range(28, start.day + 1))
    return f"FREQ=MONTHLY;BYMONTHDAY={days};BYSETPOS=-1"


def reminder(start: date, every: Every, made: date | None = None) -> str:
    """The calendar file: one all-day event on ``start``, repeating, with a reminder at 9:00 that day.

    >>> text = reminder(date(2026, 5, 19), "weekly")
    >>> text.startswith("BEGIN:VCALENDAR\\r\\n"), "RRULE:FREQ=WEEKLY;BYDAY=TU\\r\\n" in text
    (True, True)
    """
    stamp = (made or start).strftime("%Y%m%dT000000Z")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//SSI Field Guide//Track my SSI//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:ssi-check-{every}-{start:%Y%m%d}@ssi-field-guide",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{start + timedelta(days=1):%Y%m%d}",
        f"RRULE:{rule(start, every)}",
        f"SUMMARY:{_escape(SUMMARY)}",
        f"DESCRIPTION:{_escape(DESCRIPTION)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(SUMMARY)}",
        "TRIGGER;RELATED=START:PT9H",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(piece + "\r\n" for line in lines for piece in _fold(line))


def file_name(every: Every) -> str:
    return f"ssi-check-{every}.ics"
