"""Find date spans: every pattern over the normalised text, mapped back to raw
offsets, negatives dropped, overlaps settled by "first longest wins".

「トランプ氏は11月27日までに」 -> Candidate(6, 12, "11月27日", kind month_day,
mod BEFORE); 「四日市市」 and 「60~90日間」 give nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import KANJI_NUMERALS, Normalised
from .rules import DateRules


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    text: str
    kind: str
    pattern: str
    groups: dict[str, str]
    mod: str | None
    order: int


def _drop_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep the longest span, then the earliest, then the first-listed pattern
    (as spacy.util.filter_spans); return the kept ones in text order."""
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), c.start, c.order))
    taken = bytearray(max((c.end for c in cands), default=0))
    kept = []
    for c in ranked:
        if not any(taken[c.start:c.end]):
            kept.append(c)
            taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    kept.sort(key=lambda c: c.start)
    return kept


class Finder:
    """Compiled patterns plus the negative lists; call with the raw text."""

    def __init__(self, rules: DateRules) -> None:
        self.rules = rules
        self.phrases = (re.compile("|".join(re.escape(p) for p in
                                            sorted(rules.phrases, key=len, reverse=True)))
                        if rules.phrases else None)
        self.kanji_bare_day = rules.settings["kanji_bare_day"]

    def __call__(self, raw: str) -> list[Candidate]:
        norm = Normalised(raw)
        cands = []
        for pat in self.rules.patterns:
            for m in pat.regex.finditer(norm.text):
                s, e = norm.raw_span(*m.span())
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                cands.append(Candidate(s, e, raw[s:e], pat.kind, pat.id, groups,
                                       self.rules.fuzzy.get(groups.get("fz", "")),
                                       pat.order))
        blocked = bytearray(len(raw))
        if self.phrases:
            for m in self.phrases.finditer(raw):
                blocked[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        # Negatives before overlaps: a blocked reading (3日間) must not hide a
        # shorter valid one; then one reading per stretch of text.
        kept = [c for c in cands
                if not any(blocked[c.start:c.end]) and not self._negative_context(raw, c)]
        kept = _drop_overlaps(kept)
        for c in kept:
            c.mod = self._suffix_mod(raw, c.end) or c.mod
        return kept

    def _negative_context(self, raw: str, c: Candidate) -> bool:
        if raw.startswith(self.rules.suffixes, c.end):
            return True
        before = raw[max(0, c.start - 2):c.start]
        if before.endswith(self.rules.prefixes):
            return True
        # Bare days written in kanji are durations or idioms in news text
        # (握手から二日, 三日間), not dates; 十一月二十七日 keeps its month.
        if (c.kind == "day" and not self.kanji_bare_day
                and any(ch in KANJI_NUMERALS for ch in c.text)):
            return True
        return False

    def _suffix_mod(self, raw: str, end: int) -> str | None:
        for suffix, mod in self.rules.modifiers:
            if raw.startswith(suffix, end):
                return mod
        return None
