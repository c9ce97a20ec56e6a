"""Who acts and at whom, from the particles around actor mentions.

The actor is the は/が/も subject or topic before the trigger; a topic
carries across the clauses of its sentence (「X氏は21日、…と述べ、…を拒否
した」 gives X twice). 「AとBは」 and 「A、Bが」 make a group. A headline names
its actor with a comma: 「プーチン氏、和平案を拒否」. In a passive
(「Xから提案された」) the から/によって agent acts.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..tokenize import SPACE
from ..types import ActorMention, Sentence, Token
from .grammar import Grammar

SUBJECT_MARKERS = frozenset({"は", "が", "も"})
# A topic (は, or the comma after a headline's actor) spans the whole sentence;
# a が-subject only its own clause.
TOPIC_MARKERS = frozenset({"は", "、"})
JOINERS = frozenset({"と", "や", "、", "・", "および", "及び"})
TARGET_MARKERS = frozenset({"に", "へ", "と"})
AGENT_MARKERS = (("から",), ("によって",), ("に", "よっ", "て"), ("に", "より"))
HEADLINE_BREAKS = frozenset({":", "：", "\n"})
COMPOUND_LINKS = (("と", "の"), ("に", "よる"), ("の",), ("による",), ("との",))  # longest first


@dataclass(slots=True)
class Subject:
    mentions: list[ActorMention]
    marker_i: int  # token index of the particle
    thing: bool = False  # a topic that is no actor: 「協議は」, 「和平案では」


def by_token(mentions: list[ActorMention]) -> dict[int, list[ActorMention]]:
    """Mentions keyed by the token where each ends (exclusive end index)."""
    out: dict[int, list[ActorMention]] = {}
    for m in mentions:
        out.setdefault(m.token_end, []).append(m)
    return out


def subjects_in(sentence: Sentence, tokens: list[Token], ends: dict[int, list[ActorMention]],
                quoted: list[bool], g: Grammar) -> list[Subject]:
    """Subject groups of a sentence, in order: mentions followed by は/が/も,
    or a mention that opens a headline followed by 、."""
    out: list[Subject] = []
    first = _first_content(sentence, tokens)
    for i in range(sentence.token_start + 1, sentence.token_end):
        t = tokens[i]
        if quoted[i]:
            continue
        if out and out[-1].marker_i == i:
            continue  # the particle of 「米高官らは」, taken with its mention
        if i not in ends:
            if t.surface in SUBJECT_MARKERS and (group := _officials_of(tokens, ends, i, sentence, g)):
                out.append(Subject(_with_joined(group, tokens, ends, sentence), i))
            elif t.surface in SUBJECT_MARKERS and _unnamed_before(tokens, i, g):
                out.append(Subject([], i))
            elif not out and t.surface == "は" and t.pos2 == "係助詞" and _thing_topic(tokens, i):
                out.append(Subject([], i, thing=True))  # 「和平案では、…求めている」: the topic is no actor
            continue
        group = ends[i]
        i = _past_parenthesis(tokens, i, sentence)
        t = tokens[i]
        if t.surface in g.plural_suffixes and i + 1 < sentence.token_end:
            i, t = i + 1, tokens[i + 1]  # 「ウィトコフ特使らは」
        elif t.surface in ("」", "』") and i + 1 < sentence.token_end:
            i, t = i + 1, tokens[i + 1]  # 「「有志連合」は」: a name in quotation marks
        if t.surface in SUBJECT_MARKERS or (t.surface == "側" and _next_is(tokens, i + 1, SUBJECT_MARKERS)):
            out.append(Subject(_with_joined(group, tokens, ends, sentence), i))
        elif t.surface == "、" and min(m.token_start for m in group) == first:
            out.append(Subject(_with_joined(group, tokens, ends, sentence), i))
        elif t.pos1 != "助詞" and _opens_headline_part(tokens, min(m.token_start for m in group), sentence):
            out.append(Subject(group, i))  # 「… トランプ氏27日までの合意要求」
    for subject in out:
        if tokens[subject.marker_i].surface == "が" and subject.mentions:
            subject.mentions = _with_sides(subject.mentions, tokens, ends, sentence)
    return out


def _with_sides(group: list[ActorMention], tokens: list[Token],
                ends: dict[int, list[ActorMention]], sentence: Sentence) -> list[ActorMention]:
    """「米側はA、ウクライナ側はBが参加」: A takes part with B. Walk back over
    「X側はA、」 pairs before a が-subject that follows 「側は」."""
    members = list(group)
    start = min(m.token_start for m in group)
    while start - 2 > sentence.token_start and _side_topic_before(tokens, start):
        # the country before 側は: 「米側」 is one mention, 「米|側」 two tokens
        side = next((ends[j] for j in (start - 1, start - 2) if j in ends), None)
        if side is None:
            break
        comma = min(m.token_start for m in side) - 1
        if comma <= sentence.token_start or tokens[comma].surface != "、" or comma not in ends:
            break
        previous = ends[comma]
        start = min(m.token_start for m in previous)
        if not _side_topic_before(tokens, start):
            break
        members = previous + members
    return _unique(members)


def _side_topic_before(tokens: list[Token], i: int) -> bool:
    return i >= 2 and tokens[i - 1].surface == "は" and tokens[i - 2].surface.endswith("側")  # 側, 米側


def _opens_headline_part(tokens: list[Token], start: int, sentence: Sentence) -> bool:
    """A headline (no 。) runs parts together with spaces: a name that opens a
    part is its actor, with no particle."""
    return (start > sentence.token_start and tokens[start - 1].pos1 == SPACE
            and not any(t.surface == "。" for t in tokens[sentence.token_start:sentence.token_end]))


def _past_parenthesis(tokens: list[Token], i: int, sentence: Sentence) -> int:
    """Skip a short aside after a name: 「ウィッカー委員長(共和党)は」 -> the は."""
    if tokens[i].surface not in ("(", "（"):
        return i
    for j in range(i + 1, min(i + 12, sentence.token_end - 1)):
        if tokens[j].surface in (")", "）"):
            return j + 1
    return i


def _unnamed_before(tokens: list[Token], i: int, g: Grammar) -> bool:
    """「関係者は」, 「米政府関係者は」, 「関係者などは」, 「関係者2人が」: the
    particle at ``i`` follows an unnamed speaker."""
    if i > 1 and tokens[i - 1].surface in g.plural_suffixes:
        i -= 1
    elif i > 2 and tokens[i - 2].pos2 == "数詞" and tokens[i - 1].pos1 in ("接尾辞", "名詞"):
        i -= 2  # a count: 2人, 3名
    prev = tokens[i - 1]
    return prev.surface in g.unnamed_subjects or (
        prev.pos1 == "接尾辞" and tokens[i - 2].surface + prev.surface in g.unnamed_subjects)


def _thing_topic(tokens: list[Token], i: int) -> bool:
    """「和平案は」, 「和平案では」: a common noun, not a date or an adverbial noun."""
    j = i - 1 if tokens[i - 1].surface != "で" else i - 2
    t = tokens[j] if j >= 0 else None
    return (t is not None and t.pos1 in ("名詞", "接尾辞") and t.pos2 not in ("数詞", "副詞可能", "助数詞可能")
            and t.pos3 != "助数詞")


def _officials_of(tokens: list[Token], ends: dict[int, list[ActorMention]], i: int,
                  sentence: Sentence, g: Grammar) -> list[ActorMention]:
    """「英国・フランス・ドイツの政府高官も」 -> the governments named before の."""
    j, words = i, ""
    while j - 1 > sentence.token_start and tokens[j - 1].pos1 in ("名詞", "接尾辞") and len(words) < 6:
        j -= 1
        words = tokens[j].surface + words
        if words in g.official_nouns and tokens[j - 1].surface == "の" and j - 1 in ends:
            return [m for m in ends[j - 1] if m.actor_type in ("country", "igo")]
    return []


def _next_is(tokens: list[Token], i: int, words: frozenset[str]) -> bool:
    return i < len(tokens) and tokens[i].surface in words


def _first_content(sentence: Sentence, tokens: list[Token]) -> int:
    """Index of the first token after a leading list marker and date heading:
    in 「④11月27日:プーチン氏、…」 the token of プーチン."""
    i = sentence.token_start
    for j in range(sentence.token_start, min(sentence.token_end, sentence.token_start + 12)):
        if tokens[j].surface in HEADLINE_BREAKS:
            i = j + 1
            break
    while i < sentence.token_end and (tokens[i].pos1 in ("補助記号", SPACE) or _date_word(tokens, i)):
        i += 1  # 「• 11月22日トランプ氏、…」: a date with no colon after it
    return i


def _date_word(tokens: list[Token], i: int) -> bool:
    """A number, or 年/月/日 right after one (not the 日 of 日米)."""
    return tokens[i].pos2 == "数詞" or (
        tokens[i].surface in ("年", "月", "日") and i > 0 and tokens[i - 1].pos2 == "数詞")


def _with_joined(group: list[ActorMention], tokens: list[Token],
                 ends: dict[int, list[ActorMention]], sentence: Sentence) -> list[ActorMention]:
    """Extend a subject back over 「AとB」, 「A、B」, 「A・B」 to every member."""
    members = list(group)
    start = min(m.token_start for m in group)
    while (j := _joined_at(tokens, ends, start, sentence)) is not None:
        prev = ends[j]
        members = prev + members
        start = min(m.token_start for m in prev)
    return _unique(members)


def _joined_at(tokens: list[Token], ends: dict[int, list[ActorMention]], start: int,
               sentence: Sentence) -> int | None:
    """Where the mention joined to the one at ``start`` ends: 「AとB」, 「A、B」,
    and with an appositive title between, 「Aと、特使のB」. None if there is none."""
    j = start
    if j - 1 > sentence.token_start and tokens[j - 1].surface == "の":  # 特使の
        k = j - 2
        while k > sentence.token_start and tokens[k].pos1 in ("名詞", "接尾辞") and k not in ends and j - 2 - k < 3:
            k -= 1
        if k + 1 < j - 1 and k + 1 not in ends and tokens[k].surface in JOINERS:
            j = k + 1
    if j - 2 > sentence.token_start and tokens[j - 1].surface == "、" and tokens[j - 2].surface == "と":
        j -= 1  # 「Aと、B」
    if j - 1 > sentence.token_start and tokens[j - 1].surface in JOINERS and j - 1 in ends:
        return j - 1
    return None


def clause_closed(tokens: list[Token], start: int, end: int, g: Grammar, quotes: bool = True) -> bool:
    """True when a predicate between ``start`` and ``end`` closes the clause of a
    が-subject: into a noun (「米ロが策定した和平案」, 「同意しない場合」) or a quote
    (「米国が支持したと述べた」); the subject then belongs to that inner clause.
    An adjective before a noun (「新たな和平案」) closes nothing."""
    for i in range(start + 1, end - 1):
        t, nxt = tokens[i], tokens[i + 1]
        # a verb ends a relative clause in its dictionary form; 「捜索を受け汚職疑惑で辞任」
        # has a continuative 受け (surface differs from the lemma): the clause goes on
        predicate_end = (t.pos1 == "動詞" and t.surface == t.lemma) or (
            t.pos1 == "助動詞" and t.surface not in ("な", "の"))
        if predicate_end and _compound_particle(tokens, i, g):
            continue  # 「黒海における航行」, 「和平に向けた措置」: a particle, no clause
        if predicate_end and (
                (nxt.pos1 in ("名詞", "形状詞", "連体詞") and nxt.surface not in g.modal_nouns)
                or (nxt.surface == "と" and nxt.pos2 in ("格助詞", "接続助詞"))):
            return True
        if quotes and t.surface in ("」", "』") and nxt.surface == "と":
            return True  # 「プーチン氏が「真剣に考えている」と強調」: the quote closes the clause
    return False


def _compound_particle(tokens: list[Token], i: int, g: Grammar) -> bool:
    """True when the token at ``i`` ends 「における」, 「に関する」, 「に向けた」,
    「を巡る」 …: a verb grammaticalised into a particle."""
    verb = i - 1 if tokens[i].pos1 == "助動詞" else i
    return (verb >= 1 and tokens[verb].pos1 == "動詞" and tokens[verb].lemma in g.particle_verbs
            and tokens[verb - 1].surface in ("に", "を"))


def marked_before(sentence: Sentence, tokens: list[Token], ends: dict[int, list[ActorMention]],
                  quoted: list[bool], upto: int, markers: frozenset[str]) -> list[ActorMention]:
    """Mentions in the sentence before token ``upto`` followed by one of
    ``markers``, not by a particle then の (「ロシアとの戦争」, 「米国への支援」
    modify a noun)."""
    out = []
    for i in range(sentence.token_start + 1, upto):
        if i in ends and not quoted[i] and tokens[i].surface in markers \
                and not (i + 1 < upto and tokens[i + 1].surface == "の"):
            out.extend(ends[i])
    return out


def agent_of_passive(sentence: Sentence, tokens: list[Token], ends: dict[int, list[ActorMention]],
                     quoted: list[bool], upto: int) -> list[ActorMention]:
    """The から/によって agent of a passive predicate: 「米国から提案された」."""
    for i in range(upto - 1, sentence.token_start, -1):
        if i not in ends or quoted[i]:
            continue
        words = tuple(t.surface for t in tokens[i:i + 3])
        if any(words[:len(a)] == a for a in AGENT_MARKERS):
            return ends[i]
    return []


def compound_members(tokens: list[Token], ends: dict[int, list[ActorMention]],
                     trigger_start: int, sentence: Sentence) -> list[ActorMention]:
    """Actors fused into the trigger's noun compound or linked to it by
    の/による/との: 「米露首脳会談」, 「ウクライナと米国による高官協議」, 「日中の協議」."""
    cut = tokens[trigger_start].start
    straddling = [replace(m, end=cut, text=m.text[:cut - m.start], token_end=trigger_start)
                  for j in (trigger_start + 1, trigger_start + 2) for m in ends.get(j, ())
                  if m.token_start < trigger_start]
    if straddling:  # 「米ウ首脳会談」: the mention ウ首脳 shares 首脳 with the trigger 首脳会談; keep ウ
        ends = {**ends, trigger_start: straddling}
    i = _skip_nouns(tokens, ends, trigger_start, sentence)  # 首脳, 高官 between the actors and 会談
    if i not in ends:
        for link in COMPOUND_LINKS:  # 「米ロ首脳の電話会談」, 「AとBによる協議」
            k = len(link)
            if i - k > sentence.token_start and tuple(t.surface for t in tokens[i - k:i]) == link:
                i -= k
                if i - 1 > sentence.token_start and tokens[i - 1].surface in ("のみ", "だけ"):
                    i -= 1  # 「米露のみの停戦協議」
                i = _skip_nouns(tokens, ends, i, sentence)
                break
        if i not in ends:
            return []
    members: list[ActorMention] = []
    while i in ends:
        group = ends[i]
        members = group + members
        start = min(m.token_start for m in group)
        if start - 1 > sentence.token_start and tokens[start - 1].surface in JOINERS and start - 1 in ends:
            i = start - 1
        elif start in ends and start != i:
            i = start
        else:
            break
    return _unique(members)


def _skip_nouns(tokens: list[Token], ends: dict[int, list[ActorMention]], i: int,
                sentence: Sentence, most: int = 2) -> int:
    """Step back over up to ``most`` nouns that are not the end of an actor."""
    skipped = 0
    while (skipped < most and i not in ends and i - 1 > sentence.token_start
           and tokens[i - 1].pos1 in ("名詞", "接尾辞", "接頭辞", "形状詞")):
        i, skipped = i - 1, skipped + 1
    return i


def _unique(mentions: list[ActorMention]) -> list[ActorMention]:
    seen, out = set(), []
    for m in mentions:
        if m.actor_id not in seen:
            seen.add(m.actor_id)
            out.append(m)
    return out



def first_group(sentence: Sentence, tokens: list[Token], ends: dict[int, list[ActorMention]],
                quoted: list[bool]) -> list[ActorMention]:
    """The first run of actors in a sentence joined directly or by と/・/、:
    「露ウ代表団交渉」 -> RUS, UKR; 「ウクライナと米国による高官協議」 -> UKR, USA."""
    group: list[ActorMention] = []
    last_end = -1
    for i in range(sentence.token_start + 1, sentence.token_end + 1):
        if i not in ends or quoted[i - 1]:
            continue
        mentions = [m for m in ends[i] if m.actor_type in ("country", "person", "igo", "armed_group")]
        if not mentions:
            continue
        start = min(m.token_start for m in mentions)
        if group and not (start == last_end or (start == last_end + 1 and tokens[last_end].surface in JOINERS)):
            break
        group += mentions
        last_end = i
    return _unique(group)
