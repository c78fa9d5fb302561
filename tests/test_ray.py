"""The Ray runner on a local Ray: same answers as the local runner, a killed worker loses nothing,
an article that kills its worker twice is reported, and workers write to Postgres themselves."""
from __future__ import annotations

import os
import signal
import sys
import time

import pytest
from runner_helpers import KILL_WORD, KillingAnalyzer, drain, killer_article, prepared_articles
from typer.testing import CliRunner

from dragoman.records import Article, Failure
from dragoman.runners import stored_by_runner

ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def local_ray():
    from dragoman.runners.ray import connect

    # The killing pipeline lives in a test module the workers cannot import: send it by value.
    ray.cloudpickle.register_pickle_by_value(sys.modules[KillingAnalyzer.__module__])
    # Logical CPUs: the module's runner keeps its two actors while other tests start two more.
    connect(num_cpus=6)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def runner(local_ray):
    from dragoman.runners.ray import RayRunner

    made = RayRunner(workers=2, batch_size=2, warn=lambda message: None)
    yield made
    made.close()


def as_dicts(results) -> dict[str, dict]:
    return {r.id: r.to_dict() for r in results if isinstance(r, Article)}


def test_ray_gives_the_local_runners_answers(runner):
    from dragoman.runners import LocalRunner

    articles = prepared_articles(6)
    local = as_dicts(LocalRunner().analyze(prepared_articles(6)))
    remote = as_dicts(drain(runner.analyze(articles), timeout=240))
    assert len(local) == 6 and remote == local


def test_a_worker_killed_mid_batch_loses_nothing(runner, capfd):
    articles = prepared_articles(12, start=20)
    victim = runner.pids()[0]
    results = drain(runner.analyze(articles), timeout=300, on_first=lambda: os.kill(victim, signal.SIGKILL))
    assert not [r for r in results if isinstance(r, Failure)]
    assert sorted(r.source for r in results) == sorted(a.source for a in articles)
    assert victim not in runner.pids()  # Ray started the actor again
    time.sleep(1)  # Ray's "a worker died" notice goes to stderr: stdout carries the JSON Lines
    assert "worker died" not in capfd.readouterr().out


def test_an_article_that_kills_its_worker_twice_is_that_files_failure(local_ray):
    from dragoman.runners.ray import RayRunner

    killing = RayRunner(workers=2, batch_size=2, analyzer_factory=KillingAnalyzer, warn=lambda message: None)
    try:
        articles = prepared_articles(4, start=40)
        articles.insert(1, killer_article())
        results = drain(killing.analyze(articles), timeout=300)
    finally:
        killing.close()
    failures = [r for r in results if isinstance(r, Failure)]
    assert [f.source for f in failures] == ["gen/killer.txt"] and "failed twice" in failures[0].reason
    assert sorted(r.source for r in results if isinstance(r, Article)) == sorted(
        a.source for a in articles if KILL_WORD not in a.text)


def test_cli_engine_ray_stores_every_article_once(local_ray, store_target, tmp_path):
    """Into SQLite the driver writes; into Postgres the workers do. A second run adds nothing."""
    from test_analyze_cli import generated_article

    from dragoman.cli import app
    from dragoman.store import open_store

    src = tmp_path / "in"
    src.mkdir()
    for i in range(5):
        (src / f"story_{i}.txt").write_text(generated_article(60 + i), encoding="utf-8")
    args = ["analyze", str(src), "--engine", "ray", "--workers", "2", "--db", store_target, "--format", "jsonl"]
    first = CliRunner().invoke(app, args, catch_exceptions=False)
    assert first.exit_code == 0, first.output
    assert "5 stored, 0 already stored" in first.stderr
    second = CliRunner().invoke(app, args, catch_exceptions=False)
    assert "0 stored, 5 already stored" in second.stderr
    store = open_store(store_target)
    try:
        assert store.count("articles") == 5 and store.count("quotes") > 0 and store.count("events") > 0
    finally:
        store.close()


def test_workers_write_to_postgres_themselves(local_ray, pg_schemas):
    from dragoman.runners.ray import RayRunner
    from dragoman.store import open_store

    url = pg_schemas.new("ray")
    writing = RayRunner(workers=2, batch_size=2, store_url=url, warn=lambda message: None)
    try:
        results = drain(writing.analyze(prepared_articles(4, start=80)), timeout=240)
    finally:
        writing.close()
    assert [stored_by_runner(writing, r) for r in results] == [True] * 4
    store = open_store(url)
    try:
        assert {a["id"] for a in store.list_articles()} == {r.id for r in results}
    finally:
        store.close()
