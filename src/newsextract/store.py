"""Write one analysed article, with all its spans, in one transaction."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import Optional

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.engine import Connection, Dialect

from .db import (ActorMentionRow, Article, DateExpression, EventMentionRow, EventRow, StoryRow)
from .types import Analysis, Event, EventMention


@dataclass(slots=True)
class ArticleRecord:
    """What the reader learnt about a file, beside the analysis."""

    root: str
    path: str
    content_hash: str
    rules_hash: str
    encoding: str
    format: str
    published: Optional[date]
    published_source: str
    title: Optional[str]
    source: Optional[str]
    stories: list[tuple[int, int, Optional[date], Optional[str]]]


def fingerprint(path: str, actor_id: str, etype: str, day: Optional[str]) -> str:
    """Stable id of an event across re-ingests: the same article, actor,
    type and date are the same event (verdicts attach to this)."""
    return hashlib.sha1(f"{path}\x1f{actor_id}\x1f{etype}\x1f{day}".encode()).hexdigest()


# Columns of the span tables, in table order; rows are plain tuples of these.
DATE_COLUMNS = ("article_id", "start", "end", "surface", "value", "mod", "kind")
ACTOR_COLUMNS = ("article_id", "start", "end", "surface", "actor_id", "actor_name", "actor_type",
                 "via", "known")
EVENT_COLUMNS = ("article_id", "fingerprint", "actor_id", "actor", "actor_text", "type", "cameo",
                 "target_id", "target", "object", "date", "date_basis", "modality", "confidence",
                 "rule")
MENTION_COLUMNS = ("event_id", "trigger_start", "trigger_end", "trigger_text", "actor_start",
                   "actor_end", "actor_text", "date_start", "date_end", "date_text",
                   "sentence_start", "sentence_end", "rule")


@dataclass(slots=True)
class ArticleRows:
    """An analysis as the rows it is stored as, each without its first column
    (the article id, for mentions the event id: known only when written).
    Plain tuples: a worker process hands them to the writer, and pickling
    the analysis objects (a sentence's text in every mention) cost the
    writer more than writing."""

    text: str
    dates: list[tuple]
    actors: list[tuple]
    events: list[tuple]
    mentions: list[tuple]  # each opens with the index of its event in ``events``

    @classmethod
    def of(cls, path: str, analysis: Analysis) -> "ArticleRows":
        return cls(
            analysis.text,
            [(d.start, d.end, d.text, d.value, d.mod, d.kind) for d in analysis.dates],
            [(m.start, m.end, m.text, m.actor_id, m.name, m.actor_type, m.via, m.known)
             for m in analysis.actors],
            [_event_values(path, e) for e in analysis.events],
            [(k, *_mention_values(m)) for k, e in enumerate(analysis.events) for m in e.mentions])


def replace_article(conn: Connection, record: ArticleRecord, rows: ArticleRows) -> int:
    """Delete any earlier version of the article and insert this one; the
    caller's transaction makes the swap atomic. Returns the article id.

    The article and its stories (dates to convert) go through Core; the
    hundreds of span rows go to the driver as one executemany of tuples
    per table: SQLAlchemy's per-row parameter handling cost more than the
    extraction of a short article."""
    conn.execute(delete(Article).where(Article.root == record.root, Article.path == record.path))
    articles = Article.__table__
    article_id = conn.scalar(insert(articles).returning(articles.c.id), dict(
        root=record.root, path=record.path, content_hash=record.content_hash,
        rules_hash=record.rules_hash, encoding=record.encoding, format=record.format,
        published=record.published, published_source=record.published_source, title=record.title,
        source=record.source, text=rows.text,
        ingested_at=datetime.now(timezone.utc).replace(tzinfo=None)))
    if record.stories:
        conn.execute(insert(StoryRow.__table__),
                     [dict(article_id=article_id, start=s, end=e, published=p, outlet=o)
                      for s, e, p, o in record.stories])
    _insert_many(conn, DateExpression.__table__, DATE_COLUMNS, [(article_id, *r) for r in rows.dates])
    _insert_many(conn, ActorMentionRow.__table__, ACTOR_COLUMNS, [(article_id, *r) for r in rows.actors])
    if rows.events:
        events = EventRow.__table__
        _insert_many(conn, events, EVENT_COLUMNS, [(article_id, *r) for r in rows.events])
        # One executemany assigns ascending ids in row order (SQLite: the
        # largest rowid plus one), and the article id is new: its events'
        # ids in order are the ids of rows.events in order.
        event_ids = conn.scalars(select(events.c.id).where(events.c.article_id == article_id)
                                 .order_by(events.c.id)).all()
        _insert_many(conn, EventMentionRow.__table__, MENTION_COLUMNS,
                     [(event_ids[k], *r) for k, *r in rows.mentions])
    return article_id


def _insert_many(conn: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    if rows:
        sql, positional = _insert_sql(conn.dialect, table, columns)
        conn.exec_driver_sql(sql, rows if positional else [dict(zip(columns, r)) for r in rows])


@lru_cache(maxsize=64)
def _insert_sql(dialect: Dialect, table: Table, columns: tuple[str, ...]) -> tuple[str, bool]:
    """The driver's own INSERT for ``columns`` (quoting, paramstyle), and
    whether it takes positional parameters (then in ``columns`` order)."""
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    order = compiled.positiontup
    if order is not None and tuple(order) != columns:
        raise ValueError(f"{table.name}: columns must be listed in table order, got {columns}")
    return str(compiled), order is not None


def _event_values(path: str, e: Event) -> tuple:
    return (fingerprint(path, e.actor_id, e.type, e.date), e.actor_id, e.actor,
            e.actor_text, e.type, e.cameo, e.target_id, e.target, e.object, e.date, e.date_basis,
            e.modality, e.confidence, e.rule)


def _mention_values(m: EventMention) -> tuple:
    d = m.date
    return (m.trigger.start, m.trigger.end, m.trigger.text,
            m.actor.start, m.actor.end, m.actor.text,
            d.start if d else None, d.end if d else None, d.text if d else None,
            m.sentence.start, m.sentence.end, m.rule)
