"""Value types shared by every stage.

Every span is a half-open ``[start, end)`` range of code points into the
article text exactly as decoded, so ``text[start:end] == surface`` always
holds; the stored offsets are the very ones the stages produce.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import NamedTuple, Optional


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> "Span":
        return cls(start, end, source[start:end])


class Token(NamedTuple):
    """One fugashi/UniDic token: 「拒否」 start=1203 end=1205 pos1=名詞 pos2=普通名詞.

    A NamedTuple, not a dataclass: an article has thousands and it is the
    cheapest immutable record to build."""

    i: int
    start: int
    end: int
    surface: str
    pos1: str
    pos2: str
    pos3: str
    lemma: str


# Field getters for C-level passes over a token list (map, compress): in a
# per-token Python loop the loop itself costs more than the test.
START_OF, END_OF, SURFACE_OF, POS1_OF, POS2_OF, POS3_OF, LEMMA_OF = (
    attrgetter(f) for f in ("start", "end", "surface", "pos1", "pos2", "pos3", "lemma"))


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    token_start: int  # index of the first token
    token_end: int  # one past the last token


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression: 「11月27日」 -> value 2025-11-27.

    ``value`` follows shared/gold/TIMEX.md (``2025-11-27``, ``2025-11``,
    ``2025``, ``2025-W52``, ``2025-12-28/2025-12-29``, ``XXXX-XX-13``);
    ``mod`` is START/MID/END/BEFORE/AFTER or None; ``kind`` names the class
    of expression (full, month_day, day, month, year, relative, anaphoric,
    range, …) so that the relation extractor can tell a deadline or an
    anaphor from an explicit date.
    """

    start: int
    end: int
    text: str
    value: Optional[str]
    mod: Optional[str] = None
    kind: str = "full"


@dataclass(frozen=True, slots=True)
class Section:
    """A heading or list item that starts with a date and scopes the text
    up to the next such item: 「④11月27日:…」 covers [start, end)."""

    start: int
    end: int
    date: DateExpr


@dataclass(slots=True)
class ActorMention:
    """「プーチン大統領」 -> actor_id PUTIN; ``via`` says how it was found:
    gazetteer, coref (同氏), role (a bare 首相), split (米ロ) or provisional
    (an unknown name, ``known`` False).

    Treat as immutable (change with dataclasses.replace). Not frozen only
    because a frozen dataclass's __init__ is five times slower, and an
    article makes hundreds of these."""

    start: int
    end: int
    text: str
    actor_id: str
    name: str
    actor_type: str
    via: str = "gazetteer"
    known: bool = True
    head_start: int = -1  # where the name itself starts (プーチン in ロシアのプーチン大統領)
    token_start: int = -1
    token_end: int = -1


@dataclass(slots=True)
class EventMention:
    trigger: Span
    actor: Span
    sentence: Span
    date: Optional[Span]  # None when the date came from a heading or the DCT
    rule: str


@dataclass(slots=True)
class Event:
    actor_id: str
    actor: str
    actor_text: str
    type: str
    cameo: str
    date: Optional[str]
    date_basis: str
    modality: str
    rule: str
    target_id: Optional[str] = None
    target: Optional[str] = None
    object: Optional[str] = None
    confidence: float = 0.5
    mentions: list[EventMention] = field(default_factory=list)


class StoryDate(NamedTuple):
    """The date one story of a file was published (a wire file holds several)."""

    start: int
    end: int
    dct: Optional[date]
    month_only: bool = False  # an update stamp: the story ran that month, maybe days earlier


@dataclass(slots=True)
class Analysis:
    """What the pipeline found in one article."""

    text: str
    dct: Optional[date]
    tokens: list[Token]
    sentences: list[Sentence]
    dates: list[DateExpr]
    sections: list[Section]
    actors: list[ActorMention]
    events: list[Event]
