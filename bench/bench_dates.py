"""Compare newsextract's date recognizer with ja-timex and dateparser.

Two tables, printed side by side, accuracy per class:
* ``bench/date_cases.jsonl``: our own sentences with a DCT and the expected
  (surface, value, mod) list; a case counts only if a tool returns exactly
  that list (so a negative counts only if nothing is returned);
* the sample corpus against shared/gold/timex: the share of gold
  (surface, value) pairs a tool reproduces in that document.

usage: .venv/bin/python bench/bench_dates.py [--corpus corpus] [--gold ../shared/gold]
Not part of the test suite; ja-timex is the optional ``bench`` extra.
"""
from __future__ import annotations

import argparse
import csv
import json
import time
import warnings
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def ours():
    from newsextract.dates import DateRecognizer
    rec = DateRecognizer.from_rules_dir(ROOT / "rules")

    def run(text, dct):
        return [(e.text, e.value, e.mod) for e in rec(text, dct)[0]]
    return run


def ja_timex():
    import pendulum
    from ja_timex import TimexParser

    def run(text, dct):
        ref = pendulum.datetime(dct.year, dct.month, dct.day) if dct else None
        out = []
        for t in TimexParser(reference=ref).parse(text):
            if t.type == "DATE":
                out.append((t.text, t.value, getattr(t, "mod", None)))
        return out
    return run


def dateparser_search():
    from dateparser.search import search_dates

    def run(text, dct):
        settings = {"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day)} if dct else {}
        found = search_dates(text, languages=["ja"], settings=settings) or []
        return [(s, d.strftime("%Y-%m-%d"), None) for s, d in found]
    return run


def same(got, expected):
    """dateparser has no granularity: a day value matches a month or year
    expectation when it falls inside it."""
    if len(got) != len(expected):
        return False
    for (gs, gv, gm), (es, ev, em) in zip(got, expected):
        if gs != es or gm != em or not (gv == ev or (gv and "/" not in ev and len(ev) < 10
                                                     and gv.startswith(ev))):
            return False
    return True


def bench_cases(tools, path):
    score = defaultdict(Counter)
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        dct = date.fromisoformat(case["dct"]) if case["dct"] else None
        expected = [tuple(e) for e in case["expect"]]
        for name, run in tools.items():
            score[case["class"]][name] += same(run(case["text"], dct), expected)
        score[case["class"]]["n"] += 1
    return score


def bench_corpus(tools, corpus, gold):
    meta = {r["file"]: r for r in csv.DictReader(open(corpus / "metadata.csv", encoding="utf-8"))}
    score, timing = Counter(), Counter()
    for gfile in sorted((gold / "timex").glob("*.jsonl")):
        rows = [json.loads(x) for x in gfile.read_text(encoding="utf-8").splitlines() if x.strip()]
        doc = rows[0]["doc"]
        text = (corpus / doc).read_text(encoding="utf-8")
        m = meta.get(doc, {})
        # a date the page does not state is no article date (see metadata note)
        dct = (date.fromisoformat(m["published"]) if m.get("published")
               and "no date on the page" not in (m.get("note") or "") else None)
        want = Counter((r["surface"], r["value"]) for r in rows)
        score["n"] += sum(want.values())
        for name, run in tools.items():
            t0 = time.perf_counter()
            got = Counter((s, v) for s, v, _ in run(text, dct))
            timing[name] += time.perf_counter() - t0
            score[name] += sum((want & got).values())
    return score, timing


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    ap.add_argument("--cases", type=Path, default=Path(__file__).with_name("date_cases.jsonl"))
    a = ap.parse_args()
    warnings.filterwarnings("ignore")
    tools = {"newsextract": ours(), "ja-timex": ja_timex(), "dateparser": dateparser_search()}
    names = list(tools)
    print(f"{'class':12s} {'n':>3s} " + " ".join(f"{n:>11s}" for n in names))
    total = Counter()
    for cls, c in bench_cases(tools, a.cases).items():
        total.update(c)
        print(f"{cls:12s} {c['n']:3d} " + " ".join(f"{c[n] / c['n']:11.2f}" for n in names))
    print(f"{'all cases':12s} {total['n']:3d} " + " ".join(f"{total[n] / total['n']:11.2f}" for n in names))
    if (a.gold / "timex").is_dir():
        s, t = bench_corpus(tools, a.corpus, a.gold)
        print(f"{'sample gold':12s} {s['n']:3d} " + " ".join(f"{s[n] / s['n']:11.2f}" for n in names))
        print(f"{'seconds':12s}     " + " ".join(f"{t[n]:11.3f}" for n in names))


if __name__ == "__main__":
    main()
