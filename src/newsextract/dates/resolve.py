"""Give each found span its value, walking the text in order with three anchors:

* the **speech anchor** (DCT; a wire dateline 「2025年11月21日 21:20 JST」 from its
  line on; a date-headed list item for the text under it) for deictic words
  (今週, 昨日, 来年6月) and for bare days with no month on their line;
* the **narrative** point (the last explicit date that did not jump back more
  than ``flashback_days``) for the year of 「1月6日」 (rolling 12月 -> 1月);
* the **last resolved date** for anaphors (同日, 翌日, 同月).

「ウィトコフ特使らは23日、…。ウクライナ当局者は同日…」 with dateline
2025-11-24 -> 23日 = 2025-11-23, 同日 = 2025-11-23.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from ..types import DateExpr
from .calendar import YMD, add_days, add_months, fmt, fmt_ymd, iso_week, nearest_year
from .find import Candidate
from .rules import DateRules

_NONE = YMD(None, None, None)
_SENTENCE_END = "。！？!?\n"


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(ch, 0, pos) for ch in _SENTENCE_END) + 1


class Walk:
    """State of one pass over one article; ``step`` resolves one candidate."""

    def __init__(self, rules: DateRules, text: str, dct: Optional[date],
                 datelines: dict[int, YMD]) -> None:
        self.r, self.text = rules, text
        self.rollover = rules.settings["rollover_months"]
        self.flashback = timedelta(days=rules.settings["flashback_days"])
        self.anchor: Optional[date] = dct
        self.narrative: Optional[YMD] = None
        self.last: Optional[YMD] = None
        self.line_month: tuple[int, YMD] = (-1, _NONE)  # (line start, y/m of the line)
        self.datelines = sorted(datelines.items())
        self.next_dl = 0
        self.seen: list[tuple[int, YMD]] = []  # (start, value) of day-precise dates

    # -- anchors -----------------------------------------------------------
    def _enter(self, line: int) -> None:
        """Apply every dateline whose line starts at or before ``line``."""
        while self.next_dl < len(self.datelines) and self.datelines[self.next_dl][0] <= line:
            v = self.datelines[self.next_dl][1]
            self.anchor, self.narrative, self.last = v.as_date(), v, v
            self.next_dl += 1

    def _speech_anchor(self, c: Candidate) -> Optional[date]:
        """Inside 「…」 after a date in the same sentence, 本日 is that date."""
        s0 = _sentence_start(self.text, c.start)
        q = self.text.rfind("「", s0, c.start)
        if q >= 0 and self.text.find("」", q, c.start) < 0:
            for start, v in reversed(self.seen):
                if s0 <= start < q:
                    return v.as_date()
                if start < s0:
                    break
        return self.anchor

    def _year_for(self, month: int) -> Optional[int]:
        """A running narrative rolls forward (12月 … 1月 is next January);
        seen from the article date alone only a far month rolls back (a
        January article's 12月), since news reports mostly look back."""
        if self.narrative and self.narrative.y and self.narrative.m:
            return nearest_year(month, self.narrative.y, self.narrative.m, self.rollover)
        if self.anchor is None:
            return None
        y = nearest_year(month, self.anchor.year, self.anchor.month, self.rollover)
        return min(y, self.anchor.year)

    def _month_of_line(self, line: int) -> YMD:
        if self.line_month[0] == line and self.line_month[1].m:
            return self.line_month[1]
        if self.anchor:
            return YMD(self.anchor.year, self.anchor.month)
        return _NONE

    # -- one candidate -----------------------------------------------------
    def step(self, c: Candidate, line: int, heading: bool) -> DateExpr:
        self._enter(line)
        g = c.groups
        kind, start = c.kind, None
        if kind == "range":
            start, end = self._range(g, line)
            value = (f"{fmt(start.y)}/{fmt(end.y)}" if "d" not in g
                     else f"{fmt_ymd(start)}/{fmt_ymd(end)}")
            v, month_v = start, end
        elif kind in ("full", "month_day", "month", "year", "day"):
            v = self._explicit(g, line)
            value, month_v = fmt_ymd(v), v
        elif kind == "relative":
            v, value, kind = self._relative(g, self._speech_anchor(c))
            month_v = v if "m" in g else None
        elif kind == "anaphoric":
            v, value = self._anaphoric(c)
            month_v = None
        else:  # holiday
            v, value = self._holiday(g, self._speech_anchor(c))
            month_v = None
        self._advance(v, c, line, heading, month_v)
        return DateExpr(c.start, c.end, c.text, value, c.mod, kind)

    def _explicit(self, g: dict, line: int) -> YMD:
        y = self._year(g)
        m = int(g["m"]) if "m" in g else None
        d = int(g["d"]) if "d" in g else None
        if m is None and d is not None:  # bare 21日: the month the line stands in
            base = self._month_of_line(line)
            return YMD(base.y, base.m, d)
        if m is not None and y is None:
            y = self._year_for(m)
        return YMD(y, m, d)

    def _year(self, g: dict) -> Optional[int]:
        if "y" in g:
            return int(g["y"])
        if "era" in g:
            return self.r.eras[g["era"]] + (0 if g["ey"] == "元" else int(g["ey"]) - 1)
        return None

    def _range(self, g: dict, line: int) -> tuple[YMD, YMD]:
        if "d" not in g:  # 1995〜2001年
            return YMD(int(g["y"])), YMD(int(g["y2"]))
        start = self._explicit({k: g[k] for k in ("y", "m", "d") if k in g}, line)
        m2 = int(g["m2"]) if "m2" in g else start.m
        y2 = start.y
        if y2 and m2 and start.m and m2 < start.m:  # 12月28日〜1月3日
            y2 += 1
        return start, YMD(y2, m2, int(g["d2"]))

    def _relative(self, g: dict, a: Optional[date]) -> tuple[YMD, str, str]:
        if "n" in g:  # 3日前, 2週間後
            n = int(g["n"]) * (-1 if g["dir"] == "前" else 1)
            unit = {"日": "day", "週間": "week", "年": "year"}.get(g["unit"], "month")
        else:
            unit, n = self.r.relative[g["rel"]]
        if a is None:  # no article date: keep the shape, never guess
            kind = "week" if unit == "week" and "d" not in g else "relative"
            if "m" in g or "d" in g:
                return _NONE, fmt(None, int(g["m"]) if "m" in g else None,
                                  int(g["d"]) if "d" in g else None), kind
            blank = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}
            return _NONE, blank[unit], kind
        if unit == "day":
            v = YMD(*(a + timedelta(days=n)).timetuple()[:3])
            return v, fmt_ymd(v), "relative"
        if unit == "week":
            monday = a - timedelta(days=a.weekday()) + timedelta(weeks=n)
            if "d" in g:  # 来週27日: the 27th that falls in next week
                for i in range(7):
                    day = monday + timedelta(days=i)
                    if day.day == int(g["d"]):
                        v = YMD(day.year, day.month, day.day)
                        return v, fmt_ymd(v), "relative"
                v = YMD(monday.year, monday.month, int(g["d"]))
                return v, fmt_ymd(v), "relative"
            return YMD(monday.year, monday.month, monday.day), iso_week(monday), "week"
        if unit == "month":
            y, m = add_months(a.year, a.month, n)
            v = YMD(y, m, int(g["d"]) if "d" in g else None)
            return v, fmt_ymd(v), "relative"
        v = YMD(a.year + n, int(g["m"]) if "m" in g else None,
                int(g["d"]) if "d" in g else None)
        return v, fmt_ymd(v), "relative"

    def _anaphoric(self, c: Candidate) -> tuple[YMD, str]:
        unit, n = self.r.anaphoric[c.groups["ana"]]
        base = self.last or _NONE
        if unit == "day" and n and self.text[c.start - 1:c.start] == "た":
            # 「12月28日の会談は、…発表した翌日に行われた」: the day after an
            # unnamed event is the date this sentence already gave.
            s0 = _sentence_start(self.text, c.start)
            here = [v for start, v in self.seen if start >= s0]
            if here:
                return here[-1], fmt_ymd(here[-1])
        if unit == "day":
            v = add_days(base, n)
            return v, fmt_ymd(v) if v.y else "XXXX-XX-XX"
        if unit == "week":
            d = base.as_date()
            if d is None or base.d is None:
                return _NONE, "XXXX-WXX"
            d += timedelta(weeks=n)
            return YMD(d.year, d.month, d.day), iso_week(d)
        if unit == "month":
            if base.y is None or base.m is None:
                return _NONE, "XXXX-XX"
            v = YMD(*add_months(base.y, base.m, n))
            return v, fmt_ymd(v)
        v = YMD(base.y + n) if base.y else _NONE
        return v, fmt_ymd(v)

    def _holiday(self, g: dict, a: Optional[date]) -> tuple[YMD, str]:
        m, d = self.r.holidays[g["hol"]]
        if a is None:
            return _NONE, fmt(None, m, d) if d else "XXXX"
        # The occurrence nearest the anchor: 元日 said on 12月29日 is next January.
        best = min((date(y, m, d or 1) for y in (a.year - 1, a.year, a.year + 1)),
                   key=lambda x: abs((x - a).days))
        v = YMD(best.year, m, d)
        return v, fmt(best.year) if d is None else fmt_ymd(v)

    # -- after a candidate ---------------------------------------------------
    def _advance(self, v: YMD, c: Candidate, line: int, heading: bool,
                 month_v: Optional[YMD]) -> None:
        if v.y is not None or v.m is not None or v.d is not None:
            self.last = v
        if v.d is not None and v.m is not None:
            self.seen.append((c.start, v))
        if month_v is not None and month_v.m is not None and "m" in c.groups:
            self.line_month = (line, month_v)
        if heading:
            if v.as_date() is not None:
                self.anchor = v.as_date()
            if v.y and v.m:
                self.narrative = v
            return
        if c.kind in ("full", "month_day", "month", "range", "day") and v.y and v.m:
            new, cur = v.as_date(), self.narrative and self.narrative.as_date()
            if new and (cur is None or new >= cur - self.flashback):
                self.narrative = v
