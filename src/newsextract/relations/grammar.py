"""Function words the relation extractor reads clause structure by, from
rules/predicates/grammar.json: light verbs (協議を「実施」), plan nouns
(会談する「予定」), unnamed speakers (「関係者」は), officials of a government
(英国の「政府高官」も) …"""
from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path

from ..errors import RuleError


@dataclass(frozen=True)
class Grammar:
    light_verbs_wo: frozenset[str]  # 「協議を実施」: N を + these is the predicate N
    light_verbs_ga: frozenset[str]  # 「会談が行われ」
    light_verbs_ni: frozenset[str]  # 「合意に至った」, 「合意には至らなかった」
    plan_nouns: frozenset[str]  # 「会談予定」: a noun trigger followed by these stands as a predicate
    modal_nouns: frozenset[str]  # 「会談する予定だ」: no relative clause before these
    complement_markers: frozenset[str]  # 「合意するよう求めた」: the predicate before is content
    plural_suffixes: frozenset[str]  # 「特使らは」, 「ロシア・ウクライナ双方が」
    unnamed_subjects: frozenset[str]  # 「関係者は」: a subject with no actor
    official_nouns: frozenset[str]  # 「英国の政府高官も」: officials act for their government
    undergo_verbs: frozenset[str]  # 「家宅捜索を受け」: N を + these, N's agent is the の before it
    particle_verbs: frozenset[str]  # 「黒海における」, 「和平に向けた」: after に/を these are particles
    link_line_prefixes: frozenset[str]  # 「関連記事:…」: a line that links another story reports no event

    @property
    def light_verbs(self) -> frozenset[str]:
        return self.light_verbs_wo | self.light_verbs_ga

    @classmethod
    def load(cls, path: Path) -> "Grammar":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise RuleError(path, "rule file missing") from None
        except json.JSONDecodeError as exc:
            raise RuleError(path, f"invalid JSON: {exc.msg}", exc.lineno) from None
        names = {f.name for f in fields(cls)}
        unknown = set(data) - names - {"_comment"}
        if unknown:
            raise RuleError(path, f"unknown key(s): {', '.join(sorted(unknown))}")
        values = {}
        for name in sorted(names):
            words = data.get(name)
            if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
                raise RuleError(path, f"'{name}' must be a non-empty list of words")
            values[name] = frozenset(words)
        return cls(**values)
