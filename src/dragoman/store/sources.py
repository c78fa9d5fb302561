"""What ``dragoman watch`` remembers: the sources it follows, every item it has seen, HTTP validators.

All of it lives here, in one migration and one mixin, so another backend can port it as a block.
The SQL is kept portable (``ON CONFLICT``, TEXT timestamps written by Python, no SQLite-only
functions); only the ``?`` placeholders need translating.

- ``watch_sources``: one row per followed URL or folder, with its health (last poll, last
  success, error counts, last error, when it is next due) and its item counters.
- ``watch_items``: one row per article URL (normalised) or folder file ever seen, so nothing is
  fetched twice; ``status`` goes pending -> done | failed | skipped, and only a committed
  article moves an item to done, so an interrupted run leaves it pending for the next one.
- ``watch_http``: the ETag and Last-Modified of every feed and sitemap, for conditional requests,
  and for a sitemap the index (``parent``) that lists it, so an unchanged index still has its
  sitemaps polled.
"""
from __future__ import annotations

import time
from typing import Any, Iterable

WATCH_MIGRATION = """
CREATE TABLE watch_sources (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    location TEXT NOT NULL,
    name TEXT,
    outlet TEXT,
    language TEXT,
    interval INTEGER,
    origin TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    added_at TEXT NOT NULL,
    format TEXT,
    last_poll TEXT,
    last_success TEXT,
    last_status TEXT,
    next_poll REAL,
    consecutive_errors INTEGER NOT NULL DEFAULT 0,
    error_count INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    items_seen INTEGER NOT NULL DEFAULT 0,
    items_analysed INTEGER NOT NULL DEFAULT 0,
    items_failed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE watch_items (
    key TEXT PRIMARY KEY,
    source_key TEXT NOT NULL,
    title TEXT,
    date TEXT,
    outlet TEXT,
    fingerprint TEXT,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    article_id TEXT,
    error TEXT,
    first_seen TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX watch_items_pending ON watch_items(source_key, status);
CREATE TABLE watch_http (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    parent TEXT,
    checked_at TEXT NOT NULL
);
CREATE INDEX watch_http_parent ON watch_http(parent);
"""

SOURCE_FIELDS = ("key", "kind", "location", "name", "outlet", "language", "interval")


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class WatchStateMixin:
    """Source and item bookkeeping for ``SQLiteStore`` (uses its ``self.db`` connection)."""

    db: Any

    # -- sources ------------------------------------------------------------------------
    def save_source(self, source: dict[str, Any], origin: str) -> bool:
        """Add a source, or update its settings and make it active again; True if it is new."""
        with self.db:
            new = self.db.execute("SELECT 1 FROM watch_sources WHERE key = ?", (source["key"],)).fetchone() is None
            self.db.execute(
                "INSERT INTO watch_sources (key, kind, location, name, outlet, language, interval, origin, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET name = excluded.name, outlet = excluded.outlet,"
                " language = excluded.language, interval = excluded.interval, active = 1",
                (*(source.get(f) for f in SOURCE_FIELDS), origin, now_iso()))
        return new

    def deactivate_sources(self, origin: str, keep: Iterable[str]) -> int:
        """Sources that came from ``origin`` (a sources file) and are no longer listed in it stop."""
        keep = set(keep)
        rows = self.db.execute("SELECT key FROM watch_sources WHERE origin = ? AND active = 1", (origin,)).fetchall()
        gone = [r[0] for r in rows if r[0] not in keep]
        with self.db:
            self.db.executemany("UPDATE watch_sources SET active = 0 WHERE key = ?", [(k,) for k in gone])
        return len(gone)

    def remove_source(self, key: str) -> bool:
        """Forget a source (its items stay, so its articles are still never fetched twice)."""
        with self.db:
            return self.db.execute("DELETE FROM watch_sources WHERE key = ?", (key,)).rowcount > 0

    def sources(self, *, active_only: bool = True) -> list[dict[str, Any]]:
        where = " WHERE active = 1" if active_only else ""
        rows = self.db.execute(f"SELECT * FROM watch_sources{where} ORDER BY added_at, key").fetchall()
        return [dict(r) for r in rows]

    def source_health(self, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Every source (active first) with its counts of pending items, for the dashboard and API."""
        rows = self.db.execute(
            "SELECT s.*, (SELECT count(*) FROM watch_items i WHERE i.source_key = s.key AND i.status = 'pending')"
            " AS items_pending FROM watch_sources s ORDER BY s.active DESC, s.added_at, s.key LIMIT ? OFFSET ?",
            (limit, offset)).fetchall()
        return [dict(r) for r in rows]

    def record_poll(self, key: str, *, ok: bool, status: str, next_poll: float, error: str | None = None,
                    format: str | None = None) -> None:
        stamp = now_iso()
        with self.db:
            if ok:
                self.db.execute(
                    "UPDATE watch_sources SET last_poll = ?, last_success = ?, last_status = ?, next_poll = ?,"
                    " consecutive_errors = 0, format = coalesce(?, format) WHERE key = ?",
                    (stamp, stamp, status, next_poll, format, key))
            else:
                self.db.execute(
                    "UPDATE watch_sources SET last_poll = ?, last_status = ?, next_poll = ?, last_error = ?,"
                    " consecutive_errors = consecutive_errors + 1, error_count = error_count + 1 WHERE key = ?",
                    (stamp, status, next_poll, error, key))

    # -- items --------------------------------------------------------------------------
    def add_items(self, source_key: str, items: Iterable[dict[str, Any]]) -> int:
        """Remember new item URLs as pending; URLs seen before (from any source) are left alone."""
        stamp, added = now_iso(), 0
        with self.db:
            for item in items:
                cur = self.db.execute(
                    "INSERT INTO watch_items (key, source_key, title, date, outlet, status, first_seen, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT (key) DO NOTHING",
                    (item["key"], source_key, item.get("title"), item.get("date"), item.get("outlet"), stamp, stamp))
                added += cur.rowcount
            self.db.execute("UPDATE watch_sources SET items_seen = items_seen + ? WHERE key = ?", (added, source_key))
        return added

    def offer_file(self, source_key: str, key: str, fingerprint: str) -> bool:
        """A folder file was seen with this size and mtime: True if it is new or changed (now pending)."""
        stamp = now_iso()
        with self.db:
            row = self.db.execute("SELECT fingerprint, status FROM watch_items WHERE key = ?", (key,)).fetchone()
            if row is not None and row[0] == fingerprint and row[1] != "pending":
                return False
            if row is None:
                self.db.execute(
                    "INSERT INTO watch_items (key, source_key, fingerprint, status, first_seen, updated_at)"
                    " VALUES (?, ?, ?, 'pending', ?, ?)", (key, source_key, fingerprint, stamp, stamp))
                self.db.execute("UPDATE watch_sources SET items_seen = items_seen + 1 WHERE key = ?", (source_key,))
            else:
                self.db.execute("UPDATE watch_items SET fingerprint = ?, status = 'pending', attempts = 0,"
                                " updated_at = ? WHERE key = ?", (fingerprint, stamp, key))
        return True

    def pending_items(self, source_key: str) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT * FROM watch_items WHERE source_key = ? AND status = 'pending'"
                               " ORDER BY first_seen, key", (source_key,)).fetchall()
        return [dict(r) for r in rows]

    def alias_item(self, key: str, alias: str) -> None:
        """``alias`` (where ``key`` redirected to) shares its outcome: a feed listing it later adds nothing."""
        stamp = now_iso()
        with self.db:
            self.db.execute(
                "INSERT INTO watch_items (key, source_key, status, article_id, error, first_seen, updated_at)"
                " SELECT ?, source_key, status, article_id, error, ?, ? FROM watch_items WHERE key = ?"
                " ON CONFLICT (key) DO NOTHING", (alias, stamp, stamp, key))

    def watch_item(self, key: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM watch_items WHERE key = ?", (key,)).fetchone()
        return dict(row) if row else None

    def finish_item(self, key: str, status: str, *, article_id: str | None = None, error: str | None = None) -> None:
        """Close an item: ``done`` (its article is stored), ``failed`` or ``skipped`` (with the reason)."""
        counter = {"done": "items_analysed", "failed": "items_failed"}.get(status)
        with self.db:
            source = self.db.execute("SELECT source_key FROM watch_items WHERE key = ?", (key,)).fetchone()
            self.db.execute("UPDATE watch_items SET status = ?, article_id = ?, error = ?, updated_at = ?"
                            " WHERE key = ?", (status, article_id, error, now_iso(), key))
            if counter and source:
                self.db.execute(f"UPDATE watch_sources SET {counter} = {counter} + 1 WHERE key = ?", (source[0],))

    def retry_item(self, key: str, error: str, *, max_attempts: int) -> bool:
        """A transient failure: the item stays pending until ``max_attempts``; True if it gave up."""
        row = self.db.execute("SELECT attempts FROM watch_items WHERE key = ?", (key,)).fetchone()
        attempts = (row[0] if row else 0) + 1
        if attempts >= max_attempts:
            self.finish_item(key, "failed", error=error)
            return True
        with self.db:
            self.db.execute("UPDATE watch_items SET attempts = ?, error = ?, updated_at = ? WHERE key = ?",
                            (attempts, error, now_iso(), key))
        return False

    # -- HTTP validators ----------------------------------------------------------------
    def http_validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.db.execute("SELECT etag, last_modified FROM watch_http WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_http_validators(self, url: str, etag: str | None, last_modified: str | None,
                             parent: str | None = None) -> None:
        with self.db:
            self.db.execute("INSERT INTO watch_http (url, etag, last_modified, parent, checked_at)"
                            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,"
                            " last_modified = excluded.last_modified, parent = excluded.parent,"
                            " checked_at = excluded.checked_at", (url, etag, last_modified, parent, now_iso()))

    def listed_sitemaps(self, index_url: str) -> list[str]:
        """The sitemaps a sitemap index listed when it was last read in full."""
        rows = self.db.execute("SELECT url FROM watch_http WHERE parent = ? ORDER BY url", (index_url,)).fetchall()
        return [r[0] for r in rows]
