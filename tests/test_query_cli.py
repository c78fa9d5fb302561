"""The query commands check their options as the API checks its parameters (usage errors exit
2 with a message, never a traceback) and take actors by code or by name alike. Over the fictional
corpus of tests/conftest.py; no spaCy."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dragoman.cli import app


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("args, words", [
    (["quotes", "--since", "yesterday"], "yesterday"),
    (["quotes", "--until", "2024-02-30"], "2024-02-30"),
    (["events", "--since", "2024-06", "--until", "2024-01"], "after"),
    (["quotes", "--format", "csv"], "csv"),
    (["events", "--format", "xml"], "xml"),
    (["events", "--type", "FOO"], "FOO"),
    (["dyad", "KST", "Atlantis"], "Atlantis"),
    (["dyad", "Nowhere", "MRV"], "Nowhere"),
    (["serve", "--port", "99999"], "65535"),
    (["serve", "--port", "0"], "greater than or equal to 1"),
])
def test_bad_options_are_usage_errors(corpus_db, args, words, monkeypatch):
    import dragoman.web.app

    # never a real server here: one that slipped through validation would run until killed
    monkeypatch.setattr(dragoman.web.app, "serve", lambda *a, **k: None)
    result = run(*args, "--db", str(corpus_db))
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert words in result.output and "Traceback" not in result.output


def test_good_options_still_work(corpus_db):
    result = run("events", "--type", "accuse", "--since", "2024", "--format", "jsonl", "--db", str(corpus_db))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {r["type"] for r in rows} == {"ACCUSE"}
    result = run("quotes", "--since", "2024-03", "--until", "2024-04", "--format", "jsonl", "--db", str(corpus_db))
    assert {json.loads(line)["date"] for line in result.stdout.splitlines()} == {"2024-03-05", "2024-04-10"}


def dyad_rows(db, a: str, b: str) -> list[dict]:
    result = run("dyad", a, b, "--format", "jsonl", "--db", str(db))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_dyad_takes_names_as_it_takes_codes(corpus_db):
    by_code = dyad_rows(corpus_db, "KST", "MRV")
    assert sum(m["events"] for m in by_code) >= 5
    assert dyad_rows(corpus_db, "Kestria", "Marovia") == by_code
    assert dyad_rows(corpus_db, "kestria", "MRV") == by_code


def test_events_take_a_country_by_name_with_its_government_and_people(corpus_db):
    def sources(value: str) -> set[str]:
        result = run("events", "--source", value, "--format", "jsonl", "--limit", "100", "--db", str(corpus_db))
        return {json.loads(line)["source_code"] for line in result.stdout.splitlines()}

    assert sources("Kestria") == sources("KST")
    assert {"KST", "KST GOV", "KST MIL"} <= sources("Kestria")


def test_a_country_by_name_takes_its_officials_as_its_code_does(tmp_path):
    from dragoman.store import SQLiteStore
    from test_store import ARM_FM, AZE, articles, make_article

    db = tmp_path / "names.db"
    store = SQLiteStore(db)
    for a in articles():
        store.save_article(a)
    store.save_article(make_article(
        7, "2024-03-10", "Lilit Vardanyan accused Azerbaijan of blocking the corridor, her ministry said.",
        [("Lilit Vardanyan", ARM_FM, "PERSON"), ("Azerbaijan", AZE, "GPE")], [],
        [("ACCUSE", (ARM_FM, "Lilit Vardanyan"), (AZE, "Azerbaijan"), "accused", {})]))
    store.close()
    by_code = dyad_rows(db, "ARM", "AZE")
    assert "2024-03" in {m["month"] for m in by_code}  # the minister's accusation counts for Armenia
    assert dyad_rows(db, "Armenia", "Azerbaijan") == by_code
