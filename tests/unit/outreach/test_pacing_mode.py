"""The pacing mode says what is official and what is not."""

from tests.unit.outreach.conftest import ask


def test_pacing_is_honest_about_what_is_not_official() -> None:
    html = str(ask("pacing")["html"])
    assert "LinkedIn publishes no invitation limit" in html
    assert "widely reported, not official" in html
    assert "our judgement" in html
