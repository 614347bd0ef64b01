"""Paste → preview → confirm through the Track mode: field by field, nothing saved before the button."""

import re
from datetime import date

from calculator.modes import Response, WebRequest
from calculator.track.mode import handle
from calculator.track.paste_view import digest
from calculator.track.storage import load

from .pages import page

TODAY = date(2026, 5, 20)
FORM = {"date": "2026-05-19", "brand": "", "find": "", "engage": "", "relate": "", "note": "", "paste": "",
        "shown": "20"}


def ask(action: str = "", stored: str | None = None, **values: str) -> Response:
    return handle(WebRequest("track", {**FORM, **values}, "../../", action=action, stored=stored), TODAY)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def box(html: str, name: str) -> str:
    found = re.search(rf'name="paste_{name}"[^>]*value="([^"]*)"', html)
    assert found, name
    return found.group(1)


def test_a_portuguese_2026_page_is_shown_field_by_field_and_saved_only_on_confirm() -> None:
    text = page("pt_2026_value_then_label.txt")
    shown = ask(paste=text)
    assert "store" not in shown
    html = shown["html"]
    assert [box(html, n) for n in ("brand", "find", "engage", "relate")] == ["8.38", "6.10", "1.00", "8.60"]
    assert box(html, "industry_rank") == "83" and box(html, "industry_average") == ""
    words = text_of(html)
    assert "Read as Portuguese (Brazil); layout: each value on the line before its label" in words
    assert "read before its label (“8,38”)" in words and "not as yours" in words
    assert "Not found: Industry average SSI, Network average SSI" in words
    done = ask("confirm-paste", paste=text, paste_digest=digest(text))
    reading = load(done["store"]).readings[0]
    assert (str(reading.brand), str(reading.relate), reading.day) == ("8.38", "8.60", date(2026, 5, 19))


def test_a_value_typed_in_a_box_is_kept_and_saved() -> None:
    text = page("en_old_label_tab_value.txt")
    typed = {"paste": text, "paste_digest": digest(text), "paste_brand": "7.55", "paste_find": "5.00",
             "paste_engage": "2.25", "paste_relate": "9.00", "paste_total": ""}
    shown = ask(**typed)
    assert box(shown["html"], "brand") == "7.55"
    assert "typed by you; the page text gave 7.50" in text_of(shown["html"])
    done = ask("confirm-paste", **typed)
    assert str(load(done["store"]).readings[0].brand) == "7.55"


def test_new_pasted_text_replaces_what_was_typed_for_the_old_one() -> None:
    old = page("en_old_label_tab_value.txt")
    shown = ask(paste=page("de_label_then_value.txt"), paste_digest=digest(old), paste_brand="7.55")
    assert box(shown["html"], "brand") == "14.2"


def test_a_missing_pillar_is_left_empty_and_nothing_is_saved_until_typed() -> None:
    text = page("en_2026_label_then_value.txt")
    cut = text[:text.index("10.25")]
    shown = ask(paste=cut)
    assert box(shown["html"], "engage") == "" and 'data-action="confirm-paste"' not in shown["html"]
    assert "To save this reading, fix or fill in: Engage with insights, Build relationships" in text_of(shown["html"])
    refused = ask("confirm-paste", paste=cut)
    assert "store" not in refused and "Nothing was saved" in text_of(refused["html"])
    typed = {"paste": cut, "paste_digest": digest(cut), "paste_brand": "20.998", "paste_find": "6.4",
             "paste_engage": "10.25", "paste_relate": "15", "paste_total": "53"}
    assert load(ask("confirm-paste", **typed)["store"]).readings[0].shown_total == 53


def test_a_typo_in_the_total_is_flagged_with_both_numbers_and_can_still_be_saved() -> None:
    text = page("pt_2026_label_then_value.txt").replace("53 de 100", "58 de 100")
    shown = ask(paste=text)
    words = text_of(shown["html"])
    assert "Probable typo: The total shown is 58, but your four pillars add up to 52.648" in words
    assert 'data-action="confirm-paste"' in shown["html"]


def test_a_bad_value_typed_in_a_box_is_named_next_to_it() -> None:
    text = page("en_old_label_tab_value.txt")
    shown = ask(paste=text, paste_digest=digest(text), paste_brand="31", paste_find="5", paste_engage="2",
                paste_relate="9", paste_total="")
    assert 'aria-invalid="true"' in shown["html"] and "31 is outside 0 to 25" in text_of(shown["html"])


def test_text_in_an_unknown_language_names_the_languages_read() -> None:
    words = text_of(ask(paste="Costruisci il tuo brand professionale 20,5")["html"])
    assert "No SSI values were found" in words and "Portuguese (Brazil), German, French, Spanish" in words


def test_hostile_text_in_the_boxes_is_escaped() -> None:
    text = page("en_old_label_tab_value.txt")
    html = ask(paste=text, paste_digest=digest(text), paste_brand='"><script>alert(1)</script>')["html"]
    assert "<script>" not in html
