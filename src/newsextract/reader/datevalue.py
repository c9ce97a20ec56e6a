"""One absolute date from a metadata value, never relative to now.

>>> parse_date_value("2025年12月29日"), parse_date_value("yesterday")
(datetime.date(2025, 12, 29), None)
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

# Y-M-D as written (ISO timestamps keep the page's own calendar day; no tz shift).
_YMD = re.compile(
    r"^\s*(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)"
    r"(?:$|[\sT(（]|\d{1,2}[:時])"
)
_SETTINGS = {
    "DATE_ORDER": "YMD",
    "RETURN_AS_TIMEZONE_AWARE": False,
    # no 'relative-time' (yesterday, 3日前) and no 'timestamp' (1700000000)
    "PARSERS": ["custom-formats", "absolute-time"],
    # a missing year or day would be filled in from today
    "REQUIRE_PARTS": ["day", "month", "year"],
}
MIN_YEAR = 1900


def parse_date_value(value: Optional[str]) -> Optional[date]:
    """2025-12-29, 2025/12/29, 2025年12月29日, 2025-11-23T21:28:00+09:00,
    Dec 29, 2025 -> a date; None for empty, partial or relative values."""
    if value is None or not value.strip():
        return None
    m = _YMD.match(value)
    if m:
        y, mo, d = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
        try:
            return _plausible(date(int(y), int(mo), int(d)))
        except ValueError:
            return None
    import dateparser  # slow to import; most values take the regex path

    parsed = dateparser.parse(value.strip(), settings=_SETTINGS)
    return _plausible(parsed.date()) if parsed else None


def _plausible(d: date) -> Optional[date]:
    return d if d.year >= MIN_YEAR else None
