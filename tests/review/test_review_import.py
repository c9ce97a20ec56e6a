"""Verdicts: read back from a re-saved sheet, kept across re-ingest, used to hide and count."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from newsextract.db import EventRow, Verdict, make_engine
from newsextract.report import COLUMNS
from newsextract.review import ImportResult, decode_sheet, normalise_verdict, parse_verdicts
from review_helpers import read_csv, run, write_csv


def _report(db, tmp_path, *args) -> list[dict]:
    out = tmp_path / "report.csv"
    run("report", "--db", db, "-o", out, *args)
    return read_csv(out)


def _verdicts(db) -> dict[str, Verdict]:
    with Session(make_engine(db)) as session:
        return {v.fingerprint: v for v in session.scalars(select(Verdict))}


def _judge(rows: list[dict], verdicts: dict[str, str]) -> list[dict]:
    """Fill the verdict of every row of the events named by fingerprint."""
    for r in rows:
        r["verdict"] = verdicts.get(r["fingerprint"], "")
    return rows


@pytest.mark.parametrize("cell, verdict", [
    ("correct", "correct"), (" Wrong ", "wrong"), ("wrong_type", "wrong-type"),
    ("WRONG ACTOR", "wrong-actor"), ("ｗｒｏｎｇ－ｄａｔｅ", "wrong-date"),
])
def test_verdict_spellings(cell, verdict):
    assert normalise_verdict(cell) == verdict


@pytest.mark.parametrize("encoding, newline", [
    ("utf-8-sig", "\r\n"), ("utf-8", "\n"), ("cp932", "\r\n"), ("cp932", "\n"), ("utf-16", "\r\n"),
])
def test_sheet_encodings_and_line_ends(encoding, newline, tmp_path):
    path = tmp_path / "v.csv"
    delimiter = "\t" if encoding == "utf-16" else ","  # Excel's "Unicode text" is tab separated
    write_csv(path, [{"fingerprint": "a" * 40, "verdict": "wrong", "comment": "主体が違う"}],
              ["comment", "fingerprint", "verdict"], encoding, newline, delimiter)
    result = ImportResult()
    rows = parse_verdicts(decode_sheet(path.read_bytes()), result)
    assert [(r.fingerprint, r.verdict, r.comment) for r in rows] == [("a" * 40, "wrong", "主体が違う")]
    assert result.problems == []


def test_problems_name_their_line():
    text = ("fingerprint,verdict,comment\r\n"
            f"{'a' * 40},correct,\r\n"
            f"{'b' * 40},,\r\n"                      # empty verdict: ignored
            f"{'c' * 40},maybe,\r\n"                 # unknown: line 4
            f"{'d' * 40},wrong,\"two\r\nlines\"\r\n"
            ",wrong,no fingerprint\r\n")            # line 7 (the quoted cell took two)
    result = ImportResult()
    rows = parse_verdicts(text, result)
    assert [r.fingerprint[0] for r in rows] == ["a", "d"]
    assert result.skipped_empty == 1
    assert result.problems[0].startswith("line 4: unknown verdict 'maybe'")
    assert result.problems[1].startswith("line 7: no fingerprint")


def test_round_trip_survives_reingest_and_hides_wrong_events(db, corpus_copy, tmp_path):
    rows = _report(db, tmp_path)
    fps = list(dict.fromkeys(r["fingerprint"] for r in rows))
    judged = {fps[0]: "correct", fps[1]: "wrong", fps[2]: "wrong-date", fps[3]: "wrong-type"}
    sheet = tmp_path / "judged.csv"
    # as Excel re-saves it: CP932, columns reordered and one added, formulas kept quoted
    columns = ["verdict", "comment", "note"] + [c for c in COLUMNS if c not in ("verdict", "comment")]
    write_csv(sheet, _judge(rows, judged), columns, encoding="cp932")
    result = run("review", "import", sheet, "--db", db)
    assert "4 verdicts stored" in result.stderr
    before = _verdicts(db)
    assert {fp: v.verdict for fp, v in before.items()} == judged

    with Session(make_engine(db)) as session:
        old_ids = set(session.scalars(select(EventRow.id)))
    # re-ingest: a changed file is replaced, the others re-extracted
    (corpus_copy / rows[0]["article"]).open("a", encoding="utf-8").write("\n追記。\n")
    run("ingest", corpus_copy, "--db", db)
    run("ingest", corpus_copy, "--db", db, "--reextract")
    with Session(make_engine(db)) as session:
        events = {e.fingerprint: e for e in session.scalars(select(EventRow))}
    assert not old_ids & {e.id for e in events.values()}   # every event row is new
    assert set(judged) <= set(events)                       # ... with the same fingerprints
    assert {fp: v.verdict for fp, v in _verdicts(db).items()} == judged

    shown = {r["fingerprint"] for r in _report(db, tmp_path)}
    assert fps[0] in shown and not {fps[1], fps[2], fps[3]} & shown
    everything = {r["fingerprint"] for r in _report(db, tmp_path, "--include-rejected")}
    assert set(judged) <= everything

    listed = run("events", "--db", db, "--limit", "0", "--format", "jsonl").stdout.splitlines()
    assert fps[1] not in {json.loads(x)["fingerprint"] for x in listed}
    listed = run("events", "--db", db, "--limit", "0", "--format", "jsonl", "--include-rejected").stdout
    assert fps[1] in listed

    exported = run("export", "--db", db).stdout
    assert fps[1] not in exported and fps[0] in exported
    assert fps[1] in run("export", "--db", db, "--include-rejected").stdout

    review = run("sql", "--db", db, "--format", "jsonl",
                 "SELECT fingerprint, verdict FROM event_review WHERE verdict IS NOT NULL").stdout
    assert {json.loads(x)["fingerprint"] for x in review.splitlines()} == set(judged)


def test_unknown_verdict_and_unmatched_rows_are_reported(db, tmp_path):
    rows = _report(db, tmp_path)[:3]
    rows[0]["verdict"], rows[1]["verdict"], rows[2]["verdict"] = "correct", "bogus", "wrong"
    rows[2]["fingerprint"] = "f" * 40
    sheet = tmp_path / "v.csv"
    write_csv(sheet, rows, COLUMNS)
    result = run("review", "import", sheet, "--db", db, ok=False)
    assert result.exit_code == 3
    assert "line 3: unknown verdict 'bogus'" in result.stderr
    assert "unmatched: line 4: no stored event ffffffffffff" in result.stderr
    assert set(_verdicts(db)) == {rows[0]["fingerprint"], "f" * 40}


def test_neutralised_cells_are_read_back_without_the_quote(crafted_db, tmp_path):
    db, _ = crafted_db
    rows = _report(db, tmp_path)
    assert any(r["sentence"].startswith("'=") for r in rows)
    for r in rows:
        r["verdict"] = "wrong-actor"
        r["comment"] = "'=まちがい"            # as report would have written =まちがい
    sheet = tmp_path / "v.csv"
    write_csv(sheet, rows, COLUMNS)
    run("review", "import", sheet, "--db", db)
    assert {v.comment for v in _verdicts(db).values()} == {"=まちがい"}


def test_conflicting_rows_of_one_event_are_reported(crafted_db, tmp_path):
    db, _ = crafted_db
    rows = _report(db, tmp_path)
    first = rows[0]["fingerprint"]
    same = [r for r in rows if r["fingerprint"] == first]
    assert len(same) == 2                                  # the heading and the body mention
    same[0]["verdict"], same[1]["verdict"] = "correct", "wrong"
    sheet = tmp_path / "v.csv"
    write_csv(sheet, same, COLUMNS)
    result = run("review", "import", sheet, "--db", db, ok=False)
    assert "line 3: verdict 'wrong' contradicts line 2" in result.stderr
    assert _verdicts(db)[first].verdict == "wrong"


def test_stats_give_precision_by_type_rule_and_basis(db, tmp_path):
    rows = _report(db, tmp_path, "--type", "CONSULT")
    fps = list(dict.fromkeys(r["fingerprint"] for r in rows))[:4]
    sheet = tmp_path / "v.csv"
    write_csv(sheet, _judge(rows, dict(zip(fps, ["correct", "correct", "correct", "wrong-actor"]))),
              COLUMNS)
    run("review", "import", sheet, "--db", db)
    out = run("review", "stats", "--db", db, "--by", "type", "--format", "jsonl").stdout
    assert [json.loads(x) for x in out.splitlines()] == [
        {"type": "CONSULT", "reviewed": 4, "correct": 3, "wrong": 0, "wrong-type": 0,
         "wrong-actor": 1, "wrong-date": 0, "precision": 0.75}]
    table = run("review", "stats", "--db", db).stdout
    for heading in ("type", "rule", "date_basis", "precision"):
        assert heading in table
    assert "0.75" in table
