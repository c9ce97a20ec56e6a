"""actors suggest: frequent provisional actors as ready-to-paste rows."""
from __future__ import annotations

import json

import pytest

from newsextract.actors.gazetteer import _entry
from newsextract.actors.suggest import make_id, suggest


def test_suggest_ranks_and_builds_loadable_rows(run, tmp_path):
    docs = [run("ソムサック報道官が会見した。ポデモス党は反発した。"),
            run("ソムサック氏は否定した。ソムサック報道官は続けた。"),
            run("ポデモス党が離脱した。ジョン・スミス氏が来日した。")]
    rows = suggest(docs, min_count=2)
    assert [r["name"] for r in rows] == ["ソムサック", "ポデモス党"]
    assert rows[0]["id"] == "SOMUSAKKU" and rows[0]["type"] == "person"
    assert rows[1]["type"] == "party"
    assert "報道官" in rows[0]["note"]
    for n, row in enumerate(rows, 1):  # each row passes the gazetteer's own validation
        _entry(json.loads(json.dumps(row, ensure_ascii=False)), tmp_path / "new.jsonl", n)
    assert suggest(docs, min_count=4) == []


@pytest.mark.parametrize("name, ident", [
    ("ソムサック", "SOMUSAKKU"), ("ジョン・スミス", "JON_SUMISU"), ("キャロライン", "KYARORAIN"),
])
def test_make_id(name, ident):
    assert make_id(name) == ident
