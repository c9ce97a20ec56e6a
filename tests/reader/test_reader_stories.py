"""split_stories: ▽ blocks with their own outlet and time; stories tile the text."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from newsextract.reader import Story, split_stories
from reader_samples import ARTICLE, MULTI


def test_multi_story_file():
    stories = split_stories(MULTI)
    assert [(s.published, s.outlet) for s in stories] == [
        (date(2025, 11, 24), "bloomberg日本語版"),
        (date(2025, 11, 23), "ロイター日本語版"),  # the header, not the Reuters 22日 line
        (date(2025, 11, 21), "bloomberg日本語版"),
    ]
    assert [MULTI[s.start:s.start + 6] for s in stories] == ["▽ウクライナ", "▽米の和平案", "▽米ロが28"]
    # the ▽ bullet line without a stamp stays inside story 2
    assert "▽停戦の実施" in MULTI[stories[1].start:stories[1].end]


@pytest.mark.parametrize("text,expected", [
    (ARTICLE, [Story(0, len(ARTICLE), date(2025, 12, 29), None)]),
    ("本文だけ。\n", [Story(0, 6, None, None)]),
    ("", [Story(0, 0, None, None)]),
    ("▽停戦の実施▽領土問題\n本文", [Story(0, 14, None, None)]),  # bullets, not headers
    # one header: one story, its date and outlet
    ("▽見出し＜共同＞2025年11月24日\n本文", [Story(0, 22, date(2025, 11, 24), "共同")]),
    # leading blank lines join the first story; a preamble is a story of its own
    ("\n\n▽A<X>2025年1月2日\n▽B<Y>2025年1月3日\n",
     [Story(0, 17, date(2025, 1, 2), "X"), Story(17, 32, date(2025, 1, 3), "Y")]),
    ("まとめ\n▽A<X>2025年1月2日\n本文\n",
     [Story(0, 4, None, None), Story(4, 22, date(2025, 1, 2), "X")]),
    ("▽A<X>2025年1月2日 更新\n本文\n", [Story(0, 21, date(2025, 1, 2), "X")]),
])
def test_split_stories(text, expected):
    assert split_stories(text) == expected


def _tiles(text: str, stories: list[Story]) -> bool:
    bounds = [(s.start, s.end) for s in stories]
    return (bounds[0][0] == 0 and bounds[-1][1] == len(text)
            and all(a[1] == b[0] and a[0] <= a[1] for a, b in zip(bounds, bounds[1:])))


def test_crlf_offsets():
    text = MULTI.replace("\n", "\r\n")
    stories = split_stories(text)
    assert len(stories) == 3 and _tiles(text, stories)
    assert all(text[s.start] == "▽" for s in stories)


LINES = st.sampled_from([
    "▽見出し<bloomberg日本語版>2025年11月24日 4:01 JST", "▽箇条書き", "本文です。", "", "\r",
    "[ワシントン 22日 ロイター] - 本文", "2025/12/29 更新", "▽A＜共同＞2025年1月2日", "  ▽x<y>2025.1.3",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(LINES, max_size=12), st.sampled_from(["\n", "\r\n"]))
def test_stories_always_tile_the_text(lines, newline):
    text = newline.join(lines)
    assert _tiles(text, split_stories(text))
