"""The review CSV: one row per event mention, ready for Excel.

UTF-8 with BOM and CRLF by default (Excel on Windows shows BOM-less UTF-8 as
mojibake); a cell that starts with = + - @ tab or CR is prefixed with ' so
that Excel shows it as text instead of evaluating it (OWASP CSV injection).
``restore`` undoes that prefix when the sheet comes back (review.py).

    with open("review.csv", "w", encoding="utf-8-sig", newline="") as out:
        write_report(out, find_events(session), {"REJECT": ("拒否", "Reject")})
"""
from __future__ import annotations

import csv
import json
import unicodedata
from typing import Iterable, Sequence, TextIO

from .db import EventRow

COLUMNS = [
    "event_id", "fingerprint", "date", "date_basis", "actor", "actor_id", "actor_as_written",
    "type", "type_ja", "type_en", "cameo", "target", "object", "modality", "confidence", "rule",
    "article", "sentence", "trigger", "trigger_start", "trigger_end", "actor_start", "actor_end",
    "date_text", "date_start", "date_end", "sentence_start", "sentence_end", "verdict", "comment",
]
# Full-width ＝＋－＠ too: Japanese Excel may take them as the ASCII signs. A leading '
# is escaped as well, so that restore(neutralise(s)) == s for every string.
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_ESCAPED = _DANGEROUS + ("'",)


def neutralise(value) -> str:
    """「=HYPERLINK(…)」 -> 「'=HYPERLINK(…)」; numbers and plain text unchanged."""
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    s = str(value)
    return "'" + s if s.startswith(_ESCAPED) else s


def restore(cell: str) -> str:
    """Undo ``neutralise``: 「'=HYPERLINK(…)」 -> 「=HYPERLINK(…)」, 「'abc」 stays."""
    if cell.startswith("'") and cell[1:].startswith(_ESCAPED):
        return cell[1:]
    return cell


def write_rows(out: TextIO, columns: Sequence[str], rows: Iterable[dict], fmt: str) -> int:
    """Rows (dicts) as ``csv`` (header, neutralised cells) or ``jsonl``; returns the count."""
    n = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([neutralise(row.get(c)) for c in columns])
            n += 1
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False, default=str) + "\n")
            n += 1
    else:
        raise ValueError(f"unknown format {fmt!r}: csv or jsonl")
    return n


def marked_sentence(text: str, s0: int, s1: int, spans: list[tuple[int, int, str, str]]) -> str:
    """The sentence with the trigger in 【…】 and the actor in 《…》."""
    cuts = sorted((max(s0, a), min(s1, b), o, c) for a, b, o, c in spans if s0 <= a < b <= s1)
    out, pos = [], s0
    for a, b, o, c in cuts:
        if a < pos:
            continue  # overlapping marks: keep the first
        out += [text[pos:a], o, text[a:b], c]
        pos = b
    out.append(text[pos:s1])
    return "".join(out)


def report_rows(events: Iterable[EventRow], type_labels: dict[str, tuple[str, str]]):
    for e in events:
        text = e.article.text
        ja, en = type_labels.get(e.type, ("", ""))
        for m in e.mentions:
            sentence = marked_sentence(text, m.sentence_start, m.sentence_end,
                                       [(m.trigger_start, m.trigger_end, "【", "】"),
                                        (m.actor_start, m.actor_end, "《", "》")])
            yield [e.id, e.fingerprint, e.date, e.date_basis, e.actor, e.actor_id, m.actor_text,
                   e.type, ja, en, e.cameo, e.target, e.object, e.modality, e.confidence, m.rule,
                   e.article.path, sentence, m.trigger_text, m.trigger_start, m.trigger_end,
                   m.actor_start, m.actor_end, m.date_text, m.date_start, m.date_end,
                   m.sentence_start, m.sentence_end, "", ""]


def write_report(out: TextIO, events: Iterable[EventRow], type_labels: dict[str, tuple[str, str]]) -> int:
    """Write the CSV to ``out`` (opened with the encoding and newline="" by the caller)."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    n = 0
    for row in report_rows(events, type_labels):
        writer.writerow([neutralise(v) for v in row])
        n += 1
    return n


def _width(s: str) -> int:
    # East Asian wide and full-width characters take two terminal columns
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _cut(s: str, width: int) -> str:
    if _width(s) <= width:
        return s
    out, used = [], 1
    for c in s:
        w = _width(c)
        if used + w > width:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"


def format_table(columns: Sequence[str], rows: Iterable[Sequence], max_cell: int = 30) -> list[str]:
    """Plain aligned lines for a terminal or a README, e.g. ``type    precision``;
    Japanese counts double, long cells end in …, newlines become spaces."""
    cells = [[_cut(" ".join(("" if v is None else str(v)).split()), max_cell) for v in row]
             for row in rows]
    head = [_cut(str(c), max_cell) for c in columns]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(head)]

    def line(values):
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()
    return [line(head), line(["-" * w for w in widths])] + [line(r) for r in cells]
