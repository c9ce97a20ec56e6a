"""The ``newsextract`` command: a thin click layer over the library.

Every command parses its options and calls one library function; shared
options come from the decorators below.
"""
from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Optional

import click

from . import __version__
from .errors import NewsextractError, RuleError

EXIT_SKIPPED = 3  # some files could not be ingested; the others were
EXIT_RULES = 4  # a rule file is broken; nothing was written


def db_option(f):
    return click.option("--db", metavar="URL", default=None,
                        help="SQLite path or SQLAlchemy URL [default: data/newsextract.db]")(f)


def rules_option(f):
    return click.option("--rules", "rules_dir", type=click.Path(file_okay=False, path_type=Path),
                        default=None, help="rules folder [default: the project's rules/]")(f)


def filter_options(f):
    for opt in reversed([
        click.option("--actor", help="canonical name, id or surface (substring)"),
        click.option("--type", "etype", help="event type, e.g. REJECT"),
        click.option("--cameo", help="CAMEO code prefix, e.g. 04"),
        click.option("--since", metavar="DATE", help="ISO date or month, inclusive"),
        click.option("--until", metavar="DATE", help="ISO date or month, inclusive"),
        click.option("--article", help="article path (substring)"),
        click.option("--text", help="text in the object, the target or the event's sentence"),
    ]):
        f = opt(f)
    return f


def _filter(actor, etype, cameo, since, until, article, text):
    from .query import EventFilter
    return EventFilter(actor, etype, cameo, since, until, article, text)


def _pipeline(rules_dir):
    from .pipeline import Pipeline
    try:
        return Pipeline.from_rules_dir(rules_dir)
    except RuleError as e:
        raise click.ClickException(f"rule file error: {e}") from None


@click.group()
@click.version_option(__version__)
def cli():
    """Dated events from Japanese news, with offsets into the source text."""


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@rules_option
@click.option("--jobs", "-j", default=1, show_default=True, help="extraction worker processes")
@click.option("--prune", is_flag=True, help="delete stored articles whose file is gone")
@click.option("--reextract", is_flag=True, help="rerun extraction on stored texts (after a rule change)")
@click.option("--max-bytes", default=None, type=int, help="skip files larger than this [default: 5 MB]")
def ingest(folder, db, rules_dir, jobs, prune, reextract, max_bytes):
    """Ingest every article under FOLDER (reading FOLDER/metadata.csv when present).

    Example: newsextract ingest corpus --db data/newsextract.db
    """
    from .db import make_engine
    from .ingest import Ingester
    from .pipeline import check_rules
    from .reader import DEFAULT_MAX_BYTES

    try:
        check_rules(rules_dir)  # fail before anything is written or any worker starts
    except RuleError as e:
        click.echo(f"error: rule file: {e}", err=True)
        sys.exit(EXIT_RULES)
    engine = make_engine(db, write=True)
    ingester = Ingester(engine, rules_dir, jobs=jobs, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    started = time.perf_counter()
    try:
        with _progress() as progress:
            if reextract:
                summary = ingester.reextract(progress)
            else:
                summary = ingester.ingest(folder, prune=prune, progress=progress)
    except RuleError as e:
        click.echo(f"error: rule file: {e}", err=True)
        sys.exit(EXIT_RULES)
    for problem in summary.problems:
        click.echo(f"skipped: {problem}", err=True)
    click.echo(f"{summary.line()} in {time.perf_counter() - started:.1f}s", err=True)
    sys.exit(0 if summary.ok else EXIT_SKIPPED)


class _progress:
    """A rich progress bar on a terminal; a plain line every N articles otherwise."""

    EVERY = 50

    def __enter__(self):
        self.n = 0
        self.bar = None
        if sys.stderr.isatty():
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                                TextColumn("{task.completed} articles"), TimeElapsedColumn(),
                                transient=True)
            self.bar.__enter__()
            self.task = self.bar.add_task("ingesting", total=None)
        return self

    def __call__(self, rel: str, outcome: str) -> None:
        self.n += 1
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=rel)
        elif self.n % self.EVERY == 0:
            click.echo(f"... {self.n} articles", err=True)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)
        return False


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="file to write [default: stdout]")
@click.option("--include-rejected", is_flag=True, help="also export events a reviewer marked wrong")
def export(db, fmt, output, include_rejected):
    """Export events and date expressions as JSONL (shared/eval/EXPORT.md).

    Example: newsextract export --format jsonl -o export.jsonl
    """
    from .db import open_session
    from .export import write_jsonl
    with open_session(db) as session:
        if output:
            with open(output, "w", encoding="utf-8") as out:
                n = write_jsonl(session, out, include_rejected)
            click.echo(f"{n} rows written to {output}", err=True)
        else:
            write_jsonl(session, sys.stdout, include_rejected)


@cli.command()
@db_option
@rules_option
@filter_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("data") / "review.csv", show_default=True)
@click.option("--encoding", default="utf-8-sig", show_default=True,
              help="utf-8-sig (UTF-8 with BOM, for Excel), utf-8, cp932 …")
@click.option("--include-rejected", is_flag=True, help="also list events a reviewer marked wrong")
def report(db, rules_dir, actor, etype, cameo, since, until, article, text, output, encoding,
           include_rejected):
    """Write the review CSV: one row per event mention, with the evidence sentence.

    Example: newsextract report -o review.csv --type REJECT
    """
    from .db import open_session
    from .query import find_events
    from .pipeline import default_rules_dir
    from .relations.lexicon import load_event_types
    from .report import write_report
    labels = {t: (v.ja, v.en) for t, v in load_event_types(rules_dir or default_rules_dir()).items()}
    output.parent.mkdir(parents=True, exist_ok=True)
    with open_session(db) as session:
        flt = _filter(actor, etype, cameo, since, until, article, text)
        events = find_events(session, replace(flt, include_rejected=include_rejected),
                             newest_first=False)
        with open(output, "w", encoding=encoding, errors="replace", newline="") as out:
            n = write_report(out, events, labels)
    click.echo(f"{n} mentions written to {output}", err=True)


@cli.command()
@db_option
@filter_options
@click.option("--limit", default=50, show_default=True, help="rows at most (0: all)")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table",
              show_default=True, help="table for reading, csv or jsonl for tools")
@click.option("--include-rejected", is_flag=True, help="also list events a reviewer marked wrong")
def events(db, actor, etype, cameo, since, until, article, text, limit, fmt, include_rejected):
    """List stored events, newest first, as a table, CSV or JSONL.

    Example: newsextract events --actor プーチン --since 2025-11
    """
    from .cli_review import emit
    from .db import open_session
    from .query import EVENT_COLUMNS, event_record, find_events
    with open_session(db) as session:
        flt = _filter(actor, etype, cameo, since, until, article, text)
        rows = find_events(session, replace(flt, include_rejected=include_rejected),
                           limit=limit or None)
        emit(EVENT_COLUMNS, [event_record(e) for e in rows], fmt,
             table_columns=["event_id", "date", "date_basis", "actor", "type", "cameo", "target",
                            "object", "modality", "article"])


@cli.command()
@rules_option
@click.option("--dct", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="article date to resolve against")
@click.option("--tokens", "show_tokens", is_flag=True, help="print the tokens too")
def tag(rules_dir, dct, show_tokens):
    """Read text on stdin and print what each stage found, one JSON object per line.

    Example: echo '同日、プーチン氏は和平案を拒否した。' | newsextract tag --dct 2025-11-27
    """
    from .tagging import tag_rows
    text = sys.stdin.read()
    pipeline = _pipeline(rules_dir)
    for row in tag_rows(pipeline, text, dct.date() if dct else None, show_tokens):
        click.echo(json.dumps(row, ensure_ascii=False))


@cli.group()
def actors():
    """The actor gazetteer, grown from your own corpus."""


@actors.command("suggest")
@db_option
@click.option("--min-count", default=2, show_default=True, help="mentions needed to suggest a name")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="JSONL file to write [default: stdout]")
def actors_suggest(db, min_count, output):
    """Frequent names missing from the gazetteer, as ready-to-paste rules/actors rows.

    Example: newsextract actors suggest --min-count 3 >> rules/actors/people.jsonl
    """
    from .actors.suggest import suggest
    from .db import open_session
    from .query import provisional_mentions
    with open_session(db) as session:
        rows = suggest(provisional_mentions(session), min_count=min_count)
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    if output:
        output.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        click.echo(f"{len(lines)} suggestions written to {output}", err=True)
    else:
        for line in lines:
            click.echo(line)


@cli.command("rules-check")
@rules_option
def rules_check(rules_dir):
    """Load and validate every rule file; report the first error with file and line."""
    pipeline = _pipeline(rules_dir)
    click.echo(f"rules ok: {len(pipeline.relations.lexicon.predicates)} predicates, "
               f"{len(pipeline.actors.gazetteer)} actors")


def main(argv: Optional[list[str]] = None) -> None:
    try:
        cli.main(args=argv, prog_name="newsextract", standalone_mode=True)
    except NewsextractError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)


# Review, timeline and sql commands live in their own module; it imports the
# shared decorators above, so it is registered last.
from .cli_review import register  # noqa: E402

register(cli)
