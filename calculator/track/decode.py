"""The bytes of a chosen file as text, in the encoding it was saved in, and a word when that was a guess.

Spreadsheets save CSV in several encodings: UTF-8 (with or without a byte order mark), UTF-16 with a mark
(Excel's "Unicode text"), and, from Excel on Windows, "CSV (Comma delimited)" in the Windows code page
(Windows-1252 in Western Europe and the Americas). A file never says which; a mark or valid UTF-8 is
certain, anything else is read as Windows-1252 and the import says so, so an accent never changes silently.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # as people know it: "UTF-8", "UTF-16", "Windows-1252"
    note: str = ""  # what the person should know about the reading, when it was not certain


_MARKS = (  # longest first: the UTF-32 little-endian mark starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_SAMPLE = 8192
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def decode(data: bytes, name: str = "the file") -> Decoded:
    """The file's text. Never raises: bytes no encoding explains come out as U+FFFD, and the note says so.

    >>> decode("café".encode()).text, decode("café".encode("utf-16")).encoding
    ('café', 'UTF-16')
    >>> got = decode("café réunion".encode("cp1252"), "notes.csv")
    >>> got.text, got.encoding, got.note[:48]
    ('café réunion', 'Windows-1252', '“notes.csv” is not UTF-8 text, so it was read as')
    """
    for mark, codec, shown in _MARKS:
        if data.startswith(mark):
            return _with_replacements(data[len(mark):].decode(codec, errors="replace"), shown, name)
    wide = _utf16_without_mark(data)  # first: mostly-ASCII UTF-16 is valid UTF-8 too, full of NUL characters
    if wide:
        return _with_replacements(data.decode(wide, errors="replace"), "UTF-16", name)
    try:
        return Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    as_utf8 = data.decode("utf-8", errors="replace")
    sample = as_utf8[:_SAMPLE * 4]
    bad = sample.count("\ufffd")
    if len(_NON_ASCII.findall(sample)) - bad > bad:
        # Mostly valid UTF-8 with a few broken bytes (a file pieced together): read as UTF-8, and say so.
        return _with_replacements(as_utf8, "UTF-8", name)
    text = data.decode("cp1252", errors="replace")
    return Decoded(text, "Windows-1252", (
        f"“{name}” is not UTF-8 text, so it was read as Windows-1252 (what Excel on Windows saves as “CSV"
        " (Comma delimited)”): check that accented letters in your notes look right. Saving as “CSV UTF-8”"
        " avoids the guess."))


def _utf16_without_mark(data: bytes) -> str:
    """"utf-16-le" or "utf-16-be" when the bytes look like mostly-ASCII UTF-16 (every other byte zero)."""
    sample = data[:_SAMPLE - _SAMPLE % 2]
    if len(sample) < 4:
        return ""
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return ""


def _with_replacements(text: str, encoding: str, name: str) -> Decoded:
    bad = text.count("\ufffd")
    if not bad:
        return Decoded(text, encoding)
    return Decoded(text, encoding, f"“{name}” was read as {encoding}, but {bad:,} of its characters could not be"
                   " read and are shown as “\ufffd”: check your notes.")
