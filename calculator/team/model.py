"""The team: members, the files each came from, and the rules for putting files together.

A member is a name and the parts (one per file) their readings came from. Their readings are the parts merged
in the order the files were loaded: a date two files give with different values keeps the first file's
reading, and the difference is listed, never hidden. Keeping the parts lets the manager split a file off again
when two people turn out to share a name. Everything is pure: each change returns a new team and the messages
that say what happened.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from ..track.readings import History, Reading, merge
from .load import FileRead, Found, clean_name, name_from_file, name_key


@dataclass(frozen=True)
class Part:
    file: str
    readings: History


@dataclass(frozen=True)
class Conflict:
    day: date
    kept: Reading
    kept_file: str
    other: Reading
    other_file: str


@dataclass(frozen=True)
class Member:
    key: str  # stable for the page's life: names the member's controls ("m3")
    name: str  # "" until the manager names them
    parts: tuple[Part, ...] = ()

    @property
    def label(self) -> str:
        """The name, or a stand-in that says a name is wanted."""
        return self.name or f"Member {self.key.removeprefix('m')} (no name yet)"

    @cached_property
    def _merged(self) -> tuple[History, tuple[Conflict, ...]]:
        if len(self.parts) == 1:
            return self.parts[0].readings, ()
        history: History = ()
        source: dict[date, str] = {}
        conflicts: list[Conflict] = []
        for part in self.parts:
            merged = merge(history, part.readings)
            conflicts += [Conflict(old.day, old, source[old.day], new, part.file) for old, new in merged.conflicts]
            source.update({r.day: part.file for r in merged.added})
            history = merged.history
        return history, tuple(conflicts)

    @property
    def readings(self) -> History:
        return self._merged[0]

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        return self._merged[1]

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(p.file for p in self.parts)


@dataclass(frozen=True)
class Team:
    members: tuple[Member, ...] = ()
    next_key: int = 1

    def get(self, key: str) -> Member | None:
        return next((m for m in self.members if m.key == key), None)

    def _with(self, members: tuple[Member, ...], used: int = 0) -> Team:
        return Team(members, self.next_key + used)

    def _new_key(self, offset: int = 0) -> str:
        return f"m{self.next_key + offset}"


@dataclass(frozen=True)
class Change:
    team: Team
    messages: tuple[str, ...] = ()
    merged_into: dict[str, str] = field(default_factory=dict)  # file -> member key, for an undo


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def add_found(team: Team, file: str, found: Found) -> Change:
    """Add one member's readings from a file: to the member of the same name when there is one."""
    key = name_key(found.name)
    same = next((m for m in team.members if key and name_key(m.name) == key), None)
    part = Part(file, found.readings)
    if same is None:
        member = Member(team._new_key(), clean_name(found.name), (part,))
        extra = "" if member.name else " No name was found in the file or its name: type one below."
        return Change(team._with((*team.members, member), 1),
                      (f"“{file}”: {_count(len(found.readings), 'reading')} for {member.label}.{extra}",))
    if any(p == part for p in same.parts):
        return Change(team, (f"“{file}” is already loaded for {same.label}; nothing new.",))
    merged = replace(same, parts=(*same.parts, part))
    known = {r.day for r in same.readings}
    new_days = sum(1 for r in found.readings if r.day not in known)
    differ = len(merged.conflicts) - len(same.conflicts)
    said = [f"“{file}” names {same.label}, like {', '.join(f'“{f}”' for f in same.files)}: merged as one person"
            f" ({_count(new_days, 'new date')}, {_count(len(found.readings) - new_days, 'date')} already there"]
    if differ:
        said.append(f"; {_count(differ, 'date')} with different values keep the earlier file's reading")
    said.append("). If they are two people, use “Keep apart” in the list of members, or rename a file.")
    members = tuple(merged if m.key == same.key else m for m in team.members)
    return Change(team._with(members), ("".join(said),), {file: same.key})


def add_file(team: Team, read: FileRead) -> Change:
    """Add every member a file holds (a file that could not be read adds nobody)."""
    messages: list[str] = []
    merged_into: dict[str, str] = {}
    for found in read.found:
        change = add_found(team, read.file, found)
        team = change.team
        messages += change.messages
        merged_into.update(change.merged_into)
    return Change(team, tuple(messages), merged_into)


def rename(team: Team, names: Mapping[str, str]) -> Team:
    """Give members the names typed for them (keyed by member key); names are only labels, nothing merges."""
    changed = False
    members = []
    for m in team.members:
        typed = names.get(m.key)
        name = clean_name(typed) if typed is not None else m.name
        changed |= name != m.name
        members.append(replace(m, name=name) if name != m.name else m)
    return Team(tuple(members), team.next_key) if changed else team


def remove(team: Team, key: str) -> Change:
    member = team.get(key)
    if member is None:
        return Change(team, ("That member is no longer loaded.",))
    return Change(team._with(tuple(m for m in team.members if m.key != key)),
                  (f"Removed {member.label} ({_count(len(member.readings), 'reading')}) from the team.",))


def merge_members(team: Team, keep: str, other: str) -> Change:
    """Put two members together as one person; the first keeps its name and wins on a date both give."""
    a, b = team.get(keep), team.get(other)
    if a is None or b is None or a.key == b.key:
        return Change(team, ("Those members are no longer both loaded; nothing was merged.",))
    merged = replace(a, parts=(*a.parts, *b.parts))
    members = tuple(merged if m.key == a.key else m for m in team.members if m.key != b.key)
    return Change(team._with(members), (f"Merged {b.label} into {a.label}: {_count(len(merged.readings), 'reading')}"
                                        f" from {_count(len(merged.parts), 'file')}.",))


def split_file(team: Team, key: str, file: str) -> Change:
    """Take one file's readings out of a member into a member of their own (two people with one name)."""
    member = team.get(key)
    part = next((p for p in member.parts if p.file == file), None) if member is not None else None
    if member is None or part is None or len(member.parts) < 2:
        return Change(team, ("That file is not merged into anyone; nothing was changed.",))
    name = name_from_file(file)
    if not name or name_key(name) == name_key(member.name):
        name = f"{member.name} (2)" if member.name else ""
    apart = Member(team._new_key(), name, (part,))
    rest = replace(member, parts=tuple(p for p in member.parts if p is not part))
    members: list[Member] = []
    for m in team.members:
        members += [rest, apart] if m.key == key else [m]
    return Change(team._with(tuple(members), 1), (f"“{file}” is now {apart.label}, apart from {rest.label}.",))


def same_names(team: Team) -> tuple[tuple[Member, ...], ...]:
    """Groups of members who carry the same name (typed so by the manager): each may be one person twice."""
    groups: dict[str, list[Member]] = {}
    for m in team.members:
        if m.name:
            groups.setdefault(name_key(m.name), []).append(m)
    return tuple(tuple(g) for g in groups.values() if len(g) > 1)
