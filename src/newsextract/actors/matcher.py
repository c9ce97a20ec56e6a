"""Find gazetteer actors in a tokenized article.

A spaCy PhraseMatcher over token ORTH finds every surface; the first longest
match wins; one-character abbreviations (米, ロ, 中, 日 …) count only where the
tokens around them say "country" (米政府, 対ロ, 米・ウクライナ); compound
tokens made of abbreviations split into members (米ロ -> 米 + ロ); names grow
over their titles (プーチン大統領, ウィトコフ米特使) and a country before them
(ロシアのプーチン大統領).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Callable

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..types import Token
from .gazetteer import Gazetteer
from .lexicon import Lexicon
from .spans import Cand, fullwidth, is_katakana, title_end, tokens_starting_in, words_at

TokenizeFn = Callable[[str], list[Token]]
# MeCab cuts an unknown name differently by context (マクロン alone vs
# 「フランスのマクロン大統領」), so each surface is tokenized in several frames
# and every cut that lands on the surface's edges becomes a pattern.
_FRAMES = ("{}", "{}は", "、{}大統領は", "の{}氏が", "と{}の", "{}首相と", "{}が")


class GazetteerMatcher:
    """Built once per process: ``GazetteerMatcher(gaz, lex, vocab, split)``."""

    def __init__(self, gaz: Gazetteer, lex: Lexicon, vocab: Vocab, tokenize: TokenizeFn):
        self.gaz, self.lex = gaz, lex
        self.matcher = PhraseMatcher(vocab, attr="ORTH")
        self.key_surface: dict[int, str] = {}
        for surface in gaz.by_surface:
            cuts: set[tuple[str, ...]] = set()
            for variant in [surface] + ([fw] if (fw := fullwidth(surface)) else []):
                for frame in _FRAMES:
                    cut = _cut(tokenize(frame.format(variant)), frame.index("{}"), len(variant))
                    if cut:
                        cuts.add(cut)
            docs = [Doc(vocab, words=list(w), spaces=[False] * len(w)) for w in sorted(cuts)]
            self.matcher.add(surface, docs)
            self.key_surface[vocab.strings[surface]] = surface
        self.abbrev = gaz.abbrev
        self.abbrev_run = re.compile(f"[{re.escape(''.join(gaz.abbrev))}]{{2,}}")  # 米ロ, 日米中
        self.long_tails = tuple(t for t in lex.title_tails if len(t) > 1)
        self.abbrev_next = lex.abbrev_next | lex.government_suffixes  # 米|政府, 露|外相

    def __call__(self, text: str, doc: Doc, tokens: list[Token], starts: list[int],
                 sent_starts: set[int]) -> list[Cand]:
        """Gazetteer names in the text (``starts``: each token's start offset)."""
        # longest first, then leftmost, then in the matcher's order (plain tuples sort in C)
        raw = sorted((s - e, s, n, e, k) for n, (k, s, e) in enumerate(self.matcher(doc)))
        taken = bytearray(len(tokens))
        cands: list[Cand] = []
        abbrevs: list[Cand] = []
        for _, s, _, e, key in raw:
            if any(taken[s:e]):
                continue
            surface = self.key_surface[key]
            ids = self.gaz.by_surface[surface]
            c = Cand(s, e, ids[0], head=s)
            if e - s == 1 and surface in self.abbrev:
                abbrevs.append(c)  # judged once every longer name is known
            else:
                taken[s:e] = b"\x01" * (e - s)
                cands.append(c)
        splits = self._split_compounds(text, tokens, starts, taken)
        cands.extend(self._check_abbrevs(abbrevs, tokens, cands, splits, sent_starts))
        cands.extend(splits)
        cands.sort(key=lambda c: c.s)
        return self._grow(cands, tokens)

    # -- one-character abbreviations ------------------------------------------------

    def _split_compounds(self, text: str, tokens: list[Token], starts: list[int],
                         taken: bytearray) -> list[Cand]:
        """米ロ (one token) -> USA + RUS, both via "split"; 中米 (Central America,
        a place name) and 日中の気温 (daytime) stay whole."""
        out = []
        lex = self.lex
        for t in (tokens[k] for k in tokens_starting_in(self.abbrev_run, text, starts)):
            s = t.surface  # a token of two or more abbreviations only:
            if (len(s) < 2 or not self.abbrev_run.fullmatch(s) or taken[t.i] or t.pos1 != "名詞"
                    or t.pos3 == "地名" or s in lex.compound_exclude):
                continue
            if s in lex.compound_needs_noun:
                nxt = tokens[t.i + 1] if t.i + 1 < len(tokens) else None
                if nxt is None or nxt.pos1 != "名詞":
                    continue
            for k, ch in enumerate(s):
                out.append(Cand(t.i, t.i + 1, self.abbrev[ch], via="split", head=t.i,
                                char_s=t.start + k, char_e=t.start + k + 1))
        return out

    def _check_abbrevs(self, abbrevs: list[Cand], tokens: list[Token], cands: list[Cand],
                       splits: list[Cand], sent_starts: set[int]) -> list[Cand]:
        """Keep 米 in 米政府/米・ウクライナ/対ロ/「米、…」, not in 米の価格."""
        lex = self.lex
        at = {c.s for c in abbrevs} | {c.s for c in splits}
        starts = {c.s for c in cands} | at
        ends = {c.e for c in cands} | {c.s + 1 for c in abbrevs}
        entries = self.gaz.entries  # the dict itself: Gazetteer.__getitem__ is a Python call
        country_starts = {c.s for c in cands if entries[c.actor_id].type == "country"}
        n = len(tokens)
        out = []
        for c in abbrevs:
            i = c.s
            t = tokens[i]
            prev = tokens[i - 1] if i > 0 else None
            nxt = tokens[i + 1] if i + 1 < n else None
            kata = is_katakana(t.surface)
            if kata and ((prev and is_katakana(prev.surface) and i - 1 not in at)
                         or (nxt and is_katakana(nxt.surface) and i + 1 not in at)):
                continue  # ロ inside an unknown katakana word
            if (i + 1) in at or (i - 1) in at:
                ok = True  # 露/ウ, 英仏/独: a run of abbreviations
            elif (i + 1) in country_starts:
                ok = True  # 米ウクライナ和平交渉: an abbreviation fused to a country name
            elif kata and t.surface == "パ":
                ok = False  # パ only inside 印パ
            elif nxt and (words_at(tokens, i + 1, self.abbrev_next)
                          or nxt.surface.startswith(self.long_tails)
                          or self._title_follows(tokens, i + 1)):
                ok = True  # 米政府, 米大統領, 米国務長官, 露外相
            elif prev and prev.surface in lex.abbrev_prev and prev.surface not in ("・", "と", "や"):
                ok = True  # 対ロ, 訪米, 駐日
            elif prev and prev.surface in ("・", "と", "や") and (i - 1) in ends:
                ok = True  # ウクライナ・米
            elif nxt and nxt.surface in ("・", "と", "や") and (i + 2) in starts:
                ok = True  # 米・ウクライナ, 米と中国
            elif nxt and nxt.surface == "、" and (i in sent_starts or (prev and prev.surface in "「『")):
                ok = True  # headline style 「米、和平案を提示」
            else:
                ok = False
            if ok:
                out.append(c)
        return out

    def _title_follows(self, tokens: list[Token], k: int) -> bool:
        return title_end(tokens, k, self.lex.title_tails) > k

    # -- growing names over titles and countries ------------------------------------

    def _grow(self, cands: list[Cand], tokens: list[Token]) -> list[Cand]:
        """Titles after persons, government words after countries, a country
        (+ の) before a person of that country; drop needs-title surfaces
        (高市, 林) that carry no title."""
        lex, gaz = self.lex, self.gaz
        entries = gaz.entries  # the dict itself: Gazetteer.__getitem__ is a Python call
        person_starts = sorted({c.s for c in cands if c.via != "split" and entries[c.actor_id].type == "person"})
        out: list[Cand] = []
        for c in cands:
            entry = entries[c.actor_id]
            if c.via != "split" and entry.type == "person":
                gov = words_at(tokens, c.e, lex.person_government_suffixes)
                if gov and entry.affiliation:  # トランプ政権 -> USA
                    c = Cand(c.s, c.e + gov, entry.affiliation, head=c.s)
                else:
                    k = bisect_left(person_starts, c.e)  # the next person's name ends the title
                    end = title_end(tokens, c.e, lex.title_tails,
                                    stop=person_starts[k] if k < len(person_starts) else None)
                    c.titled = end > c.e
                    if not c.titled and "".join(t.surface for t in tokens[c.s:c.e]) in gaz.needs_title:
                        continue
                    c.e = end
                    # ロシアのプーチン大統領 / 米国ウィトコフ特使: absorb the person's own country
                    if out and out[-1].via == "gazetteer" and out[-1].actor_id == entry.affiliation:
                        prev = out[-1]
                        gap = c.s - prev.e
                        if gap == 0 or (gap == 1 and tokens[prev.e].surface == "の"):
                            out.pop()
                            c.s = prev.s
            elif c.via != "split" and entry.type == "country":
                c.e += words_at(tokens, c.e, lex.government_suffixes)
            # drop earlier mentions the grown span swallowed (米 in ウィトコフ米特使)
            while out and out[-1].s >= c.s and out[-1].e <= c.e and not _same_split(out[-1], c):
                out.pop()
            if out and out[-1].s <= c.s and c.e <= out[-1].e and not _same_split(out[-1], c):
                continue
            out.append(c)
        return out


def _cut(tokens: list[Token], start: int, length: int) -> tuple[str, ...] | None:
    """The token surfaces spanning exactly [start, start+length), else None."""
    words = [t.surface for t in tokens if start <= t.start and t.end <= start + length]
    if "".join(words) != "" and sum(map(len, words)) == length and any(t.start == start for t in tokens):
        return tuple(words)
    return None


def _same_split(a: Cand, b: Cand) -> bool:
    """Two members of one split token (米 and ロ of 米ロ) never swallow each other."""
    return a.via == b.via == "split" and a.s == b.s
