"""The review CSV: Excel-safe encoding, neutralised formulas, marks, filters."""
from __future__ import annotations

import io

import pytest
from sqlalchemy.orm import Session

from newsextract.db import make_engine
from newsextract.query import EventFilter, find_events
from newsextract.report import (COLUMNS, format_table, marked_sentence, neutralise, report_rows,
                                restore, write_rows)
from review_helpers import read_csv, run


@pytest.mark.parametrize("value, cell", [
    ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
    ("+1", "'+1"), ("-1+2", "'-1+2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("＝HYPERLINK()", "'＝HYPERLINK()"),        # full-width =
    ("'quoted", "''quoted"),                    # so that restore() is exact
    ("米国は21日、ロシアと会談した。", "米国は21日、ロシアと会談した。"),
    ("a=b", "a=b"), ("", ""), (None, ""), (0.85, "0.85"), (-3, "-3"),
])
def test_neutralise_and_restore(value, cell):
    assert neutralise(value) == cell
    if isinstance(value, str):
        assert restore(cell) == value


@pytest.mark.parametrize("cell, value", [
    ("'abc", "'abc"),          # an apostrophe neutralise() did not add stays
    ("'", "'"), ("''x", "'x"), ("'=1", "=1"),
])
def test_restore_only_undoes_neutralise(cell, value):
    assert restore(cell) == value


def test_marked_sentence_marks_trigger_and_actor():
    text = "前文。プーチン氏は和平案を拒否した。"
    s0, s1 = 3, len(text)
    actor = text.index("プーチン氏")
    trig = text.index("拒否")
    got = marked_sentence(text, s0, s1, [(trig, trig + 2, "【", "】"), (actor, actor + 5, "《", "》")])
    assert got == "《プーチン氏》は和平案を【拒否】した。"


def test_csv_has_bom_crlf_and_reads_back_as_the_same_rows(shared_db, tmp_path):
    out = tmp_path / "r.csv"
    run("report", "--db", shared_db, "-o", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = read_csv(out)
    assert raw.count(b"\r\n") == raw.count(b"\n") == len(rows) + 1  # no bare LF anywhere
    assert list(rows[0]) == COLUMNS                      # the BOM is not glued to event_id
    with Session(make_engine(shared_db)) as session:
        events = find_events(session, newest_first=False)
        expected = [[neutralise(v) for v in row] for row in report_rows(events, {})]
    assert len(rows) == len(expected) > 50
    for got, want in zip(rows, expected):
        assert [got[c] for c in COLUMNS if c not in ("type_ja", "type_en")] == \
               [w for c, w in zip(COLUMNS, want) if c not in ("type_ja", "type_en")]
    assert all(r["verdict"] == "" and r["comment"] == "" for r in rows)
    assert all(r["type_ja"] and r["type_en"] for r in rows)


def test_every_row_marks_the_trigger_and_actor_of_its_offsets(shared_db, tmp_path):
    out = tmp_path / "r.csv"
    run("report", "--db", shared_db, "-o", out)
    with Session(make_engine(shared_db)) as session:
        texts = {e.article.path: e.article.text for e in find_events(session)}
    for r in read_csv(out):
        text = texts[r["article"]]
        t0, t1 = int(r["trigger_start"]), int(r["trigger_end"])
        assert text[t0:t1] == r["trigger"]
        assert f"【{r['trigger']}】" in restore(r["sentence"])
        unmarked = restore(r["sentence"])
        for mark in "【】《》":
            unmarked = unmarked.replace(mark, "")
        assert unmarked == text[int(r["sentence_start"]):int(r["sentence_end"])]


def test_crafted_formula_sentences_are_neutralised(crafted_db, tmp_path):
    db, _ = crafted_db
    out = tmp_path / "r.csv"
    run("report", "--db", db, "-o", out)
    cells = [c for r in read_csv(out) for c in r.values()]
    sentences = [r["sentence"] for r in read_csv(out)]
    assert any(s.startswith("'=HYPERLINK(") for s in sentences), sentences
    assert any(s.startswith("'@SUM(") for s in sentences), sentences
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


@pytest.mark.parametrize("args, check", [
    (["--type", "REJECT"], lambda r: r["type"] == "REJECT"),
    (["--actor", "プーチン"], lambda r: "プーチン" in r["actor"] + r["actor_as_written"]),
    (["--cameo", "04"], lambda r: r["cameo"].startswith("04")),
    (["--since", "2025-12", "--until", "2025-12"], lambda r: r["date"].startswith("2025-12")),
    (["--article", "002_"], lambda r: r["article"].startswith("002_")),
])
def test_report_filters_like_events(shared_db, tmp_path, args, check):
    out = tmp_path / "r.csv"
    run("report", "--db", shared_db, "-o", out, *args)
    rows = read_csv(out)
    assert rows and all(check(r) for r in rows)
    everything = tmp_path / "all.csv"
    run("report", "--db", shared_db, "-o", everything)
    assert len(rows) < len(read_csv(everything))


def test_cp932_encoding_on_request(shared_db, tmp_path):
    out = tmp_path / "r.csv"
    run("report", "--db", shared_db, "-o", out, "--encoding", "cp932")
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_csv(out, "cp932")[0]["type_ja"]


def test_write_rows_formats():
    rows = [{"a": "=1", "b": "ロシア"}, {"a": None, "b": 2}]
    buf = io.StringIO()
    assert write_rows(buf, ["a", "b"], rows, "csv") == 2
    assert buf.getvalue() == "a,b\r\n'=1,ロシア\r\n,2\r\n"
    buf = io.StringIO()
    write_rows(buf, ["b"], rows, "jsonl")
    assert buf.getvalue() == '{"b": "ロシア"}\n{"b": 2}\n'


def test_format_table_aligns_wide_characters():
    lines = format_table(["actor", "n"], [["ロシア", 1], ["USA", 22]])
    assert lines == ["actor   n", "------  --", "ロシア  1", "USA     22"]


def test_filter_text_matches_the_sentence_not_the_whole_article(shared_db):
    with Session(make_engine(shared_db)) as session:
        hits = find_events(session, EventFilter(text="和平案"))
        assert hits
        for e in hits:
            sentences = [e.article.text[m.sentence_start:m.sentence_end] for m in e.mentions]
            assert "和平案" in (e.object or "") + (e.target or "") + "".join(sentences)
