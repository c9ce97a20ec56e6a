"""Small calendar helpers shared by the resolver: value strings in the
conventions of shared/gold/TIMEX.md, month arithmetic, ISO weeks.

>>> fmt(2025, 11, 27), fmt(None, None, 13), fmt(2025, 10), iso_week(date(2025, 12, 29))
('2025-11-27', 'XXXX-XX-13', '2025-10', '2026-W01')
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple, Optional


class YMD(NamedTuple):
    """A possibly partial date: YMD(None, 11, 27) is 「11月27日」 of an unknown year."""

    y: Optional[int]
    m: Optional[int] = None
    d: Optional[int] = None

    def as_date(self) -> Optional[date]:
        try:
            return date(self.y, self.m or 1, self.d or 1) if self.y else None
        except ValueError:
            return None


def fmt(y: Optional[int], m: Optional[int] = None, d: Optional[int] = None) -> str:
    ys = f"{y:04d}" if y else "XXXX"
    if m is None and d is None:
        return ys
    ms = f"{m:02d}" if m else "XX"
    return f"{ys}-{ms}" if d is None else f"{ys}-{ms}-{d:02d}"


def fmt_ymd(v: YMD) -> str:
    return fmt(v.y, v.m, v.d)


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def add_days(v: YMD, k: int) -> YMD:
    d = v.as_date()
    if d is None or v.d is None:
        return YMD(None, None, None)
    d += timedelta(days=k)
    return YMD(d.year, d.month, d.day)


def nearest_year(month: int, ref_y: int, ref_m: int, rollover: int) -> int:
    """Year of a yearless month seen from (ref_y, ref_m): the same year unless
    the month lies ``rollover`` or more months away, so that a December
    narrative's 1月 is next January and a January article's 12月 last December."""
    diff = month - ref_m
    if diff <= -rollover:
        return ref_y + 1
    if diff >= rollover:
        return ref_y - 1
    return ref_y
