"""``--engine ray``: the same ``Analyzer`` in a pool of Ray actors, on this machine or a cluster.

The driver streams chunks of prepared articles to the actors, at most two chunks per actor in
flight (back-pressure: the corpus is read only as fast as the actors finish). Each actor loads the
pipeline once. With a Postgres store the actors write their articles themselves, one transaction
per article (content-hash keys make a retried write harmless); with SQLite the driver writes.
A chunk whose task fails (its actor killed, out of memory, a node lost) is retried once, article
by article, on the actors Ray restarts; an article whose retry fails too is reported as that
file's failure. ``pip install 'dragoman[ray]'``.
"""
from __future__ import annotations

import logging
import os
import time
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

try:
    import ray
    from ray.exceptions import ActorUnavailableError, GetTimeoutError, RayError
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("the Ray engine needs Ray: pip install 'dragoman[ray]'") from exc

from ..pipeline import Analyzer
from ..records import Article, Failure
from .processes import WorkersDied

log = logging.getLogger(__name__)

FAILED = "its Ray task failed twice ({reason})"
# After a failure the retries wait for Ray to start the dead actors again (their pipelines load):
# a retry sent to an actor still starting would fail without having run.
UNAVAILABLE_WAIT, UNAVAILABLE_PATIENCE = 0.5, 300
# A local Ray's shared-memory object store: chunks of articles are small.
LOCAL_OBJECT_STORE = 256 * 1024 * 1024


class AnalyzerActor:
    """One pipeline in one Ray worker process; optionally its own connection to the store."""

    def __init__(self, factory: Callable[..., Analyzer], model: str | None, actors_file: str | None,
                 batch_size: int, store_url: str | None):
        self.analyzer = factory(model=model, actors_file=actors_file, batch_size=batch_size)
        self.store = None
        if store_url:
            from ..store import open_store

            self.store = open_store(store_url)

    def pid(self) -> int:
        return os.getpid()

    def analyze(self, chunk: list[Article]) -> list[tuple[Article | Failure, bool | None]]:
        """Each result with whether this actor stored it newly (None: not stored here)."""
        out: list[tuple[Article | Failure, bool | None]] = []
        for result in self.analyzer.analyze(chunk):
            new = None
            if self.store is not None and isinstance(result, Article):
                new = self.store.save_article(result)
            out.append((result, new))
        return out


def connect(address: str | None = None, *, num_cpus: int | None = None) -> None:
    """Join the Ray cluster at ``address`` (``auto``, ``ray://HOST:PORT``), or start a local one."""
    if ray.is_initialized():
        return
    _errors_to_stderr()
    common: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                              "logging_level": logging.WARNING}
    if address:
        ray.init(address=address, **common)
    else:
        # "local": a Ray of its own, even when a cluster started with `ray start` runs on this machine
        ray.init(address="local", num_cpus=num_cpus or os.cpu_count(), object_store_memory=LOCAL_OBJECT_STORE,
                 **common)


def _errors_to_stderr() -> None:
    """Ray prints its cluster's error messages ("a worker died ...") on the driver's standard output,
    where they would corrupt the JSON Lines that ``dragoman analyze`` writes there: send them to
    standard error. (A private hook of Ray's; without it the messages stay where Ray puts them.)"""
    try:
        from ray._private import worker as ray_worker

        original = ray_worker.print_to_stdstream
    except (ImportError, AttributeError):  # pragma: no cover - another Ray version
        return
    if getattr(original, "_dragoman", False):
        return

    def to_stderr(data, *args, **kwargs):
        return original({**data, "is_err": True}, *args, **kwargs)

    to_stderr._dragoman = True
    ray_worker.print_to_stdstream = to_stderr


class RayRunner:
    """``workers`` Ray actors (default: one per CPU of the cluster), fed chunks of ``batch_size``."""

    def __init__(self, address: str | None = None, workers: int | None = None, store_url: str | None = None,
                 model: str | None = None, actors_file: str | Path | None = None, batch_size: int = 16,
                 analyzer_factory: Callable[..., Analyzer] = Analyzer,
                 warn: Callable[[str], None] | None = None):
        connect(address)
        self.workers = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        self.batch_size = batch_size
        self.store_url = store_url
        self.stored: dict[str, bool] = {}  # article id -> newly stored by a worker, until asked
        self.warn = warn or log.warning
        # Ray starts a dead actor again (loading its pipeline anew); the retry is ours, once.
        actor_class = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=0)(AnalyzerActor)
        args = (analyzer_factory, model, str(actors_file) if actors_file else None, batch_size, store_url)
        self.actors = [actor_class.remote(*args) for _ in range(self.workers)]

    def pids(self) -> list[int]:
        """The process ids of the actors (for tests and monitoring)."""
        return ray.get([a.pid.remote() for a in self.actors])

    def analyze(self, articles: Iterable[Article]) -> Iterator[Article | Failure]:
        it = iter(articles)
        chunks = iter(lambda: list(islice(it, self.batch_size)), [])
        # ref -> (chunk, actor index, attempt)
        pending: dict[Any, tuple[list[Article], int, int]] = {}
        load = [0] * len(self.actors)
        retries: list[tuple[list[Article], int]] = []
        try:
            for chunk in chunks:
                self._submit(pending, load, chunk, 1)
                while len(pending) >= 2 * len(self.actors):
                    yield from self._collect(pending, load, retries)
            while pending or retries:
                if retries:
                    self._await_ready()
                # A retry runs alone on its actor: an article that kills its worker takes no other with it.
                while retries and 0 in load:
                    self._submit(pending, load, *retries.pop())
                yield from self._collect(pending, load, retries)
        finally:
            for ref in pending:
                ray.cancel(ref, force=False)

    def close(self) -> None:
        for actor in self.actors:
            ray.kill(actor)
        self.actors = []

    def _await_ready(self) -> None:
        """Wait until every actor answers (Ray starts dead ones again), or stop the run."""
        deadline = time.monotonic() + UNAVAILABLE_PATIENCE
        for actor in self.actors:
            while True:
                try:
                    ray.get(actor.pid.remote(), timeout=UNAVAILABLE_PATIENCE)
                    break
                except (ActorUnavailableError, GetTimeoutError, RayError) as exc:
                    if time.monotonic() > deadline:
                        raise WorkersDied(f"the Ray workers did not come back within {UNAVAILABLE_PATIENCE} s"
                                          f" ({_short(exc)}); stopping") from None
                    time.sleep(UNAVAILABLE_WAIT)

    def _submit(self, pending: dict, load: list[int], chunk: list[Article], attempt: int) -> None:
        index = min(range(len(load)), key=load.__getitem__)  # the least busy actor
        ref = self.actors[index].analyze.remote(chunk)
        pending[ref] = (chunk, index, attempt)
        load[index] += 1

    def _collect(self, pending: dict, load: list[int], retries: list) -> Iterator[Article | Failure]:
        if not pending:
            return
        done, _ = ray.wait(list(pending), num_returns=1)
        for ref in done:
            chunk, index, attempt = pending.pop(ref)
            load[index] -= 1
            try:
                results = ray.get(ref)
            except (RayError, GetTimeoutError) as exc:
                reason = _short(exc)
                if attempt == 1:
                    self.warn(f"a Ray task failed ({reason}); analysing its {len(chunk)} articles again")
                    retries.extend(([a], 2) for a in chunk)  # one article per task: a failure names its file
                else:
                    for article in chunk:
                        yield Failure(article.source, FAILED.format(reason=reason))
                continue
            for result, new in results:
                if new is not None:
                    self.stored[result.id] = new
                yield result


def _short(exc: BaseException) -> str:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {first}"[:200]
