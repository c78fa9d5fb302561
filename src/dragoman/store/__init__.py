"""Storage behind one interface (``Store``): SQLite is the embedded default, PostgreSQL (a
``postgresql://`` URL, ``pip install 'dragoman[postgres]'``) serves many writers and readers."""
from __future__ import annotations

import os
from pathlib import Path

from .base import Store
from .sqlite import SQLiteStore

DEFAULT_DB_ENV = "DRAGOMAN_DB"
URL_SCHEMES = ("postgres://", "postgresql://")


def default_db_path() -> Path:
    """``$DRAGOMAN_DB`` if set, else ``dragoman.db`` in the current directory."""
    env = os.environ.get(DEFAULT_DB_ENV)
    return Path(env) if env and not is_url(env) else Path("dragoman.db")


def default_db() -> str:
    """``$DRAGOMAN_DB`` (a path or a ``postgresql://`` URL) if set, else ``dragoman.db``."""
    return os.environ.get(DEFAULT_DB_ENV) or "dragoman.db"


def is_url(target: str | Path) -> bool:
    return str(target).startswith(URL_SCHEMES)


def open_store(path: str | Path | None = None, *, readonly: bool = False) -> Store:
    """Open the store at ``path``: a SQLite file, or a ``postgresql://user@host/db`` URL."""
    target = str(path) if path is not None else default_db()
    if is_url(target):
        from .postgres import PostgresStore

        return PostgresStore(target, readonly=readonly)
    return SQLiteStore(target, readonly=readonly)


__all__ = ["Store", "SQLiteStore", "open_store", "default_db", "default_db_path", "is_url", "DEFAULT_DB_ENV"]
