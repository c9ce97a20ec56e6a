"""Day lists are one expression per day; later days share the month."""
from datetime import date

import pytest

CASES = [
    ("2月4日・5日に協議", [("2月4日", "2026-02-04"), ("5日", "2026-02-05")]),
    ("2月4日と5日、協議した", [("2月4日", "2026-02-04"), ("5日", "2026-02-05")]),
    ("1月23、24日に開催", [("1月23", "2026-01-23"), ("24日", "2026-01-24")]),
    ("１月２３、２４日に開催", [("１月２３", "2026-01-23"), ("２４日", "2026-01-24")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_list(found, text, expected):
    assert [g[:2] for g in found(text, date(2026, 2, 6))] == expected
