"""上旬/中旬/下旬/初め/半ば/末 become mod; the value stays the month."""
from datetime import date

import pytest

CASES = [
    ("12月中旬", "2025-12", "MID"),
    ("11月半ば", "2025-11", "MID"),
    ("10月末", "2025-10", "END"),
    ("3月上旬", "2025-03", "START"),
    ("1月下旬", "2025-01", "END"),
    ("2024年末", "2024", "END"),
    ("今月初め", "2025-11", "START"),
]


@pytest.mark.parametrize("surface,value,mod", CASES)
def test_fuzzy(found, surface, value, mod):
    got = found(f"委員会は{surface}に報告書をまとめた。", date(2025, 11, 21))
    assert got[0][:3] == (surface, value, mod)


def test_week_start(found):
    assert found("書記は今週初め、訪れた。", date(2025, 11, 23))[0][:3] == \
        ("今週初め", "2025-W47", "START")
