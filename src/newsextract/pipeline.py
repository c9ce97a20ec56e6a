"""The pipeline, stage by stage: tokenize -> dates -> actors -> relations.

    pipe = Pipeline.from_rules_dir(Path("rules"))
    analysis = pipe.analyze(text, dct=date(2025, 12, 2))

Everything is loaded once (fugashi tagger, rule matchers) and reused for
every article; the stages share the token list and the spaCy ``Doc``.
"""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Optional, Sequence

from . import __version__
from .actors import ActorRecognizer
from .dates import DateRecognizer
from .relations import RelationExtractor
from .tokenize import Tokenizer, split_sentences
from .types import Analysis, StoryDate

DEFAULT_RULES = Path(__file__).resolve().parents[2] / "rules"


def rules_fingerprint(rules_dir: Optional[Path] = None) -> str:
    """A hash of every rule file and of the code version: an article extracted
    under another fingerprint is re-extracted even when its file is unchanged."""
    root = Path(rules_dir or default_rules_dir())
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def default_rules_dir() -> Path:
    """rules/ of the checkout (the package is installed editable from it)."""
    return DEFAULT_RULES


def check_rules(rules_dir: Optional[Path] = None) -> None:
    """Validate every rule file without loading the tagger (cheap: a parent
    process checks before it starts workers); raises errors.RuleError."""
    from spacy.vocab import Vocab

    from .actors.gazetteer import Gazetteer
    from .actors.lexicon import Lexicon as ActorLexicon
    from .dates.rules import load_rules
    from .relations.lexicon import Lexicon
    rules_dir = Path(rules_dir or default_rules_dir())
    load_rules(rules_dir)
    Gazetteer.load_dir(rules_dir / "actors")
    ActorLexicon.load(rules_dir / "actors" / "lexicon.json")
    Lexicon.from_rules_dir(rules_dir, Vocab())


class Pipeline:
    def __init__(self, tokenizer: Tokenizer, dates: DateRecognizer, actors: ActorRecognizer,
                 relations: RelationExtractor) -> None:
        self.tokenizer = tokenizer
        self.dates = dates
        self.actors = actors
        self.relations = relations

    @classmethod
    def from_rules_dir(cls, rules_dir: Optional[Path] = None) -> "Pipeline":
        """Load and validate every rule file; raises errors.RuleError."""
        rules_dir = Path(rules_dir or default_rules_dir())
        tokenizer = Tokenizer()
        actors = ActorRecognizer.from_rules_dir(rules_dir, tokenizer.vocab, tokenizer)
        gazetteer = actors.gazetteer

        def leader(country: str, day: Optional[date]):
            actor_id = gazetteer.leader_of(country, day)
            return (actor_id, gazetteer[actor_id].name) if actor_id else None

        return cls(tokenizer, DateRecognizer.from_rules_dir(rules_dir), actors,
                   RelationExtractor.from_rules_dir(rules_dir, tokenizer.vocab, leader))

    def analyze(self, text: str, dct: Optional[date],
                stories: Sequence[StoryDate] = ()) -> Analysis:
        tokens = self.tokenizer.tokens(text)
        doc = self.tokenizer.doc(tokens)
        sentences = split_sentences(text, tokens)
        dates, sections = self.dates(text, dct)
        actors = self.actors(text, tokens, doc, sentences, dct)
        events = self.relations(text, tokens, doc, sentences, dates, sections, actors, dct, stories)
        return Analysis(text, dct, tokens, sentences, dates, sections, actors, events)
