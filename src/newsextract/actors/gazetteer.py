"""Load and validate the actor gazetteer under ``rules/actors/``.

One actor per JSONL line, e.g.
``{"id": "PUTIN", "name": "プーチン", "type": "person", "surfaces": ["プーチン"],
"roles": [{"title": "大統領", "of": "RUS", "from": "2012-05-07", "to": null}]}``.
Every problem is a ``RuleError(path, cause, line)``; nothing here knows about
tokens or matching.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator, Optional

from ..errors import RuleError
from ..jsonl import read_jsonl

TYPES = frozenset({"person", "country", "igo", "armed_group", "party", "media", "agency"})
_KEYS = frozenset({"id", "name", "type", "name_en", "surfaces", "abbrev", "affiliation",
                   "roles", "needs_title", "ambiguous", "note", "leader"})
# What 首脳 means for a country without a "leader" key: its president, else its
# prime minister (a country row sets "leader": "首相" where both exist and the
# prime minister leads, as in Germany or India).
LEADER_TITLES = ("大統領", "首相", "国家主席", "最高指導者", "国王")
_ROLE_KEYS = frozenset({"title", "of", "from", "to"})
_ID = re.compile(r"^[A-Z][A-Z0-9_]*$")


@dataclass(frozen=True, slots=True)
class Role:
    """大統領 of RUS from 2012-05-07, open-ended (``end`` None)."""

    title: str
    of: str
    start: Optional[date]
    end: Optional[date]

    def held_on(self, day: Optional[date]) -> bool:
        """Held on ``day``; without a day, only a role still held counts."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(slots=True)
class Entry:
    id: str
    name: str
    type: str
    name_en: Optional[str] = None
    affiliation: Optional[str] = None
    surfaces: list[str] = field(default_factory=list)
    abbrev: list[str] = field(default_factory=list)
    needs_title: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    leader: Optional[str] = None
    path: Path = Path(".")
    line: int = 0


class Gazetteer:
    """Actors by id plus the surface index: ``gaz["PUTIN"].name == "プーチン"``."""

    def __init__(self, entries: list[Entry]):
        self.entries: dict[str, Entry] = {e.id: e for e in entries}
        # surface -> actor ids in load order; >1 only for declared ambiguity
        self.by_surface: dict[str, list[str]] = {}
        for e in entries:
            for s in _all_surfaces(e):
                ids = self.by_surface.setdefault(s, [])
                if e.id not in ids:
                    ids.append(e.id)
        self.abbrev: dict[str, str] = {a: e.id for e in entries for a in e.abbrev}
        self.needs_title: dict[str, set[str]] = {}
        for e in entries:
            for s in e.needs_title:
                self.needs_title.setdefault(s, set()).add(e.id)
        # title -> roles holding it, for 首相 -> 高市早苗 on 2025-11-01 in JPN
        self.roles_by_title: dict[str, list[tuple[str, Role]]] = {}
        for e in entries:
            for r in e.roles:
                self.roles_by_title.setdefault(r.title, []).append((e.id, r))

    def __getitem__(self, actor_id: str) -> Entry:
        return self.entries[actor_id]

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def holder(self, title: str, of: str, day: Optional[date]) -> Optional[str]:
        """Who held ``title`` of ``of`` on ``day``: ("首相", "JPN", 2025-11-01) -> TAKAICHI."""
        for actor_id, role in self.roles_by_title.get(title, ()):
            if role.of == of and role.held_on(day):
                return actor_id
        return None

    def leader_of(self, country: str, day: Optional[date]) -> Optional[str]:
        """Who 首脳 names for ``country`` on ``day``: ("USA", 2025-08-15) -> TRUMP."""
        entry = self.entries.get(country)
        if entry is None or entry.type != "country":
            return None
        titles = (entry.leader,) if entry.leader else LEADER_TITLES
        for title in titles:
            holder = self.holder(title, country, day)
            if holder:
                return holder
        return None

    def has_title(self, actor_id: str, title: str) -> bool:
        return any(r.title == title for r in self.entries[actor_id].roles)

    @classmethod
    def load_dir(cls, directory: Path) -> "Gazetteer":
        """Load every ``*.jsonl`` in ``directory`` (sorted), then check cross-references."""
        files = sorted(Path(directory).glob("*.jsonl"))
        if not files:
            raise RuleError(directory, "no actor files (*.jsonl)")
        entries: list[Entry] = []
        for path in files:
            entries.extend(_read_file(path))
        _check_all(entries)
        return cls(entries)


def _all_surfaces(e: Entry) -> list[str]:
    seen = [e.name] + e.surfaces + e.abbrev + e.needs_title
    return list(dict.fromkeys(s for s in seen if s))


def _read_file(path: Path) -> Iterator[Entry]:
    for n, row in read_jsonl(path):
        yield _entry(row, path, n)


def _entry(row: object, path: Path, n: int) -> Entry:
    def fail(cause: str) -> RuleError:
        return RuleError(path, cause, n)

    if not isinstance(row, dict):
        raise fail("a row must be a JSON object")
    unknown = set(row) - _KEYS
    if unknown:
        raise fail(f"unknown key(s): {', '.join(sorted(unknown))}")
    for key in ("id", "name", "type"):
        if not isinstance(row.get(key), str) or not row[key]:
            raise fail(f"'{key}' missing or not a string")
    if not _ID.match(row["id"]):
        raise fail(f"bad id {row['id']!r}: use UPPER_SNAKE (countries ISO 3166-1 alpha-3)")
    if row["type"] not in TYPES:
        raise fail(f"bad type {row['type']!r}: one of {', '.join(sorted(TYPES))}")
    lists = {}
    for key in ("surfaces", "abbrev", "needs_title", "ambiguous"):
        value = row.get(key, [])
        if not isinstance(value, list) or not all(isinstance(s, str) and s for s in value):
            raise fail(f"'{key}' must be a list of non-empty strings")
        lists[key] = value
    if any(len(a) != 1 for a in lists["abbrev"]):
        raise fail("'abbrev' holds one-character abbreviations only (米, 露)")
    for key in ("name_en", "affiliation", "note", "leader"):
        if row.get(key) is not None and not isinstance(row[key], str):
            raise fail(f"'{key}' must be a string")
    roles = row.get("roles", [])
    if not isinstance(roles, list):
        raise fail("'roles' must be a list")
    return Entry(row["id"], row["name"], row["type"], row.get("name_en"), row.get("affiliation"),
                 lists["surfaces"], lists["abbrev"], lists["needs_title"], lists["ambiguous"],
                 [_role(r, fail) for r in roles], row.get("leader"), path, n)


def _role(r: object, fail) -> Role:
    if not isinstance(r, dict):
        raise fail("a role must be an object")
    unknown = set(r) - _ROLE_KEYS
    if unknown:
        raise fail(f"unknown role key(s): {', '.join(sorted(unknown))}")
    if not isinstance(r.get("title"), str) or not r["title"] or not isinstance(r.get("of"), str):
        raise fail("a role needs 'title' and 'of'")
    start, end = _date(r.get("from"), fail), _date(r.get("to"), fail)
    if start and end and end < start:
        raise fail(f"role {r['title']}: 'to' {end} before 'from' {start}")
    return Role(r["title"], r["of"], start, end)


def _date(value: object, fail) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise fail(f"bad date {value!r}: use YYYY-MM-DD or null") from None


def _check_all(entries: list[Entry]) -> None:
    """Checks across rows and files: duplicate ids, role targets, shared surfaces."""
    ids: dict[str, Entry] = {}
    for e in entries:
        if e.id in ids:
            first = ids[e.id]
            raise RuleError(e.path, f"duplicate id {e.id} (first at {first.path.name}:{first.line})", e.line)
        ids[e.id] = e
    for e in entries:
        for r in e.roles:
            if r.of not in ids:
                raise RuleError(e.path, f"role {r.title}: 'of' {r.of!r} is not an actor id", e.line)
        if e.affiliation and e.affiliation not in ids:
            raise RuleError(e.path, f"affiliation {e.affiliation!r} is not an actor id", e.line)
    owner: dict[str, Entry] = {}
    for e in entries:
        for s in _all_surfaces(e):
            other = owner.get(s)
            if other is None:
                owner[s] = e
            elif other.id != e.id and not (s in e.ambiguous and s in other.ambiguous):
                raise RuleError(e.path, f"surface {s!r} also belongs to {other.id} "
                                f"({other.path.name}:{other.line}); list it in 'ambiguous' of both", e.line)
