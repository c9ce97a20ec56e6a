"""Killing an ingest at any moment leaves a consistent database; the rerun
completes it, and the result equals a clean ingest row for row."""
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
NEWSEXTRACT = [sys.executable, "-c", "from newsextract.cli import main; main()"]


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """30 articles: the samples under new names, each slightly changed."""
    d = tmp_path_factory.mktemp("many")
    samples = sorted(CORPUS.glob("*.txt"))
    for k in range(30):
        src = samples[k % len(samples)]
        text = src.read_text(encoding="utf-8").replace("ロシア", ["ロシア", "ロ"][k % 2], k % 3)
        (d / f"{k:03d}_{src.name}").write_text(f"{text}\n({k})\n", encoding="utf-8")
    return d


def ingest(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([*NEWSEXTRACT, "ingest", str(folder), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def rows(db: Path) -> set[tuple]:
    with sqlite3.connect(db) as con:
        return set(con.execute(
            "SELECT a.path, e.actor_id, e.type, e.date, e.date_basis, e.modality, "
            "(SELECT count(*) FROM event_mentions m WHERE m.event_id = e.id) "
            "FROM events e JOIN articles a ON a.id = e.article_id"))


def article_count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.fixture(scope="module")
def clean(many, tmp_path_factory):
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    assert ingest(many, db).wait(timeout=600) == 0
    return rows(db)


@pytest.mark.parametrize("kill_after", [1, 7, 18])
def test_sigkill_then_rerun_equals_clean_ingest(many, clean, tmp_path, kill_after):
    db = tmp_path / "killed.db"
    proc = ingest(many, db)
    deadline = time.time() + 300
    while article_count(db) < kill_after and proc.poll() is None and time.time() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # whole articles only: every stored article has all the events a clean ingest gives it
        stored = {p for (p,) in con.execute("SELECT path FROM articles")}
    assert {r for r in rows(db)} == {r for r in clean if r[0] in stored}
    assert ingest(many, db).wait(timeout=600) == 0
    assert rows(db) == clean
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*), count(DISTINCT path) FROM articles").fetchone() == (30, 30)


def test_two_workers_give_the_same_rows_as_one(many, clean, tmp_path):
    db = tmp_path / "jobs2.db"
    proc = subprocess.Popen([*NEWSEXTRACT, "ingest", str(many), "--db", str(db), "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert proc.wait(timeout=600) == 0
    assert rows(db) == clean


def test_two_ingests_at_once_serialise(many, clean, tmp_path):
    """Two writers on one SQLite file queue on the lock (BEGIN IMMEDIATE + busy
    timeout); neither corrupts the other, and the result is one clean ingest."""
    db = tmp_path / "both.db"
    first, second = ingest(many, db), ingest(many, db)
    assert first.wait(timeout=600) == 0 and second.wait(timeout=600) == 0
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert rows(db) == clean
