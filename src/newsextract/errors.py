"""Errors that name the file and the cause."""
from __future__ import annotations

from pathlib import Path
from typing import Optional


class NewsextractError(Exception):
    """Base class: every error carries a message a user can act on."""


class RuleError(NewsextractError):
    """A rule file that cannot be used: 「rules/actors/x.jsonl:12: 'id' missing」."""

    def __init__(self, path: Path | str, cause: str, line: Optional[int] = None):
        self.path, self.line, self.cause = Path(path), line, cause
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {cause}")


class ReadError(NewsextractError):
    """An article that cannot be read; ``reason`` is a short key for counting
    (empty, binary, too-large, undecodable, unreadable)."""

    def __init__(self, path: Path | str, reason: str, cause: str):
        self.path, self.reason, self.cause = Path(path), reason, cause
        super().__init__(f"{path}: {reason}: {cause}")
