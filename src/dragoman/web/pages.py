"""The server-rendered dashboard: the same queries as the API, as HTML pages."""
from __future__ import annotations

from collections import Counter
from typing import Annotated, Any, Literal, Optional
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from . import queries, service
from .chart import dyad_chart
from .csvout import (ACTOR_COLUMNS, ARTICLE_COLUMNS, EVENT_COLUMNS, QUOTE_COLUMNS, all_rows, csv_response,
                     flat_event)
from .timeline import timelines
from .highlight import highlight_article
from .params import MAX_LIMIT, MAX_OFFSET, clean_text, date_range, paged
from .rendering import render
from .stores import StoreDep

PAGE_SIZE = 50
# "Lately" on the overview: counting over the whole store takes seconds once it is large.
RECENT_ARTICLES = 500
RECENT_EVENTS = 5_000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Text = Optional[str]
Format = Optional[Literal["html", "csv"]]

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep):
    return render(request, "home.html", stats=store.stats(), articles=store.list_articles(limit=10),
                  actors=store.top_actors(limit=12, within=RECENT_ARTICLES), quotes=store.quotes(limit=5),
                  events=store.events(limit=8), dyads=store.top_dyads(limit=8, within=RECENT_EVENTS),
                  recent_articles=RECENT_ARTICLES, recent_events=RECENT_EVENTS,
                  timeline=timelines(store, since=_year_before(queries.latest_date(store))))


def _year_before(day: str | None) -> str | None:
    """A year before ``day`` (the home page's timelines show the latest year)."""
    if not day or len(day) < 4 or not day[:4].isdigit():
        return None
    return f"{int(day[:4]) - 1}{day[4:10]}"


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, store: StoreDep, q: Text = None, since: Text = None, until: Text = None,
             limit: Limit = PAGE_SIZE, offset: Offset = 0, format: Format = None):
    first, last = date_range(since, until)
    if format == "csv":
        fetch = lambda **page: service.articles(store, search=clean_text(q, "q"), since=first, until=last, **page)
        return csv_response(all_rows(fetch), ARTICLE_COLUMNS, "articles")
    rows = service.articles(store, search=clean_text(q, "q"), since=first, until=last, limit=limit + 1,
                            offset=offset)
    return render(request, "articles.html", page=paged(rows, limit, offset), q=q or "", since=since or "",
                  until=until or "")


def _actors_in(article: dict[str, Any]) -> list[dict[str, Any]]:
    """The actors an article mentions, most mentioned first."""
    counts: Counter[str] = Counter()
    seen: dict[str, dict[str, Any]] = {}
    for entity in article["entities"]:
        if entity.get("actor"):
            counts[entity["actor"]["id"]] += 1
            seen[entity["actor"]["id"]] = entity["actor"]
    return [{**seen[actor_id], "mentions": n} for actor_id, n in counts.most_common()]


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, store: StoreDep, article_id: Annotated[str, Path(max_length=200)]):
    found = store.get_article(article_id)
    if found is None:
        raise HTTPException(404, f"No article with id {article_id!r}.")
    text_html, skipped = highlight_article(found)
    return render(request, "article.html", article=found, text_html=text_html, skipped=skipped,
                  actors=_actors_in(found))


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, store: StoreDep, q: Text = None, limit: Limit = PAGE_SIZE, offset: Offset = 0,
           format: Format = None):
    if format == "csv":
        fetch = lambda **page: store.actors(search=clean_text(q, "q"), **page)
        return csv_response(all_rows(fetch), ACTOR_COLUMNS, "actors")
    rows = store.actors(search=clean_text(q, "q"), limit=limit + 1, offset=offset)
    return render(request, "actors.html", page=paged(rows, limit, offset), q=q or "")


@router.get("/actors/{actor:path}", response_class=HTMLResponse)
def actor(request: Request, store: StoreDep, actor: Annotated[str, Path(min_length=1, max_length=200)]):
    profile = service.actor_profile(store, actor)
    if profile is None:
        raise HTTPException(404, f"No actor matches {actor!r}.")
    profile["partners"] = queries.counterparts(store, profile["id"], profile["partners"])
    return render(request, "actor.html", actor=profile, timeline=timelines(store, actor=profile["id"]))


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, store: StoreDep, q: Text = None, speaker: Text = None, about: Text = None,
           since: Text = None, until: Text = None, limit: Limit = PAGE_SIZE, offset: Offset = 0,
           format: Format = None):
    first, last = date_range(since, until)

    def fetch(**page):
        return service.quotes(store, speaker=clean_text(speaker, "speaker"), about=clean_text(about, "about"),
                              since=first, until=last, search=clean_text(q, "q"), **page)

    if format == "csv":
        return csv_response(all_rows(fetch), QUOTE_COLUMNS, "quotes")
    rows = fetch(limit=limit + 1, offset=offset)
    form = {"q": q or "", "speaker": speaker or "", "about": about or "", "since": since or "", "until": until or ""}
    return render(request, "quotes.html", page=paged(rows, limit, offset), form=form)


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, store: StoreDep, source: Text = None, target: Text = None, type: Text = None,
           quad_class: Text = None, since: Text = None, until: Text = None, limit: Limit = PAGE_SIZE,
           offset: Offset = 0, format: Format = None):
    from .pictures import event_filters

    filters = event_filters(source, target, type, quad_class, since, until)
    if format == "csv":
        rows = (flat_event(r) for r in all_rows(lambda **page: store.events(**filters, **page)))
        return csv_response(rows, EVENT_COLUMNS, "events")
    rows = store.events(**filters, limit=limit + 1, offset=offset)
    form = {**{k: v or "" for k, v in filters.items()}, "since": since or "", "until": until or ""}
    query = urlencode({k: v for k, v in filters.items() if v})
    return render(request, "events.html", page=paged(rows, limit, offset), form=form, query=query)


@router.get("/dyad", response_class=HTMLResponse)
def dyad(request: Request, store: StoreDep, a: Text = None, b: Text = None, limit: Limit = PAGE_SIZE,
         offset: Offset = 0):
    a, b = clean_text(a, "a"), clean_text(b, "b")
    if not (a and b):
        return render(request, "dyad.html", result=None, a=a or "", b=b or "",
                      dyads=store.top_dyads(limit=15, within=RECENT_EVENTS), recent_events=RECENT_EVENTS)
    result = service.dyad(store, a, b, limit=limit, offset=offset)
    if result is None:
        raise HTTPException(404, f"No actor matches {a!r} or {b!r}.")
    title = f"Cooperation and conflict between {a} and {b}, by month"
    return render(request, "dyad.html", result=result, a=a, b=b, chart=dyad_chart(result["months"], title=title),
                  dyads=[])


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep, q: Text = None,
           kind: Literal["all", "articles", "quotes"] = "all", limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
           offset: Offset = 0):
    text = clean_text(q, "q")
    results = service.search(store, text, kind=kind, limit=limit, offset=offset) if text else None
    return render(request, "search.html", q=q or "", kind=kind, results=results)


@router.get("/api", response_class=HTMLResponse)
def api_reference(request: Request):
    """The API described from its own OpenAPI document, rendered here so it works offline."""
    spec = request.app.openapi()
    return render(request, "api.html", spec=spec, paths=spec.get("paths", {}))
