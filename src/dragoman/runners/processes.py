"""``--jobs N``: worker processes on this machine, each with its own pipeline.

A worker that dies (killed, out of memory) never hangs the batch: the pool is started again, the
articles that were in flight when it died are analysed again one at a time, and an article whose
worker dies again is reported as that file's failure. A pool that keeps dying before it finishes
anything stops the run with a message.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..pipeline import Analyzer
from ..records import Article, Failure

log = logging.getLogger(__name__)

DIED = "its worker died while analysing it (killed, or out of memory)"
# Pools that die this many times in a row without finishing any work stop the run.
MAX_BARREN_RESTARTS = 3


class WorkersDied(RuntimeError):
    """The workers die before they can finish anything (a broken model, no memory at all)."""


_worker: Analyzer | None = None


def _init_worker(factory: Callable[..., Analyzer], model: str | None, actors_file: str | None,
                 batch_size: int) -> None:
    global _worker
    _worker = factory(model=model, actors_file=actors_file, batch_size=batch_size)


def _analyze_chunk(chunk: list[Article]) -> list[Article | Failure]:
    assert _worker is not None
    return list(_worker.analyze(chunk))


class ProcessRunner:
    """``jobs`` worker processes, each with its own pipeline, fed chunks of articles.

    At most ``jobs * 2`` chunks are in flight, so memory stays bounded on any corpus size.
    ``analyzer_factory`` builds each worker's pipeline (an importable callable; ``Analyzer``).
    """

    def __init__(self, jobs: int, model: str | None = None, actors_file: str | Path | None = None,
                 batch_size: int = 16, analyzer_factory: Callable[..., Analyzer] = Analyzer,
                 warn: Callable[[str], None] | None = None):
        self.jobs = jobs
        self.batch_size = batch_size
        self.warn = warn or log.warning
        self._initargs = (analyzer_factory, model, str(actors_file) if actors_file else None, batch_size)
        self._ctx = mp.get_context("spawn")
        self._barren = 0  # pool restarts since work last finished
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=self._ctx, initializer=_init_worker,
                                   initargs=self._initargs)

    def _restart(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self._barren += 1
        if self._barren > MAX_BARREN_RESTARTS:
            raise WorkersDied(f"the worker processes died {self._barren} times in a row without finishing any"
                              " article; stopping (is the machine out of memory?)")
        self.pool = self._start()

    def analyze(self, articles: Iterable[Article]) -> Iterator[Article | Failure]:
        it = iter(articles)
        chunks = iter(lambda: list(islice(it, self.batch_size)), [])
        pending: dict[Future, list[Article]] = {}
        try:
            for chunk in chunks:
                pending[self._submit(chunk)] = chunk
                while len(pending) >= self.jobs * 2:
                    yield from self._collect(pending)
            while pending:
                yield from self._collect(pending)
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def _submit(self, chunk: list[Article]) -> Future:
        try:
            return self.pool.submit(_analyze_chunk, chunk)
        except BrokenProcessPool:  # broken between two waits: its pending chunks are collected as lost
            failed: Future = Future()
            failed.set_exception(BrokenProcessPool("the pool was broken"))
            return failed

    def _collect(self, pending: dict[Future, list[Article]]) -> Iterator[Article | Failure]:
        """Wait for one chunk at least and yield what finished; recover the chunks of a dead worker."""
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        if any(isinstance(f.exception(), BrokenProcessPool) for f in done):
            done, _ = wait(pending)  # a broken pool fails every pending chunk at once
        lost: list[Article] = []
        for future in done:
            chunk = pending.pop(future)
            exc = future.exception()
            if exc is None:
                self._barren = 0
                yield from future.result()
            elif isinstance(exc, BrokenProcessPool):
                lost += chunk
            else:
                for article in chunk:
                    yield Failure(article.source, f"analysis failed ({type(exc).__name__}: {exc})")
        if lost:
            self.warn(f"a worker process died; analysing its {len(lost)} articles again, one at a time")
            self._restart()
            yield from self._one_at_a_time(lost)

    def _one_at_a_time(self, articles: list[Article]) -> Iterator[Article | Failure]:
        """Each article alone, so the one a worker dies on again is known and reported."""
        for article in articles:
            future = self._submit([article])
            exc = future.exception()
            if exc is None:
                self._barren = 0
                yield from future.result()
            elif isinstance(exc, BrokenProcessPool):
                yield Failure(article.source, DIED)
                self._restart()
            else:
                yield Failure(article.source, f"analysis failed ({type(exc).__name__}: {exc})")
