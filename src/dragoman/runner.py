"""Batch runners: where the parse and extraction of prepared articles happen.

Every runner has one method, ``analyze(articles) -> iterator of articles``, so a distributed
engine (Ray, Dask) can run the same pipeline by implementing it; the CLI only ever talks to
this interface. Results may come back in any order.
"""
from __future__ import annotations

import multiprocessing as mp
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, Protocol

from .pipeline import Analyzer
from .records import Article, Failure


class Runner(Protocol):
    def analyze(self, articles: Iterable[Article]) -> Iterator[Article | Failure]: ...


class LocalRunner:
    """One process, ``nlp.pipe`` batching."""

    def __init__(self, model: str | None = None, actors_file: str | Path | None = None, batch_size: int = 16):
        self.analyzer = Analyzer(model=model, actors_file=actors_file, batch_size=batch_size)

    def analyze(self, articles: Iterable[Article]) -> Iterator[Article | Failure]:
        return self.analyzer.analyze(articles)


_worker: Analyzer | None = None


def _init_worker(model: str | None, actors_file: str | None, batch_size: int) -> None:
    global _worker
    _worker = Analyzer(model=model, actors_file=actors_file, batch_size=batch_size)


def _analyze_chunk(chunk: list[Article]) -> list[Article | Failure]:
    assert _worker is not None
    return list(_worker.analyze(chunk))


class ProcessRunner:
    """``jobs`` worker processes, each with its own pipeline, fed chunks of articles.

    At most ``jobs * 2`` chunks are in flight, so memory stays bounded on any corpus size.
    """

    def __init__(self, jobs: int, model: str | None = None, actors_file: str | Path | None = None,
                 batch_size: int = 16):
        self.jobs = jobs
        self.batch_size = batch_size
        ctx = mp.get_context("spawn")
        self.pool = ctx.Pool(jobs, initializer=_init_worker,
                             initargs=(model, str(actors_file) if actors_file else None, batch_size))

    def analyze(self, articles: Iterable[Article]) -> Iterator[Article | Failure]:
        it = iter(articles)
        chunks = iter(lambda: list(islice(it, self.batch_size)), [])
        pending = []
        try:
            for chunk in chunks:
                pending.append(self.pool.apply_async(_analyze_chunk, (chunk,)))
                while len(pending) >= self.jobs * 2:
                    yield from pending.pop(0).get()
            while pending:
                yield from pending.pop(0).get()
        finally:
            self.pool.close()
            self.pool.join()


def make_runner(jobs: int = 1, **kwargs) -> Runner:
    return ProcessRunner(jobs, **kwargs) if jobs > 1 else LocalRunner(**kwargs)
