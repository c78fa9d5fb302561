"""The dashboard's pictures: /map (where events happen) and /network (who deals with whom)."""
from __future__ import annotations

from typing import Literal, Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..geo import load_places
from . import network as net
from . import queries
from .geomap import country_counts, world_map
from .params import clean_text, date_range, parse_event_type, parse_quad_class
from .stores import StoreDep

Text = Optional[str]
router = APIRouter(include_in_schema=False)


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
    from .pages import render

    filters = event_filters(source, target, type, quad_class, since, until)
    places = queries.event_places(store, **filters)
    gazetteer = load_places()
    countries = [{"code": code, "name": (gazetteer.country(code).name if gazetteer.country(code) else code),
                  "events": n} for code, n in sorted(country_counts(places).items(), key=lambda t: (-t[1], t[0]))]
    cities = [p for p in places if p["precision"] == "city"]
    query = urlencode({k: v for k, v in filters.items() if v})
    return render(request, "map.html", chart=world_map(places, world=view == "world"), view=view,
                  countries=countries, cities=cities,
                  located=sum(p["events"] for p in places), form=_form(filters, since=since, until=until),
                  events_query=query)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, store: StoreDep, actor: Text = None, since: Text = None, until: Text = None,
                 type: Text = None, quad_class: Text = None, level: Literal["country", "code", "actor"] = "country",
                 source: Text = None, target: Text = None):
    from .pages import render

    first, last = date_range(since, until)
    actor = clean_text(actor, "actor")
    rows = queries.event_edges(store, actor=actor, since=first, until=last, type=clean_text(type, "type"),
                               quad_class=parse_quad_class(quad_class), source=clean_text(source, "source"),
                               target=clean_text(target, "target"))
    nodes, edges = net.build(rows, level)

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
