"""Online story clustering: each new article joins the story of its nearest stored article within
the time window (cosine of rarity-weighted word vectors), or starts a story of its own.

Near-duplicates are found first (``dedupe``): a copy points at the first copy and joins its story.
Everything goes through a ``StoryIndex`` (the store's story tables), so the same code runs on any
store and nothing is held in memory between articles.
"""
from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass
from datetime import date as Date, timedelta
from typing import Any, Iterable, Iterator, Mapping, Protocol

from .dedupe import Fingerprint, containments, fingerprint
from .settings import SETTINGS, StorySettings
from .text import cosine, term_counts, top_terms, trimmed, weigh

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What clustering reads of an article."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    actors: tuple[str, ...] = ()  # actor ids of its resolved mentions


@dataclass(frozen=True, slots=True)
class Assignment:
    article_id: str
    story_id: str
    duplicate_of: str | None
    similarity: float | None  # to the nearest article (containment for a duplicate), None for a new story
    fingerprint: Fingerprint
    counts: dict[str, int]  # stored term counts (the article's vector before weighting)
    key_terms: tuple[str, ...]
    label: str
    date: str | None
    merged: tuple[str, ...] = ()  # other stories the article was as close to: they join this one


class StoryIndex(Protocol):
    """The store side of clustering (implemented by ``store.sqlite_stories.StoryTables``)."""

    def story_document_count(self) -> int: ...

    def story_document_frequencies(self, terms: Iterable[str]) -> dict[str, int]: ...

    def add_story_terms(self, terms: Iterable[str]) -> None: ...

    def duplicate_candidates(self, bands: Iterable[str], exclude: str) -> list[dict[str, Any]]: ...

    def similar_articles(self, terms: Iterable[str], since: str | None, until: str | None, exclude: str,
                         limit: int) -> list[dict[str, Any]]: ...

    def save_assignment(self, assignment: Assignment) -> None: ...


def features(article: StoryInput, settings: StorySettings = SETTINGS) -> Counter[str]:
    """Word stems with counts, plus one feature per actor the article names (``@<actor id>``)."""
    counts = term_counts(article.text, settings)
    for _ in range(settings.actor_weight):
        counts.update(f"@{a}" for a in article.actors)
    return counts


def label_of(article: StoryInput, limit: int = 120) -> str:
    """A readable label: the headline, else the first line of the text."""
    first = (article.title or article.text.strip().split("\n", 1)[0]).strip()
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def window(day: str | None, days: int) -> tuple[str | None, str | None]:
    """ISO bounds of the window around ``day`` (None when the article is undated)."""
    if not day or len(day) < 10:
        return None, None
    try:
        d = Date.fromisoformat(day[:10])
    except ValueError:
        return None, None
    return (d - timedelta(days=days)).isoformat(), (d + timedelta(days=days)).isoformat() + "~"


def assign(index: StoryIndex, article: StoryInput, *, count_terms: bool = True,
           settings: StorySettings = SETTINGS) -> Assignment:
    """Find the article's story (and the copy it duplicates), record it in the index and return it.

    ``count_terms`` adds the article's terms to the document frequencies first; ``recluster``
    counts the whole store beforehand and passes False.
    """
    fp = fingerprint(article.text, settings)
    counts = features(article, settings)
    if count_terms:
        index.add_story_terms(counts)
    n_docs = index.story_document_count() + (1 if count_terms else 0)
    stored = trimmed(counts, settings.vector_terms)
    duplicate = _nearest_duplicate(index, article, fp, settings)
    if duplicate is not None:
        root, story, share = duplicate
        result = _assignment(article, story, root, share, fp, stored, (), settings)
        index.save_assignment(result)
        return result
    dfs = index.story_document_frequencies(counts)
    vector = weigh(counts, dfs, n_docs, settings)
    keys = tuple(top_terms(vector, settings.key_terms))
    stories, similarity = _near_stories(index, article, vector, _query_terms(keys, dfs, n_docs, settings), n_docs,
                                        settings)
    result = _assignment(article, stories[0] if stories else article.id, None, similarity, fp, stored, keys,
                         settings, tuple(stories[1:]) if settings.merge_stories else ())
    index.save_assignment(result)
    return result


def _assignment(article: StoryInput, story: str, duplicate_of: str | None, similarity: float | None,
                fp: Fingerprint, counts: dict[str, int], keys: tuple[str, ...],
                settings: StorySettings, merged: tuple[str, ...] = ()) -> Assignment:
    return Assignment(article.id, story, duplicate_of, similarity, fp, counts, keys, label_of(article), article.date,
                      merged)


def _nearest_duplicate(index: StoryIndex, article: StoryInput, fp: Fingerprint,
                       settings: StorySettings) -> tuple[str, str, float] | None:
    """(first copy, its story, containment) of the closest stored near-duplicate, if any."""
    best: tuple[float, str, str] | None = None
    candidates = index.duplicate_candidates(fp.bands, article.id)
    shares = containments(fp, [c["signature"] for c in candidates], [c["shingles"] for c in candidates])
    for cand, share in zip(candidates, shares.tolist()):
        if share < settings.duplicate_containment:
            continue
        root = cand["duplicate_of"] or cand["article_id"]
        if best is None or (share, root) > (best[0], best[1]):
            best = (share, root, cand["story_id"])
    return (best[1], best[2], round(best[0], 4)) if best else None


def _query_terms(keys: tuple[str, ...], dfs: Mapping[str, int], n_docs: int,
                 settings: StorySettings) -> tuple[str, ...]:
    """The key terms looked up in the term index: the heaviest ones rare enough that their
    postings stay short in a large store."""
    cap = max(settings.query_max_df, settings.query_max_df_share * n_docs)
    return tuple(t for t in keys if dfs.get(t, 0) <= cap)[: settings.query_terms]


def _near_stories(index: StoryIndex, article: StoryInput, vector: Mapping[str, float], keys: tuple[str, ...],
                  n_docs: int, settings: StorySettings) -> tuple[list[str], float | None]:
    """The stories with an article at least ``join_similarity`` close, nearest first, and the best
    similarity (reported even when it falls short)."""
    since, until = window(article.date, settings.window_days)
    candidates = index.similar_articles(keys, since, until, article.id, settings.candidates)
    if not candidates:
        return [], None
    vectors = [json.loads(c["terms"]) for c in candidates]
    dfs = index.story_document_frequencies({t for v in vectors for t in v})
    best: dict[str, float] = {}
    for cand, counts in zip(candidates, vectors):
        sim = cosine(vector, weigh(counts, dfs, n_docs, settings))
        best[cand["story_id"]] = max(sim, best.get(cand["story_id"], 0.0))
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
    top = round(ranked[0][1], 4)
    return [story for story, sim in ranked if sim >= settings.join_similarity], top


def recluster(index: Any, articles: Iterable[StoryInput] | None = None,
              settings: StorySettings = SETTINGS) -> Iterator[Assignment]:
    """Forget every story and build them again over the stored articles, earliest first.

    Document frequencies are counted over the whole store before any article is placed, and the
    articles are placed by date (then in the order they were stored), so running it again gives
    the same stories.
    """
    index.clear_stories()
    for article in index.story_inputs():
        index.add_story_terms(features(article, settings))
    for article in articles if articles is not None else index.story_inputs():
        yield assign(index, article, count_terms=False, settings=settings)
