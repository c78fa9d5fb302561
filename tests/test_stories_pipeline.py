"""Stories end to end: syndicated copies analysed by the CLI, the story seen through the CLI, the
HTTP API, the dashboard and the export."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.store import SQLiteStore
from dragoman.web.app import create_app

WIRE = """YEREVAN — Armenia accused Azerbaijan on Tuesday of shelling three villages along their shared border overnight, the sharpest flare-up in the region since the spring.

The Armenian Foreign Ministry said the shelling damaged a school and two houses in the village of Sotk and demanded that Baku stop what it called a deliberate provocation.

Azerbaijan denied the accusation and said its forces had only returned fire after Armenian troops opened fire on its positions near Kalbajar.

Russia urged both sides to show restraint and to return to talks on the demarcation of the border, the Russian Foreign Ministry said in a statement.

The European Union said it was following the situation closely and called on Armenia and Azerbaijan to respect the ceasefire agreed last year."""

OUTLETS = [
    ("Armenia accuses Azerbaijan of shelling border villages", "By the Caucasus Desk", "Share this article: Facebook Twitter Email"),
    ("UPDATE: Armenia accuses Azerbaijan of shelling border villages", "By Staff Reporter", "Listen to this article (3 min)"),
    ("Armenia accuses Azerbaijan of shelling border villages | World", "Wire report, edited by the Newsdesk", "Advertisement"),
    ("Breaking — Armenia accuses Azerbaijan of shelling border villages", "From our correspondent in the region", "Home > World > Europe"),
    ("WATCH: Armenia accuses Azerbaijan of shelling border villages", "By an Evening Courier reporter", "Subscribe to our newsletter for the day's top stories."),
]
# each outlet adds a line of its own: byte-identical copies would be one article (same content hash)
BACKGROUND = ["Sotk lies in the Gegharkunik province, close to a gold mine.",
              "The border between the two countries has never been fully marked.",
              "Local officials said schools in the area would stay closed on Wednesday.",
              "The last serious clashes in the area took place two years ago.",
              "Residents said they spent the night in basements."]
FOOTER = "This story was filed by a news agency and has not been edited by our staff."


def write_copies(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for i, (headline, byline, furniture) in enumerate(OUTLETS[:n]):
        record = {"title": headline, "date": "2025-05-06", "outlet": f"Outlet {i}", "url": f"https://outlet{i}.example/a",
                  "text": "\n\n".join([headline, byline, furniture, WIRE, FOOTER if i % 2 else "",
                                        BACKGROUND[i]]).strip()}
        path = folder / f"copy{i}.jsonl"
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    root = tmp_path_factory.mktemp("wire")
    five, one = root / "five.db", root / "one.db"
    runner = CliRunner()
    for db, n, folder in ((five, 5, root / "five"), (one, 1, root / "one")):
        write_copies(folder, n)
        result = runner.invoke(app, ["analyze", str(folder), "--db", str(db), "--quiet", "--output", str(root / "out")],
                               catch_exceptions=False)
        assert result.exit_code == 0, result.output
    return five, one


def test_five_copies_one_story_events_once(analysed):
    five, one = analysed
    store, single = SQLiteStore(five), SQLiteStore(one)
    [story] = store.stories()
    assert story["n_articles"] == 5 and story["n_sources"] == 5 and story["n_duplicates"] == 4
    detail = store.story(story["id"])
    assert detail["events"], "the wire story has events"
    assert all(e["num_sources"] == 5 and e["num_articles"] == 5 for e in detail["events"])
    single_story = single.story(single.stories()[0]["id"])
    assert {(e["type"], e["source_actor_id"], e["target_actor_id"]) for e in detail["events"]} == \
        {(e["type"], e["source_actor_id"], e["target_actor_id"]) for e in single_story["events"]}
    for a, b in (("ARM", "AZE"), ("EU", "ARM"), ("EU", "AZE")):
        assert store.dyad(a, b) == single.dyad(a, b)
    mentions = store.dyad("ARM", "AZE", mentions=True)
    assert sum(m["events"] for m in mentions) == 5 * sum(m["events"] for m in single.dyad("ARM", "AZE"))
    # a quote or a statement carried by every copy is shown once
    assert all(q["num_sources"] in (1, 5) for q in detail["quotes"])


def test_rerun_gives_the_same_stories(analysed, tmp_path):
    five, _ = analysed
    store = SQLiteStore(five)
    before = store.db.execute("SELECT article_id, story_id, duplicate_of FROM story_articles ORDER BY 1").fetchall()
    store.recluster_stories()
    after = store.db.execute("SELECT article_id, story_id, duplicate_of FROM story_articles ORDER BY 1").fetchall()
    assert [tuple(r) for r in before] == [tuple(r) for r in after]


def test_cli_stories_and_story(analysed):
    five, _ = analysed
    runner = CliRunner()
    listed = runner.invoke(app, ["stories", "--db", str(five), "--format", "jsonl", "--actor", "ARM"])
    assert listed.exit_code == 0
    [row] = [json.loads(line) for line in listed.stdout.splitlines()]
    shown = runner.invoke(app, ["story", row["id"], "--db", str(five), "--format", "jsonl"])
    story = json.loads(shown.stdout)
    assert story["n_sources"] == 5 and story["events"][0]["num_mentions"] == 5
    assert runner.invoke(app, ["stories", "--db", str(five), "--search", "volcano", "--format", "jsonl"]).stdout == ""
    assert runner.invoke(app, ["story", "nope", "--db", str(five)]).exit_code == 1
    table = runner.invoke(app, ["story", row["id"], "--db", str(five)])
    assert table.exit_code == 0 and "ACCUSE" in table.stdout


def test_api_and_pages(analysed):
    five, _ = analysed
    client = TestClient(create_app(str(five)))
    page = client.get("/api/stories").json()
    assert page["has_more"] is False
    [story] = page["items"]
    detail = client.get(f"/api/stories/{story['id']}").json()
    assert detail["n_articles"] == 5 and detail["events"][0]["num_sources"] == 5
    assert len(detail["events"][0]["evidence"]) >= 5
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/stories?since=notadate").status_code == 400
    articles = client.get("/api/articles").json()["items"]
    assert {a["story_id"] for a in articles} == {story["id"]}
    assert sum(a["duplicate_of"] is not None for a in articles) == 4
    one = client.get(f"/api/articles/{articles[0]['id']}").json()
    assert one["story_id"] == story["id"]
    html = client.get(f"/stories/{story['id']}").text
    assert "Events, counted once" in html and "ACCUSE" in html
    assert story["label"] in client.get("/stories").text
    assert client.get("/stories/nope").status_code == 404


def test_byte_identical_copies_from_five_sources_are_five_articles(tmp_path):
    """A wire text reposted word for word: one content, five outlets; a re-run adds nothing."""
    folder = tmp_path / "identical"
    folder.mkdir()
    text = "\n\n".join([OUTLETS[0][0], WIRE])
    for i in range(5):
        record = {"title": OUTLETS[0][0], "date": "2025-05-06", "outlet": f"Outlet {i}",
                  "url": f"https://outlet{i}.example/a", "text": text}
        (folder / f"copy{i}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "identical.db"
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(app, ["analyze", str(folder), "--db", str(db), "--quiet", "--output",
                                     str(tmp_path / "out")], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    store = SQLiteStore(db)
    assert store.count("articles") == 5
    [story] = store.stories()
    assert (story["n_articles"], story["n_sources"], story["n_duplicates"]) == (5, 5, 4)
    events = store.story(story["id"])["events"]
    assert events and all(e["num_sources"] == 5 for e in events)
    assert store.dyad("ARM", "AZE") and sum(m["events"] for m in store.dyad("ARM", "AZE", mentions=True)) == \
        5 * sum(m["events"] for m in store.dyad("ARM", "AZE"))
