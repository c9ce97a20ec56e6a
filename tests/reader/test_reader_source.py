"""read_source beyond decoding: front matter, HTML pages, the real corpus."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsextract.errors import ReadError
from newsextract.reader import read_source, split_stories
from reader_samples import ENCODINGS, FRONT, HTML, PARAGRAPHS, encode

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.mark.parametrize("how,recorded", ENCODINGS)
def test_front_matter_read_and_left_in_the_text(tmp_path, how, recorded):
    path = tmp_path / "fm.txt"
    path.write_bytes(encode(FRONT, how))
    src = read_source(path)
    assert src.text == FRONT  # offsets count the front matter too
    assert (src.published, src.title) == (date(2025, 12, 12), "和平案で協議")


@pytest.mark.parametrize("text,published,title", [
    ("---\ndate: 2025/12/29\n---\n本文", date(2025, 12, 29), None),
    ("---\r\ntitle: 'A: B'\r\n---\r\n2025/01/02 更新\r\n", date(2025, 1, 2), "A: B"),  # else the dateline
    ("---\npublished: yesterday\n---\n本文", None, None),  # never relative to now
    ("本文\n---\ntitle: 見出し\n---\n", None, None),  # not at the very top
    ("---\nただの区切り線の間の文\n---\n本文", None, None),  # not key: value lines
])
def test_front_matter_cases(tmp_path, text, published, title):
    path = tmp_path / "fm.txt"
    path.write_bytes(text.encode("utf-8"))
    src = read_source(path)
    assert (src.text, src.published, src.title) == (text, published, title)


DATE_META = [
    ('<meta property="article:published_time" content="2025-12-29T10:00:00+09:00">', date(2025, 12, 29)),
    # htmldate reads this as 2024-01-01
    ('<meta name="pubdate" content="2024年3月20日 10時30分">', date(2024, 3, 20)),
    ('<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "datePublished": "2001-01-01"},'
     ' {"@type": "NewsArticle", "datePublished": "2025-11-23T21:28:00+09:00"}]}</script>', date(2025, 11, 23)),
    ('<script type="application/ld+json">{broken</script><meta itemprop="datePublished" content="2025/11/21">',
     date(2025, 11, 21)),
    ('<meta name="date" content="1970-01-01">', None),  # a CMS default, not a date
    ("", None),  # no metadata: the date recognizer may still find one in the text
]


@pytest.mark.parametrize("charset,recorded", [("utf-8", "utf-8"), ("shift_jis", "shift_jis"), ("euc-jp", "euc_jp")])
@pytest.mark.parametrize("date_meta,published", DATE_META)
def test_html_page(tmp_path, charset, recorded, date_meta, published):
    path = tmp_path / "page.html"
    path.write_bytes(HTML.format(charset=charset, date_meta=date_meta).encode(charset))
    src = read_source(path)
    assert (src.format, src.encoding, src.published) == ("html", recorded, published)
    assert src.title == "トランプ氏、和平案で協議"
    lines = src.text.split("\n")
    for para in PARAGRAPHS:  # each paragraph is a line of its own
        assert any(line.startswith(para) for line in lines)
    assert "トップ" not in src.text and "Copyright" not in src.text  # boilerplate gone


@pytest.mark.parametrize("page", ["<html><body></body></html>", "<html><head><title>t</title></head><body> </body></html>"])
def test_html_without_article_is_empty(tmp_path, page):
    path = tmp_path / "blank.htm"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read_source(path)
    assert err.value.reason == "empty" and str(path) in str(err.value)


EXPECTED_CORPUS = {  # file -> (published, [(story published, outlet)])
    "000_02acf547ee38c18e.txt": (None, [(None, None)]),  # 「2025年10月26日、…」 is prose
    "001_285d633b0b7753de.txt": (None, [(None, None)]),
    "002_235975adddba3039.txt": (date(2025, 11, 24), [
        (date(2025, 11, 24), "bloomberg日本語版"), (date(2025, 11, 21), "bloomberg日本語版"),
        (date(2025, 11, 23), "ロイター日本語版"), (date(2025, 11, 22), "ロイター日本語版"),
        (date(2025, 11, 21), "bloomberg日本語版")]),
    "003_b11a5b84c1d9ad38.txt": (date(2025, 12, 29), [(date(2025, 12, 29), None)]),
    "004_e008e946b37ff35a.txt": (None, [(None, None)]),
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no corpus checked out")
@pytest.mark.parametrize("name,expected", EXPECTED_CORPUS.items())
def test_corpus(name, expected):
    src = read_source(CORPUS / name)
    stories = split_stories(src.text)
    assert (src.encoding, src.published) == ("utf-8", expected[0])
    assert [(s.published, s.outlet) for s in stories] == expected[1]
    assert stories[0].start == 0 and stories[-1].end == len(src.text)
