"""Write one analysed article, with all its spans, in one transaction."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Optional

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .db import (ActorMentionRow, Article, DateExpression, EventMentionRow, EventRow, StoryRow)
from .types import Analysis


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
    caller's transaction makes the swap atomic. Returns the article id."""
    session.execute(delete(Article).where(Article.root == record.root, Article.path == record.path))
    article = Article(
        root=record.root, path=record.path, content_hash=record.content_hash,
        rules_hash=record.rules_hash,
        encoding=record.encoding, format=record.format, published=record.published,
        published_source=record.published_source, title=record.title, source=record.source,
        text=analysis.text, ingested_at=datetime.now(timezone.utc).replace(tzinfo=None))
    article.stories = [StoryRow(start=s, end=e, published=p, outlet=o) for s, e, p, o in record.stories]
    article.dates = [DateExpression(start=d.start, end=d.end, surface=d.text, value=d.value,
                                    mod=d.mod, kind=d.kind) for d in analysis.dates]
    article.actors = [ActorMentionRow(start=m.start, end=m.end, surface=m.text, actor_id=m.actor_id,
                                      actor_name=m.name, actor_type=m.actor_type, via=m.via,
                                      known=m.known) for m in analysis.actors]
    article.events = [_event_row(record.path, e) for e in analysis.events]
    session.add(article)
    session.flush()
    return article.id


def _event_row(path: str, e) -> EventRow:
    row = EventRow(
        fingerprint=fingerprint(path, e.actor_id, e.type, e.date),
        actor_id=e.actor_id, actor=e.actor, actor_text=e.actor_text, type=e.type, cameo=e.cameo,
        target_id=e.target_id, target=e.target, object=e.object, date=e.date,
        date_basis=e.date_basis, modality=e.modality, confidence=e.confidence, rule=e.rule)
    row.mentions = [EventMentionRow(
        trigger_start=m.trigger.start, trigger_end=m.trigger.end, trigger_text=m.trigger.text,
        actor_start=m.actor.start, actor_end=m.actor.end, actor_text=m.actor.text,
        date_start=m.date.start if m.date else None, date_end=m.date.end if m.date else None,
        date_text=m.date.text if m.date else None,
        sentence_start=m.sentence.start, sentence_end=m.sentence.end, rule=m.rule)
        for m in e.mentions]
    return row
