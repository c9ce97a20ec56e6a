"""read_source decoding: the same text whatever the encoding; clear errors otherwise."""
from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from newsextract.errors import ReadError
from newsextract.reader import DEFAULT_MAX_BYTES, read_source, split_stories
from newsextract.reader.decode import score_japanese
from reader_samples import ARTICLE, ENCODINGS, MULTI, NUL_BLOB, PNG, SHORT_TEXTS, encode


@pytest.mark.parametrize("how,recorded", ENCODINGS)
@pytest.mark.parametrize("text", [ARTICLE, MULTI], ids=["article", "multi"])
def test_same_text_and_stories_in_every_encoding(tmp_path, text, how, recorded):
    path = tmp_path / "a.txt"
    path.write_bytes(encode(text, how))
    src = read_source(path)
    assert src.text == text  # no BOM, \r\n kept: offsets refer to exactly this
    assert src.encoding == recorded
    assert src.format == "text"
    assert split_stories(src.text) == split_stories(text)


@pytest.mark.parametrize("how,recorded", ENCODINGS)
def test_article_dateline_in_every_encoding(tmp_path, how, recorded):
    path = tmp_path / "a.txt"
    path.write_bytes(encode(ARTICLE, how))
    assert read_source(path).published == date(2025, 12, 29)


@pytest.mark.parametrize("how,recorded", ENCODINGS)
@pytest.mark.parametrize("text", SHORT_TEXTS)
def test_short_texts(tmp_path, text, how, recorded):
    path = tmp_path / "short.txt"
    path.write_bytes(encode(text, how))
    src = read_source(path)
    assert (src.text, src.encoding) == (text, recorded)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_found_by_score(tmp_path, codec):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode(codec))
    assert (read_source(path).text, read_source(path).encoding) == (ARTICLE, codec)


@pytest.mark.parametrize("text,codec,recorded", [
    ("①和平案の要点※２項目", "cp932", "cp932"),  # NEC row 13: CP932 only
    ("髙島屋で会見した", "cp932", "cp932"),  # IBM extension kanji
    ("28〜29日に会談した", "shift_jis", "shift_jis"),
    ("28〜29日に会談した", "euc_jp", "euc_jp"),
])
def test_cp932_only_chars_and_wave_dash(tmp_path, text, codec, recorded):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(codec))
    src = read_source(path)
    # 〜 reads as U+301C from Shift_JIS as from EUC-JP (CP932 would give ～ U+FF5E)
    assert (src.text, src.encoding) == (text, recorded)


def test_crlf_and_lone_cr_kept(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("一行目\r\n二行目\r三行目\n".encode("cp932"))
    assert read_source(path).text == "一行目\r\n二行目\r三行目\n"


BAD = [  # (name, bytes, reason, words the message must hold)
    ("empty.txt", b"", "empty", "0 bytes"),
    ("bom-only.txt", b"\xef\xbb\xbf", "empty", "whitespace"),
    ("blank.txt", b" \r\n\t\n", "empty", "whitespace"),
    ("image.txt", PNG, "binary", "PNG"),
    ("blob.txt", NUL_BLOB, "binary", "control"),
    ("cut.txt", ARTICLE.encode("utf-8")[:-2] + "だ".encode("utf-8")[:2], "undecodable", "cut inside"),
    ("broken-sjis.txt", ARTICLE.encode("cp932")[:40] + b"\x81\x20" + ARTICLE.encode("cp932")[40:], "undecodable", "not valid"),
    ("bad-bom.txt", b"\xef\xbb\xbf" + "和平".encode("cp932"), "undecodable", "BOM"),
]


@pytest.mark.parametrize("name,data,reason,words", BAD, ids=[b[0] for b in BAD])
def test_unreadable_files_raise_read_error(tmp_path, name, data, reason, words):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        read_source(path)
    assert err.value.reason == reason
    assert err.value.path == path
    assert str(path) in str(err.value) and words in str(err.value)


def test_too_large_uses_the_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    size = path.stat().st_size
    assert read_source(path, max_bytes=size).text == ARTICLE  # the limit itself is allowed
    with pytest.raises(ReadError) as err:
        read_source(path, max_bytes=size - 1)
    assert err.value.reason == "too-large" and str(path) in str(err.value)


def test_default_limit_is_5_mib(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (DEFAULT_MAX_BYTES + 1))
    with pytest.raises(ReadError, match="too-large"):
        read_source(path)
    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024


@pytest.mark.parametrize("make", ["missing", "directory"])
def test_unreadable(tmp_path, make):
    path = tmp_path / "x.txt"
    if make == "directory":
        path.mkdir()
    with pytest.raises(ReadError) as err:
        read_source(path)
    assert err.value.reason == "unreadable" and str(path) in str(err.value)


@pytest.mark.parametrize("text,codec,low", [
    ("東京で会談した", None, False),
    ("テスト記事です", "utf-8>cp932", True),  # UTF-8 bytes read as CP932
    ("東京都は二十日、対策を発表した。", "euc_jp>cp932", True),
    ("東京都は二十日、対策を発表した。", "utf-16-le>utf-16-be", True),
    ("한국 대통령은 오늘 회담을 가졌다 한국 대통령은 오늘", "euc_kr>euc_jp", True),  # all kanji, no kana
])
def test_score_tells_japanese_from_mojibake(text, codec, low):
    if codec:
        src, dst = codec.split(">")
        text = text.encode(src).decode(dst, errors="replace")
    assert (score_japanese(text) < 0.5) is low


def test_plain_text_does_not_import_trafilatura_or_dateparser(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    code = (
        "import sys; from pathlib import Path; from newsextract.reader import read_source, split_stories;"
        f"s = read_source(Path({str(path)!r})); split_stories(s.text);"
        "print(sorted(m for m in ('trafilatura', 'dateparser', 'chardet', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
