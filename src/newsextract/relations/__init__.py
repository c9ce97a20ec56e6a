"""Relation extraction: typed, dated events from triggers, actors and dates."""
from .extractor import RelationExtractor
from .lexicon import Lexicon

__all__ = ["RelationExtractor", "Lexicon"]
