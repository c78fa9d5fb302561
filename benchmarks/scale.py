"""Scale: the same articles through every runner, and Postgres insert throughput with many writers.

    python benchmarks/scale.py [--articles 2000] [--dir DIR] [--pg postgresql://USER@HOST/DB] [--skip-ray]

Runs the same prepared articles through the local runner, ``--jobs 2`` (processes) and Ray with
1 and 2 workers (a local Ray), and prints articles/s, the speedup against one worker and the peak
memory of each worker process. Start-up (loading the pipelines) is left out: each runner first
analyses a warm-up batch. Then, with ``--pg`` (or ``$DRAGOMAN_TEST_PG``), it stores the analysed
articles into a fresh Postgres schema with 1, 2 and 4 writer processes and prints articles/s.
The articles are the files under ``--dir`` repeated (each copy its own id; ``../shared/corpus/seeds``
gives seed-length articles) or, without it, short synthetic wire stories (benchmarks/throughput.py). On a shared
machine run it when the machine is quiet: every figure is a ratio of runs made one after another.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import threading
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from throughput import directory_documents, synthetic_documents  # noqa: E402

from dragoman.pipeline import prepare  # noqa: E402
from dragoman.records import Article  # noqa: E402


def peak_mb(pid: int | None = None) -> float:
    if pid is None:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class PeakWatch:
    """The highest resident memory each of ``pids`` reaches while the watch runs."""

    def __init__(self, pids: list[int]):
        self.peaks = {p: 0.0 for p in pids}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def _poll(self) -> None:
        while not self._stop.wait(0.25):
            for p in self.peaks:
                try:
                    self.peaks[p] = max(self.peaks[p], peak_mb(p))
                except OSError:
                    pass

    def __enter__(self) -> "PeakWatch":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def timed_run(runner, articles: list[Article], warmup: list[Article]) -> tuple[float, int]:
    list(runner.analyze(warmup))
    start = time.perf_counter()
    done = sum(isinstance(r, Article) for r in runner.analyze(articles))
    return time.perf_counter() - start, done


def bench_local(articles, warmup, batch_size):
    from dragoman.runners import LocalRunner

    seconds, done = timed_run(LocalRunner(batch_size=batch_size), articles, warmup)
    return seconds, done, [peak_mb()]


def bench_processes(articles, warmup, batch_size, jobs):
    from dragoman.runners import ProcessRunner

    runner = ProcessRunner(jobs, batch_size=batch_size)
    list(runner.pool.map(_noop, range(jobs * 4)))  # start the workers and load their pipelines
    with PeakWatch(list(runner.pool._processes)) as watch:
        start = time.perf_counter()
        done = sum(isinstance(r, Article) for r in runner.analyze(articles))
        seconds = time.perf_counter() - start
    return seconds, done, list(watch.peaks.values())


def _noop(_):
    from dragoman.runners import processes

    while processes._worker is None:  # the initializer has run once this returns
        time.sleep(0.01)
    return os.getpid()


def bench_ray(articles, warmup, batch_size, workers):
    from dragoman.runners.ray import RayRunner, connect

    connect(num_cpus=os.cpu_count())
    runner = RayRunner(workers=workers, batch_size=batch_size)
    pids = runner.pids()  # waits until every actor has loaded its pipeline
    seconds, done = timed_run(runner, articles, warmup)
    peaks = [peak_mb(p) for p in pids]
    runner.close()
    return seconds, done, peaks


def _write_share(url: str, articles: list[Article]) -> int:
    from dragoman.store import open_store

    store = open_store(url)
    try:
        return sum(store.save_article(a) for a in articles)
    finally:
        store.close()


def bench_postgres(url: str, analysed: list[Article], writers: int) -> float:
    import psycopg

    from dragoman.store import open_store

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    target = f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    open_store(target).close()  # the schema, before the clock starts
    shares = [analysed[i::writers] for i in range(writers)]
    try:
        with mp.get_context("spawn").Pool(writers) as pool:
            pool.map(abs, range(writers))  # the writers are up
            start = time.perf_counter()
            stored = sum(pool.starmap(_write_share, [(target, share) for share in shares]))
            seconds = time.perf_counter() - start
        assert stored == len(analysed), (stored, len(analysed))
        return len(analysed) / seconds
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--dir", help="repeat the articles under DIR instead of synthetic ones")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--pg", default=os.environ.get("DRAGOMAN_TEST_PG"), help="Postgres URL for the writers")
    parser.add_argument("--skip-ray", action="store_true")
    parser.add_argument("--only", default="local,jobs2,ray1,ray2", help="which runs, comma-separated")
    args = parser.parse_args()

    if args.dir:
        base = len(directory_documents(args.dir, 1))
        docs = directory_documents(args.dir, -(-(args.articles + 8) // base))[: args.articles + 8]
    else:
        docs = synthetic_documents(args.articles + 8)
    prepared = [prepare(d) for d in docs]
    warmup, articles = prepared[:8], prepared[8:]
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    print(f"{len(articles)} articles, {words:.0f} words each on average, {os.cpu_count()} CPUs")
    runs = {"local": lambda: bench_local(articles, warmup, args.batch_size),
            "jobs2": lambda: bench_processes(articles, warmup, args.batch_size, 2),
            "ray1": lambda: bench_ray(articles, warmup, args.batch_size, 1),
            "ray2": lambda: bench_ray(articles, warmup, args.batch_size, 2)}
    wanted = [k for k in args.only.split(",") if k in runs and not (args.skip_ray and k.startswith("ray"))]
    rates: dict[str, float] = {}
    if wanted:
        print(f"{'runner':<10} {'seconds':>8} {'articles/s':>11} {'vs 1 worker':>12} {'peak MB/worker':>15}")
    for name in wanted:
        seconds, done, peaks = runs[name]()
        assert done == len(articles), (name, done)
        rates[name] = done / seconds
        base = rates.get("ray1" if name.startswith("ray") else "local")
        ratio = f"{rates[name] / base:.2f}x" if base else "-"
        print(f"{name:<10} {seconds:8.1f} {rates[name]:11.1f} {ratio:>12} {max(peaks):15.0f}", flush=True)
    if "ray2" in rates and "jobs2" in rates:
        print(f"ray2 / jobs2: {rates['ray2'] / rates['jobs2']:.2f}; ray2 / local: {rates['ray2'] / rates['local']:.2f}"
              if "local" in rates else f"ray2 / jobs2: {rates['ray2'] / rates['jobs2']:.2f}")

    if args.pg:
        from dragoman.runners import LocalRunner

        analysed = [r for r in LocalRunner().analyze(prepared[: min(len(prepared), 1000)]) if isinstance(r, Article)]
        print(f"Postgres inserts ({len(analysed)} analysed articles, one transaction each):")
        for writers in (1, 2, 4):
            print(f"  {writers} writer(s): {bench_postgres(args.pg, analysed, writers):8.1f} articles/s", flush=True)


if __name__ == "__main__":
    main()
