"""Build a synthetic benchmark corpus from the sample articles in corpus/.

Each output article is one sample text, varied so that no two files are
alike (nothing can be cached or skipped by content hash):
* person and country names are swapped for others from rules/actors/
  (so actor recognition still finds known actors, just different ones);
* years are shifted by 0-8 years back (text and metadata.csv alike) and
  day-of-month numbers up to 28 are shifted by a few days;
* paragraphs are shuffled, keeping each block's head lines (headline,
  dateline, ▽ story header) in place so datelines still come first.

usage: .venv/bin/python bench/make_corpus.py [--articles 2000] [--out bench/out/corpus_2000]
The output folder (under bench/out/, git-ignored) is recreated on each run.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import shutil
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpus"
ACTORS = ROOT / "rules" / "actors"

YEAR = re.compile(r"(?<![0-9])(20[0-9]{2})(?=[年/.\-])")
DAY = re.compile(r"(?<![0-9])([0-9]{1,2})(?=日)")


def load_names(kind: str, min_len: int = 3) -> list[str]:
    """Canonical names of one gazetteer file; short ones (米, 英) are left
    alone because they occur inside unrelated words."""
    names = []
    for line in (ACTORS / f"{kind}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            name = json.loads(line)["name"]
            if len(name) >= min_len:
                names.append(name)
    return names


def load_samples() -> list[tuple[str, str, dict]]:
    """(file name, text, metadata row) of every sample article."""
    with open(SAMPLES / "metadata.csv", encoding="utf-8", newline="") as f:
        meta = {row["file"]: row for row in csv.DictReader(f)}
    return [(p.name, p.read_text(encoding="utf-8"), meta.get(p.name, {}))
            for p in sorted(SAMPLES.glob("*.txt"))]


def swap_names(text: str, pool: list[str], rng: random.Random, k: int) -> str:
    """Replace up to ``k`` of the pool names found in ``text`` by other pool names,
    in one regex pass (longest first, so ドナルド・トランプ wins over トランプ)."""
    present = [n for n in pool if n in text]
    chosen = rng.sample(present, min(k, len(present)))
    if not chosen:
        return text
    mapping = {n: rng.choice([m for m in pool if m != n]) for n in chosen}
    pattern = re.compile("|".join(map(re.escape, sorted(mapping, key=len, reverse=True))))
    return pattern.sub(lambda m: mapping[m.group(0)], text)


def shift_dates(text: str, years: int, days: int) -> str:
    text = YEAR.sub(lambda m: str(int(m.group(1)) - years), text)
    # keep days valid in every month: only 1..28 move, and stay in 1..28
    return DAY.sub(lambda m: str((int(m.group(1)) - 1 + days) % 28 + 1)
                   if 1 <= int(m.group(1)) <= 28 else m.group(1), text)


def shuffle_paragraphs(text: str, rng: random.Random) -> str:
    """Shuffle body lines within each block; a block starts at a ▽ story
    header (wire files) and keeps its first lines (headline, dateline)."""
    lines = text.split("\n")
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.startswith("▽") and blocks[-1]:
            blocks.append([])
        blocks[-1].append(line)
    keep = 2 if len(blocks) > 1 else 4
    out = []
    for block in blocks:
        head, body = block[:keep], block[keep:]
        rng.shuffle(body)
        out.extend(head + body)
    return "\n".join(out)


def shift_published(value: str, years: int) -> str:
    if not value:
        return value
    d = date.fromisoformat(value)
    return d.replace(year=d.year - years, day=min(d.day, 28)).isoformat()


def build(n: int, out: Path, seed: int = 8) -> tuple[int, int]:
    """Write ``n`` articles and metadata.csv into ``out``; returns (files, chars)."""
    samples = load_samples()
    people, countries = load_names("people"), load_names("countries")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    seen: set[str] = set()
    chars = 0
    with open(out / "metadata.csv", "w", encoding="utf-8", newline="") as f:
        meta = csv.writer(f)
        meta.writerow(["file", "published", "source", "note"])
        for i in range(n):
            name, text, row = samples[i % len(samples)]
            rng = random.Random(f"{seed}:{i}")
            while True:  # re-roll the rare exact duplicate
                years, days = rng.randint(0, 8), rng.randint(0, 5)
                t = swap_names(text, people, rng, 3)
                t = swap_names(t, countries, rng, 2)
                t = shuffle_paragraphs(shift_dates(t, years, days), rng)
                digest = hashlib.sha256(t.encode()).hexdigest()
                if digest not in seen:
                    break
            seen.add(digest)
            fname = f"a{i:05d}_{name[:3]}.txt"
            (out / fname).write_text(t, encoding="utf-8")
            meta.writerow([fname, shift_published(row.get("published", ""), years),
                           row.get("source", ""), row.get("note", "")])
            chars += len(t)
    return n, chars


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=None, help="[default: bench/out/corpus_N]")
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    out = args.out or ROOT / "bench" / "out" / f"corpus_{args.articles}"
    files, chars = build(args.articles, out, args.seed)
    print(f"{files} articles, {chars:,} chars in {out}")


if __name__ == "__main__":
    main()
