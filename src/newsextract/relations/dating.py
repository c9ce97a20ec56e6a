"""The date of an action, and the basis a reviewer can check it against.

Order, as GUIDELINES.md defines it: a date in the same sentence
(``explicit``; 同日/翌日 are ``anaphoric``), else the heading or list item
whose scope holds the sentence (``section``), else the article date
(``dct``). A deadline (「27日までに」, mod BEFORE) is never the event date.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from typing import Optional, Sequence

from ..types import DateExpr, Section, Sentence

_RESOLVED = re.compile(r"^\d{4}-\d{2}(-\d{2})?")
ANAPHORIC_KINDS = frozenset({"anaphoric"})


@dataclass(frozen=True, slots=True)
class Dating:
    value: str
    basis: str
    expr: Optional[DateExpr]  # None when the date came from a heading or the DCT


def event_value(expr: DateExpr) -> Optional[str]:
    """The day or month an expression puts an event on: a range starts the
    event on its first day; weeks and unresolved years give nothing."""
    if not expr.value:
        return None
    m = _RESOLVED.match(expr.value)
    return m.group(0) if m else None


class DateIndex:
    """Date expressions and sections of one article, for lookups by offset."""

    def __init__(self, dates: list[DateExpr], sections: list[Section], dct: Optional[date],
                 quoted_chars: Optional[set[int]] = None,
                 stories: Sequence[tuple[int, int, Optional[date]]] = ()) -> None:
        self.dates = [d for d in dates if d.mod != "BEFORE" and event_value(d)
                      and not (quoted_chars and d.start in quoted_chars)]
        self.starts = [d.start for d in self.dates]
        self.sections = sorted(sections, key=lambda s: s.start)
        self.section_starts = [s.start for s in self.sections]
        self.dct = dct
        self.stories = sorted(stories)  # (start, end, dct) of each story of a multi-story file

    def date_for(self, sentence: Sentence, trigger_start: int) -> Optional[Dating]:
        lo = bisect.bisect_left(self.starts, sentence.start)
        hi = bisect.bisect_left(self.starts, sentence.end)
        inside = self.dates[lo:hi]
        before = [d for d in inside if d.end <= trigger_start]
        chosen = before[-1] if before else (inside[0] if inside else None)
        if chosen is not None:
            basis = "anaphoric" if chosen.kind in ANAPHORIC_KINDS else "explicit"
            return Dating(event_value(chosen), basis, chosen)
        section = self.section_at(sentence.start)
        if section is not None and event_value(section.date):
            return Dating(event_value(section.date), "section", None)
        dct = self.dct_at(sentence.start)
        if dct is not None:
            return Dating(dct.isoformat(), "dct", None)
        return None

    def dct_at(self, offset: int) -> Optional[date]:
        for start, end, story_dct in self.stories:
            if start <= offset < end and story_dct is not None:
                return story_dct
        return self.dct

    def section_at(self, offset: int) -> Optional[Section]:
        k = bisect.bisect_right(self.section_starts, offset) - 1
        if k >= 0 and self.sections[k].start <= offset < self.sections[k].end:
            return self.sections[k]
        return None
