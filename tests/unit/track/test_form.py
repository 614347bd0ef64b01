"""The tracker's form: the same rules as a saved reading, and the storage key people's readings live under."""

from calculator.track.form import FIELDS, FORM_ID, NAME, STORAGE_KEY
from calculator.track.readings import VALUE_FIELDS


def test_the_storage_key_is_the_one_readings_were_always_saved_under() -> None:
    assert STORAGE_KEY == "ssi-field-guide:readings"
    assert (NAME, FORM_ID) == ("track", "track-form")


def test_the_value_fields_check_what_a_saved_reading_checks() -> None:
    for f in FIELDS:
        if f.name in VALUE_FIELDS:
            rule = VALUE_FIELDS[f.name]
            assert (f.minimum, f.maximum, f.places) == (rule.minimum, rule.maximum, rule.places)
            assert f.percent == rule.percent
            assert f.help and f.required == (f.name in ("brand", "find", "engage", "relate"))
