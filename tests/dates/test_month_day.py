"""Month-day: the year comes from the narrative, else from the article date."""
from datetime import date

import pytest

CASES = [
    ("大阪府は11月27日、会見を開いた。", date(2025, 12, 2), "11月27日", "2025-11-27"),
    ("十一月二十七日に開かれた", date(2025, 12, 2), "十一月二十七日", "2025-11-27"),
    ("１２月３日に那覇で", date(2025, 12, 9), "１２月３日", "2025-12-03"),
    # a January article's December is last year's
    ("12月28日に福岡で大雪", date(2026, 1, 8), "12月28日", "2025-12-28"),
    ("3月15日に再開する予定", date(2025, 2, 1), "3月15日", "2025-03-15"),
    # no article date, no narrative: the year stays unknown
    ("1月16日発表の世論調査", None, "1月16日", "XXXX-01-16"),
]


@pytest.mark.parametrize("text,dct,surface,value", CASES)
def test_month_day(found, text, dct, surface, value):
    assert found(text, dct)[0][:2] == (surface, value)
    assert found(text, dct)[0][3] == "month_day"


def test_year_from_preceding_explicit_year(found):
    text = "2023年10月7日に衝突が始まった。11月24日には休戦した。"
    assert found(text, date(2025, 6, 1))[1][1] == "2023-11-24"
