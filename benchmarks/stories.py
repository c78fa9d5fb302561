"""Stories: what clustering and dedupe add to analysis time, how long one new article takes to
place in a large store, and precision/recall of the near-duplicate detection.

    .venv/bin/python benchmarks/stories.py                    # all three, 100,000-article store
    .venv/bin/python benchmarks/stories.py --articles 20000 --skip-overhead
    .venv/bin/python benchmarks/stories.py --skip-scale --dir ../shared/corpus/stories_dev --overhead-articles 200

overhead    the same generated articles, analysed once (spaCy + extraction), then saved into a fresh
            store with stories and into one without (``assign_story`` off), alternately; the
            overhead is (save with - save without) / (analysis + save without), median of rounds,
            in CPU seconds of this process ("overhead": on a shared machine other processes'
            load makes second-long wall times swing by 2x) and in wall seconds ("overhead_wall").
scale       a store of ``--articles`` synthetic articles in stories over two years (story tables
            filled in bulk, the same rows the online path writes), then ``--new`` new articles
            placed one by one with the online path: median and p95 ms of ``assign`` (reads, scoring
            and writes) and, apart, the median commit (shared with the article's own rows in
            ``save_article``).
dedupe      our own wire stories and syndicated copies (tests/stories_corpus.py): pairwise
            precision and recall of the near-duplicate groups the store assigns.
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
from collections import Counter

import numpy as np
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from dragoman.pipeline import content_id  # noqa: E402
from dragoman.records import Article  # noqa: E402
from dragoman.store import SQLiteStore  # noqa: E402
from dragoman.stories.cluster import StoryInput, assign, features  # noqa: E402
from dragoman.stories.dedupe import Fingerprint, band_keys  # noqa: E402
from dragoman.stories.settings import SETTINGS  # noqa: E402
from dragoman.stories.text import top_terms, trimmed, weigh  # noqa: E402


# -- overhead ------------------------------------------------------------------------------
def overhead(n: int, rounds: int, directory: str | None = None) -> dict:
    from throughput import directory_documents, synthetic_documents
    from dragoman.pipeline import Analyzer, prepare

    analyzer = Analyzer()
    raw = directory_documents(directory, 1)[:n] if directory else synthetic_documents(n)
    docs = [a for a in map(prepare, raw) if isinstance(a, Article) and a.status == "analysed"]
    w0, c0 = time.perf_counter(), time.process_time()
    articles = [a for a in analyzer.analyze(docs) if isinstance(a, Article)]
    analysis, analysis_cpu = time.perf_counter() - w0, time.process_time() - c0
    ratios, cpu_ratios, with_s, without_s = [], [], [], []
    for _ in range(rounds):
        without, without_cpu = _save_all(articles, stories=False)
        with_, with_cpu = _save_all(articles, stories=True)
        with_s.append(with_)
        without_s.append(without)
        ratios.append((with_ - without) / (analysis + without))
        cpu_ratios.append((with_cpu - without_cpu) / (analysis_cpu + without_cpu))
    return {"articles": len(articles), "analysis_s": round(analysis, 2), "analysis_cpu_s": round(analysis_cpu, 2),
            "save_without_s": round(statistics.median(without_s), 3),
            "save_with_s": round(statistics.median(with_s), 3), "overhead": round(statistics.median(cpu_ratios), 4),
            "overhead_wall": round(statistics.median(ratios), 4)}


def _save_all(articles: list[Article], stories: bool) -> tuple[float, float]:
    """Wall and CPU seconds of saving every article into a fresh store."""
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "s.db")
        if not stories:
            store.assign_story = lambda article: None  # type: ignore[method-assign]
        w0, c0 = time.perf_counter(), time.process_time()
        for a in articles:
            store.save_article(a)
        elapsed = time.perf_counter() - w0, time.process_time() - c0
        store.close()
    return elapsed


# -- scale ---------------------------------------------------------------------------------
def _vocabulary(rng: random.Random, size: int) -> list[str]:
    """Invented words ending in 'o', which no stemming rule strips."""
    letters = "abcdefghijklmnoprstuvwz"
    return sorted({"".join(rng.choice(letters) for _ in range(rng.randint(3, 8))) + "o" for _ in range(size)})


class Synthetic:
    """Articles in stories: common words by a Zipf law, plus each story's own rarer words."""

    def __init__(self, seed: int = 7, vocabulary: int = 40_000):
        self.rng = random.Random(seed)
        self.words = _vocabulary(self.rng, vocabulary)
        self.cum_weights = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(self.words))))

    def story_words(self) -> list[str]:
        return [self.words[i] for i in self.rng.sample(range(2000, len(self.words)), 12)]

    def words_of(self, topic: list[str], length: int = 160) -> list[str]:
        common = self.rng.choices(self.words, cum_weights=self.cum_weights, k=int(length * 0.75))
        body = common + self.rng.choices(topic, k=length - len(common))
        self.rng.shuffle(body)
        return body

    def text(self, topic: list[str], length: int = 160) -> str:
        return " ".join(self.words_of(topic, length))


def build_store(path: Path, n: int, days: int = 730) -> tuple[SQLiteStore, Synthetic, list[tuple[list[str], str]]]:
    syn = Synthetic()
    store = SQLiteStore(path)
    rows, topics = [], []
    while len(rows) < n:
        topic, day = syn.story_words(), f"{2023 + syn.rng.randrange(days) // 365}-{syn.rng.randint(1, 12):02d}-{syn.rng.randint(1, 28):02d}"
        topics.append((topic, day))
        for _ in range(syn.rng.choice([1, 1, 2, 3, 5])):
            words = syn.words_of(topic)
            rows.append((f"{len(rows):016x}", " ".join(words), day, len(topics) - 1, Counter(words)))
    rows = rows[:n]
    counts = [r[4] for r in rows]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    first_of: dict[int, str] = {}
    story_rows, band_rows, term_rows, stories = [], [], [], {}
    for article_id, text, day, story, c in rows:
        story_id = first_of.setdefault(story, article_id)
        signature = random.Random(article_id).randbytes(8 * SETTINGS.num_perm)
        story_rows.append((article_id, story_id, signature, 150, json.dumps(trimmed(c, SETTINGS.vector_terms))))
        band_rows += [(b, article_id) for b in band_keys(np.frombuffer(signature, dtype="<u8"), SETTINGS.band_rows)]
        term_rows += [(t, article_id) for t in top_terms(weigh(c, df, n), SETTINGS.key_terms)]
        label = stories.setdefault(story_id, [text[:60], day, 0])
        label[2] += 1
    with store.db:
        store.db.executemany("INSERT INTO articles (id, source, title, date, status, text) VALUES (?, ?, ?, ?, 'analysed', ?)",
                             [(i, f"synthetic/{k}", t[:60], d, t) for k, (i, t, d, _, _) in enumerate(rows)])
        store.db.executemany("INSERT INTO story_df (term, df) VALUES (?, ?)", sorted([("", n), *df.items()]))
        store.db.executemany("INSERT INTO story_articles (article_id, story_id, duplicate_of, similarity, signature,"
                             " shingles, terms) VALUES (?, ?, NULL, NULL, ?, ?, ?)", story_rows)
        # in key order: appending to the B-trees is many times faster than inserting at random
        store.db.executemany("INSERT INTO story_bands (band, article_id) VALUES (?, ?)", sorted(band_rows))
        store.db.executemany("INSERT INTO story_terms (term, article_id) VALUES (?, ?)", sorted(term_rows))
        store.db.executemany("INSERT INTO stories (id, label, first_seen, last_seen, n_articles) VALUES (?, ?, ?, ?, ?)",
                             [(k, label, day, day, m) for k, (label, day, m) in stories.items()])
    return store, syn, topics


def scale(n: int, new: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        store, syn, topics = build_store(Path(tmp) / "big.db", n)
        built = time.perf_counter() - t0
        times, commits, joined = [], [], 0
        for k in range(new):
            topic, day = topics[syn.rng.randrange(len(topics))] if k % 2 == 0 else (syn.story_words(), "2024-06-15")
            text = syn.text(topic)
            article_id = content_id(f"new {k} {text}")
            store.db.execute("INSERT INTO articles (id, source, date, status, text) VALUES (?, ?, ?, 'analysed', ?)",
                             (article_id, f"new/{k}", day, text))
            t = time.perf_counter()
            result = assign(store, StoryInput(article_id, text, None, day))
            t_assigned = time.perf_counter()
            store.db.commit()
            times.append((t_assigned - t) * 1000)
            commits.append((time.perf_counter() - t_assigned) * 1000)
            joined += result.story_id != article_id
        store.close()
    times.sort()
    return {"articles": n, "build_s": round(built, 1), "new": new, "joined_existing": joined,
            "median_ms": round(statistics.median(times), 2), "p95_ms": round(times[int(0.95 * len(times)) - 1], 2),
            "commit_median_ms": round(statistics.median(commits), 2)}


# -- dedupe --------------------------------------------------------------------------------
def dedupe(copies: int, seeds: int) -> dict:
    from stories_corpus import benchmark_items, pair_scores

    precisions, recalls, n_items = [], [], 0
    for seed in range(seeds):
        store = SQLiteStore(":memory:")
        items = benchmark_items(copies=copies, seed=seed)
        ids = []
        for k, item in enumerate(items):
            a = Article(content_id(item.text), f"bench/{k}", item.text, outlet=f"Outlet {k}")
            store.save_article(a)
            ids.append(a.id)
        roots = {a: d or a for a, d in store.db.execute("SELECT article_id, duplicate_of FROM story_articles")}
        p, r = pair_scores([i.group for i in items], [roots[i] for i in ids])
        precisions.append(p)
        recalls.append(r)
        n_items += len(items)
    return {"texts": n_items, "seeds": seeds, "precision": round(min(precisions), 4), "recall": round(min(recalls), 4)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000, help="size of the store for the scale test")
    ap.add_argument("--new", type=int, default=200, help="new articles placed in the large store")
    ap.add_argument("--overhead-articles", type=int, default=150)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dir", help="measure the overhead on the articles of this folder instead of generated ones")
    ap.add_argument("--skip-overhead", action="store_true")
    ap.add_argument("--skip-scale", action="store_true")
    args = ap.parse_args(argv)
    report = {"dedupe": dedupe(copies=8, seeds=5)}
    print("dedupe  ", json.dumps(report["dedupe"]), flush=True)
    if not args.skip_overhead:
        report["overhead"] = overhead(args.overhead_articles, args.rounds, args.dir)
        print("overhead", json.dumps(report["overhead"]), "(target <= 0.10)", flush=True)
    if not args.skip_scale:
        report["scale"] = scale(args.articles, args.new)
        print("scale   ", json.dumps(report["scale"]), "(target median < 20 ms)", flush=True)
    ok = (report["dedupe"]["precision"] >= 0.97 and report["dedupe"]["recall"] >= 0.97
          and report.get("overhead", {}).get("overhead", 0) <= 0.10 and report.get("scale", {}).get("median_ms", 0) < 20)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
