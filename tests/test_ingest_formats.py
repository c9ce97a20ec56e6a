"""One Japanese article saved every way a folder of news holds it: each
readable copy ingests to identical text and events, each broken file is
reported with its cause, and the batch goes on."""
import sqlite3

import pytest
from click.testing import CliRunner

from newsextract.cli import EXIT_SKIPPED, cli

ARTICLE = ("トランプ・ゼレンスキー会談　和平案合意「極めて近づく」\r\n\r\n2025/12/29 更新\r\n\r\n"
           "トランプ米大統領は28日、フロリダ州の邸宅にウクライナのゼレンスキー大統領を迎え、"
           "ロシアとの戦争を終結させるための和平案について協議した。\r\n"
           "会談後の共同記者会見で、トランプ氏は「合意に極めて近づいている」と述べた。\r\n")
ENCODINGS = {
    "utf8.txt": ARTICLE.encode("utf-8"),
    "utf8bom.txt": ARTICLE.encode("utf-8-sig"),
    "utf16le.txt": b"\xff\xfe" + ARTICLE.encode("utf-16-le"),
    "utf16be.txt": b"\xfe\xff" + ARTICLE.encode("utf-16-be"),
    "sjis.txt": ARTICLE.encode("shift_jis"),
    "cp932.txt": ARTICLE.encode("cp932"),
    "eucjp.txt": ARTICLE.encode("euc_jp"),
    "jis.txt": ARTICLE.encode("iso2022_jp"),
}
BROKEN = {
    "empty.txt": (b"", "empty"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300), "binary"),
    "truncated.txt": (ARTICLE.encode("utf-8")[:-3], "undecodable"),  # cut inside 。
    "huge.txt": (("あ" * 400_000).encode("utf-8"), "too-large"),
}
HTML = ("<!DOCTYPE html><html lang='ja'><head><meta charset='utf-8'><title>会談</title>"
        "<meta property='article:published_time' content='2025-12-29T09:00:00+09:00'></head><body>"
        "<nav>トップ 国際</nav><article><h1>トランプ氏、和平案で協議</h1>"
        "<p>トランプ米大統領は28日、フロリダ州の邸宅にウクライナのゼレンスキー大統領を迎え、"
        "ロシアとの戦争を終結させるための和平案について協議した。</p>"
        "<p>会談後の共同記者会見で、トランプ氏は「合意に極めて近づいている」と述べた。</p>"
        "</article><footer>Copyright Example</footer></body></html>")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    d = tmp_path_factory.mktemp("formats")
    for name, data in ENCODINGS.items():
        (d / name).write_bytes(data)
    for name, (data, _) in BROKEN.items():
        (d / name).write_bytes(data)
    (d / "page.html").write_text(HTML, encoding="utf-8")
    (d / "front.txt").write_text("---\ntitle: 会談\npublished: 2025-12-29\n---\n" + ARTICLE, encoding="utf-8")
    db = tmp_path_factory.mktemp("db") / "f.db"
    result = CliRunner().invoke(cli, ["ingest", str(d), "--db", str(db), "--max-bytes", "1000000"])
    return result, db


def _events(db, path):
    with sqlite3.connect(db) as con:
        return sorted(con.execute(
            "SELECT e.actor_id, e.type, e.date, e.date_basis FROM events e "
            "JOIN articles a ON a.id = e.article_id WHERE a.path = ?", (path,)))


def test_every_encoding_gives_the_same_text_and_events(ingested):
    result, db = ingested
    with sqlite3.connect(db) as con:
        rows = dict(con.execute("SELECT path, text FROM articles"))
        encodings = dict(con.execute("SELECT path, encoding FROM articles"))
    for name in ENCODINGS:
        assert rows[name] == ARTICLE, name
    assert encodings["jis.txt"] == "iso2022_jp" and encodings["eucjp.txt"] == "euc_jp"
    reference = _events(db, "utf8.txt")
    assert ("TRUMP", "CONSULT", "2025-12-28", "explicit") in reference
    for name in ENCODINGS:
        assert _events(db, name) == reference, name


def test_front_matter_and_html_are_dated_and_extracted(ingested):
    _, db = ingested
    with sqlite3.connect(db) as con:
        published = dict(con.execute("SELECT path, published FROM articles"))
        fmt = dict(con.execute("SELECT path, format FROM articles"))
    assert published["front.txt"] == "2025-12-29" and published["page.html"] == "2025-12-29"
    assert fmt["page.html"] == "html"
    assert ("TRUMP", "CONSULT", "2025-12-28", "explicit") in _events(db, "page.html")


def test_broken_files_are_reported_by_cause_and_the_rest_ingested(ingested):
    result, db = ingested
    assert result.exit_code == EXIT_SKIPPED
    for name, (_, reason) in BROKEN.items():
        assert any(name in line and reason in line for line in result.output.splitlines()), name
    assert "10 ingested" in result.output and "4 skipped" in result.output
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 10
