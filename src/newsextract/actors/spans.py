"""Token-level helpers shared by the matcher, the unknown-name finder and coref.

A ``Cand`` is a mention under construction, in token indices:
「ロシアのプーチン大統領」 -> Cand(s=0, e=4, actor_id="PUTIN", head=2).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from bisect import bisect_left
from functools import lru_cache
from typing import Optional

from ..types import Token

SPACE = "空白"
_CHAIN_POS = frozenset({"名詞", "接尾辞", "接頭辞"})
MAX_TITLE_TOKENS = 8


@dataclass(slots=True)
class Cand:
    s: int  # first token
    e: int  # one past the last token
    actor_id: str
    via: str = "gazetteer"
    head: int = -1  # token where the name starts
    titled: bool = False  # a title or honorific follows the name
    name: Optional[str] = None  # provisional actors only
    actor_type: Optional[str] = None  # provisional actors only
    char_s: int = -1  # for split mentions inside one token (米ロ -> ロ)
    char_e: int = -1


def is_katakana(s: str) -> bool:
    """ゼレンスキー, ウィトコフ (the long-vowel mark counts)."""
    return bool(s) and all("ァ" <= c <= "ヺ" or c == "ー" for c in s)


def words_at(tokens: list[Token], k: int, words: frozenset[str], max_tokens: int = 4) -> int:
    """Token count of the longest word of ``words`` that starts at token ``k``
    and ends on a token boundary, 0 if none: (米/国務/省, 1, {"国務省"}) -> 2."""
    best, text = 0, ""
    prefixes = _prefixes(words)
    for m in range(k, min(k + max_tokens, len(tokens))):
        text += tokens[m].surface
        if text not in prefixes:
            break  # no word goes on like this (most calls end at the first token)
        if text in words:
            best = m - k + 1
    return best


@lru_cache(maxsize=64)
def _prefixes(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w[:n] for w in words for n in range(1, len(w) + 1))


def title_end(tokens: list[Token], j: int, tails: tuple[str, ...], stop: Optional[int] = None) -> int:
    """Token index just past the title after a name that ends at ``j``,
    ``j`` when there is none: プーチン|大統領|報道|官 ... -> past 官;
    ウィトコフ|米|特使 -> past 特使; 和平交渉担当特使, 国家安全保障・国防会議書記 too.
    The title ends before token ``stop`` (where another name starts)."""
    best, text = j, ""
    end = min(j + MAX_TITLE_TOKENS, len(tokens), len(tokens) if stop is None else stop)
    for k in range(j, end):
        t = tokens[k]
        if k == j and t.surface in ("両", "同"):
            break  # プーチン・ゼレンスキー|両大統領: 両 starts a coreference, not a title
        if t.surface == "・":
            if k == j or k + 1 >= len(tokens) or tokens[k + 1].pos1 not in _CHAIN_POS:
                break
        elif t.pos1 not in _CHAIN_POS or t.pos2 == "数詞" or t.pos3 == "人名":
            break
        text += t.surface
        if text.endswith(tails):
            best = k + 1
    return best


def fullwidth(s: str) -> Optional[str]:
    """The full-width spelling news often uses for Latin letters and digits:
    NATO -> ＮＡＴＯ; None when ``s`` has none."""
    out = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)
    return out if out != s else None


def nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def tokens_starting_in(pattern: re.Pattern, text: str, starts: list[int]) -> list[int]:
    """Indices of the tokens that start inside a match of ``pattern`` in
    ``text`` (``starts``: each token's start offset). One regex scan of the
    text is cheaper than a test per token when matches are rare."""
    out = []
    for m in pattern.finditer(text):
        k = bisect_left(starts, m.start())
        while k < len(starts) and starts[k] < m.end():
            out.append(k)
            k += 1
    return out


def indices_of(values: list, value) -> list[int]:
    """Every index of ``value`` in ``values``, by list.index: a C scan that
    beats a test per item when ``value`` is rare."""
    out, k = [], -1
    try:
        while True:
            k = values.index(value, k + 1)
            out.append(k)
    except ValueError:
        return out
