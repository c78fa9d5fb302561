"""The reading queries both stores share, written once in SQL that SQLite and Postgres both run.

The SQLite store runs them on its connection; the Postgres store on ``postgres_compat.SQLiteLike``,
which turns the ``?`` placeholders into ``%s`` and ``rowid`` into the ``seq`` column that keeps
insertion order there. What differs between the two is a hook each store defines:
``LIKE`` (SQLite's LIKE ignores case, Postgres needs ILIKE), ``_article_text_clause`` and
``_quote_text_clause`` (FTS5 against a ``tsvector``). Columns are named rather than ``*``, since
the Postgres tables also carry their private ``seq`` and ``tsv``.
"""
from __future__ import annotations

import json
import re
from typing import Any, Iterator

from .sqlite_stories import AGGREGATED_EVENTS

# An actor code as users type it: "RUS", "RUS GOV", "IGOUNO".
_CODE = re.compile(r"^[A-Z]{2,6}(?: [A-Z]{3})?$")

ARTICLE_COLUMNS = ("a.id, a.source, a.url, a.title, a.date, a.outlet, a.dateline, a.language, a.status, a.text,"
                   " a.analysed_at, a.reason, a.date_source")
ACTOR_COLUMNS = "a.id, a.name, a.code, a.country, a.sector, a.kind, a.role, a.wikidata"
QUOTE_SELECT = (
    'SELECT q.article_id, q.idx, q.text, q.kind, q.start, q."end", q.cue, q.speaker_mention,'
    " q.speaker_name, q.speaker_actor_id, a.code AS speaker_code, q.sentence, q.paragraph, q.date, q.continues,"
    " ar.title AS article_title, ar.source AS article_source"
    " FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_actor_id JOIN articles ar ON ar.id = q.article_id")
ARTICLE_SELECT = (
    "SELECT a.id, a.source, a.url, a.title, a.date, a.outlet, a.dateline, a.language, a.status,"
    " substr(a.text, 1, 240) AS snippet,"
    " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS n_quotes,"
    " (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events,"
    " sa.story_id, sa.duplicate_of FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id")
EVENT_SELECT = (
    "SELECT ev.article_id, ev.idx, ev.type, ev.mode, ev.cameo, ev.quad_class, ev.intensity,"
    " ev.source_actor_id, s.code AS source_code, s.name AS source_name, ev.source_mention,"
    " ev.target_actor_id, t.code AS target_code, t.name AS target_name, ev.target_mention,"
    " ev.mutual, ev.negated, ev.hypothetical, ev.date, ev.location, ev.sentence, ev.trigger,"
    " ev.quote_index, ev.evidence, ev.place, ar.title AS article_title, ar.source AS article_source"
    " FROM events ev LEFT JOIN actors s ON s.id = ev.source_actor_id"
    " LEFT JOIN actors t ON t.id = ev.target_actor_id JOIN articles ar ON ar.id = ev.article_id")
EVENT_FLAGS = ("mutual", "negated", "hypothetical")


def like_escape(value: str) -> str:
    """``value`` as a LIKE pattern that matches it literally (with ``ESCAPE '\\'``)."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fts_query(text: str) -> str:
    """Turn user words into an FTS5 query of quoted terms (no syntax errors from user input)."""
    terms = [t.replace('"', '""') for t in text.split() if t.strip()]
    return " ".join(f'"{t}"' for t in terms) or '""'


def date_bounds(column: str, since: str | None, until: str | None, where: list[str],
                params: list[Any]) -> tuple[list[str], list[Any]]:
    """``where`` and ``params`` with the date range on ``column`` added."""
    if since:
        where, params = [*where, f"{column} >= ?"], [*params, since]
    if until:
        where, params = [*where, f"{column} <= ?"], [*params, until]
    return where, params


def event_row(row: Any) -> dict[str, Any]:
    """A stored event as the API gives it: evidence and place decoded, flags as booleans."""
    d = dict(row)
    d["evidence"] = json.loads(d["evidence"]) if d["evidence"] else []
    for k in EVENT_FLAGS:
        d[k] = bool(d[k])
    if "place" in d:
        place = d.pop("place")
        d["location"] = json.loads(place) if place else ({"name": d["location"]} if d["location"] else None)
    return d


def _with_actor(row: Any) -> dict[str, Any]:
    d = dict(row)
    name, code = d.pop("actor_name"), d.pop("actor_code")
    d["actor"] = {"id": d["actor_id"], "name": name, "code": code} if d.get("actor_id") else None
    return d


class ReadQueries:
    """Articles, quotes, events, actors and dyads out of ``self.db``; see the module's docstring."""

    LIKE = "LIKE"

    def _article_text_clause(self, text: str) -> tuple[str, list[Any]]:
        """The WHERE term (over ``articles a``) of a full-text search; the Postgres store overrides it."""
        return "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [fts_query(text)]

    def _quote_text_clause(self, text: str) -> tuple[str, list[Any]]:
        """The WHERE term (over ``quotes q``) of a full-text search; the Postgres store overrides it."""
        return "q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", [fts_query(text)]

    # -- actors as users name them ----------------------------------------------------------
    def actor_ids(self, value: str) -> list[str]:
        """Actors a user means by ``value``: an id, a code ("RUS" takes "RUS GOV" and Russian
        officials), a name ("Russia" means what "RUS" means), or part of a name."""
        v = value.strip()
        if not v:
            return []
        if _CODE.match(v):
            return self._code_ids(v)
        if self.db.execute("SELECT 1 FROM actors WHERE id = ?", (v,)).fetchone():
            return [v]
        named = self.db.execute("SELECT id, code, kind FROM actors WHERE lower(name) = lower(?) ORDER BY rowid",
                                (v,)).fetchall()
        country = next((r["code"] for r in named if r["kind"] == "country"), None)
        if country:
            return self._code_ids(country)
        if named:
            return [r["id"] for r in named]
        rows = self.db.execute(f"SELECT id FROM actors WHERE name {self.LIKE} ? ESCAPE '\\' ORDER BY rowid",
                               (f"%{like_escape(v)}%",))
        return [r[0] for r in rows]

    def _code_ids(self, code: str) -> list[str]:
        rows = self.db.execute("SELECT id FROM actors WHERE code = ? OR code LIKE ? ESCAPE '\\' OR id = ? ORDER BY rowid",
                               (code, like_escape(code) + " %", code))
        return [r[0] for r in rows]

    def _actor_clause(self, column: str, value: str) -> tuple[str, list[Any]]:
        ids = self.actor_ids(value)
        if not ids:
            return "1 = 0", []
        return f"{column} IN ({','.join('?' * len(ids))})", ids

    # -- articles -----------------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in {"articles", "quotes", "events", "entities", "actors"}:
            raise ValueError(f"unknown table {table!r}")
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        row = self.db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        art = dict(row)
        art["entities"] = [_with_actor(r) for r in self.db.execute(
            'SELECT e.article_id, e.idx, e.text, e.start, e."end", e.label, e.sentence, e.actor_id, e.rule,'
            " a.name AS actor_name, a.code AS actor_code FROM entities e"
            " LEFT JOIN actors a ON a.id = e.actor_id WHERE e.article_id = ? ORDER BY e.idx", (article_id,))]
        art["quotes"] = self.quotes(article_id=article_id, limit=10_000)
        art["events"] = self.events(article_id=article_id, limit=10_000)
        art.update(self.article_story(article_id))
        return art

    def list_articles(self, *, search: str | None = None, since: str | None = None, until: str | None = None,
                      limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        where, params = [], []
        if search:
            clause, params = self._article_text_clause(search)
            where.append(clause)
        where, params = date_bounds("a.date", since, until, where, params)
        sql = ARTICLE_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY a.date IS NULL, a.date DESC, a.source LIMIT ? OFFSET ?"
        return [dict(r) for r in self.db.execute(sql, (*params, limit, offset))]

    def iter_articles(self) -> Iterator[dict[str, Any]]:
        for row in self.db.execute("SELECT id FROM articles ORDER BY rowid").fetchall():
            art = self.get_article(row[0])
            if art:
                yield art

    def stats(self) -> dict[str, Any]:
        """Row counts of the main tables and the span of article dates."""
        counts = {table: self.count(table) for table in ("articles", "quotes", "events", "actors", "entities")}
        first, last = self.db.execute("SELECT min(date), max(date) FROM articles").fetchone()
        return {**counts, "first_date": first, "last_date": last}

    # -- quotes and events --------------------------------------------------------------------
    def quotes(self, *, speaker: str | None = None, about: str | None = None, since: str | None = None,
               until: str | None = None, search: str | None = None, article_id: str | None = None,
               limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        where, params = [], []
        if speaker:
            clause, p = self._actor_clause("q.speaker_actor_id", speaker)
            if p:
                where.append(clause)
                params += p
            else:  # a speaker the actor layer could not resolve is still findable by name
                where.append(f"(q.speaker_actor_id IS NULL AND q.speaker_mention {self.LIKE} ? ESCAPE '\\')")
                params.append(f"%{like_escape(speaker)}%")
        if about:
            clause, p = self._actor_clause("e.actor_id", about)
            where.append("EXISTS (SELECT 1 FROM entities e WHERE e.article_id = q.article_id"
                         f' AND e.start >= q.start AND e."end" <= q."end" AND {clause})')
            params += p
        where, params = date_bounds("q.date", since, until, where, params)
        if search:
            clause, p = self._quote_text_clause(search)
            where.append(clause)
            params += p
        if article_id:
            where.append("q.article_id = ?")
            params.append(article_id)
        sql = QUOTE_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        order = "q.idx" if article_id else "q.date IS NULL, q.date DESC, q.article_id, q.idx"
        return [dict(r) for r in self.db.execute(f"{sql} ORDER BY {order} LIMIT ? OFFSET ?",
                                                 (*params, limit, offset))]

    def events(self, *, source: str | None = None, target: str | None = None, type: str | None = None,
               quad_class: str | None = None, since: str | None = None, until: str | None = None,
               article_id: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        where, params = self.event_filter(source=source, target=target, type=type, quad_class=quad_class,
                                          since=since, until=until, article_id=article_id)
        sql = EVENT_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        order = "ev.idx" if article_id else "ev.date IS NULL, ev.date DESC, ev.article_id, ev.idx"
        return [event_row(r) for r in self.db.execute(f"{sql} ORDER BY {order} LIMIT ? OFFSET ?",
                                                      (*params, limit, offset))]

    def dyad(self, a: str, b: str, *, mentions: bool = False) -> list[dict[str, Any]]:
        """Per month, counts by quad class: aggregated events (one per story, type, source and
        target), or every event mention with ``mentions=True``."""
        ca, pa = self._actor_clause("ev.source_actor_id", a)
        cb, pb = self._actor_clause("ev.target_actor_id", b)
        ca2, pa2 = self._actor_clause("ev.target_actor_id", a)
        cb2, pb2 = self._actor_clause("ev.source_actor_id", b)
        where = f"ev.date IS NOT NULL AND NOT ev.hypothetical AND (({ca} AND {cb}) OR ({ca2} AND {cb2}))"
        rows = where if mentions else "1 = 1"
        source = "events ev" if mentions else f"({AGGREGATED_EVENTS.format(where=where)}) ev"
        sql = ("SELECT substr(ev.date, 1, 7) AS month, ev.quad_class, count(*) AS n, avg(ev.intensity) AS mean"
               f" FROM {source} WHERE {rows} GROUP BY month, ev.quad_class ORDER BY month")
        months: dict[str, dict[str, Any]] = {}
        for r in self.db.execute(sql, (*pa, *pb, *pa2, *pb2)):
            m = months.setdefault(r["month"], {"month": r["month"], "events": 0, "intensity_sum": 0.0,
                                               "verbal cooperation": 0, "material cooperation": 0,
                                               "verbal conflict": 0, "material conflict": 0})
            m[r["quad_class"]] = r["n"]
            m["events"] += r["n"]
            m["intensity_sum"] += float(r["mean"] or 0.0) * r["n"]
        out = []
        for m in months.values():
            m["mean_intensity"] = round(m.pop("intensity_sum") / m["events"], 2) if m["events"] else None
            out.append(m)
        return out

    # -- actors ---------------------------------------------------------------------------------
    def actors(self, *, search: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        sql = (f"SELECT {ACTOR_COLUMNS}, (SELECT count(*) FROM entities e WHERE e.actor_id = a.id) AS mentions,"
               " (SELECT count(DISTINCT e.article_id) FROM entities e WHERE e.actor_id = a.id) AS articles,"
               " (SELECT count(*) FROM quotes q WHERE q.speaker_actor_id = a.id) AS quotes"
               " FROM actors a")
        params: list[Any] = []
        if search:
            sql += f" WHERE a.name {self.LIKE} ? ESCAPE '\\' OR a.code {self.LIKE} ? ESCAPE '\\' OR a.id = ?"
            params += [f"%{like_escape(search)}%", f"{like_escape(search)}%", search]
        sql += " ORDER BY mentions DESC, a.name LIMIT ? OFFSET ?"
        return [dict(r) for r in self.db.execute(sql, (*params, limit, offset))]

    def find_actor(self, name: str) -> dict[str, Any] | None:
        """The one actor ``name`` most likely means: by id, code (the country first), name, the
        words the articles used for it, then part of a name (the shortest)."""
        cols, like = ACTOR_COLUMNS, self.LIKE
        for sql, arg in ((f"SELECT {cols} FROM actors a WHERE a.id = ?", name),
                         (f"SELECT {cols} FROM actors a WHERE upper(a.code) = upper(?)"
                          " ORDER BY coalesce(a.kind, '') != 'country', a.rowid", name),
                         (f"SELECT {cols} FROM actors a WHERE a.name {like} ? ESCAPE '\\' ORDER BY a.rowid",
                          like_escape(name)),
                         (f"SELECT {cols} FROM actors a JOIN entities e ON e.actor_id = a.id"
                          f" WHERE e.text {like} ? ESCAPE '\\' GROUP BY a.id ORDER BY count(*) DESC, a.rowid",
                          like_escape(name)),
                         (f"SELECT {cols} FROM actors a WHERE a.name {like} ? ESCAPE '\\'"
                          " ORDER BY length(a.name), a.rowid", f"%{like_escape(name)}%")):
            row = self.db.execute(sql, (arg,)).fetchone()
            if row:
                return dict(row)
        return None

    def actor(self, name: str) -> dict[str, Any] | None:
        found = self.find_actor(name)
        if not found:
            return None
        aid = found["id"]
        found["aliases"] = [r[0] for r in self.db.execute(
            "SELECT text FROM entities WHERE actor_id = ? GROUP BY text ORDER BY count(*) DESC, text", (aid,))]
        found["articles"] = [dict(r) for r in self.db.execute(
            "SELECT ar.id, ar.title, ar.date, ar.source, count(*) AS mentions FROM entities e"
            " JOIN articles ar ON ar.id = e.article_id WHERE e.actor_id = ?"
            " GROUP BY ar.id ORDER BY ar.date, ar.rowid", (aid,))]
        found["quotes_by"] = self.quotes(speaker=aid, limit=1000)
        found["quotes_about"] = self.quotes(about=aid, limit=1000)
        found["events_as_source"] = self.events(source=aid, limit=1000)
        found["events_as_target"] = self.events(target=aid, limit=1000)
        return found

    def actor_summary(self, actor_id: str, *, limit: int = 20) -> dict[str, Any] | None:
        """One actor by exact id: the words that named it, its roles and its usual counterparts."""
        row = self.db.execute(f"SELECT {ACTOR_COLUMNS} FROM actors a WHERE a.id = ?", (actor_id,)).fetchone()
        if row is None:
            return None
        found = dict(row)
        found["aliases"] = [dict(r) for r in self.db.execute(
            "SELECT text, count(*) AS n FROM entities WHERE actor_id = ? GROUP BY text"
            " ORDER BY n DESC, text LIMIT ?", (actor_id, limit))]
        titles = [r[0] for r in self.db.execute(
            "SELECT min(text) FROM entities WHERE actor_id = ? AND (label = 'ROLE' OR rule = 'title')"
            " GROUP BY lower(text) ORDER BY count(*) DESC, lower(text) LIMIT ?", (actor_id, limit))]
        found["roles"] = list(dict.fromkeys(r for r in [found.get("role"), *titles] if r))
        found["mentions"], found["articles"] = self.db.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM entities WHERE actor_id = ?", (actor_id,)).fetchone()
        found["partners"] = [dict(r) for r in self.db.execute(
            "SELECT p.other AS id, x.name, x.code, count(*) AS events FROM ("
            " SELECT target_actor_id AS other FROM events WHERE source_actor_id = ? AND target_actor_id IS NOT NULL"
            " UNION ALL"
            " SELECT source_actor_id FROM events WHERE target_actor_id = ? AND source_actor_id IS NOT NULL"
            ") p JOIN actors x ON x.id = p.other WHERE p.other != ?"
            " GROUP BY p.other, x.name, x.code ORDER BY events DESC, x.name LIMIT ?",
            (actor_id, actor_id, actor_id, limit))]
        return found

    def top_dyads(self, *, limit: int = 10, within: int = 5_000) -> list[dict[str, Any]]:
        """The pairs of actor codes with the most events between them (either way round) among the
        newest ``within`` events: counting them all takes seconds on a large store."""
        sql = ("WITH recent AS (SELECT source_actor_id AS s, target_actor_id AS t FROM events"
               " ORDER BY date IS NULL, date DESC, article_id, idx LIMIT ?)"
               " SELECT CASE WHEN sa.code < ta.code THEN sa.code ELSE ta.code END AS a,"
               " CASE WHEN sa.code < ta.code THEN ta.code ELSE sa.code END AS b, count(*) AS events FROM recent r"
               " JOIN actors sa ON sa.id = r.s JOIN actors ta ON ta.id = r.t WHERE sa.code != ta.code"
               " GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?")
        return [dict(r) for r in self.db.execute(sql, (within, limit))]

    def top_actors(self, *, limit: int = 10, within: int = 500) -> list[dict[str, Any]]:
        """The actors mentioned most in the newest ``within`` articles, with their mention counts."""
        sql = ("WITH recent AS (SELECT id FROM articles ORDER BY date IS NULL, date DESC, source LIMIT ?)"
               " SELECT x.id, x.name, x.code, x.kind, count(*) AS mentions FROM recent r"
               " JOIN entities e ON e.article_id = r.id JOIN actors x ON x.id = e.actor_id"
               " GROUP BY x.id ORDER BY mentions DESC, x.name LIMIT ?")
        return [dict(r) for r in self.db.execute(sql, (within, limit))]
