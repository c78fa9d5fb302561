"""The dashboard's pictures, /map (where events happen) and /network (who deals with whom), and
their data in the API: /api/places and /api/network."""
from __future__ import annotations

from typing import Annotated, Any, Literal, Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from pydantic import Field
from fastapi.responses import HTMLResponse

from ..geo import load_places
from . import network as net
from . import queries
from .geomap import country_counts, world_map
from .params import clean_text, date_range, parse_event_type, parse_quad_class
from .schemas import Model
from .rendering import render
from .stores import StoreDep

Text = Optional[str]
router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api")
Level = Literal["country", "code", "actor"]


class PlaceCount(Model):
    name: Optional[str] = None
    country: Optional[str] = Field(None, description="ISO 3166-1 alpha-3")
    lat: Optional[float] = None
    lon: Optional[float] = None
    precision: Optional[str] = Field(None, description="city or country")
    geonameid: Optional[int] = None
    events: int


class CountryCount(Model):
    code: str
    name: str
    events: int


class Places(Model):
    countries: list[CountryCount]
    places: list[PlaceCount]


class NetworkNode(Model):
    key: str = Field(description="a country or body code, an actor code or an actor id (see level)")
    name: str
    events: int = Field(description="aggregated events with the other nodes shown")


class NetworkEdge(Model):
    a: str
    b: str
    quad_class: str
    events: int
    directions: list[dict[str, Any]] = Field(description="source, target and events for each direction")


class Network(Model):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


def places_and_countries(store, filters: dict) -> tuple[list[dict], list[dict]]:
    places = queries.event_places(store, **filters)
    gazetteer = load_places()
    countries = [{"code": code, "name": gazetteer.country(code).name if gazetteer.country(code) else code,
                  "events": n} for code, n in sorted(country_counts(places).items(), key=lambda t: (-t[1], t[0]))]
    return places, countries


def network_of(store, *, actor, since, until, type, quad_class, level, source=None, target=None):
    first, last = date_range(since, until)
    rows = queries.event_edges(store, actor=clean_text(actor, "actor"), since=first, until=last,
                               type=clean_text(type, "type"), quad_class=parse_quad_class(quad_class),
                               source=clean_text(source, "source"), target=clean_text(target, "target"))
    return net.build(rows, level)


@api_router.get("/places", response_model=Places, tags=["events"],
                summary="Where the events happen: counts per country and per place (the filters of /api/events)")
def api_places(store: StoreDep, source: Text = None, target: Text = None, type: Text = None,
               quad_class: Text = None, since: Text = None, until: Text = None):
    places, countries = places_and_countries(store, event_filters(source, target, type, quad_class, since, until))
    return {"countries": countries, "places": places}


@api_router.get("/network", response_model=Network, tags=["events"],
                summary="Who deals with whom: aggregated events between actors, per pair and quad class")
def api_network(store: StoreDep, actor: Annotated[Text, Query(description="only this actor's neighbourhood")] = None,
                since: Text = None, until: Text = None, type: Text = None, quad_class: Text = None,
                level: Annotated[Level, Query(description="nodes: countries and bodies, codes or actors")] = "country",
                source: Text = None, target: Text = None):
    nodes, edges = network_of(store, actor=actor, since=since, until=until, type=type, quad_class=quad_class,
                              level=level, source=source, target=target)
    return {"nodes": [vars(n) for n in sorted(nodes.values(), key=lambda n: -n.events)],
            "edges": [{"a": e.a, "b": e.b, "quad_class": e.quad_class, "events": e.events,
                       "directions": [{"source": s, "target": t, "events": n} for (s, t), n in e.directions.items()]}
                      for e in sorted(edges.values(), key=lambda e: (-e.events, e.a, e.b))]}


def event_filters(source: Text = None, target: Text = None, type: Text = None, quad_class: Text = None,
                  since: Text = None, until: Text = None) -> dict:
    """The event table's filters, checked: what store.events and the pictures take."""
    first, last = date_range(since, until)
    return {"source": clean_text(source, "source"), "target": clean_text(target, "target"),
            "type": parse_event_type(type), "quad_class": parse_quad_class(quad_class),
            "since": first, "until": last}


def _form(filters: dict, **raw) -> dict:
    return {k: (raw.get(k) if k in ("since", "until") else filters.get(k)) or "" for k in filters} | {
        k: v or "" for k, v in raw.items() if k not in filters}


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, store: StoreDep, source: Text = None, target: Text = None, type: Text = None,
             quad_class: Text = None, since: Text = None, until: Text = None,
             view: Literal["region", "world"] = "region"):

    filters = event_filters(source, target, type, quad_class, since, until)
    places, countries = places_and_countries(store, filters)
    cities = [p for p in places if p["precision"] == "city"]
    query = urlencode({k: v for k, v in filters.items() if v})
    return render(request, "map.html", chart=world_map(places, world=view == "world"), view=view,
                  countries=countries, cities=cities,
                  located=sum(p["events"] for p in places), form=_form(filters, since=since, until=until),
                  events_query=query)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, store: StoreDep, actor: Text = None, since: Text = None, until: Text = None,
                 type: Text = None, quad_class: Text = None, level: Level = "country",
                 source: Text = None, target: Text = None):

    actor = clean_text(actor, "actor")
    nodes, edges = network_of(store, actor=actor, since=since, until=until, type=type, quad_class=quad_class,
                              level=level, source=source, target=target)

    def node_href(key: str) -> str:
        params = {k: v for k, v in {"actor": key, "since": since, "until": until, "type": type,
                                    "quad_class": quad_class, "level": level}.items() if v}
        return "/network?" + urlencode(params)

    chart = net.network_svg(nodes, edges, node_href)
    pairs = sorted(edges.values(), key=lambda e: (-e.events, e.a, e.b))
    form = {"actor": actor or "", "since": since or "", "until": until or "", "type": type or "",
            "quad_class": parse_quad_class(quad_class) or "", "level": level, "source": source or "",
            "target": target or ""}
    return render(request, "network.html", chart=chart, nodes=nodes, pairs=pairs, form=form)
