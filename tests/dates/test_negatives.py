"""Text that looks like a date but is not one."""
from datetime import date

import pytest

CASES = [
    "毎日新聞によると",
    "四日市市の工場で",
    "一時帰国した",
    "十分な説明がない",
    "一日も早く解決したい",
    "第1四半期の決算",
    "問い合わせは03-1234-5678まで",
    "NATO第5条に準じる",
    "28項目の和平案",
    "計314人の捕虜交換",
    "60~90日間のうちに行う",
    "協議は5時間に及んだ",
    "100日以内に選挙を実施",
    "10日ぶりに再開",
    "握手から二日、大統領は",
    "3年ぶりの直接交渉",
    "2000年代に入ると",
    "2025年度予算",
    "前年比で3%増",
    "3日目の協議",
]


@pytest.mark.parametrize("text", CASES)
def test_not_a_date(found, text):
    assert found(text, date(2025, 11, 21)) == []
