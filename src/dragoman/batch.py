"""Files into a store: the one loop behind ``dragoman analyze`` and ``dragoman.analyze_paths``.

``analyze_into`` reads the inputs, prepares each article, skips those already stored, hands the
rest to a runner and stores what comes back, yielding one ``Outcome`` per input as it settles. It
prints nothing: the command line turns outcomes into a progress bar and messages, the Python API
into a ``Summary``.
"""
from __future__ import annotations

import sqlite3
from collections import deque
from dataclasses import dataclass
from typing import Iterable, Iterator

from .errors import DragomanError
from .pipeline import prepare_safely
from .read import iter_documents
from .records import NOT_ANALYSED, Article, Failure
from .runners import Runner, stored_by_runner

@dataclass(slots=True)
class Outcome:
    """What became of one input.

    ``kind`` is one of: ``analysed``, ``partial`` (kept, a stage failed), ``not_english``,
    ``too_short`` and ``no_article`` (kept without analysis), ``already`` (its text is stored already), ``skipped``
    (a file in a folder that is no article), ``failed`` (not read or not analysed). ``article``
    is the result when there is one; ``failure`` says why an input failed or was not stored;
    ``stored`` is True when newly stored, False when the store had it, None without a store.
    """

    kind: str
    source: str
    article: Article | None = None
    failure: Failure | None = None
    stored: bool | None = None

    @property
    def reason(self) -> str:
        if self.failure is not None:
            return self.failure.reason
        if self.kind == "already":
            return "already stored"
        if self.article is not None and self.kind == "partial":
            return self.article.reason or "a stage failed"
        return NOT_ANALYSED.get(self.kind, "")


def analyze_into(paths: Iterable[str], runner: Runner, store=None) -> Iterator[Outcome]:
    """Analyse the files and folders in ``paths`` with ``runner`` into ``store`` (None: no store).

    Inputs that never reach the runner (unreadable, not an article, already stored) are yielded
    as soon as the runner has pulled past them, so outcomes arrive roughly in reading order.
    A store that refuses one article (locked, full) fails that article, not the batch.
    """
    settled: deque[Outcome] = deque()

    def to_analyse() -> Iterator[Article]:
        for raw in iter_documents(list(paths)):
            item = raw if isinstance(raw, Failure) else prepare_safely(raw)
            if isinstance(item, Failure):
                settled.append(Outcome("skipped" if item.skipped else "failed", item.source, failure=item))
            elif store is not None and store.is_stored(item):
                settled.append(Outcome("already", item.source, stored=False))
            else:
                yield item

    for result in runner.analyze(to_analyse()):
        while settled:
            yield settled.popleft()
        yield _stored(result, runner, store)
    yield from settled


def _stored(result: Article | Failure, runner: Runner, store) -> Outcome:
    if isinstance(result, Failure):
        return Outcome("failed", result.source, failure=result)
    kind = result.status if result.status in NOT_ANALYSED or result.status == "partial" else "analysed"
    outcome = Outcome(kind, result.source, article=result)
    try:
        outcome.stored = stored_by_runner(runner, result)
        if outcome.stored is None and store is not None:
            outcome.stored = bool(store.save_article(result))
    except Exception as exc:  # noqa: BLE001 - name the article, keep the rest of the batch
        if not is_store_error(exc):
            raise  # a bug, not a store that refused the article
        outcome.failure = Failure(result.source, f"not stored ({type(exc).__name__}: {exc})")
    return outcome


def is_store_error(exc: BaseException) -> bool:
    """An error of the database itself (locked, full, gone), not of dragoman's code."""
    return (isinstance(exc, (sqlite3.Error, OSError, DragomanError))
            or type(exc).__module__.split(".")[0] == "psycopg")
