"""Helpers shared by the review tests (imported as review_helpers)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from newsextract.cli import cli
from newsextract.cli_review import register

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"

if "review" not in cli.commands:  # until cli.py calls register(cli) itself
    register(cli)

# A crafted article: event sentences that begin like spreadsheet formulas.
CRAFTED = ('米ロ会談\n'
           '=HYPERLINK("http://example.com")米国は21日、ロシアと会談した。\n'
           '@SUM(1+1)ロシアは21日、米国の提案を拒否した。\n')


def run(*args, ok: bool = True):
    """Invoke the CLI in-process; by default insist on exit code 0."""
    result = CliRunner().invoke(cli, [str(a) for a in args])
    if ok:
        assert result.exit_code == 0, (result.output, result.exception)
    return result


def read_csv(path: Path, encoding: str = "utf-8-sig") -> list[dict]:
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path: Path, rows: list[dict], columns: list[str], encoding: str = "utf-8-sig",
              newline: str = "\r\n", delimiter: str = ",") -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, columns, lineterminator=newline, delimiter=delimiter, extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    # like Excel saving as CP932: what the code page lacks (•) becomes ?
    path.write_bytes(buf.getvalue().encode(encoding, errors="replace"))
