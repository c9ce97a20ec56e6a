"""Coreference words (同氏, 両首脳, 同国, 3か国 …) and bare titles resolved
through dated roles on the article's date."""
from __future__ import annotations

from datetime import date

import pytest

from conftest import triples


@pytest.mark.parametrize("text, expected", [
    ("ゼレンスキー大統領は演説した。同氏は支援を求めた。",
     [("同氏", "ZELENSKY")]),
    ("ルビオ国務長官とラブロフ外相が会談し、同外相は「建設的だった」と述べた。",
     [("同外相", "LAVROV")]),
    ("ネタニヤフ首相とカッツ国防相が協議した。同首相は作戦継続を表明した。",
     [("同首相", "NETANYAHU")]),
    ("中国とロシアは演習を実施し、同国は米国を批判した。", [("同国", "RUS")]),
    ("マクロン大統領とスターマー首相が会談した。両首脳は声明を出した。",
     [("両首脳", "STARMER"), ("両首脳", "MACRON")]),
    # a spokeswoman in between is not one of 両首脳
    ("モディ首相とシャリフ首相が電話した。レビット報道官が説明した。両首脳は停戦で一致した。",
     [("両首脳", "SHEHBAZ"), ("両首脳", "MODI")]),
    ("タイとカンボジアの両国は停戦した。", [("両国", "KHM"), ("両国", "THA")]),
    ("英仏独の3か国は制裁に同調した。", [("3か国", "DEU"), ("3か国", "FRA"), ("3か国", "GBR")]),
    # a headline's 3か国 is the list its body gives next, not the countries before it
    ("中国の仲介\n2か国協議を開催\nタイとカンボジアの2か国は国境で協議した。",
     [("2か国", "THA"), ("2か国", "KHM"), ("2か国", "THA"), ("2か国", "KHM")]),
    ("日本と韓国は声明を出した。\nブラジル・インド・南アの3か国は会合を開いた。",
     [("3か国", "BRA"), ("3か国", "IND"), ("3か国", "ZAF")]),
    ("自民党は会合を開いた。同党は公約を発表した。", [("同党", "LDP")]),
])
def test_coreference(run, text, expected):
    assert [(m.text, m.actor_id) for m in run(text) if m.via == "coref"] == expected


@pytest.mark.parametrize("text", [
    "ロシアは主要8カ国(G8)への復帰を求めた。",   # G8 is not "the 8 countries above"
    "同氏は述べた。",                             # no antecedent at all
    "プーチン・ゼレンスキー両大統領の会談が焦点だ。",  # the names themselves are the mentions
])
def test_no_coreference(run, text):
    assert [m for m in run(text) if m.via == "coref"] == []


@pytest.mark.parametrize("text, dct, expected", [
    # Japan: 石破 until 2025-10-21, 高市 from then on
    ("首相は記者団に語った。", date(2025, 10, 1), [("首相", "ISHIBA", "role")]),
    ("首相は記者団に語った。", date(2025, 11, 1), [("首相", "TAKAICHI", "role")]),
    # the country named before the title
    ("ロシアの大統領は西側を批判した。", date(2025, 11, 1), [("ロシアの大統領", "PUTIN", "role")]),
    ("米大統領は関税を発表した。", date(2024, 6, 1), [("米大統領", "BIDEN", "role")]),
    ("米大統領は関税を発表した。", date(2025, 6, 1), [("米大統領", "TRUMP", "role")]),
    # the country the article is about: the most mentioned so far
    ("韓国と北朝鮮の対話を巡り、韓国政府は声明を出した。大統領は演説した。", date(2025, 8, 1),
     [("韓国", "KOR", "gazetteer"), ("北朝鮮", "PRK", "gazetteer"), ("韓国政府", "KOR", "gazetteer"),
      ("大統領", "LEE_JAE_MYUNG", "role")]),
    ("タイ政府とタイ軍は国境を視察した。首相は停戦を訴えた。", date(2025, 10, 1),
     [("タイ政府", "THA", "gazetteer"), ("タイ軍", "THA", "gazetteer"), ("首相", "ANUTIN", "role")]),
    ("タイ政府とタイ軍は国境を視察した。首相は停戦を訴えた。", date(2025, 3, 1),
     [("タイ政府", "THA", "gazetteer"), ("タイ軍", "THA", "gazetteer"), ("首相", "PAETONGTARN", "role")]),
    # a US story has no 首相: Japan's
    ("米国は関税を発表した。首相は遺憾だと述べた。", date(2025, 11, 1),
     [("米国", "USA", "gazetteer"), ("首相", "TAKAICHI", "role")]),
])
def test_bare_titles(run, text, dct, expected):
    assert triples(run(text, dct)) == expected


@pytest.mark.parametrize("text", [
    "首相官邸で会見が開かれた。",     # 首相 inside a compound
    "大統領選の投票が始まった。",
    "前首相は講演した。",             # a former holder, not today's
])
def test_titles_that_are_not_roles(run, text):
    assert [m for m in run(text, date(2025, 11, 1)) if m.via == "role"] == []
