"""The label table: every row sourced, the five languages present, no label read two ways."""

from calculator.track.dashboard_labels import LABELS, LANGUAGES, MARKERS, PILLAR_FIELDS
from calculator.track.paste_tokens import fold


def test_every_row_names_a_known_field_and_language_and_has_a_source() -> None:
    for label in LABELS:
        assert label.field in MARKERS and label.lang in LANGUAGES and label.source and label.text.strip()


def test_each_of_the_five_languages_has_all_four_pillars() -> None:
    for lang in ("en", "pt-BR", "de", "fr", "es"):
        assert {label.field for label in LABELS if label.lang == lang} >= set(PILLAR_FIELDS), lang


def test_no_text_stands_for_two_fields() -> None:
    fields: dict[str, str] = {}
    for label in LABELS:
        key = " ".join(fold(label.text).split())
        assert fields.setdefault(key, label.field) == label.field, label.text


def test_german_french_and_spanish_rows_say_they_come_from_blogs() -> None:
    assert {label.seen for label in LABELS if label.lang in ("de", "fr", "es")} == {"blog"}
