"""The storage interface every backend implements."""
from __future__ import annotations

from typing import Any, Iterator, Protocol

from ..records import Article


class Store(Protocol):
    path: str

    def has_article(self, article_id: str) -> bool: ...

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

    def dyad(self, a: str, b: str) -> list[dict[str, Any]]: ...

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
