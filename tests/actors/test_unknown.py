"""Names the gazetteer lacks become provisional actors with stable ids."""
from __future__ import annotations

import pytest

from conftest import triples

P = "provisional"


@pytest.mark.parametrize("text, expected", [
    ("ソムサック報道官は停戦違反を非難した。", [("ソムサック報道官", "X:ソムサック", P)]),
    ("ジョン・スミス氏とマリア・ロペス氏が会談した。",
     [("ジョン・スミス氏", "X:ジョン・スミス", P), ("マリア・ロペス氏", "X:マリア・ロペス", P)]),
    ("山田太郎外相は訪問先で述べた。", [("山田太郎外相", "X:山田太郎", P)]),
    ("ミャンマー国軍のゾーミントゥン少将は声明を出した。",
     [("ミャンマー国軍", "MMR", "gazetteer"), ("ゾーミントゥン少将", "X:ゾーミントゥン", P)]),
    ("ポデモス党は連立を離脱した。", [("ポデモス党", "X:ポデモス党", P)]),
])
def test_provisional(run, text, expected):
    ms = run(text)
    assert triples(ms) == expected
    assert all(not m.known for m in ms if m.via == P)


def test_types_and_coref_to_provisional(run):
    ms = run("ソムサック報道官が会見した。同氏は「停戦は守られていない」と述べた。")
    assert [(m.actor_id, m.actor_type, m.via, m.known) for m in ms] == [
        ("X:ソムサック", "person", P, False), ("X:ソムサック", "person", "coref", False)]
    assert run("ポデモス党が反発した。")[0].actor_type == "organisation"


def test_same_id_across_articles(run):
    a = run("ソムサック報道官が会見した。")[0]
    b = run("タイ外務省のソムサック氏は否定した。")[-1]
    assert a.actor_id == b.actor_id == "X:ソムサック"


@pytest.mark.parametrize("text", [
    "ソーシャル・メディアで拡散した。",  # katakana common nouns joined by ・
    "トップ会談が開かれた。",
])
def test_not_names(run, text):
    assert [m for m in run(text) if m.via == P] == []
