from datetime import date
from pathlib import Path

import pytest

from newsextract.dates import DateRecognizer

RULES = Path(__file__).resolve().parents[2] / "rules"


@pytest.fixture(scope="session")
def rec():
    return DateRecognizer.from_rules_dir(RULES)


@pytest.fixture(scope="session")
def found(rec):
    """found(text, dct) -> [(surface, value, mod, kind)], checking every offset."""
    def run(text, dct=date(2025, 11, 21)):
        exprs, _ = rec(text, dct)
        for e in exprs:
            assert text[e.start:e.end] == e.text
        return [(e.text, e.value, e.mod, e.kind) for e in exprs]
    return run
