"""A running narrative rolls 12月 -> 1月 into the next year; flashbacks do not move it."""
from datetime import date

import pytest

TIMELINE = ("⑫12月28日:首脳が電話会談\n⑬1月6日:パリで会合\n"
            "また、2025年7月に司令官が就任した。\n⑭2月6日:会見\n6月までに合意を目指す。")


@pytest.mark.parametrize("surface,value", [
    ("12月28日", "2025-12-28"), ("1月6日", "2026-01-06"),
    ("2025年7月", "2025-07"), ("2月6日", "2026-02-06"), ("6月", "2026-06"),
])
def test_timeline(found, surface, value):
    got = dict(g[:2] for g in found(TIMELINE, date(2025, 12, 29)))
    assert got[surface] == value


def test_no_rollover_for_near_months(found):
    text = "12月中旬に協議した。11月20日に明らかになった案では"
    assert [g[1] for g in found(text, date(2025, 12, 29))] == ["2025-12", "2025-11-20"]
