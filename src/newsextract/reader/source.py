"""read_source: one article file -> decoded text, encoding, date, title.

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = p.write_bytes("見出し\\n2025/12/29 更新\\n本文".encode("cp932"))
>>> src = read_source(p)
>>> src.encoding, src.published, src.text[:3]
('shift_jis', datetime.date(2025, 12, 29), '見出し')
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal, Optional

from ..errors import ReadError
from .dateline import find_dateline
from .decode import DecodeError, decode_bytes
from .frontmatter import parse_front_matter
from .html import HTML_SUFFIXES, declared_charset, extract_article

DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # far above any news article, far below a stray dump


@dataclass(frozen=True, slots=True)
class Source:
    text: str  # every later offset refers to this string
    encoding: str  # Python codec name: utf-8, utf-8-sig, utf-16-le, shift_jis, cp932, euc_jp, iso2022_jp …
    format: Literal["text", "html"]
    published: Optional[date]
    title: Optional[str]


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode one article; raise ReadError(path, reason, cause) with
    reason empty, binary, too-large, undecodable or unreadable."""
    path = Path(path)
    data = _read_bytes(path, max_bytes)
    is_html = path.suffix.lower() in HTML_SUFFIXES
    try:
        text, encoding = decode_bytes(data, declared_charset(data) if is_html else None)
    except DecodeError as e:
        raise ReadError(path, e.reason, e.cause) from None
    if is_html:
        article = extract_article(text)
        if not article.text.strip():
            raise ReadError(path, "empty", "no article text found in the HTML page")
        return Source(article.text, encoding, "html", article.published, article.title)
    front = parse_front_matter(text)
    body = front.end if front else 0
    published = (front.published if front else None) or find_dateline(text, body)
    return Source(text, encoding, "text", published, front.title if front else None)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(path, "too-large", f"{size:,} bytes, over the limit of {max_bytes:,}")
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as e:
        raise ReadError(path, "unreadable", e.strerror or str(e)) from None
    if len(data) > max_bytes:
        raise ReadError(path, "too-large", f"over the limit of {max_bytes:,} bytes")
    return data
