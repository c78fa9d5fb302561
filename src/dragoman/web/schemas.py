"""Response models: they document the API in its OpenAPI schema and keep its shape stable."""
from __future__ import annotations

from typing import Generic, Optional, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Model(BaseModel):
    # Columns a newer store adds are dropped, not an error.
    model_config = ConfigDict(extra="ignore")


class Page(Model, Generic[T]):
    limit: int
    offset: int
    has_more: bool = Field(description="true if more items follow this page")
    next_offset: Optional[int] = Field(None, description="the offset of the next page, if any")
    items: list[T]


class Stats(Model):
    articles: int
    quotes: int
    events: int
    actors: int
    entities: int
    first_date: Optional[str] = None
    last_date: Optional[str] = None


class ActorRef(Model):
    id: str
    name: Optional[str] = None
    code: Optional[str] = None


class ArticleFields(Model):
    """What every view of an article carries."""

    id: str
    source: str
    url: Optional[str] = None
    title: Optional[str] = None
    date: Optional[str] = None
    outlet: Optional[str] = None
    dateline: Optional[str] = None
    language: Optional[str] = None
    status: Optional[str] = None


class ArticleSummary(ArticleFields):
    snippet: Optional[str] = Field(None, description="the first 240 characters of the text")
    n_quotes: int = 0
    n_events: int = 0
    story_id: Optional[str] = Field(None, description="the story the article belongs to")
    duplicate_of: Optional[str] = Field(None, description="the first copy, if the article is a near-duplicate")


class Entity(Model):
    idx: int
    text: str
    start: int = Field(description="character offset into the article text")
    end: int
    label: str
    sentence: Optional[int] = None
    actor_id: Optional[str] = None
    rule: Optional[str] = None
    actor: Optional[ActorRef] = None


class QuoteOut(Model):
    article_id: str
    idx: int
    text: str
    kind: str = Field(description="direct | mixed | indirect")
    start: int = Field(description="character offset of the quote in the article text")
    end: int
    cue: Optional[str] = None
    speaker_mention: Optional[str] = None
    speaker_name: Optional[str] = None
    speaker_actor_id: Optional[str] = None
    speaker_code: Optional[str] = None
    sentence: Optional[int] = None
    paragraph: Optional[int] = None
    date: Optional[str] = None
    article_title: Optional[str] = None
    article_source: Optional[str] = None


class EvidenceOut(Model):
    sentence: Optional[int] = None
    sentence_start: Optional[int] = None
    sentence_end: Optional[int] = None
    text: Optional[str] = None
    trigger: Optional[str] = None
    trigger_start: Optional[int] = None
    trigger_end: Optional[int] = None
    quote_index: Optional[int] = None


class LocationOut(Model):
    name: Optional[str] = Field(None, description="the place's name in the gazetteer (or as written)")
    country: Optional[str] = Field(None, description="ISO 3166-1 alpha-3")
    lat: Optional[float] = None
    lon: Optional[float] = None
    precision: Optional[str] = Field(None, description="city or country")
    geonameid: Optional[int] = None
    mention: Optional[str] = Field(None, description="the words of the article that named it")
    basis: Optional[str] = Field(None, description="how it was told: clause (the event's own), sentence, dateline or party (country)")


class EventOut(Model):
    article_id: str
    idx: int
    type: str = Field(description="PLOVER event type")
    mode: Optional[str] = None
    cameo: Optional[str] = None
    quad_class: Optional[str] = None
    intensity: Optional[float] = Field(None, description="Goldstein value of the CAMEO code")
    source_actor_id: Optional[str] = None
    source_code: Optional[str] = None
    source_name: Optional[str] = None
    source_mention: Optional[str] = None
    target_actor_id: Optional[str] = None
    target_code: Optional[str] = None
    target_name: Optional[str] = None
    target_mention: Optional[str] = None
    mutual: bool = False
    negated: bool = False
    hypothetical: bool = False
    date: Optional[str] = None
    location: Optional[Union[LocationOut, str]] = None
    sentence: Optional[str] = Field(None, description="the sentence the event was read from")
    trigger: Optional[str] = None
    quote_index: Optional[int] = None
    evidence: list[EvidenceOut] = []
    article_title: Optional[str] = None


class ArticleDetail(ArticleFields):
    reason: Optional[str] = Field(None, description="for status 'partial': the stage that failed and its error")
    analysed_at: Optional[str] = None
    story_id: Optional[str] = Field(None, description="the story the article belongs to")
    duplicate_of: Optional[str] = Field(None, description="the first copy, if the article is a near-duplicate")
    text: str
    entities: list[Entity]
    quotes: list[QuoteOut]
    events: list[EventOut]


class ActorFields(Model):
    """An actor as the dictionary defines it."""

    id: str
    name: str
    code: str
    country: Optional[str] = None
    sector: Optional[str] = None
    kind: Optional[str] = None
    role: Optional[str] = None
    wikidata: Optional[str] = None


class ActorOut(ActorFields):
    mentions: int = 0
    articles: int = 0
    quotes: int = Field(0, description="quotes spoken by this actor")


class Alias(Model):
    text: str
    n: int


class Partner(Model):
    id: str
    name: Optional[str] = None
    code: Optional[str] = None
    events: int


class ActorProfile(ActorFields):
    mentions: int
    articles: int
    aliases: list[Alias]
    roles: list[str]
    partners: list[Partner] = Field(description="actors it most often acts on or is acted on by")
    quotes_by: Page[QuoteOut]
    quotes_about: Page[QuoteOut]
    events_as_source: Page[EventOut]
    events_as_target: Page[EventOut]


class DyadMonth(Model):
    month: str
    events: int
    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    mean_intensity: Optional[float] = None


class DyadSide(Model):
    query: str
    actor: Optional[ActorRef] = None


class Dyad(Model):
    a: DyadSide
    b: DyadSide
    months: list[DyadMonth] = Field(description="dated, non-hypothetical events either way, by month")
    totals: dict[str, int]
    events: Page[EventOut]


class ArticleHit(Model):
    id: str
    source: str
    url: Optional[str] = None
    title: Optional[str] = None
    date: Optional[str] = None
    outlet: Optional[str] = None
    snippet: str
    marks: list[tuple[int, int]] = Field(description="[start, end) of each match in the snippet")


class QuoteHit(Model):
    article_id: str
    idx: int
    text: str
    kind: str
    start: int
    end: int
    speaker_name: Optional[str] = None
    speaker_actor_id: Optional[str] = None
    speaker_code: Optional[str] = None
    date: Optional[str] = None
    article_title: Optional[str] = None
    marks: list[tuple[int, int]] = Field(description="[start, end) of each match in the quote text")


class SearchResults(Model):
    query: str
    articles: Optional[Page[ArticleHit]] = None
    quotes: Optional[Page[QuoteHit]] = None


class Problem(Model):
    detail: str
