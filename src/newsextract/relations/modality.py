"""Modality of an event from markers after its trigger or in its sentence.

「会談する予定だ」 -> planned, 「合意に至らなかった」 -> negated,
「拒否したとされる」 and 「関係者によると…」 -> reported, else asserted.
"""
from __future__ import annotations

from ..types import Sentence, Token
from .lexicon import Matches

WINDOW = 6  # tokens after a trigger that a marker may stand in
PRECEDENCE = ("negated", "planned", "reported")
_STOP = frozenset({"、", "。", "」"})


class ModalityIndex:
    def __init__(self, matches: Matches, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.after: list[tuple[int, str]] = []
        self.sentence: list[tuple[int, str]] = []
        for marker, s, _e in matches.markers:
            (self.after if marker.scope == "after" else self.sentence).append((s, marker.modality))

    def modality(self, sentence: Sentence, tok_end: int) -> str:
        found = set()
        for s, modality in self.after:
            if tok_end <= s < tok_end + WINDOW and not any(
                    t.surface in _STOP for t in self.tokens[tok_end:s]):
                found.add(modality)
        for s, modality in self.sentence:
            if sentence.token_start <= s < sentence.token_end:
                found.add(modality)
        for m in PRECEDENCE:
            if m in found:
                return m
        return "asserted"
