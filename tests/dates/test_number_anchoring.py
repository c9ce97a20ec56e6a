"""The finder tries number-initial patterns only where a number starts
(dates/find.py); it must find exactly what a scan of the whole text finds."""
import re
from pathlib import Path

import pytest

from newsextract.dates import load_rules
from newsextract.dates.find import _NUMBER, _matches_at, _starts_at_numbers
from newsextract.dates.numbers import Normalised

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("regex,anchored", [
    (r"(?<![\d.])(?P<m>1[0-2]|0?[1-9])月", True),
    (r"(?<!\d)(?:(?P<y>\d{4})年)?(?P<d>\d{1,2})日", True),  # optional part, then a digit
    (r"(?<!\d)\d*日", False),  # may start at 日
    (r"(?<!\d)(?:前|\d)日", False),  # one branch starts with a kanji
    (r"\d+日", False),  # no lookbehind: may start inside a run of digits
    (r"(?<![.])\d+日", False),  # the lookbehind lets a digit through
    (r"(?<!\d)[^a]日", False),  # a negated class is not a digit class
    (r"同日", False),
])
def test_which_patterns_start_at_numbers(regex, anchored):
    assert _starts_at_numbers(re.compile(regex)) is anchored


def test_matches_at_number_starts_equal_a_full_scan():
    rules = load_rules(ROOT / "rules")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    texts.append("2025年11月27日~12月1日、1.5日、3/4、12月23、24日、第2日、2026-01-05、60~90日間、二十七日")
    anchored = [p for p in rules.patterns if _starts_at_numbers(p.regex)]
    assert len(anchored) >= 10  # the shipped {NB} patterns take the fast path
    for text in texts:
        norm = Normalised(text).text
        starts = [m.start() for m in _NUMBER.finditer(norm)]
        for p in anchored:
            assert ([m.span() for m in _matches_at(p.regex, norm, starts)]
                    == [m.span() for m in p.regex.finditer(norm)]), p.id
