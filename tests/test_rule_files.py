"""Every rule file loads and validates; a broken one names its file and line."""
import shutil
from pathlib import Path

import pytest

from newsextract.errors import RuleError
from newsextract.pipeline import Pipeline
from newsextract.relations.lexicon import Lexicon
from newsextract.tokenize import Tokenizer

RULES = Path(__file__).resolve().parents[1] / "rules"


def test_all_rule_files_load(pipeline):
    assert len(pipeline.relations.lexicon.predicates) > 100
    assert set(pipeline.relations.lexicon.types) >= {"STATEMENT", "CONSULT", "REJECT", "FIGHT"}
    assert len(pipeline.actors.gazetteer) > 500


@pytest.mark.parametrize("line,cause", [
    ('{"id": "x.y", "type": "NOPE", "cameo": "010", "pattern": [{"LEMMA": "述べる"}]}', "unknown type"),
    ('{"id": "x.y", "type": "STATEMENT", "cameo": "120", "pattern": [{"LEMMA": "述べる"}]}', "not under"),
    ('{"id": "x.y", "type": "STATEMENT", "cameo": "010", "pattern": []}', "non-empty list"),
    ('{"id": "x.y", "type": "STATEMENT", "cameo": "010", "pattern": [{"LEMMAA": "述べる"}]}', "bad pattern"),
    ('{"id": "x.y", "type": "STATEMENT", "cameo": "010", "pattern": [{"LEMMA": "述べる"}], "typo": 1}', "unknown key"),
    ('{"id": "x.y", "type": "STATEMENT", "cameo": "010"}', "missing key"),
    ('{"id": "x.y", "type": "STATEMENT", "cameo": "010", "pattern": [{"LEMMA": "述べる"}]', "invalid JSON"),
    ('{"id": "statement.noberu", "type": "STATEMENT", "cameo": "010", "pattern": [{"LEMMA": "言う"}]}', "duplicate id"),
])
def test_broken_predicate_row_names_file_and_line(tmp_path, line, cause):
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    path = rules / "predicates" / "predicates.jsonl"
    n = len(path.read_text(encoding="utf-8").splitlines()) + 1
    with path.open("a", encoding="utf-8") as f:
        f.write(line + "\n")
    with pytest.raises(RuleError) as err:
        Lexicon.from_rules_dir(rules, Tokenizer().vocab)
    assert err.value.path == path and err.value.line == n
    assert cause in str(err.value) and f"predicates.jsonl:{n}" in str(err.value)


def test_a_new_predicate_needs_no_python(tmp_path):
    """Adding a row to the lexicon makes a new trigger work."""
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    text = "フィリピン政府は3日、中国の行動に遺憾の意を表した。"
    from datetime import date
    before = Pipeline.from_rules_dir(rules).analyze(text, date(2025, 11, 5)).events
    assert not [e for e in before if e.type == "DISAPPROVE"]
    with (rules / "predicates" / "predicates.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"id": "disapprove.ikan", "type": "DISAPPROVE", "cameo": "110", '
                '"pattern": [{"LEMMA": "遺憾"}, {"ORTH": "の"}, {"LEMMA": "意"}, {"ORTH": "を"}, {"LEMMA": "表す"}]}\n')
    after = Pipeline.from_rules_dir(rules).analyze(text, date(2025, 11, 5)).events
    assert {(e.actor_id, e.type, e.date) for e in after if e.type == "DISAPPROVE"} == {("PHL", "DISAPPROVE", "2025-11-03")}


@pytest.mark.parametrize("edit,cause", [
    (lambda g: g.pop("light_verbs_wo"), "'light_verbs_wo' must be a non-empty list"),
    (lambda g: g.update(plan_nouns=[]), "'plan_nouns' must be a non-empty list"),
    (lambda g: g.update(typo=["x"]), "unknown key"),
])
def test_broken_grammar_file_is_named(tmp_path, edit, cause):
    import json
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    path = rules / "predicates" / "grammar.json"
    grammar = json.loads(path.read_text(encoding="utf-8"))
    edit(grammar)
    path.write_text(json.dumps(grammar, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RuleError) as err:
        Lexicon.from_rules_dir(rules, Tokenizer().vocab)
    assert err.value.path == path and cause in str(err.value)
