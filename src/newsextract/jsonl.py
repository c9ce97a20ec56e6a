"""Read JSONL rule files with errors that name the file and line."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from .errors import RuleError


def read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    """Yield ``(line_number, row)`` for every non-blank, non-comment line.

    Lines starting with ``#`` or ``//`` are comments, so rule files can explain
    themselves.
    """
    if not path.is_file():
        raise RuleError(path, "rule file missing")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(path, f"cannot read rule file: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith(("#", "//")):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RuleError(path, f"invalid JSON: {exc.msg} (column {exc.colno})", n) from exc
        if not isinstance(row, dict):
            raise RuleError(path, "a row must be a JSON object", n)
        yield n, row


def check_keys(path: Path, line: int, row: dict, required: set[str], optional: set[str]) -> None:
    """Reject missing and unknown keys: a typo in a key must not pass silently."""
    missing = required - row.keys()
    if missing:
        raise RuleError(path, f"missing key(s): {', '.join(sorted(missing))}", line)
    unknown = row.keys() - required - optional
    if unknown:
        raise RuleError(path, f"unknown key(s): {', '.join(sorted(unknown))}", line)
