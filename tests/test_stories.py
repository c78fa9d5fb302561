"""Stories: near-duplicates, online clustering, events counted once across outlets. No spaCy here
(tests/test_stories_pipeline.py runs the whole analysis)."""
from __future__ import annotations

import csv
import io
import json
import random

import pytest

from dragoman.export import export
from dragoman.pipeline import content_id
from dragoman.records import Actor, Article, Event, Evidence, Party
from dragoman.store import SQLiteStore
from dragoman.stories.cluster import StoryInput, window
from dragoman.stories.dedupe import body, containment, containments, fingerprint, shingle_hashes
from dragoman.stories.text import is_list_paragraph, stem, term_counts
from stories_corpus import benchmark_items, original_text, originals, pair_scores, syndicated_copy

ARM = Actor("ARM", "Armenia", "ARM", "ARM")
AZE = Actor("AZE", "Azerbaijan", "AZE", "AZE")


def save(store: SQLiteStore, text: str, n: int, date: str | None = None, outlet: str | None = None,
         events=()) -> Article:
    article = Article(content_id(text), f"wire/{n}.txt", text, title=text.split("\n", 1)[0], date=date,
                      outlet=outlet, events=list(events))
    store.save_article(article)
    return article


def partition(store: SQLiteStore) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article_id, story_id in store.db.execute("SELECT article_id, story_id FROM story_articles"):
        groups.setdefault(story_id, set()).add(article_id)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("paragraph, is_list", [
    ("Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan", True),
    ("Home World Europe Politics Business Sport Culture Opinion Video", True),
    ("The Foreign Ministry of Armenia said on Tuesday that it had summoned the ambassador of Azerbaijan.", False),
    ("Short Line Of Capitals", False),
])
def test_list_paragraphs(paragraph, is_list):
    assert is_list_paragraph(paragraph) is is_list


def test_stems_join_inflected_forms():
    assert stem("protests") == stem("protest") == "protest"
    assert stem("countries") == "country"
    assert stem("gas") == "gas"  # too short to strip


def test_term_counts_leave_out_function_words_and_lists():
    counts = term_counts("The ministry said the talks would resume.\n\nHome World Europe Politics Business Sport "
                         "Culture Opinion Video")
    assert counts == {"ministry": 1, "talk": 1, "resume": 1}


def test_body_leaves_out_headline_and_byline():
    text = "A headline\n\nBy Staff Reporter\n\n" + "word " * 20
    assert body(text).strip() == ("word " * 20).strip()


def test_a_copy_contains_its_original_and_a_same_topic_article_does_not():
    first, second = originals()[0], originals()[1]
    copy = syndicated_copy(first, random.Random(3))
    original = fingerprint(original_text(first))
    assert containment(original, fingerprint(copy).signature, fingerprint(copy).size) >= 0.7
    other = fingerprint(original_text(second))
    assert containment(original, other.signature, other.size) < 0.3


def test_near_duplicate_benchmark_precision_and_recall(make_store):
    store = make_store()
    items = benchmark_items(copies=5, seed=12)
    ids = [save(store, item.text, n, outlet=f"Outlet {n}").id for n, item in enumerate(items)]
    roots = {a: d or a for a, d in store.db.execute("SELECT article_id, duplicate_of FROM story_articles")}
    precision, recall = pair_scores([i.group for i in items], [roots[i] for i in ids])
    assert precision >= 0.97 and recall >= 0.97
    # every copy joined its original's story, and the distinct same-topic articles did not merge
    stories = {a: s for a, s in store.db.execute("SELECT article_id, story_id FROM story_articles")}
    assert pair_scores([i.group for i in items], [stories[i] for i in ids]) == (1.0, 1.0)


def test_duplicate_points_at_the_first_copy(make_store):
    store = make_store()
    article = originals()[2]
    rng = random.Random(5)
    first = save(store, original_text(article), 0)
    copies = [save(store, syndicated_copy(article, rng), n) for n in range(1, 4)]
    rows = dict(store.db.execute("SELECT article_id, duplicate_of FROM story_articles").fetchall())
    assert rows[first.id] is None
    assert all(rows[c.id] == first.id for c in copies)
    assert store.get_article(copies[0].id)["duplicate_of"] == first.id
    assert store.get_article(copies[0].id)["story_id"] == first.id


def test_a_store_fingerprinted_by_an_earlier_hash_is_fingerprinted_again_on_open(tmp_path):
    from dragoman.store.sqlite import MIGRATIONS, STORY_REFINGERPRINT

    path = tmp_path / "earlier.db"
    store = SQLiteStore(path)
    article = originals()[2]
    first = save(store, original_text(article), 0)
    # what an earlier dragoman left: signatures and bands of another hash, the schema before the marker
    store.db.execute("UPDATE story_articles SET signature = zeroblob(length(signature))")
    store.db.execute("UPDATE story_bands SET band = 'earlier-' || band")
    store.db.execute("DROP TABLE story_refingerprint")
    store.db.execute(f"PRAGMA user_version = {MIGRATIONS.index(STORY_REFINGERPRINT)}")  # the last one
    store.db.commit()
    store.close()

    store = SQLiteStore(path)
    try:
        signature = store.db.execute("SELECT signature FROM story_articles").fetchone()[0]
        assert signature == fingerprint(first.text).signature
        assert store.db.execute("SELECT count(*) FROM story_refingerprint").fetchone()[0] == 0
        copy = save(store, syndicated_copy(article, random.Random(5)), 1)
        assert store.get_article(copy.id)["duplicate_of"] == first.id
    finally:
        store.close()


def test_recluster_gives_the_same_stories_again(make_store):
    items = benchmark_items(copies=2, seed=4)
    forward = make_store()
    for n, item in enumerate(items):
        save(forward, item.text, n)
    incremental = partition(forward)
    forward.recluster_stories()
    assert partition(forward) == incremental  # same articles in the same order: same stories
    before = partition(forward)
    forward.recluster_stories()
    assert partition(forward) == before
    for n, item in enumerate(items):  # analysing the same articles again adds nothing, changes nothing
        save(forward, item.text, n)
    assert partition(forward) == before


RIVER = originals()[0]


def test_time_window_keeps_a_story_apart_from_a_later_one(make_store):
    store = make_store()
    text = original_text(RIVER)
    follow_up = text.replace("Thursday", "Friday") + "\n\nMarovia's parliament is expected to vote on the Orsa river treaty next month."
    much_later = ("Kestria and Marovia sign deal on shared river after decade of dispute\n\n"
                  "Kestria and Marovia marked a year of the Orsa river treaty on Monday: the joint commission "
                  "met in Lenhaven, and both foreign ministers praised the dams' monthly quotas.\n\n"
                  "Farmers in the Marovian lowlands said the summer flow had been steadier since the deal.")
    a = save(store, "\n\n".join(text.split("\n\n")[:4]), 0, date="2024-05-02")
    b = save(store, "\n\n".join(follow_up.split("\n\n")[0:1] + follow_up.split("\n\n")[3:]), 1, date="2024-05-04")
    c = save(store, much_later, 2, date="2025-06-01")
    undated = save(store, much_later.replace("Monday", "Tuesday"), 3)
    story = dict(store.db.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    assert story[a.id] == story[b.id] != story[c.id]
    assert story[undated.id] in (story[a.id], story[c.id])  # an undated article may join either


def test_window_bounds():
    assert window("2024-05-02", 7) == ("2024-04-25", "2024-05-09~")
    assert window(None, 7) == (None, None)
    assert window("2024", 7) == (None, None)


def accuse_event(date: str) -> Event:
    ev = Evidence(0, 0, 40, "Armenia accused Azerbaijan of shelling villages.", "accused", 8, 15)
    return Event("ACCUSE", None, "112", "verbal conflict", -2.0, Party(ARM, "Armenia"), Party(AZE, "Azerbaijan"),
                 False, date, None, False, False, [ev])


def test_events_of_copies_counted_once_with_their_sources(make_store):
    store, single = make_store(), make_store()
    article = originals()[4]
    rng = random.Random(9)
    texts = [original_text(article)] + [syndicated_copy(article, rng) for _ in range(4)]
    saved = [save(store, t, n, date="2025-05-06", outlet=f"Outlet {n}", events=[accuse_event("2025-05-06")])
             for n, t in enumerate(texts)]
    save(single, texts[0], 0, date="2025-05-06", outlet="Outlet 0", events=[accuse_event("2025-05-06")])
    assert len({store.article_story(a.id)["story_id"] for a in saved}) == 1
    story = store.story(saved[0].id)
    assert story["n_articles"] == 5 and story["n_sources"] == 5 and story["n_duplicates"] == 4
    [event] = story["events"]
    assert (event["num_articles"], event["num_sources"], event["num_mentions"]) == (5, 5, 5)
    assert len(event["evidence"]) == 5
    assert store.dyad("ARM", "AZE") == single.dyad("ARM", "AZE")
    assert store.dyad("ARM", "AZE")[0]["events"] == 1
    assert store.dyad("ARM", "AZE", mentions=True)[0]["events"] == 5


def test_stories_listing_filters(make_store):
    store = make_store()
    for n, item in enumerate(benchmark_items(copies=1, seed=2)):
        save(store, item.text, n, date=f"2024-05-{n % 9 + 1:02d}")
    rows = store.stories(limit=100)
    assert sum(r["n_articles"] for r in rows) == store.count("articles")
    assert all(r["label"] for r in rows)
    port = store.stories(search="dockworkers automation")
    assert port and all("Selvig" in r["label"] or "Dockworkers" in r["label"] for r in port)
    assert store.stories(since="2030-01-01") == []
    assert store.story("no-such-story") is None


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_article_export_carries_story_and_duplicate(tmp_path, fmt, make_store):
    store = make_store()
    article = originals()[0]
    first = save(store, original_text(article), 0)
    copy = save(store, syndicated_copy(article, random.Random(1)), 1)
    out = tmp_path / f"articles.{fmt}"
    export(store, "articles", fmt, out)
    text = out.read_text(encoding="utf-8")
    if fmt == "jsonl":
        rows = {r["id"]: r for r in map(json.loads, text.splitlines())}
        assert rows[copy.id]["duplicate_of"] == first.id and rows[copy.id]["story_id"] == first.id
        assert rows[first.id]["duplicate_of"] is None
    else:
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
        assert rows[copy.id]["duplicate_of"] == first.id and rows[copy.id]["story_id"] == first.id


def test_article_export_parquet_carries_story(tmp_path, make_store):
    pq = pytest.importorskip("pyarrow.parquet")
    store = make_store()
    first = save(store, original_text(originals()[0]), 0)
    export(store, "articles", "parquet", tmp_path / "a.parquet")
    table = pq.read_table(tmp_path / "a.parquet").to_pylist()
    assert table[0]["story_id"] == first.id and table[0]["duplicate_of"] is None


def test_story_input_of_an_article_keeps_its_actors():
    from dragoman.records import Mention
    from dragoman.stories import story_input

    a = Article("x", "s", "Armenia said.", entities=[Mention("Armenia", 0, 7, "GPE", 0, ARM)])
    assert story_input(a) == StoryInput("x", "Armenia said.", None, None, ("ARM",))


def test_an_article_close_to_two_stories_joins_them(make_store):
    store = make_store()
    paragraphs = RIVER["paragraphs"]
    first = save(store, "\n\n".join(paragraphs[0:2]), 0, date="2024-05-02")
    second = save(store, "\n\n".join(paragraphs[3:6]), 1, date="2024-05-02")
    assert store.article_story(first.id)["story_id"] != store.article_story(second.id)["story_id"]
    bridge = save(store, "\n\n".join([paragraphs[1], paragraphs[4]]), 2, date="2024-05-03")
    stories = {store.article_story(a.id)["story_id"] for a in (first, second, bridge)}
    assert len(stories) == 1
    [row] = store.stories()
    assert row["n_articles"] == 3 and row["first_seen"] == "2024-05-02" and row["last_seen"] == "2024-05-03"


def test_query_terms_skip_common_words_in_a_large_store():
    from dragoman.stories.cluster import _query_terms
    from dragoman.stories.settings import SETTINGS

    dfs = {"ministry": 40_000, "orsa": 3, "lenhaven": 12, "treaty": 150}
    assert _query_terms(("ministry", "orsa", "treaty", "lenhaven"), dfs, 100_000, SETTINGS) == \
        ("orsa", "treaty", "lenhaven")
    assert _query_terms(("ministry", "orsa"), dfs, 100, SETTINGS) == ("orsa",)


def test_document_frequencies_stay_exact_across_folds(make_store, monkeypatch):
    """The df of each term is story_df plus the pending rows, before and after they are folded in,
    and the same when read afresh from the database."""
    from collections import Counter

    from dragoman.stories.cluster import features
    from dragoman.store import sqlite_stories

    DF_FOLD = 32
    monkeypatch.setattr(sqlite_stories, "DF_FOLD", DF_FOLD)
    store = make_store()
    items = [i for seed in range(2) for i in benchmark_items(copies=4, seed=seed)][: 2 * DF_FOLD + 9]
    assert len(items) > DF_FOLD
    expected: Counter[str] = Counter()
    for n, item in enumerate(items):
        save(store, item.text, n, outlet=f"Outlet {n}")  # a text seen twice is another outlet's copy
        expected.update(features(StoryInput(content_id(item.text), item.text)).keys())
    expected[""] = len(items)
    assert store.db.execute("SELECT count(*) FROM story_df_pending").fetchone()[0] == len(items) - 2 * DF_FOLD
    cached = store.story_document_frequencies(list(expected))
    assert {t: cached[t] for t in expected} == dict(expected)
    store.__dict__.pop("_story_df", None)
    store.__dict__.pop("_story_df_pending", None)
    fresh = store.story_document_frequencies(list(expected))
    assert {t: fresh[t] for t in expected} == dict(expected)


def test_an_identical_text_is_stored_again_only_for_another_publisher(make_store):
    store = make_store()
    text = original_text(RIVER)

    def article(source, url=None, outlet=None):
        return Article(content_id(text), source, text, url=url, outlet=outlet, status="analysed")

    assert store.save_article(article("a/river.txt"))
    assert store.is_stored(article("b/river.txt")) and not store.save_article(article("b/river.txt"))
    copy = article("c/river.jsonl:1", url="https://other.example/river")
    assert not store.is_stored(copy) and store.save_article(copy)
    assert copy.id != content_id(text)
    assert store.is_stored(article("d/river.jsonl:1", url="https://other.example/river"))
    assert store.save_article(article("e/river.txt", outlet="Third Outlet"))
    assert store.count("articles") == 3
    assert {r[0] for r in store.db.execute("SELECT duplicate_of FROM story_articles")} == {None, content_id(text)}


def test_shingle_hashes_count_distinct_word_trigrams_in_order():
    text = "the envoy met the envoy met the minister"
    hashes = shingle_hashes(text, 3)
    # "the envoy met", "envoy met the", "met the envoy", "met the minister" (one repeated)
    assert len(hashes) == 4
    assert set(shingle_hashes("The Envoy met the envoy MET the minister", 3)) == set(hashes)
    assert len(shingle_hashes("minister the met envoy the met envoy the", 3)) == 4
    assert not set(shingle_hashes("minister the met envoy the met envoy the", 3)) & set(hashes)
    assert len(shingle_hashes("two words", 3)) == 1 and len(shingle_hashes("", 3)) == 0


def test_containments_of_several_stored_texts_match_one_by_one():
    first, second = originals()[0], originals()[1]
    original = fingerprint(original_text(first))
    others = [fingerprint(syndicated_copy(first, random.Random(4))), fingerprint(original_text(second)),
              fingerprint("")]
    shares = containments(original, [o.signature for o in others], [o.size for o in others])
    assert list(shares) == [containment(original, o.signature, o.size) for o in others]
    assert shares[0] >= 0.7 and shares[1] < 0.3 and shares[2] == 0.0
    assert containments(original, [b"\x00" * 8], [5]).tolist() == [0.0]  # a signature of another length
