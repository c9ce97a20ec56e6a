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
from typing import Callable, Optional, Sequence

from ..types import DateExpr, Section, Sentence, StoryDate

_RESOLVED = re.compile(r"^\d{4}-\d{2}(-\d{2})?")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
ANAPHORIC_KINDS = frozenset({"anaphoric"})
LIST_JOINERS = frozenset({"・", "、", ",", "と"})
LISTABLE = frozenset({"full", "month_day", "day"})  # 「1月23日・24日」, not 「1日、前日に」
# A date that is the subject or object of a clause is what is talked about, not
# when the action happened: 「期限は11月27日が適切と表明」.
ARGUMENT_PARTICLES = ("が", "を")


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
    week = _WEEK.match(expr.value)
    if week:  # 「来週」: the month of the week's Thursday, as ISO weeks are dated
        year, number = int(week.group(1)), int(week.group(2))
        try:
            return date.fromisocalendar(year, number, 4).isoformat()[:7]
        except ValueError:
            return None
    first, _, last = expr.value.partition("/")
    m = _RESOLVED.match(first)
    if not m:
        return None
    if last and last[:7] == first[:7] and last != first:
        return first[:7]  # 「2月18日〜19日」: the action is dated to its month, not to one day
    return m.group(0)


def _basis(expr: DateExpr) -> str:
    if expr.kind in ANAPHORIC_KINDS:
        return "anaphoric"
    if _WEEK.match(expr.value or ""):
        return "inferred"  # the month is completed from a week: 「来週」
    return "explicit"


NOW_WORDS = ("現在", "目下", "現時点")


def _says_now(text: str, start: int, end: int) -> bool:
    """「米国は現在、…難色を示している」: the state at the article's date, not
    at the date the narrative last named."""
    return any(w in text[start:end] for w in NOW_WORDS)


def _one_of(listed: list[DateExpr]) -> list[str]:
    """The date of an action known only to fall on one of ``listed`` days (a
    sentence under 「2月4日・5日:…」): their month when they share one."""
    values = list(dict.fromkeys(event_value(d) for d in listed))
    months = {v[:7] for v in values}
    return [months.pop()] if len(values) > 1 and len(months) == 1 else values


class DateIndex:
    """Date expressions and sections of one article, for lookups by offset."""

    def __init__(self, text: str, dates: list[DateExpr], sections: list[Section], dct: Optional[date],
                 quoted_chars: Optional[set[int]] = None,
                 stories: Sequence[StoryDate] = ()) -> None:
        self.text = text
        self.dates = [d for d in dates if d.mod != "BEFORE" and event_value(d)
                      and not (quoted_chars and d.start in quoted_chars)
                      and not text.startswith(ARGUMENT_PARTICLES, d.end)]
        self.starts = [d.start for d in self.dates]
        self.sections = sorted(sections, key=lambda s: s.start)
        self.section_starts = [s.start for s in self.sections]
        self.dct = dct
        self.stories = sorted(StoryDate(*s) for s in stories)  # the date of each story of the file

    def dates_for(self, sentence: Sentence, trigger_start: int,
                  in_other_clause: Callable[[DateExpr], bool] = lambda d: False) -> list[Dating]:
        """The dates of an action: the nearest date before the trigger in its
        sentence (with the other days of its list: 「1月23日・24日」 is two
        days, so two events), else the section's, else the article's."""
        lo = bisect.bisect_left(self.starts, sentence.start)
        hi = bisect.bisect_left(self.starts, sentence.end)
        inside = self.dates[lo:hi]
        inside = [d for d in inside if not in_other_clause(d)]
        before = [d for d in inside if d.end <= trigger_start]
        chosen = before[-1] if before else (inside[0] if inside else None)
        if chosen is not None:
            return [Dating(event_value(d), _basis(d), d) for d in self._list_of(chosen)]
        section = self.section_at(sentence.start)
        if section is not None and event_value(section.date):
            return [Dating(value, "section", None) for value in _one_of(self._list_of(section.date))]
        narrative = None if _says_now(self.text, sentence.start, trigger_start) \
            else self.narrative_before(sentence.start)
        if narrative is not None:
            return [Dating(value, "inferred", None) for value in _one_of(self._list_of(narrative))]
        dct = self.dct_value(sentence.start)
        return [Dating(dct, "dct", None)] if dct else []
        return []

    def narrative_before(self, offset: int) -> Optional[DateExpr]:
        """The date the narrative stands at: the last date before ``offset``
        in the same paragraph (「トランプ氏は28日、…迎えた。会談後、…と述べた」:
        述べた is on the 28th too)."""
        k = bisect.bisect_left(self.starts, offset) - 1
        if k < 0:
            return None
        expr = self.dates[k]
        paragraph_start = self.text.rfind("\n", 0, offset) + 1
        return expr if expr.start >= paragraph_start else None

    def _list_of(self, expr: DateExpr) -> list[DateExpr]:
        """``expr`` with the dates listed next to it by ・ or 、 (「2月4日・5日」)."""
        k = bisect.bisect_left(self.starts, expr.start)
        if k >= len(self.dates) or self.dates[k] is not expr:
            return [expr]
        lo = hi = k
        while lo > 0 and self._joined(self.dates[lo - 1], self.dates[lo]):
            lo -= 1
        while hi + 1 < len(self.dates) and self._joined(self.dates[hi], self.dates[hi + 1]):
            hi += 1
        return self.dates[lo:hi + 1]

    def _joined(self, a: DateExpr, b: DateExpr) -> bool:
        return (a.kind in LISTABLE and b.kind in LISTABLE and b.start - a.end <= 1
                and self.text[a.end:b.start] in LIST_JOINERS)

    def dct_value(self, offset: int) -> Optional[str]:
        """The article date as an event date: its story's, else the article's;
        only the month of an update stamp."""
        for story in self.stories:
            if story.start <= offset < story.end and story.dct is not None:
                value = story.dct.isoformat()
                return value[:7] if story.month_only else value
        return self.dct.isoformat() if self.dct else None

    def section_at(self, offset: int) -> Optional[Section]:
        k = bisect.bisect_right(self.section_starts, offset) - 1
        if k >= 0 and self.sections[k].start <= offset < self.sections[k].end:
            return self.sections[k]
        return None
