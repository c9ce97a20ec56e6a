"""Tokenize with fugashi + unidic-lite into tokens whose offsets rebuild the text.

MeCab drops white space and hands it back as ``white_space`` before the next
token; we keep it as a token of its own (pos1 ``空白``) so that the token
list, and the spaCy ``Doc`` built from it, rebuild the text exactly and
spaCy token ``i`` is our token ``i``.
"""
from __future__ import annotations

import csv

import fugashi
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .types import Sentence, Token

SPACE = "空白"
_SENTENCE_END = frozenset("。！？!?")


class Tokenizer:
    """One fugashi tagger and one spaCy vocab, loaded once per process."""

    def __init__(self) -> None:
        self.tagger = fugashi.Tagger()
        self.vocab = Vocab()
        # raw UniDic feature string -> (pos1, pos2, pos3, orthBase): the same few
        # thousand analyses recur in every article, so each is split only once
        self._features: dict[str, tuple[str, str, str, str | None]] = {}

    def tokens(self, text: str) -> list[Token]:
        out: list[Token] = []
        pos = 0
        features = self._features
        for word in self.tagger(text):
            ws = word.white_space
            if ws:
                out.append(Token(len(out), pos, pos + len(ws), ws, SPACE, "", "", ws))
                pos += len(ws)
            surface = word.surface
            raw = word.feature_raw
            f = features.get(raw)
            if f is None:
                f = features[raw] = _features(raw)
            out.append(Token(len(out), pos, pos + len(surface), surface, f[0], f[1], f[2], f[3] or surface))
            pos += len(surface)
        if pos < len(text):  # trailing white space MeCab never reports
            out.append(Token(len(out), pos, len(text), text[pos:], SPACE, "", "", text[pos:]))
        return out

    def doc(self, tokens: list[Token]) -> Doc:
        """A spaCy Doc over the same tokens, for Matcher / PhraseMatcher rules.

        ``lemma_`` carries UniDic's orthographic base form (拒否し -> する),
        ``tag_`` the UniDic POS as ``pos1-pos2``.
        """
        if not tokens:
            return Doc(self.vocab, words=[], spaces=[])
        return Doc(self.vocab,
                   words=[t.surface for t in tokens],
                   spaces=[False] * len(tokens),
                   lemmas=[t.lemma for t in tokens],
                   tags=[f"{t.pos1}-{t.pos2}" for t in tokens])


def _features(raw: str) -> tuple[str, str, str, str | None]:
    """pos1, pos2, pos3 and orthBase (field 10) of a UniDic feature string;
    an unknown word has only the first fields, so no orthBase."""
    fields = next(csv.reader([raw])) if '"' in raw else raw.split(",")
    get = lambda k: fields[k] if k < len(fields) else None  # noqa: E731
    return get(0) or "", get(1) or "", get(2) or "", get(10)


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Sentences end at 。！？ and at line breaks (headlines and list items
    carry no 。). A 。 inside 「…」 does not end the sentence."""
    out: list[Sentence] = []
    first = 0
    depth = 0
    for t in tokens:
        if t.surface in ("「", "『", "（", "("):
            depth += 1
        elif t.surface in ("」", "』", "）", ")"):
            depth = max(0, depth - 1)
        is_break = t.pos1 == SPACE and "\n" in t.surface
        if is_break or (depth == 0 and t.surface in _SENTENCE_END):
            end = t.i if is_break else t.i + 1
            if is_break:
                depth = 0
            _add(out, tokens, first, end)
            first = t.i + 1
    _add(out, tokens, first, len(tokens))
    return out


def _add(out: list[Sentence], tokens: list[Token], first: int, end: int) -> None:
    while first < end and tokens[first].pos1 == SPACE:
        first += 1
    while end > first and tokens[end - 1].pos1 == SPACE:
        end -= 1
    if first < end:
        out.append(Sentence(tokens[first].start, tokens[end - 1].end, first, end))
