"""The "Interpret my score" mode: its result as text, and the model description on its page."""

from calculator.html import Context
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
    assert "21 of 21 known readings fall inside the ranges it shows" in html
    assert "gamma" in html and "bell" not in html


def test_the_readings_wait_behind_a_summary_that_counts_them() -> None:
    html = MODE.describe()
    summary = '<details class="ssi-reference"><summary>The 21 readings, one by one</summary>'
    assert summary in html
    # Closed on arrival, and every reading's row inside it, after the sentence that sums them up.
    assert "<details open" not in html
    assert html.index("known readings fall inside") < html.index(summary) < html.index("LinkedIn said")
    assert html.endswith("</details>")


def test_the_estimate_without_a_group_average_says_which_averages_it_spans() -> None:
    html = MODE.render_html(evaluate(MODE, MODE.defaults()).result, Context())
    assert "sales professionals in general" not in html
    assert "Against a group averaging 28.2 to 36" in html
    assert "21 of 21 known readings" in html


def test_vendor_labels_carry_the_vendor_claim_label() -> None:
    text = MODE.render_text(evaluate(MODE, MODE.defaults()).result)
    assert "Vendor labels (vendor claims" in text
    assert "(unverified)" not in text
