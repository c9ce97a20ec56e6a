"""``newsextract tag``: what each stage found in a text, as JSON-ready rows."""
from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Iterator, Optional

from .pipeline import Pipeline


def tag_rows(pipeline: Pipeline, text: str, dct: Optional[date], tokens: bool = False) -> Iterator[dict]:
    analysis = pipeline.analyze(text, dct)
    if tokens:
        for t in analysis.tokens:
            yield {"stage": "token", **t._asdict()}
    for d in analysis.dates:
        yield {"stage": "date", "start": d.start, "end": d.end, "text": d.text,
               "value": d.value, "mod": d.mod, "class": d.kind}
    for s in analysis.sections:
        yield {"stage": "section", "start": s.start, "end": s.end, "date": s.date.value}
    for m in analysis.actors:
        yield {"stage": "actor", "start": m.start, "end": m.end, "text": m.text,
               "actor_id": m.actor_id, "name": m.name, "via": m.via, "known": m.known}
    for e in analysis.events:
        yield {"stage": "event", "actor": e.actor, "actor_id": e.actor_id, "type": e.type,
               "cameo": e.cameo, "target": e.target, "object": e.object, "date": e.date,
               "date_basis": e.date_basis, "modality": e.modality, "confidence": e.confidence,
               "rule": e.rule,
               "mentions": [{"trigger": asdict(m.trigger), "actor": asdict(m.actor),
                             "date": asdict(m.date) if m.date else None} for m in e.mentions]}
