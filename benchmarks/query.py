"""Query latency over a synthetic store of 100,000 articles.

Builds the store in a temp file (bulk SQL inserts into dragoman's own schema, migrations included),
then times the store queries behind the API and prints median and p95 per query kind.

    .venv/bin/python benchmarks/query.py [--articles 100000] [--runs 40] [--keep store.db]
    .venv/bin/python benchmarks/query.py --pg postgresql://USER@HOST/DB   # the same, on Postgres

With ``--pg`` the store is a fresh schema of that database (bulk COPY), dropped afterwards.

Target: quote full-text search median under 50 ms.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from dragoman.store import SQLiteStore, open_store  # noqa: E402
from dragoman.web import service  # noqa: E402

COUNTRIES = ("RUS ARM AZE USA CHN UKR FRA DEU GBR TUR IRN ISR IND PAK JPN KOR PRK BRA MEX CAN EGY SAU SYR IRQ "
             "GEO KAZ BLR POL ITA ESP NGA ZAF ETH KEN SDN AFG VEN COL ARG CUB VNM PHL IDN MYS THA MMR SRB HUN "
             "GRC QAT").split()
SECTORS = ("GOV", "MIL", "LEG", "OPP")
IGOS = ("UN", "EU", "NATO", "CSTO", "AU", "ASEAN", "OSCE")
# (PLOVER type, CAMEO code, quad class, Goldstein, trigger verb)
EVENT_KINDS = (
    ("CONSULT", "036", "verbal cooperation", 4.0, "met"),
    ("AGREE", "057", "verbal cooperation", 8.0, "signed"),
    ("SUPPORT", "051", "verbal cooperation", 3.4, "praised"),
    ("REQUEST", "020", "verbal cooperation", 3.0, "urged"),
    ("AID", "073", "material cooperation", 7.4, "sent"),
    ("RETREAT", "0841", "material cooperation", 1.9, "released"),
    ("ACCUSE", "112", "verbal conflict", -2.0, "accused"),
    ("REJECT", "120", "verbal conflict", -4.0, "rejected"),
    ("THREATEN", "138", "verbal conflict", -7.0, "threatened"),
    ("SANCTION", "163", "material conflict", -8.0, "sanctioned"),
    ("MOBILIZE", "150", "material conflict", -7.2, "mobilised"),
    ("ASSAULT", "190", "material conflict", -10.0, "attacked"),
)


class Corpus:
    """Random words, actors and article parts; popularity of both follows a Zipf-like curve."""

    def __init__(self, rng: random.Random, vocabulary: int = 20_000, persons: int = 2_000):
        self.rng = rng
        syllables = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "or", "en")]
        words: set[str] = set()
        while len(words) < vocabulary:
            words.add("".join(rng.choice(syllables) for _ in range(rng.choice((1, 2, 2, 3, 3, 4)))))
        self.words = sorted(words, key=lambda w: (len(w), w))
        self.actors = self._actors(persons)
        # Phrases are windows of one long Zipf-distributed draw: far faster than a draw per phrase.
        word_weights = list(accumulate(1 / (rank + 1) for rank in range(len(self.words))))
        self.word_pool = rng.choices(self.words, cum_weights=word_weights, k=1 << 20)
        actor_weights = list(accumulate(1 / (rank + 1) ** 1.1 for rank in range(len(self.actors))))
        self.actor_pool = rng.choices(self.actors, cum_weights=actor_weights, k=1 << 18)

    def _actors(self, persons: int) -> list[tuple]:
        rng, actors = self.rng, []
        for iso in COUNTRIES:
            actors.append((iso, f"Country {iso}", iso, iso, None, "country", None, None))
            for sector in SECTORS:
                actors.append((f"{iso} {sector}", f"{sector.title()} of {iso}", f"{iso} {sector}", iso, sector,
                               "body", None, None))
        for igo in IGOS:
            actors.append((f"igo:{igo}", f"The {igo}", igo, None, "IGO", "igo", None, None))
        for n in range(persons):
            iso = rng.choice(COUNTRIES)
            qid = f"Q{rng.randrange(10**5, 10**8)}{n}"
            name = f"{rng.choice(self.words).title()} {rng.choice(self.words).title()}"
            actors.append((qid, name, f"{iso} GOV", iso, "GOV", "person", "Minister", qid))
        rng.shuffle(actors)
        return actors

    def phrase(self, n: int) -> str:
        start = self.rng.randrange(len(self.word_pool) - n)
        return " ".join(self.word_pool[start:start + n])

    def actor(self) -> tuple:
        return self.actor_pool[self.rng.randrange(len(self.actor_pool))]


class ArticleBuilder:
    """Appends sentences to one article's text and records the facts with their offsets."""

    def __init__(self, article_id: str, date: str):
        self.id, self.date = article_id, date
        self.parts: list[str] = []
        self.length = 0
        self.entities: list[tuple] = []
        self.quotes: list[tuple] = []
        self.events: list[tuple] = []

    def add(self, text: str) -> int:
        if self.parts:
            self.parts.append(" ")
            self.length += 1
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def mention(self, actor: tuple, start: int, sentence: int) -> None:
        self.entities.append((self.id, len(self.entities), actor[1], start, start + len(actor[1]), "ORG",
                              sentence, actor[0], "name"))

    def text(self) -> str:
        return "".join(self.parts)


def event_sentence(b: ArticleBuilder, corpus: Corpus, n: int) -> None:
    source, target = corpus.actor(), corpus.actor()
    kind, cameo, quad, goldstein, verb = corpus.rng.choice(EVENT_KINDS)
    sentence = f"{source[1]} {verb} {target[1]} {corpus.phrase(corpus.rng.randint(6, 12))}."
    start = b.add(sentence)
    b.mention(source, start, n)
    target_start = start + len(source[1]) + len(verb) + 2
    b.mention(target, target_start, n)
    trigger = start + len(source[1]) + 1
    evidence = [{"sentence": n, "sentence_start": start, "sentence_end": start + len(sentence), "text": sentence,
                 "trigger": verb, "trigger_start": trigger, "trigger_end": trigger + len(verb),
                 "quote_index": None}]
    b.events.append((b.id, len(b.events), kind, None, cameo, quad, goldstein, source[0], source[1], target[0],
                     target[1], 0, 0, int(corpus.rng.random() < 0.03), b.date, None, sentence, verb, None,
                     json.dumps(evidence)))


def quote_sentence(b: ArticleBuilder, corpus: Corpus, n: int) -> None:
    speaker, about = corpus.actor(), corpus.actor()
    words = f"{corpus.phrase(corpus.rng.randint(3, 8))} {about[1]} {corpus.phrase(corpus.rng.randint(3, 8))}"
    start = b.add(f'"{words}," {speaker[1]} said.')
    quote_start = start + 1
    about_start = quote_start + words.index(about[1])
    b.mention(about, about_start, n)
    b.mention(speaker, quote_start + len(words) + 3, n)
    b.quotes.append((b.id, len(b.quotes), words, "direct", quote_start, quote_start + len(words), "said",
                     speaker[1], speaker[1], speaker[0], n, 0, b.date))


def build_article(i: int, corpus: Corpus) -> tuple[tuple, ArticleBuilder]:
    rng = corpus.rng
    day = 3650 * i // 100_000 % 3650
    date = time.strftime("%Y-%m-%d", time.gmtime(1420070400 + 86400 * (day + rng.randint(0, 30))))
    b = ArticleBuilder(f"{i:016x}", date)
    kinds = ["event"] * rng.randint(2, 4) + ["quote"] * rng.randint(2, 4) + ["filler"] * rng.randint(2, 4)
    rng.shuffle(kinds)
    for n, kind in enumerate(kinds):
        if kind == "event":
            event_sentence(b, corpus, n)
        elif kind == "quote":
            quote_sentence(b, corpus, n)
        else:
            b.add(corpus.phrase(rng.randint(8, 16)).capitalize() + ".")
    title = corpus.phrase(rng.randint(4, 8)).capitalize()
    article = (b.id, f"synthetic/{i}.txt", None, title, date, "Synthetic Wire", None, "en", "analysed", b.text())
    return article, b


def build_store(path: Path, n_articles: int, seed: int = 7) -> Corpus:
    corpus = Corpus(random.Random(seed))
    store = SQLiteStore(path)  # runs every migration, so the benchmark sees the real indexes
    db = store.db
    # A throwaway file: no crash safety needed, and a big cache keeps the index updates in memory.
    db.execute("PRAGMA journal_mode = MEMORY")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -524288")
    db.executemany("INSERT INTO actors (id, name, code, country, sector, kind, role, wikidata)"
                   " VALUES (?,?,?,?,?,?,?,?)", corpus.actors)
    quote_rowid = 0
    batch: list[tuple[tuple, ArticleBuilder]] = []

    def flush() -> None:
        nonlocal quote_rowid
        db.executemany("INSERT INTO articles (rowid, id, source, url, title, date, outlet, dateline, language,"
                       " status, text) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                       [(int(a[0], 16) + 1, *a) for a, _ in batch])
        db.executemany("INSERT INTO articles_fts (rowid, title, text) VALUES (?,?,?)",
                       [(int(a[0], 16) + 1, a[3], a[9]) for a, _ in batch])
        quotes = [q for _, b in batch for q in b.quotes]
        rowids = range(quote_rowid + 1, quote_rowid + len(quotes) + 1)
        db.executemany("INSERT INTO quotes (rowid, article_id, idx, text, kind, start, end, cue, speaker_mention,"
                       " speaker_name, speaker_actor_id, sentence, paragraph, date)"
                       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", [(r, *q) for r, q in zip(rowids, quotes)])
        db.executemany("INSERT INTO quotes_fts (rowid, text) VALUES (?,?)",
                       [(r, q[2]) for r, q in zip(rowids, quotes)])
        quote_rowid += len(quotes)
        db.executemany("INSERT INTO entities (article_id, idx, text, start, end, label, sentence, actor_id, rule)"
                       " VALUES (?,?,?,?,?,?,?,?,?)", [e for _, b in batch for e in b.entities])
        db.executemany("INSERT INTO events (article_id, idx, type, mode, cameo, quad_class, intensity,"
                       " source_actor_id, source_mention, target_actor_id, target_mention, mutual, negated,"
                       " hypothetical, date, location, sentence, trigger, quote_index, evidence)"
                       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", [e for _, b in batch for e in b.events])
        batch.clear()

    with db:
        for i in range(n_articles):
            batch.append(build_article(i, corpus))
            if len(batch) >= 2_000:
                flush()
        flush()
    db.execute("ANALYZE")
    store.close()
    return corpus


def timed(fn, params: list) -> list[float]:
    times = []
    for p in params:
        start = time.perf_counter()
        fn(p)
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def word_samples(corpus: Corpus, rng: random.Random, runs: int) -> dict[str, list[str]]:
    """Search words from three bands of frequency: common (top 100), middling, rare."""
    words = corpus.words
    return {"common": rng.sample(words[5:100], runs), "middling": rng.sample(words[100:2000], runs),
            "rare": rng.sample(words[2000:], runs)}


def home_page(store: SQLiteStore) -> None:
    """The queries behind the dashboard's overview page."""
    store.stats()
    store.list_articles(limit=10)
    store.top_actors(limit=12)
    store.quotes(limit=5)
    store.events(limit=8)
    store.top_dyads(limit=8)


def build_pg_store(url: str, n_articles: int, seed: int = 7) -> tuple[str, str, Corpus]:
    """The same synthetic corpus in a new schema of the Postgres database at ``url`` (bulk COPY)."""
    import uuid

    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    target = f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    open_store(target).close()  # every migration: the real indexes
    corpus = Corpus(random.Random(seed))
    copies = {
        "actors": "id, name, code, country, sector, kind, role, wikidata",
        "articles": "id, source, url, title, date, outlet, dateline, language, status, text",
        "quotes": 'article_id, idx, text, kind, start, "end", cue, speaker_mention, speaker_name, speaker_actor_id,'
                  " sentence, paragraph, date",
        "entities": 'article_id, idx, text, start, "end", label, sentence, actor_id, rule',
        "events": "article_id, idx, type, mode, cameo, quad_class, intensity, source_actor_id, source_mention,"
                  " target_actor_id, target_mention, mutual, negated, hypothetical, date, location, sentence,"
                  " trigger, quote_index, evidence",
    }
    built = [build_article(i, corpus) for i in range(n_articles)]
    rows = {"actors": corpus.actors, "articles": [a for a, _ in built],
            "quotes": [q for _, b in built for q in b.quotes], "entities": [e for _, b in built for e in b.entities],
            "events": [(*e[:11], bool(e[11]), bool(e[12]), bool(e[13]), *e[14:]) for _, b in built for e in b.events]}
    with psycopg.connect(target) as conn:
        for table, columns in copies.items():
            with conn.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows[table]:
                    copy.write_row(row)
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE")
    return target, schema, corpus


def drop_pg_schema(url: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def run_queries(path: Path | str, corpus: Corpus, runs: int) -> list[tuple[str, list[float]]]:
    rng = random.Random(11)
    store = open_store(str(path), readonly=True)
    words = word_samples(corpus, rng, runs)
    mixed = [rng.choice(words[band]) for band in rng.choices(list(words), k=runs)]
    two_words = [f"{rng.choice(words['common'])} {rng.choice(words['middling'])}" for _ in range(runs)]
    people = [a for a in corpus.actors if a[5] == "person"]
    speakers = [rng.choice(people)[0] for _ in range(runs)]
    codes = [rng.choice(COUNTRIES) for _ in range(runs)]
    pairs = [tuple(rng.sample(COUNTRIES, 2)) for _ in range(runs)]
    few = max(3, runs // 4)  # for the slow, steady queries

    def quote_search(w: str) -> list:  # what /api/quotes?q= runs
        return service.quotes(store, search=w, limit=51, offset=0)

    results = [
        ("quote search /api/quotes?q= (mixed words)", timed(quote_search, mixed)),
        ("  common word (top 100)", timed(quote_search, words["common"])),
        ("  middling word (rank 100-2000)", timed(quote_search, words["middling"])),
        ("  rare word", timed(quote_search, words["rare"])),
        ("  two words", timed(quote_search, two_words)),
        ("  same, via store.quotes(search=) (mixed)", timed(lambda w: store.quotes(search=w), mixed)),
        ("quote search ranked + highlight (/api/search)", timed(lambda w: store.search_quotes(w), mixed)),
        ("quotes by speaker id", timed(lambda s: store.quotes(speaker=s), speakers[:few])),
        ("quotes by speaker code (e.g. RUS)", timed(lambda s: store.quotes(speaker=s), codes[:few])),
        ("events by source (code)", timed(lambda c: store.events(source=c), codes)),
        ("events by target (code)", timed(lambda c: store.events(target=c), codes)),
        ("events by source and target", timed(lambda p: store.events(source=p[0], target=p[1]), pairs)),
        ("dyad monthly counts", timed(lambda p: store.dyad(*p), pairs)),
        ("dyad events page", timed(lambda p: service.dyad_events(store, *p, limit=51, offset=0), pairs)),
        ("article search /api/articles?q= (mixed)", timed(
            lambda w: service.articles(store, search=w, limit=51, offset=0), mixed)),
        ("  same, via store.list_articles(search=)", timed(lambda w: store.list_articles(search=w), mixed)),
        ("article search ranked + snippet (/api/search)", timed(lambda w: store.search_articles(w), mixed)),
        ("actor profile (/api/actors/{id})", timed(lambda s: service.actor_profile(store, s), speakers[:few])),
        ("overview page queries (/)", timed(lambda _: home_page(store), range(few))),
    ]
    store.close()
    return results


def print_table(results: list[tuple[str, list[float]]]) -> None:
    width = max(len(name) for name, _ in results)
    print(f"{'query':<{width}}  {'median ms':>9}  {'p95 ms':>8}  {'runs':>4}")
    print("-" * (width + 27))
    for name, times in results:
        print(f"{name:<{width}}  {statistics.median(times):9.1f}  {p95(times):8.1f}  {len(times):4d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30, help="timed queries per kind")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the store at this path and keep it")
    parser.add_argument("--pg", help="a postgresql:// URL: build and query the store there instead")
    args = parser.parse_args()
    if args.pg:
        started = time.perf_counter()
        target, schema, corpus = build_pg_store(args.pg, args.articles)
        try:
            store = open_store(target, readonly=True)
            counts = store.stats()
            store.close()
            print(f"built {args.articles:,} articles in Postgres in {time.perf_counter() - started:.0f} s: "
                  f"{counts['quotes']:,} quotes, {counts['events']:,} events, {counts['entities']:,} entities\n")
            print_table(run_queries(target, corpus, args.runs))
        finally:
            drop_pg_schema(args.pg, schema)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.db"
        started = time.perf_counter()
        if args.keep and path.exists():
            corpus = Corpus(random.Random(7))
            reuse = SQLiteStore(path)  # applies any new migration to the kept store
            reuse.close()
            print(f"reusing {path}")
        else:
            corpus = build_store(path, args.articles)
            print(f"built {args.articles:,} articles in {time.perf_counter() - started:.0f} s")
        store = SQLiteStore(path, readonly=True)
        counts = store.stats()
        store.close()
        print(f"{counts['articles']:,} articles, {counts['quotes']:,} quotes, {counts['events']:,} events, "
              f"{counts['entities']:,} entities, {counts['actors']:,} actors; "
              f"{path.stat().st_size / 2**20:.0f} MiB\n")
        print_table(run_queries(path, corpus, args.runs))


if __name__ == "__main__":
    main()
