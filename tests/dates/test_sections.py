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


@pytest.mark.parametrize("text,day,value", [
    ("[ワシントン 22日 ロイター] – 米政府は声明を出した。\n同日、協議した。\n", "22日", "2025-11-22"),
    ("［ソウル　3日　聯合］韓国政府は北朝鮮を非難した。\n", "3日", "2025-11-03"),
    ("[キーウ/パリ/ワシントン 21日 ロイター] – 仏英独首脳は電話会談を実施。\n", "21日", "2025-11-21"),
])
def test_wire_dateline_heads_its_story(rec, text, day, value):
    exprs, sections = rec(text, date(2025, 11, 23))
    assert len(sections) == 1 and sections[0].date.text == day and sections[0].date.value == value
    assert sections[0].start == 0 and sections[0].end == len(text)


def test_a_bracket_without_day_and_outlet_is_not_a_dateline(rec):
    assert rec("[注] 11月22日に会談した。\n", date(2025, 11, 23))[1] == []
