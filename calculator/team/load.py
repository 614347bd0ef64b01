"""Reading one chosen file into the members it holds, each with its readings and its rejected rows.

A Track export names nobody, so the person is named by the file: ``ana-ssi-readings-2026-05-19.csv`` is "ana".
The export's default name says nothing about the person and gives an unnamed member, never a guess. A CSV with
a name column (a spreadsheet the team fills in) gives one member per name, and a JSON export may carry a
"name". Every problem keeps the line number of the original file, so the manager finds it where it is.

Notes are dropped on reading: they are what a member wrote for themselves, the team view has no use for them,
and what is never held is never kept in the manager's browser.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ..track.csvio import Rejected, _delimiter, _header_key, _unsafe_note, file_problem, read_csv, read_file
from ..track.jsontext import too_deep
from ..track.readings import History

NAME_COLUMNS = frozenset({"name", "member", "member_name", "person", "rep", "seller", "full_name"})
MAX_NAME = 60

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
_EXTENSION = re.compile(r"\.(csv|json|txt|tsv)$", re.IGNORECASE)
_COPY = re.compile(r"\s*\(\d+\)$")  # "name (1).csv": the browser's suffix for a second download
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{8}")
_STOCK_WORDS = re.compile(r"\b(ssi|readings?|exports?|linkedin|tracker)\b", re.IGNORECASE)
_SAME_LINE = re.compile(r"already on line (\d+)")


@dataclass(frozen=True)
class Found:
    """One member's readings in a file: ``name`` is "" when neither the file nor its name says who."""

    name: str
    readings: History
    rejected: tuple[Rejected, ...] = ()


@dataclass(frozen=True)
class FileRead:
    file: str
    found: tuple[Found, ...] = ()
    problem: str = ""  # why nothing in the file could be read, when that is so
    kind: str = "CSV"
    where: str = "line"  # what a Rejected.line counts: "line" or "entry"
    rejected: tuple[Rejected, ...] = ()  # rows that belong to no member (an empty name)

    @property
    def all_rejected(self) -> tuple[Rejected, ...]:
        """Every rejected row of the file, in file order."""
        rows = [*self.rejected, *(r for f in self.found for r in f.rejected)]
        return tuple(sorted(rows, key=lambda r: r.line))


def clean_name(raw: str) -> str:
    """A member's name on one line, at most MAX_NAME characters.

    >>> clean_name("  Ana\\tSouza \\n"), len(clean_name("x" * 99))
    ('Ana Souza', 60)
    """
    return " ".join(_CONTROL.sub(" ", raw).split())[:MAX_NAME].strip()


def name_key(name: str) -> str:
    """What two names must share to be the same person: case and spacing do not count.

    >>> name_key(" ANA  souza") == name_key("Ana Souza")
    True
    """
    return " ".join(name.casefold().split())


def name_from_file(file_name: str) -> str:
    """The person a file's name names, or "" when it is a stock name (such as the Track page's default).

    >>> name_from_file("ana-ssi-readings-2026-05-19.csv"), name_from_file("Bob_Jones (1).json")
    ('ana', 'Bob Jones')
    >>> name_from_file("ssi-readings-2026-05-19 (2).csv"), name_from_file("20260519.csv")
    ('', '')
    """
    stem = _EXTENSION.sub("", file_name.replace("\\", "/").rsplit("/", 1)[-1])
    stem = _COPY.sub("", stem)
    stem = _DATE.sub(" ", stem)
    stem = re.sub(r"[-_.]+", " ", stem)
    return clean_name(_STOCK_WORDS.sub(" ", stem))


def _without_notes(readings: History) -> History:
    return tuple(replace(r, note="") if r.note else r for r in readings)


def read_team_file(file_name: str, text: str | None, size: int, today: date | None = None) -> FileRead:
    """Read one chosen file; never raises. ``text`` is None when the page did not read it (too large)."""
    problem = file_problem(file_name, text, size)
    if problem or text is None:
        return FileRead(file_name, problem=problem or f"“{file_name}” could not be read.")
    body = text.lstrip("\ufeff \t\r\n")
    if not (file_name.lower().endswith(".json") or body[:1] in "{["):
        column = _name_column(text.lstrip("\ufeff"))
        if column is not None:
            split = _read_by_name(file_name, text.lstrip("\ufeff"), *column, today)
            if split is not None:
                return split
    got = read_file(file_name, text, size, today)
    if got.problem:
        return FileRead(file_name, problem=f"“{file_name}”: {got.problem}", kind=got.kind, where=got.where)
    name = (_json_name(body) if got.kind == "JSON" else "") or name_from_file(file_name)
    return FileRead(file_name, (Found(name, _without_notes(got.readings), got.rejected),), kind=got.kind,
                    where=got.where)


def _json_name(body: str) -> str:
    """The "name" (or "member") an export's top-level object carries, if any."""
    if ('"name"' not in body and '"member"' not in body) or too_deep(body):
        return ""
    try:
        data: Any = json.loads(body)
    except (ValueError, RecursionError):
        return ""
    if not isinstance(data, dict):
        return ""
    found = data.get("name", data.get("member"))
    return clean_name(found) if isinstance(found, str) else ""


def _name_column(text: str) -> tuple[str, int] | None:
    """The delimiter and the index of a column naming the member, when the header has one."""
    first = next((line for line in text.splitlines() if line.strip() and not line.startswith("#")), None)
    if first is None:
        return None
    delimiter = _delimiter(first)
    header = next(csv.reader([first], delimiter=delimiter), [])
    index = next((i for i, cell in enumerate(header) if _header_key(cell) in NAME_COLUMNS), None)
    return None if index is None else (delimiter, index)


def _read_by_name(file_name: str, text: str, delimiter: str, column: int, today: date | None) -> FileRead | None:
    """Members of a file with a name column; None when no row names anyone (the file is one member then)."""
    physical = io.StringIO(text).readlines()  # the same lines the CSV reader counts
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=False)
    header: list[str] | None = None
    header_lines: list[int] = []
    groups: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    rejected: list[Rejected] = []
    before = 0
    try:
        for row in reader:
            lines = list(range(before + 1, reader.line_num + 1))
            before = reader.line_num
            if not "".join(row).strip() or row[0].startswith("#"):
                continue
            if header is None:
                header, header_lines = row, lines
                continue
            if len(row) != len(header):
                rejected.append(Rejected(reader.line_num,
                                         f"has {len(row)} values, but the header names {len(header)} columns"))
                continue
            name = clean_name(_unsafe_note(row[column]))  # undo the guard our CSV puts before a formula
            if not name:
                rejected.append(Rejected(reader.line_num, "the name column is empty: whose reading is this?"))
                continue
            key = name_key(name)
            names.setdefault(key, name)
            groups.setdefault(key, []).extend(lines)
    except csv.Error as error:
        rejected.append(Rejected(reader.line_num, f"the rest of the file is not valid CSV ({error})"))
    if not groups:
        return None
    found = []
    for key, lines in groups.items():
        origin = header_lines + lines  # line k of the member's part is line origin[k - 1] of the file
        got = read_csv("".join(physical[i - 1] for i in origin), today)
        if got.problem:
            return FileRead(file_name, problem=f"“{file_name}”: {got.problem}", rejected=tuple(rejected))

        def place(line: int, origin: list[int] = origin) -> int:
            return origin[line - 1] if 1 <= line <= len(origin) else line

        moved = tuple(Rejected(place(r.line), _SAME_LINE.sub(lambda m: f"already on line {place(int(m[1]))}",
                                                             r.reason)) for r in got.rejected)
        found.append(Found(names[key], _without_notes(got.readings), moved))
    return FileRead(file_name, tuple(found), rejected=tuple(rejected))
