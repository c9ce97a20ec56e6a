"""One tokenizer and one recognizer for every actor test (loading takes ~0.3 s)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsextract.actors import ActorRecognizer
from newsextract.tokenize import Tokenizer, split_sentences

RULES = Path(__file__).resolve().parents[2] / "rules"
DCT = date(2025, 11, 20)


@pytest.fixture(scope="session")
def tokenizer() -> Tokenizer:
    return Tokenizer()


@pytest.fixture(scope="session")
def recognizer(tokenizer: Tokenizer) -> ActorRecognizer:
    return ActorRecognizer.from_rules_dir(RULES, tokenizer.vocab, tokenizer)


@pytest.fixture(scope="session")
def run(tokenizer, recognizer):
    """run(text, dct) -> mentions, after checking every span against the text."""
    def _run(text: str, dct: date | None = DCT):
        tokens = tokenizer.tokens(text)
        mentions = recognizer(text, tokens, tokenizer.doc(tokens), split_sentences(text, tokens), dct)
        for m in mentions:
            assert text[m.start:m.end] == m.text
            assert m.start <= m.head_start < m.end
            assert tokens[m.token_start].start <= m.start and m.end <= tokens[m.token_end - 1].end
        assert [m.start for m in mentions] == sorted(m.start for m in mentions)
        return mentions
    return _run


def triples(mentions) -> list[tuple[str, str, str]]:
    return [(m.text, m.actor_id, m.via) for m in mentions]
