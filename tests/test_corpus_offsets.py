"""Offsets are sacred: every stored span of every sample article points at its own text."""
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from newsextract.db import Article, EventMentionRow, EventRow
from newsextract.reader import read_source

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"



@pytest.fixture(scope="module")
def session(corpus_db):
    engine = create_engine(f"sqlite:///{corpus_db}")
    with Session(engine) as s:
        yield s


def test_every_sample_article_is_stored_with_its_decoded_text(session):
    stored = {a.path: a.text for a in session.scalars(select(Article))}
    files = sorted(p.name for p in CORPUS.glob("*.txt"))
    assert sorted(stored) == files
    for name in files:
        assert stored[name] == read_source(CORPUS / name).text


def test_date_and_actor_spans(session):
    n = 0
    for a in session.scalars(select(Article)):
        for d in a.dates:
            assert a.text[d.start:d.end] == d.surface
            n += 1
        for m in a.actors:
            assert a.text[m.start:m.end] == m.surface
            n += 1
    assert n > 200


def test_event_mention_spans(session):
    rows = session.execute(select(EventMentionRow, Article.text)
                           .join(EventRow, EventMentionRow.event_id == EventRow.id)
                           .join(Article, EventRow.article_id == Article.id)).all()
    assert len(rows) > 50
    for m, text in rows:
        assert text[m.trigger_start:m.trigger_end] == m.trigger_text
        assert text[m.actor_start:m.actor_end] == m.actor_text
        if m.date_start is not None:
            assert text[m.date_start:m.date_end] == m.date_text
        assert m.sentence_start <= m.trigger_start < m.trigger_end <= m.sentence_end


def test_events_found_in_every_article(session):
    counts = {a.path: len(a.events) for a in session.scalars(select(Article))}
    assert all(n > 0 for n in counts.values()), counts
