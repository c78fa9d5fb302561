"""Who deals with whom: actors as nodes, aggregated events between them as edges, one edge per
pair and quad class (coloured by it, as thick as its count), laid out on the server with
networkx (a seeded spring layout, so the same data draws the same picture) and drawn as SVG.
An edge links to the pair's dyad page; a node to its own neighbourhood."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import networkx as nx
from markupsafe import Markup, escape

from ..export import QUAD_CLASSES
from ..geo import load_places
from .timeline import QUAD_COLOURS

WIDTH, HEIGHT, MARGIN = 900, 560, 60
MAX_NODES = 40
LEVELS = ("country", "code", "actor")


@dataclass
class Node:
    key: str
    name: str
    events: int = 0


@dataclass
class Edge:
    a: str
    b: str
    quad_class: str
    events: int = 0
    directions: dict[tuple[str, str], int] = field(default_factory=dict)


def node_key(actor_id: str, code: str | None, level: str) -> str:
    """What a node stands for: a country (or body) code's first part, a full code, or one actor."""
    if level == "actor" or not code:
        return actor_id
    return code if level == "code" else code.split(" ")[0]


def _node_name(key: str, code: str | None, name: str | None, level: str) -> str:
    if level == "actor" or key == code:
        return name or key
    country = load_places().country(key)
    return country.name if country else key


def build(rows: list[dict[str, Any]], level: str = "country") -> tuple[dict[str, Node], dict[tuple, Edge]]:
    """Nodes and undirected edges (per pair and quad class) from store.event_edges rows."""
    nodes: dict[str, Node] = {}
    edges: dict[tuple, Edge] = {}
    for r in rows:
        ends = []
        for side in ("source", "target"):
            key = node_key(r[side], r[f"{side}_code"], level)
            node = nodes.get(key)
            if node is None or key == r[f"{side}_code"]:
                name = _node_name(key, r[f"{side}_code"], r[f"{side}_name"], level)
                node = nodes[key] = Node(key, name, node.events if node else 0)
            node.events += r["events"]
            ends.append(key)
        if ends[0] == ends[1]:
            nodes[ends[0]].events -= 2 * r["events"]  # within one country: not an edge of this picture
            continue
        a, b = sorted(ends)
        edge = edges.setdefault((a, b, r["quad_class"]), Edge(a, b, r["quad_class"]))
        edge.events += r["events"]
        edge.directions[tuple(ends)] = edge.directions.get(tuple(ends), 0) + r["events"]
    keep = {k for k, _ in sorted(((k, n.events) for k, n in nodes.items() if n.events > 0),
                                 key=lambda t: -t[1])[:MAX_NODES]}
    edges = {k: e for k, e in edges.items() if e.a in keep and e.b in keep}
    linked = {e.a for e in edges.values()} | {e.b for e in edges.values()}
    return {k: n for k, n in nodes.items() if k in linked}, edges


def layout(nodes: dict[str, Node], edges: dict[tuple, Edge]) -> dict[str, tuple[float, float]]:
    graph = nx.Graph()
    graph.add_nodes_from(sorted(nodes))
    for e in edges.values():
        weight = graph.get_edge_data(e.a, e.b, {"weight": 0})["weight"] + e.events
        graph.add_edge(e.a, e.b, weight=weight)
    if len(graph) == 1:
        return {next(iter(graph)): (WIDTH / 2, HEIGHT / 2)}
    k = 1.6 / math.sqrt(len(graph))
    raw = nx.spring_layout(graph, k=k, weight="weight", seed=7, iterations=200)
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    return {n: (MARGIN + (p[0] - min(xs)) / span_x * (WIDTH - 2 * MARGIN),
                MARGIN + (p[1] - min(ys)) / span_y * (HEIGHT - 2 * MARGIN)) for n, p in raw.items()}


def _edge_svg(e: Edge, pos, offset: float, peak: int, names: dict[str, str]) -> str:
    (x1, y1), (x2, y2) = pos[e.a], pos[e.b]
    length = math.hypot(x2 - x1, y2 - y1) or 1
    nx_, ny_ = -(y2 - y1) / length * offset, (x2 - x1) / length * offset
    width = 1.2 + 6 * math.sqrt(e.events / max(peak, 1))
    ways = "; ".join(f"{names[s]} → {names[t]}: {n}" for (s, t), n in sorted(e.directions.items()))
    tip = escape(f"{names[e.a]} – {names[e.b]}: {e.events} {e.quad_class} ({ways})")
    href = escape("/dyad?" + urlencode({"a": e.a, "b": e.b}))
    return (f'<a href="{href}" class="edge"><line x1="{x1 + nx_:.1f}" y1="{y1 + ny_:.1f}" x2="{x2 + nx_:.1f}"'
            f' y2="{y2 + ny_:.1f}" stroke="{QUAD_COLOURS.get(e.quad_class, "#888")}" stroke-width="{width:.1f}"'
            f' stroke-linecap="round" data-quad="{escape(e.quad_class)}"><title>{tip}</title></line></a>')


def _node_svg(node: Node, pos, peak: int, href: str) -> str:
    x, y = pos[node.key]
    r = 6 + 14 * math.sqrt(node.events / max(peak, 1))
    label = escape(node.name if len(node.name) <= 22 else node.key if len(node.key) <= 22 else node.name[:21] + "…")
    return (f'<a href="{escape(href)}" class="node" data-key="{escape(node.key)}">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#ffffff" stroke="#1d2330" stroke-width="1.5">'
            f"<title>{escape(node.name)} ({escape(node.key)}): {node.events} event"
            f'{"" if node.events == 1 else "s"} with the others shown</title></circle>'
            f'<text x="{x:.1f}" y="{y + r + 13:.1f}" text-anchor="middle" class="node-label">{label}</text></a>')


def _legend() -> str:
    parts, x = [], 10
    for quad in QUAD_CLASSES:
        parts.append(f'<line x1="{x}" y1="14" x2="{x + 22}" y2="14" stroke="{QUAD_COLOURS[quad]}" stroke-width="5"/>'
                     f'<text x="{x + 28}" y="18" class="legend">{quad}</text>')
        x += 40 + 7 * len(quad)
    return "".join(parts)


def network_svg(nodes: dict[str, Node], edges: dict[tuple, Edge], node_href, *,
                title: str = "Who deals with whom") -> Markup | None:
    if not edges:
        return None
    pos = layout(nodes, edges)
    names = {k: n.name for k, n in nodes.items()}
    peak_edge = max(e.events for e in edges.values())
    peak_node = max(n.events for n in nodes.values())
    shapes = []
    by_pair: dict[tuple[str, str], list[Edge]] = {}
    for e in edges.values():
        by_pair.setdefault((e.a, e.b), []).append(e)
    for group in by_pair.values():
        group.sort(key=lambda e: QUAD_CLASSES.index(e.quad_class) if e.quad_class in QUAD_CLASSES else 9)
        for i, e in enumerate(group):
            shapes.append(_edge_svg(e, pos, (i - (len(group) - 1) / 2) * 5, peak_edge, names))
    for node in sorted(nodes.values(), key=lambda n: n.key):
        shapes.append(_node_svg(node, pos, peak_node, node_href(node.key)))
    return Markup(f'<svg class="network" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}"'
                  f' xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>{_legend()}'
                  f"{''.join(shapes)}</svg>")
