"""Event queries shared by the events, report and export commands."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session, selectinload

from .db import Article, EventRow


@dataclass(frozen=True)
class EventFilter:
    """「--actor プーチン --type REJECT --since 2025-11」: every field optional.

    ``actor`` matches the canonical name, the id or the surface as written;
    ``since``/``until`` compare ISO prefixes, so a month 2025-11 is inclusive."""

    actor: Optional[str] = None
    type: Optional[str] = None
    cameo: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    article: Optional[str] = None
    text: Optional[str] = None

    def apply(self, stmt: Select) -> Select:
        if self.actor:
            like = f"%{self.actor}%"
            stmt = stmt.where(or_(EventRow.actor.like(like), EventRow.actor_id == self.actor.upper(),
                                  EventRow.actor_text.like(like)))
        if self.type:
            stmt = stmt.where(EventRow.type == self.type.upper())
        if self.cameo:
            stmt = stmt.where(EventRow.cameo.like(f"{self.cameo}%"))
        if self.since:
            stmt = stmt.where(EventRow.date >= self.since)
        if self.until:
            # "2025-11" must include 2025-11-30: compare against the prefix's upper end
            stmt = stmt.where(EventRow.date <= self.until + "\uffff")
        if self.article:
            stmt = stmt.where(Article.path.like(f"%{self.article}%"))
        if self.text:
            stmt = stmt.where(or_(EventRow.object.like(f"%{self.text}%"), Article.text.like(f"%{self.text}%")))
        return stmt


def find_events(session: Session, flt: EventFilter = EventFilter(), newest_first: bool = True,
                limit: Optional[int] = None) -> Sequence[EventRow]:
    stmt = (select(EventRow).join(Article, EventRow.article_id == Article.id)
            .options(selectinload(EventRow.mentions), selectinload(EventRow.article)))
    stmt = flt.apply(stmt)
    order = EventRow.date.desc() if newest_first else EventRow.date.asc()
    stmt = stmt.order_by(order.nulls_last(), EventRow.id)
    if limit:
        stmt = stmt.limit(limit)
    return session.scalars(stmt).all()
