"""The example history: the public 2026 series, apart from anything saved."""

from datetime import date

from calculator.track.example import NOTE, example_history


def test_the_example_is_the_nine_public_readings() -> None:
    history = example_history()
    assert [r.day for r in history][:2] == [date(2026, 4, 27), date(2026, 5, 12)]
    assert [r.shown_total for r in history] == [53, 53, 52, 52, 53, 53, 53, 53, 53]
    assert all(r.note == NOTE for r in history)
