"""Find predicate triggers: lexicon matches that stand as predicates.

A verb (述べた, 迫った) is a predicate by itself; a noun from the lexicon
(拒否, 会談) only where the clause uses it as one: 「拒否した」, 「和平案を
拒否」 at the end of a headline, 「協議を実施」, 「会談が行われ」, 「協議、進展
みられず」; not in 「中核部分の拒否で一致」 or 「協議は3時間に及んだ」.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from operator import or_

from ..tokenize import SPACE
from ..types import POS1_OF, SURFACE_OF, Sentence, Token
from .arguments import clause_closed
from .grammar import Grammar
from .lexicon import Matches, Predicate

CLAUSE_END = frozenset({"、", "。", "」", "』", "！", "？", ":", "：", "…", "(", "（"})  # ( : 「交渉(代表団レベル)」


@dataclass(frozen=True, slots=True)
class Trigger:
    predicate: Predicate
    tok_start: int
    tok_end: int
    start: int
    end: int
    # 「米国とウクライナの高官協議で…策定」: a meeting named as the setting of
    # another action took place; it counts only with the parties it names
    setting: bool = False
    # 「国家反汚職局の家宅捜索を受け」: the action is undergone; its agent is the の before it
    undergone: bool = False


def find_triggers(matches: Matches, tokens: list[Token], sentences: list[Sentence],
                  quoted: list[bool], g: Grammar) -> list[Trigger]:
    """All triggers in the document, in text order, one per token run
    (the longest lexicon match wins: 電話会談 over 会談)."""
    excluded = bytearray(len(tokens))
    for s, e in matches.exclusions:
        excluded[s:e] = b"\x01" * (e - s)
    found = {(s, e): pred for pred, s, e in matches.predicates if not any(excluded[s:e])}
    out: list[Trigger] = []
    sent_start, sent_end = _sentence_bounds(sentences, len(tokens))
    links = _link_lines(tokens, sentences, g)
    for s, e in _longest_first(found):
        if quoted[s] or links[s]:
            continue  # speech content is not the speaker's own action; a link is another story
        pred = found[(s, e)]
        if _stands_as_predicate(tokens, s, e, sent_end[s], g):
            trigger = Trigger(pred, s, e, tokens[s].start, tokens[e - 1].end)
        elif pred.type in SETTING_TYPES and _is_setting(tokens, e, sent_end[s], g):
            trigger = Trigger(pred, s, e, tokens[s].start, tokens[e - 1].end, setting=True)
        elif _is_undergone(tokens, e, sent_end[s], g):
            trigger = Trigger(pred, s, e, tokens[s].start, tokens[e - 1].end, undergone=True)
        else:
            continue
        if not _hypothetical(tokens, s, e, sent_start[s]):  # checked last: the dearest test
            out.append(trigger)
    return _drop_light_verbs(out, tokens, g)


def _longest_first(runs) -> list[tuple[int, int]]:
    """The (start, end) token runs that survive spacy.util.filter_spans (the
    longest, then the earliest, wins), in text order; on pairs, since a
    spaCy Span per match cost more than the filtering."""
    seen: set[int] = set()
    kept = []
    for s, e in sorted(runs, key=lambda r: (r[1] - r[0], -r[0]), reverse=True):
        if s not in seen and e - 1 not in seen:  # filter_spans checks the two ends
            kept.append((s, e))
            seen.update(range(s, e))
    return sorted(kept)


def _drop_light_verbs(triggers: list[Trigger], tokens: list[Token], g: Grammar) -> list[Trigger]:
    """In 「撤退を表明」 the event is the withdrawal: a trigger that only serves
    as the light verb of the noun trigger before it is dropped."""
    starts = {t.tok_start: t for t in triggers}
    drop = set()
    for t in triggers:
        nxt = t.tok_end
        if nxt + 1 < len(tokens) and tokens[nxt].surface == "を" and nxt + 1 in starts \
                and tokens[nxt + 1].lemma in g.light_verbs_wo:
            drop.add(nxt + 1)
    return [t for t in triggers if t.tok_start not in drop]


def _sentence_bounds(sentences: list[Sentence], n: int) -> tuple[list[int], list[int]]:
    """For each token, the first token of its sentence and the one past its last."""
    starts, ends = [0] * n, [n] * n
    for s in sentences:
        starts[s.token_start:s.token_end] = [s.token_start] * (s.token_end - s.token_start)
        ends[s.token_start:s.token_end] = [s.token_end] * (s.token_end - s.token_start)
    return starts, ends


def _link_lines(tokens: list[Token], sentences: list[Sentence], g: Grammar) -> bytearray:
    """True for the tokens of a sentence that opens with 「関連記事:」 and the like."""
    out = bytearray(len(tokens))
    prefixes = tuple(g.link_line_prefixes)
    for s in sentences:
        head = "".join(map(SURFACE_OF, tokens[s.token_start:s.token_start + 6]))
        if head.startswith(prefixes):
            out[s.token_start:s.token_end] = b"\x01" * (s.token_end - s.token_start)
    return out


SETTING_TYPES = frozenset({"CONSULT"})


def _is_setting(tokens: list[Token], e: int, limit: int, g: Grammar) -> bool:
    """「協議で」, 「会談では」, 「会談後」: the meeting is where, or after which,
    something else happened; not where a relative clause says something was
    done (「協議で策定された和平案」 is background, of no known date)."""
    nxt = _next(tokens, e, limit)
    if nxt is None:
        return False
    if nxt.surface == "後":
        return True
    if nxt.surface != "で" or nxt.pos1 != "助詞":
        return False
    end = next((i for i in range(nxt.i, limit) if tokens[i].surface in ("、", "。")), limit)
    return not clause_closed(tokens, nxt.i, end, g)


def _is_undergone(tokens: list[Token], e: int, limit: int, g: Grammar) -> bool:
    """「捜索を受け」, 「攻撃を受けた」: a noun trigger undergone by the subject."""
    nxt = _next(tokens, e, limit)
    return (nxt is not None and nxt.surface == "を" and nxt.i + 1 < limit
            and tokens[nxt.i + 1].lemma in g.undergo_verbs)


CONDITIONALS = frozenset({"ば", "たら", "なら"})
CONJECTURES = ("だろう", "でしょう", "かもしれない")


def _hypothetical(tokens: list[Token], s: int, e: int, first: int) -> bool:
    """A condition or its outcome, or a guess, is no event (GUIDELINES: purely
    hypothetical outcomes): 「受け入れなければ」, 「拒否すれば制裁を科す」,
    「拒否するだろう」. The outcome clause ends at a quotative と, so in
    「…打ち切ると警告した」 the warning itself stands."""
    j = e
    while j < min(len(tokens), e + 3) and tokens[j].lemma in ("する", "た"):
        j += 1  # 拒否|する|だろう, 拒否|し|た|だろう
    if "".join(t.surface for t in tokens[j:j + 4]).startswith(CONJECTURES):
        return True
    for t in tokens[e:e + 3]:
        if t.surface in CONDITIONALS and t.pos1 in ("助詞", "助動詞"):
            return True
        if t.pos1 not in ("動詞", "助動詞") or t.lemma not in ("する", "ない", "れる", "られる"):
            break
    if any(t.lemma == "ない" for t in tokens[s:e + 4]):
        return False  # 「進展がなければ停戦は受け入れられない」: a refusal stated now
    for i in range(s - 1, first - 1, -1):
        t = tokens[i]
        if t.surface in ("。", "と", "」"):
            return False
        if t.surface in CONDITIONALS and t.pos1 in ("助詞", "助動詞") and tokens[i - 1].surface != "よれ":
            return True  # 「によれば」 names a source
    return False


def _next(tokens: list[Token], i: int, limit: int) -> Token | None:
    while i < limit and tokens[i].pos1 == SPACE and "\n" not in tokens[i].surface:
        i += 1
    return tokens[i] if i < limit else None


def _stands_as_predicate(tokens: list[Token], s: int, e: int, limit: int, g: Grammar) -> bool:
    if _modifies_noun(tokens, e, limit, g):
        return False  # 「米国が提示した和平案」: a relative clause describes, it does not report
    last = tokens[e - 1]
    if last.pos1 in ("動詞", "助動詞", "形容詞"):
        return True
    nxt = _next(tokens, e, limit)
    if nxt is not None and nxt.surface in ("」", "』"):
        return False  # a term in quotation marks: 「最終提案」ではない (speech is masked before)
    if nxt is None or nxt.surface in CLAUSE_END or nxt.pos1 == SPACE:
        return True  # headline style: 「プーチン氏、和平案を拒否」
    if nxt.pos1 == "動詞" and nxt.lemma in ("する", "為る"):
        return True
    if nxt.surface in g.plan_nouns:
        return True  # 会談予定
    if nxt.surface == "を":
        return _first_verb(tokens, nxt.i + 1, limit, g) in g.light_verbs_wo
    if nxt.surface == "が":
        return _first_verb(tokens, nxt.i + 1, limit, g) in g.light_verbs_ga
    if nxt.surface == "に":
        return _first_verb(tokens, nxt.i + 1, limit, g) in g.light_verbs_ni
    return False


def _first_verb(tokens: list[Token], i: int, limit: int, g: Grammar) -> str | None:
    """Lemma of the first verb of the rest of the clause: in 「協議をアブダビで
    行った」 after を, 行う; None when the clause ends first."""
    for t in tokens[i:min(limit, i + 10)]:
        if t.surface in CLAUSE_END:
            return None
        if t.pos1 == "動詞" or t.lemma in g.light_verbs:
            return t.lemma  # a verb, or a サ変 noun light verb: 実施(した), 表明(した)
    return None


def _modifies_noun(tokens: list[Token], e: int, limit: int, g: Grammar) -> bool:
    """True when the predicate ending at ``e`` closes a relative clause or a
    nominalised clause: 「提示した和平案」, 「削減すること」, 「拒否した内容」."""
    i = e
    if i < limit and tokens[i].lemma in ("する", "為る") and tokens[i].pos1 == "動詞":
        i += 1
    elif (i + 1 < limit and tokens[i].surface in ("を", "が", "に")
          and tokens[i + 1].lemma in g.light_verbs | g.light_verbs_ni):
        i += 2  # 「電話会談を行ったトランプ氏」
        if i < limit and tokens[i].lemma in ("する", "為る"):
            i += 1
    elif tokens[e - 1].pos1 != "動詞":
        return False  # a bare noun trigger is not a clause of its own
    while i < limit and (tokens[i].pos1 == "助動詞" or tokens[i].surface in ("て", "い", "いる", "き", "しまっ")):
        i += 1
    if i >= limit:
        return False
    nxt = tokens[i]
    if nxt.surface in g.complement_markers:
        return True  # 「合意するよう圧力をかけた」: the pressure is the event, not the agreement
    # 形状詞: 可能(性); 連体詞: 「要請したこの当局者」
    return nxt.pos1 in ("名詞", "形状詞", "連体詞") and nxt.surface not in g.modal_nouns


_QUOTE_MARKS = frozenset("「『」』")
_QUOTE_POS = frozenset({SPACE, "動詞", "助動詞"})


def quote_mask(tokens: list[Token]) -> list[bool]:
    """True for tokens inside quoted speech: a 「…」 or 『…』 that holds a
    predicate (a verb or auxiliary). A quote of a mere name or term
    (「有志連合」は…, 『パリ宣言』) is no speech and stays open to matching.
    A quote may span sentences; a line break closes any quote left open."""
    mask = [False] * len(tokens)
    depth, opened, speech = 0, -1, False
    # only quotation marks, line breaks and predicates matter: find them in one C-level pass
    for t in compress(tokens, map(or_, map(_QUOTE_MARKS.__contains__, map(SURFACE_OF, tokens)),
                                  map(_QUOTE_POS.__contains__, map(POS1_OF, tokens)))):
        if t.surface in ("「", "『"):
            if depth == 0:
                opened, speech = t.i, False
            depth += 1
        elif depth and (t.surface in ("」", "』") or (t.pos1 == SPACE and "\n" in t.surface)):
            depth = 0 if t.pos1 == SPACE else depth - 1
            if depth == 0 and speech:
                mask[opened:t.i] = [True] * (t.i - opened)
        elif depth and t.pos1 in ("動詞", "助動詞"):
            speech = True
    if depth and speech:  # a quote still open at the end of the text
        mask[opened:] = [True] * (len(tokens) - opened)
    return mask
