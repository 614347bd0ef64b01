"""The forms rendered at build time, and the interpret result as HTML and text."""

from calculator.fields import parse_form
from calculator.forms import render_form
from calculator.modes import registry

MODE = registry()["interpret"]


def test_every_field_has_a_label_help_and_an_error_slot() -> None:
    html = render_form(MODE.name, MODE.fields, MODE.legends, MODE.defaults())
    for field in MODE.fields:
        fid = f"interpret-{field.name}"
        assert f'<label for="{fid}">' in html
        assert f'id="{fid}-help"' in html
        assert f'id="{fid}-error"' in html
        assert f'aria-describedby="{fid}-help {fid}-error"' in html


def test_form_values_are_escaped() -> None:
    html = render_form(MODE.name, MODE.fields, MODE.legends, {"brand": '"><script>alert(1)</script>'})
    assert "<script>" not in html
    assert "&quot;&gt;&lt;script&gt;" in html


def test_the_text_report_says_what_the_page_says() -> None:
    parsed, errors = parse_form(MODE.fields, MODE.defaults())
    assert not errors
    text = MODE.render_text(MODE.run(parsed))
    assert text.startswith("SSI 53 / 100")
    assert "LinkedIn's industry rank: top 9%" in text
    assert "our estimate, not LinkedIn's" in text


def test_the_model_description_shows_the_fit_to_real_readings() -> None:
    html = MODE.describe()
    assert "top 9%" in html
    assert "12 to 16 points" in html
