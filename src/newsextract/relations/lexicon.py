"""The predicate lexicon: rules/predicates/*.jsonl, loaded and validated.

``predicates.jsonl``: one predicate per line, a spaCy token pattern over our
fugashi tokens (``LEMMA`` is UniDic's orthographic base form):

    {"id": "reject.kyohi", "type": "REJECT", "cameo": "120",
     "pattern": [{"LEMMA": "拒否"}]}

``types.jsonl``: event type -> CAMEO root code and labels.
``exclusions.jsonl``: boilerplate phrases whose predicate is no event
(「コメントの要請に応じなかった」); a trigger inside a match is dropped.
``modality.jsonl``: markers after a trigger (予定 -> planned, ない -> negated,
とされる -> reported) or anywhere in its sentence (関係者によると -> reported).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.errors import MatchPatternError
from spacy.matcher import Matcher
from spacy.vocab import Vocab

from ..errors import RuleError
from ..jsonl import check_keys, read_jsonl

MODALITIES = ("asserted", "reported", "negated", "planned")
SCOPES = ("after", "sentence")


@dataclass(frozen=True, slots=True)
class EventType:
    type: str
    cameo: str
    ja: str
    en: str


@dataclass(frozen=True, slots=True)
class Predicate:
    id: str
    type: str
    cameo: str


@dataclass(frozen=True, slots=True)
class ModalityMarker:
    id: str
    modality: str
    scope: str


@dataclass
class Lexicon:
    types: dict[str, EventType]
    predicates: dict[str, Predicate]
    markers: dict[str, ModalityMarker]
    predicate_matcher: Matcher
    modality_matcher: Matcher
    exclusion_matcher: Matcher

    @classmethod
    def from_rules_dir(cls, rules_dir: Path, vocab: Vocab) -> "Lexicon":
        folder = Path(rules_dir) / "predicates"
        types = _load_types(folder / "types.jsonl")
        predicates, pmatcher = _load_predicates(folder / "predicates.jsonl", types, vocab)
        markers, mmatcher = _load_markers(folder / "modality.jsonl", vocab)
        return cls(types, predicates, markers, pmatcher, mmatcher,
                   _load_exclusions(folder / "exclusions.jsonl", vocab))


def load_event_types(rules_dir: Path) -> dict[str, EventType]:
    """Only the event types and their labels (for reports; no matcher needed)."""
    return _load_types(Path(rules_dir) / "predicates" / "types.jsonl")


def _load_types(path: Path) -> dict[str, EventType]:
    out: dict[str, EventType] = {}
    for n, row in read_jsonl(path):
        check_keys(path, n, row, {"type", "cameo", "ja", "en"}, set())
        if not (isinstance(row["cameo"], str) and row["cameo"].isdigit() and len(row["cameo"]) == 2):
            raise RuleError(path, f"cameo must be a two-digit root code, got {row['cameo']!r}", n)
        if row["type"] in out:
            raise RuleError(path, f"duplicate type {row['type']}", n)
        out[row["type"]] = EventType(row["type"], row["cameo"], row["ja"], row["en"])
    if not out:
        raise RuleError(path, "no event types defined")
    return out


def _add_pattern(matcher: Matcher, path: Path, n: int, key: str, pattern) -> None:
    if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
        raise RuleError(path, "pattern must be a non-empty list of token objects", n)
    try:
        matcher.add(key, [pattern])
    except (MatchPatternError, ValueError, TypeError) as exc:
        raise RuleError(path, f"bad pattern: {exc}".splitlines()[0], n) from exc


def _load_predicates(path: Path, types: dict[str, EventType], vocab: Vocab):
    matcher = Matcher(vocab, validate=True)
    out: dict[str, Predicate] = {}
    for n, row in read_jsonl(path):
        check_keys(path, n, row, {"id", "type", "cameo", "pattern"}, {"comment", "example"})
        pid, etype, cameo = row["id"], row["type"], str(row["cameo"])
        if pid in out:
            raise RuleError(path, f"duplicate id {pid}", n)
        if etype not in types:
            raise RuleError(path, f"unknown type {etype} (see types.jsonl)", n)
        if not (cameo.isdigit() and cameo.startswith(types[etype].cameo)):
            raise RuleError(path, f"cameo {cameo} is not under {etype}'s root {types[etype].cameo}", n)
        _add_pattern(matcher, path, n, pid, row["pattern"])
        out[pid] = Predicate(pid, etype, cameo)
    if not out:
        raise RuleError(path, "no predicates defined")
    return out, matcher


def _load_markers(path: Path, vocab: Vocab):
    matcher = Matcher(vocab, validate=True)
    out: dict[str, ModalityMarker] = {}
    for n, row in read_jsonl(path):
        check_keys(path, n, row, {"id", "modality", "scope", "pattern"}, {"comment", "example"})
        if row["modality"] not in MODALITIES[1:]:
            raise RuleError(path, f"modality must be one of {MODALITIES[1:]}", n)
        if row["scope"] not in SCOPES:
            raise RuleError(path, f"scope must be one of {SCOPES}", n)
        if row["id"] in out:
            raise RuleError(path, f"duplicate id {row['id']}", n)
        _add_pattern(matcher, path, n, row["id"], row["pattern"])
        out[row["id"]] = ModalityMarker(row["id"], row["modality"], row["scope"])
    return out, matcher


def _load_exclusions(path: Path, vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab, validate=True)
    seen: set[str] = set()
    for n, row in read_jsonl(path):
        check_keys(path, n, row, {"id", "pattern"}, {"comment", "example"})
        if row["id"] in seen:
            raise RuleError(path, f"duplicate id {row['id']}", n)
        seen.add(row["id"])
        _add_pattern(matcher, path, n, row["id"], row["pattern"])
    return matcher
