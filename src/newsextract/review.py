"""Reviewers' verdicts: read the review CSV back, store them, count precision.

    result = import_verdicts(session, Path("review.csv"))
    result.stored, result.unmatched, result.problems
    verdict_stats(session, "rule")  # [{"rule": "reject.kyohi", "reviewed": 4, ...}]

The sheet comes back from Excel possibly re-saved: UTF-8 with or without BOM
or CP932 (Excel's "CSV (comma delimited)" on Japanese Windows), UTF-16 tab
separated ("Unicode text"), CRLF or LF, extra or reordered columns. Rows with
an empty verdict are skipped. A verdict is keyed by the event fingerprint
(article, actor, type, date), so it survives a re-ingest of the same articles.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .db import EventRow, Verdict
from .report import restore
from .store import fingerprint

VERDICTS = ("correct", "wrong", "wrong-type", "wrong-actor", "wrong-date")
STAT_DIMENSIONS = ("type", "rule", "date_basis")
_HEX40 = re.compile(r"[0-9a-f]{40}")


@dataclass
class ImportResult:
    """What ``import_verdicts`` did; ``problems`` name the CSV line."""

    stored: int = 0
    skipped_empty: int = 0
    unmatched: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class _Row:
    line: int
    fingerprint: str
    verdict: str
    comment: Optional[str]
    cells: dict[str, str]


def decode_sheet(data: bytes) -> str:
    """Bytes of a CSV as Excel may have saved it -> text (BOM removed)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp932")  # raises if it is neither: better than guessing


def read_sheet(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The column names, and (line where the record starts, {column: cell}) per data row.

    Column names are matched case- and space-insensitively; cells lose the '
    that ``report.neutralise`` put in front of =, +, -, @."""
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [_column_name(c) for c in next(reader, [])]
    rows, start = [], reader.line_num + 1
    for cells in reader:
        if any(c.strip() for c in cells):
            rows.append((start, {h: restore(c) for h, c in zip(header, cells) if h}))
        start = reader.line_num + 1
    return header, rows


def _column_name(cell: str) -> str:
    return unicodedata.normalize("NFKC", restore(cell)).strip().lower().replace(" ", "_")


def normalise_verdict(cell: str) -> str:
    """「 Wrong_Type 」, 「ｗｒｏｎｇ－ｔｙｐｅ」 -> 「wrong-type」 (not checked here)."""
    s = unicodedata.normalize("NFKC", cell).strip().lower()
    return re.sub(r"[\s_]+", "-", s)


def _row_fingerprint(cells: dict[str, str]) -> Optional[str]:
    """The fingerprint cell, or one rebuilt from article, actor_id, type and date
    when the column was deleted; Excel's 2025/11/27 is turned back into ISO."""
    fp = cells.get("fingerprint", "").strip().lower()
    if _HEX40.fullmatch(fp):
        return fp
    parts = [cells.get(k, "").strip() for k in ("article", "actor_id", "type", "date")]
    if not all(parts[:3]):
        return None
    day = parts[3]
    m = re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})", day)
    if m:
        day = f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    return fingerprint(parts[0], parts[1], parts[2], day or None)


def parse_verdicts(text: str, result: ImportResult) -> list[_Row]:
    """The rows that carry a verdict; problems go to ``result``."""
    header, rows = read_sheet(text)
    if "verdict" not in header:
        result.problems.append("line 1: no 'verdict' column")
        return []
    out = []
    for line, cells in rows:
        raw = cells.get("verdict", "")
        if not raw.strip():
            result.skipped_empty += 1
            continue
        verdict = normalise_verdict(raw)
        if verdict not in VERDICTS:
            result.problems.append(f"line {line}: unknown verdict {raw!r} "
                                   f"(expected one of {', '.join(VERDICTS)})")
            continue
        fp = _row_fingerprint(cells)
        if fp is None:
            result.problems.append(f"line {line}: no fingerprint (nor article, actor_id, type)")
            continue
        out.append(_Row(line, fp, verdict, cells.get("comment", "").strip() or None, cells))
    return out


def _merge_duplicates(rows: list[_Row], result: ImportResult) -> dict[str, _Row]:
    """One row per event: an event with several mentions has several rows.
    Conflicting verdicts are reported; the later line wins (reviewers correct
    themselves further down). Distinct comments are kept, joined by " / "."""
    merged: dict[str, _Row] = {}
    for row in rows:
        prev = merged.get(row.fingerprint)
        if prev is None:
            merged[row.fingerprint] = row
            continue
        if prev.verdict != row.verdict:
            result.problems.append(f"line {row.line}: verdict {row.verdict!r} contradicts line "
                                   f"{prev.line} ({prev.verdict!r}) for the same event; kept line {row.line}")
        comments = [c for c in (prev.comment, row.comment) if c]
        row.comment = " / ".join(dict.fromkeys(comments)) or None
        merged[row.fingerprint] = row
    return merged


def import_verdicts(session: Session, path: Path, data: Optional[bytes] = None) -> ImportResult:
    """Store the verdicts of the sheet at ``path``; the caller commits.

    A verdict whose fingerprint matches no stored event is still stored (it
    applies again if the event comes back) and listed in ``unmatched``."""
    result = ImportResult()
    text = decode_sheet(path.read_bytes() if data is None else data)
    rows = _merge_duplicates(parse_verdicts(text, result), result)
    events = {e.fingerprint: e for e in session.scalars(
        select(EventRow).where(EventRow.fingerprint.in_(list(rows))))}
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    for fp, row in rows.items():
        event = events.get(fp)
        if event is None:
            result.unmatched.append(f"line {row.line}: no stored event {fp[:12]}… "
                                    f"({row.cells.get('article', '?')}, {row.cells.get('type', '?')}); stored anyway")
        snap = ({"type": event.type, "rule": event.rule, "date_basis": event.date_basis,
                 "article": event.article.path} if event else
                {k: row.cells.get(k) or None for k in ("type", "rule", "date_basis", "article")})
        session.merge(Verdict(fingerprint=fp, verdict=row.verdict, comment=row.comment,
                              reviewed_at=now, source_file=str(path), source_line=row.line, **snap))
        result.stored += 1
    return result


def verdict_stats(session: Session, by: str) -> list[dict]:
    """Precision per ``by`` (type, rule or date_basis), most reviewed first:
    correct / reviewed, every wrong-* verdict counting as wrong."""
    if by not in STAT_DIMENSIONS:
        raise ValueError(f"by must be one of {STAT_DIMENSIONS}")
    key = getattr(Verdict, by)
    counts: dict[str, dict] = {}
    for value, verdict, n in session.execute(
            select(key, Verdict.verdict, func.count()).group_by(key, Verdict.verdict)):
        row = counts.setdefault(value or "?", {by: value or "?", "reviewed": 0,
                                               **{v: 0 for v in VERDICTS}})
        row[verdict] = row.get(verdict, 0) + n
        row["reviewed"] += n
    for row in counts.values():
        row["precision"] = round(row["correct"] / row["reviewed"], 3)
    return sorted(counts.values(), key=lambda r: (-r["reviewed"], r[by]))


def stats_columns(by: str) -> list[str]:
    return [by, "reviewed", *VERDICTS, "precision"]
