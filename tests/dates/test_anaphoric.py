"""Anaphors resolve against the last resolved date, not the article date."""
from datetime import date

import pytest

CASES = [
    ("知事は3月3日に視察した。同日、会見も開いた。", "同日", "2025-03-03"),
    ("首相は5月10日に訪米し、翌日帰国した。", "翌日", "2025-05-11"),
    ("9月1日に開幕した。前日には式典があった。", "前日", "2025-08-31"),
    ("2月に法案を提出し、同月中に成立した。", "同月", "2025-02"),
    ("12月30日に着工し、翌日完成した。", "翌日", "2025-12-31"),
    ("2019年に発足し、翌年解散した。", "翌年", "2020"),
]


@pytest.mark.parametrize("text,word,value", CASES)
def test_anaphoric(found, text, word, value):
    got = [g for g in found(text, date(2025, 11, 21)) if g[0] == word]
    assert got == [(word, value, None, "anaphoric")]


def test_day_after_unnamed_event_is_the_sentence_date(found):
    text = "12月28日の会談は、首相が計画を発表した翌日に行われた。"
    assert found(text, date(2025, 12, 29))[-1][:2] == ("翌日", "2025-12-28")


def test_no_antecedent(found):
    assert found("同日、会見した。", date(2025, 1, 5))[0][1] == "XXXX-XX-XX"
