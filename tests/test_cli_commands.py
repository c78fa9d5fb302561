"""Every command of the CLI against a store these tests build with `dragoman analyze`, the
`--format` choices, and how errors reach the user (one line and an exit status; a bug as an
internal error). The articles are invented."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dragoman.cli import app

ARTICLES = {
    "border.txt": (
        "Estonia accuses Russia of airspace violation\n\n"
        "TALLINN, 12 March 2025 - Estonia accused Russia on Wednesday of sending a military helicopter "
        "into its airspace near the island of Vaindloo. \"This was a deliberate and dangerous act,\" "
        "Estonia's foreign minister told reporters in Tallinn.\n\n"
        "The Russian embassy did not respond to a request for comment.\n"),
    "talks.txt": (
        "Estonia and Finland agree on grid link\n\n"
        "HELSINKI, 14 March 2025 - Finland and Estonia signed an agreement on Friday to build a third "
        "power cable under the Gulf of Finland. \"Our two grids will be stronger together,\" Finland's "
        "prime minister said at the signing.\n\n"
        "Estonia's prime minister praised Finland for its help after an earlier cable was damaged.\n"),
    "sanctions.txt": (
        "Lithuania urges new sanctions\n\n"
        "VILNIUS, 17 March 2025 - Lithuania urged the European Union on Monday to impose new "
        "sanctions on Russia over the airspace incident in Estonia. \"Words are no longer enough,\" "
        "Lithuania's foreign minister said.\n"),
}


def cli(*args: str, env: dict | None = None):
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def db(corpus, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("store") / "news.db"
    result = cli("analyze", str(corpus), "--db", str(path), "--quiet")
    assert result.exit_code == 0, result.output
    assert len(jsonl(result.stdout)) == 3
    return str(path)


# -- analyze ---------------------------------------------------------------------------------
def test_analyze_table_and_json_formats(corpus):
    table = cli("analyze", str(corpus / "talks.txt"), "--no-store", "--format", "table", "--quiet")
    assert table.exit_code == 0 and "talks.txt" in table.stdout and "quotes" in table.stdout
    as_json = cli("analyze", str(corpus / "talks.txt"), "--no-store", "--format", "json", "--quiet")
    assert json.loads(as_json.stdout)[0]["title"] == "Estonia and Finland agree on grid link"


def test_analyze_with_jobs_finds_what_one_process_finds(corpus, tmp_path):
    one = cli("analyze", str(corpus), "--no-store", "--quiet", "--batch-size", "1")
    two = cli("analyze", str(corpus), "--no-store", "--quiet", "--jobs", "2", "--batch-size", "1")
    assert one.exit_code == two.exit_code == 0, two.output
    by_id = {a["id"]: a for a in jsonl(one.stdout)}
    assert {a["id"]: a for a in jsonl(two.stdout)} == by_id


def test_analyze_verbose_says_why_an_input_failed(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = cli("analyze", str(tmp_path), "--no-store", "--verbose")
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.output


def test_analyze_an_unknown_engine_is_a_usage_error(corpus):
    result = cli("analyze", str(corpus), "--no-store", "--engine", "threads")
    assert result.exit_code == 2 and "--engine" in result.output


# -- the queries -----------------------------------------------------------------------------
def test_quotes(db):
    rows = jsonl(cli("quotes", "--db", db, "--format", "jsonl").stdout)
    assert "This was a deliberate and dangerous act," in {r["text"] for r in rows}
    searched = jsonl(cli("quotes", "--db", db, "--format", "jsonl", "--search", "grids").stdout)
    assert [r["text"] for r in searched] == ["Our two grids will be stronger together,"]
    limited = jsonl(cli("quotes", "--db", db, "--format", "jsonl", "--limit", "1", "--since", "2025-03-13").stdout)
    assert len(limited) == 1 and limited[0]["date"] >= "2025-03-13"
    table = cli("quotes", "--db", db)
    assert table.exit_code == 0 and "deliberate and dangerous" in table.stdout


def test_quotes_format_xml_is_a_usage_error(db):
    result = cli("quotes", "--db", db, "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.output and "table" in result.output and "jsonl" in result.output


def test_events(db):
    rows = jsonl(cli("events", "--db", db, "--format", "jsonl", "--type", "ACCUSE").stdout)
    assert rows and all(r["type"] == "ACCUSE" for r in rows)
    assert ("EST", "RUS") in {(r["source_code"][:3], r["target_code"][:3]) for r in rows}
    assert cli("events", "--db", db, "--source", "EST").exit_code == 0


def test_dyad(db):
    rows = jsonl(cli("dyad", "EST", "RUS", "--db", db, "--format", "jsonl").stdout)
    assert rows and rows[0]["month"] == "2025-03" and rows[0]["events"] >= 1
    assert "2025-03" in cli("dyad", "EST", "RUS", "--db", db).stdout


def test_actors_list_and_profile(db):
    rows = jsonl(cli("actors", "--db", db, "--format", "jsonl", "--limit", "50").stdout)
    assert {"Estonia", "Finland", "Russia"} <= {r["name"] for r in rows}
    profile = jsonl(cli("actors", "Estonia", "--db", db, "--format", "jsonl").stdout)[0]
    assert profile["code"] == "EST" and profile["articles"]
    assert "Estonia" in cli("actors", "Estonia", "--db", db).stdout
    missing = cli("actors", "Atlantis", "--db", db)
    assert missing.exit_code == 1 and "Atlantis" in missing.output


def test_stories_and_story(db):
    listed = cli("stories", "--db", db, "--format", "jsonl", "--recluster")
    assert listed.exit_code == 0, listed.output
    rows = jsonl(listed.stdout)
    assert rows
    one = jsonl(cli("story", rows[0]["id"], "--db", db, "--format", "jsonl").stdout)[0]
    assert one["id"] == rows[0]["id"] and one["articles"]
    assert cli("story", rows[0]["id"], "--db", db).exit_code == 0
    assert cli("story", "0000000000000000", "--db", db).exit_code == 1


def test_serve_serves_the_store(db, monkeypatch):
    calls = []
    monkeypatch.setattr("dragoman.web.app.serve", lambda path, host, port, **_: calls.append((path, host, port)))
    assert cli("serve", "--db", db, "--host", "0.0.0.0", "--port", "8123").exit_code == 0
    assert calls == [(db, "0.0.0.0", 8123)]


@pytest.mark.parametrize("what", ["quotes", "events", "articles", "actors"])
def test_export_csv_and_jsonl(db, what, tmp_path):
    result = cli("export", "--what", what, "--db", db)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows
    out = tmp_path / f"{what}.jsonl"
    assert cli("export", "--what", what, "--format", "jsonl", "--output", str(out), "--db", db).exit_code == 0
    assert len(jsonl(out.read_text(encoding="utf-8"))) == len(rows)


def test_export_parquet_and_gdelt(db, tmp_path):
    pytest.importorskip("pyarrow")
    out = tmp_path / "events.parquet"
    assert cli("export", "--what", "events", "--format", "parquet", "-o", str(out), "--db", db).exit_code == 0
    assert out.stat().st_size > 0
    gdelt = cli("export", "--what", "events", "--format", "gdelt", "--db", db)
    assert gdelt.exit_code == 0 and gdelt.stdout.strip()
    assert cli("export", "--what", "quotes", "--format", "gdelt", "--db", db).exit_code == 2
    assert cli("export", "--what", "quotes", "--format", "xlsx", "--db", db).exit_code == 2


def test_sources_and_watch_once(corpus, tmp_path):
    db = str(tmp_path / "watched.db")
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "sanctions.txt").write_text(ARTICLES["sanctions.txt"], encoding="utf-8")
    assert cli("sources", "add", str(folder), "--name", "Inbox", "--db", db).exit_code == 0
    listed = jsonl(cli("sources", "list", "--format", "jsonl", "--db", db).stdout)
    assert [s["name"] for s in listed] == ["Inbox"]
    assert cli("sources", "list", "--format", "csv", "--db", db).exit_code == 2
    watched = cli("watch", "--once", "--settle", "0", "--db", db, "--quiet")
    assert watched.exit_code == 0, watched.output
    assert any("new sanctions" in q["text"] for q in jsonl(cli("quotes", "--db", db, "--format", "jsonl").stdout))
    assert cli("sources", "remove", str(folder), "--db", db).exit_code == 0
    assert jsonl(cli("sources", "list", "--format", "jsonl", "--db", db).stdout) == []


# -- errors ----------------------------------------------------------------------------------
def test_no_store_is_a_usage_error(tmp_path):
    for command in (["quotes"], ["events"], ["dyad", "EST", "RUS"], ["actors"], ["stories"], ["export", "--what",
                                                                                              "quotes"]):
        result = cli(*command, "--db", str(tmp_path / "none.db"))
        assert result.exit_code == 2 and "none.db" in result.output, command


def test_a_bug_is_an_internal_error_with_a_hint_and_no_traceback(db, monkeypatch):
    from dragoman.store.sqlite import SQLiteStore

    def broken(self, **kwargs):
        raise KeyError("speaker_code")

    monkeypatch.setattr(SQLiteStore, "quotes", broken)
    result = cli("quotes", "--db", db)
    assert result.exit_code == 3
    assert "[D900] internal error: KeyError" in result.output and "report" in result.output
    assert "Traceback" not in result.output
    debug = cli("quotes", "--db", db, env={"DRAGOMAN_DEBUG": "1"})
    assert debug.exit_code == 3 and "Traceback" in debug.output and "broken" in debug.output


def test_a_failing_stage_in_analyze_is_an_internal_error_shown_with_verbose(corpus, monkeypatch):
    import dragoman.batch

    def broken(raw):
        raise AttributeError("'NoneType' object has no attribute 'text'")

    monkeypatch.setattr(dragoman.batch, "prepare_safely", broken)
    quiet = cli("analyze", str(corpus / "talks.txt"), "--no-store")
    assert quiet.exit_code == 3 and "[D900] internal error: AttributeError" in quiet.output
    assert "Traceback" not in quiet.output
    verbose = cli("analyze", str(corpus / "talks.txt"), "--no-store", "--verbose")
    assert verbose.exit_code == 3 and "Traceback" in verbose.output


def test_a_dragoman_error_is_one_line_and_its_exit_status(db, monkeypatch):
    from dragoman.errors import StoreError
    from dragoman.store.sqlite import SQLiteStore

    def locked(self, **kwargs):
        raise StoreError("the store is locked by another writer", code="D302", hint="try again later")

    monkeypatch.setattr(SQLiteStore, "events", locked)
    result = cli("events", "--db", db)
    assert result.exit_code == 2
    assert result.output.strip() == "error: [D302] the store is locked by another writer (try again later)"


def test_a_store_that_refuses_an_article_fails_that_article_only(corpus, tmp_path, monkeypatch):
    import sqlite3

    from dragoman.store.sqlite import SQLiteStore

    real = SQLiteStore.save_article

    def refuse_one(self, article):
        if article.source.endswith("border.txt"):
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, article)

    monkeypatch.setattr(SQLiteStore, "save_article", refuse_one)
    db = str(tmp_path / "full.db")
    result = cli("analyze", str(corpus), "--db", db, "--quiet")
    assert result.exit_code == 1
    assert "border.txt: not stored (OperationalError: database or disk is full)" in result.output
    assert len(jsonl(cli("quotes", "--db", db, "--format", "jsonl").stdout)) >= 2


def test_a_bug_while_storing_is_an_internal_error(corpus, tmp_path, monkeypatch):
    from dragoman.store.sqlite import SQLiteStore

    def broken(self, article):
        raise TypeError("'NoneType' object is not subscriptable")

    monkeypatch.setattr(SQLiteStore, "save_article", broken)
    result = cli("analyze", str(corpus), "--db", str(tmp_path / "bug.db"), "--quiet")
    assert result.exit_code == 3 and "[D900] internal error: TypeError" in result.output


def test_an_unreadable_actor_file_is_a_usage_error(corpus, tmp_path):
    bad = tmp_path / "mine.yaml"
    bad.write_text("people: [", encoding="utf-8")
    result = cli("analyze", str(corpus / "talks.txt"), "--no-store", "--actors", str(bad))
    assert result.exit_code == 2
    assert "[D403]" in result.output and "mine.yaml: not valid YAML" in result.output
