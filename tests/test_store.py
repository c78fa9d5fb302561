"""The stores (SQLite, and Postgres when a server is configured): migrations, idempotent saves,
atomicity, query filters, dyads. No spaCy.

The articles are built by hand (invented statements by invented officials) so every fact is known.
"""
from __future__ import annotations

import hashlib
import sqlite3

import pytest

from dragoman.records import Actor, Article, Event, Evidence, Mention, Party, Quote, Speaker
from dragoman.store import SQLiteStore, open_store
from dragoman.store.sqlite import MIGRATIONS

try:
    from psycopg.errors import ReadOnlySqlTransaction as ReadOnly
except ImportError:  # the Postgres tests are skipped without psycopg
    ReadOnly = sqlite3.OperationalError

ARM = Actor("ARM", "Armenia", "ARM", "ARM")
AZE = Actor("AZE", "Azerbaijan", "AZE", "AZE")
AZE_GOV = Actor("AZE GOV", "Government of Azerbaijan", "AZE GOV", "AZE", "GOV", "body")
GEO = Actor("GEO", "Georgia", "GEO", "GEO")
ARM_FM = Actor("Q999000001", "Lilit Vardanyan", "ARM GOV", "ARM", "GOV", "person", "Foreign Minister of Armenia",
               "Q999000001", "f")
AZE_AIDE = Actor("Q999000002", "Rauf Aliyarov", "AZE GOV", "AZE", "GOV", "person", "Presidential aide",
                 "Q999000002", "m")

QUADS = {"AGREE": ("057", "verbal cooperation", 8.0), "ACCUSE": ("112", "verbal conflict", -2.0),
         "AID": ("073", "material cooperation", 7.4), "ASSAULT": ("190", "material conflict", -10.0),
         "THREATEN": ("138", "verbal conflict", -7.0)}


def make_article(n: int, date: str | None, text: str, mentions=(), quotes=(), events=()) -> Article:
    a = Article(id=hashlib.sha256(text.encode()).hexdigest()[:16], source=f"store/{n}.txt", text=text,
                title=f"Article {n}", date=date, outlet="Example Courier")

    def span(word: str) -> tuple[int, int]:
        s = text.index(word)
        return s, s + len(word)

    for word, actor, label in mentions:
        a.entities.append(Mention(word, *span(word), label, 0, actor, "name"))
    for words, speaker, actor in quotes:
        s, e = span(words)
        a.quotes.append(Quote(words, "direct", s, e, "said", None, None,
                              Speaker(speaker, *span(speaker), actor), 0, 0))
    for kind, (src, src_word), target, trigger, flags in events:
        cameo, quad, intensity = QUADS[kind]
        tgt = Party(target[0], target[1], *span(target[1])) if target else None
        ev = Evidence(0, 0, len(text), text, trigger, *span(trigger))
        a.events.append(Event(kind, None, cameo, quad, intensity, Party(src, src_word, *span(src_word)), tgt,
                              flags.get("mutual", False), date, None, flags.get("negated", False),
                              flags.get("hypothetical", False), [ev]))
    return a


def articles() -> list[Article]:
    t1 = ("Armenia and Azerbaijan signed a protocol on border delimitation in Tbilisi. "
          "\"This is a day of hope for the region,\" Lilit Vardanyan said.")
    t2 = ("Azerbaijan accused Armenia of shelling its positions overnight. "
          "\"The provocation will not go unanswered,\" Rauf Aliyarov said.")
    t3 = ("Georgia sent humanitarian aid to Armenia after the floods. Armenia thanked Georgia. "
          "\"Our neighbours stood by us,\" Lilit Vardanyan said.")
    t4 = ("Azerbaijan threatened to strike Armenian positions if the shelling continued. "
          "Armenia accused Azerbaijan of escalation.")
    t5 = "Officials said the talks would continue next month in Vienna; no date was given yet."
    return [
        make_article(1, "2024-01-15", t1,
                     [("Armenia", ARM, "GPE"), ("Azerbaijan", AZE, "GPE"), ("Tbilisi", None, "GPE"),
                      ("Lilit Vardanyan", ARM_FM, "PERSON")],
                     [("This is a day of hope for the region", "Lilit Vardanyan", ARM_FM)],
                     [("AGREE", (ARM, "Armenia"), (AZE, "Azerbaijan"), "signed", {"mutual": True})]),
        make_article(2, "2024-01-28", t2,
                     [("Azerbaijan", AZE, "GPE"), ("Armenia", ARM, "GPE"), ("Rauf Aliyarov", AZE_AIDE, "PERSON")],
                     [("The provocation will not go unanswered", "Rauf Aliyarov", AZE_AIDE)],
                     [("ACCUSE", (AZE, "Azerbaijan"), (ARM, "Armenia"), "accused", {})]),
        make_article(3, "2024-02-03", t3,
                     [("Georgia", GEO, "GPE"), ("Armenia", ARM, "GPE"), ("Lilit Vardanyan", ARM_FM, "PERSON")],
                     [("Our neighbours stood by us", "Lilit Vardanyan", ARM_FM)],
                     [("AID", (GEO, "Georgia"), (ARM, "Armenia"), "sent", {})]),
        make_article(4, "2024-02-20", t4,
                     [("Azerbaijan", AZE_GOV, "GPE"), ("Armenia", ARM, "GPE")],
                     [],
                     [("THREATEN", (AZE_GOV, "Azerbaijan"), (ARM, "Armenian"), "threatened", {}),
                      ("ASSAULT", (AZE_GOV, "Azerbaijan"), (ARM, "Armenian"), "strike", {"hypothetical": True}),
                      ("ACCUSE", (ARM, "Armenia accused"), (AZE, "Azerbaijan of"), "accused", {})]),
        make_article(5, None, t5),
    ]


@pytest.fixture
def store(store_target):
    s = open_store(store_target)
    for a in articles():
        assert s.save_article(a) is True
    yield s
    s.close()


# -- migrations -----------------------------------------------------------------------------

def schema_sql(db: sqlite3.Connection) -> list[tuple]:
    return db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()


def test_fresh_database_is_at_the_latest_version(tmp_path):
    path = tmp_path / "new" / "fresh.db"  # the parent directory is created too
    s = SQLiteStore(path)
    assert s.schema_version == len(MIGRATIONS)
    tables = {r[0] for r in s.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "actors", "entities", "quotes", "events", "articles_fts", "quotes_fts"} <= tables
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    s.close()


def test_reopening_is_a_no_op(tmp_path):
    path = tmp_path / "again.db"
    s = SQLiteStore(path)
    s.save_article(articles()[0])
    before = schema_sql(s.db)
    s.close()
    s = SQLiteStore(path)
    assert s.schema_version == len(MIGRATIONS)
    assert schema_sql(s.db) == before
    assert s.count("articles") == 1
    s.close()


def test_an_older_database_is_migrated_in_place(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(f"BEGIN; {MIGRATIONS[0]}; PRAGMA user_version = 1; COMMIT;")
    db.execute("INSERT INTO articles (id, source, status, text) VALUES ('old1', 'old.txt', 'analysed', 'Kept.')")
    db.commit()
    db.close()
    s = SQLiteStore(path)
    assert s.schema_version == len(MIGRATIONS)
    assert s.has_article("old1")
    indexes = {r[0] for r in s.db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "events_pair" in indexes
    s.close()


def test_a_newer_database_is_refused(tmp_path):
    path = tmp_path / "future.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(RuntimeError, match="newer"):
        SQLiteStore(path)


def test_readonly_store_reads_and_does_not_write(store):
    ro = open_store(store.path, readonly=True)
    try:
        assert ro.count("articles") == 5
        with pytest.raises((sqlite3.OperationalError, ReadOnly)):
            ro.save_article(make_article(9, "2024-05-01", "A new article that cannot be written here at all."))
    finally:
        ro.close()


# -- writing --------------------------------------------------------------------------------

def test_save_is_idempotent(store):
    counts = {t: store.count(t) for t in ("articles", "entities", "quotes", "events", "actors")}
    assert counts == {"articles": 5, "entities": 12, "quotes": 3, "events": 6, "actors": 6}
    for a in articles():
        assert store.has_article(a.id)
        assert store.save_article(a) is False
    assert {t: store.count(t) for t in counts} == counts


def test_failed_save_leaves_nothing_behind(store, monkeypatch):
    extra = make_article(6, "2024-03-01", "Georgia accused Azerbaijan of delaying the talks, officials said.",
                         [("Georgia", GEO, "GPE")], [], [("ACCUSE", (GEO, "Georgia"), (AZE, "Azerbaijan"),
                                                          "accused", {})])
    kind = type(store)
    original = kind._insert

    def insert_then_fail(self, article):
        original(self, article)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(kind, "_insert", insert_then_fail)
    with pytest.raises(RuntimeError):
        store.save_article(extra)
    if isinstance(store, SQLiteStore):
        assert not store.db.in_transaction
    assert not store.has_article(extra.id)
    assert store.count("events") == 6
    monkeypatch.setattr(kind, "_insert", original)
    assert store.save_article(extra) is True
    assert store.count("events") == 7


def test_get_article_round_trip(store):
    a = articles()[0]
    got = store.get_article(a.id)
    assert got["text"] == a.text and got["date"] == "2024-01-15" and got["status"] == "analysed"
    assert [e["text"] for e in got["entities"]] == ["Armenia", "Azerbaijan", "Tbilisi", "Lilit Vardanyan"]
    assert got["entities"][2]["actor"] is None
    assert got["entities"][3]["actor"] == {"id": "Q999000001", "name": "Lilit Vardanyan", "code": "ARM GOV"}
    q = got["quotes"][0]
    assert a.text[q["start"]:q["end"]] == q["text"]
    ev = got["events"][0]
    assert ev["type"] == "AGREE" and ev["mutual"] is True and ev["evidence"][0]["trigger"] == "signed"
    assert store.get_article("0" * 16) is None


# -- queries --------------------------------------------------------------------------------

def texts(rows):
    return [r["text"] for r in rows]


def test_quotes_filters(store):
    assert len(store.quotes()) == 3
    vardanyan = store.quotes(speaker="Vardanyan")
    assert texts(vardanyan) == ["Our neighbours stood by us", "This is a day of hope for the region"]  # newest first
    assert texts(store.quotes(speaker="Q999000002")) == ["The provocation will not go unanswered"]
    assert len(store.quotes(speaker="ARM")) == 2  # "ARM" takes "ARM GOV"
    assert store.quotes(speaker="nobody") == []
    assert texts(store.quotes(since="2024-01-20")) == ["Our neighbours stood by us",
                                                       "The provocation will not go unanswered"]
    assert texts(store.quotes(until="2024-01-20")) == ["This is a day of hope for the region"]
    assert texts(store.quotes(search="provocation")) == ["The provocation will not go unanswered"]
    assert texts(store.quotes(search='hope "region')) == ["This is a day of hope for the region"]  # no FTS error
    first = articles()[0].id
    assert texts(store.quotes(article_id=first)) == ["This is a day of hope for the region"]
    assert vardanyan[0]["speaker_code"] == "ARM GOV" and vardanyan[0]["article_title"] == "Article 3"
    assert len(store.quotes(limit=1)) == 1 and store.quotes(limit=1, offset=1)[0]["text"] == texts(store.quotes())[1]


def test_quotes_about_an_actor(store):
    # no actor mention lies inside any quote in this corpus
    assert store.quotes(about="ARM") == []
    extra = make_article(7, "2024-03-10", "\"Georgia will always help Armenia,\" Lilit Vardanyan said in Tbilisi.",
                         [("Georgia", GEO, "GPE"), ("Armenia", ARM, "GPE"), ("Lilit Vardanyan", ARM_FM, "PERSON")],
                         [("Georgia will always help Armenia", "Lilit Vardanyan", ARM_FM)])
    store.save_article(extra)
    assert texts(store.quotes(about="GEO")) == ["Georgia will always help Armenia"]
    assert texts(store.quotes(about="Armenia")) == ["Georgia will always help Armenia"]


def test_events_filters(store):
    assert len(store.events()) == 6
    assert {e["type"] for e in store.events(source="AZE")} == {"ACCUSE", "THREATEN", "ASSAULT"}  # AZE and AZE GOV
    assert [e["type"] for e in store.events(source="AZE GOV", type="threaten")] == ["THREATEN"]
    assert {e["type"] for e in store.events(target="ARM")} == {"ACCUSE", "AID", "THREATEN", "ASSAULT"}
    assert [e["type"] for e in store.events(source="Georgia")] == ["AID"]
    assert {e["type"] for e in store.events(quad_class="verbal conflict")} == {"ACCUSE", "THREATEN"}
    assert [e["date"] for e in store.events(since="2024-02-01", until="2024-02-10")] == ["2024-02-03"]
    assert store.events(source="ARM", target="GEO") == []
    hyp = store.events(type="ASSAULT")[0]
    assert hyp["hypothetical"] is True and hyp["negated"] is False and hyp["source_code"] == "AZE GOV"


def test_actors_listing_and_profile(store):
    rows = store.actors()
    by_id = {r["id"]: r for r in rows}
    assert by_id["ARM"]["mentions"] == 4 and by_id["ARM"]["articles"] == 4
    assert by_id["Q999000001"]["quotes"] == 2
    assert rows[0]["id"] == "ARM"  # most mentioned first
    assert [r["id"] for r in store.actors(search="Vardanyan")] == ["Q999000001"]
    profile = store.actor("Lilit Vardanyan")
    assert profile["id"] == "Q999000001" and profile["aliases"] == ["Lilit Vardanyan"]
    assert [a["date"] for a in profile["articles"]] == ["2024-01-15", "2024-02-03"]
    assert len(profile["quotes_by"]) == 2
    assert store.actor("AZE GOV")["id"] == "AZE GOV"
    assert store.actor("Nobody At All") is None


def test_dyad_months(store):
    rows = store.dyad("ARM", "AZE")
    assert [r["month"] for r in rows] == ["2024-01", "2024-02"]
    jan, feb = rows
    assert jan["events"] == 2 and jan["verbal cooperation"] == 1 and jan["verbal conflict"] == 1
    assert jan["mean_intensity"] == pytest.approx((8.0 - 2.0) / 2)
    # the hypothetical strike is left out; "AZE" takes "AZE GOV"; both directions count
    assert feb["events"] == 2 and feb["verbal conflict"] == 2 and feb["material conflict"] == 0
    assert feb["mean_intensity"] == pytest.approx((-7.0 - 2.0) / 2)
    assert store.dyad("AZE", "ARM") == rows
    assert [r["month"] for r in store.dyad("GEO", "ARM")] == ["2024-02"]
    assert store.dyad("GEO", "AZE") == []


def test_list_and_search_articles(store):
    listed = store.list_articles()
    assert [a["date"] for a in listed] == ["2024-02-20", "2024-02-03", "2024-01-28", "2024-01-15", None]
    assert listed[0]["n_events"] == 3 and listed[0]["n_quotes"] == 0
    assert [a["title"] for a in store.list_articles(search="humanitarian")] == ["Article 3"]
    assert [a["title"] for a in store.list_articles(since="2024-02-01")] == ["Article 4", "Article 3"]
    stats = store.stats()
    assert stats["articles"] == 5 and stats["first_date"] == "2024-01-15" and stats["last_date"] == "2024-02-20"


def test_database_integrity_after_writes(store):
    if not isinstance(store, SQLiteStore):
        pytest.skip("SQLite's own checks; Postgres enforces its constraints on every write")
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    store.db.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_why_an_article_is_partial_and_where_its_date_came_from_are_kept(store_target):
    text = "Officials in Valden said on Thursday that the northern bridge would reopen next spring."
    article = Article(id="partial000000001", source="fixtures/bridge.txt", text=text, date="2024-07-04",
                      status="partial", reason="events: the parser gave up", date_source="text")
    s = open_store(store_target)
    try:
        assert s.save_article(article) is True
        found = s.get_article(article.id)
        assert (found["status"], found["reason"], found["date_source"]) == ("partial", article.reason, "text")
    finally:
        s.close()
