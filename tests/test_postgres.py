"""Postgres only: migrations recorded and safe under concurrent first use, many writers exactly
once, web-style search syntax. Skipped without a server (``$DRAGOMAN_TEST_PG``)."""
from __future__ import annotations

import multiprocessing as mp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dragoman.store import open_store

psycopg = pytest.importorskip("psycopg")

DRAGOMAN = Path(sys.executable).with_name("dragoman")


@pytest.fixture
def url(pg_schemas) -> str:
    return pg_schemas.new("conc")


def _open_and_save(url: str, n: int) -> int:
    from conftest import fictional_articles

    store = open_store(url)
    try:
        return sum(store.save_article(a) for a in fictional_articles()[:n])
    finally:
        store.close()


def test_migrations_are_recorded_and_safe_when_many_processes_open_a_fresh_database(url):
    from dragoman.store.postgres import MIGRATIONS

    ctx = mp.get_context("spawn")
    with ctx.Pool(4) as pool:  # four writers create the schema and store the same six articles at once
        saved = pool.starmap(_open_and_save, [(url, 6)] * 4)
    assert sum(saved) == 6
    store = open_store(url)
    try:
        versions = [r["version"] for r in store.db.execute("SELECT version FROM schema_migrations ORDER BY 1")]
        assert versions == list(range(1, len(MIGRATIONS) + 1)) and store.schema_version == len(MIGRATIONS)
        assert store.count("articles") == 6 and store.count("events") == 13 and store.count("quotes") == 7
    finally:
        store.close()


def test_a_newer_database_is_refused(url):
    open_store(url).close()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_migrations (version) VALUES (999)")
    with pytest.raises(RuntimeError, match="newer"):
        open_store(url)


def test_web_search_syntax_never_fails(corpus_db):
    if not corpus_db.startswith("postgresql://"):
        pytest.skip("Postgres' websearch_to_tsquery")
    store = open_store(corpus_db, readonly=True)
    try:
        assert [q["speaker_name"] for q in store.quotes(search='"chose peace"')] == ["Dorin Kalvas"]
        assert store.quotes(search="peace -chose") == []
        assert len(store.quotes(search="peace or concessions")) == 2
        for odd in ('"unbalanced', "-", "or", "&|!():*", "'"):
            store.quotes(search=odd)
            store.search_articles(odd)
    finally:
        store.close()


def test_a_bad_url_is_one_clear_line(tmp_path):
    with pytest.raises(ConnectionError, match="cannot connect to .*127.0.0.1"):
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_four_analyze_processes_over_overlapping_inputs_store_every_article_once(url, tmp_path):
    from test_analyze_cli import generated_article

    n = 16
    texts = {i: generated_article(200 + i) for i in range(n)}
    files = []
    for i in range(n):
        files.append(tmp_path / f"story_{i:02d}.txt")
        files[-1].write_text(texts[i], encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "DRAGOMAN_DB"}
    procs = []
    for k in range(4):
        # each process gets three quarters of the same files, overlapping with the others'
        mine = [str(f) for i, f in enumerate(files) if (i + k) % 4 != 0]
        procs.append(subprocess.Popen([str(DRAGOMAN), "analyze", *mine, "--db", url, "--format", "jsonl"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True))
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    store = open_store(url)
    try:
        rows = store.db.execute("SELECT count(*) AS n, count(DISTINCT id) AS ids, count(DISTINCT text) AS texts"
                                " FROM articles").fetchone()
        assert dict(rows) == {"n": n, "ids": n, "texts": n}
        # every article whole: its quotes and events once each
        dupes = store.db.execute("SELECT count(*) AS n FROM (SELECT article_id, text FROM quotes"
                                 " GROUP BY 1, 2 HAVING count(*) > 1) d").fetchone()["n"]
        assert dupes == 0
        assert store.db.execute("SELECT count(*) AS n FROM articles a WHERE NOT EXISTS"
                                " (SELECT 1 FROM quotes q WHERE q.article_id = a.id)").fetchone()["n"] == 0
    finally:
        store.close()


def test_a_read_only_role_opens_and_serves_an_up_to_date_database(corpus_db):
    """``dragoman serve`` against the same Postgres with a role that may only read."""
    if not corpus_db.startswith("postgresql://"):
        pytest.skip("Postgres roles")
    from fastapi.testclient import TestClient
    from psycopg.conninfo import conninfo_to_dict

    from dragoman.web import create_app

    schema = corpus_db.rsplit("search_path%3D", 1)[1]
    role = f"reader_{schema[-8:]}"
    admin = os.environ["DRAGOMAN_TEST_PG"]
    info = conninfo_to_dict(admin)
    url = (f"postgresql://{role}:read-only@{info.get('host', 'localhost')}:{info.get('port', 5432)}/"
           f"{info.get('dbname', 'postgres')}?options=-csearch_path%3D{schema}")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'read-only'")
        conn.execute(f"GRANT USAGE ON SCHEMA {schema} TO {role}")
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {role}")
    try:
        store = open_store(url)  # what `dragoman serve` does first: nothing to migrate, nothing written
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            store.db.execute("DELETE FROM articles")
        store.close()
        client = TestClient(create_app(url))
        assert client.get("/api/stats").json()["articles"] == 6
        assert client.get("/api/search", params={"q": "ceasefire"}).status_code == 200
        assert client.get("/").status_code == 200
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}")
            conn.execute(f"REVOKE ALL ON SCHEMA {schema} FROM {role}")
            conn.execute(f"DROP ROLE {role}")
