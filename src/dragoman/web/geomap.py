"""The world map, drawn server-side as inline SVG over the bundled Natural Earth outline
(``data/world_110m.json``, equirectangular: x = longitude + 180, y = 90 - latitude).

Countries are shaded by the number of events located in them; each place is a circle whose
area grows with its events (cities filled, country-level places as rings)."""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from ..geo.places import world_outline

# Antarctica and the far south hold no news: the frame stops at 60° S.
FRAME = (0, 0, 360, 150)
SHADES = ("#e8ecf3", "#c6d3ea", "#9bb2db", "#6f8fca", "#3f66ad", "#23468a")
CITY_FILL, COUNTRY_STROKE = "#b8322a", "#7a1f19"
MARGIN = 12  # degrees around the places when zoomed in
MIN_VIEW = (60, 25)


@lru_cache(maxsize=1)
def outline() -> list[dict[str, Any]]:
    return world_outline()["countries"]


def shade(n: int, peak: int) -> str:
    if not n:
        return SHADES[0]
    step = 1 + int((len(SHADES) - 2) * math.log1p(n) / math.log1p(max(peak, 1)))
    return SHADES[min(step, len(SHADES) - 1)]


def country_counts(places: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for p in places:
        if p.get("country"):
            counts[p["country"]] = counts.get(p["country"], 0) + p["events"]
    return counts


def _plural(n: int) -> str:
    return f"{n} event" if n == 1 else f"{n} events"


def fit(places: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    """The view: the world, or the region around the places when they lie close together."""
    points = [(p["lon"] + 180, 90 - p["lat"]) for p in places if p.get("lat") is not None]
    if not points:
        return FRAME
    x0, x1 = min(x for x, _ in points), max(x for x, _ in points)
    y0, y1 = min(y for _, y in points), max(y for _, y in points)
    width = max(x1 - x0 + 2 * MARGIN, MIN_VIEW[0])
    height = max(y1 - y0 + 2 * MARGIN, MIN_VIEW[1], width * FRAME[3] / FRAME[2])
    width = max(width, height * FRAME[2] / FRAME[3])  # keep the world's proportions
    if width >= FRAME[2] * 0.6:
        return FRAME
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left = min(max(cx - width / 2, 0), FRAME[2] - width)
    top = min(max(cy - height / 2, 0), FRAME[3] - height)
    return (round(left, 2), round(top, 2), round(width, 2), round(height, 2))


def _marker(place: dict[str, Any], peak: int, unit: float) -> str:
    x, y = place["lon"] + 180, 90 - place["lat"]
    r = (0.9 + 4.0 * math.sqrt(place["events"] / max(peak, 1))) * unit
    tip = escape(f"{place['name']}{' (' + place['country'] + ')' if place.get('country') else ''}: "
                 f"{_plural(place['events'])}")
    if place.get("precision") == "city":
        style = f'fill="{CITY_FILL}" fill-opacity="0.75" stroke="white" stroke-width="{0.25 * unit:.2f}"'
    else:
        style = (f'fill="{CITY_FILL}" fill-opacity="0.15" stroke="{COUNTRY_STROKE}"'
                 f' stroke-width="{0.35 * unit:.2f}"')
    return (f'<circle class="place {escape(place.get("precision") or "")}" cx="{x:.2f}" cy="{y:.2f}" r="{r:.2f}"'
            f' {style}><title>{tip}</title></circle>')


def world_map(places: list[dict[str, Any]], *, title: str = "Where the events happened",
              world: bool = False) -> Markup:
    """The map with every country outlined and the places of ``places`` (store.event_places) marked,
    zoomed to the region of the places unless ``world``."""
    view = FRAME if world else fit(places)
    unit = view[2] / FRAME[2]  # line widths and circles keep their size on the page when zoomed in
    counts = country_counts(places)
    peak_country = max(counts.values(), default=0)
    shapes = [f'<rect x="0" y="0" width="{FRAME[2]}" height="{FRAME[3]}" fill="#f4f8fb"/>']
    for country in outline():
        n = counts.get(country.get("iso3") or "", 0)
        name = country.get("name") or country.get("iso3") or ""
        shapes.append(f'<path class="country" data-iso3="{escape(country.get("iso3") or "")}" d="{country["d"]}"'
                      f' fill="{shade(n, peak_country)}" stroke="#8a96a8" stroke-width="{0.15 * unit:.3f}">'
                      f"<title>{escape(name)}: {_plural(n)}</title></path>")
    peak_place = max((p["events"] for p in places), default=0)
    for place in sorted(places, key=lambda p: -p["events"]):  # small circles drawn last, on top
        if place.get("lat") is not None and place.get("lon") is not None:
            shapes.append(_marker(place, peak_place, unit))
    return Markup(f'<svg class="worldmap" viewBox="{" ".join(map(str, view))}" role="img"'
                  f' aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
                  f"<title>{escape(title)}</title>{''.join(shapes)}</svg>")
