"""Typed records passed between the pipeline stages.

Stages run in one direction (read -> clean -> parse -> actors -> quotes -> events ->
store -> views); each stage adds its own records and never reaches back into an earlier
stage. Every fact carries character offsets into ``Article.text`` (the cleaned text).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True, frozen=True)
class Actor:
    """A canonical actor from the dictionary or derived from a title in the text."""

    id: str  # stable key: Wikidata ID where known, else "ISO3", "ISO3 GOV", "igo:CSTO", ...
    name: str
    code: str  # CAMEO/PLOVER-style code: "RUS GOV", "ARM", "CSTO", "WST"
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # GOV, MIL, LEG, JUD, OPP, MED, BUS, CVL, REB, PRE, IGO
    kind: str = "country"  # person | country | igo | body | group
    role: str | None = None
    wikidata: str | None = None
    gender: str | None = None  # "f" / "m" for people, when known

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "kind": self.kind,
            "role": self.role,
            "wikidata": self.wikidata,
        }


@dataclass(slots=True)
class Mention:
    """A span of the text that names or points at an actor (or a plain place/entity)."""

    text: str
    start: int
    end: int
    label: str  # spaCy-style label: PERSON, ORG, GPE, NORP, LOC, ROLE, PRON, ...
    sentence: int
    actor: Actor | None = None
    rule: str = ""  # how the actor was found: "name", "surname", "title", "metonym", ...

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "sentence": self.sentence,
            "actor": self.actor.to_dict() if self.actor else None,
            "rule": self.rule,
        }


@dataclass(slots=True)
class Speaker:
    mention: str
    start: int
    end: int
    actor: Actor | None
    spelled: str | None = None  # the name as the article spells it, where it differs only in accents

    @property
    def name(self) -> str:
        return self.spelled or (self.actor.name if self.actor else self.mention)

    def to_dict(self) -> dict[str, Any]:
        return {
            "mention": self.mention,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "actor": self.actor.code if self.actor else None,
            "actor_id": self.actor.id if self.actor else None,
        }


@dataclass(slots=True)
class Quote:
    text: str
    kind: str  # direct | mixed | indirect
    start: int
    end: int
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: Speaker | None
    sentence: int
    paragraph: int
    # '"A," she said. "B."': B's `continues` is A's start (one statement, two quoted spans)
    continues: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "cue": self.cue,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "sentence": self.sentence,
            "paragraph": self.paragraph,
            "continues": self.continues,
        }


@dataclass(slots=True)
class Party:
    """One side of an event: the actor and the words that named it."""

    actor: Actor
    mention: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        a = self.actor
        return {
            "code": a.code,
            "name": a.name,
            "id": a.id,
            "country": a.country,
            "sector": a.sector,
            "mention": self.mention,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Evidence:
    sentence: int
    sentence_start: int
    sentence_end: int
    text: str  # the sentence
    trigger: str
    trigger_start: int
    trigger_end: int
    quote_index: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    type: str  # PLOVER event type, e.g. "ACCUSE"
    mode: str | None
    cameo: str  # CAMEO code, e.g. "112"
    quad_class: str  # verbal cooperation | material cooperation | verbal conflict | material conflict
    intensity: float  # Goldstein value of the CAMEO code
    source: Party | None
    target: Party | None
    mutual: bool
    date: str | None
    location: str | None
    negated: bool
    hypothetical: bool
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        first = self.evidence[0] if self.evidence else None
        return {
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "intensity": self.intensity,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "mutual": self.mutual,
            "date": self.date,
            "location": self.location,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "sentence": first.text if first else None,
            "trigger": first.trigger if first else None,
            "quote_index": first.quote_index if first else None,
            "evidence": [e.to_dict() for e in self.evidence],
        }


# Article statuses of texts kept without analysis, and what to tell a user about them.
NOT_ANALYSED = {"not_english": "not English", "too_short": "too short to analyse",
                "no_article": "no article text (a sign-in, subscription or registration page)"}

@dataclass(slots=True)
class Article:
    id: str  # sha256 of the cleaned text, first 16 hex digits
    source: str
    text: str
    title: str | None = None
    date: str | None = None
    date_source: str | None = None  # where the date was found: given, metadata, htmldate, text
    outlet: str | None = None
    dateline: str | None = None
    url: str | None = None
    language: str = "en"
    status: str = "analysed"  # analysed | not_english | too_short | no_article | partial
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    reason: str | None = None  # why the status is "partial": the stage that failed and its error
    location: dict[str, Any] | None = None  # where it was filed from: its dateline resolved (dragoman.geo)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "date": self.date,
            "date_source": self.date_source,
            "outlet": self.outlet,
            "dateline": self.dateline,
            "location": self.location,
            "language": self.language,
            "status": self.status,
            "reason": self.reason,
            "text": self.text,
            "entities": [m.to_dict() for m in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
        }


@dataclass(slots=True)
class Failure:
    """An input that could not be read or analysed; the batch goes on without it. ``skipped``
    marks a file of a folder that is no article at all (a README, a picture): named, not failed."""

    source: str
    reason: str
    skipped: bool = False
