"""What the API and the dashboard both show, assembled from the store's queries."""
from __future__ import annotations

from typing import Any

from ..export import QUAD_CLASSES
from .params import BadParameter, paged

PROFILE_LIMIT = 20


def actor_profile(store: Any, name: str, *, limit: int = PROFILE_LIMIT) -> dict[str, Any] | None:
    """An actor (by id, code or name) with its aliases, roles, partners, quotes and events."""
    found = store.find_actor(name)
    if not found:
        return None
    actor_id = found["id"]
    profile = store.actor_summary(actor_id)
    profile["quotes_by"] = paged(store.quotes(speaker=actor_id, limit=limit + 1), limit, 0)
    profile["quotes_about"] = paged(store.quotes(about=actor_id, limit=limit + 1), limit, 0)
    profile["events_as_source"] = paged(store.events(source=actor_id, limit=limit + 1), limit, 0)
    profile["events_as_target"] = paged(store.events(target=actor_id, limit=limit + 1), limit, 0)
    return profile


def _month_row(month: dict[str, Any]) -> dict[str, Any]:
    return {key.replace(" ", "_"): value for key, value in month.items()}


def _event_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Newest first, undated last, then article and index: the order of ``store.events``."""
    rows = sorted(rows, key=lambda r: (r["article_id"], r["idx"]))
    rows.sort(key=lambda r: r["date"] or "", reverse=True)
    return rows


def dyad_events(store: Any, a: str, b: str, *, limit: int, offset: int) -> list[dict[str, Any]]:
    """Events from a to b and from b to a, merged; up to ``limit`` rows from ``offset``."""
    wanted = offset + limit
    rows = store.events(source=a, target=b, limit=wanted) + store.events(source=b, target=a, limit=wanted)
    unique = {(r["article_id"], r["idx"]): r for r in rows}
    return _event_order(list(unique.values()))[offset:wanted]


def dyad(store: Any, a: str, b: str, *, limit: int, offset: int) -> dict[str, Any] | None:
    """Monthly counts by quad class and mean intensity between a and b, plus a page of their events."""
    if a.strip().lower() == b.strip().lower():
        raise BadParameter("b", "a dyad needs two different actors")
    actor_a, actor_b = store.find_actor(a), store.find_actor(b)
    if actor_a is None or actor_b is None:
        return None
    months = [_month_row(m) for m in store.dyad(a, b)]
    totals = {q.replace(" ", "_"): sum(m.get(q.replace(" ", "_"), 0) for m in months) for q in QUAD_CLASSES}
    totals["events"] = sum(m["events"] for m in months)
    return {
        "a": {"query": a, "actor": actor_a},
        "b": {"query": b, "actor": actor_b},
        "months": months,
        "totals": totals,
        "events": paged(dyad_events(store, a, b, limit=limit + 1, offset=offset), limit, offset),
    }


def search(store: Any, text: str, *, kind: str = "all", since: str | None = None, until: str | None = None,
           limit: int, offset: int) -> dict[str, Any]:
    """Full-text matches in article text and in quotes, best first."""
    out: dict[str, Any] = {"query": text}
    if kind in ("all", "articles"):
        rows = store.search_articles(text, since=since, until=until, limit=limit + 1, offset=offset)
        out["articles"] = paged(rows, limit, offset)
    if kind in ("all", "quotes"):
        rows = store.search_quotes(text, since=since, until=until, limit=limit + 1, offset=offset)
        out["quotes"] = paged(rows, limit, offset)
    return out


def quotes(store: Any, *, speaker: str | None = None, about: str | None = None, search: str | None = None,
           since: str | None = None, until: str | None = None, article_id: str | None = None,
           limit: int, offset: int) -> list[dict[str, Any]]:
    """``store.quotes``, except that a plain text search takes the plan that is fast for common words."""
    if search and not (speaker or about or article_id):
        return store.quotes_matching(search, since=since, until=until, limit=limit, offset=offset)
    return store.quotes(speaker=speaker, about=about, search=search, since=since, until=until,
                        article_id=article_id, limit=limit, offset=offset)


def articles(store: Any, *, search: str | None = None, since: str | None = None, until: str | None = None,
             limit: int, offset: int) -> list[dict[str, Any]]:
    """``store.list_articles``, with the plan that is fast for common words when searching."""
    if search:
        return store.articles_matching(search, since=since, until=until, limit=limit, offset=offset)
    return store.list_articles(since=since, until=until, limit=limit, offset=offset)
