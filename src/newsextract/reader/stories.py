"""Split a file that holds several stories into stories.

A story starts at a header line that begins with a block mark (▽, ■, ◆ …) and
ends with its own outlet and time stamp, e.g.

    ▽米ロが28項目のウクライナ和平案<bloomberg日本語版>2025年11月21日 8:49 JST

The stories tile the text: offsets stay offsets into the whole file.

>>> t = "▽A<ロイター>2025年11月22日 6:11 JST\\n本文\\n▽B<bloomberg>2025年11月21日\\n本文\\n"
>>> [(s.start, s.end, s.published.day, s.outlet) for s in split_stories(t)]
[(0, 32, 22, 'ロイター'), (32, 60, 21, 'bloomberg')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from .dateline import dateline_in_line, find_dateline_span

# Marks that open a block in digests and clipping files; 「・」「-」 bullets are
# left out on purpose: list items that begin with a date are not stories.
HEADER_MARKS = "▽▼◇◆□■○●☆★"
_HEADER = re.compile(rf"^[ \t　]*[{HEADER_MARKS}][^\n]*", re.M)
# The outlet is the bracketed name right before the stamp: <bloomberg日本語版>,
# ＜ロイター＞, （共同）, 【時事】.
_OUTLET = re.compile(r"[<＜(（【\[［]\s*(?P<name>[^<>＜＞()（）【】\[\]［］\n]{1,40}?)\s*[>＞)）】\]］][\s　]*$")

# What may follow the stamp on a header line: nothing, or an update note.
_CLOSES = re.compile(r"[\s　]*(?:[(（【\[]?\s*(?:更新|配信|公開|掲載)[^\n。]{0,30})?$")


@dataclass(frozen=True, slots=True)
class Story:
    start: int
    end: int
    published: Optional[date]
    outlet: Optional[str]


def split_stories(text: str) -> list[Story]:
    """The stories of ``text``, in order, tiling ``[0, len(text))``; a file
    without headers is one story dated by its dateline (or None)."""
    headers = list(_headers(text))
    if not headers:
        found = find_dateline_span(text)
        return [Story(0, len(text), found.date if found else None, None)]
    stories: list[Story] = []
    first = headers[0][0]
    if text[:first].strip():  # a preamble (file title …) is a story of its own
        found = find_dateline_span(text, 0, first)
        stories.append(Story(0, first, found.date if found else None, None))
    else:
        headers[0] = (0,) + headers[0][1:]  # leading blank lines join story 1
    for i, (start, published, outlet) in enumerate(headers):
        end = headers[i + 1][0] if i + 1 < len(headers) else len(text)
        stories.append(Story(start, end, published, outlet))
    return stories


def _headers(text: str):
    """(line start, date, outlet) of each header line."""
    for m in _HEADER.finditer(text):
        line = m.group().rstrip("\r")
        found = dateline_in_line(line)
        # the stamp must close the line: a ▽ bullet that merely mentions a date is no header
        if found is None or not _CLOSES.match(line, found.end):
            continue
        outlet = _OUTLET.search(line, 0, found.start)
        yield m.start(), found.date, outlet.group("name") if outlet else None
