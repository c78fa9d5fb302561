"""Folders: files dropped while the watch runs are analysed once each, a slowly written one only
when it is complete; a changed file is analysed again; a second run finds nothing new."""
from __future__ import annotations

import json
import sqlite3
import sys
import threading
import time
from pathlib import Path

from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.store import SQLiteStore
from dragoman.watch.fetch import FetchSettings, Fetcher
from dragoman.watch.monitor import Monitor, WatchSettings
from dragoman.watch.sources import make_source

sys.path.insert(0, str(Path(__file__).parent))
from nlp_helpers import analyzer  # noqa: E402
from watch_site import article_text  # noqa: E402

DEADLINE = 90  # seconds: the longest any wait here may take


def text_of(n: int) -> str:
    title, paragraphs = article_text(n)
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def wait_until(predicate, what: str, timeout: float = DEADLINE) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def count(db: Path, sql: str) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_files_dropped_while_watching_are_analysed_once(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "watch.db"
    inbox.mkdir()
    (inbox / "before.txt").write_text(text_of(40), encoding="utf-8")  # there before the watch starts
    store = SQLiteStore(db)
    store.save_source(make_source(folder=inbox, outlet="Inbox Courier").to_dict(), "test")
    fetcher = Fetcher(FetchSettings(delay=0, retries=0))
    monitor = Monitor(store, analyzer, fetcher, WatchSettings(settle=3.0, tick=0.1))
    errors: list[BaseException] = []

    def run() -> None:
        try:
            monitor.run()
        except BaseException as exc:  # surfaced in the test thread below
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        wait_until(lambda: count(db, "SELECT count(*) FROM articles") == 1, "the file already there")
        (inbox / "quick.txt").write_text(text_of(41), encoding="utf-8")
        (inbox / "batch.jsonl").write_text(
            "".join(json.dumps({"text": text_of(n), "url": f"https://inbox.example/{n}"}) + "\n" for n in (42, 43)),
            encoding="utf-8")
        (inbox / ".partial.txt").write_text(text_of(44), encoding="utf-8")  # hidden: ignored
        (inbox / "notes.csv").write_text("a,b\n", encoding="utf-8")  # not an article file
        slow_text = text_of(45) + "\nThe last paragraph arrived after a long pause, the ministry said.\n"
        with open(inbox / "slow.txt", "w", encoding="utf-8") as f:
            step = len(slow_text) // 6 + 1
            for start in range(0, len(slow_text), step):  # 6 pieces, 0.3 s apart: well inside the settle time
                f.write(slow_text[start:start + step])
                f.flush()
                time.sleep(0.3)
        wait_until(lambda: count(db, "SELECT count(*) FROM articles") == 5, "the dropped files")
        (inbox / "quick.txt").write_text(text_of(46), encoding="utf-8")  # changed: its new version replaces the old
        changed = f"SELECT count(*) FROM articles WHERE source LIKE '%quick.txt' AND text LIKE '%{text_of(46)[:40]}%'"
        wait_until(lambda: count(db, changed) == 1, "the changed file")
        time.sleep(3.5)  # time enough for a duplicate to show up, if there were one
    finally:
        monitor.request_stop()
        thread.join(timeout=DEADLINE)
        fetcher.close()
    assert not thread.is_alive() and not errors
    assert count(db, "SELECT count(*) FROM articles") == 5
    con = sqlite3.connect(db)
    slow = con.execute("SELECT text, outlet FROM articles WHERE source LIKE '%slow.txt'").fetchall()
    items = dict(con.execute("SELECT key, status FROM watch_items").fetchall())
    seen = con.execute("SELECT items_seen, items_analysed FROM watch_sources").fetchone()
    con.close()
    assert len(slow) == 1 and "after a long pause" in slow[0][0] and slow[0][1] == "Inbox Courier"
    assert sorted(Path(k).name for k in items) == ["batch.jsonl", "before.txt", "quick.txt", "slow.txt"]
    assert set(items.values()) == {"done"}
    assert seen == (4, 5)  # quick.txt was analysed twice: once per version

    again = CliRunner().invoke(app, ["watch", "--once", "--db", str(db), "--settle", "0"], catch_exceptions=False)
    assert again.exit_code == 0, again.output
    assert "0 new" in again.output
    assert count(db, "SELECT count(*) FROM articles") == 5
    store.close()


def test_once_leaves_a_file_still_being_written_for_the_next_run(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "watch.db"
    inbox.mkdir()
    (inbox / "fresh.txt").write_text(text_of(47), encoding="utf-8")
    assert CliRunner().invoke(app, ["sources", "add", str(inbox), "--db", str(db)]).exit_code == 0
    first = CliRunner().invoke(app, ["watch", "--once", "--db", str(db), "--settle", "60"])
    assert first.exit_code == 0 and "still being written" in first.output
    assert count(db, "SELECT count(*) FROM articles") == 0
    second = CliRunner().invoke(app, ["watch", "--once", "--db", str(db), "--settle", "0"])
    assert second.exit_code == 0, second.output
    assert count(db, "SELECT count(*) FROM articles") == 1
