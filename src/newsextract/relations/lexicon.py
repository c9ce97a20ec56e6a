"""The predicate lexicon: rules/predicates/*.jsonl, loaded and validated.

``predicates.jsonl``: one predicate per line, a spaCy token pattern over our
fugashi tokens (``LEMMA`` is UniDic's orthographic base form):

    {"id": "reject.kyohi", "type": "REJECT", "cameo": "120",
     "pattern": [{"LEMMA": "拒否"}]}

``grammar.json``: the function words clause structure is read by (light
verbs, plan nouns, unnamed speakers …).
``types.jsonl``: event type -> CAMEO root code and labels.
``exclusions.jsonl``: boilerplate phrases whose predicate is no event
(「コメントの要請に応じなかった」); a trigger inside a match is dropped.
``modality.jsonl``: markers after a trigger (予定 -> planned, ない -> negated,
とされる -> reported) or anywhere in its sentence (関係者によると -> reported).
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from operator import or_
from pathlib import Path

from spacy.errors import MatchPatternError
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..errors import RuleError
from ..types import LEMMA_OF, SURFACE_OF, Token
from .grammar import Grammar
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


@dataclass(frozen=True, slots=True)
class Matches:
    """One pass of the lexicon's matcher over a Doc, sorted by kind."""

    predicates: list[tuple[Predicate, int, int]]
    markers: list[tuple[ModalityMarker, int, int]]
    exclusions: list[tuple[int, int]]


@dataclass
class Lexicon:
    types: dict[str, EventType]
    predicates: dict[str, Predicate]
    markers: dict[str, ModalityMarker]
    exclusions: set[str]
    matchers: "Matchers"  # every pattern of the three files
    grammar: Grammar

    @classmethod
    def from_rules_dir(cls, rules_dir: Path, vocab: Vocab) -> "Lexicon":
        folder = Path(rules_dir) / "predicates"
        matchers = Matchers(vocab)
        types = _load_types(folder / "types.jsonl")
        predicates = _load_predicates(folder / "predicates.jsonl", types, matchers)
        markers = _load_markers(folder / "modality.jsonl", matchers)
        exclusions = _load_exclusions(folder / "exclusions.jsonl", matchers)
        return cls(types, predicates, markers, exclusions, matchers, Grammar.load(folder / "grammar.json"))

    def match(self, doc: Doc, tokens: list[Token]) -> Matches:
        predicates, markers, exclusions = [], [], []
        strings = doc.vocab.strings
        for match_id, s, e in self.matchers(doc, tokens):
            key = strings[match_id]
            if key in self.predicates:
                predicates.append((self.predicates[key], s, e))
            elif key in self.markers:
                markers.append((self.markers[key], s, e))
            else:
                exclusions.append((s, e))
        return Matches(predicates, markers, exclusions)


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


class Matchers:
    """The lexicon's patterns, matched the cheapest way each allows.

    Every pattern is validated by spaCy's Matcher as written. A pattern of
    plain lemmas goes to a PhraseMatcher (one hash lookup per token); one of
    exact LEMMA/ORTH/TAG values to a first-token index checked over our
    tokens; only a pattern with operators (OP, REGEX) stays in spaCy's token
    Matcher, whose cost grows with every pattern it holds (profiled: it took a
    quarter of ingest time with 65 patterns)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.phrases = PhraseMatcher(vocab, attr="LEMMA")
        self.tokens = Matcher(vocab, validate=True)
        # exact patterns by the value of their first token (LEMMA or ORTH),
        # then of their second (("LEMMA"|"ORTH", value), or None when it has
        # neither or there is none): -> [(key id, ((lemma, orth, tag), ...))]
        self.by_lemma: dict[str, dict[tuple | None, list[tuple[int, tuple]]]] = {}
        self.by_orth: dict[str, dict[tuple | None, list[tuple[int, tuple]]]] = {}
        self.keys: set[str] = set()

    def __contains__(self, key: str) -> bool:
        return key in self.keys

    def add(self, key: str, pattern: list[dict]) -> None:
        self.tokens.add(key, [pattern])  # validates the pattern as written
        self.tokens.remove(key)
        self.keys.add(key)
        variants = expand_in(pattern)
        if all(set(t) == {"LEMMA"} and isinstance(t["LEMMA"], str) for v in variants for t in v):
            lemmas = [[t["LEMMA"] for t in v] for v in variants]
            self.phrases.add(key, [Doc(self.vocab, words=ls, lemmas=ls) for ls in lemmas])
        elif all(_exact(t) for v in variants for t in v):
            key_id = self.vocab.strings.add(key)
            for v in variants:
                seq = tuple((t.get("LEMMA"), t.get("ORTH"), t.get("TAG")) for t in v)
                index, value = (self.by_lemma, seq[0][0]) if seq[0][0] is not None else (self.by_orth, seq[0][1])
                index.setdefault(value, {}).setdefault(_second(seq), []).append((key_id, seq))
        else:
            self.tokens.add(key, variants)

    def __call__(self, doc: Doc, tokens: list[Token]) -> list[tuple[int, int, int]]:
        found = list(self.phrases(doc))
        if len(self.tokens):
            found += list(self.tokens(doc))
        if self.by_lemma or self.by_orth:
            found += self._sequences(tokens)
        return found

    def _sequences(self, tokens: list[Token]) -> list[tuple[int, int, int]]:
        by_lemma, by_orth, out, n = self.by_lemma, self.by_orth, [], len(tokens)
        # few tokens open any pattern: find them in one pass, then check only
        # the patterns whose first two tokens fit
        for t in compress(tokens, map(or_, map(by_lemma.__contains__, map(LEMMA_OF, tokens)),
                                      map(by_orth.__contains__, map(SURFACE_OF, tokens)))):
            nxt = tokens[t.i + 1] if t.i + 1 < n else None
            for group in (by_lemma.get(t.lemma), by_orth.get(t.surface)):
                if not group:
                    continue
                seqs = group.get(None, [])
                if nxt is not None:
                    seqs = seqs + group.get(("LEMMA", nxt.lemma), []) + group.get(("ORTH", nxt.surface), [])
                for key_id, seq in seqs:
                    if t.i + len(seq) <= n and _holds(tokens, t.i, seq):
                        out.append((key_id, t.i, t.i + len(seq)))
        return out


_ATTRS = {"LEMMA": lambda t: t.lemma, "ORTH": lambda t: t.surface, "TAG": lambda t: f"{t.pos1}-{t.pos2}"}


def _exact(token: dict) -> bool:
    """Only exact LEMMA/ORTH/TAG values, at least one LEMMA or ORTH to index by."""
    return (bool(token) and all(a in _ATTRS and isinstance(v, str) for a, v in token.items())
            and ("LEMMA" in token or "ORTH" in token))


def _second(seq: tuple) -> tuple | None:
    """The index key of a pattern's second token: its LEMMA, else its ORTH."""
    if len(seq) < 2:
        return None
    lemma, orth, _ = seq[1]
    return ("LEMMA", lemma) if lemma is not None else ("ORTH", orth) if orth is not None else None


def _holds(tokens: list[Token], start: int, seq: tuple) -> bool:
    """Each token from ``start`` on has the (lemma, orth, tag) of ``seq`` that are set."""
    for token, (lemma, orth, tag) in zip(tokens[start:start + len(seq)], seq):
        if ((lemma is not None and token.lemma != lemma) or (orth is not None and token.surface != orth)
                or (tag is not None and f"{token.pos1}-{token.pos2}" != tag)):
            return False
    return True


def _add_pattern(matchers: Matchers, path: Path, n: int, key: str, pattern) -> None:
    if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
        raise RuleError(path, "pattern must be a non-empty list of token objects", n)
    if key in matchers:
        raise RuleError(path, f"id {key} is already used by another rule file in this folder", n)
    try:
        matchers.add(key, pattern)
    except (MatchPatternError, ValueError, TypeError) as exc:
        raise RuleError(path, f"bad pattern: {exc}".splitlines()[0], n) from exc


def expand_in(pattern: list[dict]) -> list[list[dict]]:
    """{"LEMMA": {"IN": ["呼び掛ける", "呼びかける"]}} -> one pattern per value;
    a token with "OP": "?" -> patterns with and without it.

    spaCy checks set predicates in Python for every token; plain attribute
    values are matched in C, several times faster on a whole article."""
    variants: list[list[dict]] = [[]]
    for token in pattern:
        optional = token.get("OP") == "?"
        if optional:  # {"ORTH": "の", "OP": "?"}: one variant with, one without
            token = {a: v for a, v in token.items() if a != "OP"}
        choices = [token]
        if "OP" not in token:
            for attr, value in token.items():
                if isinstance(value, dict) and set(value) == {"IN"}:
                    choices = [{**c, attr: v} for c in choices for v in value["IN"]]
        variants = [v + [c] for v in variants for c in choices] + (variants if optional else [])
    return [v for v in variants if v]


def _load_predicates(path: Path, types: dict[str, EventType], matcher: Matchers) -> dict[str, Predicate]:
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
    return out


def _load_markers(path: Path, matcher: Matchers) -> dict[str, ModalityMarker]:
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
    return out


def _load_exclusions(path: Path, matcher: Matchers) -> set[str]:
    seen: set[str] = set()
    for n, row in read_jsonl(path):
        check_keys(path, n, row, {"id", "pattern"}, {"comment", "example"})
        if row["id"] in seen:
            raise RuleError(path, f"duplicate id {row['id']}", n)
        seen.add(row["id"])
        _add_pattern(matcher, path, n, row["id"], row["pattern"])
    return seen
