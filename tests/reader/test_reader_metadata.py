"""load_metadata: metadata.csv rows keyed by relative posix path."""
from __future__ import annotations

from datetime import date

import pytest

from newsextract.errors import ReadError
from newsextract.reader import MetaRow, load_metadata


@pytest.mark.parametrize("value,expected", [
    ("2025-12-29", date(2025, 12, 29)),
    ("2025/12/29", date(2025, 12, 29)),
    ("2025.12.29", date(2025, 12, 29)),
    ("2025年12月29日", date(2025, 12, 29)),
    ("2025年12月29日 10時30分", date(2025, 12, 29)),
    ("2025-11-22T21:28:00-05:00", date(2025, 11, 22)),  # the calendar day as written
    ('"Dec 29, 2025"', date(2025, 12, 29)),
    ("29 December 2025", date(2025, 12, 29)),
    ("", None),
])
def test_published_formats(tmp_path, value, expected):
    (tmp_path / "metadata.csv").write_text(f"file,published\na.txt,{value}\n", encoding="utf-8")
    assert load_metadata(tmp_path)["a.txt"].published == expected


def test_columns_keys_and_extra_columns(tmp_path):
    (tmp_path / "metadata.csv").write_text(
        "File, Published ,title,url,source,note\n"
        "./sub/a.txt,2025-12-29,和平案,https://x.jp/a,ロイター,メモ\n"
        "sub\\b.txt,,,,,\n"
        "\n", encoding="utf-8-sig")
    assert load_metadata(tmp_path) == {
        "sub/a.txt": MetaRow(date(2025, 12, 29), "和平案", "https://x.jp/a", "ロイター"),
        "sub/b.txt": MetaRow(None, None, None, None),
    }


def test_cp932_csv_from_excel(tmp_path):
    (tmp_path / "metadata.csv").write_bytes("file,published,title\r\na.txt,2025年12月29日,和平案の行方\r\n".encode("cp932"))
    assert load_metadata(tmp_path)["a.txt"] == MetaRow(date(2025, 12, 29), "和平案の行方", None, None)


def test_no_metadata_file(tmp_path):
    assert load_metadata(tmp_path) == {}


@pytest.mark.parametrize("csv,words", [
    ("file,title\na.txt,x\n", "missing column(s) published"),
    ("published\n2025-12-29\n", "missing column(s) file"),
    ("file,published\na.txt,yesterday\n", "line 2: published 'yesterday'"),
    ("file,published\na.txt,Dec 29\n", "not an absolute date"),  # the year would come from today
    ("file,published\na.txt,2025-12-29\n./a.txt,2025-12-30\n", "listed twice"),
    ("file,published\n,2025-12-29\n", "empty 'file'"),
    ('file,published\n"a.txt,2025-12-29\n', "not valid CSV"),
])
def test_bad_metadata(tmp_path, csv, words):
    path = tmp_path / "metadata.csv"
    path.write_text(csv, encoding="utf-8")
    with pytest.raises(ReadError) as err:
        load_metadata(tmp_path)
    assert err.value.reason == "bad-metadata" and str(path) in str(err.value)
    assert words in str(err.value)


def test_real_corpus_metadata():
    from pathlib import Path
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    if not (corpus / "metadata.csv").is_file():
        pytest.skip("no corpus")
    meta = load_metadata(corpus)
    assert meta["003_b11a5b84c1d9ad38.txt"].published == date(2025, 12, 29)
    assert meta["002_235975adddba3039.txt"].published is None  # five stories, five dates
