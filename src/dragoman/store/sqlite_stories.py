"""The story tables (near-duplicates, story clusters, the term index) and their queries.

Everything about stories in SQL is here, described once in ``STORY_SCHEMA`` (also the migration):
plain tables, TEXT/INTEGER/REAL/BLOB columns, ``?`` placeholders and ``ON CONFLICT`` upserts, so a
Postgres store can carry the same statements (BLOB -> BYTEA).
"""
from __future__ import annotations

import hashlib
import json
import uuid
from collections import Counter
from typing import Any, Iterable, Iterator

from ..stories.aggregate import aggregate_events, story_quotes
from ..stories.cluster import Assignment, StoryInput, assign, recluster
from ..stories.dedupe import fingerprint
from ..stories.settings import SETTINGS, StorySettings

STORY_SCHEMA = """
-- one row per clustered article: its story, the first copy it duplicates, its fingerprint and terms
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL,
    duplicate_of TEXT,
    similarity REAL,
    signature BLOB NOT NULL,
    shingles INTEGER NOT NULL,
    terms TEXT NOT NULL
);
CREATE INDEX story_articles_story ON story_articles(story_id);
CREATE INDEX story_articles_duplicate ON story_articles(duplicate_of);
-- MinHash LSH: one row per band of each article's signature
CREATE TABLE story_bands (
    band TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, article_id)
);
-- each (non-duplicate) article's key terms, to find the articles it may share a story with
CREATE TABLE story_terms (
    term TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (term, article_id)
);
-- in how many clustered articles each term occurs; the row with term '' counts the articles
CREATE TABLE story_df (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL
);
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    n_articles INTEGER NOT NULL
);
CREATE INDEX stories_recent ON stories(last_seen DESC, n_articles DESC);
"""

# The document-frequency increments of the latest articles, one row each, folded into story_df
# every DF_FOLD articles: an upsert per term at every save dirtied a page of story_df per term, and
# writing those pages was most of what clustering added to a save. Read, story_df + these rows.
STORY_DF_PENDING = """
CREATE TABLE story_df_pending (
    id TEXT PRIMARY KEY,
    terms TEXT NOT NULL
);
"""
DF_FOLD = 256  # the more articles a fold takes, the more of their terms share a page of story_df

# Articles fingerprinted by an earlier shingle hash (SHA-1 per shingle string, before the numpy
# hash of stories.dedupe): their signatures cannot match a new copy's, so the store fingerprints
# them again from their stored text the first time it is opened for writing.
STORY_REFINGERPRINT = """
CREATE TABLE story_refingerprint (
    article_id TEXT PRIMARY KEY
);
INSERT INTO story_refingerprint (article_id) SELECT article_id FROM story_articles;
"""
REFINGERPRINT_BATCH = 500

_DATE_MIN = ("CASE WHEN excluded.{c} IS NOT NULL AND (stories.{c} IS NULL OR excluded.{c} {op} stories.{c})"
             " THEN excluded.{c} ELSE stories.{c} END")
_SAVE_STORY = (
    "INSERT INTO stories (id, label, first_seen, last_seen, n_articles) VALUES (?, ?, ?, ?, 1)"
    " ON CONFLICT(id) DO UPDATE SET n_articles = stories.n_articles + 1,"
    f" first_seen = {_DATE_MIN.format(c='first_seen', op='<')}, last_seen = {_DATE_MIN.format(c='last_seen', op='>')}")
# one row per story: its outlets counted as the outlet named, else the file or URL it came from
_STORY_ROW = (
    "SELECT s.id, s.label, s.first_seen, s.last_seen, s.n_articles,"
    " (SELECT count(DISTINCT coalesce(a.outlet, a.url, a.source)) FROM story_articles x"
    "  JOIN articles a ON a.id = x.article_id WHERE x.story_id = s.id) AS n_sources,"
    " (SELECT count(*) FROM story_articles x WHERE x.story_id = s.id AND x.duplicate_of IS NOT NULL)"
    "  AS n_duplicates FROM stories s")
_STORY_EVENTS = (
    "SELECT ev.article_id, ev.idx, ev.type, ev.mode, ev.cameo, ev.quad_class, ev.intensity,"
    " ev.source_actor_id, s.code AS source_code, s.name AS source_name,"
    " ev.target_actor_id, t.code AS target_code, t.name AS target_name, ev.mutual, ev.negated,"
    " ev.hypothetical, ev.date, ev.location, ev.evidence, ar.outlet, ar.url, ar.source AS article_source,"
    " ar.title AS article_title"
    " FROM story_articles sa JOIN events ev ON ev.article_id = sa.article_id"
    " JOIN articles ar ON ar.id = ev.article_id LEFT JOIN actors s ON s.id = ev.source_actor_id"
    " LEFT JOIN actors t ON t.id = ev.target_actor_id WHERE sa.story_id = ? ORDER BY ar.date, ev.article_id, ev.idx")
# Aggregated events (one per story, type, source and target; an unclustered article is a story of
# its own): the rows that dyads count by default. ``{where}`` filters the event mentions first.
AGGREGATED_EVENTS = (
    "SELECT coalesce(sa.story_id, ev.article_id) AS story_id, ev.type, ev.source_actor_id, ev.target_actor_id,"
    " min(ev.quad_class) AS quad_class, avg(ev.intensity) AS intensity, min(ev.date) AS date,"
    " count(*) AS num_mentions, count(DISTINCT ev.article_id) AS num_articles"
    " FROM events ev LEFT JOIN story_articles sa ON sa.article_id = ev.article_id WHERE {where}"
    " GROUP BY 1, 2, 3, 4")


def origin(url: str | None, outlet: str | None) -> str:
    """Who published a copy of a text: its URL, else the outlet named ("" when neither is known:
    the same file read from another folder is the same document, not another outlet's copy)."""
    return url or outlet or ""


def copy_id(article: Any) -> str:
    """The id of a byte-identical copy of a stored text that another publisher carried."""
    key = article.text + "\x00" + origin(article.url, article.outlet)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class StoryTables:
    """Mixed into ``SQLiteStore`` (which provides ``self.db`` and ``_actor_clause``)."""

    db: Any

    # -- copies: the same text from several sources is one article per source -----------------
    def is_stored(self, article: Any) -> bool:
        """True when this text is stored already from this publisher (URL or outlet), or when the
        article names none (a re-run adds nothing); the same text carried by another publisher is
        a copy still to store."""
        return self.storage_id(article) is None

    def storage_id(self, article: Any) -> str | None:
        """The id to store a prepared article under: its content id, or a copy id when another
        publisher's copy holds that very text; None when it is stored already."""
        row = self.db.execute("SELECT url, outlet FROM articles WHERE id = ?", (article.id,)).fetchone()
        if row is None:
            return article.id
        mine = origin(article.url, article.outlet)
        if not mine or mine == origin(row["url"], row["outlet"]):
            return None
        copy = copy_id(article)
        stored = self.db.execute("SELECT 1 FROM articles WHERE id = ?", (copy,)).fetchone()
        return None if stored else copy

    # -- clustering (the StoryIndex of dragoman.stories.cluster) ---------------------------
    def assign_story(self, article: StoryInput) -> Assignment:
        return assign(self, article)

    # Document frequencies are read for every term of the new article and of its candidates: they
    # are cached per store object and kept in step with the writes it makes (a few stale counts
    # after a rolled-back save only nudge a weight).
    _DF_CACHE_LIMIT = 500_000

    def _df_cache(self) -> dict[str, int]:
        cache = self.__dict__.get("_story_df")
        if cache is None or len(cache) > self._DF_CACHE_LIMIT:
            cache = self.__dict__["_story_df"] = {}
        return cache

    def story_document_count(self) -> int:
        return self.story_document_frequencies([""]).get("", 0)

    def story_document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        cache = self._df_cache()
        missing = [t for t in terms if t not in cache]
        if not missing:
            return cache
        pending = self._pending_df()
        for i in range(0, len(missing), 500):
            chunk = missing[i:i + 500]
            cache.update((t, pending.get(t, 0)) for t in chunk)
            for term, df in self.db.execute(
                    f"SELECT term, df FROM story_df WHERE term IN ({','.join('?' * len(chunk))})", chunk).fetchall():
                cache[term] = df + pending.get(term, 0)
        return cache

    def _pending_df(self) -> Counter[str]:
        """The counts of the pending rows (read once per store object, then kept in step)."""
        pending = self.__dict__.get("_story_df_pending")
        if pending is None:
            pending = self.__dict__["_story_df_pending"] = Counter()
            for (terms,) in self.db.execute("SELECT terms FROM story_df_pending").fetchall():
                pending.update(json.loads(terms))
        return pending

    def add_story_terms(self, terms: Iterable[str]) -> None:
        terms = ["", *sorted(terms)]
        pending = self._pending_df()
        self.db.execute("INSERT INTO story_df_pending (id, terms) VALUES (?, ?)",
                        (uuid.uuid4().hex, json.dumps(terms, ensure_ascii=False, separators=(",", ":"))))
        pending.update(terms)
        cache = self._df_cache()
        for t in terms:
            if t in cache:
                cache[t] += 1
        if self.db.execute("SELECT count(*) FROM story_df_pending").fetchone()[0] >= DF_FOLD:
            self._fold_df()

    def _fold_df(self) -> None:
        """Move the pending counts into story_df. Only the rows this writer deleted are counted, so
        two writers folding at once never count a row twice."""
        folded: Counter[str] = Counter()
        for (terms,) in self.db.execute("DELETE FROM story_df_pending RETURNING terms").fetchall():
            folded.update(json.loads(terms))
        # in one order, so concurrent Postgres writers never deadlock on them
        self.db.executemany("INSERT INTO story_df (term, df) VALUES (?, ?)"
                            " ON CONFLICT(term) DO UPDATE SET df = story_df.df + excluded.df", sorted(folded.items()))
        self.__dict__["_story_df_pending"] = Counter()

    def duplicate_candidates(self, bands: Iterable[str], exclude: str) -> list[dict[str, Any]]:
        bands = list(bands)
        if not bands:
            return []
        sql = ("SELECT sa.article_id, sa.story_id, sa.duplicate_of, sa.signature, sa.shingles FROM story_articles sa"
               f" WHERE sa.article_id IN (SELECT article_id FROM story_bands WHERE band IN ({','.join('?' * len(bands))}))"
               " AND sa.article_id != ? ORDER BY sa.article_id")
        return [dict(r) for r in self.db.execute(sql, (*bands, exclude))]

    def similar_articles(self, terms: Iterable[str], since: str | None, until: str | None, exclude: str,
                         limit: int) -> list[dict[str, Any]]:
        terms = list(terms)
        if not terms:
            return []
        params: list[Any] = [*terms, exclude]
        dated = ""
        if since and until:
            dated = " AND (a.date IS NULL OR (a.date >= ? AND a.date <= ?))"
            params += [since, until]
        # rank by shared terms over the narrow index rows first; read the stored vectors of the few kept
        sql = ("SELECT st.article_id, count(*) AS shared FROM story_terms st JOIN articles a ON a.id = st.article_id"
               f" WHERE st.term IN ({','.join('?' * len(terms))}) AND st.article_id != ?{dated}"
               " GROUP BY st.article_id ORDER BY shared DESC, st.article_id LIMIT ?")
        ranked = [tuple(r) for r in self.db.execute(sql, (*params, limit))]
        if not ranked:
            return []
        rows = {r["article_id"]: dict(r) for r in self.db.execute(
            "SELECT article_id, story_id, terms FROM story_articles"
            f" WHERE article_id IN ({','.join('?' * len(ranked))})", [r[0] for r in ranked])}
        return [{**rows[a], "shared": n} for a, n in ranked if a in rows]

    def save_assignment(self, a: Assignment) -> None:
        self.db.execute(
            "INSERT INTO story_articles (article_id, story_id, duplicate_of, similarity, signature, shingles, terms)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (a.article_id, a.story_id, a.duplicate_of, a.similarity, a.fingerprint.signature, a.fingerprint.size,
             json.dumps(a.counts, ensure_ascii=False, separators=(",", ":"))))
        self._save_bands(a.article_id, a.fingerprint.bands)
        self.db.executemany("INSERT INTO story_terms (term, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                            [(t, a.article_id) for t in a.key_terms])
        self.db.execute(_SAVE_STORY, (a.story_id, a.label, a.date, a.date))
        if a.merged:
            self._merge_stories(a.story_id, a.merged)

    def _save_bands(self, article_id: str, bands: Iterable[str]) -> None:
        self.db.executemany("INSERT INTO story_bands (band, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                            [(b, article_id) for b in bands])

    def _merge_stories(self, into: str, others: tuple[str, ...]) -> None:
        marks = ",".join("?" * len(others))
        self.db.execute(f"UPDATE story_articles SET story_id = ? WHERE story_id IN ({marks})", (into, *others))
        first, last, n = self.db.execute(
            "SELECT min(a.date), max(a.date), count(*) FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
            " WHERE sa.story_id = ?", (into,)).fetchone()
        self.db.execute("UPDATE stories SET first_seen = ?, last_seen = ?, n_articles = ? WHERE id = ?",
                        (first, last, n, into))
        self.db.execute(f"DELETE FROM stories WHERE id IN ({marks})", others)

    def clear_stories(self) -> None:
        for table in ("story_bands", "story_terms", "story_df", "story_df_pending", "stories", "story_articles"):
            self.db.execute(f"DELETE FROM {table}")
        self.__dict__.pop("_story_df", None)
        self.__dict__.pop("_story_df_pending", None)

    def story_inputs(self) -> Iterator[StoryInput]:
        """The analysed articles, earliest first (undated last, then in the order they were stored),
        each with the actors it names."""
        rows = self.db.execute("SELECT id, title, date, text FROM articles WHERE status = 'analysed'"
                               " ORDER BY date IS NULL, date, rowid").fetchall()
        for r in rows:
            actors = tuple(x[0] for x in self.db.execute(
                "SELECT actor_id FROM entities WHERE article_id = ? AND actor_id IS NOT NULL ORDER BY idx", (r["id"],)))
            yield StoryInput(r["id"], r["text"], r["title"], r["date"], actors)

    def refingerprint_stale(self, settings: StorySettings = SETTINGS) -> int:
        """Fingerprint again, from their stored text, the articles a migration marked as hashed the
        old way, a batch per transaction (an interrupted run goes on where it stopped); returns how
        many. Story assignments stay as they are."""
        done = 0
        while True:
            with self.db:
                rows = self.db.execute(
                    "SELECT r.article_id, a.text FROM story_refingerprint r LEFT JOIN articles a ON a.id = r.article_id"
                    " ORDER BY r.article_id LIMIT ?", (REFINGERPRINT_BATCH,)).fetchall()
                if not rows:
                    return done
                for article_id, text in rows:
                    self._refingerprint(article_id, text, settings)
                self.db.executemany("DELETE FROM story_refingerprint WHERE article_id = ?", [(r[0],) for r in rows])
            done += len(rows)

    def _refingerprint(self, article_id: str, text: str | None, settings: StorySettings) -> None:
        if text is None:  # the article was deleted since
            return
        fp = fingerprint(text, settings)
        self.db.execute("UPDATE story_articles SET signature = ?, shingles = ? WHERE article_id = ?",
                        (fp.signature, fp.size, article_id))
        self.db.execute("DELETE FROM story_bands WHERE article_id = ?", (article_id,))
        self._save_bands(article_id, fp.bands)

    def recluster_stories(self, settings: StorySettings = SETTINGS) -> int:
        """Build every story again from the stored articles, in one transaction; returns the article count."""
        n = 0
        with self.db:
            for _ in recluster(self, settings=settings):
                n += 1
        return n

    # -- views ------------------------------------------------------------------------------
    def stories(self, *, since: str | None = None, until: str | None = None, actor: str | None = None,
                search: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Stories, most recent first, with article, source and duplicate counts."""
        where, params = [], []
        if since:
            where.append("coalesce(s.last_seen, s.first_seen) >= ?")
            params.append(since)
        if until:
            where.append("s.first_seen <= ?")
            params.append(until)
        if actor:
            clause, p = self._actor_clause("e.actor_id", actor)
            where.append("s.id IN (SELECT sa.story_id FROM story_articles sa JOIN entities e"
                         f" ON e.article_id = sa.article_id WHERE {clause})")
            params += p
        if search:
            clause, p = self._article_text_clause(search)
            where.append("s.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
                         f" WHERE {clause})")
            params += p
        sql = _STORY_ROW + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY s.last_seen IS NULL, s.last_seen DESC, s.n_articles DESC, s.id LIMIT ? OFFSET ?"
        return [dict(r) for r in self.db.execute(sql, (*params, limit, offset))]

    def story(self, story_id: str, *, limit: int = 500) -> dict[str, Any] | None:
        """One story: its articles over time, outlets, who said what, its aggregated events."""
        row = self.db.execute(_STORY_ROW + " WHERE s.id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        found = dict(row)
        found["articles"] = [dict(r) for r in self.db.execute(
            "SELECT a.id, a.title, a.date, a.outlet, a.source, a.url, sa.duplicate_of, sa.similarity"
            " FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ?"
            " ORDER BY a.date IS NULL, a.date, a.id LIMIT ?", (story_id, limit))]
        found["outlets"] = [dict(r) for r in self.db.execute(
            "SELECT coalesce(a.outlet, a.url, a.source) AS outlet, count(*) AS articles FROM story_articles sa"
            " JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? GROUP BY 1 ORDER BY 2 DESC, 1",
            (story_id,))]
        found["actors"] = [dict(r) for r in self.db.execute(
            "SELECT x.id, x.name, x.code, count(*) AS mentions, count(DISTINCT e.article_id) AS articles"
            " FROM story_articles sa JOIN entities e ON e.article_id = sa.article_id JOIN actors x ON x.id = e.actor_id"
            " WHERE sa.story_id = ? GROUP BY x.id, x.name, x.code ORDER BY mentions DESC, x.name LIMIT 30",
            (story_id,))]
        quotes = [dict(r) for r in self.db.execute(
            "SELECT q.article_id, q.idx, q.text, q.kind, q.speaker_name, q.speaker_actor_id, x.code AS speaker_code,"
            " q.date, a.outlet, a.url, a.source AS article_source FROM story_articles sa"
            " JOIN quotes q ON q.article_id = sa.article_id JOIN articles a ON a.id = q.article_id"
            " LEFT JOIN actors x ON x.id = q.speaker_actor_id WHERE sa.story_id = ?"
            " ORDER BY a.date IS NULL, a.date, q.article_id, q.idx", (story_id,))]
        found["quotes"] = story_quotes(quotes)
        found["speakers"] = _speakers(found["quotes"])
        found["events"] = self.story_events(story_id)
        return found

    def story_events(self, story_id: str) -> list[dict[str, Any]]:
        """The story's aggregated events, with num_articles, num_sources, num_mentions and all evidence."""
        rows = []
        for r in self.db.execute(_STORY_EVENTS, (story_id,)):
            d = dict(r)
            d["evidence"] = json.loads(d["evidence"]) if d["evidence"] else []
            rows.append(d)
        return aggregate_events(rows, story_id)

    def article_story(self, article_id: str) -> dict[str, Any]:
        row = self.db.execute("SELECT story_id, duplicate_of FROM story_articles WHERE article_id = ?",
                              (article_id,)).fetchone()
        return dict(row) if row else {"story_id": None, "duplicate_of": None}


def _speakers(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts: dict[tuple[Any, Any], dict[str, Any]] = {}
    for q in quotes:
        key = (q.get("speaker_actor_id"), q.get("speaker_name"))
        if key == (None, None):
            continue
        entry = counts.setdefault(key, {"name": q.get("speaker_name"), "actor_id": q.get("speaker_actor_id"),
                                        "code": q.get("speaker_code"), "quotes": 0})
        entry["quotes"] += 1
    return sorted(counts.values(), key=lambda s: (-s["quotes"], s["name"] or ""))
