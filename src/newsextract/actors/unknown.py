"""Provisional actors: names the gazetteer lacks but the text marks as names.

「ソムサック報道官」 (katakana + title), 「山田太郎氏」 (UniDic 人名 tags),
「ジョン・スミス」 (katakana parts joined by ・, one tagged 人名),
「ポデモス党」 (name + organisation suffix). Each gets a stable id from its
surface without titles, ``X:ソムサック``, and ``known`` False.
"""
from __future__ import annotations

import re

from ..types import POS3_OF, Token
from .lexicon import Lexicon
from .spans import SPACE, Cand, indices_of, is_katakana, title_end, tokens_starting_in, words_at

PREFIX = "X:"


def provisional_id(name: str) -> str:
    """ソムサック -> X:ソムサック (stable across articles)."""
    return PREFIX + name


def find_unknown(text: str, tokens: list[Token], starts: list[int], covered: bytearray,
                 lex: Lexicon) -> list[Cand]:
    """Scan the tokens no gazetteer mention covers, once, left to right
    (``starts``: each token's start offset)."""
    out: list[Cand] = []
    n, j = len(tokens), 0
    # where a run may start: tokens that pass the cheap half of _nameish (a
    # person name, or katakana first), found without a test per token
    people = indices_of(list(map(POS3_OF, tokens)), "人名")
    katakana = tokens_starting_in(_KATAKANA, text, starts)
    firsts = [i for i in sorted({*people, *katakana}) if not covered[i] and _nameish(tokens[i], lex)]
    for i in firsts:
        if i < j:
            continue  # inside the run before
        j = i
        while j < n and not covered[j] and (_nameish(tokens[j], lex) or (
                tokens[j].surface == "・" and j > i and j + 1 < n
                and not covered[j + 1] and _nameish(tokens[j + 1], lex))):
            j += 1
        c = _classify(tokens, i, j, covered, lex)
        if c:
            out.append(c)
    return out


_KATAKANA = re.compile("[ァ-ヺ]+")


def _nameish(t: Token, lex: Lexicon) -> bool:
    if t.pos3 != "人名" and not ("ァ" <= t.surface[0] <= "ヺ"):
        return False  # the common case, decided cheaply
    if t.pos1 == SPACE or t.pos3 == "地名" or t.surface in lex.name_stopwords:
        return False
    return t.pos3 == "人名" or is_katakana(t.surface)


def _classify(tokens: list[Token], i: int, j: int, covered: bytearray, lex: Lexicon) -> Cand | None:
    run = tokens[i:j]
    name = "".join(t.surface for t in run)
    parts = [t for t in run if t.surface != "・"]
    if len(name) < 2 or all(len(t.surface) == 1 for t in parts):
        return None
    end = title_end(tokens, j, lex.title_tails)
    if end < len(covered) and any(covered[j:end]):
        end = j
    if end > j:  # レビット報道官, 山田外相
        return Cand(i, end, provisional_id(name), via="provisional", head=i, titled=True,
                    name=name, actor_type="person")
    org = words_at(tokens, j, lex.org_suffixes, max_tokens=2)
    if org and not any(covered[j:j + org]):  # ポデモス党
        full = name + "".join(t.surface for t in tokens[j:j + org])
        return Cand(i, j + org, provisional_id(full), via="provisional", head=i,
                    name=full, actor_type="organisation")
    joined = len(parts) >= 2 and len(parts) < len(run)
    if joined and all(is_katakana(t.surface) for t in parts) and any(t.pos3 == "人名" for t in parts):
        return _person(i, j, name)  # ジョン・スミス
    if len(parts) >= 2 and len(parts) == len(run) and all(t.pos3 == "人名" and not is_katakana(t.surface)
                                                          for t in parts):
        return _person(i, j, name)  # 山田太郎 (姓 + 名)
    return None


def _person(i: int, j: int, name: str) -> Cand:
    return Cand(i, j, provisional_id(name), via="provisional", head=i, name=name, actor_type="person")
