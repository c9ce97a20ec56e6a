"""find_dateline: stamps in the first lines, not dates in prose."""
from __future__ import annotations

from datetime import date

import pytest

from newsextract.reader import find_dateline

REF = date(2025, 11, 23)

CASES = [  # (text, reference, expected)
    ("見出し\n\n2025/12/29 更新: 2025/12/29\n\n本文", None, date(2025, 12, 29)),
    ("▽見出し<bloomberg日本語版>2025年11月24日 4:01 JST\n本文", None, date(2025, 11, 24)),
    ("▽見出し<ロイター日本語版>2025年11月23日午後 9:28 GMT+9\n本文", None, date(2025, 11, 23)),
    ("2025.12.12\n本文", None, date(2025, 12, 12)),
    ("公開日：2025年12月12日（金）10時30分\n本文", None, date(2025, 12, 12)),
    ("見出し　２０２５年１２月２９日\n本文", None, date(2025, 12, 29)),  # full-width digits
    ("令和7年12月29日 配信\n本文", None, date(2025, 12, 29)),
    ("2025-12-29T10:00:00+09:00\n本文", None, date(2025, 12, 29)),
    ("[ワシントン 22日 ロイター] - 米政府が", REF, date(2025, 11, 22)),
    ("[ワシントン 22日 ロイター] - 米政府が", None, None),  # day only needs a reference
    ("［キーウ/パリ 28日 ロイター］ - 大統領は", REF, date(2025, 10, 28)),  # later day: previous month
    ("[東京 31日 ロイター] - 日銀は", date(2025, 3, 2), date(2025, 1, 31)),  # Feb has no 31st
    ("12月29日 更新\n本文", date(2026, 1, 5), date(2025, 12, 29)),
    # prose, not datelines
    ("最近の経緯\n2025年10月26日、米ブルームバーグ通信は報道した。", None, None),
    ("会談は2025年12月29日に行われた。", None, None),
    ("  • 2月18日:米露のみの停戦協議", REF, None),
    ("2025年2月30日\n本文", None, None),  # no such day
    ("", None, None),
]


@pytest.mark.parametrize("text,reference,expected", CASES)
def test_find_dateline(text, reference, expected):
    assert find_dateline(text, reference=reference) == expected


def test_only_the_first_five_lines():
    lines = ["本文の行です。"] * 5 + ["2025/12/29 更新"]
    assert find_dateline("\n".join(lines)) is None
    assert find_dateline("\n".join(lines[1:])) == date(2025, 12, 29)


def test_blank_lines_do_not_count():
    assert find_dateline("見出し\n\n\n\n\n\n\n2025/12/29\n") == date(2025, 12, 29)


def test_window_start_end():
    text = "2025/01/01\n本文\n2025/12/29 更新\n本文"
    start = text.index("2025/12/29")
    assert find_dateline(text) == date(2025, 1, 1)
    assert find_dateline(text, start) == date(2025, 12, 29)
    assert find_dateline(text, 3, start) is None


@pytest.mark.parametrize("text,updated", [
    ("見出し\n2025/12/29 更新: 2025/12/29\n本文", True),
    ("見出し\n最終更新日：2025年12月29日\n本文", True),
    ("見出し\n2025年12月29日 配信\n本文", False),
    ("見出し\n2025年12月29日\n本文", False),
    ("2025年12月29日 配信 2025年12月30日 更新\n本文", False),  # the first stamp is the publication
])
def test_update_stamps_are_told_apart(text, updated):
    from newsextract.reader.dateline import find_dateline_span
    assert find_dateline_span(text).updated is updated
