"""The small word lists around actor names, from ``rules/actors/lexicon.json``.

Titles and honorifics that end a name phrase (プーチン「大統領」, 高市「首相」),
words that confirm a one-character abbreviation (米「政府」, 対「ロ」), and the
coreference words (同氏, 両首脳, 同国 …). Data, validated on load.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import RuleError

_LISTS = ("title_tails", "role_blockers", "government_suffixes", "person_government_suffixes",
          "abbrev_next", "abbrev_prev", "compound_exclude", "compound_needs_noun",
          "country_counters", "name_stopwords", "org_suffixes", "counter_blockers")
LEXICON_FILE = "lexicon.json"
_COREF_TYPES = frozenset({"person", "country", "igo", "armed_group", "party", "media", "agency"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    title_tails: tuple[str, ...]
    role_title_aliases: dict[str, str]
    role_blockers: frozenset[str]
    government_suffixes: frozenset[str]
    person_government_suffixes: frozenset[str]
    abbrev_next: frozenset[str]
    abbrev_prev: frozenset[str]
    compound_exclude: frozenset[str]
    compound_needs_noun: frozenset[str]
    coref: dict[str, tuple[str, int, tuple[str, ...]]]  # 両首脳 -> ("person", 2, ("大統領", …))
    country_counters: frozenset[str]
    name_stopwords: frozenset[str]
    org_suffixes: frozenset[str]
    counter_blockers: frozenset[str]  # 主要8カ国 is G8, not "the 8 countries above"

    @classmethod
    def load(cls, path: Path) -> "Lexicon":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise RuleError(path, f"cannot read: {exc}") from exc
        except json.JSONDecodeError as exc:
            raise RuleError(path, f"invalid JSON: {exc.msg}", exc.lineno) from exc
        if not isinstance(data, dict):
            raise RuleError(path, "must be a JSON object")
        known = set(_LISTS) | {"role_title_aliases", "coref"}
        if set(data) - known:
            raise RuleError(path, f"unknown key(s): {', '.join(sorted(set(data) - known))}")
        if set(known) - set(data):
            raise RuleError(path, f"missing key(s): {', '.join(sorted(known - set(data)))}")
        for key in _LISTS:
            v = data[key]
            if not isinstance(v, list) or not all(isinstance(s, str) and s for s in v):
                raise RuleError(path, f"'{key}' must be a list of non-empty strings")
        aliases = data["role_title_aliases"]
        if not isinstance(aliases, dict) or not all(isinstance(v, str) for v in aliases.values()):
            raise RuleError(path, "'role_title_aliases' must map strings to strings")
        coref: dict[str, tuple[str, int, tuple[str, ...]]] = {}
        for word, spec in data["coref"].items():
            if (not isinstance(spec, dict) or spec.get("type") not in _COREF_TYPES
                    or not isinstance(spec.get("count"), int) or spec["count"] < 1
                    or set(spec) - {"type", "count", "prefer_titles"}):
                raise RuleError(path, f"coref {word!r}: needs a known 'type', a 'count' >= 1 "
                                "and optionally 'prefer_titles'")
            coref[word] = (spec["type"], spec["count"], tuple(spec.get("prefer_titles", ())))
        # longest first, so 総司令官 wins over 司令官 when we scan for a tail
        tails = tuple(sorted(set(data["title_tails"]) | set(aliases), key=len, reverse=True))
        return cls(tails, dict(aliases), *(frozenset(data[k]) for k in _LISTS[1:8]), coref,
                   *(frozenset(data[k]) for k in _LISTS[8:]))
