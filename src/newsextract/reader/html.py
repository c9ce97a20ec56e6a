"""Article text, publication date and title from a saved HTML page.

The text is trafilatura's plain-text extraction (one paragraph per line); the
date comes only from explicit page metadata — JSON-LD ``datePublished``,
``article:published_time`` and similar meta tags, ``<time itemprop=…>`` —
because htmldate's guesses misread 「2024年3月20日 10時30分」 as 2024-01-01.
Nothing is fetched: trafilatura gets the decoded string.

>>> page = '<html><head><meta property="article:published_time" content="2025-12-29T10:00:00+09:00">'
>>> page += '<title>和平案</title></head><body><article><p>' + '米ロが協議した。' * 20 + '</p></article></body></html>'
>>> art = extract_article(page)
>>> art.published, art.title, art.text[:8]
(datetime.date(2025, 12, 29), '和平案', '米ロが協議した。')
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator, Optional

from .datevalue import parse_date_value

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
# meta names/properties that state the publication date, best first
PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "published_time", "dc.date.issued", "dcterms.issued",
    "dcterms.created", "dc.date", "sailthru.date", "parsely-pub-date", "date",
)
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting",
                  "analysisnewsarticle", "opinionnewsarticle", "webpage"}
MIN_YEAR = 1990  # older "publication dates" in page metadata are defaults, not facts


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    text: str
    published: Optional[date]
    title: Optional[str]


# As in browsers (WHATWG Encoding), Shift_JIS labels mean the CP932 superset;
# decode_bytes still keeps plain Shift_JIS where the bytes allow it.
_CHARSET_ALIASES = {"shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
                    "ms_kanji": "cp932", "csshiftjis": "cp932", "windows-31j": "cp932"}


def declared_charset(data: bytes) -> Optional[str]:
    """The charset a page declares in its first 4 KB (``<meta charset=…>``).

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')
    'cp932'
    """
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    return _CHARSET_ALIASES.get(name, name)


def extract_article(html: str) -> HtmlArticle:
    """Text (paragraphs as lines), published date and title of a page."""
    import lxml.html
    import trafilatura  # heavy: imported only when an HTML file is read

    html = _XML_DECL.sub("", html, count=1)  # lxml refuses str with an encoding declaration
    text = trafilatura.extract(html, output_format="txt", include_comments=False,
                               include_tables=True, with_metadata=False, deduplicate=False) or ""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return HtmlArticle(text, None, None)
    ld = list(_json_ld(tree))
    return HtmlArticle(text, _published(tree, ld), _title(tree, ld))


def _published(tree: Any, ld: list[dict]) -> Optional[date]:
    for value in _published_values(tree, ld):
        d = parse_date_value(value)
        if d and MIN_YEAR <= d.year <= date.today().year + 1:
            return d
    return None


def _published_values(tree: Any, ld: list[dict]) -> Iterator[str]:
    articles = [o for o in ld if _types(o) & _ARTICLE_TYPES] + [o for o in ld if not _types(o) & _ARTICLE_TYPES]
    for obj in articles:
        if isinstance(obj.get("datePublished"), str):
            yield obj["datePublished"]
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and meta.get("content") and key not in metas:
            metas[key] = meta.get("content")
    for key in PUBLISHED_META:
        if key in metas:
            yield metas[key]
    for t in tree.iter("time"):
        if (t.get("itemprop") or "").lower() == "datepublished" or t.get("pubdate") is not None:
            yield t.get("datetime") or t.text_content()


def _title(tree: Any, ld: list[dict]) -> Optional[str]:
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:title" and meta.get("content"):
            return meta.get("content").strip()
    for obj in ld:
        if isinstance(obj.get("headline"), str) and obj["headline"].strip():
            return obj["headline"].strip()
    t = tree.find(".//title")
    title = t.text_content().strip() if t is not None else ""
    return title or None


def _json_ld(tree: Any) -> Iterator[dict]:
    """Every JSON object in the page's JSON-LD blocks (through @graph and lists)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue  # broken JSON-LD is common; the meta tags may still help
        stack = [data]
        while stack:
            obj = stack.pop(0)
            if isinstance(obj, list):
                stack.extend(obj)
            elif isinstance(obj, dict):
                yield obj
                stack.extend(v for k, v in obj.items() if k == "@graph" or isinstance(v, (dict, list)))


def _types(obj: dict) -> set[str]:
    t = obj.get("@type", ())
    return {x.lower() for x in ([t] if isinstance(t, str) else t) if isinstance(x, str)}
