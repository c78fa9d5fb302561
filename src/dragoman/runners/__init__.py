"""Batch runners: where the parse and extraction of prepared articles happen.

Every runner has one method, ``analyze(articles) -> iterator of articles``, so an engine can run
the same pipeline by implementing it; the CLI only ever talks to this interface. Results may come
back in any order. Three engines: ``local`` (one process, ``nlp.pipe`` batching), ``processes``
(``--jobs N`` worker processes on this machine) and ``ray`` (a pool of Ray actors, on this machine
or a cluster; ``pip install 'dragoman[ray]'``).

A runner may store the articles itself (the Ray runner does, from its workers, when the store is
Postgres): it then keeps ``stored`` (article id -> newly stored) until the caller asks with
``stored_by_runner``, and the caller does not store the article again.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Protocol

from ..records import Article, Failure
from .local import LocalRunner
from .processes import ProcessRunner

ENGINES = ("local", "processes", "ray")


class Runner(Protocol):
    def analyze(self, articles: Iterable[Article]) -> Iterator[Article | Failure]: ...


def stored_by_runner(runner: Runner, article: Article) -> bool | None:
    """True or False if ``runner`` stored the article (newly, or it was already there); None if not."""
    return getattr(runner, "stored", {}).pop(article.id, None)


def make_runner(jobs: int = 1, *, engine: str | None = None, address: str | None = None,
                workers: int | None = None, store_url: str | None = None,
                model: str | None = None, actors_file: str | Path | None = None, batch_size: int = 16) -> Runner:
    """The runner for ``engine`` (default: ``processes`` when ``jobs`` > 1, else ``local``).

    ``store_url``: a Postgres URL the Ray workers write to directly (ignored by the other engines).
    """
    engine = engine or ("processes" if jobs > 1 else "local")
    kwargs = {"model": model, "actors_file": actors_file, "batch_size": batch_size}
    if engine == "local":
        return LocalRunner(**kwargs)
    if engine == "processes":
        return ProcessRunner(max(jobs, workers or 1), **kwargs)
    if engine == "ray":
        from .ray import RayRunner

        return RayRunner(address=address, workers=workers, store_url=store_url, **kwargs)
    raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")


__all__ = ["Runner", "LocalRunner", "ProcessRunner", "make_runner", "stored_by_runner", "ENGINES"]
