"""Front matter at the very top of a text file, read but left in the text.

    ---
    title: 和平案で協議
    date: 2025-12-29
    ---
    本文…

>>> fm = parse_front_matter("---\\ntitle: 和平案\\ndate: 2025/12/29\\n---\\n本文")
>>> fm.title, fm.published, fm.end
('和平案', datetime.date(2025, 12, 29), 36)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from .datevalue import parse_date_value

# The block: a '---' line, 'key: value' lines, a closing '---' (or '...') line.
_BLOCK = re.compile(r"\A---[ \t]*\r?\n(?P<body>(?:.*\r?\n){0,100}?)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")
_FIELD = re.compile(r"^\s*(?P<key>[A-Za-z_][\w.-]*)\s*:\s*(?P<value>.*?)\s*$")
# Keys that give the publication date, most specific first.
DATE_KEYS = ("published", "published_at", "publishdate", "pubdate", "datepublished", "date", "created")
TITLE_KEYS = ("title", "headline")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    end: int  # offset just past the closing line: the body starts here
    fields: dict[str, str]  # keys lower-cased, values unquoted
    published: Optional[date]
    title: Optional[str]


def parse_front_matter(text: str) -> Optional[FrontMatter]:
    """The front matter block at offset 0, or None when there is none (a
    block whose lines are not all ``key: value`` is not front matter)."""
    m = _BLOCK.match(text)
    if not m:
        return None
    fields: dict[str, str] = {}
    for line in m.group("body").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        f = _FIELD.match(line)
        if not f:
            return None  # prose between two rules, not front matter
        fields.setdefault(f.group("key").lower(), _unquote(f.group("value")))
    if not fields:
        return None
    published = next((d for k in DATE_KEYS if (d := parse_date_value(fields.get(k)))), None)
    title = next((fields[k] for k in TITLE_KEYS if fields.get(k)), None)
    return FrontMatter(m.end(), fields, published, title)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value
