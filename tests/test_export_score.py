"""The export is exactly what shared/eval/score.py reads."""
from pathlib import Path
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newsextract.cli import cli

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


SCORER = SHARED / "eval" / "score.py"


@pytest.fixture(scope="module")
def export_file(corpus_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "e.jsonl"
    result = CliRunner().invoke(cli, ["export", "--db", corpus_db, "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_export_rows_have_the_documented_fields(export_file):
    rows = [json.loads(line) for line in export_file.read_text(encoding="utf-8").splitlines()]
    kinds = {r["kind"] for r in rows}
    assert kinds == {"event", "date"}
    for r in rows:
        if r["kind"] == "event":
            assert {"doc", "actor", "actor_text", "type", "cameo", "date", "date_basis",
                    "modality", "confidence", "rule", "spans"} <= r.keys()
            assert set(r["spans"]) == {"trigger", "actor", "date", "sentence"}
            assert r["date_basis"] in {"explicit", "section", "anaphoric", "dct", "inferred"}
        else:
            assert {"doc", "start", "end", "text", "value", "mod"} <= r.keys()


@pytest.mark.skipif(not SCORER.exists(), reason="shared/eval/score.py is not beside the repo")
def test_scorer_reads_the_export(export_file):
    run = subprocess.run([sys.executable, str(SCORER), "--corpus", str(CORPUS), "--gold",
                          str(SHARED / "gold"), str(export_file), "--json"],
                         capture_output=True, text=True, check=True)
    result = json.loads(run.stdout)
    assert result["offsets"]["valid_share"] == 1.0
    assert result["events"]["strict"]["tp"] > 0
    assert result["dates"]["span_exact"]["tp"] > 0
