"""The SQLite store's mixins (stories, watch state, pictures) on a psycopg connection.

Their SQL is kept portable but for ``?`` placeholders, ``rowid`` (Postgres tables carry a ``seq``
identity column instead), ``BLOB`` and ``REAL`` column types (``REAL`` is single precision in
Postgres). ``SQLiteLike`` wraps a psycopg connection so those statements run unchanged: rows read
both by name and by position (like ``sqlite3.Row``), and ``with conn:`` is one transaction.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

_PLACEHOLDER = re.compile(r"\?")
_ROWID = re.compile(r"\browid\b")


def pg_sql(sql: str) -> str:
    """A statement of the SQLite mixins in Postgres' words. Literal ``%`` never occurs in them;
    ``%s`` placeholders (from the Postgres store's own clauses) pass through."""
    return _PLACEHOLDER.sub("%s", _ROWID.sub("seq", sql))


def pg_schema(script: str) -> str:
    """A SQLite migration of the mixins as a Postgres one."""
    script = re.sub(r"\bBLOB\b", "BYTEA", script)
    return re.sub(r"\bREAL\b", "DOUBLE PRECISION", script)


class Row(tuple):
    """A row read by position or by column name, and turned into a dict by ``dict(row)``."""

    names: tuple[str, ...]

    def keys(self) -> tuple[str, ...]:
        return self.names

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names.index(key))
        return tuple.__getitem__(self, key)


def _row_factory(cursor: Any):
    names = tuple(c.name for c in cursor.description or ())

    def make(values: Iterable[Any]) -> Row:
        row = Row(values)
        row.names = names
        return row

    return make


class SQLiteLike:
    """Enough of ``sqlite3.Connection`` for the mixins: execute, executemany, ``with`` = a transaction."""

    def __init__(self, conn: Any):
        self.conn = conn
        self._transactions: list[Any] = []

    def execute(self, sql: str, params: Iterable[Any] = ()) -> Any:
        cur = self.conn.cursor(row_factory=_row_factory)
        return cur.execute(pg_sql(sql), tuple(params) if not isinstance(params, dict) else params)

    def executemany(self, sql: str, rows: Iterable[Any]) -> Any:
        rows = [tuple(r) if not isinstance(r, dict) else r for r in rows]
        cur = self.conn.cursor(row_factory=_row_factory)
        if rows:
            cur.executemany(pg_sql(sql), rows)
        return cur

    def __enter__(self) -> "SQLiteLike":
        tx = self.conn.transaction()
        tx.__enter__()
        self._transactions.append(tx)
        return self

    def __exit__(self, *exc: Any) -> bool:
        return bool(self._transactions.pop().__exit__(*exc))
