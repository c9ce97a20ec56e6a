"""JSONL export in the format of shared/eval/EXPORT.md (events and date expressions).

    with open("export.jsonl", "w", encoding="utf-8") as out:
        write_jsonl(session, out)

Events a reviewer marked wrong are left out unless ``include_rejected=True``.
"""
from __future__ import annotations

import json
from typing import Iterator, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from .db import REJECTING_VERDICTS, Article, EventRow, Verdict


def _span(start, end, surface) -> dict | None:
    """A span as stored: the surface is the one the stage recorded, not a
    fresh slice, so a consumer checking text[start:end] really checks it."""
    if start is None:
        return None
    return {"start": start, "end": end, "text": surface}


def _spans(text: str, m) -> dict:
    return {"trigger": _span(m.trigger_start, m.trigger_end, m.trigger_text),
            "actor": _span(m.actor_start, m.actor_end, m.actor_text),
            "date": _span(m.date_start, m.date_end, m.date_text),
            "sentence": _span(m.sentence_start, m.sentence_end,
                              text[m.sentence_start:m.sentence_end])}


def rejected_fingerprints(session: Session) -> set[str]:
    return set(session.scalars(select(Verdict.fingerprint)
                               .where(Verdict.verdict.in_(REJECTING_VERDICTS))))


def export_rows(session: Session, include_rejected: bool = False) -> Iterator[dict]:
    """Per article: its events (first mention as the evidence), then its dates."""
    hidden = set() if include_rejected else rejected_fingerprints(session)
    articles = session.scalars(select(Article).order_by(Article.root, Article.path)
                               .options(selectinload(Article.events).selectinload(EventRow.mentions),
                                        selectinload(Article.dates)))
    for a in articles:
        for e in sorted(a.events, key=lambda e: e.mentions[0].trigger_start if e.mentions else 0):
            if e.fingerprint in hidden:
                continue
            m = e.mentions[0]
            yield {
                "kind": "event", "doc": a.path, "actor": e.actor, "actor_id": e.actor_id,
                "actor_text": e.actor_text, "type": e.type, "cameo": e.cameo[:2],
                "cameo_full": e.cameo, "target": e.target, "object": e.object, "date": e.date,
                "date_basis": e.date_basis, "modality": e.modality, "confidence": e.confidence,
                "rule": e.rule, "fingerprint": e.fingerprint,
                "spans": _spans(a.text, m),
                "mentions": [_spans(a.text, x) for x in e.mentions[1:]],
            }
        for d in sorted(a.dates, key=lambda d: d.start):
            yield {"kind": "date", "doc": a.path, "start": d.start, "end": d.end,
                   "text": d.surface, "value": d.value, "mod": d.mod, "class": d.kind}


def write_jsonl(session: Session, out: TextIO, include_rejected: bool = False) -> int:
    """Write every row as one JSON line; returns the number of rows."""
    n = 0
    for row in export_rows(session, include_rejected):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n
