"""The text kept in the browser when the manager chooses to keep the team there, and reading it back.

Compact on purpose: a reading is one line of plain values, so 200 members with five years of weekly readings
(52,000 readings) take about 1.7 million characters, within what browsers give a site's local storage (about
five million), which the Track page's readings share. Reading it back never raises: a damaged entry is counted
and reported, and the page leaves the saved text alone until the manager decides.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..fields import FormErrors
from ..track.jsontext import too_deep
from ..track.readings import OPTIONAL, PILLARS, Reading, make_reading, plain, sort_history
from .load import clean_name
from .model import Member, Part, Team

FORMAT = "ssi-field-guide/team"
VERSION = 1
# Larger than this is not offered for keeping: the browser would likely refuse it, and the Track page's
# readings need room too.
MAX_CHARS = 4_000_000
_COLUMNS = ("date", *PILLARS, *OPTIONAL)


def _line(r: Reading) -> str:
    return ",".join([r.day.isoformat(), *(plain(r.value(n)) for n in (*PILLARS, *OPTIONAL))]).rstrip(",")


def dump(team: Team) -> str:
    """The saved text for a team: names, and each file's readings as compact lines."""
    data = {"format": FORMAT, "version": VERSION, "next": team.next_key, "members": [
        {"key": m.key, "name": m.name,
         "parts": [{"file": p.file, "readings": "\n".join(_line(r) for r in p.readings)} for p in m.parts]}
        for m in team.members]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Loaded:
    team: Team
    problem: str = ""  # what could not be read, when something could not


_LAST: list[tuple[str, Loaded]] = []


def load(text: str) -> Loaded:
    """The team a saved text holds, and what could not be read. Never raises; the last answer is remembered."""
    if _LAST and _LAST[0][0] == text:
        return _LAST[0][1]
    loaded = _load(text)
    _LAST[:] = [(text, loaded)]
    return loaded


def _load(text: str) -> Loaded:
    """
    >>> _load("not json").problem
    'The team kept in this browser could not be read (it is not JSON).'
    >>> _load(dump(Team())).team
    Team(members=(), next_key=1)
    """
    try:
        if too_deep(text, 8):
            raise ValueError
        data: Any = json.loads(text)
    except (ValueError, RecursionError):
        return Loaded(Team(), "The team kept in this browser could not be read (it is not JSON).")
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("members"), list):
        return Loaded(Team(), "The text kept in this browser under the team's name is not a saved team.")
    if data.get("version") != VERSION:
        return Loaded(Team(), f"The team kept in this browser was saved as version {str(data.get('version'))[:12]},"
                              " which this page does not read.")
    members: list[Member] = []
    bad = 0
    used = 0
    for entry in data["members"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("parts"), list):
            bad += 1
            continue
        key = entry.get("key")
        if not isinstance(key, str) or not key.startswith("m") or not key[1:].isdigit() \
                or any(m.key == key for m in members):
            bad += 1
            continue
        used = max(used, int(key[1:]))
        parts = []
        for part in entry["parts"]:
            lines = part.get("readings") if isinstance(part, dict) else None
            file = part.get("file") if isinstance(part, dict) else None
            if not isinstance(lines, str) or not isinstance(file, str):
                bad += 1
                continue
            readings = []
            for line in lines.split("\n") if lines else ():
                try:
                    readings.append(make_reading(dict(zip(_COLUMNS, line.split(","), strict=False))))
                except FormErrors:
                    bad += 1
            parts.append(Part(file[:300], sort_history(readings)))
        name = entry.get("name")
        members.append(Member(key, clean_name(name) if isinstance(name, str) else "", tuple(parts)))
    next_key = data.get("next")
    next_key = max(next_key if isinstance(next_key, int) and not isinstance(next_key, bool) else 0, used + 1)
    problem = (f"{bad} entr{'y' if bad == 1 else 'ies'} of the team kept in this browser could not be read and"
               " are left out; the rest is shown." if bad else "")
    return Loaded(Team(tuple(members), next_key), problem)
