import pytest

from newsextract.tokenize import SPACE, Tokenizer, split_sentences

TEXTS = [
    "④11月27日:プーチン氏、米・ウクライナの和平案を拒否\nプーチン氏は、記者会見で拒否した。",
    "  先頭の空白と\n\n\n改行、  途中の 空白 も\t保つ。\r\n末尾の空白   ",
    "全角　スペース　と ASCII words mixed 123 ４５６。",
    "",
    "\n",
]


@pytest.fixture(scope="module")
def tokenizer():
    return Tokenizer()


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_rebuild_text_exactly(tokenizer, text):
    tokens = tokenizer.tokens(text)
    assert "".join(t.surface for t in tokens) == text
    for t in tokens:
        assert text[t.start:t.end] == t.surface


@pytest.mark.parametrize("text", TEXTS)
def test_doc_token_i_is_our_token_i(tokenizer, text):
    tokens = tokenizer.tokens(text)
    doc = tokenizer.doc(tokens)
    assert doc.text == text
    assert [t.text for t in doc] == [t.surface for t in tokens]


@pytest.mark.parametrize("text,expected", [
    ("米国は提示した。ロシアは拒否した。", ["米国は提示した。", "ロシアは拒否した。"]),
    ("見出し\n本文です。", ["見出し", "本文です。"]),
    ("彼は「反対だ。認めない」と述べた。次の文。", ["彼は「反対だ。認めない」と述べた。", "次の文。"]),
    ("一文目！二文目？", ["一文目！", "二文目？"]),
])
def test_sentences(tokenizer, text, expected):
    tokens = tokenizer.tokens(text)
    got = [text[s.start:s.end] for s in split_sentences(text, tokens)]
    assert got == expected


def test_whitespace_is_its_own_token(tokenizer):
    tokens = tokenizer.tokens("会談 した")
    assert [t.pos1 == SPACE for t in tokens] == [False, True, False, False]


@pytest.mark.parametrize("text", TEXTS + ['数字,カンマ "引用, 符" 123,456円 ＡＢＣ ウィトコフ特使', "ロシアのプーチン大統領は拒否した。"])
def test_cached_features_equal_fugashi_features(tokenizer, text):
    """The feature cache reads the raw UniDic string; it must give what
    fugashi's own feature API gives, unknown words included."""
    import fugashi
    words = fugashi.Tagger()(text)
    ours = [t for t in tokenizer.tokens(text) if not (t.pos1 == SPACE and t.pos2 == "")]  # ours, not UniDic's 空白
    assert len(ours) == len(words)
    for t, w in zip(ours, words):
        f = w.feature
        assert (t.pos1, t.pos2, t.pos3, t.lemma) == (f.pos1 or "", f.pos2 or "", f.pos3 or "", f.orthBase or w.surface)
