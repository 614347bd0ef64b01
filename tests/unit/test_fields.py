"""What people type into a field: everything is either a number in range or a clear message."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.fields import Field, FieldError, FormErrors, parse_form, parse_number, parse_value

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
