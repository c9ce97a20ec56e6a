"""Deictic words against the article date (or a dateline / dated list item)."""
from datetime import date

import pytest

DCT = date(2025, 11, 21)  # a Friday, ISO week 47
CASES = [
    ("昨日", "2025-11-20", "relative"),
    ("本日", "2025-11-21", "relative"),
    ("今月", "2025-11", "relative"),
    ("昨年", "2024", "relative"),
    ("先週", "2025-W46", "week"),
    ("来週", "2025-W48", "week"),
    ("3日前", "2025-11-18", "relative"),
    ("来年6月", "2026-06", "relative"),
    ("昨年10月", "2024-10", "relative"),
    ("今月6日", "2025-11-06", "relative"),
    ("来週27日", "2025-11-27", "relative"),
    ("元日", "2026-01-01", "holiday"),
]


@pytest.mark.parametrize("word,value,kind", CASES)
def test_relative(found, word, value, kind):
    assert found(f"市長は{word}、方針を示した。", DCT) == [(word, value, None, kind)]


def test_no_dct_keeps_unknown(found):
    assert found("市長は昨日、述べた。", None)[0][1] == "XXXX-XX-XX"


def test_iso_week_crosses_year(found):
    assert found("知事は先週、語った。", date(2025, 12, 29))[0][1] == "2025-W52"


def test_today_in_quote_is_the_speech_date(found):
    text = "知事は12月28日の投稿で「本日午後、視察した」と記した。"
    assert found(text, date(2025, 12, 30))[1][:2] == ("本日", "2025-12-28")


def test_section_date_anchors_deixis(found):
    text = "・11月27日:首相が会見\n  来週、訪米する。"
    assert found(text, date(2025, 12, 10))[1][:2] == ("来週", "2025-W49")
