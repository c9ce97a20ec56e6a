"""Offsets always index the raw text, whatever was normalised for matching."""
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from newsextract.dates.numbers import Normalised, kanji_to_int


@pytest.mark.parametrize("s,n", [("二十七", 27), ("十一", 11), ("二〇二五", 2025),
                                 ("十", 10), ("百二", 102), ("三", 3)])
def test_kanji_to_int(s, n):
    assert kanji_to_int(s) == n


def test_kanji_map_back():
    n = Normalised("①十一月二十七日に")
    assert n.text == "①11月27日に"
    assert n.raw_span(1, 7) == (1, 8)


def test_marker_not_merged(found):
    assert found("①2025年11月20日:米国", None)[0][0] == "2025年11月20日"


PIECES = ["十一月二十七日", "２０２５年１１月２０日", "21日", "①", "令和元年", "同日", "、",
          "昨年", "12月28〜29日", "四日市市", "は", "\n", "2月4日・5日", "今週初め", "〜"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_offsets_hold(rec, parts):
    text = "".join(parts)
    exprs, sections = rec(text, date(2025, 11, 21))
    for e in exprs:
        assert text[e.start:e.end] == e.text
    for s in sections:
        assert 0 <= s.start <= s.date.start < s.end <= len(text)
