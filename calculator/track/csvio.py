"""Import and export of readings as CSV and JSON.

An export imported again gives the same readings to the last digit: values are written exactly as they are
held (Decimal digits, never floats). An import never raises and never removes a saved reading: it keeps the
valid rows and lists every rejected row with its line number and the reason.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from ..fields import MAX_FILE_BYTES, FormErrors
from .decode import decode
from .jsontext import too_deep
from .readings import LABELS, OPTIONAL, PILLARS, History, Merge, Reading, make_reading, plain
from .storage import FORMAT, dump, reading_from_dict

# Five years of daily readings export to about 200 KB; anything far larger is not a readings file.
MAX_BYTES = MAX_FILE_BYTES
MAX_ROWS = 50_000
LISTED = 200  # rejected rows and conflicts an import lists by line

COLUMNS: tuple[str, ...] = ("date", *PILLARS, "total", *OPTIONAL, "note")
REQUIRED: tuple[str, ...] = ("date", *PILLARS)

# Header names people (and other trackers) use for our columns.
_ALIASES: dict[str, str] = {
    "day": "date", "reading_date": "date", "when": "date",
    "establish_your_professional_brand": "brand", "professional_brand": "brand",
    "find_the_right_people": "find", "find_people": "find", "right_people": "find",
    "engage_with_insights": "engage", "insights": "engage",
    "build_relationships": "relate", "relationships": "relate",
    "ssi": "total", "total_ssi": "total", "score": "total",
    "notes": "note", "comment": "note",
}

# Spreadsheets run a cell that starts with one of these as a formula; a quote in front keeps it text.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")


@dataclass(frozen=True)
class Rejected:
    line: int  # line of the file (CSV) or number of the entry (JSON); 0 for the file as a whole
    reason: str


@dataclass(frozen=True)
class Imported:
    readings: History
    rejected: tuple[Rejected, ...] = ()
    problem: str = ""  # why nothing at all could be read, when that is so
    kind: str = "CSV"
    where: str = "line"  # what Rejected.line counts: "line" or "entry"
    note: str = ""  # how the file's bytes were read, when that was a guess or not clean


@dataclass(frozen=True)
class ImportNote:
    """What an import tells the person, as plain text: render.py marks it up, and a save not yet stored keeps
    it to tell again (sync.py)."""

    summary: str
    encoding: str = ""  # how the file's bytes were read, when that was a guess
    conflicts: tuple[str, ...] = ()  # dates already saved with other values
    rejected: tuple[str, ...] = ()
    more: int = 0  # rejected rows not listed

    def as_dict(self) -> dict[str, Any]:
        return {"summary": self.summary, "encoding": self.encoding, "conflicts": list(self.conflicts),
                "rejected": list(self.rejected), "more": self.more}

    @classmethod
    def from_dict(cls, data: object) -> ImportNote | None:
        if not isinstance(data, dict) or not isinstance(data.get("summary"), str):
            return None
        def texts(key: str) -> tuple[str, ...]:
            value = data.get(key)
            return tuple(t for t in value if isinstance(t, str)) if isinstance(value, list) else ()
        more, encoding = data.get("more"), data.get("encoding")
        return cls(data["summary"], encoding if isinstance(encoding, str) else "", texts("conflicts"),
                   texts("rejected"), more if isinstance(more, int) and not isinstance(more, bool) else 0)


def note_for(name: str, got: Imported, merged: Merge | None) -> ImportNote:
    """What an import did: counts, dates whose saved values differ from the file's, and the rejected rows."""
    if merged is None:
        return ImportNote(got.problem)
    counts = [f"{len(merged.added)} new reading{'s' if len(merged.added) != 1 else ''} added"]
    if merged.unchanged:
        counts.append(f"{merged.unchanged} already saved")
    if merged.conflicts:
        counts.append(f"{len(merged.conflicts)} kept as saved (the file has different values)")
    if got.rejected:
        counts.append(f"{len(got.rejected)} rejected")
    where = "Line" if got.where == "line" else "Entry"
    return ImportNote(
        f"From “{name}” ({got.kind}): {'; '.join(counts)}. Saved readings are never removed by an import.",
        got.note,
        tuple(f"{saved.day}: saved total {plain(saved.total)}, file total {plain(new.total)}"
              for saved, new in merged.conflicts[:LISTED]),
        tuple(f"{where} {r.line}: {r.reason}" for r in got.rejected[:LISTED]),
        max(0, len(got.rejected) - LISTED))


# ---- export -----------------------------------------------------------------------------------------------


def _safe_note(note: str) -> str:
    return "'" + note if _FORMULA.match(note) else note


def _unsafe_note(note: str) -> str:
    return note[1:] if note.startswith("'") and _FORMULA.match(note[1:]) else note


def to_csv(readings: History) -> str:
    """The readings as CSV with a header; the total column is for reading only (imports recompute it).

    >>> from decimal import Decimal as D
    >>> print(to_csv((Reading(date(2026, 5, 19), D("20.998"), D("6.4"), D("10.25"), D("15"), note="=1+1"),)))
    date,brand,find,engage,relate,total,industry_rank,network_rank,industry_average,network_average,note
    2026-05-19,20.998,6.4,10.25,15,52.648,,,,,'=1+1
    <BLANKLINE>
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in readings:
        writer.writerow([r.day.isoformat(), *(plain(getattr(r, p)) for p in PILLARS), plain(r.total),
                         *(plain(getattr(r, n)) for n in OPTIONAL), _safe_note(r.note)])
    return out.getvalue()


def to_json(readings: History) -> str:
    """The readings in the same versioned format the browser keeps."""
    return dump(readings)


# ---- import -----------------------------------------------------------------------------------------------


def file_problem(name: str, text: str | None, size: int) -> str:
    """Why a chosen file cannot be a readings file at all, or "" when it is worth reading."""
    if size > MAX_BYTES or (text is None and size > 0):
        return (f"“{name}” is {size / 1024 / 1024:.1f} MB, too large to be a readings file (five years of daily"
                f" readings take about 0.2 MB; the limit is {MAX_BYTES // 1024 // 1024} MB). Nothing was imported.")
    if text is None or not text.strip("\ufeff \t\r\n"):
        return f"“{name}” is empty. Nothing was imported."
    sample = text[:8192]
    if "\x00" in sample or sample.count("\ufffd") > max(3, len(sample) // 100):
        return (f"“{name}” looks like a binary file (a spreadsheet or an image?), not CSV or JSON text."
                " Save it as CSV (comma-separated values) and import that. Nothing was imported.")
    return ""


def read_upload(name: str, data: bytes | None, size: int, today: date | None = None) -> Imported:
    """Read a chosen file from its bytes, in the encoding it was saved in (decode.py says how that is found).

    >>> got = read_upload("x.csv", "date,brand,find,engage,relate,note\\n2026-05-19,1,1,1,1,é\\n".encode("cp1252"), 1)
    >>> got.readings[0].note, got.note[:30]
    ('é', '“x.csv” is not UTF-8 text, so ')
    """
    if data is None or size > MAX_BYTES:
        return read_file(name, None, size, today)
    decoded = decode(data, name)
    got = read_file(name, decoded.text, size, today)
    return replace(got, note=decoded.note) if decoded.note and not got.problem else got


def read_file(name: str, text: str | None, size: int, today: date | None = None) -> Imported:
    """Read a chosen file as JSON (by its name or its first character) or CSV."""
    problem = file_problem(name, text, size)
    if problem or text is None:
        return Imported((), problem=problem or "Nothing was imported.")
    body = text.lstrip("\ufeff \t\r\n")
    if name.lower().endswith(".json") or body[:1] in "{[":
        return read_json(body, today)
    return read_csv(text.lstrip("\ufeff"), today)


def _header_key(cell: str) -> str:
    key = re.sub(r"[^a-z0-9]+", "_", cell.strip().lower()).strip("_")
    return _ALIASES.get(key, key)


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def read_csv(text: str, today: date | None = None) -> Imported:
    """Rows of a CSV file with a header naming at least the date and the four pillars.

    >>> got = read_csv("date;brand;find;engage;relate\\n2026-05-19;20,998;6,4;10,25;15\\n2026-05-20;x;1;1;1\\n")
    >>> [r.total for r in got.readings], got.rejected
    ([Decimal('52.648')], (Rejected(line=3, reason='Establish your professional brand: “x” is not a number'),))
    """
    lines = text.splitlines()
    header_index = next((i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")), None)
    if header_index is None:
        return Imported((), problem="The file holds no rows. Nothing was imported.")
    delimiter = _delimiter(lines[header_index])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=False)
    header: list[str] | None = None
    columns: dict[str, int] = {}
    picks: list[tuple[str, int]] = []
    rejected: list[Rejected] = []
    readings: list[Reading] = []
    seen: dict[date, int] = {}
    try:
        for row in reader:
            line = reader.line_num
            if not "".join(row).strip() or row[0].startswith("#"):
                continue
            if header is None:
                header = row
                columns = {}
                for i, cell in enumerate(row):
                    columns.setdefault(_header_key(cell), i)
                picks = [(name, i) for name, i in columns.items() if name in COLUMNS]
                missing = [c for c in REQUIRED if c not in columns]
                if missing:
                    shown = ", ".join(f"“{c.strip()[:30]}”" for c in row[:12])
                    return Imported((), problem=(
                        f"The file's first row should name the columns; it lacks {', '.join(missing)}."
                        f" It has: {shown}. Export from this page gives the expected layout. Nothing was imported."))
                continue
            if len(readings) + len(rejected) >= MAX_ROWS:
                rejected.append(Rejected(line, f"more than {MAX_ROWS:,} rows; the rest of the file was not read"))
                break
            if len(row) != len(header):
                rejected.append(Rejected(line, f"has {len(row)} values, but the header names {len(header)} columns"))
                continue
            values = {name: row[i] for name, i in picks}
            values["note"] = _unsafe_note(values.get("note", "").strip())
            try:
                reading = make_reading(values, today)
            except FormErrors as problem:
                rejected.append(Rejected(line, _reasons(problem.errors)))
                continue
            if reading.day in seen:
                rejected.append(Rejected(line, f"the date {reading.day} is already on line {seen[reading.day]}"
                                               " (one reading per date)"))
                continue
            seen[reading.day] = line
            readings.append(reading)
    except csv.Error as error:
        rejected.append(Rejected(reader.line_num, f"the rest of the file is not valid CSV ({error})"))
    if header is None:
        return Imported((), problem="The file holds no rows. Nothing was imported.")
    return Imported(tuple(sorted(readings, key=lambda r: r.day)), tuple(rejected))


def _reasons(errors: dict[str, str]) -> str:
    names = {"date": "Date", "note": "Note", **LABELS}
    return "; ".join(f"{names.get(name, name)}: {message}" for name, message in errors.items())


def read_json(text: str, today: date | None = None) -> Imported:
    """Readings from our JSON export (or a bare list of reading objects)."""
    try:
        if too_deep(text):
            raise ValueError("it nests far too deeply to be readings")
        data: Any = json.loads(text, parse_float=str, parse_int=str)
    except (ValueError, RecursionError) as error:
        return Imported((), problem=f"The file is not valid JSON ({str(error)[:80]}). Nothing was imported.",
                        kind="JSON")
    if isinstance(data, dict) and isinstance(data.get("readings"), list):
        entries: list[Any] = data["readings"]
        if data.get("format", FORMAT) != FORMAT:
            return Imported((), problem="The JSON file is not a readings export from this site. Nothing was imported.",
                            kind="JSON")
    elif isinstance(data, list):
        entries = data
    else:
        return Imported((), problem="The JSON file holds no list of readings. Nothing was imported.", kind="JSON")
    readings: list[Reading] = []
    rejected: list[Rejected] = []
    seen: dict[date, int] = {}
    for index, entry in enumerate(entries[:MAX_ROWS]):
        found = reading_from_dict(entry, index)
        if not isinstance(found, Reading):
            rejected.append(Rejected(index + 1, found.reason))
        elif today is not None and found.day > today + timedelta(days=1):
            rejected.append(Rejected(index + 1, f"Date: {found.day} is in the future"))
        elif found.day in seen:
            rejected.append(Rejected(index + 1, f"the date {found.day} is already in entry {seen[found.day]}"
                                                " (one reading per date)"))
        else:
            seen[found.day] = index + 1
            readings.append(found)
    if len(entries) > MAX_ROWS:
        rejected.append(Rejected(MAX_ROWS + 1, f"more than {MAX_ROWS:,} entries; the rest was not read"))
    return Imported(tuple(sorted(readings, key=lambda r: r.day)), tuple(rejected), kind="JSON", where="entry")
