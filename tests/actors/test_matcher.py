"""Gazetteer matching: longest match, titles, countries before names, splits,
and one-character abbreviations only where the tokens support them."""
from __future__ import annotations

import pytest

from conftest import triples

G = "gazetteer"


@pytest.mark.parametrize("text, expected", [
    # titles and honorifics grow the span; a country + の before a person of that country too
    ("ロシアのプーチン大統領は声明を出した。", [("ロシアのプーチン大統領", "PUTIN", G)]),
    ("プーチン氏は述べた。", [("プーチン氏", "PUTIN", G)]),
    ("高市早苗首相は記者団に語った。", [("高市早苗首相", "TAKAICHI", G)]),
    ("ウィトコフ米特使がモスクワ入りした。", [("ウィトコフ米特使", "WITKOFF", G)]),
    ("トランプ米大統領は関税を発表した。", [("トランプ米大統領", "TRUMP", G)]),
    ("ペスコフ大統領報道官は否定した。", [("ペスコフ大統領報道官", "PESKOV", G)]),
    # Middle East
    ("イスラエルのネタニヤフ首相は、ハマスとの停戦を協議した。",
     [("イスラエルのネタニヤフ首相", "NETANYAHU", G), ("ハマス", "HAMAS", G)]),
    ("イスラム教シーア派組織ヒズボラは、イスラエル軍を非難した。",
     [("イスラム教シーア派組織ヒズボラ", "HEZBOLLAH", G), ("イスラエル軍", "ISR", G)]),
    ("フーシ派は紅海で商船を攻撃した。", [("フーシ派", "HOUTHIS", G)]),
    ("イランのアラグチ外相はIAEAのグロッシ事務局長と会談した。",
     [("イランのアラグチ外相", "ARAGHCHI", G), ("IAEAのグロッシ事務局長", "GROSSI", G)]),
    # Korean peninsula
    ("北朝鮮の金正恩総書記は演習を非難した。", [("北朝鮮の金正恩総書記", "KIM_JONG_UN", G)]),
    ("韓国の李在明大統領は趙顕外相を米国に派遣した。",
     [("韓国の李在明大統領", "LEE_JAE_MYUNG", G), ("趙顕外相", "CHO_HYUN", G), ("米国", "USA", G)]),
    # Thailand–Cambodia, India–Pakistan, US–China
    ("タイのアヌティン首相とカンボジアのフン・マネット首相は停戦に合意した。",
     [("タイのアヌティン首相", "ANUTIN", G), ("カンボジアのフン・マネット首相", "HUN_MANET", G)]),
    ("インドのモディ首相は、パキスタンのシャリフ首相との対話を拒否した。",
     [("インドのモディ首相", "MODI", G), ("パキスタンのシャリフ首相", "SHEHBAZ", G)]),
    ("ベッセント財務長官は中国の何立峰副首相と会談した。",
     [("ベッセント財務長官", "BESSENT", G), ("中国の何立峰副首相", "HE_LIFENG", G)]),
    ("習近平国家主席は訪中したトランプ氏と会談した。",
     [("習近平国家主席", "XI_JINPING", G), ("トランプ氏", "TRUMP", G)]),
    # organisations, wire services, full-width Latin letters
    ("国連のグテレス事務総長は、ＮＡＴＯとＥＵに呼びかけた。",
     [("国連のグテレス事務総長", "GUTERRES", G), ("ＮＡＴＯ", "NATO", G), ("ＥＵ", "EU", G)]),
    ("共同通信によると、茂木敏充外相は王毅外相と会談した。",
     [("共同通信", "KYODO", G), ("茂木敏充外相", "MOTEGI", G), ("王毅外相", "WANG_YI", G)]),
    ("ロイター通信とタス通信が報じた。", [("ロイター通信", "REUTERS", G), ("タス通信", "TASS", G)]),
    # government words join the country; a leader's 政権 is the country
    ("米政府は声明を出した。", [("米政府", "USA", G)]),
    ("ホワイトハウスとクレムリンが協議した。", [("ホワイトハウス", "USA", G), ("クレムリン", "RUS", G)]),
    ("トランプ政権は高関税を発表した。", [("トランプ政権", "USA", G)]),
    ("タイ軍はカンボジア側を砲撃した。", [("タイ軍", "THA", G), ("カンボジア側", "KHM", G)]),
])
def test_gazetteer_names(run, text, expected):
    assert triples(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("米ロ首脳会談が開かれた。", [("米", "USA", "split"), ("ロ", "RUS", "split")]),
    ("日中関係が悪化した。", [("日", "JPN", "split"), ("中", "CHN", "split")]),
    ("印パの停戦が続く。", [("印", "IND", "split"), ("パ", "PAK", "split")]),
    ("英仏独の首脳が集まった。", [("英", "GBR", "split"), ("仏", "FRA", "split"), ("独", "DEU", G)]),
    ("米・ウクライナ協議が始まった。", [("米", "USA", G), ("ウクライナ", "UKR", G)]),
    ("露ウ直接交渉が再開した。", [("露", "RUS", G), ("ウ", "UKR", G)]),
])
def test_compounds_split(run, text, expected):
    assert triples(run(text)) == expected


def test_split_members_point_inside_the_token(run):
    ms = run("米ロが協議した。")
    assert [(m.start, m.end, m.token_start, m.token_end) for m in ms] == [(0, 1, 0, 1), (1, 2, 0, 1)]


@pytest.mark.parametrize("text, expected", [
    ("米政府は対ロ制裁を強化した。", [("米政府", "USA", G), ("ロ", "RUS", G)]),
    ("米、ウクライナに和平案を提示", [("米", "USA", G), ("ウクライナ", "UKR", G)]),
    ("中外相は訪日した。", [("中外相", "WANG_YI", "role")]),
])
def test_abbreviation_in_supporting_context(run, text, expected):
    assert triples(run(text)) == expected


@pytest.mark.parametrize("text", [
    "南米の米価が上がった。",          # 米 inside 南米 and 米価
    "期間中の11月中旬に会合がある。",  # 中 in 期間中 / 中旬
    "21日に英語で発表した。",          # 日 in 21日, 英 in 英語
    "米の値段が上がった。",            # rice
    "日中の気温は高い。",              # daytime
    "中米の国々で雨が続いた。",        # Central America
    "ロボットとロケットを展示した。",  # ロ inside katakana words
    "林の中を歩いた。",                # 林 (林芳正) only with a title
])
def test_no_false_positives(run, text):
    assert run(text) == []


def test_japan_is_one_mention_not_a_day(run):
    assert triples(run("21日に日本で発表した。")) == [("日本", "JPN", G)]


def test_surname_needs_title(run):
    assert triples(run("林官房長官が会見した。")) == [("林官房長官", "HAYASHI", G)]
    assert run("林で会見した。") == []
