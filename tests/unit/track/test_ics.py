"""The reminder calendar file: valid iCalendar any calendar app imports."""

from datetime import date

import pytest

from calculator.track.ics import file_name, reminder, rule


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_a_weekly_reminder_repeats_on_the_same_weekday() -> None:
    text = reminder(date(2026, 5, 19), "weekly", made=date(2026, 5, 19))
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "RRULE:FREQ=WEEKLY;BYDAY=TU" in lines and "DTSTART;VALUE=DATE:20260519" in lines
    assert "SUMMARY:Check my LinkedIn SSI" in lines and "TRIGGER;RELATED=START:PT9H" in lines
    assert file_name("weekly") == "ssi-check-weekly.ics"


def test_lines_are_folded_at_75_octets_and_end_with_crlf() -> None:
    text = reminder(date(2026, 5, 19), "monthly")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert any(line.startswith(" ") for line in text.split("\r\n"))
    assert "DESCRIPTION:Open linkedin.com/sales/ssi\\, copy the page\\," in "".join(unfold(text))


@pytest.mark.parametrize(("day", "expected"), [
    (date(2026, 5, 19), "FREQ=MONTHLY;BYMONTHDAY=19"),
    (date(2026, 1, 29), "FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=-1"),
    (date(2026, 3, 31), "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"),
])
def test_a_monthly_reminder_late_in_the_month_falls_on_the_last_day_of_shorter_months(day: date,
                                                                                       expected: str) -> None:
    assert rule(day, "monthly") == expected


def test_the_same_reminder_is_the_same_file() -> None:
    assert reminder(date(2026, 5, 19), "weekly") == reminder(date(2026, 5, 19), "weekly")
    assert "UID:ssi-check-weekly-20260519@ssi-field-guide" in reminder(date(2026, 5, 19), "weekly")
