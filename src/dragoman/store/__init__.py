"""Storage behind one interface (``Store``); SQLite is the embedded default."""
from __future__ import annotations

import os
from pathlib import Path

from .base import Store
from .sqlite import SQLiteStore

DEFAULT_DB_ENV = "DRAGOMAN_DB"


def default_db_path() -> Path:
    """``$DRAGOMAN_DB`` if set, else ``dragoman.db`` in the current directory."""
    env = os.environ.get(DEFAULT_DB_ENV)
    return Path(env) if env else Path("dragoman.db")


def open_store(path: str | Path | None = None, *, readonly: bool = False) -> Store:
    """Open the store at ``path``; a ``postgresql://`` URL is reserved for a later backend."""
    target = str(path) if path is not None else str(default_db_path())
    if target.startswith(("postgres://", "postgresql://")):
        raise NotImplementedError("the Postgres store is not built yet; use a SQLite path")
    return SQLiteStore(target, readonly=readonly)


__all__ = ["Store", "SQLiteStore", "open_store", "default_db_path", "DEFAULT_DB_ENV"]
