"""Locating an article's events, by the best evidence there is (``basis``):

- ``clause``: the place named in the event's own clause ("talks in Vienna");
- ``sentence``: a place the sentence puts something in ("in", "at", "near" ...) that is not one
  of the event's parties;
- ``dateline``: the city the article was filed from, for a statement whose source belongs to its
  country or to none ("MOSCOW — the ministry urged ...", "BRUSSELS — EU leaders met ...");
- ``party``: the country where such an act happens: a statement where its source is, a
  material act where its target is (country precision).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from ..records import Article, Event, Mention
from ..vocab import load_data
from .places import Place, Places, load_places
from .regions import region_country

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# A place in the sentence counts only where the words say it is a place ("talks in Geneva"), not
# where a country is a party to something else in the sentence ("Russia urged Armenia").
_SETTING_BEFORE = r"\b(?:{preps})\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$"


@lru_cache(maxsize=1)
def _setting() -> re.Pattern[str]:
    preps = (load_data("event_words.yaml") or {}).get("location_preps") or ["in", "at", "near"]
    return re.compile(_SETTING_BEFORE.format(preps="|".join(re.escape(p) for p in preps)), re.I)


def _is_setting(article: Article, mention: Mention) -> bool:
    return bool(_setting().search(article.text[max(0, mention.start - 40):mention.start]))


def location_name(location: Any) -> str | None:
    """The name of a location as stored in a text column: a resolved location's name or the text."""
    if isinstance(location, dict):
        return location.get("mention") or location.get("name")
    return location


def place_columns(location: Any) -> tuple[str | None, str | None]:
    """The stored form of a resolved location: its JSON and its country (None, None if unresolved)."""
    if not isinstance(location, dict):
        return None, None
    return json.dumps(location, ensure_ascii=False), location.get("country")


def _as_location(place: Place, mention: str | None, basis: str) -> dict[str, Any]:
    return {**place.to_dict(), "mention": mention, "basis": basis}


def _entity_place(mention: Mention, places: Places, prefer: list[str]) -> Place | None:
    """A place mention: by its name in the gazetteer, else the country the actor layer gave it,
    else the country of the region or province it names (at the country's point)."""
    found = places.resolve(mention.text, prefer)
    if found is None:
        code = mention.actor.country if mention.actor is not None else None
        country = places.country(code or region_country(mention.text))
        if country is not None:
            return Place(mention.text, country.country, country.lat, country.lon, "country")
    return found


def _party_spans(event: Event) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in (event.source, event.target) if p and p.start is not None]


def _in_sentence(event: Event, article: Article, places: Places, prefer: list[str]) -> dict[str, Any] | None:
    if not event.evidence:
        return None
    first = event.evidence[0]
    parties = _party_spans(event)
    for mention in article.entities:
        if mention.label not in PLACE_LABELS:
            continue
        if not (first.sentence_start <= mention.start and mention.end <= first.sentence_end):
            continue
        if any(s < mention.end and mention.start < e for s, e in parties) or not _is_setting(article, mention):
            continue
        place = _entity_place(mention, places, prefer)
        if place is not None:
            return _as_location(place, mention.text, "sentence")
    return None


def _named_in_clause(event: Event, article: Article, places: Places, prefer: list[str]) -> dict[str, Any] | None:
    name = event.location
    if not isinstance(name, str) or not name.strip():
        return None
    place = places.resolve(name, prefer)
    if place is None and region_country(name):
        country = places.country(region_country(name))
        place = Place(name, country.country, country.lat, country.lon, "country") if country else None
    if place is None and event.evidence:
        first = event.evidence[0]
        for mention in article.entities:
            if mention.text == name and first.sentence_start <= mention.start < first.sentence_end:
                place = _entity_place(mention, places, prefer)
                break
    return _as_location(place, name, "clause") if place else None


def preferred_countries(article: Article) -> list[str]:
    """Countries the article's actors belong to, most mentioned first: they settle ambiguous city names."""
    counts: dict[str, int] = {}
    for mention in article.entities:
        if mention.actor is not None and mention.actor.country:
            counts[mention.actor.country] = counts.get(mention.actor.country, 0) + 1
    return sorted(counts, key=lambda c: -counts[c])


def locate_article(article: Article, places: Places | None = None) -> dict[str, Any] | None:
    """Where the article was filed from: its dateline resolved, or None."""
    if not article.dateline:
        return None
    places = places or load_places()
    place = places.resolve(article.dateline, preferred_countries(article))
    return _as_location(place, article.dateline, "dateline") if place else None


def locate_events(article: Article, places: Places | None = None) -> None:
    """Set the article's location (its dateline resolved) and replace each event's location (the
    place text the events stage found, or None) by a resolved location dict, or None when no place
    can be told."""
    places = places or load_places()
    filed_from = article.location = locate_article(article, places)
    prefer = preferred_countries(article)
    for event in article.events:
        event.location = (_named_in_clause(event, article, places, prefer)
                          or _in_sentence(event, article, places, prefer)
                          or _filed_by_source(event, filed_from) or _party_country(event, places))


def _filed_by_source(event: Event, filed_from: dict[str, Any] | None) -> dict[str, Any] | None:
    """The dateline, for a statement whose source belongs to its country or to none (an international
    body): the words were said where the report was filed. Material acts happen where they happen."""
    if (event.quad_class or "").startswith("material"):
        return None
    if filed_from and event.source is not None and event.source.actor.country in (filed_from["country"], None):
        return filed_from
    return None


def _party_country(event: Event, places: Places) -> dict[str, Any] | None:
    """A statement is located where its source is; a material act where its target is."""
    parties = [event.source, event.target]
    if (event.quad_class or "").startswith("material"):
        parties.reverse()
    for party in parties:
        country = places.country(party.actor.country) if party is not None else None
        if country is not None:
            return _as_location(country, None, "party")  # no words of the article name the place
    return None
