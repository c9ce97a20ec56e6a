"""Month only and year only."""
from datetime import date

import pytest

CASES = [
    ("2022年2月に始まった侵攻", "2022年2月", "2022-02", "month"),
    ("6月に総選挙がある", "6月", "2025-06", "month"),
    ("令和6年3月に完成", "令和6年3月", "2024-03", "month"),
    ("2024年は猛暑だった", "2024年", "2024", "year"),
    ("令和元年に発足した", "令和元年", "2019", "year"),
]


@pytest.mark.parametrize("text,surface,value,kind", CASES)
def test_month_year(found, text, surface, value, kind):
    assert found(text, date(2025, 4, 10))[0] == (surface, value, None, kind)
