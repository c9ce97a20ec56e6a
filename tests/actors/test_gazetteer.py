"""Every rule file loads and validates; broken rows name file and line."""
from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import RULES
from newsextract.actors import ActorRecognizer
from newsextract.actors.gazetteer import Gazetteer
from newsextract.actors.lexicon import Lexicon
from newsextract.errors import RuleError

ACTORS = RULES / "actors"
GOOD = [
    {"id": "RUS", "name": "ロシア", "type": "country", "surfaces": ["ロシア"], "abbrev": ["ロ"]},
    {"id": "PUTIN", "name": "プーチン", "type": "person", "affiliation": "RUS",
     "roles": [{"title": "大統領", "of": "RUS", "from": "2012-05-07", "to": None}]},
]


def test_every_rule_file_loads(tokenizer):
    gaz = Gazetteer.load_dir(ACTORS)
    Lexicon.load(ACTORS / "lexicon.json")
    ActorRecognizer.from_rules_dir(RULES, tokenizer.vocab, tokenizer)
    assert len(gaz) > 500
    assert {e.type for e in gaz.entries.values()} >= {"person", "country", "igo", "armed_group", "party", "media"}


def test_every_un_member_state():
    gaz = Gazetteer.load_dir(ACTORS)
    countries = [e for e in gaz.entries.values() if e.type == "country"]
    assert len(countries) >= 193
    for code in ("USA", "GBR", "KOR", "PRK", "CHN", "TWN", "PSE", "KHM", "THA", "PAK", "IND", "TUV"):
        assert gaz[code].type == "country"


@pytest.mark.parametrize("title, of, day, holder", [
    ("首相", "JPN", date(2025, 10, 20), "ISHIBA"),
    ("首相", "JPN", date(2025, 10, 21), "TAKAICHI"),
    ("大統領", "USA", date(2025, 1, 19), "BIDEN"),
    ("大統領", "USA", date(2025, 1, 20), "TRUMP"),
    ("首相", "DEU", date(2025, 6, 1), "MERZ"),
    ("首相", "GBR", date(2024, 1, 1), "SUNAK"),
    ("外相", "UKR", date(2025, 1, 1), "SYBIHA"),
    ("大統領", "KOR", date(2025, 7, 1), "LEE_JAE_MYUNG"),
    ("国務長官", "USA", date(2024, 6, 1), "BLINKEN"),
    ("事務総長", "NATO", date(2025, 1, 1), "RUTTE"),
])
def test_dated_roles(title, of, day, holder):
    assert Gazetteer.load_dir(ACTORS).holder(title, of, day) == holder


def _write(tmp_path: Path, rows: list) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    (tmp_path / "x.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("bad, cause", [
    ({"id": "X1", "name": "x", "type": "person", "colour": "red"}, "unknown key"),
    ({"name": "x", "type": "person"}, "'id' missing"),
    ({"id": "X1", "type": "person"}, "'name' missing"),
    ({"id": "X1", "name": "x", "type": "planet"}, "bad type"),
    ({"id": "x1", "name": "x", "type": "person"}, "bad id"),
    ({"id": "RUS", "name": "x", "type": "country"}, "duplicate id"),
    ({"id": "X1", "name": "x", "type": "person",
      "roles": [{"title": "首相", "of": "RUS", "from": "2025-13-01", "to": None}]}, "bad date"),
    ({"id": "X1", "name": "x", "type": "person",
      "roles": [{"title": "首相", "of": "ATLANTIS", "from": None, "to": None}]}, "not an actor id"),
    ({"id": "X1", "name": "x", "type": "person",
      "roles": [{"title": "首相", "of": "RUS", "from": "2025-01-02", "to": "2025-01-01"}]}, "before"),
    ({"id": "X1", "name": "x", "type": "person", "surfaces": ["ロシア"]}, "also belongs to RUS"),
    ({"id": "X1", "name": "x", "type": "country", "abbrev": ["米国"]}, "one-character"),
    ("{not json", "invalid JSON"),
])
def test_broken_row_names_file_and_line(tmp_path, bad, cause):
    _write(tmp_path, GOOD + [bad])
    with pytest.raises(RuleError) as err:
        Gazetteer.load_dir(tmp_path)
    assert err.value.path.name == "x.jsonl" and err.value.line == 3
    assert cause in str(err.value) and "x.jsonl:3" in str(err.value)


def test_declared_ambiguity_is_allowed(tmp_path):
    rows = GOOD + [{"id": "X1", "name": "x", "type": "person", "surfaces": ["ロシア"], "ambiguous": ["ロシア"]}]
    rows[0] = dict(rows[0], ambiguous=["ロシア"])
    assert Gazetteer.load_dir(_write(tmp_path, rows)).by_surface["ロシア"] == ["RUS", "X1"]


@pytest.mark.parametrize("edit, cause", [
    (lambda d: d.update(extra=[]), "unknown key"),
    (lambda d: d.pop("title_tails"), "missing key"),
    (lambda d: d.update(abbrev_next="米"), "list of non-empty strings"),
    (lambda d: d["coref"].update({"同氏": {"type": "person"}}), "coref '同氏'"),
])
def test_broken_lexicon(tmp_path, edit, cause):
    data = json.loads((ACTORS / "lexicon.json").read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RuleError, match=cause) as err:
        Lexicon.load(path)
    assert err.value.path == path


def test_recognizer_reports_broken_dir(tmp_path, tokenizer):
    shutil.copy(ACTORS / "lexicon.json", tmp_path / "lexicon.json")
    _write(tmp_path, GOOD + [{"id": "X1", "name": "x"}])
    with pytest.raises(RuleError, match=r"x.jsonl:3: 'type' missing"):
        ActorRecognizer.from_rules_dir(tmp_path, tokenizer.vocab, tokenizer)
