"""A chosen file's bytes in the encodings spreadsheets save: read right, or the guess named, never silently
replaced characters."""

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.track.decode import decode

NOTE = "café réunion, Zürich – “quoted” €5"


@pytest.mark.parametrize(("data", "encoding"), [
    (NOTE.encode(), "UTF-8"),
    (codecs.BOM_UTF8 + NOTE.encode(), "UTF-8"),
    (NOTE.encode("utf-16"), "UTF-16"),  # with its byte order mark, as Excel's "Unicode text"
    (codecs.BOM_UTF16_BE + NOTE.encode("utf-16-be"), "UTF-16"),
    (NOTE.encode("utf-32"), "UTF-32"),
    ("date,note\n2026-05-19,Zurich\n".encode("utf-16-le"), "UTF-16"),  # no mark: every other byte zero
])
def test_files_with_a_mark_or_valid_utf8_are_read_exactly_and_silently(data: bytes, encoding: str) -> None:
    got = decode(data)
    assert got.text in (NOTE, "date,note\n2026-05-19,Zurich\n")
    assert got.encoding == encoding and got.note == ""


def test_windows_1252_from_excel_is_read_right_and_the_guess_is_named() -> None:
    got = decode(NOTE.encode("cp1252"), "export.csv")
    assert got.text == NOTE and "\ufffd" not in got.text
    assert got.encoding == "Windows-1252"
    assert "“export.csv” is not UTF-8 text, so it was read as Windows-1252" in got.note


def test_utf8_with_a_few_broken_bytes_says_how_many_characters_were_replaced() -> None:
    data = ("café réunion " * 20).encode() + b"\xff" + " déjà".encode()
    got = decode(data, "pieced.csv")
    assert got.encoding == "UTF-8" and got.text.count("\ufffd") == 1
    assert "1 of its characters could not be read" in got.note


@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=80),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_any_text_with_a_mark_or_as_utf8_is_read_back_exactly(text: str, codec: str) -> None:
    got = decode(text.encode(codec))
    assert got.text == text and got.note == ""


@given(st.binary(max_size=300))
def test_a_replacement_character_always_comes_with_a_word(data: bytes) -> None:
    got = decode(data)
    if "\ufffd" in got.text and "\ufffd".encode() not in data:
        assert got.note
