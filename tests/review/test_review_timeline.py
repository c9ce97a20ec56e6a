"""newsextract timeline and events --format."""
from __future__ import annotations

import csv
import io
import json

import pytest

from newsextract.query import EVENT_COLUMNS, trigger_in_sentence
from review_helpers import run


def test_timeline_is_chronological_one_line_per_event(shared_db):
    lines = run("timeline", "--db", shared_db, "--actor", "プーチン").stdout.splitlines()
    events = [json.loads(x) for x in run("events", "--db", shared_db, "--actor", "プーチン",
                                         "--limit", "0", "--format", "jsonl").stdout.splitlines()]
    assert len(lines) == len(events) > 3
    dates = [line.split()[0] for line in lines]
    dated = [d for d in dates if d != "undated"]
    assert dated == sorted(dated) and dates[:len(dated)] == dated   # undated ones last
    assert all("プーチン" in line and "【" in line and "】" in line for line in lines)


KANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほ"  # 30 characters


@pytest.mark.parametrize("s0, s1, t0, t1, width, expected", [
    (0, 10, 4, 6, 40, "あいうえ【おか】きくけこ"),      # fits: the whole sentence
    (0, 30, 14, 16, 8, "…しすせ【そた】ちつて…"),       # cut on both sides around the trigger
    (0, 30, 0, 2, 6, "【あい】うえおか…"),              # trigger first: the room goes right
    (0, 30, 28, 30, 6, "…のはひふ【へほ】"),            # trigger last: the room goes left
])
def test_trigger_in_sentence(s0, s1, t0, t1, width, expected):
    assert trigger_in_sentence(KANA, s0, s1, t0, t1, width) == expected


def test_events_formats_agree(shared_db):
    args = ["events", "--db", shared_db, "--type", "REJECT", "--limit", "0"]
    rows = [json.loads(x) for x in run(*args, "--format", "jsonl").stdout.splitlines()]
    assert rows and all(r["type"] == "REJECT" for r in rows)
    assert list(rows[0]) == EVENT_COLUMNS
    table = run(*args).stdout.splitlines()
    assert len(table) == len(rows) + 2 and table[0].split()[:3] == ["event_id", "date", "date_basis"]
    parsed = list(csv.DictReader(io.StringIO(run(*args, "--format", "csv").stdout)))
    assert [int(r["event_id"]) for r in parsed] == [r["event_id"] for r in rows]
    dates = [r["date"] for r in rows if r["date"]]
    assert dates == sorted(dates, reverse=True)        # newest first
