"""SQLite (or any SQLAlchemy URL) storage: typed models and engine set-up.

Tables: articles, date_expressions, actor_mentions, events, event_mentions,
and verdicts (the reviewers' judgements, keyed by event fingerprint).
Every span is stored as ``*_start``/``*_end`` offsets into ``articles.text``
plus its surface, so ``text[start:end] == surface`` can be checked in SQL.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from contextlib import contextmanager
from typing import Iterator, Optional

from sqlalchemy import (Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint, create_engine, event, text)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

DEFAULT_DB = Path("data") / "newsextract.db"
BUSY_TIMEOUT_MS = 30_000
WRITE_CACHE_KIB = 64 * 1024  # page cache of a writing connection
WAL_CHECKPOINT_PAGES = 10_000  # pages of WAL (4 KiB each) between automatic checkpoints


class Base(DeclarativeBase):
    pass


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (UniqueConstraint("root", "path"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    root: Mapped[str] = mapped_column(String, doc="absolute folder the article was ingested from")
    path: Mapped[str] = mapped_column(String, doc="file path relative to root (the export's doc)")
    content_hash: Mapped[str] = mapped_column(String(64))
    rules_hash: Mapped[str] = mapped_column(String(64), doc="fingerprint of the rules it was extracted with")
    encoding: Mapped[str] = mapped_column(String(32))
    format: Mapped[str] = mapped_column(String(8))
    published: Mapped[Optional[date]] = mapped_column(Date)
    published_source: Mapped[str] = mapped_column(String(16), doc="metadata, frontmatter, html, dateline or none")
    title: Mapped[Optional[str]] = mapped_column(String)
    source: Mapped[Optional[str]] = mapped_column(String)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)

    dates: Mapped[list["DateExpression"]] = relationship(back_populates="article", cascade="all, delete-orphan", passive_deletes=True)
    actors: Mapped[list["ActorMentionRow"]] = relationship(back_populates="article", cascade="all, delete-orphan", passive_deletes=True)
    events: Mapped[list["EventRow"]] = relationship(back_populates="article", cascade="all, delete-orphan", passive_deletes=True)
    stories: Mapped[list["StoryRow"]] = relationship(back_populates="article", cascade="all, delete-orphan", passive_deletes=True)


class StoryRow(Base):
    """One story of a file (a multi-story file has several, each its own DCT)."""
    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    published: Mapped[Optional[date]] = mapped_column(Date)
    outlet: Mapped[Optional[str]] = mapped_column(String)
    article: Mapped[Article] = relationship(back_populates="stories")


class DateExpression(Base):
    __tablename__ = "date_expressions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    surface: Mapped[str] = mapped_column(String)
    value: Mapped[Optional[str]] = mapped_column(String)
    mod: Mapped[Optional[str]] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(16))
    article: Mapped[Article] = relationship(back_populates="dates")


class ActorMentionRow(Base):
    __tablename__ = "actor_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    surface: Mapped[str] = mapped_column(String)
    actor_id: Mapped[str] = mapped_column(String, index=True)
    actor_name: Mapped[str] = mapped_column(String)
    actor_type: Mapped[str] = mapped_column(String(16))
    via: Mapped[str] = mapped_column(String(16))
    known: Mapped[bool] = mapped_column(Boolean)
    article: Mapped[Article] = relationship(back_populates="actors")


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_date", "date"), Index("ix_events_type", "type"),
                      Index("ix_events_actor", "actor_id"), Index("ix_events_cameo", "cameo"))

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(40), index=True,
                                             doc="stable across re-ingest: article path, actor, type, date")
    actor_id: Mapped[str] = mapped_column(String)
    actor: Mapped[str] = mapped_column(String)
    actor_text: Mapped[str] = mapped_column(String)
    type: Mapped[str] = mapped_column(String(20))
    cameo: Mapped[str] = mapped_column(String(4))
    target_id: Mapped[Optional[str]] = mapped_column(String)
    target: Mapped[Optional[str]] = mapped_column(String)
    object: Mapped[Optional[str]] = mapped_column(String)
    date: Mapped[Optional[str]] = mapped_column(String(10))
    date_basis: Mapped[str] = mapped_column(String(10))
    modality: Mapped[str] = mapped_column(String(10))
    confidence: Mapped[float] = mapped_column(Float)
    rule: Mapped[str] = mapped_column(String)
    article: Mapped[Article] = relationship(back_populates="events")
    mentions: Mapped[list["EventMentionRow"]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True,
        order_by="EventMentionRow.trigger_start")


class EventMentionRow(Base):
    __tablename__ = "event_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    trigger_text: Mapped[str] = mapped_column(String)
    actor_start: Mapped[int] = mapped_column(Integer)
    actor_end: Mapped[int] = mapped_column(Integer)
    actor_text: Mapped[str] = mapped_column(String)
    date_start: Mapped[Optional[int]] = mapped_column(Integer)
    date_end: Mapped[Optional[int]] = mapped_column(Integer)
    date_text: Mapped[Optional[str]] = mapped_column(String)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String)
    event: Mapped[EventRow] = relationship(back_populates="mentions")


class Verdict(Base):
    """A reviewer's judgement of one event, e.g. ``wrong-date`` with a comment.

    Keyed by ``events.fingerprint`` and deliberately not a foreign key: a
    re-ingest deletes and re-inserts events, and the verdict must outlive that.
    ``type``/``rule``/``date_basis``/``article`` are a snapshot of what the
    reviewer judged, so precision by rule stays right after the rules change."""
    __tablename__ = "verdicts"
    __table_args__ = (Index("ix_verdicts_verdict", "verdict"),)

    fingerprint: Mapped[str] = mapped_column(String(40), primary_key=True)
    verdict: Mapped[str] = mapped_column(String(16), doc="correct, wrong, wrong-type, wrong-actor or wrong-date")
    comment: Mapped[Optional[str]] = mapped_column(Text)
    reviewed_at: Mapped[datetime] = mapped_column(DateTime, doc="when the verdict was imported (UTC)")
    source_file: Mapped[str] = mapped_column(String, doc="the CSV the verdict came from")
    source_line: Mapped[Optional[int]] = mapped_column(Integer)
    type: Mapped[Optional[str]] = mapped_column(String(20))
    rule: Mapped[Optional[str]] = mapped_column(String)
    date_basis: Mapped[Optional[str]] = mapped_column(String(10))
    article: Mapped[Optional[str]] = mapped_column(String)


# Verdicts that take an event out of events/report/export unless asked for.
REJECTING_VERDICTS = ("wrong", "wrong-type", "wrong-actor", "wrong-date")

# A view that reads like the review sheet: each event with its first mention and article.
EVENTS_VIEW = """
CREATE VIEW IF NOT EXISTS event_overview AS
SELECT e.id AS event_id, e.date, e.date_basis, e.actor, e.actor_id, e.type, e.cameo,
       e.target, e.object, e.modality, e.confidence, e.rule, a.path AS article,
       m.trigger_text, m.trigger_start, m.trigger_end,
       substr(a.text, m.sentence_start + 1, m.sentence_end - m.sentence_start) AS sentence
FROM events e
JOIN articles a ON a.id = e.article_id
JOIN event_mentions m ON m.id = (SELECT min(id) FROM event_mentions WHERE event_id = e.id)
"""

# The same with the event's fingerprint and its verdict, if any: 「SELECT * FROM
# event_review WHERE verdict IS NULL」 lists what is still to review.
REVIEW_VIEW = """
CREATE VIEW IF NOT EXISTS event_review AS
SELECT o.*, e.fingerprint, e.actor_text, v.verdict, v.comment, v.reviewed_at
FROM event_overview o
JOIN events e ON e.id = o.event_id
LEFT JOIN verdicts v ON v.fingerprint = e.fingerprint
"""
VIEWS = (EVENTS_VIEW, REVIEW_VIEW)


def database_url(db: Optional[str]) -> str:
    """A path or an SQLAlchemy URL; None is the default data/newsextract.db."""
    if not db:
        db = str(DEFAULT_DB)
    if "://" in db:
        return db
    Path(db).parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{db}"


def make_engine(db: Optional[str], write: bool = False) -> Engine:
    """An engine with the schema created. On SQLite: WAL, a busy timeout,
    foreign keys, and write transactions that start with BEGIN IMMEDIATE so
    that two writers queue on the lock instead of failing mid-transaction."""
    url = database_url(db)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, write)
    Base.metadata.create_all(engine)
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            for view in VIEWS:
                conn.execute(text(view))
    return engine


@contextmanager
def open_session(db: Optional[str], write: bool = False) -> Iterator[Session]:
    """A session on ``db``; with ``write``, one transaction committed at the end."""
    engine = make_engine(db, write=write)
    try:
        with Session(engine) as session:
            if write:
                with session.begin():
                    yield session
            else:
                yield session
    finally:
        engine.dispose()


def _configure_sqlite(engine: Engine, write: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        if write:
            cur.execute("PRAGMA journal_mode=WAL")
            # With WAL, NORMAL never corrupts the database; a power cut may only
            # lose the last commits, which a rerun of ingest writes again.
            cur.execute("PRAGMA synchronous=NORMAL")
            # Ingest writes hundreds of index entries per article at random
            # places (fingerprints): a 64 MiB page cache and a checkpoint
            # every ~40 MB of WAL instead of 4 cut a quarter of the write time.
            cur.execute(f"PRAGMA cache_size=-{WRITE_CACHE_KIB}")
            cur.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
