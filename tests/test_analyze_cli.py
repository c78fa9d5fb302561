"""`dragoman analyze` end to end: storing, re-running, bad inputs, output formats, kill -9.

The spaCy pipeline is loaded once per test session (``nlp`` below; ``load_nlp`` is cached per
process, so every in-process CLI run reuses it). Only the kill -9 test starts a second process.
All articles are invented for these tests.
"""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dragoman import read
from dragoman.cli import app
from dragoman.pipeline import prepare
from dragoman.read import iter_documents

SCHEMA = Path(__file__).resolve().parent.parent / "src" / "dragoman" / "schema" / "article.schema.json"
DRAGOMAN = Path(sys.executable).with_name("dragoman")


@pytest.fixture(scope="session")
def nlp():
    from dragoman.nlp import load_nlp

    return load_nlp()


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(app, ["analyze", *args], input=input, catch_exceptions=False)


def db_count(db: Path, table: str = "articles") -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def all_counts(db: Path) -> dict[str, int]:
    return {t: db_count(db, t) for t in ("articles", "entities", "quotes", "events", "actors")}


# -- invented articles ----------------------------------------------------------------------

TXT_ARTICLE = """Home
Politics

Georgia and Armenia agree to open a second border crossing

TBILISI, May 14 (Caucasus Wire) — Georgia and Armenia agreed on Tuesday to open a second crossing on their shared border before the end of the year, the two foreign ministries said in a joint statement.

"Trade between our countries has doubled in three years, and one crossing is no longer enough," Georgian Foreign Minister Nino Beridze told reporters after meeting her Armenian counterpart in Tbilisi.

Armenian Foreign Minister Aram Hovakimyan said the new crossing would also serve tourists. He accused the previous government of delaying the project for a decade.

Share: Facebook, Twitter, Telegram
© 2024 Caucasus Wire
"""

HTML_ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Kazakhstan and Azerbaijan sign Caspian cable deal | Steppe Review</title>
<meta property="og:site_name" content="Steppe Review">
<meta name="date" content="2024-06-03">
</head><body>
<nav><a href="/">Home</a> | <a href="/energy">Energy</a></nav>
<article><h1>Kazakhstan and Azerbaijan sign Caspian cable deal</h1>
<p>ASTANA — Kazakhstan and Azerbaijan signed an agreement on Monday to lay an undersea power cable across the
Caspian Sea, the energy ministries of both countries said.</p>
<p>"The cable will carry green electricity from Central Asia to Europe," Kazakh Energy Minister Daulet Seitkali
said at the signing ceremony in Astana.</p>
<p>Azerbaijan's energy minister praised the deal and said construction would start next spring.</p>
</article>
<footer>We use cookies to improve your experience.</footer>
</body></html>
"""

JSONL_RECORDS = [
    {"url": "https://wire.example/2024/ankara-talks", "title": "Turkey and Armenia hold border talks",
     "date": "2024-04-09", "outlet": "Example Wire",
     "text": "Special envoys of Turkey and Armenia met in Ankara on Tuesday for a new round of talks on "
             "normalising relations, the two foreign ministries said.\n\n\"We made progress on the opening of "
             "the land border,\" the Turkish envoy told reporters after the meeting."},
    {"url": "https://wire.example/fr/2024/caucase", "title": "Le Caucase au cœur des discussions",
     "date": "2024-04-10", "outlet": "Example Wire",
     "text": "Les ministres des affaires étrangères se sont réunis à Bruxelles pour discuter de la situation dans "
             "le Caucase du Sud. Ils ont appelé les deux pays à poursuivre le dialogue."},
]

CITIES = [("YEREVAN", "Armenia", "Armenian"), ("BAKU", "Azerbaijan", "Azerbaijani"), ("TBILISI", "Georgia", "Georgian"),
          ("ASTANA", "Kazakhstan", "Kazakh"), ("ANKARA", "Turkey", "Turkish"), ("TASHKENT", "Uzbekistan", "Uzbek")]
PEOPLE = ["Lusine Avetyan", "Farid Gasimli", "Tamar Kobalia", "Erlan Dzhaksybek", "Selin Ozturk", "Bekzod Karimov"]
TOPICS = ["a new rail corridor", "water sharing on the border rivers", "a visa-free travel regime",
          "the exchange of detainees", "joint customs checks", "an electricity grid link"]
VERBS = ["welcomed", "criticised", "accused", "praised", "urged", "threatened"]


def generated_article(i: int) -> str:
    """A plausible wire story; every ``i`` gives different text (so a different content id)."""
    rng = random.Random(i)
    (city, country, adj), (_, other, other_adj) = rng.sample(CITIES, 2)
    person, critic = rng.sample(PEOPLE, 2)
    topic = rng.choice(TOPICS)
    verb = rng.choice(VERBS)
    n = 10 + i
    return f"""{adj} and {other_adj} officials discuss {topic}

{city}, March {1 + i % 27} (Example Wire) — {country} and {other} held a {n}th round of talks on {topic} on Thursday, officials in both capitals said.

"We have agreed on most of the text, and the rest can be settled within {n} days," {adj} Foreign Minister {person} told reporters after the meeting in {city.title()}.

The {other_adj} delegation {verb} the {adj} side over the pace of the negotiations, according to a statement from the foreign ministry of {other}.

{critic}, a member of the opposition in {other}, said the government had given away too much. "This deal was written in {city.title()}, not here," {critic} said.

Diplomats said {n} experts from both countries would meet again next month to work on the remaining {n % 7 + 2} articles of the agreement.

The previous round of talks, held in Vienna, ended without a result after the two sides failed to agree on the wording of the preamble.
"""


@pytest.fixture
def corpus(tmp_path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "crossing.txt").write_text(TXT_ARTICLE, encoding="utf-8")
    (d / "cable.html").write_text(HTML_ARTICLE, encoding="utf-8")
    (d / "wire.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in JSONL_RECORDS),
                                  encoding="utf-8")
    return d


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


# -- storing and re-running -----------------------------------------------------------------

def test_analyze_directory_then_rerun_adds_nothing(nlp, corpus, tmp_path):
    db = tmp_path / "out.db"
    first = run(str(corpus), "--db", str(db))
    assert first.exit_code == 0, first.output
    rows = jsonl(first.stdout)
    assert sorted(r["source"] for r in rows) == sorted(
        [str(corpus / "crossing.txt"), str(corpus / "cable.html"), *(r["url"] for r in JSONL_RECORDS)])
    by_source = {Path(r["source"]).name: r for r in rows}
    crossing = by_source["crossing.txt"]
    assert crossing["title"] == "Georgia and Armenia agree to open a second border crossing"
    assert crossing["outlet"] == "Caucasus Wire" and crossing["dateline"] == "TBILISI"
    assert crossing["date"] == "2024-05-14"  # "May 14" in the dateline, the year from the "© 2024" footer
    french = by_source["caucase"]
    assert french["status"] == "not_english" and french["language"] == "fr" and french["entities"] == []
    english = [r for r in rows if r["status"] == "analysed"]
    assert len(english) == 3 and all(r["entities"] for r in english)
    assert "4 stored, 0 already stored" in first.stderr
    (warning,) = [line for line in first.stderr.splitlines() if line.startswith("warning:")]
    assert warning.startswith(f"warning: {JSONL_RECORDS[1]['url']}: not English (detected 'fr')")
    assert warning.endswith("stored without analysis")
    counts = all_counts(db)
    assert counts["articles"] == 4

    second = run(str(corpus), "--db", str(db))
    assert second.exit_code == 0
    assert second.stdout == ""
    assert "0 stored, 4 already stored" in second.stderr
    assert all_counts(db) == counts


def test_stdin(nlp, tmp_path):
    db = tmp_path / "stdin.db"
    result = run("-", "--db", str(db), input=generated_article(1).encode("utf-8"))
    assert result.exit_code == 0, result.output
    (row,) = jsonl(result.stdout)
    assert row["source"] == "<stdin>" and row["status"] == "analysed"
    assert db_count(db) == 1


# -- bad inputs -----------------------------------------------------------------------------

def test_bad_inputs_reported_one_line_each_and_the_rest_stored(nlp, corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_BYTES", 4000)
    bad = {
        "binary.txt": (bytes(random.Random(3).randrange(256) for _ in range(2000)) + b"\x00" * 10, "binary file"),
        "empty.txt": (b"", "empty file"),
        "blank.txt": (b"  \n\n \t \n", "empty file"),
        "huge.txt": ((generated_article(2) * 6).encode(), "too large"),
        "broken.html": (b"<html><body><p>unclosed <div><<<", "no article text found in the HTML"),
        "furniture.txt": (b"Share: Facebook, Twitter\n\xc2\xa9 2024 Example Daily\n", "no article text left"),
    }
    for name, (data, _) in bad.items():
        (corpus / name).write_bytes(data)
    with (corpus / "wire.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"id": "cut-off", "text": "Officials met in\n')
    missing = tmp_path / "missing.txt"
    db = tmp_path / "bad.db"
    result = run(str(corpus), str(missing), "--db", str(db))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == len(bad) + 2, result.stderr
    for name, (_, reason) in bad.items():
        (line,) = [e for e in errors if e.startswith(f"error: {corpus / name}: ")]
        assert reason in line
    (line,) = [e for e in errors if e.startswith(f"error: {corpus / 'wire.jsonl'}:3: ")]
    assert "not valid JSON" in line
    (line,) = [e for e in errors if e.startswith(f"error: {missing}: ")]
    assert "cannot read" in line
    # the good articles of the batch are all there
    assert len(jsonl(result.stdout)) == 4
    assert db_count(db) == 4
    assert "8 failed" in result.stderr


# -- output formats -------------------------------------------------------------------------

def test_format_json_is_valid_json(nlp, corpus):
    result = run(str(corpus), "--no-store", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 4
    assert {d["status"] for d in data} == {"analysed", "not_english"}


def test_format_json_with_nothing_to_print(nlp, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run(str(empty), "--no-store", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


def test_format_table(nlp, corpus):
    result = run(str(corpus), "--no-store", "--format", "table")
    assert result.exit_code == 0
    assert "crossing.txt" in result.stdout and "cable.html" in result.stdout
    assert "Caucasus Wire" in result.stdout and "Steppe Review" in result.stdout
    assert "quotes" in result.stdout and "events" in result.stdout


def test_no_store_creates_no_database(nlp, corpus, tmp_path, monkeypatch):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("DRAGOMAN_DB", str(tmp_path / "env.db"))
    result = run(str(corpus), "--no-store")
    assert result.exit_code == 0
    assert len(jsonl(result.stdout)) == 4
    assert not (tmp_path / "env.db").exists()
    assert list(cwd.iterdir()) == []
    assert "stored" not in result.stderr.replace("stored without analysis", "")


def test_default_db_from_environment(nlp, corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("DRAGOMAN_DB", str(tmp_path / "env.db"))
    result = run(str(corpus / "crossing.txt"), "-q")
    assert result.exit_code == 0 and result.stderr == ""
    assert db_count(tmp_path / "env.db") == 1


def test_output_file(nlp, corpus, tmp_path):
    out = tmp_path / "out" / "articles.jsonl"
    out.parent.mkdir()
    result = run(str(corpus), "--no-store", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert len(jsonl(out.read_text(encoding="utf-8"))) == 4


def test_jsonl_output_matches_the_schema(nlp, corpus):
    if not SCHEMA.exists():
        pytest.skip("no article schema yet")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    validator.check_schema(schema)
    result = run(str(corpus), "--no-store")
    rows = jsonl(result.stdout)
    assert rows
    for row in rows:
        errors = sorted(validator.iter_errors(row), key=lambda e: list(e.path))
        assert not errors, f"{row['source']}: {[(list(e.path), e.message) for e in errors[:5]]}"


def test_offsets_point_into_the_text(nlp, corpus):
    for row in jsonl(run(str(corpus), "--no-store").stdout):
        text = row["text"]
        for m in row["entities"]:
            assert text[m["start"]:m["end"]] == m["text"]
        for q in row["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"]


# -- kill -9 --------------------------------------------------------------------------------

N_KILL = 30


def test_kill_9_then_rerun_stores_each_article_once(nlp, tmp_path):
    src = tmp_path / "many"
    src.mkdir()
    for i in range(N_KILL):
        (src / f"story_{i:02d}.txt").write_text(generated_article(i), encoding="utf-8")
    ids = {prepare(d).id for d in iter_documents([str(src)])}
    assert len(ids) == N_KILL
    db = tmp_path / "killed.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("DRAGOMAN_DB", None)
    proc = subprocess.Popen([str(DRAGOMAN), "analyze", str(src), "--db", str(db), "-q", "--batch-size", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 120
        stored = 0
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    stored = db_count(db)
                except sqlite3.Error:  # not created yet, or busy
                    stored = 0
                if stored >= 1:
                    break
            time.sleep(0.02)
        assert stored >= 1, "no article was stored before the deadline"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    before = db_count(db)
    print(f"killed after {before} of {N_KILL} articles were stored")
    assert 1 <= before < N_KILL

    result = run(str(src), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert f"{N_KILL - before} stored, {before} already stored" in result.stderr
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        con.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        con.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == N_KILL
        assert {r[0] for r in con.execute("SELECT id FROM articles")} == ids
        # no half-written article: every one has its entities and quotes
        assert con.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS"
                           " (SELECT 1 FROM entities e WHERE e.article_id = a.id)").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS"
                           " (SELECT 1 FROM quotes q WHERE q.article_id = a.id)").fetchone()[0] == 0
    finally:
        con.close()
