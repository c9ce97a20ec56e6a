"""Date recognizer: find date expressions in a raw article and resolve them.

>>> rec = DateRecognizer.from_rules_dir(Path("rules"))
>>> exprs, sections = rec("④11月27日:プーチン氏は同日、…", date(2025, 12, 2))
>>> [(e.text, e.value, e.kind) for e in exprs]
[('11月27日', '2025-11-27', 'month_day'), ('同日', '2025-11-27', 'anaphoric')]

``DateExpr.kind`` is one of

* ``full``       year, month and day written out: 2025年11月20日, 2025/12/29, 令和7年5月1日
* ``month_day``  11月27日, 十一月二十七日 (year from the narrative)
* ``day``        bare 21日 (month of its line, else of the speech anchor)
* ``month``      6月, 2025年7月, 12月中旬 (with or without a year)
* ``year``       2025年, 令和元年
* ``relative``   deictic words against the article date: 昨日, 今月, 昨年10月, 来週27日, 3日前
* ``week``       a relative week: 先週, 今週初め (value ``2025-W47``)
* ``anaphoric``  同日, 翌日, 前日, 同月, 翌年: against the last resolved date
* ``range``      12月28〜29日, 28日から30日 (value ``start/end``)
* ``holiday``    元日, クリスマス, 新年 (nearest occurrence)

``mod`` is START/MID/END (上旬, 半ば, 末) or BEFORE/AFTER (までに, 以降); a
deadline 「27日までに」 is BEFORE and never an event date. A day list
「2月4日・5日」 gives two expressions. Values follow shared/gold/TIMEX.md and
keep ``XXXX`` for any part that the text does not fix.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

from ..types import DateExpr, Section
from .find import Finder
from .resolve import Walk
from .rules import DateRules, load_rules
from .sections import build_sections, dateline, is_heading, line_start

__all__ = ["DateRecognizer", "DateRules", "load_rules"]


class DateRecognizer:
    """Rules compiled once; call per article: ``exprs, sections = rec(text, dct)``."""

    def __init__(self, rules: DateRules) -> None:
        self.rules = rules
        self.find = Finder(rules)

    @classmethod
    def from_rules_dir(cls, rules_dir: Path | str) -> "DateRecognizer":
        """Load ``<rules_dir>/dates/``; raises ``errors.RuleError``."""
        return cls(load_rules(rules_dir))

    def __call__(self, text: str, dct: Optional[date]) -> tuple[list[DateExpr], list[Section]]:
        cands = self.find(text)
        lines = [line_start(text, c.start) for c in cands]
        datelines = {}
        for c, ls in zip(cands, lines):
            v = dateline(text, c, self.rules)
            if v is not None and ls not in datelines:
                datelines[ls] = v
        walk = Walk(self.rules, text, dct, datelines)
        exprs, heads = [], []
        for c, ls in zip(cands, lines):
            heading = ls not in datelines and is_heading(text, c, self.rules)
            expr = walk.step(c, ls, heading)
            exprs.append(expr)
            if heading:
                heads.append((ls, expr))
        return exprs, build_sections(text, heads, sorted(datelines))
