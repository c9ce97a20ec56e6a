"""Find date spans: every pattern over the normalised text, mapped back to raw
offsets, negatives dropped, overlaps settled by "first longest wins".

「トランプ氏は11月27日までに」 -> Candidate(6, 12, "11月27日", kind month_day,
mod BEFORE); 「四日市市」 and 「60~90日間」 give nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as C  # noqa: N812 - the parser's opcodes
from re import _parser


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


_NUMBER = re.compile(r"\d+")


def _matches_at(regex: re.Pattern, text: str, starts: list[int]) -> list[re.Match]:
    """What ``regex.finditer(text)`` finds, for a pattern that can only match
    at one of ``starts``: tried there alone, skipping those inside a match.
    Most date patterns open on a number; a scan of every position of the
    text for each of them took most of the finder's time."""
    out, end = [], 0
    for start in starts:
        if start >= end and (m := regex.match(text, start)):
            out.append(m)
            end = m.end()
    return out


def _starts_at_numbers(regex: re.Pattern) -> bool:
    """True when every match of ``regex`` starts where a run of digits starts:
    it opens with a lookbehind that refuses a digit (the {NB} macro) and its
    first character is always a digit. Decided on the parsed pattern; any
    construct not handled below answers False (the pattern is then scanned
    everywhere, as before), so a new pattern is never missed, only slower."""
    items = list(_parser.parse(regex.pattern, regex.flags))
    if not items:
        return False
    op, av = items[0]
    if not (op is C.ASSERT_NOT and av[0] == -1 and _has_digit_class(av[1])):
        return False
    digit_first, can_be_empty = _first_char(items[1:])
    return digit_first and not can_be_empty


def _has_digit_class(items) -> bool:
    """The lookbehind's body is one character class that includes \\d."""
    items = list(items)
    return (len(items) == 1 and items[0][0] is C.IN
            and (C.CATEGORY, C.CATEGORY_DIGIT) in items[0][1] and (C.NEGATE, None) not in items[0][1])


def _first_char(items) -> tuple[bool, bool]:
    """(whatever is consumed first is a digit, the sequence may consume nothing)."""
    for op, av in items:
        digit, empty = _first_char_of(op, av)
        if not digit:
            return False, False
        if not empty:
            return True, False
    return True, True


def _first_char_of(op, av) -> tuple[bool, bool]:
    if op is C.LITERAL:
        return "0" <= chr(av) <= "9", False
    if op is C.IN:
        return all(_digit_set_item(o, a) for o, a in av), False
    if op is C.SUBPATTERN:
        return _first_char(av[3])
    if op is C.BRANCH:
        firsts = [_first_char(branch) for branch in av[1]]
        return all(d for d, _ in firsts), any(e for _, e in firsts)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        digit, empty = _first_char(av[2])
        return digit, empty or av[0] == 0
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return True, True  # consumes nothing: the next item decides
    return False, False


def _digit_set_item(op, av) -> bool:
    if op is C.LITERAL:
        return "0" <= chr(av) <= "9"
    if op is C.RANGE:
        return ord("0") <= av[0] <= av[1] <= ord("9")
    return op is C.CATEGORY and av is C.CATEGORY_DIGIT


class Finder:
    """Compiled patterns plus the negative lists; call with the raw text."""

    def __init__(self, rules: DateRules) -> None:
        self.rules = rules
        self.phrases = (re.compile("|".join(re.escape(p) for p in
                                            sorted(rules.phrases, key=len, reverse=True)))
                        if rules.phrases else None)
        self.kanji_bare_day = rules.settings["kanji_bare_day"]
        self.at_numbers = [_starts_at_numbers(p.regex) for p in rules.patterns]

    def __call__(self, raw: str) -> list[Candidate]:
        norm = Normalised(raw)
        number_starts = [m.start() for m in _NUMBER.finditer(norm.text)]
        cands = []
        for pat, at_numbers in zip(self.rules.patterns, self.at_numbers):
            found = (_matches_at(pat.regex, norm.text, number_starts) if at_numbers
                     else pat.regex.finditer(norm.text))
            for m in found:
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
