"""Date-headed list items scope the text under them."""
from datetime import date

import pytest

TEXT = ("経緯\n①2025年11月20日:米国が案を提示\n米国は案を示した。\n"
        "④11月27日:首相、案を拒否\n首相は会見で述べた。\n"
        "  • 2月18日:協議\n    • 協議した。\n⑮1月23日・24日:高官協議\n協議を実施した。\n")


def test_headings_and_scopes(rec):
    _, sections = rec(TEXT, date(2026, 2, 6))
    assert [s.date.text for s in sections] == ["2025年11月20日", "11月27日", "2月18日", "1月23日"]
    for s, nxt in zip(sections, sections[1:]):
        assert s.end == nxt.start
    assert sections[-1].end == len(TEXT)
    assert "米国は案を示した。" in TEXT[sections[0].start:sections[0].end]
    assert TEXT[sections[1].start:].startswith("④11月27日")


@pytest.mark.parametrize("text", [
    "2025年12月25日、ロシア外務省の報道官は述べた。",  # a sentence, not a heading
    "首相は11月27日:と書いた",
    "2025/12/29 更新: 2025/12/29",  # a dateline, not a heading
])
def test_not_headings(rec, text):
    assert rec(text, date(2025, 12, 29))[1] == []
