"""The dateline (publication date/time stamp) in the first lines of a text.

A date counts as a dateline only where a stamp stands — alone on its line,
at the end of a headline line, or next to 更新/配信/公開 — so prose such as
「2025年10月26日、米ブルームバーグ通信は…」 is not taken for one.

>>> find_dateline("見出し\\n2025/12/29 更新: 2025/12/29\\n本文")
datetime.date(2025, 12, 29)
>>> find_dateline("[ワシントン 22日 ロイター] – 本文", reference=date(2025, 11, 23))
datetime.date(2025, 11, 22)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

MAX_LINES = 5  # non-blank lines looked at
MAX_LINE_CHARS = 300  # a one-line article: only its head can hold a stamp

_Y = r"(?:(?P<y>\d{4})|令和\s*(?P<reiwa>\d{1,2}|元))"
_DATE = (
    rf"{_Y}\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日"
    r"|(?P<y2>\d{4})\s*(?P<sep>[/.\-])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<d2>\d{1,2})(?!\d)"
)
_WEEKDAY = r"(?:\s*[(（]\s*[月火水木金土日]\s*(?:曜日?)?\s*[)）])?"
_TIME = (
    r"(?:\s*(?:午前|午後|AM|PM)?\s*\d{1,2}\s*(?::\s*\d{2}(?::\d{2})?|時\s*(?:\d{1,2}\s*分)?)"
    r"|T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_TZ = r"(?:\s*(?:JST|GMT\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?|UTC\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?|[(（]?日本時間[)）]?))?"
_STAMP = re.compile(rf"(?:{_DATE}){_WEEKDAY}{_TIME}{_TZ}")
_MONTH_DAY = re.compile(rf"(?<![\d年])(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日{_WEEKDAY}{_TIME}{_TZ}")
# 「[ワシントン 22日 ロイター]」, 「［東京 ２２日 ロイター］」
_WIRE = re.compile(r"[\[［][^\]］\n]{1,60}?[\s　](?P<d>\d{1,2})\s*日[\s　]*(?:ロイター|Reuters)\s*[\]］]")
_MARK = r"(?:更新|配信|公開|掲載|発行|投稿|作成|発表|最終更新|updated|published|posted)"
# A stamp is a dateline if the rest of its line is empty or another stamp, or
# a marker word stands right after it or right before it.
_AFTER_OK = re.compile(rf"[\s　]*(?:$|[|｜/／]|[\[(（【<＜]?\s*{_MARK}|(?:{_DATE}))", re.I)
_BEFORE_OK = re.compile(rf"(?:{_MARK}\s*(?:日時|日)?|日付|date)[\s　]*[:：]?[\s　]*[(（【\[]?$", re.I)
# 「2025/12/29 更新」: when the page last changed, not when it first ran.
_UPDATE = r"(?:最終更新|更新|updated|last\s*modified)"
_UPDATE_AFTER = re.compile(rf"[\s　]*[\[(（【<＜]?\s*{_UPDATE}", re.I)
_UPDATE_BEFORE = re.compile(rf"{_UPDATE}\s*(?:日時|日)?[\s　]*[:：]?[\s　]*[(（【\[]?$", re.I)


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int
    end: int
    date: date
    updated: bool = False  # an update stamp: the story may have first run days earlier


def find_dateline(text: str, start: int = 0, end: Optional[int] = None,
                  reference: Optional[date] = None) -> Optional[date]:
    """The date of the first dateline in the first ~5 non-blank lines of
    ``text[start:end]``; day-only (wire) and month-day stamps need
    ``reference`` for the missing parts.  None when there is none."""
    found = find_dateline_span(text, start, end, reference)
    return found.date if found else None


def find_dateline_span(text: str, start: int = 0, end: Optional[int] = None,
                       reference: Optional[date] = None) -> Optional[Dateline]:
    """Like find_dateline, with the stamp's offsets into ``text``."""
    end = len(text) if end is None else end
    seen = 0
    for line_start, line in _lines(text, start, end):
        if not line.strip():
            continue
        found = dateline_in_line(line, line_start, reference)
        if found:
            return found
        seen += 1
        if seen >= MAX_LINES:
            break
    return None


def dateline_in_line(line: str, offset: int = 0, reference: Optional[date] = None) -> Optional[Dateline]:
    """The dateline on one line (``offset`` is where the line starts)."""
    line = line[:MAX_LINE_CHARS]
    for m in _STAMP.finditer(line):
        if _is_stamp(line, m):
            d = _full_date(m)
            if d:
                updated = bool(_UPDATE_AFTER.match(line, m.end()) or _UPDATE_BEFORE.search(line, 0, m.start()))
                return Dateline(offset + m.start(), offset + m.end(), d, updated)
    if reference is None:
        return None
    m = _WIRE.search(line)
    if m:
        d = _day_only(int(m.group("d")), reference)
        if d:
            return Dateline(offset + m.start(), offset + m.end(), d)
    for m in _MONTH_DAY.finditer(line):
        if _is_stamp(line, m):
            d = _month_day(int(m.group("m")), int(m.group("d")), reference)
            if d:
                return Dateline(offset + m.start(), offset + m.end(), d)
    return None


def _lines(text: str, start: int, end: int):
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, text[pos:stop].rstrip("\r")
        pos = stop + 1


def _is_stamp(line: str, m: re.Match) -> bool:
    return bool(_AFTER_OK.match(line, m.end()) or _BEFORE_OK.search(line, 0, m.start()))


def _full_date(m: re.Match) -> Optional[date]:
    if m.group("y2"):
        y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
    else:
        reiwa = m.group("reiwa")
        y = int(m.group("y")) if m.group("y") else 2018 + (1 if reiwa == "元" else int(reiwa))
        mo, d = int(m.group("m")), int(m.group("d"))
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _day_only(day: int, reference: date) -> Optional[date]:
    """That day in the reference month, or — if it is later than the
    reference day — in the nearest earlier month that has it (31日 seen on
    3月2日 is 1月31日)."""
    y, mo = reference.year, reference.month
    if day > reference.day:
        y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
    for _ in range(2):
        try:
            return date(y, mo, day)
        except ValueError:  # no such day in that month
            y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
    return None


def _month_day(month: int, day: int, reference: date) -> Optional[date]:
    """Month-day of the reference year; a date after the reference, the year before."""
    try:
        d = date(reference.year, month, day)
        return d if d <= reference else date(reference.year - 1, month, day)
    except ValueError:
        return None
