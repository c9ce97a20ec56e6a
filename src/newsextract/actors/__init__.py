"""Actor recognizer: gazetteer names, abbreviations, coreference, bare titles
and provisional (unknown) names, as ``ActorMention`` spans into the text.

>>> rec = ActorRecognizer.from_rules_dir(Path("rules"), tokenizer.vocab)
>>> [m.actor_id for m in rec(text, tokens, doc, sentences, dct)]   # 「ロシアのプーチン大統領は米ロ…」
['PUTIN', 'USA', 'RUS']
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..tokenize import Tokenizer
from ..types import START_OF, ActorMention, Sentence, Token
from .coref import Resolver
from .gazetteer import Entry, Gazetteer, Role
from .lexicon import LEXICON_FILE, Lexicon
from .matcher import GazetteerMatcher
from .spans import Cand
from .unknown import find_unknown

__all__ = ["ActorRecognizer", "Entry", "Gazetteer", "Lexicon", "Role"]

ACTORS_DIR = "actors"


class ActorRecognizer:
    """Load once (``from_rules_dir``), then call once per article."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon, vocab: Vocab,
                 tokenizer: Optional[Tokenizer] = None):
        self.gazetteer, self.lexicon = gazetteer, lexicon
        tok = tokenizer or Tokenizer()
        # patterns are tokenized exactly like articles, so token i matches token i
        self.matcher = GazetteerMatcher(gazetteer, lexicon, vocab, tok.tokens)
        self.resolver = Resolver(gazetteer, lexicon)

    @classmethod
    def from_rules_dir(cls, rules_dir: Path, vocab: Vocab,
                       tokenizer: Optional[Tokenizer] = None) -> "ActorRecognizer":
        """``rules_dir`` is ``rules/`` (or ``rules/actors`` itself); raises RuleError."""
        d = Path(rules_dir)
        if (d / ACTORS_DIR).is_dir():
            d = d / ACTORS_DIR
        return cls(Gazetteer.load_dir(d), Lexicon.load(d / LEXICON_FILE), vocab, tokenizer)

    def __call__(self, text: str, tokens: list[Token], doc: Doc, sentences: list[Sentence],
                 dct: Optional[date]) -> list[ActorMention]:
        sent_starts = {s.token_start for s in sentences}
        starts = list(map(START_OF, tokens))
        cands = self.matcher(text, doc, tokens, starts, sent_starts)
        covered = bytearray(len(tokens))
        for c in cands:
            covered[c.s:c.e] = b"\x01" * (c.e - c.s)
        prov = find_unknown(text, tokens, starts, covered, self.lexicon)
        for c in prov:  # a known name MeCab cut in an unseen way: still known
            ids = self.gazetteer.by_surface.get(c.name or "")
            if ids:
                c.actor_id, c.via, c.name, c.actor_type = ids[0], "gazetteer", None, None
        for c in prov:
            covered[c.s:c.e] = b"\x01" * (c.e - c.s)
        cands = sorted(cands + prov, key=lambda c: c.s)
        more = self.resolver(tokens, cands, covered, dct)
        out = [self._mention(text, tokens, c) for c in cands + more]
        out.sort(key=lambda m: (m.start, m.end))
        return out

    def _mention(self, text: str, tokens: list[Token], c: Cand) -> ActorMention:
        if c.char_s >= 0:  # one member of a split token: 米ロ -> ロ
            start, end = c.char_s, c.char_e
            head = start
        else:
            start, end = tokens[c.s].start, tokens[c.e - 1].end
            head = tokens[c.head].start if c.head >= 0 else start
        entry = self.gazetteer.entries.get(c.actor_id)
        if entry is None:  # provisional, or a coref to one
            return ActorMention(start, end, text[start:end], c.actor_id, c.name or c.actor_id,
                                c.actor_type or "person", c.via, False, head, c.s, c.e)
        return ActorMention(start, end, text[start:end], entry.id, entry.name, entry.type,
                            c.via, True, head, c.s, c.e)
