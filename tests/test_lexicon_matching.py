"""The lexicon's fast paths (PhraseMatcher, first-token index) find exactly
what spaCy's own token Matcher finds with the same patterns."""
from pathlib import Path

import pytest
from spacy.matcher import Matcher

from newsextract.jsonl import read_jsonl
from newsextract.relations.lexicon import expand_in

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reference(pipeline):
    """A plain spaCy Matcher holding every pattern of rules/predicates as written."""
    matcher = Matcher(pipeline.tokenizer.vocab)
    for name in ("predicates", "modality", "exclusions"):
        for _, row in read_jsonl(ROOT / "rules" / "predicates" / f"{name}.jsonl"):
            matcher.add(row["id"], [row["pattern"]])
    return matcher


TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))] + [
    "外相は明らかにしたが、受け入れられないとして応じなかった。コメントの要請にすぐには応じなかった。",
    "圧力をかけた。圧力を掛けた。呼びかけた。呼び掛けた。会談する予定だ。拒否したとされる。",
]


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_fast_paths_equal_spacy_matcher(pipeline, reference, text):
    tokens = pipeline.tokenizer.tokens(text)
    doc = pipeline.tokenizer.doc(tokens)
    strings = doc.vocab.strings
    ours = {(strings[k], s, e) for k, s, e in pipeline.relations.lexicon.matchers(doc, tokens)}
    theirs = {(strings[k], s, e) for k, s, e in reference(doc)}
    assert ours == theirs


@pytest.mark.parametrize("pattern,count", [
    ([{"LEMMA": "a"}], 1),
    ([{"LEMMA": {"IN": ["a", "b"]}}, {"ORTH": "を"}], 2),
    ([{"LEMMA": "a"}, {"ORTH": "の", "OP": "?"}, {"LEMMA": {"IN": ["b", "c"]}}], 4),
])
def test_expand_in(pattern, count):
    variants = expand_in(pattern)
    assert len(variants) == count
    assert all(isinstance(t.get("LEMMA", t.get("ORTH")), str) and "OP" not in t for v in variants for t in v)
