"""Fixtures for the review tests: small databases of our own (these tests
write verdicts and re-ingest, so they do not share the session database)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from review_helpers import CORPUS, CRAFTED, run


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


@pytest.fixture
def db(tmp_path, corpus_copy) -> str:
    """The sample corpus ingested into a fresh database of this test."""
    path = str(tmp_path / "review.db")
    run("ingest", corpus_copy, "--db", path)
    return path


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory) -> str:
    """The sample corpus, ingested once per module, for tests that only read."""
    path = str(tmp_path_factory.mktemp("shared") / "shared.db")
    run("ingest", CORPUS, "--db", path)
    return path


@pytest.fixture
def crafted_db(tmp_path) -> tuple[str, Path]:
    folder = tmp_path / "crafted"
    folder.mkdir()
    (folder / "metadata.csv").write_text("file,published,source,note\nhyper.txt,2025-11-21,,\n",
                                         encoding="utf-8")
    (folder / "hyper.txt").write_text(CRAFTED, encoding="utf-8")
    path = str(tmp_path / "crafted.db")
    run("ingest", folder, "--db", path)
    return path, folder
