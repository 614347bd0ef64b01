"""What the tracker's page says, for the cases where the words matter most: they must give the real reason."""

import re
from datetime import date

from calculator.modes import WebRequest
from calculator.track.mode import handle
from calculator.track.paste import MAX_PASTE
from tests.unit.conftest import PASTES
from tests.unit.track.tabs import FORM

TODAY = date(2026, 5, 20)


def page(**values: str) -> str:
    html = handle(WebRequest("track", {**FORM, **values}, ""), TODAY)["html"]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_paste_far_too_long_says_so_rather_than_that_nothing_was_found() -> None:
    dashboard = (PASTES / "dashboard_en_2026.txt").read_text(encoding="utf-8")
    padded = dashboard + " " * (MAX_PASTE + 1 - len(dashboard))
    text = page(paste=padded)
    assert f"The pasted text is {MAX_PASTE + 1:,} characters long, far more than a dashboard page" in text
    assert "No dashboard values were found" not in text
    assert "Establish your professional brand" in page(paste=dashboard[:MAX_PASTE])


def test_a_paste_without_a_dashboard_still_explains_what_is_looked_for() -> None:
    assert "No dashboard values were found" in page(paste="just some words")


def test_a_date_in_the_digits_the_number_fields_accept_is_a_date() -> None:
    for day in ("٢٠٢٦-٠٥-١٩", "２０２６-０５-１９", "२०२६-०५-१९"):
        text = page(date=day, paste=(PASTES / "dashboard_en_2026.txt").read_text(encoding="utf-8"))
        assert "not a real date" not in text
        assert "Save as the reading of 2026-05-19" in text
