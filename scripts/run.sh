#!/usr/bin/env bash
# The main job: install, ingest corpus/ into data/newsextract.db, write the review CSV.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
status=0
.venv/bin/newsextract ingest corpus --db data/newsextract.db || status=$?
.venv/bin/newsextract report --db data/newsextract.db -o data/review.csv
.venv/bin/newsextract export --db data/newsextract.db --format jsonl -o data/export.jsonl
if [ -f ../shared/eval/score.py ]; then
  python3 ../shared/eval/score.py --corpus corpus --gold ../shared/gold data/export.jsonl || true
fi
exit "$status"
