"""Stories in the API (/api/stories) and the dashboard (/stories): articles about one news story,
near-duplicates collapsed, events counted once across outlets."""
from __future__ import annotations

from typing import Annotated, Any, Optional

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import Field

from .params import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, clean_text, date_range, paged
from .schemas import Model, Page, Problem
from .stores import StoreDep

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, 1-{MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
StoryId = Annotated[str, Path(max_length=200)]


class StorySummary(Model):
    id: str
    label: str = Field(description="the earliest headline (or first line) of the story")
    first_seen: Optional[str] = None
    last_seen: Optional[str] = None
    n_articles: int
    n_sources: int = Field(description="distinct outlets (else URLs or files) carrying it")
    n_duplicates: int = Field(description="articles that are near-duplicates of another in the story")


class StoryArticle(Model):
    id: str
    title: Optional[str] = None
    date: Optional[str] = None
    outlet: Optional[str] = None
    source: str
    url: Optional[str] = None
    duplicate_of: Optional[str] = Field(None, description="the first copy, if this is a near-duplicate")
    similarity: Optional[float] = Field(None, description="to its nearest article when it joined (containment for a copy)")


class StoryQuote(Model):
    article_id: str
    idx: int
    text: str
    kind: str
    speaker_name: Optional[str] = None
    speaker_actor_id: Optional[str] = None
    speaker_code: Optional[str] = None
    date: Optional[str] = None
    num_articles: int
    num_sources: int
    sources: list[str]


class StoryEvidence(Model):
    article_id: str
    event_idx: int
    source: str
    text: Optional[str] = None
    trigger: Optional[str] = None
    trigger_start: Optional[int] = None
    trigger_end: Optional[int] = None


class AggregatedEvent(Model):
    story_id: str
    type: str
    cameo: Optional[str] = None
    quad_class: Optional[str] = None
    intensity: Optional[float] = None
    source_actor_id: Optional[str] = None
    source_code: Optional[str] = None
    source_name: Optional[str] = None
    target_actor_id: Optional[str] = None
    target_code: Optional[str] = None
    target_name: Optional[str] = None
    date: Optional[str] = None
    last_date: Optional[str] = None
    negated: bool
    hypothetical: bool
    num_articles: int
    num_sources: int
    num_mentions: int
    evidence: list[StoryEvidence]


class StoryCount(Model):
    outlet: Optional[str] = None
    articles: int


class StorySpeaker(Model):
    name: Optional[str] = None
    actor_id: Optional[str] = None
    code: Optional[str] = None
    quotes: int


class StoryActor(Model):
    id: str
    name: Optional[str] = None
    code: Optional[str] = None
    mentions: int
    articles: int


class StoryDetail(StorySummary):
    articles: list[StoryArticle]
    outlets: list[StoryCount]
    actors: list[StoryActor]
    speakers: list[StorySpeaker]
    quotes: list[StoryQuote]
    events: list[AggregatedEvent]


api_router = APIRouter(prefix="/api")
pages_router = APIRouter(include_in_schema=False)


def _list(store: Any, since: str | None, until: str | None, actor: str | None, q: str | None, limit: int,
          offset: int) -> dict[str, Any]:
    first, last = date_range(since, until)
    rows = store.stories(since=first, until=last, actor=clean_text(actor, "actor"), search=clean_text(q, "q"),
                         limit=limit + 1, offset=offset)
    return paged(rows, limit, offset)


@api_router.get("/stories", response_model=Page[StorySummary], tags=["stories"],
                responses={400: {"model": Problem, "description": "a parameter is malformed"}},
                summary="Stories, most recent first")
def list_stories(store: StoreDep,
                 since: Annotated[Optional[str], Query(description="seen on or after: YYYY-MM-DD, YYYY-MM or YYYY")] = None,
                 until: Annotated[Optional[str], Query(description="seen on or before")] = None,
                 actor: Annotated[Optional[str], Query(description="an actor its articles name (id, code or name)")] = None,
                 q: Annotated[Optional[str], Query(description="full-text search in its articles")] = None,
                 limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    return _list(store, since, until, actor, q, limit, offset)


@api_router.get("/stories/{story_id}", response_model=StoryDetail, tags=["stories"],
                responses={404: {"model": Problem, "description": "nothing with that id"}},
                summary="One story: its articles, outlets, speakers, quotes and aggregated events")
def get_story(store: StoreDep, story_id: StoryId):
    found = store.story(story_id)
    if found is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    return found


@pages_router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, store: StoreDep, q: Optional[str] = None, actor: Optional[str] = None,
                 since: Optional[str] = None, until: Optional[str] = None, limit: Limit = 50, offset: Offset = 0):
    from .pages import render

    page = _list(store, since, until, actor, q, limit, offset)
    form = {"q": q or "", "actor": actor or "", "since": since or "", "until": until or ""}
    return render(request, "stories.html", page=page, form=form)


@pages_router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, store: StoreDep, story_id: StoryId):
    from .pages import render

    found = store.story(story_id)
    if found is None:
        raise HTTPException(404, f"No story with id {story_id!r}.")
    from .timeline import timelines

    return render(request, "story.html", story=found, timeline=_timeline(found["articles"]),
                  pictures=timelines(store, story_id=story_id))


def _timeline(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Articles per day, for the bar row on the story page."""
    days: dict[str, int] = {}
    for a in articles:
        if a.get("date"):
            days[a["date"][:10]] = days.get(a["date"][:10], 0) + 1
    top = max(days.values(), default=1)
    return [{"day": d, "n": n, "share": round(100 * n / top)} for d, n in sorted(days.items())]
