"""Date-headed list items and wire datelines.

A line whose first words are a date, after an optional list marker, heads a
section that scopes the text under it up to the next such line:
「④11月27日:プーチン氏、…」, 「  • 2月18日:…」, 「⑮1月23日・24日:…」. Without a
marker the date must be followed by a colon (「2月18日:」), so that a sentence
opening 「2025年12月25日、ロシア外務省は…」 is not a heading.

A wire dateline 「[ワシントン 22日 ロイター]」 opening a line heads the story
under it in the same way.

A dateline is a full date followed by a clock time or 更新
(「<ロイター日本語版>2025年11月23日午後 9:28 GMT+9」, 「2025/12/29 更新」); it
becomes the speech anchor from the start of its line on.
"""
from __future__ import annotations

from ..types import DateExpr, Section
from .calendar import YMD
from .find import Candidate
from .rules import DateRules

_SPACE = " \t\u3000"


def line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def is_heading(text: str, c: Candidate, rules: DateRules) -> bool:
    ls = line_start(text, c.start)
    prefix = text[ls:c.start].strip(_SPACE)
    if rules.wire_dateline.match(text, ls) and rules.wire_dateline.match(text, ls).end() >= c.end:
        return True  # 「[ワシントン 22日 ロイター] –」: the story under it is dated by it
    if prefix:
        return rules.section_marker.fullmatch(prefix) is not None
    return rules.section_unmarked_after.match(text[c.end:c.end + 4]) is not None


def dateline(text: str, c: Candidate, rules: DateRules) -> YMD | None:
    g = c.groups
    if c.kind != "full" or "y" not in g or "era" in g:
        return None
    if rules.dateline_after.match(text[c.end:c.end + 24]) is None:
        return None
    return YMD(int(g["y"]), int(g["m"]), int(g["d"]))


def build_sections(text: str, heads: list[tuple[int, DateExpr]],
                   dateline_lines: list[int]) -> list[Section]:
    """``heads``: (line start, heading DateExpr) in text order; a section runs
    from its heading line to the next heading line or dateline line."""
    stops = sorted({ls for ls, _ in heads} | set(dateline_lines) | {len(text)})
    out = []
    for ls, expr in heads:
        end = next(s for s in stops if s > ls)
        out.append(Section(ls, end, expr))
    return out
