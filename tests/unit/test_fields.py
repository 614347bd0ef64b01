"""What people type into a field: everything is either a number in range or a clear message."""

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.fields import (
    Entry,
    Field,
    FieldError,
    FormErrors,
    NumberError,
    parse_form,
    parse_number,
    parse_value,
    read_number,
)

PILLAR = Field("brand", "Brand", "", Decimal(0), Decimal(25), places=3, required=True, what="pillar score")
RANK = Field("rank", "Rank", "", Decimal(1), Decimal(100), places=1, percent=True, what="rank")


@pytest.mark.parametrize(("typed", "value"), [
    ("20.998", Decimal("20.998")),
    (" 6.4 ", Decimal("6.4")),
    ("15", Decimal("15")),
    ("0", Decimal("0")),
    ("25", Decimal("25")),
    ("10,25", Decimal("10.25")),  # decimal comma
    (".5", Decimal("0.5")),
    ("-0", Decimal("0")),
])
def test_pillar_values_as_the_dashboard_shows_them(typed: str, value: Decimal) -> None:
    assert parse_number(typed, PILLAR) == value


@pytest.mark.parametrize(("typed", "message"), [
    ("", "Enter a pillar score from 0 to 25."),
    ("   ", "Enter a pillar score from 0 to 25."),
    ("abc", "This is not a number."),
    ("NaN", "This is not a number."),
    ("inf", "This is not a number."),
    ("1e3", "This is not a number."),
    ("12.5.1", "This is not a number."),
    ("1,000,5", "This is not a number."),
    ("<img src=x onerror=alert(1)>", "That is too long to be a pillar score."),
    ("-1", "A pillar score cannot be negative"),
    ("25.001", "A pillar score is between 0 and 25."),
    ("99999999999999999999", "A pillar score is between 0 and 25."),
    ("1" * 200, "That is too long to be a pillar score."),
    ("20.9981", "Use at most 3 decimal places"),
])
def test_bad_values_get_a_message_that_says_what_to_do(typed: str, message: str) -> None:
    with pytest.raises(FieldError, match=message.replace(".", r"\.")):
        parse_number(typed, PILLAR)


@pytest.mark.parametrize("typed", ["9", "9%", "Top 9%", "top 9 %", " TOP 9"])
def test_ranks_accept_the_way_the_dashboard_writes_them(typed: str) -> None:
    assert parse_number(typed, RANK) == Decimal(9)


def test_an_optional_field_left_empty_is_none() -> None:
    assert parse_number("", RANK) is None


def test_parse_form_reports_each_bad_field_and_only_those() -> None:
    assert parse_form((PILLAR, RANK), {"brand": "20", "rank": "12"}) == {"brand": Decimal(20), "rank": Decimal(12)}
    with pytest.raises(FormErrors) as problem:
        parse_form((PILLAR, RANK), {"brand": "x", "rank": "12"})
    assert set(problem.value.errors) == {"brand"}


def test_values_that_are_not_text_are_reported_not_crashed_on() -> None:
    with pytest.raises(FormErrors) as problem:
        parse_form((PILLAR, RANK), {"brand": ["20"], "rank": {"a": 1}})
    assert problem.value.errors == {"brand": "This value could not be read. Type it again.",
                                    "rank": "This value could not be read. Type it again."}


@pytest.mark.parametrize(("kind", "typed", "value"), [
    ("check", "on", True),
    ("check", "", False),
    ("text", "  a note  ", "a note"),
])
def test_other_field_kinds(kind: str, typed: str, value: object) -> None:
    field = Field("f", "F", "", kind=kind)  # type: ignore[arg-type]
    assert parse_value(typed, field) == value


def test_a_choice_must_be_one_of_the_options() -> None:
    field = Field("seat", "Seat", "", kind="choice", choices=(("free", "Free"), ("sn", "Sales Navigator")))
    assert parse_value("sn", field) == "sn"
    with pytest.raises(FieldError, match="Choose one of the options"):
        parse_value("premium<script>", field)


@given(st.text(max_size=40))
def test_no_typed_text_escapes_validation(typed: str) -> None:
    try:
        value = parse_number(typed, PILLAR)
    except FieldError as error:
        message = str(error)
        assert message.endswith(".")  # a whole sentence, never an empty message
        return
    assert value is not None
    assert Decimal(0) <= value <= Decimal(25)
    assert value.is_finite()


# ---- Numbers as people type them -----------------------------------------------------------------------

COUNT = Field("n", "N", "", Decimal(0), Decimal(10_000_000), places=0, what="count")
VIEWS = Field("v", "V", "", Decimal(0), Decimal(1_000_000), places=1, what="count")
SCORE = Field("s", "S", "", Decimal(0), Decimal(25), places=3, what="pillar score")
WIDE = Field("w", "W", "", Decimal(0), Decimal(10_000), places=3)


@pytest.mark.parametrize("typed", ["1,200", "1.200", "1 200", "1\u00a0200", "1\u2009200", "1\u202f200", " 1200 "])
def test_a_whole_number_may_group_its_thousands_any_common_way(typed: str) -> None:
    assert read_number(typed, COUNT) == Entry(Decimal(1200))


@pytest.mark.parametrize(("typed", "value"), [
    ("1,250,000", 1_250_000), ("1.250.000", 1_250_000), ("1 250 000", 1_250_000), ("12,345", 12_345),
])
def test_more_groups_of_thousands_read_as_one_number(typed: str, value: int) -> None:
    assert parse_number(typed, COUNT) == Decimal(value)


@pytest.mark.parametrize(("typed", "value"), [
    ("6,4", "6.4"), ("20,998", "20.998"), ("20.998", "20.998"), ("0,5", "0.5"), (",5", "0.5"),
])
def test_decimal_commas_keep_working_in_decimal_fields(typed: str, value: str) -> None:
    assert read_number(typed, SCORE) == Entry(Decimal(value))  # no note: 20998 cannot be a pillar score


@pytest.mark.parametrize(("typed", "value"), [("1,234.5", "1234.5"), ("1.234,5", "1234.5"), ("1 234,5", "1234.5")])
def test_a_grouped_number_with_a_decimal_part_reads_whole(typed: str, value: str) -> None:
    assert parse_number(typed, VIEWS) == Decimal(value)


def test_an_entry_that_could_be_read_two_ways_says_how_it_was_read() -> None:
    entry = read_number("1,250", WIDE)
    assert entry.value == Decimal("1.25")
    assert entry.note == "“1,250” was read as 1.25, with a decimal comma. For 1250, type it without the comma."


def test_the_reading_that_fits_the_field_is_taken_and_said() -> None:
    entry = read_number("1,250", VIEWS)  # 1.25 has too many decimal places for this field
    assert entry.value == Decimal(1250)
    assert entry.note == "“1,250” was read as 1250: the comma separates thousands. For 1.25, type 1.25."


def test_a_message_about_an_ambiguous_entry_says_how_it_was_read() -> None:
    posts = Field("p", "P", "", Decimal(0), Decimal(1000), places=1, what="count")
    with pytest.raises(NumberError, match=re.escape("decimal place, as the dashboard does. “1,250” was read as 1.25.")):
        parse_number("1,250", posts)


@pytest.mark.parametrize("typed", ["1,2,3", "1,20", "12,00,000", "1.2.3", "1 20", "1,,200", "1, 200", "1,200.5.6"])
def test_separators_that_do_not_group_thousands_are_not_numbers(typed: str) -> None:
    with pytest.raises(NumberError):
        parse_number(typed, COUNT)


@pytest.mark.parametrize(("typed", "message"), [("1,5", "Use a whole number"), ("1.5", "Use a whole number"),
                                                ("-1,200", "cannot be negative")])
def test_a_count_still_refuses_a_decimal_and_a_minus(typed: str, message: str) -> None:
    with pytest.raises(NumberError, match=message):
        parse_number(typed, COUNT)


def test_the_notes_of_a_form_are_kept_by_field() -> None:
    parsed = parse_form((WIDE, COUNT), {"w": "1,250", "n": "1,200"})
    assert parsed == {"w": Decimal("1.25"), "n": Decimal(1200)}
    assert list(parsed.notes) == ["w"]
