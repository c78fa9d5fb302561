"""One analyzer for the whole test session: loading spaCy is the slow part."""
from __future__ import annotations

from functools import lru_cache

from dragoman.pipeline import Analyzer
from dragoman.records import Article


@lru_cache(maxsize=None)
def analyzer(actors_file: str | None = None) -> Analyzer:
    return Analyzer(actors_file=actors_file)


def analyze(text: str, date: str | None = None, actors_file: str | None = None) -> Article:
    return analyzer(actors_file).analyze_text(text, date=date)


def entity_actor(article: Article, surface: str, occurrence: int = 0):
    """The actor of the nth entity whose text is ``surface`` (None when unresolved)."""
    hits = [m for m in article.entities if m.text == surface]
    if len(hits) <= occurrence:
        raise AssertionError(f"no entity {surface!r} (#{occurrence}) in {[m.text for m in article.entities]}")
    return hits[occurrence].actor


def actor_code_of(article: Article, surface: str, occurrence: int = 0) -> str | None:
    actor = entity_actor(article, surface, occurrence)
    return actor.code if actor else None


def actor_name_of(article: Article, surface: str, occurrence: int = 0) -> str | None:
    actor = entity_actor(article, surface, occurrence)
    return actor.name if actor else None


def quote_starting(article: Article, words: str):
    for q in article.quotes:
        if words in q.text:
            return q
    raise AssertionError(f"no quote containing {words!r}; quotes: {[q.text[:50] for q in article.quotes]}")
