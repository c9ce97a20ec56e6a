"""Arbitrary Unicode through the whole pipeline: no exception, every span valid."""
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

JAPANESE = st.sampled_from(list("日月年同翌前上中下旬末①④•:、。「」()〜・米ロ中韓英仏独首相大統領氏は月日が会談拒否述べた ") +
                           ["\n", "\r\n", "\t", "2025", "11月27日", "同日", "プーチン大統領", "と会談した"])
TEXT = st.one_of(st.text(max_size=200),
                 st.lists(JAPANESE, max_size=80).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, dct=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31))))
def test_pipeline_never_fails_and_spans_hold(pipeline, text, dct):
    a = pipeline.analyze(text, dct)
    assert "".join(t.surface for t in a.tokens) == text
    for d in a.dates:
        assert text[d.start:d.end] == d.text
    for m in a.actors:
        assert text[m.start:m.end] == m.text
    for e in a.events:
        for m in e.mentions:
            for span in (m.trigger, m.actor, m.sentence, m.date):
                assert span is None or text[span.start:span.end] == span.text
