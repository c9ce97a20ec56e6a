"""Relation extractor: actor + predicate (+ target/object) + date -> typed events.

For each trigger the actor comes from the subject before it (arguments.py),
the date from dating.py, the modality from modality.py; mentions with the
same actor, type and date in one article are merged into one event with
several mentions (a headline and its body are one event).
"""
from __future__ import annotations

import bisect
import re
from datetime import date
from pathlib import Path
from dataclasses import replace
from itertools import compress
from typing import Callable, Optional, Sequence

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..types import (END_OF, START_OF, ActorMention, DateExpr, Event, EventMention, Section, Sentence, Span,
                     StoryDate, Token)
from . import arguments as args
from .dating import DateIndex
from .grammar import Grammar
from .lexicon import Lexicon
from .modality import ModalityIndex
from .triggers import Trigger, find_triggers, quote_mask

NOUNISH = ("名詞", "接尾辞")
FORMAL_NOUNS = frozenset({"こと", "事", "もの", "物", "の"})
# Actions done together: under a heading that names several parties, a
# subjectless one is theirs (「露ウ代表団交渉」 … 「捕虜交換で合意した」).
JOINT_TYPES = frozenset({"CONSULT", "COOPERATE"})


# Who leads a country on a day, for 「米露首脳会談」: (country id, day) -> (actor id, name).
LeaderLookup = Callable[[str, Optional[date]], Optional[tuple[str, str]]]


class RelationExtractor:
    def __init__(self, lexicon: Lexicon, leaders: Optional[LeaderLookup] = None) -> None:
        self.lexicon = lexicon
        self.leaders = leaders or (lambda country, day: None)

    @classmethod
    def from_rules_dir(cls, rules_dir: Path, vocab: Vocab,
                       leaders: Optional[LeaderLookup] = None) -> "RelationExtractor":
        return cls(Lexicon.from_rules_dir(rules_dir, vocab), leaders)

    def __call__(self, text: str, tokens: list[Token], doc: Doc, sentences: list[Sentence],
                 dates: list[DateExpr], sections: list[Section], actors: list[ActorMention],
                 dct: Optional[date],
                 stories: Sequence[StoryDate] = ()) -> list[Event]:
        quoted = quote_mask(tokens)
        quoted_chars = set(map(START_OF, compress(tokens, quoted)))
        date_index = DateIndex(text, dates, sections, dct, quoted_chars, stories)
        matches = self.lexicon.match(doc, tokens)
        modality = ModalityIndex(matches, tokens)
        ends = args.by_token(actors)
        triggers = find_triggers(matches, tokens, sentences, quoted, self.lexicon.grammar)
        events: dict[tuple, Event] = {}
        sent_of = _sentence_lookup(sentences, len(tokens))
        token_at = dict(zip(map(END_OF, tokens), range(len(tokens))))
        carried = _TopicCarry(text, tokens, ends, quoted, self.lexicon.grammar, date_index, sentences)
        for trig in triggers:
            sentence = sent_of[trig.tok_start]
            if sentence is None:
                continue
            datings = date_index.dates_for(
                sentence, trig.start, lambda d: _in_other_clause(d, trig, token_at, tokens, self.lexicon.grammar))
            day = _as_date(datings[0].value) if datings else None
            participants = self._actors_for(trig, sentence, tokens, ends, quoted, carried, day) if datings else []
            for (actor, target, rule), dating in ((p, d) for p in participants for d in datings):
                self._record(events, text, trig, sentence, actor, target, rule, dating,
                             lambda: modality.modality(sentence, trig.tok_end),
                             lambda: _object_of(text, tokens, trig))
        out = list(events.values())
        for e in out:
            e.confidence = _confidence(e)
        return out

    def _record(self, events: dict[tuple, Event], text: str, trig: Trigger, sentence: Sentence,
                actor: ActorMention, target: Optional[ActorMention], rule: str, dating,
                modality: Callable[[], str], obj: Callable[[], Optional[str]]) -> None:
        """Add one mention; mentions with the same actor, type and date are one
        event (a headline and its body), the first one setting its fields."""
        mention = EventMention(
            trigger=Span.of(text, trig.start, trig.end),
            actor=Span.of(text, actor.start, actor.end),
            sentence=Span.of(text, sentence.start, sentence.end),
            date=Span.of(text, dating.expr.start, dating.expr.end) if dating.expr else None,
            rule=rule)
        key = (actor.actor_id, trig.predicate.type, dating.value)
        event = events.get(key)
        if event is None:
            event = events[key] = Event(
                actor_id=actor.actor_id, actor=actor.name, actor_text=actor.text,
                type=trig.predicate.type, cameo=trig.predicate.cameo, date=dating.value,
                date_basis=dating.basis, modality=modality(), rule=rule,
                target_id=target.actor_id if target else None,
                target=target.name if target else None, object=obj())
        elif event.target_id is None and target is not None:
            event.target_id, event.target = target.actor_id, target.name
        event.mentions.append(mention)

    def _actors_for(self, trig: Trigger, sentence: Sentence, tokens: list[Token],
                    ends: dict[int, list[ActorMention]], quoted: list[bool], carried: "_TopicCarry",
                    day: Optional[date]):
        """(actor, target, rule) for each participant of the trigger."""
        rule = trig.predicate.id
        if trig.setting:
            return self._setting_parties(trig, sentence, tokens, ends, rule, day)
        if trig.undergone:  # the agent is named before の: 「国家反汚職局の家宅捜索を受け」
            return [(a, None, rule + "/undergone")
                    for a in args.compound_members(tokens, ends, trig.tok_start, sentence)]
        if _is_passive(tokens, trig.tok_end):
            agents = args.agent_of_passive(sentence, tokens, ends, quoted, trig.tok_start)
            return [(a, None, rule + "/passive") for a in agents]
        subject, how = self._subject(trig, sentence, tokens, carried, day)
        rule += how
        if trig.predicate.type == "CONSULT":
            return self._participants(trig, sentence, tokens, ends, quoted, subject, rule, day)
        if not subject:
            return []
        marked = args.marked_before(sentence, tokens, ends, quoted, trig.tok_start, args.TARGET_MARKERS)
        target = next((m for m in reversed(marked) if m.actor_id not in {s.actor_id for s in subject}), None)
        return [(a, target, rule) for a in subject]

    def _subject(self, trig: Trigger, sentence: Sentence, tokens: list[Token], carried: "_TopicCarry",
                 day: Optional[date]) -> tuple[list[ActorMention], str]:
        """Who does the trigger, and how that was found: "" (its own clause),
        "/carried" (the sentence before) or "/heading" (the section heading)."""
        g = self.lexicon.grammar
        subjects = [s for s in carried.subjects(sentence) if s.marker_i < trig.tok_start]
        # 「Xが「…」と述べた」: a quote closes no clause of the sentence's first subject, its speaker
        subjects = [s for k, s in enumerate(subjects) if tokens[s.marker_i].surface in args.TOPIC_MARKERS
                    or not args.clause_closed(tokens, s.marker_i, trig.tok_start, g, quotes=k > 0)]
        topics = [x for x in subjects if tokens[x.marker_i].surface == "は"]
        if len(topics) > 1 and _after_quotative(tokens, trig.tok_start) and not any(
                t.pos1 in ("動詞", "助動詞") for t in tokens[topics[-2].marker_i:topics[-1].marker_i]):
            subjects = topics[-2:-1]  # 「AはX日、Bは…会合を開くと発表」: B is in what A announced
        if subjects and not all(x.thing for x in subjects):
            return subjects[-1].mentions, ""
        if not subjects and (subject := carried.before(sentence)):
            return subject, "/carried"
        if trig.predicate.type in JOINT_TYPES:
            # 「露ウ代表団交渉」 … 「協議は…に及んだが、合意には至らなかった」: the heading's parties
            subject = carried.joint_heading(sentence)
            if carried.heading_names_leaders(sentence):
                subject = [self._leader(m, day) for m in subject]
            return subject, "/heading" if subject else ""
        return [], ""

    def _leader(self, mention: ActorMention, day: Optional[date]) -> ActorMention:
        """The leader of a country mention (米 in 米露首脳会談 -> TRUMP), same span."""
        found = self.leaders(mention.actor_id, day) if mention.actor_type == "country" else None
        if not found:
            return mention
        actor_id, name = found
        return replace(mention, actor_id=actor_id, name=name, actor_type="person", via="leader")

    def _setting_parties(self, trig, sentence, tokens, ends, rule, day):
        """The parties a meeting noun names itself (「米国とウクライナの高官協議で」);
        none when it names fewer than two."""
        fused = args.compound_members(tokens, ends, trig.tok_start, sentence)
        if len(fused) < 2:
            return []
        if any(t.surface == "首脳" for t in tokens[min(m.token_start for m in fused):trig.tok_end]):
            fused, rule = [self._leader(m, day) for m in fused], rule + "/leaders"
        return [(p, next((q for q in fused if q.actor_id != p.actor_id), None), rule + "/setting")
                for p in fused]

    def _participants(self, trig, sentence, tokens, ends, quoted, subject, rule, day):
        """「AとBは会談した」, 「AはBと会談」, 「米露首脳会談」: every participant acts;
        in a 首脳 compound the countries stand for their leaders."""
        partners = args.marked_before(sentence, tokens, ends, quoted, trig.tok_start, frozenset({"と"}))
        if subject:
            first = min(m.token_start for m in subject)
            partners = [m for m in partners if m.token_start > first]
        fused = args.compound_members(tokens, ends, trig.tok_start, sentence)
        if fused and rule.endswith("/heading"):
            subject, rule = [], rule[: -len("/heading")]  # the compound names the parties itself
        if fused and any(t.surface == "首脳" for t in tokens[min(m.token_start for m in fused):trig.tok_end]):
            fused = [self._leader(m, day) for m in fused]
            rule += "/leaders"
        people = args._unique(subject + partners + fused)
        if not people:
            return []
        suffix = "/compound" if fused and not subject else ""
        out = []
        for p in people:
            other = next((q for q in people if q.actor_id != p.actor_id), None)
            out.append((p, other, rule + suffix))
        return out


class _TopicCarry:
    """Subjects per sentence, and the topic a subjectless sentence inherits
    from the sentence before it in the same paragraph (「…と述べた。また、
    和平案を拒否した。」)."""

    def __init__(self, text, tokens, ends, quoted, grammar: Grammar,
                 date_index: DateIndex, sentences: list[Sentence]) -> None:
        self.text, self.tokens, self.ends, self.quoted = text, tokens, ends, quoted
        self.grammar, self.date_index, self.sentences = grammar, date_index, sentences
        self._sentence_starts = [x.start for x in sentences]
        self._cache: dict[int, list] = {}

    def subjects(self, sentence: Sentence) -> list:
        if sentence.start not in self._cache:
            self._cache[sentence.start] = args.subjects_in(
                sentence, self.tokens, self.ends, self.quoted, self.grammar)
        return self._cache[sentence.start]

    def before(self, sentence: Sentence) -> list[ActorMention]:
        """The main subject of the nearest earlier sentence of the paragraph
        that names one; an unnamed or non-actor topic there carries nothing."""
        k = bisect.bisect_left(self._sentence_starts, sentence.start)
        while k > 0:
            prev = self.sentences[k - 1]
            if self._breaks_paragraph(prev, sentence):
                return []
            main = self._main_subject(prev)
            if main is not None:
                return main
            k -= 1
        return []

    def _main_subject(self, sentence: Sentence) -> Optional[list[ActorMention]]:
        """Who the sentence is about: its last topic (in 「米国は…と、関係者は
        述べた」 the speaker), else its first が-subject still open at the
        sentence end; None when its actor was itself carried."""
        subs = self.subjects(sentence)
        topics = [x for x in subs if self.tokens[x.marker_i].surface in args.TOPIC_MARKERS]
        if topics:
            return topics[-1].mentions
        open_ = [x for x in subs if not args.clause_closed(self.tokens, x.marker_i, sentence.token_end, self.grammar)]
        return open_[0].mentions if open_ else None

    def _breaks_paragraph(self, prev: Sentence, sentence: Sentence) -> bool:
        """A blank line, or a new heading's section, between two sentences;
        a single line break does not: some sites put each sentence on its line."""
        gap = self.text[prev.end:sentence.start]
        if "\n" not in gap:
            return False
        if re.search(r"\n[ \t\u3000]*\r?\n", gap):
            return True
        return self.date_index.section_at(prev.start) is not self.date_index.section_at(sentence.start)

    def joint_heading(self, sentence: Sentence) -> list[ActorMention]:
        """The parties a date-headed item names together, for a joint action
        under it that names none: 「6月2日:露ウ代表団交渉」 … 「捕虜交換で合意した」."""
        heading = self._heading(sentence)
        if heading is None:
            return []
        group = args.first_group(heading, self.tokens, self.ends, self.quoted)
        return group if len(group) >= 2 else []

    def _heading(self, sentence: Sentence) -> Optional[Sentence]:
        """The heading of the dated section that holds ``sentence``, if another sentence."""
        section = self.date_index.section_at(sentence.start)
        if section is None:
            return None
        k = bisect.bisect_left(self._sentence_starts, section.start)  # the section opens with its heading
        heading = self.sentences[k] if k < len(self.sentences) else None
        return None if heading is None or heading.start == sentence.start else heading

    def heading_names_leaders(self, sentence: Sentence) -> bool:
        """「8月15日:米露首脳会談」: the heading's countries stand for their leaders."""
        heading = self._heading(sentence)
        return heading is not None and "首脳" in self.text[heading.start:heading.end]


def _in_other_clause(expr: DateExpr, trig: Trigger, token_at: dict[int, int],
                     tokens: list[Token], g: Grammar) -> bool:
    """A date before the trigger that belongs to a closed inner clause:
    「11月27日に設定した期限を撤回した」 dates the setting, not the withdrawal."""
    if expr.end > trig.start or expr.end not in token_at:
        return False
    first = token_at[expr.end] + 1  # the token after the date
    if first >= trig.tok_start or tokens[first].surface != "に":
        return False  # 「6日、北朝鮮が発射した…」, 「28日の会談が…」: the date is the main clause's
    end = next((i for i in range(first, trig.tok_start) if tokens[i].surface == "、"), trig.tok_start)
    return args.clause_closed(tokens, first - 1, end, g)


def _after_quotative(tokens: list[Token], i: int) -> bool:
    """「…と発表」, 「…と述べた」: the trigger at ``i`` reports what was said."""
    # UniDic tags the と of 「開くと発表」 as a conjunction; after a predicate it quotes
    return i > 1 and tokens[i - 1].surface == "と" and (
        tokens[i - 2].pos1 in ("動詞", "助動詞", "形容詞") or tokens[i - 2].surface in ("」", "』"))


def _as_date(value: str) -> Optional[date]:
    try:
        return date.fromisoformat(value if len(value) == 10 else value[:7] + "-01")
    except ValueError:
        return None


def _sentence_lookup(sentences: list[Sentence], n: int) -> list[Optional[Sentence]]:
    out: list[Optional[Sentence]] = [None] * n
    for s in sentences:
        out[s.token_start:s.token_end] = [s] * (s.token_end - s.token_start)
    return out


def _is_passive(tokens: list[Token], i: int) -> bool:
    """「提案された」 (する + れる) or 「求められる」 (a verb + られる) right after the trigger."""
    if i < len(tokens) and tokens[i - 1].pos1 == "動詞" and tokens[i].lemma in ("れる", "られる"):
        return True
    return (i + 1 < len(tokens) and tokens[i].lemma == "する" and tokens[i].surface == "さ"
            and tokens[i + 1].lemma in ("れる", "られる"))


def _object_of(text: str, tokens: list[Token], trig: Trigger) -> Optional[str]:
    """The noun run before 「を」 right before the trigger: 「和平案を拒否」 -> 和平案."""
    i = trig.tok_start - 1
    if i < 1 or tokens[i].surface != "を":
        return None
    j = i
    while j - 1 >= 0 and tokens[j - 1].pos1 in NOUNISH and i - (j - 1) <= 4:
        j -= 1
    if j == i or (j + 1 == i and tokens[j].lemma in FORMAL_NOUNS):
        return None  # 「出すことを求めた」: a nominalised clause, not a thing
    return text[tokens[j].start:tokens[i].start]


def _confidence(e: Event) -> float:
    c = 0.4
    c += {"explicit": 0.25, "section": 0.2, "anaphoric": 0.15, "inferred": 0.1}.get(e.date_basis, 0.0)
    c += 0.2 if not e.actor_id.startswith("X:") else 0.0
    c += min(0.15, 0.05 * (len(e.mentions) - 1))
    return round(min(c, 0.95), 2)
