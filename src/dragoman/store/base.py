"""The storage interface every backend implements."""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping, Protocol

from ..records import Article


class Store(Protocol):
    path: str

    def has_article(self, article_id: str) -> bool: ...

    def is_stored(self, article: Article) -> bool:
        """True when this prepared text is stored already from the same publisher (URL, else
        outlet) or names none (a re-run adds nothing); a byte-identical text that another
        publisher carried is a copy of its own, stored under another id."""

    def save_article(self, article: Article) -> bool:
        """Write one article and all its facts in one transaction; False if already stored.

        An article from a source that names one document (a file, a URL; not stdin, not a line
        of a JSON Lines file) replaces what that source stored before. A stored actor keeps its
        strongest reading (a real name over one made of its code, any kind over a bare place).
        Another writer's lock is waited out, not reported as an error."""

    def get_article(self, article_id: str) -> dict[str, Any] | None: ...

    def list_articles(self, *, search: str | None = None, since: str | None = None,
                      until: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]: ...

    def iter_articles(self) -> Iterator[dict[str, Any]]: ...

    def count(self, table: str) -> int: ...

    def quotes(self, *, speaker: str | None = None, about: str | None = None, since: str | None = None,
               until: str | None = None, search: str | None = None, article_id: str | None = None,
               limit: int = 50, offset: int = 0) -> list[dict[str, Any]]: ...

    def events(self, *, source: str | None = None, target: str | None = None, type: str | None = None,
               quad_class: str | None = None, since: str | None = None, until: str | None = None,
               article_id: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]: ...

    def actors(self, *, search: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]: ...

    def actor(self, name: str) -> dict[str, Any] | None: ...

    def close(self) -> None: ...

    # -- added for the views layer (dragoman.web, dragoman.export) ------------------------
    def stats(self) -> dict[str, Any]: ...

    def find_actor(self, name: str) -> dict[str, Any] | None: ...

    def search_articles(self, text: str, *, since: str | None = None, until: str | None = None,
                        limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Best matches first; each row has ``snippet`` and ``marks`` ([start, end) spans in it)."""

    def search_quotes(self, text: str, *, since: str | None = None, until: str | None = None,
                      limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Best matches first; each row has the quote ``text`` and ``marks`` ([start, end) spans in it)."""

    def quotes_matching(self, text: str, *, since: str | None = None, until: str | None = None,
                        limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """The rows of ``quotes(search=text, ...)``, newest first, fast for common words too."""

    def articles_matching(self, text: str, *, since: str | None = None, until: str | None = None,
                          limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """The rows of ``list_articles(search=text, ...)``, newest first, fast for common words too."""

    def actor_summary(self, actor_id: str, *, limit: int = 20) -> dict[str, Any] | None: ...

    def top_dyads(self, *, limit: int = 10, within: int = 5_000) -> list[dict[str, Any]]:
        """Pairs of actor codes (a, b, events) with the most events between them, among the newest events."""

    def top_actors(self, *, limit: int = 10, within: int = 500) -> list[dict[str, Any]]:
        """Actors (id, name, code, kind, mentions) mentioned most in the newest ``within`` articles."""

    def iter_rows(self, what: str) -> Iterator[dict[str, Any]]:
        """Every row of quotes | events | articles | actors as a flat dict, streamed."""


class WatchState(Protocol):
    """What ``dragoman watch`` keeps per source and per item (SQL in ``store/sources.py``)."""

    def save_source(self, source: dict[str, Any], origin: str) -> bool: ...

    def deactivate_sources(self, origin: str, keep: Iterable[str]) -> int: ...

    def remove_source(self, key: str) -> bool: ...

    def sources(self, *, active_only: bool = True) -> list[dict[str, Any]]: ...

    def source_health(self, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]: ...

    def record_poll(self, key: str, *, ok: bool, status: str, next_poll: float, error: str | None = None,
                    format: str | None = None) -> None: ...

    def add_items(self, source_key: str, items: Iterable[dict[str, Any]]) -> int: ...

    def offer_file(self, source_key: str, key: str, fingerprint: str) -> bool: ...

    def pending_items(self, source_key: str) -> list[dict[str, Any]]: ...

    def alias_item(self, key: str, alias: str) -> None: ...

    def watch_item(self, key: str) -> dict[str, Any] | None: ...

    def finish_item(self, key: str, status: str, *, article_id: str | None = None, error: str | None = None) -> None: ...

    def retry_item(self, key: str, error: str, *, max_attempts: int) -> bool: ...

    def http_validators(self, url: str) -> tuple[str | None, str | None]: ...

    def save_http_validators(self, url: str, etag: str | None, last_modified: str | None,
                             parent: str | None = None) -> None: ...

    def listed_sitemaps(self, index_url: str) -> list[str]: ...
    # -- stories (dragoman.stories; SQL of the SQLite store in store/sqlite_stories.py) --------
    # save_article places each analysed article in a story (and marks a near-duplicate) in the same
    # transaction, through the StoryIndex methods below (see dragoman.stories.cluster.StoryIndex).
    def story_document_count(self) -> int: ...

    def story_document_frequencies(self, terms: Iterable[str]) -> Mapping[str, int]:
        """How many clustered articles hold each term (at least the terms asked for)."""

    def add_story_terms(self, terms: Iterable[str]) -> None: ...

    def duplicate_candidates(self, bands: Iterable[str], exclude: str) -> list[dict[str, Any]]:
        """Articles sharing a MinHash band: article_id, story_id, duplicate_of, signature, shingles."""

    def similar_articles(self, terms: Iterable[str], since: str | None, until: str | None, exclude: str,
                         limit: int) -> list[dict[str, Any]]:
        """Articles (undated, or dated in [since, until]) with the most of these key terms: article_id,
        story_id, terms (JSON of term counts)."""

    def save_assignment(self, assignment: Any) -> None:
        """Record a ``dragoman.stories.Assignment`` (and merge the stories it names)."""

    def clear_stories(self) -> None: ...

    def story_inputs(self) -> Iterator[Any]:
        """Every analysed article as a ``StoryInput``, by date (undated last), then as stored."""

    def recluster_stories(self) -> int:
        """Build every story again over the stored articles; returns how many were placed."""

    def stories(self, *, since: str | None = None, until: str | None = None, actor: str | None = None,
                search: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Stories, most recent first: id, label, first_seen, last_seen, n_articles, n_sources, n_duplicates."""

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story with its articles, outlets, actors, speakers, quotes (once each) and aggregated events."""

    def story_events(self, story_id: str) -> list[dict[str, Any]]:
        """Aggregated events: one per type, source and target, with num_articles/num_sources/num_mentions."""

    def article_story(self, article_id: str) -> dict[str, Any]:
        """{"story_id", "duplicate_of"} of one article (both None if it is in no story)."""

    def dyad(self, a: str, b: str, *, mentions: bool = False) -> list[dict[str, Any]]:
        """Per month, counts by quad class: aggregated events (one per story, type, source and
        target), or every event mention with ``mentions=True``."""
