"""Load and validate the date rule files under ``rules/dates/``.

Every file is data: adding 「先々週」 to ``relative.jsonl`` or a place name to
``negatives.jsonl`` needs no Python. Any defect raises ``RuleError`` naming
the file and the line: ``rules/dates/fuzzy.jsonl:3: 'mod' must be one of …``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import RuleError
from ..jsonl import read_jsonl

MODS = ("START", "MID", "END", "BEFORE", "AFTER")
UNITS = ("day", "week", "month", "year")
KINDS = ("full", "month_day", "day", "month", "year", "relative", "anaphoric",
         "range", "holiday")
NEGATIVE_TYPES = ("phrase", "prefix", "suffix")
_MACRO = re.compile(r"\{([A-Z_0-9]+)\}")


@dataclass(frozen=True)
class Pattern:
    id: str
    kind: str
    regex: re.Pattern
    order: int


@dataclass
class DateRules:
    """Everything the finder and the resolver read, compiled once."""

    patterns: list[Pattern]
    eras: dict[str, int]
    fuzzy: dict[str, str]
    relative: dict[str, tuple[str, int]]
    anaphoric: dict[str, tuple[str, int]]
    holidays: dict[str, tuple[int, int | None]]
    modifiers: list[tuple[str, str]]  # longest suffix first
    phrases: list[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    settings: dict[str, Any] = field(default_factory=dict)
    dateline_after: re.Pattern | None = None
    section_marker: re.Pattern | None = None
    section_unmarked_after: re.Pattern | None = None
    wire_dateline: re.Pattern | None = None


def _rows(path: Path, required: dict[str, type]) -> list[tuple[int, dict]]:
    """JSONL rows with their line numbers; each row must carry ``required`` keys."""
    out = []
    for n, row in read_jsonl(path):
        for key, typ in required.items():
            if key not in row:
                raise RuleError(path, f"'{key}' missing", n)
            if not isinstance(row[key], typ) or isinstance(row[key], bool):
                raise RuleError(path, f"'{key}' must be {typ.__name__}", n)
        out.append((n, row))
    return out


def _choice(path: Path, n: int, row: dict, key: str, allowed: tuple) -> str:
    if row[key] not in allowed:
        raise RuleError(path, f"'{key}' must be one of {', '.join(allowed)}", n)
    return row[key]


def _alt(words) -> str:
    """Regex alternation, longest first so that 先々週 wins over 先週."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _lexicon(path: Path) -> dict[str, tuple[str, int]]:
    lex = {}
    for n, row in _rows(path, {"word": str, "unit": str, "offset": int}):
        lex[row["word"]] = (_choice(path, n, row, "unit", UNITS), row["offset"])
    return lex


def load_rules(rules_dir: Path | str) -> DateRules:
    """Read ``<rules_dir>/dates/*``; raise RuleError on the first defect."""
    d = Path(rules_dir) / "dates"
    eras = {r["era"]: r["first_year"]
            for _, r in _rows(d / "eras.jsonl", {"era": str, "first_year": int})}
    fuzzy = {}
    for n, r in _rows(d / "fuzzy.jsonl", {"word": str, "mod": str}):
        fuzzy[r["word"]] = _choice(d / "fuzzy.jsonl", n, r, "mod", MODS)
    relative = _lexicon(d / "relative.jsonl")
    anaphoric = _lexicon(d / "anaphoric.jsonl")
    holidays = {}
    for n, r in _rows(d / "holidays.jsonl", {"word": str, "month": int}):
        day = r.get("day")
        if not 1 <= r["month"] <= 12 or (day is not None and not
                                         (isinstance(day, int) and 1 <= day <= 31)):
            raise RuleError(d / "holidays.jsonl", "month or day out of range", n)
        holidays[r["word"]] = (r["month"], day)
    modifiers = []
    for n, r in _rows(d / "modifiers.jsonl", {"suffix": str, "mod": str}):
        modifiers.append((r["suffix"], _choice(d / "modifiers.jsonl", n, r, "mod", MODS)))
    modifiers.sort(key=lambda sm: len(sm[0]), reverse=True)
    neg = {t: [] for t in NEGATIVE_TYPES}
    for n, r in _rows(d / "negatives.jsonl", {"type": str, "text": str}):
        neg[_choice(d / "negatives.jsonl", n, r, "type", NEGATIVE_TYPES)].append(r["text"])

    macros = {
        "ERA": f"(?P<era>{_alt(eras)})(?P<ey>元|\\d{{1,2}})",
        "FZ": f"(?P<fz>{_alt(fuzzy)})",
        "REL": f"(?P<rel>{_alt(relative)})",
        "ANA": f"(?P<ana>{_alt(anaphoric)})",
        "HOL": f"(?P<hol>{_alt(holidays)})",
    }
    for unit in UNITS:
        words = [w for w, (u, _) in relative.items() if u == unit]
        macros[f"REL_{unit.upper()}"] = f"(?P<rel>{_alt(words)})"
    mpath = d / "macros.jsonl"
    for n, r in _rows(mpath, {"name": str, "regex": str}):
        _compile(mpath, n, r["regex"])
        macros[r["name"]] = r["regex"]

    patterns = []
    ppath = d / "patterns.jsonl"
    for n, r in _rows(ppath, {"id": str, "kind": str, "regex": str}):
        kind = _choice(ppath, n, r, "kind", KINDS)

        def expand(m: re.Match, n=n) -> str:
            if m.group(1) not in macros:
                raise RuleError(ppath, f"unknown macro {{{m.group(1)}}}", n)
            return macros[m.group(1)]

        patterns.append(Pattern(r["id"], kind,
                                _compile(ppath, n, _MACRO.sub(expand, r["regex"])),
                                len(patterns)))
    if not patterns:
        raise RuleError(ppath, "no patterns")

    spath = d / "settings.json"
    try:
        settings = json.loads(spath.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RuleError(spath, "rule file missing") from None
    except json.JSONDecodeError as e:
        raise RuleError(spath, f"bad JSON: {e.msg}", e.lineno) from None
    for key, typ in (("dateline_after", str), ("section_marker", str),
                     ("section_unmarked_after", str), ("wire_dateline", str), ("rollover_months", int),
                     ("flashback_days", int), ("kanji_bare_day", bool)):
        if not isinstance(settings.get(key), typ):
            raise RuleError(spath, f"'{key}' missing or not {typ.__name__}")
    return DateRules(
        patterns=patterns, eras=eras, fuzzy=fuzzy, relative=relative,
        anaphoric=anaphoric, holidays=holidays, modifiers=modifiers,
        phrases=neg["phrase"], prefixes=tuple(neg["prefix"]),
        suffixes=tuple(neg["suffix"]), settings=settings,
        dateline_after=_compile(spath, None, settings["dateline_after"]),
        section_marker=_compile(spath, None, settings["section_marker"]),
        section_unmarked_after=_compile(spath, None, settings["section_unmarked_after"]),
        wire_dateline=_compile(spath, None, settings["wire_dateline"]))


def _compile(path: Path, line: int | None, regex: str) -> re.Pattern:
    try:
        return re.compile(regex)
    except re.error as e:
        raise RuleError(path, f"bad regex: {e}", line) from None
