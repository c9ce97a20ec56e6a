"""Bytes -> text for Japanese articles: a strict cascade, chardet last.

Order (first hit wins): BOM -> ISO-2022-JP escapes -> strict UTF-8 ->
declared charset (HTML) -> decode-and-score among CP932 / EUC-JP / UTF-16
-> chardet.  Newlines are left exactly as decoded, a BOM is never kept.

>>> decode_bytes("東京".encode("euc_jp") * 3)
('東京東京東京', 'euc_jp')
"""
from __future__ import annotations

import codecs
import re
from collections import Counter
from functools import lru_cache
from typing import Optional


class DecodeError(Exception):
    """Why bytes could not become text; ``reason`` is a ReadError reason."""

    def __init__(self, reason: str, cause: str):
        super().__init__(f"{reason}: {cause}")
        self.reason, self.cause = reason, cause


# UTF-32 before UTF-16: FF FE 00 00 also starts with the UTF-16-LE BOM.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of formats people drop into article folders by mistake.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"), (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx)"), (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"), (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "ELF executable"), (b"\xd0\xcf\x11\xe0", "MS Office (OLE) file"),
    (b"SQLite format 3\x00", "SQLite database"), (b"RIFF", "RIFF media file"),
)
_ISO2022 = re.compile(rb"\x1b(?:\$[@B(]|\([BJI])")
# C0/C1 controls other than tab, LF, VT, FF, CR and ESC: never in real articles.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
# The same as raw bytes; C1 (0x80-0x9F) left out: those are SJIS lead bytes.
_RAW_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CANDIDATES = ("cp932", "euc_jp", "utf-16-le", "utf-16-be")
# Below this mean score (see score_japanese) a decoding is taken for mojibake.
MIN_SCORE = 0.5
# chardet 7 reports low confidences (0.43 for 100 chars of GB18030); the strict
# decode and the control check below do the real filtering.
MIN_CHARDET = 0.15

_NON_ASCII = re.compile("[^\t\n\r\x20-\x7e]+")
_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa]")


@lru_cache(maxsize=65536)
def _weight(ch: str) -> float:
    """How Japanese one non-ASCII char looks, from -2 (never in text) to 1."""
    o = ord(ch)
    if o < 0x20 or 0x7F <= o <= 0x9F:
        return -2.0  # controls
    if _is_kana(ch) or o == 0x30FC:
        return 1.0  # kana: the backbone of Japanese prose
    if 0xE000 <= o <= 0xF8FF or o == 0xFFFD:
        return -2.0  # private use (CP932 user area), replacement
    if 0xFF61 <= o <= 0xFF9F:
        return -0.5  # half-width kana: rare, but typical of CP932 mojibake
    if 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F or 0xAC00 <= o <= 0xD7AF \
            or 0x3400 <= o <= 0x4DBF or 0xA000 <= o <= 0xA4CF:
        return -1.0  # Hangul, CJK extension A, Yi: what wrong-endian UTF-16 looks like
    if 0x2010 <= o <= 0x2BFF:
        return 0.8  # punctuation, arrows, shapes: • ※ ▽ ★ (not all are in JIS)
    try:
        lead = ch.encode("euc_jp")[0]  # in JIS X 0208 (or 0212)?
    except UnicodeEncodeError:
        lead = None
    if 0x4E00 <= o <= 0x9FFF:
        if lead is not None:
            return 1.0 if 0xB0 <= lead <= 0xCF else 0.3  # JIS level 1 = common kanji
        return 0.0 if _in_cp932(ch) else -0.5  # IBM/NEC extension kanji (髙) are fine
    # JIS symbols, full-width forms, Greek, ①, ※: ordinary in Japanese text
    return 0.8 if lead is not None or _in_cp932(ch) else 0.0


def _is_kana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u3096" or "\u30a1" <= ch <= "\u30fa"


def _in_cp932(ch: str) -> bool:
    try:
        ch.encode("cp932")
        return True
    except UnicodeEncodeError:
        return False


def score_japanese(text: str) -> float:
    """Mean weight of the non-ASCII chars: about 0.9 for Japanese, < 0.3 for
    mojibake.  ASCII is neutral (it decodes alike in every candidate); controls
    count -2.  Pure ASCII scores 1.0.

    >>> score_japanese("東京で会談") > 0.9, score_japanese("譚ｱ莠ｬ縺ｧ") < 0.3
    (True, True)
    """
    return _score(text)[0]


def _score(text: str) -> tuple[float, float]:
    """(mean, total) weight of the non-ASCII chars of ``text``."""
    counts = Counter("".join(_NON_ASCII.findall(text)))
    n = sum(counts.values())
    if n == 0:
        return 1.0, 0.0
    total = sum(_weight(ch) * k for ch, k in counts.items())
    mean = total / n
    kanji = sum(k for ch, k in counts.items() if "\u4e00" <= ch <= "\u9fff")
    if kanji >= 10 and not any(_is_kana(ch) for ch in counts):
        # Japanese prose always has kana; EUC-KR / GB2312 read as EUC-JP is all kanji
        mean = min(mean, MIN_SCORE - 0.1)
    return mean, total


def _controls(text: str) -> int:
    return len(_CONTROL.findall(text))


def _strict(data: bytes, encoding: str) -> Optional[str]:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _truncated_at(data: bytes) -> Optional[int]:
    """Where valid UTF-8 (holding multi-byte chars) is cut inside its last
    char — a truncated download — else None."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.start >= len(data) - 3:
            head = data[: e.start]
            if not head.isascii() and _strict(head, "utf-8") is not None:
                return e.start
    return None


def _too_many_controls(text: str) -> bool:
    bad = _controls(text)
    return bool(bad) and bad > max(2, len(text) // 1000)


def _check(text: str, encoding: str) -> tuple[str, str]:
    """Reject texts that decode but hold controls (binary data) or nothing."""
    if _too_many_controls(text):
        raise DecodeError("binary", f"{_controls(text)} control characters after decoding as {encoding}")
    if not text.strip():
        raise DecodeError("empty", "the file holds only whitespace")
    return text, codecs.lookup(encoding).name


def decode_bytes(data: bytes, declared: Optional[str] = None) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)`` or raise DecodeError
    (reason empty, binary or undecodable).  ``declared`` is a charset named
    by the document itself (HTML meta), tried after strict UTF-8."""
    if not data:
        raise DecodeError("empty", "the file is 0 bytes long")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], encoding.replace("-sig", ""))
            if text is None:
                raise DecodeError("undecodable", f"starts with a {encoding} BOM but is not valid {encoding}")
            return _check(text, encoding)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError("binary", f"looks like a {what}")
    if data.isascii() and _ISO2022.search(data):
        for encoding in ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2004"):
            text = _strict(data, encoding)
            if text is not None:
                return _check(text, encoding)
    utf8 = _strict(data, "utf-8")  # the fast path: most files end here
    if utf8 is not None and not _CONTROL.search(utf8):
        return _check(utf8, "utf-8")
    cut = _truncated_at(data)
    if cut is not None:
        # Refused rather than repaired: a cut file is an incomplete article, and
        # the legacy candidates would read it as CP932 mojibake.
        raise DecodeError("undecodable", f"UTF-8 cut inside a multi-byte character at byte {cut} of {len(data)} (truncated file?)")
    if declared:
        text = _strict(data, declared)
        if text is not None and score_japanese(text) >= MIN_SCORE:
            return _check(*_prefer_shift_jis(data, text, declared))
    # Among the decodings that look Japanese, the one that explains the most
    # text wins: 「その協議で」 in UTF-16-LE is also valid Shift_JIS (']0n0TSp吉0'),
    # whose one kanji scores well but explains little.
    fits: list[tuple[int, float, str, str]] = []  # (tier, total, text, encoding)
    best: Optional[tuple[float, str, str]] = None  # best mean, for the message
    for encoding in _CANDIDATES:
        if encoding.startswith("utf-16") and len(data) % 2:
            continue
        text = _strict(data, encoding)
        if text is None:
            continue
        mean, total = _score(text)
        if mean >= MIN_SCORE:
            # BOM-less UTF-16 without kana or NUL bytes (ASCII's zero half) comes
            # last: any even run of bytes is UTF-16 ('      ここまで' in Shift_JIS
            # reads as UTF-16-BE '†††花花苜苅')
            weak = encoding.startswith("utf-16") and b"\x00" not in data and not _KANA.search(text)
            fits.append((0 if weak else 1, total, text, encoding))
        if best is None or mean > best[0]:
            best = (mean, text, encoding)
    if fits:
        _, _, text, encoding = max(fits, key=lambda f: f[:2])
        if utf8 is None or not _CONTROL.search(text):
            return _check(*_prefer_shift_jis(data, text, encoding))
    if utf8 is not None:  # valid UTF-8 with a few stray controls (or binary: _check says)
        return _check(utf8, "utf-8")
    return _fallback(data, best)


_SJIS_FAMILY = {"cp932", "shift_jis", "ms932", "mskanji", "sjis", "windows-31j"}


def _prefer_shift_jis(data: bytes, text: str, encoding: str) -> tuple[str, str]:
    """Bytes valid in plain Shift_JIS are decoded as Shift_JIS: 0x8160 is then
    〜 U+301C as in EUC-JP, ISO-2022-JP and most UTF-8 news, not CP932's ～
    U+FF5E.  Only bytes that need CP932 (①, 髙, NEC/IBM rows) stay CP932."""
    try:
        if codecs.lookup(encoding).name not in _SJIS_FAMILY:
            return text, encoding
    except LookupError:
        return text, encoding
    sjis = _strict(data, "shift_jis")
    return (sjis, "shift_jis") if sjis is not None else (_strict(data, "cp932") or text, "cp932")


def _fallback(data: bytes, best: Optional[tuple[float, str, str]]) -> tuple[str, str]:
    """chardet for what the cascade cannot place (Chinese, Korean, Latin-1 …)."""
    import chardet  # only here: the cascade settles Japanese files

    guess = chardet.detect(data[:65536])
    encoding = guess.get("encoding")
    if encoding and (guess.get("confidence") or 0) >= MIN_CHARDET:
        text = _strict(data, encoding)
        # latin-1 and kin decode anything: controls mean the guess is wrong
        if text is not None and not _too_many_controls(text):
            return _check(text, encoding)
    head = data[:65536]
    if b"\x00" in head or len(_RAW_CONTROL.findall(head)) > len(head) // 100:
        raise DecodeError("binary", "NUL or control bytes, and no text encoding fits")
    tried = ", ".join(("utf-8",) + _CANDIDATES)
    near = f"; best was {best[2]} scoring {best[0]:.2f}" if best else ""
    raise DecodeError("undecodable", f"not valid in any of {tried}, and chardet found none{near}")
