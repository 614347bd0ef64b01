"""The forms rendered at build time from each mode's fields, so the form and its validation agree."""

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
