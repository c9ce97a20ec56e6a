"""Deadlines and open bounds: BEFORE / AFTER."""
from datetime import date

import pytest

CASES = [
    ("27日までに回答するよう迫った", "27日", "2025-11-27", "BEFORE"),
    ("11月27日までに受け入れる", "11月27日", "2025-11-27", "BEFORE"),
    ("27日までの合意を要求", "27日", "2025-11-27", "BEFORE"),
    ("6月までに交渉を終える", "6月", "2026-06", "BEFORE"),
    ("2025年2月以降の経緯", "2025年2月", "2025-02", "AFTER"),
    ("新年までに決まる", "新年", "2026", "BEFORE"),
    ("11月27日に設定した期限", "11月27日", "2025-11-27", None),
]


@pytest.mark.parametrize("text,surface,value,mod", CASES)
def test_deadline(found, text, surface, value, mod):
    dct = date(2026, 2, 6) if surface == "6月" else date(2025, 11, 21)
    if surface == "新年":
        dct = date(2025, 12, 29)
    assert found(text, dct)[0][:3] == (surface, value, mod)
