"""Shared fixtures: one pipeline per test session, one ingested sample database."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsextract.cli import cli
from newsextract.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.from_rules_dir(ROOT / "rules")


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> str:
    """The sample corpus ingested once through the CLI into a temporary database."""
    db = str(tmp_path_factory.mktemp("db") / "corpus.db")
    result = CliRunner().invoke(cli, ["ingest", str(CORPUS), "--db", db])
    assert result.exit_code == 0, result.output
    return db
