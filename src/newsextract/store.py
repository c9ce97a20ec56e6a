"""Write one analysed article, with all its spans, in one transaction."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Optional

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

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


def replace_article(session: Session, record: ArticleRecord, analysis: Analysis) -> int:
    """Delete any earlier version of the article and insert this one; the
    caller's transaction makes the swap atomic. Returns the article id.

    Rows go in as batched Core inserts (an article has hundreds of spans;
    building ORM objects for them cost more than the extraction)."""
    session.execute(delete(Article).where(Article.root == record.root, Article.path == record.path))
    articles = Article.__table__
    article_id = session.scalar(insert(articles).returning(articles.c.id), [dict(
        root=record.root, path=record.path, content_hash=record.content_hash,
        rules_hash=record.rules_hash, encoding=record.encoding, format=record.format,
        published=record.published, published_source=record.published_source, title=record.title,
        source=record.source, text=analysis.text,
        ingested_at=datetime.now(timezone.utc).replace(tzinfo=None))])
    _insert(session, StoryRow, [dict(article_id=article_id, start=s, end=e, published=p, outlet=o)
                                for s, e, p, o in record.stories])
    _insert(session, DateExpression, [dict(article_id=article_id, start=d.start, end=d.end,
                                           surface=d.text, value=d.value, mod=d.mod, kind=d.kind)
                                      for d in analysis.dates])
    _insert(session, ActorMentionRow, [dict(article_id=article_id, start=m.start, end=m.end,
                                            surface=m.text, actor_id=m.actor_id, actor_name=m.name,
                                            actor_type=m.actor_type, via=m.via, known=m.known)
                                       for m in analysis.actors])
    if analysis.events:
        events = EventRow.__table__
        event_ids = session.scalars(
            insert(events).returning(events.c.id, sort_by_parameter_order=True),
            [_event_values(article_id, record.path, e) for e in analysis.events]).all()
        _insert(session, EventMentionRow, [_mention_values(event_id, m)
                                           for event_id, e in zip(event_ids, analysis.events)
                                           for m in e.mentions])
    return article_id


def _insert(session: Session, model, rows: list[dict]) -> None:
    if rows:  # the Table, not the class: a plain executemany, no ORM bulk machinery
        session.execute(insert(model.__table__), rows)


def _event_values(article_id: int, path: str, e: Event) -> dict:
    return dict(
        article_id=article_id, fingerprint=fingerprint(path, e.actor_id, e.type, e.date),
        actor_id=e.actor_id, actor=e.actor, actor_text=e.actor_text, type=e.type, cameo=e.cameo,
        target_id=e.target_id, target=e.target, object=e.object, date=e.date,
        date_basis=e.date_basis, modality=e.modality, confidence=e.confidence, rule=e.rule)


def _mention_values(event_id: int, m: EventMention) -> dict:
    return dict(
        event_id=event_id,
        trigger_start=m.trigger.start, trigger_end=m.trigger.end, trigger_text=m.trigger.text,
        actor_start=m.actor.start, actor_end=m.actor.end, actor_text=m.actor.text,
        date_start=m.date.start if m.date else None, date_end=m.date.end if m.date else None,
        date_text=m.date.text if m.date else None,
        sentence_start=m.sentence.start, sentence_end=m.sentence.end, rule=m.rule)
