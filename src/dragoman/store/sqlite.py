"""SQLite store: one file, WAL journal, one transaction per article, FTS5 search."""
from __future__ import annotations

import json
import random
import re
import sqlite3
import time
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from ..geo.locate import location_name, place_columns
from ..records import Actor, Article
from ..stories import story_input
from .queries import ARTICLE_SELECT, QUOTE_SELECT, ReadQueries, date_bounds, event_row, fts_query
from .sqlite_pictures import PictureQueries
from .sqlite_stories import STORY_DF_PENDING, STORY_REFINGERPRINT, STORY_SCHEMA, StoryTables
from .sources import WATCH_MIGRATION, WatchStateMixin

# Each entry moves the schema one version up; never edit a released one, append.
MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        url TEXT,
        title TEXT,
        date TEXT,
        outlet TEXT,
        dateline TEXT,
        language TEXT,
        status TEXT NOT NULL,
        text TEXT NOT NULL,
        analysed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX articles_date ON articles(date);
    CREATE TABLE actors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        code TEXT NOT NULL,
        country TEXT,
        sector TEXT,
        kind TEXT,
        role TEXT,
        wikidata TEXT
    );
    CREATE INDEX actors_code ON actors(code);
    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        label TEXT NOT NULL,
        sentence INTEGER,
        actor_id TEXT REFERENCES actors(id),
        rule TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX entities_actor ON entities(actor_id);
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        cue TEXT,
        speaker_mention TEXT,
        speaker_name TEXT,
        speaker_actor_id TEXT REFERENCES actors(id),
        sentence INTEGER,
        paragraph INTEGER,
        date TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker_actor_id);
    CREATE INDEX quotes_date ON quotes(date);
    CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        cameo TEXT,
        quad_class TEXT,
        intensity REAL,
        source_actor_id TEXT REFERENCES actors(id),
        source_mention TEXT,
        target_actor_id TEXT REFERENCES actors(id),
        target_mention TEXT,
        mutual INTEGER NOT NULL DEFAULT 0,
        negated INTEGER NOT NULL DEFAULT 0,
        hypothetical INTEGER NOT NULL DEFAULT 0,
        date TEXT,
        location TEXT,
        sentence TEXT,
        trigger TEXT,
        quote_index INTEGER,
        evidence TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX events_source ON events(source_actor_id);
    CREATE INDEX events_target ON events(target_actor_id);
    CREATE INDEX events_date ON events(date);
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
    CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='rowid');
    """,
    # 2: indexes for the views (API, dashboard); measured with benchmarks/query.py on 100,000 articles
    """
    -- newest-first listings: the same expressions as the ORDER BY of list_articles, quotes and events
    CREATE INDEX articles_recent ON articles(date IS NULL, date DESC, source);
    CREATE INDEX quotes_recent ON quotes(date IS NULL, date DESC, article_id, idx);
    CREATE INDEX events_recent ON events(date IS NULL, date DESC, article_id, idx);
    -- quote and event rows show their article's title without reading the article's text
    CREATE INDEX articles_title ON articles(id, title, source);
    -- dyads, and distinct-article counts per actor
    CREATE INDEX events_pair ON events(source_actor_id, target_actor_id);
    CREATE INDEX entities_actor_article ON entities(actor_id, article_id);
    """,
    # 3: why an article is "partial" (a stage failed on it); a source's earlier version found fast
    """
    ALTER TABLE articles ADD COLUMN reason TEXT;
    CREATE INDEX articles_source ON articles(source);
    """,
    # 4: stories: near-duplicates, story clusters and their term index (store/sqlite_stories.py)
    STORY_SCHEMA,
    # 5: watch: followed sources, seen items, HTTP validators (store/sources.py)
    WATCH_MIGRATION,
    # 6: where events happen, resolved by dragoman.geo: the place as JSON and its country (the map)
    """
    ALTER TABLE events ADD COLUMN place TEXT;
    ALTER TABLE events ADD COLUMN place_country TEXT;
    CREATE INDEX events_place_country ON events(place_country);
    """,
    # 7: full-text search with the Porter stemmer ("sanction" finds "sanctions"); both indexes rebuilt
    """
    DROP TABLE articles_fts;
    DROP TABLE quotes_fts;
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid',
                                                 tokenize='porter unicode61');
    CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='rowid',
                                               tokenize='porter unicode61');
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
    """,
    # 8: where an article's date was found (given, metadata, htmldate, text)
    """
    ALTER TABLE articles ADD COLUMN date_source TEXT;
    """,
    # 9: stories: document frequencies of the latest articles, folded into story_df in batches
    STORY_DF_PENDING,
    # 10: the start of the quote a quote continues ('"A," she said. "B."': B continues A)
    """
    ALTER TABLE quotes ADD COLUMN continues INTEGER;
    """,
    # 11: stories: articles to fingerprint again with the numpy shingle hash (done on open)
    STORY_REFINGERPRINT,
]

# SQLite waits this long for another writer's lock before saying "database is locked" ...
BUSY_TIMEOUT = 30.0
# ... and a write is tried again, with growing pauses, until this much time has gone by.
BUSY_RETRY_SECONDS = 300.0

T = TypeVar("T")


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def split_statements(script: str) -> Iterator[str]:
    """The statements of a migration script, one by one (so they can share our own transaction)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if re.sub(r"--[^\n]*", "", pending).strip(" \t\n;"):
                yield pending
            pending = ""



# Sources that name one document, so a new text from them is a new version of that document:
# not standard input or a library call, not a line of a JSON Lines file (lines move when one is added).
_SHARED_SOURCE = re.compile(r"^<[^>]*>$|\.(?:jsonl|ndjson):\d+$", re.I)


def identifies_one_document(source: str) -> bool:
    return bool(source) and source != "-" and not _SHARED_SOURCE.search(source)


def reading_strength(name: str | None, code: str | None, kind: str | None) -> int:
    """How much a reading of an actor says: a real name beats one made of its code ("ARM",
    "ARM government"), and any kind beats a bare place."""
    name = (name or "").strip()
    code = (code or "").strip()
    country = code.split(" ")[0]
    made_of_code = not name or name == code or name.split(" ")[0] == country
    return (0 if made_of_code else 2) + (0 if kind == "place" else 1)


def actor_rows_to_write(actors: dict[str, Actor], stored: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The actor rows a save writes: the new actors, and the stored ones this reading changes. A stored
    actor is rewritten only by a stronger reading and otherwise only has its empty fields filled."""
    rows = []
    for x in actors.values():
        new = {"id": x.id, "name": x.name, "code": x.code, "country": x.country, "sector": x.sector,
               "kind": x.kind, "role": x.role, "wikidata": x.wikidata}
        old = stored.get(x.id)
        if old is None:
            rows.append(new)
            continue
        stronger = reading_strength(x.name, x.code, x.kind) > reading_strength(old["name"], old["code"],
                                                                               old["kind"])
        first, second = (new, old) if stronger else (old, new)
        merged = {k: first[k] if first[k] is not None else second[k] for k in new}
        if merged != {k: old[k] for k in new}:
            rows.append(merged)
    return rows


class SQLiteStore(ReadQueries, StoryTables, WatchStateMixin, PictureQueries):
    def __init__(self, path: str | Path, *, readonly: bool = False, busy_timeout: float = BUSY_TIMEOUT,
                 busy_retry_seconds: float = BUSY_RETRY_SECONDS):
        self.path = str(path)
        self.busy_retry_seconds = busy_retry_seconds
        if readonly:
            uri = f"file:{Path(self.path).resolve()}?mode=ro"
            self.db = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=busy_timeout)
        else:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, check_same_thread=False, timeout=busy_timeout)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            self._retrying(lambda: self.db.execute("PRAGMA journal_mode = WAL"))
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.migrate()
            self._retrying(self.refingerprint_stale)

    def _retrying(self, write: Callable[[], T]) -> T:
        """Run ``write`` (one whole transaction), again after a pause while another process holds
        the database's write lock past the busy timeout, for up to ``busy_retry_seconds``."""
        deadline = time.monotonic() + self.busy_retry_seconds
        pause = 0.05
        while True:
            try:
                return write()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() + pause > deadline:
                    raise
            time.sleep(pause * random.uniform(0.5, 1.5))
            pause = min(pause * 2, 5.0)

    # -- schema ---------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        """Bring the schema up to date. Several processes may open a fresh database at once: the
        version is read again under the write lock, so only the first one migrates."""
        if self._check_version() < len(MIGRATIONS):
            self._retrying(self._migrate_locked)

    def _check_version(self) -> int:
        version = self.schema_version
        if version > len(MIGRATIONS):
            raise RuntimeError(
                f"{self.path}: database schema v{version} is newer than this dragoman (v{len(MIGRATIONS)})"
            )
        return version

    def _migrate_locked(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            version = self._check_version()
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in split_statements(script):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number}")
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    # -- writing --------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def save_article(self, article: Article) -> bool:
        """Store the article in one transaction, replacing an earlier version from the same source;
        False if this very text is already stored. Waits out another writer's lock."""
        return self._retrying(lambda: self._save(article))

    def _save(self, article: Article) -> bool:
        try:
            self.db.execute("BEGIN IMMEDIATE")
            stored_as = self.storage_id(article)
            if stored_as is None:
                self.db.execute("ROLLBACK")
                return False
            article.id = stored_as
            if identifies_one_document(article.source):
                self._delete_source(article.source)
            self._insert(article)
            if article.status == "analysed":
                self.assign_story(story_input(article))
            self.db.execute("COMMIT")
            return True
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    def _delete_source(self, source: str) -> None:
        """Remove the articles stored from ``source`` (an earlier version of an edited file), with
        their facts and their full-text rows."""
        for old in self.db.execute("SELECT rowid, id, title, text FROM articles WHERE source = ?",
                                   (source,)).fetchall():
            self.db.execute("INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
                            (old["rowid"], old["title"] or "", old["text"]))
            for q in self.db.execute("SELECT rowid, text FROM quotes WHERE article_id = ?", (old["id"],)).fetchall():
                self.db.execute("INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', ?, ?)",
                                (q["rowid"], q["text"]))
            for table in ("entities", "quotes", "events"):
                self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (old["id"],))
            self.db.execute("DELETE FROM articles WHERE rowid = ?", (old["rowid"],))

    def _insert(self, a: Article) -> None:
        cur = self.db.execute(
            "INSERT INTO articles (id, source, url, title, date, outlet, dateline, language, status, text, reason,"
            " date_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, a.source, a.url, a.title, a.date, a.outlet, a.dateline, a.language, a.status, a.text,
             a.reason, a.date_source),
        )
        self.db.execute("INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)",
                        (cur.lastrowid, a.title or "", a.text))
        actors = {}
        for m in a.entities:
            if m.actor:
                actors[m.actor.id] = m.actor
        for q in a.quotes:
            if q.speaker and q.speaker.actor:
                actors[q.speaker.actor.id] = q.speaker.actor
        for e in a.events:
            for party in (e.source, e.target):
                if party:
                    actors[party.actor.id] = party.actor
        self._get_or_create_actors(actors)
        self.db.executemany(
            "INSERT INTO entities (article_id, idx, text, start, end, label, sentence, actor_id, rule)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [(a.id, i, m.text, m.start, m.end, m.label, m.sentence, m.actor.id if m.actor else None, m.rule)
             for i, m in enumerate(a.entities)],
        )
        for i, q in enumerate(a.quotes):
            sp = q.speaker
            cur = self.db.execute(
                "INSERT INTO quotes (article_id, idx, text, kind, start, end, cue, speaker_mention, speaker_name,"
                " speaker_actor_id, sentence, paragraph, date, continues) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (a.id, i, q.text, q.kind, q.start, q.end, q.cue, sp.mention if sp else None,
                 sp.name if sp else None, sp.actor.id if sp and sp.actor else None, q.sentence, q.paragraph, a.date,
                 q.continues),
            )
            self.db.execute("INSERT INTO quotes_fts(rowid, text) VALUES (?, ?)", (cur.lastrowid, q.text))
        self.db.executemany(
            "INSERT INTO events (article_id, idx, type, mode, cameo, quad_class, intensity, source_actor_id,"
            " source_mention, target_actor_id, target_mention, mutual, negated, hypothetical, date, location,"
            " sentence, trigger, quote_index, evidence, place, place_country)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (a.id, i, e.type, e.mode, e.cameo, e.quad_class, e.intensity,
                 e.source.actor.id if e.source else None, e.source.mention if e.source else None,
                 e.target.actor.id if e.target else None, e.target.mention if e.target else None,
                 int(e.mutual), int(e.negated), int(e.hypothetical), e.date, location_name(e.location),
                 e.evidence[0].text if e.evidence else None, e.evidence[0].trigger if e.evidence else None,
                 e.evidence[0].quote_index if e.evidence else None,
                 json.dumps([ev.to_dict() for ev in e.evidence], ensure_ascii=False),
                 *place_columns(e.location))
                for i, e in enumerate(a.events)
            ],
        )

    def _get_or_create_actors(self, actors: dict[str, Actor]) -> None:
        """Insert the actors not stored yet. A stored actor is rewritten only by a stronger reading
        (a dictionary name over a bare code, a country over a place) and otherwise only has its
        empty fields filled, so "Macron arrived in Yerevan" never turns Armenia into a place "ARM"."""
        if not actors:
            return
        ids = list(actors)
        stored = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for row in self.db.execute(f"SELECT * FROM actors WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                stored[row["id"]] = dict(row)
        rows = actor_rows_to_write(actors, stored)
        self.db.executemany(
            "INSERT INTO actors (id, name, code, country, sector, kind, role, wikidata)"
            " VALUES (:id, :name, :code, :country, :sector, :kind, :role, :wikidata)"
            " ON CONFLICT(id) DO UPDATE SET name=excluded.name, code=excluded.code, country=excluded.country,"
            " sector=excluded.sector, kind=excluded.kind, role=excluded.role, wikidata=excluded.wikidata",
            rows,
        )

    def close(self) -> None:
        self.db.close()

    # -- reading: the shared queries are in queries.ReadQueries; full-text search and export here --
    def search_articles(self, text: str, *, since: str | None = None, until: str | None = None,
                        limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Articles matching ``text`` (FTS5), best first, with a snippet and its matched spans."""
        where, params = date_bounds("a.date", since, until, ["articles_fts MATCH ?"], [fts_query(text)])
        sql = ("SELECT a.id, a.source, a.url, a.title, a.date, a.outlet,"
               f" snippet(articles_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 24) AS marked"
               " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
               f" WHERE {' AND '.join(where)} ORDER BY rank LIMIT ? OFFSET ?")
        return [_with_marks(dict(r), "snippet") for r in self.db.execute(sql, (*params, limit, offset))]

    def search_quotes(self, text: str, *, since: str | None = None, until: str | None = None,
                      limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Quotes matching ``text`` (FTS5), best first, with the matched spans of the quote."""
        where, params = date_bounds("q.date", since, until, ["quotes_fts MATCH ?"], [fts_query(text)])
        sql = ("SELECT q.article_id, q.idx, q.kind, q.start, q.end, q.speaker_name, q.speaker_actor_id,"
               " a.code AS speaker_code, q.date, ar.title AS article_title,"
               f" highlight(quotes_fts, 0, '{MARK_OPEN}', '{MARK_CLOSE}') AS marked"
               " FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid"
               " LEFT JOIN actors a ON a.id = q.speaker_actor_id JOIN articles ar ON ar.id = q.article_id"
               f" WHERE {' AND '.join(where)} ORDER BY rank LIMIT ? OFFSET ?")
        return [_with_marks(dict(r), "text") for r in self.db.execute(sql, (*params, limit, offset))]

    # Date-ordered full-text listings. quotes(search=...) and list_articles(search=...) sort every hit
    # by date; for a common word (tens of thousands of hits) walking the newest-first index and
    # keeping the rows that match is several times faster, for a rare word much slower. These give the
    # same rows in the same order and choose between the two plans by the number of hits.
    def quotes_matching(self, text: str, *, since: str | None = None, until: str | None = None,
                        limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Like ``quotes(search=text, since=since, until=until)``, also fast for common words."""
        return self._matching("quotes", "q", QUOTE_SELECT, "q.article_id, q.idx", text, since, until, limit, offset)

    def articles_matching(self, text: str, *, since: str | None = None, until: str | None = None,
                          limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Like ``list_articles(search=text, since=since, until=until)``, also fast for common words."""
        return self._matching("articles", "a", ARTICLE_SELECT, "a.source", text, since, until, limit, offset)

    def _matching(self, table: str, alias: str, select: str, tie_break: str, text: str, since: str | None,
                  until: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
        """Rows of ``table`` whose full-text index matches ``text``, newest first."""
        walk = self._walk_date_index(f"{table}_fts", table, text, limit + offset)
        where = [f"{'+' if walk else ''}{alias}.rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)"]
        params: list[Any] = [fts_query(text)]
        where, params = date_bounds(f"{alias}.date", since, until, where, params)
        sql = (f"{select} WHERE {' AND '.join(where)}"
               f" ORDER BY {alias}.date IS NULL, {alias}.date DESC, {tie_break} LIMIT ? OFFSET ?")
        return [dict(r) for r in self.db.execute(sql, (*params, limit, offset))]

    def _walk_date_index(self, fts: str, table: str, text: str, wanted: int) -> bool:
        """True if so many rows match that walking the date index beats sorting the hits.

        Sorting costs about one unit per hit. The walk reads about ``wanted * rows / hits`` index
        entries, each some eight times cheaper. A '+' on the rowid test is what stops SQLite from
        starting at the hits, so it takes the walk.
        """
        hits = self.db.execute(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?", (fts_query(text),)).fetchone()[0]
        rows = self.db.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
        return hits * hits * 8 > wanted * rows

    def iter_rows(self, what: str) -> Iterator[dict[str, Any]]:
        """Every row of ``what`` (quotes | events | articles | actors) as a flat dict, in insertion order."""
        if what not in _EXPORT_SQL:
            raise ValueError(f"unknown table {what!r}; expected one of {', '.join(_EXPORT_SQL)}")
        for r in self.db.execute(_EXPORT_SQL[what]):
            yield event_row(r) if what == "events" else dict(r)


# Private-use characters mark FTS5 matches in snippets; they never occur in cleaned text.
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"


def split_marks(marked: str) -> tuple[str, list[list[int]]]:
    """Strip match markers from an FTS5 snippet: the plain text and the [start, end) spans they marked."""
    plain: list[str] = []
    marks: list[list[int]] = []
    pos = 0
    for part in re.split(f"([{MARK_OPEN}{MARK_CLOSE}])", marked or ""):
        if part == MARK_OPEN:
            marks.append([pos, pos])
        elif part == MARK_CLOSE:
            if marks:
                marks[-1][1] = pos
        else:
            plain.append(part)
            pos += len(part)
    return "".join(plain), [m for m in marks if m[1] > m[0]]


def _with_marks(row: dict[str, Any], key: str) -> dict[str, Any]:
    row[key], row["marks"] = split_marks(row.pop("marked"))
    return row


_EXPORT_SQL = {
    "quotes": (
        "SELECT q.article_id, q.idx, q.date, q.speaker_name, q.speaker_actor_id, a.code AS speaker_code,"
        " q.speaker_mention, q.kind, q.text, q.cue, q.start, q.end, q.continues, q.sentence, q.paragraph,"
        " ar.title AS article_title, ar.source AS article_source, ar.url AS article_url"
        " FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_actor_id JOIN articles ar ON ar.id = q.article_id"
        " ORDER BY q.rowid"),
    "events": (
        "SELECT ev.rowid AS event_id, ev.article_id, ev.idx, ev.date, ar.date AS article_date, ev.type, ev.mode,"
        " ev.cameo, ev.quad_class, ev.intensity,"
        " ev.source_actor_id, s.code AS source_code, s.name AS source_name, s.country AS source_country,"
        " s.sector AS source_sector, s.kind AS source_kind, ev.source_mention,"
        " ev.target_actor_id, t.code AS target_code, t.name AS target_name, t.country AS target_country,"
        " t.sector AS target_sector, t.kind AS target_kind, ev.target_mention,"
        " ev.mutual, ev.negated, ev.hypothetical, ev.location, ev.sentence, ev.trigger, ev.quote_index,"
        " ev.evidence, ar.title AS article_title, ar.source AS article_source, ar.url AS article_url,"
        " ar.analysed_at"
        " FROM events ev LEFT JOIN actors s ON s.id = ev.source_actor_id"
        " LEFT JOIN actors t ON t.id = ev.target_actor_id JOIN articles ar ON ar.id = ev.article_id"
        " ORDER BY ev.rowid"),
    "articles": (
        "SELECT a.id, a.source, a.url, a.title, a.date, a.outlet, a.dateline, a.language, a.status, a.reason,"
        " a.analysed_at,"
        " (SELECT count(*) FROM entities e WHERE e.article_id = a.id) AS n_entities,"
        " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS n_quotes,"
        " (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events, a.text,"
        " sa.story_id, sa.duplicate_of"
        " FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id ORDER BY a.rowid"),
    "actors": (
        "SELECT a.id, a.name, a.code, a.country, a.sector, a.kind, a.role, a.wikidata,"
        " (SELECT count(*) FROM entities e WHERE e.actor_id = a.id) AS mentions,"
        " (SELECT count(DISTINCT e.article_id) FROM entities e WHERE e.actor_id = a.id) AS articles,"
        " (SELECT count(*) FROM quotes q WHERE q.speaker_actor_id = a.id) AS quotes,"
        " (SELECT count(*) FROM events e WHERE e.source_actor_id = a.id) AS events_as_source,"
        " (SELECT count(*) FROM events e WHERE e.target_actor_id = a.id) AS events_as_target"
        " FROM actors a ORDER BY a.rowid"),
}
