"""Read-only store connections for request handlers.

FastAPI runs plain ``def`` handlers on a thread pool; a connection must not be used by two
threads at once, so each request borrows its own connection and gives it back afterwards.
"""
from __future__ import annotations

import queue
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Iterator

from fastapi import Depends, Request

from ..store import Store, is_url, open_store


class StorePool:
    def __init__(self, path: str | Path, *, keep: int = 8):
        self.path = str(path)
        self.keep = keep
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue()

    @contextmanager
    def borrow(self) -> Iterator[Store]:
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            store = open_store(self.path, readonly=True)
        try:
            yield store
        finally:
            if self._idle.qsize() < self.keep:
                self._idle.put(store)
            else:
                store.close()

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def prepare_database(path: str | Path) -> None:
    """Check the database exists and bring its schema up to date (new indexes) before serving it."""
    if is_url(path):
        open_store(path).close()
        return
    if not Path(path).is_file():
        raise FileNotFoundError(f"no dragoman database at {path}; analyse some articles first or give --db")
    try:
        open_store(path).close()
    except sqlite3.OperationalError as err:
        # A database we may not write to is still served, as it is.
        if "readonly" not in str(err) and "read-only" not in str(err):
            raise


def get_store(request: Request) -> Iterator[Store]:
    with request.app.state.stores.borrow() as store:
        yield store


StoreDep = Annotated[Store, Depends(get_store)]
