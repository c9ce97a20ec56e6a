"""Coreference words and bare titles, resolved left to right.

* 同氏 / 同大統領 / 同国 / 同党 … -> the latest fitting antecedent;
  両首脳 / 両氏 / 両国 / 3か国 -> the latest N distinct ones (one mention each);
  a 3か国 right after a list of three countries, or before one (a headline's
  「3か国協議」 and its body's 「米国・ロシア・ウクライナの3か国」), is that list.
* A bare title (「首相は」「大統領が」) -> who held that title on the article's
  date (DCT) in the country it names (ロシアの大統領, 米大統領) or else in the
  country the article is about: the country (or organisation) mentioned most
  so far, ties to the latest, whose holder of that title on the DCT is known;
  failing that Japan, since a bare 首相 in Japanese news is Japan's.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from datetime import date
from itertools import compress
from typing import Optional

from ..types import SURFACE_OF, Token
from .gazetteer import Gazetteer
from .lexicon import Lexicon
from .spans import Cand, is_katakana, title_end, words_at

_KANJI_NUM = {"二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
HOME = "JPN"
LIST_JOINERS = frozenset({"・", "、", "と"})
LOOK_AHEAD_TOKENS = 120  # about two sentences


class Resolver:
    """Built once: ``Resolver(gaz, lex)``; call per article."""

    def __init__(self, gaz: Gazetteer, lex: Lexicon):
        self.gaz, self.lex = gaz, lex
        self.role_titles = frozenset(gaz.roles_by_title) | frozenset(lex.role_title_aliases)
        self.coref_words = frozenset(lex.coref)
        # cheap gate before the full check (_at): a trigger's first token is a
        # prefix of a coref word or title, 同/両 before a title, or a numeral
        # before a country counter (3か国)
        self.first_surfaces = frozenset(w[:k] for w in self.role_titles | self.coref_words
                                        for k in range(1, len(w) + 1)) | {"同", "両"}

    def __call__(self, tokens: list[Token], cands: list[Cand], covered: bytearray,
                 dct: Optional[date]) -> list[Cand]:
        """New coref/role mentions; ``cands`` (sorted by start) is edited in place
        only to drop a country a role mention absorbs (ロシアの|大統領)."""
        history: list[Cand] = []  # every mention so far, in text order
        self._history_by_type: dict[str, list[Cand]] = {}  # the same, by actor type
        counts: Counter[str] = Counter()
        last_seen: dict[str, int] = {}
        by_end = {c.e: c for c in cands if c.via == "gazetteer"}
        self._countries_by_end: dict[int, list[Cand]] = {}
        for c in cands:
            if self._type(c) == "country":
                self._countries_by_end.setdefault(c.e, []).append(c)
        out: list[Cand] = []
        absorbed: set[int] = set()
        k = 0
        for i in self._gate(tokens):
            while k < len(cands) and cands[k].s <= i:
                self._note(cands[k], history, counts, last_seen)
                k += 1
            if covered[i]:
                continue
            new = self._at(tokens, i, history, counts, last_seen, by_end, dct)
            for c in new:
                if c.s < i:  # absorbed country
                    absorbed.add(id(by_end[i] if by_end.get(i) else by_end[i - 1]))
                self._note(c, history, counts, last_seen)
                covered[c.s:c.e] = b"\x01" * (c.e - c.s)
            out.extend(new)
        if absorbed:
            cands[:] = [c for c in cands if id(c) not in absorbed]
        return out

    def _gate(self, tokens: list[Token]) -> list[int]:
        """Token indices where _at may find something, in C-level passes."""
        counters, n = self.lex.country_counters, len(tokens)
        words = compress(range(n), map(self.first_surfaces.__contains__, map(SURFACE_OF, tokens)))
        numerals = [j - 1 for j in compress(range(n), map(counters.__contains__, map(SURFACE_OF, tokens)))
                    if j > 0 and tokens[j - 1].pos2 == "数詞"]  # 3|か国
        return sorted({*words, *numerals})

    def _note(self, c: Cand, history: list[Cand], counts: Counter, last_seen: dict) -> None:
        history.append(c)
        self._history_by_type.setdefault(self._type(c), []).append(c)
        key = c.actor_id
        entry = self.gaz.entries.get(key)
        if entry is not None and entry.type == "person":
            key = entry.affiliation or key
        counts[key] += 1
        last_seen[key] = len(history)

    def _type(self, c: Cand) -> str:
        entry = self.gaz.entries.get(c.actor_id)
        return entry.type if entry else (c.actor_type or "")

    def _at(self, tokens, i, history, counts, last_seen, by_end, dct) -> list[Cand]:
        lex = self.lex
        t = tokens[i]
        after_person = bool(history) and history[-1].e == i and self._type(history[-1]) == "person"
        m = words_at(tokens, i, self.coref_words, max_tokens=2)
        if m:  # 同氏, 両首脳, 同国
            if after_person and t.surface.startswith("両"):
                return []  # プーチン・ゼレンスキー両首脳: the names are the mentions
            word = "".join(x.surface for x in tokens[i:i + m])
            typ, count, prefer = lex.coref[word]
            return self._antecedents(i, i + m, typ, count, prefer)
        if t.surface in ("同", "両") and i + 1 < len(tokens):
            end = title_end(tokens, i + 1, lex.title_tails)
            if end > i + 1:  # 同大統領, 両外相
                if after_person and t.surface == "両":
                    return []
                title = "".join(x.surface for x in tokens[i + 1:end])
                title = lex.role_title_aliases.get(title, title)
                return self._antecedents(i, end, "person", 1 if t.surface == "同" else 2, (title,))
        if t.pos2 == "数詞" and i + 1 < len(tokens) and tokens[i + 1].surface in lex.country_counters:
            n = _number(t.surface)
            prev = tokens[i - 1].surface if i > 0 else ""
            nxt = tokens[i + 2].surface if i + 2 < len(tokens) else ""
            if n and 2 <= n <= 5 and prev not in lex.counter_blockers and nxt not in ("(", "（"):  # 3か国
                listed = self._listed_before(tokens, i, n) or self._listed_ahead(tokens, i, n)
                if listed:
                    return [Cand(i, i + 2, a, via="coref", head=i) for a in listed]
                return self._antecedents(i, i + 2, "country", n, None)
        m = words_at(tokens, i, self.role_titles, max_tokens=3)
        if m:
            return self._role(tokens, i, i + m, history, counts, last_seen, by_end, dct)
        return []

    def _listed_before(self, tokens: list[Token], i: int, n: int) -> list[str]:
        """The ``n`` countries listed right before the counter at ``i``:
        「米国・ロシア・ウクライナの3か国」, 「米国とロシア、ウクライナの3か国」."""
        j = i - 1 if i > 0 and tokens[i - 1].surface == "の" else i
        picked: list[str] = []
        while j in self._countries_by_end:
            group = self._countries_by_end[j]
            picked = [c.actor_id for c in group] + picked
            start = min(c.s for c in group)
            if start > 0 and tokens[start - 1].surface in LIST_JOINERS:
                j = start - 1
            else:
                break
        picked = list(dict.fromkeys(picked))
        return picked if len(picked) == n else []

    def _listed_ahead(self, tokens: list[Token], i: int, n: int) -> list[str]:
        """A headline's 「3か国協議」 names the parties its body lists next:
        the countries of the next 「…の3か国」 within a few lines."""
        for k in range(i + 2, min(len(tokens) - 1, i + LOOK_AHEAD_TOKENS)):
            if tokens[k].pos2 == "数詞" and tokens[k + 1].surface in self.lex.country_counters:
                return self._listed_before(tokens, k, n) if _number(tokens[k].surface) == n else []
        return []

    def _antecedents(self, s, e, typ, count, titles) -> list[Cand]:
        """The latest ``count`` distinct actors of ``typ``; with titles, prefer
        those who hold one (同大統領 skips a 外相 mentioned in between, 両首脳
        skips a spokeswoman)."""
        picked: list[str] = []
        pool = self._history_by_type.get(typ, [])[::-1]
        if titles:
            fit = [c for c in pool if c.actor_id in self.gaz
                   and any(self.gaz.has_title(c.actor_id, t) for t in titles)]
            fitting = {id(c) for c in fit}  # by identity: dataclass == compares every field
            pool = fit + [c for c in pool if id(c) not in fitting]
        for c in pool:
            if c.actor_id not in picked:
                picked.append(c.actor_id)
            if len(picked) == count:
                break
        if len(picked) < count:
            return []
        byid = {c.actor_id: c for c in pool}
        return [Cand(s, e, a, via="coref", head=s, name=byid[a].name, actor_type=byid[a].actor_type)
                for a in picked]

    def _role(self, tokens, s, e, history, counts, last_seen, by_end, dct) -> list[Cand]:
        """首相 / ロシアの大統領 / 米国務長官 -> the holder on the DCT."""
        lex, gaz = self.lex, self.gaz
        if e < len(tokens) and tokens[e].pos1 in ("名詞", "接尾辞"):
            return []  # 首相官邸, 大統領選
        prev = tokens[s - 1] if s > 0 else None
        if prev is not None and (prev.surface in lex.role_blockers or prev.pos3 == "人名"
                                 or (is_katakana(prev.surface) and s not in by_end)):
            return []  # 前首相, a name we could not read
        title = "".join(x.surface for x in tokens[s:e])
        title = lex.role_title_aliases.get(title, title)
        country = by_end.get(s)
        if country is None and prev is not None and prev.surface == "の":
            country = by_end.get(s - 1)
        if country is not None and gaz[country.actor_id].type in ("country", "igo", "party"):
            holder = gaz.holder(title, country.actor_id, dct)
            if holder is None:
                return []
            return [Cand(country.s, e, holder, via="role", head=s, titled=True)]
        countries = [a for a in counts if a in gaz and gaz[a].type == "country"]
        about = min(countries, key=lambda a: (-counts[a], -last_seen[a]), default=HOME)
        holder = gaz.holder(title, about, dct) or gaz.holder(title, HOME, dct)
        return [Cand(s, e, holder, via="role", head=s, titled=True)] if holder else []


def _number(s: str) -> Optional[int]:
    s = unicodedata.normalize("NFKC", s)
    if s.isdigit():
        return int(s)
    return _KANJI_NUM.get(s)
