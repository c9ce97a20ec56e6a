"""The article folder's metadata.csv: publication date, title, url, source.

    file,published,title,url,source
    003_b11a5b84c1d9ad38.txt,2025/12/29,,,

>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "metadata.csv").write_text("file,published\\n./a.txt,2025年12月29日\\nb.txt,\\n", encoding="utf-8")
>>> load_metadata(d)
{'a.txt': MetaRow(published=datetime.date(2025, 12, 29), title=None, url=None, source=None), 'b.txt': MetaRow(published=None, title=None, url=None, source=None)}
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Optional

from ..errors import ReadError
from .datevalue import parse_date_value
from .decode import DecodeError, decode_bytes

METADATA_FILE = "metadata.csv"
REQUIRED = ("file", "published")
OPTIONAL = ("title", "url", "source", "published_estimated", "note")
# A note that says the page shows no date marks the published value as an estimate.
ESTIMATE_NOTES = ("no date on the page", "estimate", "推定", "日付なし")


def _estimated(flag: Optional[str], note: Optional[str]) -> bool:
    if flag:
        return flag.strip().lower() in ("1", "true", "yes", "y", "estimated")
    return bool(note) and any(k in note.lower() for k in ESTIMATE_NOTES)


@dataclass(frozen=True, slots=True)
class MetaRow:
    published: Optional[date]
    title: Optional[str]
    url: Optional[str]
    source: Optional[str]
    # The date is the collector's estimate, not the page's own (a listing page,
    # "no date on the page"): kept for the record, never used to resolve 昨日 or 21日.
    estimated: bool = False


def load_metadata(folder: Path) -> dict[str, MetaRow]:
    """Rows of ``folder/metadata.csv`` keyed by the file path relative to the
    folder (posix); {} when there is no such file.  An empty ``published`` is
    None; a value that is not an absolute date raises ReadError(bad-metadata)."""
    path = Path(folder) / METADATA_FILE
    if not path.is_file():
        return {}
    try:
        text, _ = decode_bytes(path.read_bytes())  # Excel saves CSV as CP932 or UTF-8 with BOM
    except OSError as e:
        raise ReadError(path, "unreadable", e.strerror or str(e)) from None
    except DecodeError as e:
        raise ReadError(path, "bad-metadata", e.cause) from None
    try:
        return _rows(path, text)
    except csv.Error as e:
        raise ReadError(path, "bad-metadata", f"not valid CSV: {e}") from None


def _rows(path: Path, text: str) -> dict[str, MetaRow]:
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ReadError(path, "bad-metadata", f"missing column(s) {', '.join(missing)}; header is {header}")
    col = {name: header.index(name) for name in OPTIONAL + REQUIRED if name in header}
    rows: dict[str, MetaRow] = {}
    for record in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        cell = lambda name: (record[col[name]].strip() or None) if name in col and col[name] < len(record) else None  # noqa: E731
        name = cell("file")
        if not name:
            raise ReadError(path, "bad-metadata", f"line {line}: empty 'file'")
        key = PurePosixPath(name.replace("\\", "/")).as_posix()
        raw = cell("published")
        published = parse_date_value(raw)
        if raw and published is None:
            raise ReadError(path, "bad-metadata", f"line {line}: published {raw!r} is not an absolute date")
        if key in rows:
            raise ReadError(path, "bad-metadata", f"line {line}: {key} is listed twice")
        rows[key] = MetaRow(published, cell("title"), cell("url"), cell("source"),
                            _estimated(cell("published_estimated"), cell("note")))
    return rows
