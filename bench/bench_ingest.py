"""Ingest performance benchmark (issue 8): throughput ratios, re-ingest, memory.

One run builds a synthetic corpus (bench/make_corpus.py) and measures, each
in its own subprocess so that timings and peak RSS belong to one command:
* the real CLI, ``newsextract ingest``: one worker, ``--jobs 2``, an
  unchanged re-ingest, and a corpus 5x larger (for peak RSS);
* GiNZA's full ``ja_ginza`` pipeline over a sample of the articles, scaled by chars;
* the fugashi floor: tokenize every text and read pos1, pos2 and lemma;
* the share of each pipeline stage on the sample corpus (issue 4).
It prints a table of figures with the pass/fail of each target and writes
them to ``<out>/results.json``.

usage: .venv/bin/python bench/bench_ingest.py [--articles 2000] [--out bench/out]
Not part of the test suite.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import build  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent  # the venv's bin/, which holds the newsextract script
CLI = str(BIN / "newsextract")


# ---------------------------------------------------------------- children
# Each runs in a fresh interpreter (``--child NAME``) and prints one JSON line.

def _texts(folder: Path, limit: int | None = None) -> list[str]:
    paths = sorted(folder.glob("*.txt"))
    if limit and limit < len(paths):  # evenly spaced, so every template is in the sample
        paths = [paths[i * len(paths) // limit] for i in range(limit)]
    return [p.read_text(encoding="utf-8") for p in paths]


def child_fugashi(folder: Path) -> dict:
    """The floor for any pipeline on fugashi: tokens plus POS and lemma reads."""
    import fugashi
    texts = _texts(folder)
    tagger = fugashi.Tagger()
    tagger("準備")  # warm up outside the timing
    t0, c0 = time.perf_counter(), time.process_time()
    n = 0
    for text in texts:
        for w in tagger(text):
            f = w.feature
            f.pos1, f.pos2, f.lemma  # noqa: B018 - the read is the point
            n += 1
    features, cpu = time.perf_counter() - t0, time.process_time() - c0
    t0 = time.perf_counter()
    for text in texts:
        tagger(text)
    plain = time.perf_counter() - t0
    chars = sum(map(len, texts))
    return {"chars": chars, "tokens": n, "seconds": features, "chars_per_s": chars / features,
            "chars_per_cpu_s": chars / cpu, "plain_chars_per_s": chars / plain}


def child_ginza(folder: Path, sample: int) -> dict:
    """GiNZA's full pipeline (tok2vec, parser, ner, ...) over ``sample`` articles."""
    import warnings
    warnings.filterwarnings("ignore")
    import spacy
    nlp = spacy.load("ja_ginza")
    texts = _texts(folder, sample)
    list(nlp.pipe(["準備の文です。"]))  # lazy initialisation outside the timing
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts):
        pass
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    chars = sum(map(len, texts))
    return {"articles": len(texts), "chars": chars, "seconds": seconds, "chars_per_s": chars / seconds,
            "chars_per_cpu_s": chars / cpu}


class _Timed:
    """Wrap a callable and add its run time to ``totals[name]``."""

    def __init__(self, fn, name: str, totals: dict):
        self.fn, self.name, self.totals = fn, name, totals

    def __call__(self, *a, **kw):
        t0 = time.perf_counter()
        try:
            return self.fn(*a, **kw)
        finally:
            self.totals[self.name] += time.perf_counter() - t0


def child_stages(folder: Path, reps: int) -> dict:
    """Time each stage of the real Ingester (one worker) on ``folder``, ``reps``
    times into fresh databases; the first, warm-up pass is not counted."""
    from collections import defaultdict

    from newsextract import ingest as ingest_mod
    from newsextract import pipeline as pipeline_mod
    from newsextract.db import make_engine
    from newsextract.ingest import Ingester
    from newsextract.pipeline import Pipeline

    totals: dict[str, float] = defaultdict(float)
    pipe = Pipeline.from_rules_dir()
    tok = pipe.tokenizer
    tok.tokens = _Timed(tok.tokens, "tokenize", totals)
    tok.doc = _Timed(tok.doc, "doc build", totals)
    pipeline_mod.split_sentences = _Timed(pipeline_mod.split_sentences, "sentences", totals)
    pipe.dates = _Timed(pipe.dates, "dates", totals)
    pipe.actors = _Timed(pipe.actors, "actors", totals)
    pipe.relations = _Timed(pipe.relations, "relations", totals)
    ingest_mod.replace_article = _Timed(ingest_mod.replace_article, "store", totals)

    wall = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for rep in range(reps + 1):
            engine = make_engine(str(Path(tmp) / f"stages{rep}.db"), write=True)
            ingester = Ingester(engine, pipeline_factory=lambda: pipe)
            t0 = time.perf_counter()
            ingester.ingest(folder)
            if rep == 0:  # warm-up: first-call costs (spaCy strings, SQLAlchemy compile caches)
                totals.clear()
            else:
                wall += time.perf_counter() - t0
            engine.dispose()
    stages = dict(totals)
    stages["other (read, hash, session)"] = wall - sum(totals.values())
    chars = sum(map(len, _texts(folder)))
    return {"reps": reps, "chars": chars * reps, "seconds": wall, "chars_per_s": chars * reps / wall,
            "share": {k: v / wall for k, v in stages.items()},
            "actors_added": totals["actors"] / (wall - totals["actors"])}


CHILDREN = {"fugashi": lambda a: child_fugashi(a.folder),
            "ginza": lambda a: child_ginza(a.folder, a.ginza_sample),
            "stages": lambda a: child_stages(a.folder, a.stage_reps)}


# ---------------------------------------------------------------- parent

def run(cmd: list[str]) -> dict:
    """Run ``cmd``; wall time, CPU time and peak RSS (MB) of its process tree.

    ``os.wait4`` gives this child's own rusage, whose ru_maxrss is the largest
    RSS of the child or any descendant it reaped (the --jobs workers), so
    measurements never leak into each other as RUSAGE_CHILDREN would."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        load = os.getloadavg()[0]
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if p.returncode not in (0, 3):  # 3: some files skipped, still a finished ingest
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{stderr[-3000:]}")
    return {"cmd": " ".join(cmd[-6:]), "wall": wall, "cpu": ru.ru_utime + ru.ru_stime,
            "rss_mb": ru.ru_maxrss / 1024, "load_before": load, "stdout": stdout,
            "summary": (stderr.strip().splitlines() or [""])[-1]}


def child(name: str, folder: Path, args) -> dict:
    r = run([sys.executable, __file__, "--child", name, "--folder", str(folder),
             "--ginza-sample", str(args.ginza_sample), "--stage-reps", str(args.stage_reps)])
    return {**json.loads(r["stdout"].strip().splitlines()[-1]), "rss_mb": r["rss_mb"],
            "wall": r["wall"], "cpu": r["cpu"], "load_before": r["load_before"]}


def ingest(folder: Path, db: Path, jobs: int, fresh: bool = True) -> dict:
    if fresh:
        for p in db.parent.glob(db.name + "*"):  # the db and its -wal/-shm files
            p.unlink()
    return run([CLI, "ingest", str(folder), "--db", str(db), "--jobs", str(jobs)])


def say(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')} load {os.getloadavg()[0]:.2f}] {msg}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--scale", type=int, default=5, help="size of the large corpus, in corpora")
    ap.add_argument("--rss-jobs", type=int, default=2,
                    help="--jobs for the 1x/5x RSS pair (2 halves the long 5x run)")
    ap.add_argument("--ginza-sample", type=int, default=20, help="articles through GiNZA")
    ap.add_argument("--stage-reps", type=int, default=10, help="passes over corpus/ for stage shares")
    ap.add_argument("--report", action="store_true", help="only reprint <out>/results.json")
    ap.add_argument("--child", choices=CHILDREN, help=argparse.SUPPRESS)
    ap.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(CHILDREN[args.child](args)))
        return

    if args.report:
        res = json.loads((args.out / "results.json").read_text(encoding="utf-8"))
        res["targets"] = evaluate(res["figures"], res["runs"]["ingest_j1"]["rss_mb"])
        return report(res, args)
    started = time.perf_counter()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    small, big = out / f"corpus_{args.articles}", out / f"corpus_{args.articles * args.scale}"
    n, chars = build(args.articles, small)
    nb, chars_big = build(args.articles * args.scale, big)
    say(f"corpora: {n} articles / {chars:,} chars; {nb} / {chars_big:,} chars")

    say("fugashi floor"); floor = child("fugashi", small, args)
    say("GiNZA sample"); ginza = child("ginza", small, args)
    say("stage shares on corpus/"); stages = child("stages", ROOT / "corpus", args)
    db1, db2, db3 = out / "bench_j1.db", out / "bench_j2.db", out / "bench_big.db"
    say("ingest, one worker"); one = ingest(small, db1, 1)
    say("re-ingest, unchanged"); again = ingest(small, db1, 1, fresh=False)
    say("ingest, --jobs 2"); two = one if args.rss_jobs == 1 else ingest(small, db2, 2)
    say(f"ingest {args.scale}x, --jobs {args.rss_jobs}"); large = ingest(big, db3, args.rss_jobs)
    for db in (db1, db2, db3):  # large and of no further use
        for p in out.glob(db.name + "*"):
            p.unlink()
    shutil.rmtree(big)

    one_cps = chars / one["wall"]
    one_cpu_cps = chars / one["cpu"]  # CPU-time figures are less sensitive to other load
    rss_1x = two if args.rss_jobs == 2 else one
    figures = {
        "ingest_chars_per_s": one_cps,
        "ingest_vs_ginza": one_cps / ginza["chars_per_s"],
        "one_worker_vs_fugashi_floor": one_cps / floor["chars_per_s"],
        "jobs2_vs_one_worker": one["wall"] / two["wall"],
        "reingest_vs_first": again["wall"] / one["wall"],
        "peak_rss_1x_mb": rss_1x["rss_mb"],
        "peak_rss_5x_mb": large["rss_mb"],
        "rss_5x_vs_1x": large["rss_mb"] / rss_1x["rss_mb"],
        "ingest_chars_per_cpu_s": one_cpu_cps,
        "ingest_vs_ginza_cpu": one_cpu_cps / ginza["chars_per_cpu_s"],
        "one_worker_vs_fugashi_floor_cpu": one_cpu_cps / floor["chars_per_cpu_s"],
        "jobs2_cpu_vs_one_worker_cpu": two["cpu"] / one["cpu"],
        "actors_share": stages["share"]["actors"],
        "actors_added": stages["actors_added"],
    }
    targets = evaluate(figures, one["rss_mb"])
    runs = {"fugashi": floor, "ginza": ginza, "stages": stages, "ingest_j1": one,
            "reingest": again, "ingest_j2": two, f"ingest_{args.scale}x": large}
    for r in runs.values():
        r.pop("stdout", None)
    results = {"articles": n, "chars": chars, "articles_big": nb, "chars_big": chars_big,
               "cpus": os.cpu_count(), "figures": figures, "targets": targets, "runs": runs,
               "total_seconds": time.perf_counter() - started}
    (out / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    report(results, args)


def evaluate(f: dict, one_worker_rss: float) -> dict:
    """Pass/fail of each target of issues 8 and 4, from the figures."""
    return {
        "ingest >= 50x GiNZA": f["ingest_vs_ginza"] >= 50,
        "one worker >= 0.5x fugashi floor": f["one_worker_vs_fugashi_floor"] >= 0.5,
        "--jobs 2 >= 1.6x one worker": f["jobs2_vs_one_worker"] >= 1.6,
        "re-ingest <= 0.05x first": f["reingest_vs_first"] <= 0.05,
        "peak RSS 1x <= 500 MB": max(f["peak_rss_1x_mb"], one_worker_rss) <= 500,
        "peak RSS 5x <= 500 MB": f["peak_rss_5x_mb"] <= 500,
        "RSS 5x within 10% of 1x": abs(f["rss_5x_vs_1x"] - 1) <= 0.10,
        "actors add <= 15% (sample corpus)": f["actors_added"] <= 0.15,
    }


def report(res: dict, args) -> None:
    f, r = res["figures"], res["runs"]
    print(f"\ncorpus: {res['articles']} articles, {res['chars']:,} chars; {res['cpus']} CPUs")
    rows = [
        ("fugashi floor (tokens+pos1,pos2,lemma)", f"{r['fugashi']['chars_per_s']:,.0f} chars/s",
         f"plain tokenize {r['fugashi']['plain_chars_per_s']:,.0f} chars/s"),
        ("GiNZA ja_ginza full pipeline", f"{r['ginza']['chars_per_s']:,.0f} chars/s",
         f"sample of {r['ginza']['articles']} articles, {r['ginza']['chars']:,} chars"),
        ("ingest, one worker", f"{f['ingest_chars_per_s']:,.0f} chars/s",
         f"{r['ingest_j1']['wall']:.1f}s wall, {r['ingest_j1']['rss_mb']:.0f} MB"),
        ("ingest, --jobs 2", f"{res['chars'] / r['ingest_j2']['wall']:,.0f} chars/s",
         f"{r['ingest_j2']['wall']:.1f}s wall, cpu {r['ingest_j2']['cpu']:.1f}s"),
        ("re-ingest, unchanged", f"{r['reingest']['wall']:.2f}s", r["reingest"]["summary"]),
        (f"ingest {args.scale}x, --jobs {args.rss_jobs}",
         f"{res['chars_big'] / r[f'ingest_{args.scale}x']['wall']:,.0f} chars/s",
         f"{r[f'ingest_{args.scale}x']['wall']:.1f}s wall"),
    ]
    print("\nmeasurement                               value              note")
    for name, value, note in rows:
        print(f"  {name:<40}{value:>18}  {note}")
    print("\nratio (wall clock, as the targets are set)     value   target   ")
    checks = [("ingest / GiNZA", f["ingest_vs_ginza"], ">= 50", "ingest >= 50x GiNZA"),
              ("one worker / fugashi floor", f["one_worker_vs_fugashi_floor"], ">= 0.5",
               "one worker >= 0.5x fugashi floor"),
              ("--jobs 2 / one worker", f["jobs2_vs_one_worker"], ">= 1.6", "--jobs 2 >= 1.6x one worker"),
              ("re-ingest / first ingest", f["reingest_vs_first"], "<= 0.05", "re-ingest <= 0.05x first"),
              ("peak RSS 1x (MB)", f["peak_rss_1x_mb"], "<= 500", "peak RSS 1x <= 500 MB"),
              ("peak RSS 5x (MB)", f["peak_rss_5x_mb"], "<= 500", "peak RSS 5x <= 500 MB"),
              ("peak RSS 5x / 1x", f["rss_5x_vs_1x"], "1 ± 0.10", "RSS 5x within 10% of 1x"),
              ("actors added to ingest time", f["actors_added"], "<= 0.15", "actors add <= 15% (sample corpus)")]
    for name, value, target, key in checks:
        print(f"  {name:<44}{value:>8.3f}  {target:<9}{'PASS' if res['targets'][key] else 'FAIL'}")
    print("\nsame ratios on CPU time (robust to other load on the machine; information only):")
    print(f"  {'ingest / GiNZA':<44}{f['ingest_vs_ginza_cpu']:>8.3f}")
    print(f"  {'one worker / fugashi floor':<44}{f['one_worker_vs_fugashi_floor_cpu']:>8.3f}")
    print(f"  {'--jobs 2 CPU / one worker CPU (overhead)':<44}{f['jobs2_cpu_vs_one_worker_cpu']:>8.3f}")
    s = r["stages"]
    print(f"\nstage shares, corpus/ x{s['reps']} in-process ({s['chars_per_s']:,.0f} chars/s):")
    for k, v in sorted(s["share"].items(), key=lambda kv: -kv[1]):
        print(f"  {k:<30}{v:>7.1%}")
    print("\nload average before each run, and CPU/wall (1.0 = one core all the time):")
    for k, v in r.items():
        print(f"  {k:<14} load {v['load_before']:.2f}  cpu {v['cpu']:.1f}s / wall {v['wall']:.1f}s"
              f" = {v['cpu'] / v['wall']:.2f}")
    print(f"total {res['total_seconds']:.0f}s; results in {args.out / 'results.json'}")


if __name__ == "__main__":
    main()
