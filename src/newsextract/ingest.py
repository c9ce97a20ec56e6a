"""Ingest a folder of articles: read, analyse, store; each article atomically.

Unchanged files (same content hash) are skipped before any decoding; a file
that cannot be read is reported with its cause and the batch goes on; each
article is swapped in atomically (a savepoint in a batch transaction), so an
interrupted ingest leaves whole articles only and a rerun completes it. With
``jobs > 1`` extraction runs in worker processes and the parent alone
writes, in file order.
"""
from __future__ import annotations

import gc
import hashlib
import time
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterator, Optional

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .db import Article
from .errors import ReadError
from .pipeline import Pipeline, rules_fingerprint
from .reader import DEFAULT_MAX_BYTES, MetaRow, load_metadata, read_source, split_stories
from .reader.dateline import find_dateline_span
from .reader.metadata import METADATA_FILE
from .store import ArticleRecord, ArticleRows, replace_article
from .types import Analysis, StoryDate

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
IN_FLIGHT_PER_WORKER = 8
# Articles go to the database in batches, one transaction each, a savepoint
# per article: a commit per article rewrote the same index pages every time
# (a fifth of the ingest). A batch is closed by its size or its age; a kill
# loses at most the open batch, whole articles only, and a rerun writes it.
ARTICLES_PER_COMMIT = 16
SECONDS_PER_COMMIT = 1.0

Progress = Callable[[str, str], None]  # (relative path, outcome)


@dataclass
class IngestSummary:
    ingested: int = 0
    unchanged: int = 0
    pruned: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    problems: list[str] = field(default_factory=list)  # one message per skipped file

    @property
    def ok(self) -> bool:
        return not self.skipped

    def line(self) -> str:
        parts = [f"{self.ingested} ingested", f"{self.unchanged} unchanged"]
        if self.pruned:
            parts.append(f"{self.pruned} pruned")
        skipped = sum(self.skipped.values())
        detail = ", ".join(f"{k} {v}" for k, v in sorted(self.skipped.items()))
        parts.append(f"{skipped} skipped" + (f" ({detail})" if detail else ""))
        return ", ".join(parts)


@dataclass
class Extracted:
    """What a worker hands the writer: the record and the rows to store."""

    rel: str
    record: Optional[ArticleRecord] = None
    rows: Optional[ArticleRows] = None
    error: Optional[ReadError] = None


def discover(folder: Path) -> list[Path]:
    """Article files under ``folder``, sorted; hidden files and metadata.csv are not articles."""
    out = []
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or p.name == METADATA_FILE:
            continue
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES:
            out.append(p)
    return out


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def extract_file(pipeline: Pipeline, root: Path, path: Path, meta: Optional[MetaRow],
                 max_bytes: int = DEFAULT_MAX_BYTES, rules_hash: str = "") -> Extracted:
    """Read one file and run the pipeline on it; never raises for bad input."""
    rel = path.relative_to(root).as_posix()
    try:
        data = path.read_bytes()
        source = read_source(path, max_bytes)
    except ReadError as e:
        return Extracted(rel, error=e)
    except OSError as e:
        return Extracted(rel, error=ReadError(path, "unreadable", e.strerror or str(e)))
    dct, dct_source = article_date(meta, source.published, source.format)
    if dct is None and meta and meta.published:
        dct_source = "metadata-estimate"
    stories = split_stories(source.text) if source.format == "text" else []
    record = ArticleRecord(
        root=str(root), path=rel, content_hash=content_hash(data), rules_hash=rules_hash,
        encoding=source.encoding,
        format=source.format, published=dct or (meta.published if meta else None),
        published_source=dct_source, title=(meta.title if meta and meta.title else source.title),
        source=meta.source if meta else None,
        stories=[(s.start, s.end, s.published, s.outlet) for s in stories])
    try:
        rows = ArticleRows.of(rel, analyze(pipeline, source.text, dct, record.stories))
    except Exception as e:  # a bug must cost one article, not the batch
        return Extracted(rel, error=ReadError(path, "extraction-failed", f"{type(e).__name__}: {e}"))
    return Extracted(rel, record=record, rows=rows)


def analyze(pipeline: Pipeline, text: str, dct: Optional[date], stories) -> Analysis:
    story_dcts = [StoryDate(s, e, p, dated_by_update(text, s, e, p)) for s, e, p, _ in stories]
    if dct is None:  # a multi-story file is dated by its first dated story
        dct = next((p for _, _, p, _ in story_dcts if p), None)
    return pipeline.analyze(text, dct, story_dcts)


def dated_by_update(text: str, start: int, end: int, day: Optional[date]) -> bool:
    """True when a story's date is the page's update stamp (「2025/12/29
    更新」): the story may have run days before, so an event dated only by
    it is known to the month, not the day."""
    stamp = find_dateline_span(text, start, end) if day else None
    return bool(stamp and stamp.updated and stamp.date == day)


def article_date(meta: Optional[MetaRow], found: Optional[date], fmt: str) -> tuple[Optional[date], str]:
    """The article date (DCT), first that applies: metadata.csv (unless it
    marks the date as an estimate), the page's own metadata or front matter,
    a dateline in the first lines; else unknown, never the file's mtime."""
    if meta and meta.published and not meta.estimated:
        return meta.published, "metadata"
    if found:
        return found, "html" if fmt == "html" else "text"
    return None, "none"


class Ingester:
    def __init__(self, engine: Engine, rules_dir: Optional[Path] = None, jobs: int = 1,
                 max_bytes: int = DEFAULT_MAX_BYTES,
                 pipeline_factory: Callable[[], Pipeline] | None = None) -> None:
        self.engine = engine
        self.rules_dir = rules_dir
        self.jobs = max(1, jobs)
        self.max_bytes = max_bytes
        self._pipeline: Optional[Pipeline] = None
        self._factory = pipeline_factory or (lambda: Pipeline.from_rules_dir(rules_dir))
        self.rules_hash = rules_fingerprint(rules_dir)

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:  # loaded only when there is something to extract
            self._pipeline = _loaded(self._factory)
        return self._pipeline

    def ingest(self, folder: Path, prune: bool = False, progress: Optional[Progress] = None) -> IngestSummary:
        root = Path(folder).resolve()
        summary = IngestSummary()
        try:
            meta = load_metadata(root)
        except ReadError as e:
            summary.skipped[e.reason] += 1
            summary.problems.append(str(e))
            meta = {}
        files = discover(root)
        todo = []
        with Session(self.engine) as session:
            stored = {path: (digest, rules) for path, digest, rules in session.execute(
                select(Article.path, Article.content_hash, Article.rules_hash)
                .where(Article.root == str(root)))}
        for path in files:
            rel = path.relative_to(root).as_posix()
            try:
                digest = content_hash(path.read_bytes()) if path.stat().st_size <= self.max_bytes else None
            except OSError:
                digest = None
            if digest is not None and stored.get(rel) == (digest, self.rules_hash):
                summary.unchanged += 1
                if progress:
                    progress(rel, "unchanged")
                continue
            todo.append(path)
        self._write_all(self._extract_all(root, todo, meta), summary, progress)
        if prune:
            summary.pruned = self._prune(root, {p.relative_to(root).as_posix() for p in files})
        return summary

    def _extract_all(self, root: Path, paths: list[Path], meta: dict[str, MetaRow]) -> Iterator[Extracted]:
        rels = [p.relative_to(root).as_posix() for p in paths]
        if self.jobs == 1 or len(paths) < 2:
            for path, rel in zip(paths, rels):
                yield extract_file(self.pipeline, root, path, meta.get(rel), self.max_bytes, self.rules_hash)
            return
        args = ((str(root), str(p), meta.get(r), self.max_bytes, self.rules_hash)
                for p, r in zip(paths, rels))
        with ProcessPoolExecutor(self.jobs, initializer=_init_worker, initargs=(self.rules_dir,)) as pool:
            # A bounded window of articles in flight, yielded in file order: memory
            # stays flat however large the folder, and the writer never waits long.
            window: deque = deque()
            for arg in args:
                window.append(pool.submit(_work, arg))
                if len(window) >= self.jobs * IN_FLIGHT_PER_WORKER:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()

    def _write_all(self, results: Iterator[Extracted], summary: IngestSummary,
                   progress: Optional[Progress]) -> None:
        """Store the results in batches (see ARTICLES_PER_COMMIT); a file that
        could not be read or extracted is counted and reported as it comes."""
        batch: list[Extracted] = []
        since = 0.0
        for result in results:
            if result.error is not None:
                self._skip(result.rel, result.error, summary, progress)
                continue
            if not batch:
                since = time.monotonic()
            batch.append(result)
            if len(batch) >= ARTICLES_PER_COMMIT or time.monotonic() - since >= SECONDS_PER_COMMIT:
                self._commit(batch, summary, progress)
                batch = []
        if batch:
            self._commit(batch, summary, progress)

    def _commit(self, batch: list[Extracted], summary: IngestSummary, progress: Optional[Progress]) -> None:
        """One transaction, one savepoint per article: an article the database
        refuses is rolled back alone and reported; the others are kept."""
        written = []
        with self.engine.begin() as conn:  # Core: an ORM session adds nothing here
            for result in batch:
                try:
                    with conn.begin_nested():
                        replace_article(conn, result.record, result.rows)
                except SQLAlchemyError as e:
                    path = Path(result.record.root) / result.rel
                    self._skip(result.rel, ReadError(path, "write-failed", str(e.orig or e)), summary, progress)
                    continue
                written.append(result.rel)
        summary.ingested += len(written)
        if progress:
            for rel in written:
                progress(rel, "ingested")

    @staticmethod
    def _skip(rel: str, error: ReadError, summary: IngestSummary, progress: Optional[Progress]) -> None:
        summary.skipped[error.reason] += 1
        summary.problems.append(str(error))
        if progress:
            progress(rel, "skipped")

    def _prune(self, root: Path, present: set[str]) -> int:
        with Session(self.engine) as session, session.begin():
            gone = [p for p in session.scalars(select(Article.path).where(Article.root == str(root)))
                    if p not in present]
            if gone:
                session.execute(delete(Article).where(Article.root == str(root), Article.path.in_(gone)))
        return len(gone)

    def reextract(self, progress: Optional[Progress] = None) -> IngestSummary:
        """Rerun extraction on the stored texts (after a rule change), without reading files."""
        summary = IngestSummary()
        with Session(self.engine) as session:
            ids = list(session.scalars(select(Article.id).order_by(Article.id)))
        for article_id in ids:
            with Session(self.engine) as session, session.begin():
                a = session.get(Article, article_id)
                stories = [(s.start, s.end, s.published, s.outlet) for s in a.stories]
                dct = a.published if a.published_source != "metadata-estimate" else None
                record = ArticleRecord(a.root, a.path, a.content_hash, self.rules_hash, a.encoding,
                                       a.format, a.published, a.published_source, a.title, a.source,
                                       stories)
                rows = ArticleRows.of(a.path, analyze(self.pipeline, a.text, dct, stories))
                replace_article(session.connection(), record, rows)
            summary.ingested += 1
            if progress:
                progress(record.path, "reextracted")
        return summary


_worker_pipeline: Optional[Pipeline] = None


def _init_worker(rules_dir: Optional[Path]) -> None:
    global _worker_pipeline
    _worker_pipeline = _loaded(lambda: Pipeline.from_rules_dir(rules_dir))


def _loaded(factory: Callable[[], Pipeline]) -> Pipeline:
    """The pipeline, with everything alive so far frozen out of the garbage
    collector: the tagger, vocab and matchers (and the modules) live as long
    as the process, and each full collection would walk them all again;
    that took a tenth of the ingest time. Garbage is collected first, so
    that none of it is frozen."""
    pipeline = factory()
    gc.collect()
    gc.freeze()
    return pipeline


def _work(args) -> Extracted:
    root, path, meta, max_bytes, rules_hash = args
    return extract_file(_worker_pipeline, Path(root), Path(path), meta, max_bytes, rules_hash)
