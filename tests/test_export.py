"""dragoman.export over the fictional corpus (tests/conftest.py)."""
from __future__ import annotations

import csv
import io
import json
import sys

import pytest

from dragoman.export import COLUMNS, GDELT_COLUMNS, ExportError, MissingDependency, export
from dragoman.store import open_store


@pytest.fixture
def store(corpus_db):
    opened = open_store(corpus_db, readonly=True)
    yield opened
    opened.close()


def exported(store, what: str, fmt: str) -> tuple[int, str]:
    out = io.StringIO()
    n = export(store, what, fmt, out)
    return n, out.getvalue()


@pytest.mark.parametrize("what", list(COLUMNS))
def test_rows_have_exactly_the_documented_columns(store, what):
    rows = list(store.iter_rows(what))
    assert rows and all(tuple(row) == COLUMNS[what] for row in rows)


@pytest.mark.parametrize("what, count", [("quotes", 7), ("events", 13), ("articles", 6), ("actors", 8)])
def test_csv_has_a_header_and_every_row(store, what, count):
    n, text = exported(store, what, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert n == len(rows) == count
    assert tuple(rows[0]) == COLUMNS[what]


def test_csv_keeps_article_text_whole(store, tmp_path, corpus_articles):
    path = tmp_path / "articles.csv"
    assert export(store, "articles", "csv", path) == 6
    with open(path, newline="", encoding="utf-8") as handle:
        rows = {row["title"]: row for row in csv.DictReader(handle)}
    original = {a.title: a.text for a in corpus_articles}
    assert {title: row["text"] for title, row in rows.items()} == original
    assert "\n\n" in rows["Kestria welcomes Marovian offer of talks"]["text"]


def test_jsonl_events_keep_types(store, tmp_path):
    path = tmp_path / "events.jsonl"
    assert export(store, "events", "jsonl", str(path)) == 13
    events = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    seized = next(e for e in events if e["trigger"] == "seized")
    assert seized["source_code"] == "KST MIL" and seized["target_actor_id"] == "MRV"
    assert seized["intensity"] == -10.0 and seized["quote_index"] == 0
    assert seized["evidence"][0]["trigger_start"] > 0
    assert {e["negated"] for e in events} == {True, False}


def test_actors_export_counts(store):
    _, text = exported(store, "actors", "jsonl")
    actors = {a["id"]: a for a in map(json.loads, text.splitlines())}
    assert (actors["Q900000101"]["mentions"], actors["Q900000101"]["quotes"]) == (5, 3)
    assert (actors["KST"]["events_as_source"], actors["KST"]["events_as_target"]) == (4, 4)


def test_output_none_writes_to_stdout(store, capsys):
    assert export(store, "quotes", "jsonl", None) == 7
    assert len(capsys.readouterr().out.splitlines()) == 7


def test_gdelt_file(store):
    n, text = exported(store, "events", "gdelt")
    lines = text.splitlines()
    assert n == 13 and len(lines) == 14
    assert lines[0].split("\t") == list(GDELT_COLUMNS)
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in lines[1:]]
    assert all(len(line.split("\t")) == len(GDELT_COLUMNS) for line in lines)
    seized = next(r for r in rows if r["Trigger"] == "seized")
    assert seized["SQLDATE"] == "20240220" and seized["MonthYear"] == "202402" and seized["Year"] == "2024"
    assert seized["Actor1Code"] == "KSTMIL" and seized["Actor1CountryCode"] == "KST"
    assert seized["Actor1Type1Code"] == "MIL" and seized["Actor2Code"] == "MRV"
    assert (seized["EventCode"], seized["EventBaseCode"], seized["EventRootCode"]) == ("193", "193", "19")
    assert seized["QuadClass"] == "4" and seized["GoldsteinScale"] == "-10.0" and seized["IsRootEvent"] == "0"
    assert seized["SOURCEURL"] == "https://courier.example/2024-02-20" and seized["PLOVERType"] == "ASSAULT"
    released = next(r for r in rows if r["Trigger"] == "released")
    assert (released["EventCode"], released["EventBaseCode"], released["EventRootCode"]) == ("0841", "084", "08")
    assert released["QuadClass"] == "2"
    urged = [r for r in rows if r["Trigger"] == "urged"]
    assert {r["Actor1KnownGroupCode"] for r in urged} == {"NAO"} and {r["IsRootEvent"] for r in urged} == {"1"}
    assert {r["QuadClass"] for r in rows} == {"1", "2", "3", "4"}
    assert len({r["GLOBALEVENTID"] for r in rows}) == 13
    assert float(seized["FractionDate"]) == pytest.approx(2024 + 50 / 366, abs=1e-4)


@pytest.mark.parametrize("what, fmt, message", [
    ("speeches", "csv", "cannot export"),
    ("quotes", "xml", "unknown format"),
    ("quotes", "gdelt", "events only"),
])
def test_bad_requests(store, what, fmt, message):
    with pytest.raises(ExportError, match=message):
        export(store, what, fmt, io.StringIO())


def test_parquet_roundtrip(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert export(store, "events", "parquet", path) == 13
    table = pq.read_table(path)
    assert table.num_rows == 13 and tuple(table.column_names) == COLUMNS["events"]
    assert str(table.schema.field("intensity").type) == "double"
    assert str(table.schema.field("negated").type) == "bool"
    assert str(table.schema.field("sentence").type) == "string"
    rows = table.to_pylist()
    assert json.loads(rows[0]["evidence"])[0]["trigger"] == rows[0]["trigger"]


def test_parquet_needs_a_binary_target(store):
    with pytest.raises(ExportError, match="binary"):
        export(store, "quotes", "parquet", io.StringIO())
    with pytest.raises(ExportError, match="binary"):
        export(store, "quotes", "parquet", None)


def test_parquet_without_pyarrow_says_how_to_get_it(store, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(MissingDependency, match=r"dragoman\[parquet\]"):
        export(store, "quotes", "parquet", tmp_path / "q.parquet")


def test_empty_store_exports_headers_only(store_target):
    empty = open_store(store_target)
    try:
        n, text = exported(empty, "events", "csv")
        assert n == 0 and text.strip() == ",".join(COLUMNS["events"])
        n, text = exported(empty, "events", "gdelt")
        assert n == 0 and text == "\t".join(GDELT_COLUMNS) + "\n"
    finally:
        empty.close()
