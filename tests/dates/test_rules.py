"""The rule files load, and a broken one names its file and line."""
import shutil
from pathlib import Path

import pytest

from newsextract.dates import DateRecognizer, load_rules
from newsextract.errors import RuleError

RULES = Path(__file__).resolve().parents[2] / "rules"


def test_rules_load():
    rules = load_rules(RULES)
    assert rules.patterns and "令和" in rules.eras and rules.fuzzy["下旬"] == "END"


@pytest.mark.parametrize("name,line,bad,cause", [
    ("patterns.jsonl", 3, '{"id": "x", "kind": "full", "regex": "(unclosed"}', "bad regex"),
    ("patterns.jsonl", 2, '{"id": "x", "kind": "weekday", "regex": "a"}', "'kind'"),
    ("patterns.jsonl", 1, '{"id": "x", "kind": "full", "regex": "{NOPE}"}', "unknown macro"),
    ("fuzzy.jsonl", 4, '{"word": "頃", "mod": "ABOUT"}', "'mod'"),
    ("relative.jsonl", 2, '{"word": "昨日", "unit": "day"}', "'offset' missing"),
    ("negatives.jsonl", 5, '{"type": "phrase", "text": ', "invalid JSON"),
    ("eras.jsonl", 1, '{"era": "令和", "first_year": "2019"}', "'first_year' must be int"),
])
def test_broken_rule_file(tmp_path, name, line, bad, cause):
    shutil.copytree(RULES / "dates", tmp_path / "dates")
    path = tmp_path / "dates" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = bad
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RuleError) as err:
        DateRecognizer.from_rules_dir(tmp_path)
    assert err.value.path == path and err.value.line == line and cause in err.value.cause


def test_missing_file(tmp_path):
    shutil.copytree(RULES / "dates", tmp_path / "dates")
    (tmp_path / "dates" / "holidays.jsonl").unlink()
    with pytest.raises(RuleError, match="holidays.jsonl"):
        load_rules(tmp_path)
