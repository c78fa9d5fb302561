"""What every command module shares: the consoles, the --db help, query output as a table or JSON lines."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .errors import StoreError

err = Console(stderr=True, highlight=False)
out = Console(highlight=False, width=None if sys.stdout.isatty() else 200)

DB_HELP = "SQLite file or postgresql:// URL (default: $DRAGOMAN_DB, else ./dragoman.db)."


class TableFormat(str, Enum):
    """The query commands' output: a table to read, or JSON lines to process."""

    table = "table"
    jsonl = "jsonl"


def open_existing_store(db: Optional[str]):
    """The store at ``db`` (default $DRAGOMAN_DB or ./dragoman.db), which must exist already."""
    from .store import default_db, is_url, open_store

    path = db or default_db()
    if not is_url(path) and not Path(path).exists():
        raise StoreError(f"no database at {path}", code="D301", hint="run `dragoman analyze` first or pass --db")
    return open_store(path)


def emit_rows(rows: list[dict], fmt: str, columns: list[tuple[str, str, int]]) -> None:
    """Rows as JSON lines, or as a table of ``columns`` (header, key, width)."""
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        return
    table = Table(*[c[0] for c in columns], show_lines=False)
    for r in rows:
        table.add_row(*[_cell(r.get(key), width) for _, key, width in columns])
    out.print(table)


def _cell(value, width: int) -> str:
    text = "" if value is None else str(value)
    return escape(text if len(text) <= width else text[: width - 1] + "…")
