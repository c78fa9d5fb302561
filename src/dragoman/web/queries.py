"""The pictures' queries on any store: the SQLite store answers them in SQL (store/sqlite_pictures.py);
a store without them (PostgreSQL) gets the same answers computed here from its event and quote
listings, which reads every matching row and so suits a small store."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from .csvout import all_rows


def _monday(day: str | None) -> str | None:
    try:
        d = date.fromisoformat((day or "")[:10])
    except ValueError:
        return None
    return (d - timedelta(days=d.weekday())).isoformat()


def _events(store: Any, actor: str | None = None, story_id: str | None = None, **filters: Any) -> list[dict]:
    if story_id:
        return []  # only the SQLite store knows which articles make a story here
    if not actor:
        return list(all_rows(lambda **page: store.events(**filters, **page)))
    rows = {}
    for side in ("source", "target"):
        for r in all_rows(lambda **page: store.events(**{**filters, side: actor}, **page)):
            rows[(r["article_id"], r["idx"])] = r
    return list(rows.values())


def event_places(store: Any, **filters: Any) -> list[dict[str, Any]]:
    if hasattr(store, "event_places"):
        return store.event_places(**filters)
    merged: dict[tuple, dict[str, Any]] = {}
    for r in _events(store, **filters):
        place = r.get("location")
        if not isinstance(place, dict) or place.get("lat") is None:
            continue
        key = (place.get("country"), place.get("geonameid") or place.get("name"), place.get("precision"))
        entry = merged.setdefault(key, {k: place.get(k) for k in ("name", "country", "lat", "lon", "precision",
                                                                   "geonameid")} | {"events": 0})
        entry["events"] += 1
    return sorted(merged.values(), key=lambda p: (-p["events"], p["name"] or ""))


def event_edges(store: Any, **filters: Any) -> list[dict[str, Any]]:
    if hasattr(store, "event_edges"):
        return store.event_edges(**filters)
    seen, counts = set(), {}
    for r in _events(store, **filters):
        s, t = r.get("source_actor_id"), r.get("target_actor_id")
        if not s or not t or s == t or r.get("negated") or r.get("hypothetical"):
            continue
        once = (r["article_id"], r["type"], s, t)  # one per article, type, source and target
        if once in seen:
            continue
        seen.add(once)
        key = (s, t, r["quad_class"])
        row = counts.setdefault(key, {"source": s, "target": t, "quad_class": r["quad_class"], "events": 0,
                                      "source_name": r.get("source_name"), "source_code": r.get("source_code"),
                                      "target_name": r.get("target_name"), "target_code": r.get("target_code")})
        row["events"] += 1
    return sorted(counts.values(), key=lambda e: (-e["events"], e["source"], e["target"]))


def event_weeks(store: Any, **filters: Any) -> list[dict[str, Any]]:
    if hasattr(store, "event_weeks"):
        return store.event_weeks(**filters)
    counts: dict[tuple[str, str], int] = {}
    for r in _events(store, **filters):
        week = _monday(r.get("date"))
        if week and not (r.get("negated") or r.get("hypothetical")):
            counts[(week, r["quad_class"])] = counts.get((week, r["quad_class"]), 0) + 1
    return [{"week": w, "quad_class": q, "n": n} for (w, q), n in sorted(counts.items())]


def quote_weeks(store: Any, *, speaker: str | None = None, story_id: str | None = None,
                since: str | None = None) -> list[dict[str, Any]]:
    if hasattr(store, "quote_weeks"):
        return store.quote_weeks(speaker=speaker, story_id=story_id, since=since)
    if story_id:
        return []
    counts: dict[str, int] = {}
    for r in all_rows(lambda **page: store.quotes(speaker=speaker, since=since, **page)):
        week = _monday(r.get("date"))
        if week:
            counts[week] = counts.get(week, 0) + 1
    return [{"week": w, "n": n} for w, n in sorted(counts.items())]


def latest_date(store: Any) -> str | None:
    if hasattr(store, "latest_date"):
        return store.latest_date()
    return store.stats().get("last_date")


def counterparts(store: Any, actor_id: str, fallback: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return store.counterparts(actor_id) if hasattr(store, "counterparts") else fallback
