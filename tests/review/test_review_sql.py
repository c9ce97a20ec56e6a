"""newsextract sql: reads, and refuses every kind of write, the file left untouched."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from newsextract.sqlquery import ReadOnlyError, check_statement, run_query
from review_helpers import run

REFUSED = [
    "INSERT INTO verdicts (fingerprint) VALUES ('x')",
    "UPDATE events SET type = 'X'",
    "DELETE FROM events",
    "DROP TABLE events",
    "ATTACH DATABASE 'other.db' AS other",
    "DETACH DATABASE main",
    "CREATE TABLE t (x)",
    "VACUUM",
    "REINDEX",
    "PRAGMA journal_mode=DELETE",
    "PRAGMA journal_mode(DELETE)",
    "PRAGMA user_version=5",
    "PRAGMA main.user_version = 5",
    "PRAGMA query_only=0",
    "PRAGMA writable_schema=ON",
    "SELECT 1; DELETE FROM events",
    "WITH x AS (SELECT 1) DELETE FROM events",           # passes the first check: the authorizer stops it
    "WITH x AS (SELECT 1) UPDATE events SET type = 'X'",
    "EXPLAIN DELETE FROM events",
    "SELECT load_extension('evil')",
    "",
]

ALLOWED = [
    ("SELECT count(*) AS n FROM events", ["n"]),
    ("select ';' AS semi -- a comment; with a semicolon", ["semi"]),
    ("WITH t AS (SELECT type FROM events) SELECT count(*) AS n FROM t", ["n"]),
    ("SELECT event_id, sentence FROM event_overview LIMIT 3", ["event_id", "sentence"]),
    ("SELECT e.id, a.id FROM events e JOIN articles a ON a.id = e.article_id LIMIT 1", ["id", "id_2"]),
    ("EXPLAIN QUERY PLAN SELECT * FROM events WHERE type = 'REJECT'", ["id", "parent", "notused", "detail"]),
    ("PRAGMA table_info(verdicts)", ["cid", "name", "type", "notnull", "dflt_value", "pk"]),
    ("PRAGMA user_version", ["user_version"]),
    ("VALUES (1, 2)", ["column1", "column2"]),
]


def _digest(db: str) -> str:
    return hashlib.sha256(Path(db).read_bytes()).hexdigest()


@pytest.mark.parametrize("statement", REFUSED)
def test_writes_are_refused(shared_db, statement):
    before = _digest(shared_db)
    result = run("sql", "--db", shared_db, statement, ok=False)
    assert result.exit_code == 1 and "Error:" in result.stderr, result.output
    assert _digest(shared_db) == before


@pytest.mark.parametrize("statement", ["UPDATE events SET type = 'X'", "PRAGMA user_version=5",
                                       "WITH x AS (SELECT 1) DELETE FROM events"])
def test_second_layers_refuse_even_without_the_statement_check(shared_db, statement, monkeypatch):
    import newsextract.sqlquery as sq
    monkeypatch.setattr(sq, "check_statement", lambda sql: sql)
    with pytest.raises(ReadOnlyError, match="not authorized|readonly|read-only|query_only"):
        run_query(shared_db, statement)


@pytest.mark.parametrize("statement, columns", ALLOWED)
def test_reads_are_answered(shared_db, statement, columns):
    check_statement(statement)
    got, rows = run_query(shared_db, statement)
    assert got == columns and rows


def test_output_formats(shared_db):
    q = "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type"
    table = run("sql", "--db", shared_db, q).stdout.splitlines()
    assert table[0].split() == ["type", "n"] and table[1].startswith("----")
    csv_lines = run("sql", "--db", shared_db, "--format", "csv", q).stdout.splitlines()
    assert csv_lines[0] == "type,n" and len(csv_lines) == len(table) - 1
    rows = [json.loads(x) for x in run("sql", "--db", shared_db, "--format", "jsonl", q).stdout.splitlines()]
    assert rows[0]["n"] >= rows[-1]["n"] and set(rows[0]) == {"type", "n"}


def test_missing_database_is_an_error_not_a_new_file(tmp_path):
    missing = tmp_path / "nope.db"
    result = run("sql", "--db", missing, "SELECT 1", ok=False)
    assert result.exit_code == 1 and "no such database" in result.stderr
    assert not missing.exists()
