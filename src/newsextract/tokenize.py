"""Tokenize with fugashi + unidic-lite into tokens whose offsets rebuild the text.

MeCab drops white space (tab, LF, VT and space) between tokens; we keep each
run as a token of its own (pos1 ``空白``) so that the token list, and the
spaCy ``Doc`` built from it, rebuild the text exactly and spaCy token ``i``
is our token ``i``.

Speed: MeCab writes an article's tokens as one string, a "surface TAB
feature" line each, in one C call; each distinct line is split into fields
once and cached, and offsets are running sums of the surface lengths. A
fugashi node object and a feature decode per token cost more.
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_right
from functools import partial
from itertools import accumulate, compress, count
from operator import itemgetter, or_
from typing import Any, Callable

import fugashi
from spacy.attrs import LEMMA, TAG
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .types import LEMMA_OF, POS1_OF, POS2_OF, SURFACE_OF, Sentence, Token

SPACE = "空白"
_SENTENCE_END = frozenset("。！？!?")
_SENTENCE_MARKS = _SENTENCE_END | frozenset("「『（(」』）)")
# -O "" drops the dictionary's own output layout for these node formats:
# one "surface<TAB>raw feature" line per token, known word or unknown.
_LINES_FORMAT = r'-O "" -F%m\\t%H\\n -U%m\\t%H\\n -E ""'
# What MeCab skips between tokens (checked over all of Unicode, unidic-lite).
_GAP_CHARS = "\t\n\v "
_GAP = re.compile(f"[{_GAP_CHARS}]+")
# Bound on each per-process cache below (cleared when full): the common
# entries recur in every article, names and numbers keep adding new ones.
_CACHE_LIMIT = 200_000

# Token((i, start, end) + row) without NamedTuple's Python-level __new__: a
# tenth of the tokenizer's time went to that one call per token
_new_token = partial(tuple.__new__, Token)

Row = tuple[str, str, str, str, str]  # a token without i/start/end: surface, pos1-3, lemma


class Tokenizer:
    """One fugashi tagger and one spaCy vocab, loaded once per process."""

    def __init__(self) -> None:
        self.tagger = fugashi.Tagger(_LINES_FORMAT)
        self.vocab = Vocab()
        self._rows = _RowCache()
        self._lemma_ids = _StringIds(self.vocab)
        self._tag_ids = _StringIds(self.vocab, lambda pos: "-".join(pos))  # (pos1, pos2) -> "pos1-pos2"

    def tokens(self, text: str) -> list[Token]:
        # MeCab reads a C string: it stops at a NUL, and what follows is kept
        # as one 空白 token, like trailing white space
        head = text.partition("\0")[0]
        out = self.tagger.parse(head)
        rows = list(map(self._rows.__getitem__, out.split("\n"))) if out else []
        if len(head) < len(text) or _GAP.search(head):
            rows = _with_white_space(text, head, rows)
        if not rows:
            return []
        surfaces = [r[0] for r in rows]
        if "".join(surfaces) != text:  # never expected: offsets would be wrong
            raise RuntimeError("tokens do not rebuild the text")
        ends = list(accumulate(map(len, surfaces)))
        return list(map(_new_token, map(tuple.__add__, zip(count(), [0, *ends[:-1]], ends), rows)))

    def doc(self, tokens: list[Token]) -> Doc:
        """A spaCy Doc over the same tokens, for Matcher / PhraseMatcher rules.

        ``lemma_`` carries UniDic's orthographic base form (拒否し -> する),
        ``tag_`` the UniDic POS as ``pos1-pos2``. Both go in as one array of
        cached string ids: Doc's own ``lemmas=``/``tags=`` look every string
        up one token at a time and cost twice the Doc itself.
        """
        if not tokens:
            return Doc(self.vocab, words=[], spaces=[])
        doc = Doc(self.vocab, words=list(map(SURFACE_OF, tokens)), spaces=[False] * len(tokens))
        values = doc.to_array([LEMMA, TAG])  # zeros of the right shape and dtype
        values[:, 0] = list(map(self._lemma_ids.__getitem__, map(LEMMA_OF, tokens)))
        values[:, 1] = list(map(self._tag_ids.__getitem__, zip(map(POS1_OF, tokens), map(POS2_OF, tokens))))
        doc.from_array([LEMMA, TAG], values)
        return doc


class _RowCache(dict):
    """MeCab output line -> Row, each distinct line split only once. A dict
    with ``__missing__``: a hit is dict's own lookup, no Python call."""

    def __missing__(self, line: str) -> Row:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        surface, _, raw = line.partition("\t")
        pos1, pos2, pos3, lemma = _features(raw)
        row = self[line] = (surface, pos1, pos2, pos3, lemma or surface)
        return row


class _StringIds(dict):
    """value -> the id of its string in the vocab's StringStore, added on
    first sight (``as_string`` makes the string of a value that is none)."""

    def __init__(self, vocab: Vocab, as_string: Callable[[Any], str] = str) -> None:
        super().__init__()
        self.strings, self.as_string = vocab.strings, as_string

    def __missing__(self, value) -> int:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        key = self[value] = self.strings.add(self.as_string(value))
        return key


def _features(raw: str) -> tuple[str, str, str, str | None]:
    """pos1, pos2, pos3 and orthBase (field 10) of a UniDic feature string;
    an unknown word has only the first fields, so no orthBase."""
    fields = next(csv.reader([raw])) if '"' in raw else raw.split(",")
    get = lambda k: fields[k] if k < len(fields) else None  # noqa: E731
    return get(0) or "", get(1) or "", get(2) or "", get(10)


def _with_white_space(text: str, head: str, rows: list[Row]) -> list[Row]:
    """``rows`` with a 空白 row put back for each run of white space MeCab
    skipped between tokens of ``head``, and one for all the text after the
    last token (trailing white space, and whatever follows a NUL)."""
    body = head.rstrip(_GAP_CHARS)
    ends = list(accumulate(map(len, map(itemgetter(0), rows))))  # offsets in the text without gaps
    out: list[Row] = []
    done = skipped = 0
    for m in _GAP.finditer(body):
        k = bisect_right(ends, m.start() - skipped)  # the rows before this gap
        out.extend(rows[done:k])
        out.append(_space(m.group()))
        done, skipped = k, skipped + len(m.group())
    out.extend(rows[done:])
    if len(body) < len(text):
        out.append(_space(text[len(body):]))
    return out


def _space(s: str) -> Row:
    return (s, SPACE, "", "", s)


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Sentences end at 。！？ and at line breaks (headlines and list items
    carry no 。). A 。 inside 「…」 does not end the sentence."""
    out: list[Sentence] = []
    first = 0
    depth = 0
    # only brackets, sentence ends and white space matter: find them in one C-level pass
    for t in compress(tokens, map(or_, map(_SENTENCE_MARKS.__contains__, map(SURFACE_OF, tokens)),
                                  map(SPACE.__eq__, map(POS1_OF, tokens)))):
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
