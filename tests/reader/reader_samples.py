"""Texts and bytes the reader tests write into tmp_path (no corpus on disk needed).

Every character here exists in JIS X 0208 with the same mapping in Shift_JIS,
CP932, EUC-JP and ISO-2022-JP (no 〜 － ∥), so each encoding round-trips.
"""
from __future__ import annotations

ARTICLE = (
    "トランプ・ゼレンスキー会談　和平案合意「極めて近づく」\r\n"
    "\r\n"
    "2025/12/29 更新\r\n"
    "\r\n"
    "トランプ米大統領は28日、フロリダ州パームビーチにある自身の邸宅にウクライナの"
    "ゼレンスキー大統領を迎え、長年続くロシアとの戦争を終結させるための和平案について協議した。\r\n"
    "会談後の共同記者会見で、トランプ氏は「合意に極めて近づいている」と述べた。"
    "ゼレンスキー氏も「２０項目の計画の９割で合意した」と語り、安全の保証が焦点になるとの見方を示した。\r\n"
    "ロシアのプーチン大統領とは会談の直前に電話で話したという。\r\n"
)

MULTI = (
    "▽ウクライナは28項目の和平案に関し声明発出を、米政府が迫る<bloomberg日本語版>2025年11月24日 4:01 JST\n"
    "米国のドリスコル陸軍長官やルビオ国務長官らは23日、ジュネーブでウクライナ側と協議を行っている。\n"
    "▽米の和平案、特使らがロ特使と作成＝関係筋<ロイター日本語版>2025年11月23日午後 9:28 GMT+9\n"
    "\n"
    "[ワシントン 22日 ロイター] - 米政府が提示した28項目の和平案は、特使らが作成したという。\n"
    "▽停戦の実施▽領土問題の協議（この▽は見出しではない）\n"
    "▽米ロが28項目の和平案をまとめた<bloomberg日本語版>2025年11月21日 8:49 JST\n"
    "プーチン氏の要求の多くを受け入れた内容となっている。\n"
)

FRONT = (
    "---\n"
    "title: 和平案で協議\n"
    "published: 2025年12月12日\n"
    "url: https://example.com/a\n"
    "---\n"
    "2025年10月26日、米ブルームバーグ通信は通話記録を報道した。\n"
)

SHORT_SJIS = "ロシアは和平案を拒否した。"  # one short paragraph
LINE_20 = "東京都は二十日、新しい対策を発表した。"  # 19 chars + newline = 20
SHORT_TEXTS = [
    SHORT_SJIS,
    LINE_20 + "\n",
    "和平案をめぐり協議。",
    "キーウで会談",
    "米ロが合意へ、停戦は来月から",
]

ENCODINGS = [  # (how it is written, what read_source must record)
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16-le"),  # LE with BOM
    ("utf-16-be+bom", "utf-16-be"),
    ("cp932", "shift_jis"),  # no CP932-only char in the text: plain Shift_JIS
    ("shift_jis", "shift_jis"),
    ("euc_jp", "euc_jp"),
    ("iso2022_jp", "iso2022_jp"),
]


def encode(text: str, how: str) -> bytes:
    if how == "utf-16-be+bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    if how == "utf-16":
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode(how)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(200)
NUL_BLOB = b"\x00\x01\x02\x03abc\x00\x00\x10\x11" * 50

HTML = """<!DOCTYPE html>
<html lang="ja"><head>
<meta charset="{charset}">
<title>和平案で協議 | ニュース</title>
<meta property="og:title" content="トランプ氏、和平案で協議">
{date_meta}
</head><body>
<nav><a href="/">トップ</a> <a href="/world">国際</a></nav>
<article>
<h1>トランプ氏、和平案で協議</h1>
<p>トランプ米大統領は２８日、フロリダ州でウクライナのゼレンスキー大統領と会談し、ロシアとの戦争を終結させるための和平案について協議した。</p>
<p>会談後の記者会見で、トランプ氏は「合意に極めて近づいている」と述べた。ゼレンスキー氏は安全の保証が焦点になるとの見方を示した。</p>
<p>ロシアのプーチン大統領とは会談の直前に電話で話したという。欧州の首脳も協議の行方を注視している。</p>
</article>
<footer>Copyright 2025 Example News. All rights reserved.</footer>
</body></html>
"""
PARAGRAPHS = [
    "トランプ米大統領は２８日、フロリダ州でウクライナのゼレンスキー大統領と会談し、",
    "会談後の記者会見で、トランプ氏は「合意に極めて近づいている」と述べた。",
    "ロシアのプーチン大統領とは会談の直前に電話で話したという。",
]
