"""Commands for reviewers and browsing: ``review import|stats``, ``timeline``, ``sql``.

cli.py adds them to the main group with ``register(cli)`` (at its end, after
the shared option decorators this module imports are defined).
"""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from .cli import EXIT_SKIPPED, _filter, db_option, filter_options
from .errors import NewsextractError

FORMATS = ["table", "csv", "jsonl"]


def format_option(f):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                        show_default=True, help="table for reading, csv or jsonl for tools")(f)


def include_rejected_option(f):
    return click.option("--include-rejected", is_flag=True,
                        help="also show events a reviewer marked wrong")(f)


def emit(columns, rows, fmt: str, table_columns=None, count: bool = True) -> None:
    """Print dict rows as an aligned table, CSV or JSONL on stdout.

    ``table_columns`` narrows the table to what fits a terminal; csv and
    jsonl always carry every column."""
    from .report import format_table, write_rows
    rows = list(rows)
    if fmt == "table":
        cols = table_columns or columns
        for line in format_table(cols, [[r.get(c) for c in cols] for r in rows]):
            click.echo(line)
        if count:
            click.echo(f"({len(rows)} rows)", err=True)
    else:
        write_rows(sys.stdout, columns, rows, fmt)


@click.group()
def review():
    """Read the reviewers' verdicts back and count precision."""


@review.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
def review_import(file, db):
    """Store the verdicts of a review CSV (as written by `report`, maybe re-saved by Excel).

    Verdicts: correct, wrong, wrong-type, wrong-actor, wrong-date; rows with an
    empty verdict are skipped. Exits with 3 when some rows could not be used.

    Example: newsextract review import data/review.csv
    """
    from .db import open_session
    from .review import import_verdicts
    with open_session(db, write=True) as session:
        try:
            result = import_verdicts(session, file)
        except UnicodeDecodeError as e:
            raise click.ClickException(f"{file}: neither UTF-8 nor CP932 ({e.reason})") from None
    for note in result.unmatched:
        click.echo(f"unmatched: {note}", err=True)
    for problem in result.problems:
        click.echo(f"problem: {problem}", err=True)
    click.echo(f"{result.stored} verdicts stored from {file}; {result.skipped_empty} rows without "
               f"a verdict skipped; {len(result.unmatched)} unmatched; {len(result.problems)} problems",
               err=True)
    sys.exit(EXIT_SKIPPED if result.problems else 0)


@review.command("stats")
@db_option
@click.option("--by", type=click.Choice(["type", "rule", "date_basis", "all"]), default="all",
              show_default=True, help="what to group the precision by")
@format_option
def review_stats(db, by, fmt):
    """Precision (correct / reviewed) by event type, rule and date basis.

    Example: newsextract review stats --by rule
    """
    from .db import open_session
    from .review import STAT_DIMENSIONS, stats_columns, verdict_stats
    with open_session(db) as session:
        for i, dim in enumerate(STAT_DIMENSIONS if by == "all" else [by]):
            rows = verdict_stats(session, dim)
            if fmt == "table":
                if i == 0:
                    reviewed, correct = sum(r["reviewed"] for r in rows), sum(r["correct"] for r in rows)
                    click.echo(f"{reviewed} events reviewed, {correct} correct: precision "
                               f"{correct / reviewed if reviewed else 0:.3f}")
                click.echo("")
            emit(stats_columns(dim), rows, fmt, count=False)


@click.command()
@db_option
@filter_options
@include_rejected_option
@click.option("--width", default=40, show_default=True, help="characters of the sentence shown")
@click.option("--limit", default=0, help="lines at most (0: all)")
def timeline(db, actor, etype, cameo, since, until, article, text, include_rejected, width, limit):
    """Events in date order, one line each: date, type, actor -> target, object,
    the trigger 【marked】 in its sentence. Undated events come last.

    Example: newsextract timeline --actor プーチン
    """
    from .db import open_session
    from .query import find_events, timeline_line
    flt = replace(_filter(actor, etype, cameo, since, until, article, text),
                  include_rejected=include_rejected)
    with open_session(db) as session:
        for e in find_events(session, flt, newest_first=False, limit=limit or None):
            click.echo(timeline_line(e, width))


@click.command()
@click.argument("query")
@db_option
@format_option
@click.option("--limit", default=0, help="rows at most (0: all)")
def sql(query, db, fmt, limit):
    """Run one read-only SQL statement (SELECT, WITH, EXPLAIN or a reading PRAGMA).

    The file is opened read-only and writes are refused. Handy tables and
    views: events, event_mentions, articles, verdicts, event_overview, event_review.

    Example: newsextract sql "SELECT type, count(*) AS n FROM events GROUP BY type"
    """
    from .sqlquery import run_query
    try:
        columns, rows = run_query(db, query, limit or None)
    except NewsextractError as e:
        raise click.ClickException(str(e)) from None
    emit(columns, [dict(zip(columns, r)) for r in rows], fmt)


def register(cli: click.Group) -> None:
    """Add review, timeline and sql to the main group."""
    for command in (review, timeline, sql):
        cli.add_command(command)
