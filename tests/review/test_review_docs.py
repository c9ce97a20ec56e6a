"""README.md shows commands that exist, and each new command's help ends with an example."""
from __future__ import annotations

import re

import pytest

from review_helpers import ROOT, run

DOC = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_documented_command_exists():
    used = set(re.findall(r"^\$ newsextract ([a-z-]+(?: import| stats)?)", DOC, flags=re.M))
    assert {"report", "review import", "review stats", "events", "timeline", "sql"} <= used
    for name in used:
        assert run(*name.split(), "--help").stdout


@pytest.mark.parametrize("args", [["review", "import"], ["review", "stats"], ["timeline"], ["sql"]])
def test_help_ends_with_an_example(args):
    help_text = run(*args, "--help").stdout
    assert "Example: newsextract " + " ".join(args) in help_text
