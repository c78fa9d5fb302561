"""The runners package: one interface, the old import path, and ``--jobs`` when a worker dies."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from runner_helpers import KILL_WORD, KillingAnalyzer, drain, killer_article, prepared_articles

from dragoman.records import Article, Failure
from dragoman.runners import make_runner
from dragoman.runners.processes import DIED, ProcessRunner

DRAGOMAN = Path(sys.executable).with_name("dragoman")


def test_an_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        make_runner(engine="spark")


def test_an_article_that_kills_its_worker_is_reported_and_the_batch_goes_on():
    articles = prepared_articles(5)
    articles.insert(2, killer_article())
    runner = ProcessRunner(2, batch_size=2, analyzer_factory=KillingAnalyzer, warn=lambda message: None)
    results = drain(runner.analyze(articles), timeout=240)
    failures = [r for r in results if isinstance(r, Failure)]
    assert [(f.source, f.reason) for f in failures] == [("gen/killer.txt", DIED)]
    assert sorted(r.source for r in results if isinstance(r, Article)) == sorted(
        a.source for a in articles if KILL_WORD not in a.text)


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the workers")
def test_jobs_worker_killed_mid_batch_neither_hangs_nor_loses_an_article(tmp_path):
    """Issue 11, item 3: killing a ``--jobs`` worker used to leave the run waiting forever."""
    from test_analyze_cli import generated_article

    src = tmp_path / "in"
    src.mkdir()
    n = 24
    for i in range(n):
        (src / f"story_{i:02d}.txt").write_text(generated_article(i), encoding="utf-8")
    db = tmp_path / "jobs.db"
    env = {k: v for k, v in os.environ.items() if k != "DRAGOMAN_DB"}
    proc = subprocess.Popen([str(DRAGOMAN), "analyze", str(src), "--db", str(db), "--jobs", "2",
                             "--batch-size", "1", "--format", "jsonl"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    try:
        first = proc.stdout.readline()  # an article is done: the workers are busy with the next ones
        assert first.startswith("{"), proc.stderr.read()
        workers = [p for p in children(proc.pid)
                   if "multiprocessing" in Path(f"/proc/{p}/cmdline").read_text().replace("\0", " ")
                   and "resource_tracker" not in Path(f"/proc/{p}/cmdline").read_text()]
        assert workers, "no worker process found"
        os.kill(workers[0], signal.SIGKILL)
        out, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "a worker process died" in err
    assert f"{n} stored" in err and "0 failed" in err
    import sqlite3

    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT source) FROM articles").fetchone() == (n, n)
    finally:
        con.close()
