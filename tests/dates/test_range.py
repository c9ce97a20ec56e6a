"""Ranges: one expression, value start/end."""
from datetime import date

import pytest

CASES = [
    ("2025年12月28〜29日夜", "2025年12月28〜29日", "2025-12-28/2025-12-29"),
    ("2月18日〜19日:対立", "2月18日〜19日", "2025-02-18/2025-02-19"),
    ("12月28日～1月3日は休館", "12月28日～1月3日", "2025-12-28/2026-01-03"),
    ("8月28日から30日にかけて開催", "8月28日から30日", "2025-08-28/2025-08-30"),
    ("1995〜2001年に在任", "1995〜2001年", "1995/2001"),
]


@pytest.mark.parametrize("text,surface,value", CASES)
def test_range(found, text, surface, value):
    assert found(text, date(2025, 9, 1))[0] == (surface, value, None, "range")


def test_bare_day_range(found):
    assert found("同社は28日から30日にかけて休業", date(2025, 6, 2))[0][:2] == \
        ("28日から30日", "2025-06-28/2025-06-30")
