"""The store under concurrency and over time: locks, first use by several processes, actor rows
that keep their best reading, edited sources. No spaCy; invented articles."""
from __future__ import annotations

import sqlite3
import threading
import time

from dragoman.records import Actor, Mention
from dragoman.store import SQLiteStore
from dragoman.store.sqlite import MIGRATIONS

from test_store import ARM, GEO, make_article

CLAIM = ("Georgia accused Armenia of stalling the railway talks, officials in Tbilisi said on Friday. "
         "The Armenian side denied it.")


def test_a_writer_holding_the_lock_past_the_busy_timeout_is_waited_out(tmp_path):
    path = tmp_path / "busy.db"
    SQLiteStore(path).close()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO actors (id, name, code) VALUES ('XYZ', 'Xyzland', 'XYZ')")
    release = threading.Timer(1.0, lambda: holder.execute("COMMIT"))
    store = SQLiteStore(path, busy_timeout=0.1, busy_retry_seconds=30)
    release.start()
    try:
        started = time.monotonic()
        assert store.save_article(make_article(1, "2024-03-01", CLAIM, [("Georgia", GEO, "GPE")])) is True
        assert time.monotonic() - started >= 0.5  # it did wait for the other writer
        assert store.count("articles") == 1 and store.count("actors") == 2
    finally:
        release.join()
        holder.close()
        store.close()


def test_several_processes_creating_a_fresh_database_at_once(tmp_path):
    path = tmp_path / "fresh.db"
    start = threading.Barrier(6)
    errors: list[BaseException] = []

    def first_use() -> None:
        start.wait()
        try:
            SQLiteStore(path).close()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=first_use) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    store = SQLiteStore(path)
    assert store.schema_version == len(MIGRATIONS)
    store.close()


def test_a_weaker_reading_never_rewrites_an_actor(tmp_path, make_store):
    store = make_store()
    first = make_article(1, "2024-03-01", CLAIM, [("Georgia", GEO, "GPE"), ("Armenia", ARM, "GPE")])
    # "the Minister arrived in Yerevan": the capital read as a bare place of the country
    place = Actor("ARM", "ARM", "ARM", "ARM", None, "place")
    later = make_article(2, "2024-03-02", "The minister arrived in Yerevan on Saturday for two days of talks.")
    later.entities.append(Mention("Yerevan", 25, 32, "GPE", 0, place, "place"))
    try:
        assert store.save_article(first) and store.save_article(later)
        row = dict(store.db.execute("SELECT name, code, kind FROM actors WHERE id = 'ARM'").fetchone())
        assert row == {"name": "Armenia", "code": "ARM", "kind": "country"}
        # the other way round, the stronger reading replaces the weaker one
        other = make_store()
        assert other.save_article(later) and other.save_article(first)
        row = dict(other.db.execute("SELECT name, kind FROM actors WHERE id = 'ARM'").fetchone())
        assert row == {"name": "Armenia", "kind": "country"}
        other.close()
    finally:
        store.close()


def test_a_role_learnt_later_fills_an_empty_field_only(tmp_path, make_store):
    store = make_store()
    envoy = Actor("person:tigran-esayan", "Tigran Esayan", "ARM GOV", "ARM", "GOV", "person")
    titled = Actor("person:tigran-esayan", "Tigran Esayan", "ARM GOV", "ARM", "GOV", "person", "special envoy")
    a = make_article(1, "2024-03-01", "Tigran Esayan met officials in Tbilisi on Friday to discuss transit.",
                     [("Tigran Esayan", envoy, "PERSON")])
    b = make_article(2, "2024-03-02", "Special envoy Tigran Esayan returned to Yerevan after the talks ended.",
                     [("Tigran Esayan", titled, "PERSON")])
    try:
        store.save_article(a)
        store.save_article(b)
        assert store.db.execute("SELECT role FROM actors WHERE id = ?", (envoy.id,)).fetchone()[0] == "special envoy"
    finally:
        store.close()


def _edit(text: str, n: int) -> str:
    return text.replace("Friday", ["Saturday", "Sunday", "Monday"][n])


def test_an_edited_source_replaces_its_earlier_version(tmp_path, make_store):
    store = make_store()
    try:
        versions = [make_article(1, "2024-03-01", CLAIM, [("Georgia", GEO, "GPE")])]
        versions += [make_article(1, "2024-03-01", _edit(CLAIM, n), [("Georgia", GEO, "GPE")]) for n in range(2)]
        for v in versions:
            assert store.save_article(v) is True
        assert store.count("articles") == 1 and store.count("entities") == 1
        assert store.get_article(versions[-1].id)["text"] == versions[-1].text
        assert not store.has_article(versions[0].id)
        assert [r["id"] for r in store.search_articles("Friday")] == []
        assert [r["id"] for r in store.search_articles("Sunday")] == [versions[-1].id]
        # unchanged content adds nothing
        assert store.save_article(versions[-1]) is False
        assert store.count("articles") == 1
    finally:
        store.close()


def test_lines_of_a_jsonl_file_and_stdin_are_not_versions_of_each_other(tmp_path, make_store):
    store = make_store()
    try:
        for n, source in enumerate(["feed.jsonl:3", "feed.jsonl:3", "<stdin>", "<stdin>"]):
            a = make_article(n, "2024-03-01", _edit(CLAIM, n % 3) + f" Item {n}.")
            a.source = source
            assert store.save_article(a) is True
        assert store.count("articles") == 4
    finally:
        store.close()


def _open_fresh(path: str) -> str:
    try:
        SQLiteStore(path).close()
        return "ok"
    except Exception as exc:  # noqa: BLE001 - reported back to the test
        return f"{type(exc).__name__}: {exc}"


def test_several_real_processes_creating_a_fresh_database_at_once(tmp_path):
    import multiprocessing as mp

    path = str(tmp_path / "procs.db")
    with mp.get_context("fork").Pool(4) as pool:
        results = pool.map(_open_fresh, [path] * 8)
    assert results == ["ok"] * 8
    store = SQLiteStore(path)
    assert store.schema_version == len(MIGRATIONS)
    store.close()
