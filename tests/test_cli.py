"""The CLI in-process on temporary databases (CliRunner)."""
import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from newsextract.cli import EXIT_RULES, EXIT_SKIPPED, cli
from newsextract.db import Article, EventRow

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
ARTICLE = "ネタニヤフ首相は5日、ハマスの停戦案を拒否した。\n同首相は記者会見で、イランを非難した。\n"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "sjis.txt").write_bytes(ARTICLE.replace("5日", "6日").encode("cp932"))
    (d / "metadata.csv").write_text("file,published\ngood.txt,2025-11-07\nsjis.txt,2025/11/08\n", encoding="utf-8")
    return d


def count(db, model):
    with Session(create_engine(f"sqlite:///{db}")) as s:
        return s.scalar(select(func.count()).select_from(model))


def test_ingest_then_query(folder, tmp_path):
    db = tmp_path / "x.db"
    result = run("ingest", folder, "--db", db)
    assert result.exit_code == 0, result.output
    assert "2 ingested" in result.output
    assert count(db, Article) == 2 and count(db, EventRow) >= 2
    table = run("events", "--db", db, "--type", "REJECT")
    assert table.exit_code == 0 and "REJECT" in table.output and "2025-11-06" in table.output
    none = run("events", "--db", db, "--type", "REJECT", "--since", "2025-12")
    assert "REJECT" not in none.output


def test_rerun_skips_unchanged_files(folder, tmp_path):
    db = tmp_path / "x.db"
    run("ingest", folder, "--db", db)
    again = run("ingest", folder, "--db", db)
    assert again.exit_code == 0 and "0 ingested, 2 unchanged" in again.output
    assert count(db, Article) == 2


def test_bad_file_is_reported_and_the_rest_ingested(folder, tmp_path):
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "x.db"
    result = run("ingest", folder, "--db", db)
    assert result.exit_code == EXIT_SKIPPED
    assert "broken.txt" in result.output and "binary" in result.output
    assert "empty.txt" in result.output and "empty" in result.output
    assert "2 ingested" in result.output and "2 skipped" in result.output
    assert count(db, Article) == 2


def test_broken_rule_file_names_file_and_line(folder, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    with (rules / "predicates" / "types.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"type": "X", "cameo": "1", "ja": "", "en": ""}\n')
    db = tmp_path / "x.db"
    result = run("ingest", folder, "--db", db, "--rules", rules)
    assert result.exit_code == EXIT_RULES
    assert "types.jsonl:16" in result.output and "two-digit" in result.output
    assert not db.exists()  # checked before anything is written
    check = run("rules-check", "--rules", rules)
    assert check.exit_code != 0 and "types.jsonl:16" in check.output


def test_tag_prints_each_stage():
    result = CliRunner().invoke(cli, ["tag", "--dct", "2025-12-29"],
                                input="同日、プーチン大統領は和平案を拒否した。\n")
    rows = [json.loads(line) for line in result.output.splitlines()]
    stages = {r["stage"] for r in rows}
    assert {"date", "actor", "event"} <= stages
    date_row = next(r for r in rows if r["stage"] == "date")
    assert date_row["text"] == "同日"
    event = next(r for r in rows if r["stage"] == "event")
    assert (event["actor_id"], event["type"]) == ("PUTIN", "REJECT")


def test_report_is_excel_ready_csv(folder, tmp_path):
    db = tmp_path / "x.db"
    run("ingest", folder, "--db", db)
    out = tmp_path / "review.csv"
    result = run("report", "--db", db, "-o", out)
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows and all(r["verdict"] == "" for r in rows)
    reject = next(r for r in rows if r["type"] == "REJECT")
    assert "【拒否】" in reject["sentence"] and "《" in reject["sentence"]


def test_actors_suggest_lists_unknown_names_as_gazetteer_rows(tmp_path):
    d = tmp_path / "a"
    d.mkdir()
    (d / "x.txt").write_text("ソムサック報道官は3日、カンボジアを非難した。\nソムサック報道官は同日、停戦を求めた。\n",
                             encoding="utf-8")
    db = tmp_path / "x.db"
    run("ingest", d, "--db", db)
    result = run("actors", "suggest", "--db", db, "--min-count", "2")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["name"] for r in rows] == ["ソムサック"]
    assert rows[0]["type"] == "person" and "報道官" in rows[0]["note"]


def test_a_rule_change_re_extracts_unchanged_files(folder, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    db = tmp_path / "x.db"
    assert "2 ingested" in run("ingest", folder, "--db", db, "--rules", rules).output
    assert "0 ingested, 2 unchanged" in run("ingest", folder, "--db", db, "--rules", rules).output
    with (rules / "predicates" / "predicates.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"id": "statement.kaiken2", "type": "STATEMENT", "cameo": "010", "pattern": [{"LEMMA": "会見"}, {"LEMMA": "する"}]}\n')
    assert "2 ingested, 0 unchanged" in run("ingest", folder, "--db", db, "--rules", rules).output


def test_prune_removes_articles_whose_file_is_gone(folder, tmp_path):
    db = tmp_path / "x.db"
    run("ingest", folder, "--db", db)
    (folder / "sjis.txt").unlink()
    kept = run("ingest", folder, "--db", db)
    assert count(db, Article) == 2 and "pruned" not in kept.output  # without --prune nothing is lost
    pruned = run("ingest", folder, "--db", db, "--prune")
    assert pruned.exit_code == 0 and "1 pruned" in pruned.output
    assert count(db, Article) == 1


def test_reextract_reruns_stored_texts_without_reading_files(folder, tmp_path):
    db = tmp_path / "x.db"
    run("ingest", folder, "--db", db)
    shutil.rmtree(folder)  # the stored texts are enough
    result = run("ingest", tmp_path, "--db", db, "--reextract")
    assert result.exit_code == 0 and "2 ingested" in result.output
    assert count(db, EventRow) >= 2
