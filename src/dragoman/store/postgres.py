"""PostgreSQL store (psycopg 3): the ``Store`` interface for many writers and many readers.

Same schema meaning as the SQLite store: content-hash article keys, one transaction per article
(``INSERT ... ON CONFLICT DO NOTHING`` on the key, so concurrent writers of the same article store
it once), migrations recorded in ``schema_migrations`` and applied under an advisory lock (safe when
several processes open a fresh database at once), full-text search with a ``tsvector`` column, a
GIN index and ``websearch_to_tsquery``. The text-search configuration stems English words and keeps
every word (no stop list), so a search finds what the SQLite store's FTS5 (porter) finds.

Stories, watch state and the pictures' queries are the SQLite store's mixins, run on a wrapper of the
connection (``postgres_compat.SQLiteLike``) that translates their portable SQL.
"""
from __future__ import annotations

import json
import time
from typing import Any, Iterator

try:
    import psycopg
    from psycopg.rows import dict_row
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("the Postgres store needs psycopg: pip install 'dragoman[postgres]'") from exc

from ..geo.locate import location_name, place_columns
from ..records import Actor, Article
from ..stories import story_input
from .postgres_compat import SQLiteLike, pg_schema
from .sources import WATCH_MIGRATION, WatchStateMixin
from .queries import ReadQueries, date_bounds, event_row
from .sqlite import (_EXPORT_SQL, MARK_CLOSE, MARK_OPEN, _with_marks, actor_rows_to_write,
                     identifies_one_document)
from .sqlite_pictures import PictureQueries
from .sqlite_stories import STORY_DF_PENDING, STORY_REFINGERPRINT, STORY_SCHEMA, StoryTables

# The text-search configuration of the first schema (lowercases, never stems) and the current one
# (migration 6: the Snowball English stemmer without a stop list, like SQLite's porter tokenizer,
# so "sanction" finds "sanctions" and every word stays searchable).
FIRST_TS_CONFIG = "simple"
TS_CONFIG = "dragoman_search"
# Any constant: serialises migrations across every process that opens the database.
MIGRATION_LOCK = 0x647261676F6D616E  # "dragoman"
# Deadlocks between writers of overlapping actor rows are resolved by retrying the article.
RETRIES = 5

MIGRATIONS: list[str] = [
    # 1: the first schema (the meaning of the SQLite store's migrations 1 and 2)
    f"""
    CREATE TABLE articles (
        seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
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
        analysed_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        tsv tsvector GENERATED ALWAYS AS (
            to_tsvector('{FIRST_TS_CONFIG}', coalesce(title, '') || ' ' || text)) STORED
    );
    CREATE INDEX articles_date ON articles(date);
    CREATE INDEX articles_recent ON articles((date IS NULL), date DESC, source);
    CREATE INDEX articles_tsv ON articles USING GIN (tsv);
    CREATE TABLE actors (
        seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
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
        "end" INTEGER NOT NULL,
        label TEXT NOT NULL,
        sentence INTEGER,
        actor_id TEXT REFERENCES actors(id),
        rule TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX entities_actor_article ON entities(actor_id, article_id);
    CREATE TABLE quotes (
        seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        cue TEXT,
        speaker_mention TEXT,
        speaker_name TEXT,
        speaker_actor_id TEXT REFERENCES actors(id),
        sentence INTEGER,
        paragraph INTEGER,
        date TEXT,
        tsv tsvector GENERATED ALWAYS AS (to_tsvector('{FIRST_TS_CONFIG}', text)) STORED,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker_actor_id);
    CREATE INDEX quotes_recent ON quotes((date IS NULL), date DESC, article_id, idx);
    CREATE INDEX quotes_tsv ON quotes USING GIN (tsv);
    CREATE TABLE events (
        seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        cameo TEXT,
        quad_class TEXT,
        intensity DOUBLE PRECISION,
        source_actor_id TEXT REFERENCES actors(id),
        source_mention TEXT,
        target_actor_id TEXT REFERENCES actors(id),
        target_mention TEXT,
        mutual BOOLEAN NOT NULL DEFAULT false,
        negated BOOLEAN NOT NULL DEFAULT false,
        hypothetical BOOLEAN NOT NULL DEFAULT false,
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
    CREATE INDEX events_pair ON events(source_actor_id, target_actor_id);
    CREATE INDEX events_recent ON events((date IS NULL), date DESC, article_id, idx);
    """,
    # 2: why an article is partial, a source's earlier version found fast, where events happen
    # (the SQLite store's migrations 3 and 6)
    """
    ALTER TABLE articles ADD COLUMN reason TEXT;
    CREATE INDEX articles_source ON articles(source);
    ALTER TABLE events ADD COLUMN place TEXT;
    ALTER TABLE events ADD COLUMN place_country TEXT;
    CREATE INDEX events_place_country ON events(place_country);
    """,
    # 3: stories (store/sqlite_stories.py)
    pg_schema(STORY_SCHEMA),
    # 4: watch state (store/sources.py)
    pg_schema(WATCH_MIGRATION),
    # 5: where an article's date was found
    """
    ALTER TABLE articles ADD COLUMN date_source TEXT;
    """,
    # 6: stemmed full-text search (see TS_CONFIG); both tsvector columns computed again
    f"""
    CREATE TEXT SEARCH DICTIONARY dragoman_stem (TEMPLATE = snowball, Language = english);
    CREATE TEXT SEARCH CONFIGURATION {TS_CONFIG} (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION {TS_CONFIG} ALTER MAPPING
        FOR asciiword, word, asciihword, hword, hword_asciipart, hword_part WITH dragoman_stem;
    ALTER TABLE articles DROP COLUMN tsv;
    ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
        to_tsvector('{TS_CONFIG}', coalesce(title, '') || ' ' || text)) STORED;
    CREATE INDEX articles_tsv ON articles USING GIN (tsv);
    ALTER TABLE quotes DROP COLUMN tsv;
    ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('{TS_CONFIG}', text)) STORED;
    CREATE INDEX quotes_tsv ON quotes USING GIN (tsv);
    """,
    # 7: stories: pending document frequencies (the SQLite store's migration 9)
    pg_schema(STORY_DF_PENDING),
    # 8: the start of the quote a quote continues (the SQLite store's migration 10)
    """
    ALTER TABLE quotes ADD COLUMN continues INTEGER;
    """,
    # 9: stories: articles to fingerprint again (the SQLite store's migration 11)
    pg_schema(STORY_REFINGERPRINT),
]


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgres://", "postgresql://"))


def _pg(sql: str) -> str:
    """The SQLite store's SQL in Postgres' words: placeholders, insertion order, the quoted "end"."""
    for old, new in ((".rowid", ".seq"), ("rowid", "seq"), (".end", '."end"'), ("?", "%s")):
        sql = sql.replace(old, new)
    return sql


class PostgresStore(ReadQueries, StoryTables, WatchStateMixin, PictureQueries):
    """The shared queries and the SQLite store's mixins run on ``self.db`` (their SQL, translated);
    writing, migrations and full-text search on ``self.pg``."""

    LIKE = "ILIKE"

    # Monday of the week of an ISO date (NULL for a partial date, as SQLite's date() gives)
    WEEK = ("CASE WHEN {col} ~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}' THEN"
            " to_char(date_trunc('week', substr({col}, 1, 10)::date), 'YYYY-MM-DD') END")

    def __init__(self, url: str, *, readonly: bool = False):
        self.path = url
        self.readonly = readonly
        try:
            self.pg = psycopg.connect(url, autocommit=True, row_factory=dict_row)
            self.db = SQLiteLike(self.pg)
        except psycopg.OperationalError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ConnectionError(f"cannot connect to {_redacted(url)}: {first}") from None
        if readonly:
            self.pg.execute("SET default_transaction_read_only = on")
            version = self.schema_version
            if version > len(MIGRATIONS):
                raise RuntimeError(f"{_redacted(url)}: database schema v{version} is newer than this dragoman "
                                   f"(v{len(MIGRATIONS)})")
        else:
            self.migrate()
            self.refingerprint_stale()

    # -- schema ---------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        if self._one("SELECT to_regclass('schema_migrations') AS t")["t"] is None:
            return 0
        return self._one("SELECT coalesce(max(version), 0) AS v FROM schema_migrations")["v"]

    def migrate(self) -> None:
        """Apply the missing migrations, each in its own transaction, one process at a time."""
        if self.schema_version == len(MIGRATIONS):
            return  # nothing to write: a read-only role may open an up-to-date database
        for number, script in enumerate(MIGRATIONS, start=1):
            with self.pg.transaction():
                self.pg.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
                self.pg.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                                " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
                current = self._one("SELECT coalesce(max(version), 0) AS v FROM schema_migrations")["v"]
                if current > len(MIGRATIONS):
                    raise RuntimeError(f"{_redacted(self.path)}: database schema v{current} is newer than this"
                                       f" dragoman (v{len(MIGRATIONS)})")
                if current >= number:
                    continue
                self.pg.execute(script)
                self.pg.execute("INSERT INTO schema_migrations (version) VALUES (%s)", (number,))

    # -- writing --------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self._one("SELECT 1 AS x FROM articles WHERE id = %s", (article_id,)) is not None

    def save_article(self, article: Article) -> bool:
        """One transaction; False when the article is already stored (by this or another writer)."""
        for attempt in range(RETRIES):
            try:
                with self.pg.transaction():
                    stored_as = self.storage_id(article)
                    if stored_as is None:
                        return False
                    article.id = stored_as
                    row = self.pg.execute(
                        "INSERT INTO articles (id, source, url, title, date, outlet, dateline, language, status, text,"
                        " reason, date_source) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                        " ON CONFLICT (id) DO NOTHING RETURNING id",
                        (article.id, article.source, article.url, article.title, article.date, article.outlet,
                         article.dateline, article.language, article.status, article.text, article.reason,
                         article.date_source)).fetchone()
                    if row is None:
                        return False
                    if identifies_one_document(article.source):
                        # an earlier version of an edited file goes, with its facts (ON DELETE CASCADE)
                        self.pg.execute("DELETE FROM articles WHERE source = %s AND id != %s",
                                        (article.source, article.id))
                    self._insert(article)
                    if article.status == "analysed":
                        self.assign_story(story_input(article))
                return True
            except (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure):
                if attempt == RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        return False  # pragma: no cover

    def _insert(self, a: Article) -> None:
        """Everything of the article but its row (inserted by ``save_article``)."""
        actors: dict[str, Any] = {}
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
        with self.pg.cursor() as cur:
            cur.executemany(
                'INSERT INTO entities (article_id, idx, text, start, "end", label, sentence, actor_id, rule)'
                " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                [(a.id, i, m.text, m.start, m.end, m.label, m.sentence, m.actor.id if m.actor else None, m.rule)
                 for i, m in enumerate(a.entities)])
            cur.executemany(
                'INSERT INTO quotes (article_id, idx, text, kind, start, "end", cue, speaker_mention, speaker_name,'
                " speaker_actor_id, sentence, paragraph, date, continues)"
                " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                [(a.id, i, q.text, q.kind, q.start, q.end, q.cue, q.speaker.mention if q.speaker else None,
                  q.speaker.name if q.speaker else None,
                  q.speaker.actor.id if q.speaker and q.speaker.actor else None, q.sentence, q.paragraph, a.date,
                  q.continues)
                 for i, q in enumerate(a.quotes)])
            cur.executemany(
                "INSERT INTO events (article_id, idx, type, mode, cameo, quad_class, intensity, source_actor_id,"
                " source_mention, target_actor_id, target_mention, mutual, negated, hypothetical, date, location,"
                " sentence, trigger, quote_index, evidence, place, place_country)"
                " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                [(a.id, i, e.type, e.mode, e.cameo, e.quad_class, e.intensity,
                  e.source.actor.id if e.source else None, e.source.mention if e.source else None,
                  e.target.actor.id if e.target else None, e.target.mention if e.target else None,
                  bool(e.mutual), bool(e.negated), bool(e.hypothetical), e.date, location_name(e.location),
                  e.evidence[0].text if e.evidence else None, e.evidence[0].trigger if e.evidence else None,
                  e.evidence[0].quote_index if e.evidence else None,
                  json.dumps([ev.to_dict() for ev in e.evidence], ensure_ascii=False), *place_columns(e.location))
                 for i, e in enumerate(a.events)])

    def _get_or_create_actors(self, actors: dict[str, Actor]) -> None:
        """The SQLite store's rule (a stored actor is rewritten only by a stronger reading). Rows are
        locked in id order, so two writers never wait on each other in a cycle; a row this article
        does not change is not written (nor locked)."""
        if not actors:
            return
        stored = {r["id"]: r for r in self._rows(
            "SELECT id, name, code, country, sector, kind, role, wikidata FROM actors WHERE id = ANY(%s)",
            (list(actors),))}
        rows = sorted(actor_rows_to_write(actors, stored), key=lambda r: r["id"])
        with self.pg.cursor() as cur:
            cur.executemany(
                "INSERT INTO actors (id, name, code, country, sector, kind, role, wikidata)"
                " VALUES (%(id)s, %(name)s, %(code)s, %(country)s, %(sector)s, %(kind)s, %(role)s, %(wikidata)s)"
                " ON CONFLICT (id) DO UPDATE SET name = excluded.name, code = excluded.code,"
                " country = excluded.country, sector = excluded.sector, kind = excluded.kind, role = excluded.role,"
                " wikidata = excluded.wikidata", rows)

    # -- helpers --------------------------------------------------------------------
    def _rows(self, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
        return self.pg.execute(sql, params).fetchall()

    def _one(self, sql: str, params: tuple | list = ()) -> dict[str, Any] | None:
        return self.pg.execute(sql, params).fetchone()

    # -- reading --------------------------------------------------------------------
    def close(self) -> None:
        self.pg.close()

    def _article_text_clause(self, text: str) -> tuple[str, list[Any]]:
        return f"a.tsv @@ websearch_to_tsquery('{TS_CONFIG}', ?)", [text]

    def _quote_text_clause(self, text: str) -> tuple[str, list[Any]]:
        return f"q.tsv @@ websearch_to_tsquery('{TS_CONFIG}', ?)", [text]

    def latest_date(self) -> str | None:
        return self._one("SELECT max(date) AS d FROM events")["d"]

    # -- full-text search and export (the other queries are queries.ReadQueries) ----------
    def search_articles(self, text: str, *, since: str | None = None, until: str | None = None,
                        limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Articles matching ``text``, best first, with a snippet and its matched spans."""
        where, params = date_bounds("a.date", since, until, ["a.tsv @@ query"], [])
        # ts_headline reads the whole text, so it runs on the page of hits only.
        sql = (f"WITH query AS (SELECT websearch_to_tsquery('{TS_CONFIG}', %s) AS query),"
               " hits AS (SELECT a.id, a.source, a.url, a.title, a.date, a.outlet, a.text, a.seq,"
               " ts_rank(a.tsv, query) AS rank FROM articles a, query"
               f" WHERE {' AND '.join(where)} ORDER BY rank DESC, a.seq LIMIT %s OFFSET %s)"
               f" SELECT h.id, h.source, h.url, h.title, h.date, h.outlet, ts_headline('{TS_CONFIG}', h.text, query,"
               f" 'StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords=24, MinWords=12, MaxFragments=1,"
               " FragmentDelimiter=…') AS marked FROM hits h, query ORDER BY h.rank DESC, h.seq")
        return [_with_marks(r, "snippet") for r in self._rows(_pg(sql), (text, *params, limit, offset))]

    def search_quotes(self, text: str, *, since: str | None = None, until: str | None = None,
                      limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Quotes matching ``text``, best first, with the matched spans of the quote."""
        where, params = date_bounds("q.date", since, until, ["q.tsv @@ query"], [])
        sql = (f"WITH query AS (SELECT websearch_to_tsquery('{TS_CONFIG}', %s) AS query),"
               " hits AS (SELECT q.article_id, q.idx, q.kind, q.start, q.\"end\", q.speaker_name,"
               " q.speaker_actor_id, q.date, q.text, q.seq, ts_rank(q.tsv, query) AS rank FROM quotes q, query"
               f" WHERE {' AND '.join(where)} ORDER BY rank DESC, q.seq LIMIT %s OFFSET %s)"
               " SELECT h.article_id, h.idx, h.kind, h.start, h.\"end\", h.speaker_name, h.speaker_actor_id,"
               " a.code AS speaker_code, h.date, ar.title AS article_title,"
               f" ts_headline('{TS_CONFIG}', h.text, query, 'StartSel={MARK_OPEN}, StopSel={MARK_CLOSE},"
               " HighlightAll=true') AS marked"
               " FROM hits h CROSS JOIN query LEFT JOIN actors a ON a.id = h.speaker_actor_id"
               " JOIN articles ar ON ar.id = h.article_id ORDER BY h.rank DESC, h.seq")
        return [_with_marks(r, "text") for r in self._rows(_pg(sql), (text, *params, limit, offset))]

    def quotes_matching(self, text: str, *, since: str | None = None, until: str | None = None,
                        limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Like ``quotes(search=text, ...)``: Postgres' planner chooses between the GIN index and the date index."""
        return self.quotes(search=text, since=since, until=until, limit=limit, offset=offset)

    def articles_matching(self, text: str, *, since: str | None = None, until: str | None = None,
                          limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Like ``list_articles(search=text, ...)``."""
        return self.list_articles(search=text, since=since, until=until, limit=limit, offset=offset)

    def iter_rows(self, what: str) -> Iterator[dict[str, Any]]:
        """Every row of ``what`` (quotes | events | articles | actors) as a flat dict, in insertion order."""
        if what not in _EXPORT_SQL:
            raise ValueError(f"unknown table {what!r}; expected one of {', '.join(_EXPORT_SQL)}")
        # A server-side cursor streams the rows; it needs a transaction of its own.
        with psycopg.connect(self.path, row_factory=dict_row) as conn, conn.cursor(name="export") as cur:
            cur.execute(_pg(_EXPORT_SQL[what]))
            for row in cur:
                yield event_row(row) if what == "events" else row


def _redacted(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        from psycopg.conninfo import conninfo_to_dict, make_conninfo

        parts = conninfo_to_dict(url)
        if parts.get("password"):
            parts["password"] = "***"
        return make_conninfo(**parts)
    except Exception:  # noqa: BLE001 - a message must never fail
        return url.split("@")[-1]
