"""Normalise numerals for matching, keeping an exact map back to raw offsets.

Only what the date patterns need is touched: full-width digits and
separators are folded one-for-one (２０２５／１２ -> 2025/12, 〜 kept), and a
run of kanji numerals right before 年/月/日 becomes Arabic digits
(十一月二十七日 -> 11月27日). NFKC is not used: it would turn the list marker
in 「①2025年」 into 「12025年」.
"""
from __future__ import annotations

import re

KANJI_NUMERALS = frozenset("〇零一二三四五六七八九十百千")
_FOLD = str.maketrans("０１２３４５６７８９／．－～：", "0123456789/.-〜:")
_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT = {"十": 10, "百": 100, "千": 1000}
# A kanji numeral run before 年/月/日, not glued to a preceding ideograph
# (統一日本 is not 統 + 1日) unless that ideograph is 年 or 月 (二〇二五年十一月).
_KANJI_RUN = re.compile(r"(?:(?<=[年月])|(?<![\u4e00-\u9fff々]))"
                        r"[〇零一二三四五六七八九十百千]+(?=[年月日])")


def kanji_to_int(s: str) -> int | None:
    """二十七 -> 27, 十一 -> 11, 二〇二五 -> 2025, 百 -> 100; None if malformed."""
    if all(c in _DIGIT for c in s):  # positional: 二〇二五
        return int("".join(str(_DIGIT[c]) for c in s))
    total, cur = 0, None
    for c in s:
        if c in _DIGIT:
            if cur is not None:
                return None  # 二三十: two digits in a row in the unit form
            cur = _DIGIT[c]
        elif c in _UNIT:
            total += (1 if cur is None else cur) * _UNIT[c]
            cur = None
        else:
            return None
    return total + (cur or 0)


class Normalised:
    """``text`` for matching; ``raw_span(s, e)`` gives raw offsets back.

    >>> n = Normalised("十一月二十七日に")
    >>> n.text, n.raw_span(0, 6)
    ('11月27日に', (0, 7))
    """

    __slots__ = ("text", "_starts", "_ends", "identity")

    def __init__(self, raw: str) -> None:
        folded = raw.translate(_FOLD)  # one-for-one: offsets unchanged
        runs = list(_KANJI_RUN.finditer(folded))
        self.identity = not runs
        if self.identity:
            self.text, self._starts, self._ends = folded, None, None
            return
        parts, starts, ends, pos = [], [], [], 0
        for m in runs:
            value = kanji_to_int(m.group())
            if value is None:
                continue
            a, b = m.span()
            parts.append(folded[pos:a])
            starts.extend(range(pos, a))
            ends.extend(range(pos + 1, a + 1))
            digits = str(value)
            parts.append(digits)
            starts.extend([a] * len(digits))  # every digit maps to the whole run
            ends.extend([b] * len(digits))
            pos = b
        parts.append(folded[pos:])
        starts.extend(range(pos, len(folded)))
        ends.extend(range(pos + 1, len(folded) + 1))
        self.text = "".join(parts)
        self._starts, self._ends = starts, ends

    def raw_span(self, s: int, e: int) -> tuple[int, int]:
        if self.identity:
            return s, e
        return self._starts[s], (self._ends[e - 1] if e > s else self._starts[s])
