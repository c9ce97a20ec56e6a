"""Event queries shared by the events, timeline, report and export commands.

    with Session(engine) as session:
        rows = find_events(session, EventFilter(actor="プーチン", since="2025-11"))

Events a reviewer marked wrong (any ``wrong*`` verdict) are left out unless
``EventFilter(include_rejected=True)``.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Iterator, Optional, Sequence

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from .db import REJECTING_VERDICTS, ActorMentionRow, Article, EventMentionRow, EventRow, Verdict
from .types import ActorMention


@dataclass(frozen=True)
class EventFilter:
    """「--actor プーチン --type REJECT --since 2025-11」: every field optional.

    ``actor`` matches the canonical name, the id or the surface as written;
    ``since``/``until`` compare ISO prefixes, so a month 2025-11 is inclusive;
    ``text`` matches the object, the target or an evidence sentence."""

    actor: Optional[str] = None
    type: Optional[str] = None
    cameo: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    article: Optional[str] = None
    text: Optional[str] = None
    include_rejected: bool = False

    def apply(self, stmt: Select) -> Select:
        """Add the filter's conditions to a select that joins EventRow and Article."""
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
            stmt = stmt.where(_text_matches(self.text))
        if not self.include_rejected:
            stmt = stmt.where(~rejected())
        return stmt


def rejected():
    """SQL condition: the event's fingerprint carries a wrong* verdict."""
    return exists().where(Verdict.fingerprint == EventRow.fingerprint,
                          Verdict.verdict.in_(REJECTING_VERDICTS))


def _text_matches(needle: str):
    # The sentence of any mention, sliced out of the article in SQL (substr is 1-based);
    # matching the whole article instead would list every event of a matching article.
    like = f"%{needle}%"
    sentence = func.substr(Article.text, EventMentionRow.sentence_start + 1,
                           EventMentionRow.sentence_end - EventMentionRow.sentence_start)
    in_sentence = exists().where(EventMentionRow.event_id == EventRow.id, sentence.like(like))
    return or_(EventRow.object.like(like), EventRow.target.like(like), in_sentence)


def find_events(session: Session, flt: EventFilter = EventFilter(), newest_first: bool = True,
                limit: Optional[int] = None) -> Sequence[EventRow]:
    """Events with their mentions and article loaded; undated events last."""
    stmt = (select(EventRow).join(Article, EventRow.article_id == Article.id)
            .options(selectinload(EventRow.mentions), selectinload(EventRow.article)))
    stmt = flt.apply(stmt)
    order = EventRow.date.desc() if newest_first else EventRow.date.asc()
    stmt = stmt.order_by(order.nulls_last(), EventRow.id)
    if limit:
        stmt = stmt.limit(limit)
    return session.scalars(stmt).all()


EVENT_COLUMNS = ["event_id", "fingerprint", "date", "date_basis", "actor", "actor_id", "actor_text",
                 "type", "cameo", "target", "object", "modality", "confidence", "rule", "article",
                 "trigger", "sentence"]


def event_record(e: EventRow) -> dict:
    """One event as a flat dict (EVENT_COLUMNS), its first mention as the evidence."""
    m = e.mentions[0] if e.mentions else None
    return {"event_id": e.id, "fingerprint": e.fingerprint, "date": e.date,
            "date_basis": e.date_basis, "actor": e.actor, "actor_id": e.actor_id,
            "actor_text": e.actor_text, "type": e.type, "cameo": e.cameo, "target": e.target,
            "object": e.object, "modality": e.modality, "confidence": e.confidence,
            "rule": e.rule, "article": e.article.path,
            "trigger": m.trigger_text if m else None,
            "sentence": e.article.text[m.sentence_start:m.sentence_end] if m else None}


def timeline_line(e: EventRow, width: int = 40) -> str:
    """One chronological line, e.g.
    ``2025-11-27  REJECT  プーチン -> ウクライナ  [和平案]  …ウクライナの和平案を【拒否】した。``

    The sentence is cut to about ``width`` characters around the trigger."""
    who = e.actor + (f" -> {e.target}" if e.target else "")
    what = f"  [{e.object}]" if e.object else ""
    evidence = ""
    if e.mentions:
        m = e.mentions[0]
        evidence = "  " + trigger_in_sentence(e.article.text, m.sentence_start, m.sentence_end,
                                              m.trigger_start, m.trigger_end, width)
    return f"{e.date or 'undated':<10}  {e.type:<11} {who}{what}{evidence}"


def trigger_in_sentence(text: str, s0: int, s1: int, t0: int, t1: int, width: int) -> str:
    """「…和平案を【拒否】した。」: the trigger marked, the sentence shortened around it
    to about ``width`` characters, newlines flattened so the line stays one line."""
    room = max(width - (t1 - t0), 0)
    left = max(s0, t0 - room // 2)
    right = min(s1, t1 + (room - (t0 - left)))
    left = max(s0, min(left, t0 - (room - (right - t1))))  # give unused right room to the left
    out = ("…" if left > s0 else "") + text[left:t0] + "【" + text[t0:t1] + "】" + text[t1:right]
    out += "…" if right < s1 else ""
    return " ".join(out.split())


def provisional_mentions(session: Session) -> Iterator[list[ActorMention]]:
    """Stored mentions of actors missing from the gazetteer, one list per article."""
    rows = session.scalars(select(ActorMentionRow).where(ActorMentionRow.known.is_(False))
                           .order_by(ActorMentionRow.article_id, ActorMentionRow.start))
    for _, group in groupby(rows, key=lambda r: r.article_id):
        yield [ActorMention(r.start, r.end, r.surface, r.actor_id, r.actor_name, r.actor_type,
                            r.via, r.known) for r in group]
