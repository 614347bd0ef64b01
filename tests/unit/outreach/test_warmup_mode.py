"""The warm-up mode's CSV download."""

from tests.unit.outreach.conftest import ask


def test_the_warmup_download_is_a_csv_of_the_plan() -> None:
    response = ask("warmup", action="csv", target="50", days="5")
    download = response["download"]
    assert isinstance(download, dict)
    assert download["name"] == "warm-up-plan.csv"
    assert download["type"] == "text/csv"
    assert download["text"].startswith("Week,Invitations this week,")
    assert 'data-action="csv"' in str(response["html"])


def test_no_download_without_the_button_or_with_bad_values() -> None:
    assert "download" not in ask("warmup")
    bad = ask("warmup", action="csv", target="500")
    assert bad["ok"] is False
    assert "download" not in bad
