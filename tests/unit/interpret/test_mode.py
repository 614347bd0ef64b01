"""The "Interpret my score" mode: its result as text, and the model description on its page."""

from calculator.interpret.mode import MODE
from calculator.modes import evaluate


def test_the_text_report_says_what_the_page_says() -> None:
    text = MODE.render_text(evaluate(MODE, MODE.defaults()).result)
    assert text.startswith("SSI 53 / 100")
    assert "LinkedIn's industry rank: top 9%" in text
    assert "our estimate, not LinkedIn's" in text


def test_the_model_description_shows_the_fit_to_real_readings() -> None:
    html = MODE.describe()
    assert "top 9%" in html
    assert "12 to 16 points" in html
