"""``actors suggest``: gazetteer rows for provisional actors seen often.

>>> suggest([[m1, m2], [m3]], min_count=2)   # 「ソムサック報道官」 three times
[{"id": "SOMUSAKKU", "name": "ソムサック", "type": "person", "surfaces": ["ソムサック"], "note": "…"}]

The rows follow rules/actors/README.md and load as they are; a person still
wants its ``affiliation`` and ``roles`` filled in by hand (the note says which
titles were seen).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable

from ..types import ActorMention
from .unknown import PREFIX

_KANA = {
    "ア": "A", "イ": "I", "ウ": "U", "エ": "E", "オ": "O", "カ": "KA", "キ": "KI", "ク": "KU", "ケ": "KE",
    "コ": "KO", "サ": "SA", "シ": "SHI", "ス": "SU", "セ": "SE", "ソ": "SO", "タ": "TA", "チ": "CHI",
    "ツ": "TSU", "テ": "TE", "ト": "TO", "ナ": "NA", "ニ": "NI", "ヌ": "NU", "ネ": "NE", "ノ": "NO",
    "ハ": "HA", "ヒ": "HI", "フ": "FU", "ヘ": "HE", "ホ": "HO", "マ": "MA", "ミ": "MI", "ム": "MU",
    "メ": "ME", "モ": "MO", "ヤ": "YA", "ユ": "YU", "ヨ": "YO", "ラ": "RA", "リ": "RI", "ル": "RU",
    "レ": "RE", "ロ": "RO", "ワ": "WA", "ヲ": "O", "ン": "N", "ガ": "GA", "ギ": "GI", "グ": "GU",
    "ゲ": "GE", "ゴ": "GO", "ザ": "ZA", "ジ": "JI", "ズ": "ZU", "ゼ": "ZE", "ゾ": "ZO", "ダ": "DA",
    "ヂ": "JI", "ヅ": "ZU", "デ": "DE", "ド": "DO", "バ": "BA", "ビ": "BI", "ブ": "BU", "ベ": "BE",
    "ボ": "BO", "パ": "PA", "ピ": "PI", "プ": "PU", "ペ": "PE", "ポ": "PO", "ヴ": "VU",
    "ァ": "A", "ィ": "I", "ゥ": "U", "ェ": "E", "ォ": "O", "ャ": "YA", "ュ": "YU", "ョ": "YO", "・": "_",
}
_ORG_TYPES = (("党", "party"), ("通信", "media"), ("新聞", "media"), ("通信社", "media"))


def suggest(mention_lists: Iterable[list[ActorMention]], min_count: int = 2) -> list[dict]:
    """Rows for provisional actors found at least ``min_count`` times, most frequent first
    (ties: more articles, then name)."""
    mentions: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    first: dict[str, ActorMention] = {}
    titles: dict[str, Counter[str]] = defaultdict(Counter)
    for ms in mention_lists:
        seen = set()
        for m in ms:
            if m.known or m.via != "provisional":
                continue
            mentions[m.actor_id] += 1
            seen.add(m.actor_id)
            first.setdefault(m.actor_id, m)
            title = m.text[len(m.name):] if m.text.startswith(m.name) else ""
            if title:
                titles[m.actor_id][title] += 1
        docs.update(seen)
    keep = [a for a, n in mentions.items() if n >= min_count]
    keep.sort(key=lambda a: (-mentions[a], -docs[a], a))
    used: set[str] = set()
    return [_row(first[a], mentions[a], docs[a], titles[a], used) for a in keep]


def _row(m: ActorMention, n: int, d: int, titles: Counter, used: set[str]) -> dict:
    name = m.actor_id[len(PREFIX):] if m.actor_id.startswith(PREFIX) else m.name
    typ = "person"
    if m.actor_type != "person":
        typ = next((t for suffix, t in _ORG_TYPES if name.endswith(suffix)), "armed_group")
    seen = ", ".join(f"{t}×{k}" for t, k in titles.most_common(3))
    note = f"suggested: {n} mentions in {d} articles" + (f"; titles seen: {seen}" if seen else "")
    return {"id": _unique(make_id(name), used), "name": name, "type": typ, "surfaces": [name], "note": note}


def make_id(name: str) -> str:
    """ソムサック -> SOMUSAKKU; characters without a reading become their code point."""
    out, i = [], 0
    while i < len(name):
        ch = name[i]
        if ch == "ッ" and i + 1 < len(name) and name[i + 1] in _KANA:
            out.append(_KANA[name[i + 1]][0])
        elif ch == "ー":
            pass
        elif ch in "ャュョァィゥェォ" and out and out[-1] != "_":
            # キャ -> KYA, ジョ -> JO, ヴォ -> VO: the small kana replaces the vowel
            base = out[-1][:-1]
            out[-1] = base + (_KANA[ch][-1] if base.endswith(("SH", "CH", "J")) else _KANA[ch])
        elif ch in _KANA:
            out.append(_KANA[ch])
        elif ch.isascii() and ch.isalnum():
            out.append(ch.upper())
        else:
            out.append(f"_{ord(ch):X}_")
        i += 1
    ident = re.sub(r"_+", "_", "".join(out)).strip("_") or "ACTOR"
    return ident if ident[0].isalpha() else "X" + ident


def _unique(ident: str, used: set[str]) -> str:
    k, out = 2, ident
    while out in used:
        out, k = f"{ident}_{k}", k + 1
    used.add(out)
    return out
