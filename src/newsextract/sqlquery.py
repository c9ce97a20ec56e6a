"""Read-only SQL on the database file, for ``newsextract sql``.

    columns, rows = run_query("data/newsextract.db",
                              "SELECT type, count(*) FROM events GROUP BY type")

Four layers, so that no single mistake lets a write through:
1. the statement must be one SELECT / WITH / EXPLAIN / VALUES, or a PRAGMA
   from a list of read-only ones without an assignment;
2. the file is opened with ``mode=ro`` (SQLite itself refuses to write);
3. ``PRAGMA query_only`` is switched on;
4. an authorizer denies every action but reading, selecting, functions and
   the listed pragmas (this is what catches ``WITH x AS (…) DELETE …``).
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Optional

from .errors import NewsextractError

# Pragmas that only report. Those in _PRAGMAS_WITH_ARGUMENT take a table or
# index name in parentheses; for every other pragma an argument is a setting,
# e.g. PRAGMA journal_mode(DELETE), so it is refused.
_PRAGMAS_WITH_ARGUMENT = {"table_info", "table_xinfo", "index_list", "index_info", "index_xinfo",
                          "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check"}
READ_ONLY_PRAGMAS = _PRAGMAS_WITH_ARGUMENT | {
    "table_list", "database_list", "compile_options", "collation_list", "function_list",
    "module_list", "pragma_list", "user_version", "schema_version", "application_id",
    "page_count", "page_size", "freelist_count", "encoding", "journal_mode", "foreign_keys",
    "data_version"}
_STARTS = ("select", "with", "explain", "values")
_ALLOWED_ACTIONS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
                    getattr(sqlite3, "SQLITE_RECURSIVE", 33)}


class ReadOnlyError(NewsextractError):
    """A statement ``newsextract sql`` refuses: 「only one SELECT … may be run」."""


def _strip_literals(sql: str) -> str:
    """The statement with comments removed and strings/quoted names blanked,
    so that a ; or a keyword inside 'text' does not count."""
    pattern = r"--[^\n]*|/\*.*?(\*/|$)|'(?:[^']|'')*'?|\"(?:[^\"]|\"\")*\"?|`[^`]*`?|\[[^\]]*\]?"
    return re.sub(pattern, lambda m: " " if m[0][:2] in ("--", "/*") else "''",
                  sql, flags=re.S)


def check_statement(sql: str) -> str:
    """Raise ReadOnlyError unless ``sql`` is a single read-only statement.

    >>> check_statement("PRAGMA user_version=5")
    Traceback (most recent call last):
    ...
    newsextract.sqlquery.ReadOnlyError: PRAGMA user_version=… sets a value; only reading pragmas are allowed
    """
    bare = _strip_literals(sql).strip().rstrip(";").strip()
    if not bare:
        raise ReadOnlyError("empty statement")
    if ";" in bare:
        raise ReadOnlyError("only one statement may be run")
    word = bare.split(None, 1)[0].lower()
    if word == "pragma":
        _check_pragma(bare)
    elif word not in _STARTS:
        raise ReadOnlyError(f"{word.upper()} is not allowed: only SELECT, WITH, EXPLAIN, VALUES "
                            "and reading PRAGMAs")
    return sql


def _check_pragma(bare: str) -> None:
    m = re.fullmatch(r"pragma\s+(?:\w+\s*\.\s*)?(\w+)\s*(\(\s*[^()]*\))?", bare, flags=re.I)
    if not m:
        name = re.match(r"pragma\s+(?:\w+\s*\.\s*)?(\w+)", bare, flags=re.I)
        shown = name[1] if name else "?"
        raise ReadOnlyError(f"PRAGMA {shown}=… sets a value; only reading pragmas are allowed")
    name, arg = m[1].lower(), m[2]
    if name not in READ_ONLY_PRAGMAS:
        raise ReadOnlyError(f"PRAGMA {name} is not in the read-only list "
                            f"({', '.join(sorted(READ_ONLY_PRAGMAS))})")
    if arg and name not in _PRAGMAS_WITH_ARGUMENT:
        raise ReadOnlyError(f"PRAGMA {name}(…) sets a value; only reading pragmas are allowed")


def _authorizer(action, arg1, arg2, _db, _source):
    if action in _ALLOWED_ACTIONS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and arg1 and arg1.lower() in READ_ONLY_PRAGMAS:
        if arg2 is None or arg1.lower() in _PRAGMAS_WITH_ARGUMENT:
            return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def database_path(db: Optional[str]) -> Path:
    """``--db`` as given to the other commands (a path or sqlite:/// URL) -> the file."""
    db = db or str(Path("data") / "newsextract.db")
    if "://" in db:
        if not db.startswith("sqlite:///"):
            raise ReadOnlyError(f"{db}: sql works on SQLite files only")
        db = db[len("sqlite:///"):]
    path = Path(db)
    if not path.is_file():
        raise ReadOnlyError(f"{db}: no such database file")
    return path


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, whatever it is asked to run."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    conn.execute("PRAGMA query_only = ON")
    conn.set_authorizer(_authorizer)
    return conn


def _unique(names: list[str]) -> list[str]:
    """「SELECT e.id, a.id」 names two columns id: make them id and id_2 for JSONL."""
    seen: dict[str, int] = {}
    out = []
    for n in names:
        seen[n] = seen.get(n, 0) + 1
        out.append(n if seen[n] == 1 else f"{n}_{seen[n]}")
    return out


def run_query(db: Optional[str], sql: str, limit: Optional[int] = None) -> tuple[list[str], list[tuple]]:
    """Run one read-only statement; returns the column names and the rows."""
    check_statement(sql)
    conn = connect_read_only(database_path(db))
    try:
        cur = conn.execute(sql)
        columns = _unique([d[0] for d in cur.description or []])
        rows = cur.fetchmany(limit) if limit else cur.fetchall()
    except sqlite3.DatabaseError as e:
        why = " (the statement would write; writes are refused)" if "not authorized" in str(e) else ""
        raise ReadOnlyError(f"sqlite: {e}{why}") from None
    finally:
        conn.close()
    return columns, rows
