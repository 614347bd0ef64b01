"""JSON text read in time proportional to its length: the depth check, and the entries of a list cut off.

Saved text and chosen files may be of any shape, made by accident or on purpose. Everything here is a single
pass (regular expressions that never scan the same text twice, and the C JSON scanner), so a megabyte of
crafted text takes milliseconds, not hours.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

# Saved readings nest three levels deep. Far deeper JSON is damage or mischief, and reading it could exhaust the
# stack (under Pyodide that is a fatal error, not a RecursionError), so depth is checked before parsing.
MAX_DEPTH = 32
# A string, or an unterminated one running to the end of the text. The loop is unrolled and its alternatives
# cannot overlap, and a match never fails once it has started at a quote: so no start is ever scanned twice
# (the form ``"(?:[^"\\]|\\.)*"`` rescans the rest of the text from every escaped quote after an unterminated
# string, which made 64 KB take a minute).
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def too_deep(text: str, limit: int = MAX_DEPTH) -> bool:
    """True when JSON text nests arrays or objects more than ``limit`` levels deep (strings ignored).

    >>> too_deep('{"readings": [{"note": "[[[["}]}'), too_deep("[" * 40), too_deep('["x\\\\"' + "[" * 40)
    (False, True, False)
    """
    brackets = _NOT_BRACKETS.sub("", _STRING.sub("", text))
    if brackets.count("[") + brackets.count("{") <= limit:
        return False
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0) > limit


_DECODER = json.JSONDecoder(parse_float=str, parse_int=str)  # numbers kept as written, as storage reads them
_SPACE = re.compile(r"[ \t\r\n]*")
# Where the list of readings starts in the saved format: {"format": …, "version": …, "readings": [
_READINGS = re.compile(r'"readings"[ \t\r\n]*:[ \t\r\n]*\[')


@dataclass(frozen=True)
class Salvage:
    """The complete entries at the start of a damaged list, and where the damage begins."""

    header: dict[str, Any]  # the object's other members before the list ({} for a bare list)
    entries: list[Any]
    damaged_at: int  # index in the text of the first character that could not be read


def _space(text: str, at: int) -> int:
    found = _SPACE.match(text, at)
    return found.end() if found else at


def salvage(text: str, checked: bool = False) -> Salvage | None:
    """The readable start of saved text that is not valid JSON (cut off mid-write, say); None when the text
    does not even start like a list of readings. ``checked``: the text is known not to be :func:`too_deep`.

    >>> s = salvage('{"format":"f","version":1,"readings":[{"date":"a"},{"date":"b"},{"da')
    >>> s.header, s.entries, s.damaged_at
    ({'format': 'f', 'version': '1'}, [{'date': 'a'}, {'date': 'b'}], 64)
    >>> salvage('[{"date":"a"} {"date":"b"}]').entries, salvage("not json") is None
    ([{'date': 'a'}], True)
    """
    if not checked and too_deep(text):
        return None
    start = _space(text, 0)
    header: dict[str, Any] = {}
    if text.startswith("[", start):
        at = start + 1
    elif text.startswith("{", start):
        found = _READINGS.search(text, start)
        if found is None:
            return None
        try:  # the members before the list, closed where the list starts: valid only at the top level
            parsed = json.loads(text[start:found.start()].rstrip(" \t\r\n,") + "}", parse_float=str, parse_int=str)
        except ValueError:
            return None
        if not isinstance(parsed, dict):  # pragma: no cover - a text opened with { parses to an object
            return None
        header, at = parsed, found.end()
    else:
        return None
    entries: list[Any] = []
    while True:
        at = _space(text, at)
        if text.startswith("]", at):  # the list itself is whole: the damage is after it
            return Salvage(header, entries, _space(text, at + 1))
        try:
            entry, end = _DECODER.raw_decode(text, at)
        except (ValueError, RecursionError):
            return Salvage(header, entries, at)
        entries.append(entry)
        at = _space(text, end)
        if text.startswith(",", at):
            at += 1
        elif not text.startswith("]", at):
            return Salvage(header, entries, at)
