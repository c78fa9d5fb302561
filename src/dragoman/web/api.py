"""The read-only JSON API under /api/."""
from __future__ import annotations

from typing import Annotated, Literal, Optional

from fastapi import APIRouter, HTTPException, Path, Query

from . import service
from .params import (DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, clean_text, date_range, paged, parse_event_type,
                     parse_quad_class)
from .schemas import (ActorOut, ActorProfile, ArticleDetail, ArticleSummary, Dyad, EventOut, Page, Problem,
                      QuoteOut, SearchResults, Stats)
from .stores import StoreDep

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, 1-{MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
Since = Annotated[Optional[str], Query(description="first date, inclusive: YYYY-MM-DD, YYYY-MM or YYYY")]
Until = Annotated[Optional[str], Query(description="last date, inclusive: YYYY-MM-DD, YYYY-MM or YYYY")]
ActorParam = Annotated[Optional[str], Query(description="actor id, code (RUS also takes RUS GOV) or name")]

BAD_REQUEST = {400: {"model": Problem, "description": "a parameter is malformed (e.g. a bad date)"}}
NOT_FOUND = {404: {"model": Problem, "description": "nothing with that id"}}

router = APIRouter(prefix="/api")


@router.get("/stats", response_model=Stats, tags=["overview"], summary="Row counts and date span")
def stats(store: StoreDep):
    return store.stats()


@router.get("/articles", response_model=Page[ArticleSummary], tags=["articles"], responses=BAD_REQUEST,
            summary="Articles, newest first")
def list_articles(store: StoreDep, q: Annotated[Optional[str], Query(description="full-text search")] = None,
                  since: Since = None, until: Until = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    first, last = date_range(since, until)
    rows = service.articles(store, search=clean_text(q, "q"), since=first, until=last, limit=limit + 1,
                            offset=offset)
    return paged(rows, limit, offset)


@router.get("/articles/{article_id}", response_model=ArticleDetail, tags=["articles"], responses=NOT_FOUND,
            summary="One article with its entities, quotes and events (with character offsets)")
def get_article(store: StoreDep, article_id: Annotated[str, Path(max_length=200)]):
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return article


@router.get("/quotes", response_model=Page[QuoteOut], tags=["quotes"], responses=BAD_REQUEST,
            summary="Quotes, newest first")
def list_quotes(store: StoreDep, speaker: ActorParam = None,
                about: Annotated[Optional[str], Query(description="an actor mentioned inside the quote")] = None,
                q: Annotated[Optional[str], Query(description="full-text search in the quote")] = None,
                article: Annotated[Optional[str], Query(description="only quotes from this article id")] = None,
                since: Since = None, until: Until = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    first, last = date_range(since, until)
    rows = service.quotes(store, speaker=clean_text(speaker, "speaker"), about=clean_text(about, "about"),
                          since=first, until=last, search=clean_text(q, "q"),
                          article_id=clean_text(article, "article"), limit=limit + 1, offset=offset)
    return paged(rows, limit, offset)


@router.get("/events", response_model=Page[EventOut], tags=["events"], responses=BAD_REQUEST,
            summary="Events, newest first")
def list_events(store: StoreDep, source: ActorParam = None, target: ActorParam = None,
                type: Annotated[Optional[str], Query(description="PLOVER type, e.g. ACCUSE")] = None,
                quad_class: Annotated[Optional[str], Query(
                    description="1-4 (GDELT numbering) or verbal cooperation | material cooperation | "
                                "verbal conflict | material conflict")] = None,
                article: Annotated[Optional[str], Query(description="only events from this article id")] = None,
                since: Since = None, until: Until = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    first, last = date_range(since, until)
    rows = store.events(source=clean_text(source, "source"), target=clean_text(target, "target"),
                        type=parse_event_type(type), quad_class=parse_quad_class(quad_class), since=first,
                        until=last, article_id=clean_text(article, "article"), limit=limit + 1, offset=offset)
    return paged(rows, limit, offset)


@router.get("/actors", response_model=Page[ActorOut], tags=["actors"], summary="Actors, most mentioned first")
def list_actors(store: StoreDep, q: Annotated[Optional[str], Query(description="name, code or id")] = None,
                limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    return paged(store.actors(search=clean_text(q, "q"), limit=limit + 1, offset=offset), limit, offset)


@router.get("/actors/{actor:path}", response_model=ActorProfile, tags=["actors"], responses=NOT_FOUND,
            summary="An actor's profile: aliases, roles, quotes by and about it, events as source and target")
def get_actor(store: StoreDep,
              actor: Annotated[str, Path(description="id, code or name", min_length=1, max_length=200)],
              limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items in each list")] = 20):
    profile = service.actor_profile(store, actor, limit=limit)
    if profile is None:
        raise HTTPException(404, f"no actor matches {actor!r}")
    return profile


@router.get("/dyad", response_model=Dyad, tags=["events"], responses={**BAD_REQUEST, **NOT_FOUND},
            summary="Cooperation and conflict between two actors, per month, with the events")
def get_dyad(store: StoreDep, a: Annotated[str, Query(min_length=1, max_length=200, description="first actor")],
             b: Annotated[str, Query(min_length=1, max_length=200, description="second actor")],
             limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    first, second = clean_text(a, "a"), clean_text(b, "b")
    if not (first and second):
        raise HTTPException(400, "a and b: give two actors (id, code or name)")
    result = service.dyad(store, first, second, limit=limit, offset=offset)
    if result is None:
        raise HTTPException(404, f"no actor matches {a!r} or {b!r}")
    return result


@router.get("/search", response_model=SearchResults, tags=["search"], responses=BAD_REQUEST,
            summary="Full-text search (FTS5) over article text and quotes, best matches first")
def search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=500, description="words to find")],
           kind: Annotated[Literal["all", "articles", "quotes"], Query(description="what to search")] = "all",
           since: Since = None, until: Until = None, limit: Limit = 20, offset: Offset = 0):
    text = clean_text(q, "q")
    if not text:
        raise HTTPException(400, "q: give some words to search for")
    first, last = date_range(since, until)
    return service.search(store, text, kind=kind, since=first, until=last, limit=limit, offset=offset)
