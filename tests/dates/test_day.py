"""Bare days: the month of their line, else of the article date or dateline."""
from datetime import date

import pytest

CASES = [
    ("首相は21日、記者団に語った。", date(2025, 11, 22), "21日", "2025-11-21"),
    ("[ソウル 3日 ロイター] 韓国政府は", date(2025, 3, 4), "3日", "2025-03-03"),
    ("現地時間13日、大統領は", date(2025, 6, 20), "13日", "2025-06-13"),
    ("現地13日、トランプ氏は", None, "13日", "XXXX-XX-13"),
    # the month stated earlier on the same line wins over the article date
    ("5月2日に来日し、4日に帰国した。", date(2025, 6, 10), "4日", "2025-05-04"),
]


@pytest.mark.parametrize("text,dct,surface,value", CASES)
def test_day(found, text, dct, surface, value):
    got = [g for g in found(text, dct) if g[0] == surface]
    assert got and got[0][1] == value and got[0][3] == "day"


def test_month_does_not_leak_across_lines(found):
    text = "10月21日、訪問した。\n20日夜、発言した。"
    assert found(text, None)[-1][1] == "XXXX-XX-20"


def test_dateline_anchors_its_block(found):
    text = ("▽首相、辞任へ<共同>2025年9月7日 18:02 JST\n首相は7日、会見した。\n"
            "▽記録的大雨<共同>2025年8月11日 9:00 JST\n気象庁は10日、警報を出した。")
    got = found(text, date(2025, 9, 30))
    assert ("7日", "2025-09-07") in [g[:2] for g in got]
    assert ("10日", "2025-08-10") in [g[:2] for g in got]
