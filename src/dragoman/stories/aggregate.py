"""Facts across the articles of a story: one aggregated event per story, type, source and target
(GDELT's NumMentions / NumSources / NumArticles, with every evidence sentence kept), and quotes
carried by several outlets shown once."""
from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterable

_SPACE = re.compile(r"\s+")


def source_of(row: dict[str, Any]) -> str:
    """Who published the article: the outlet named, else its URL or file."""
    return row.get("outlet") or row.get("url") or row.get("article_source") or row.get("article_id") or ""


def aggregate_events(rows: Iterable[dict[str, Any]], story_id: str) -> list[dict[str, Any]]:
    """Group event mentions (rows of the events table with their article's outlet) by type, source
    and target; most reported first."""
    groups: dict[tuple[Any, Any, Any], list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault((r["type"], r["source_actor_id"], r["target_actor_id"]), []).append(r)
    out = [_aggregate(story_id, mentions) for mentions in groups.values()]
    out.sort(key=lambda e: (-e["num_sources"], -e["num_mentions"], e["date"] or "~", e["type"],
                            e["source_code"] or "", e["target_code"] or ""))
    return out


def _aggregate(story_id: str, mentions: list[dict[str, Any]]) -> dict[str, Any]:
    first = mentions[0]
    dates = sorted(m["date"] for m in mentions if m.get("date"))
    cameos = Counter(m["cameo"] for m in mentions)
    evidence = []
    for m in mentions:
        for ev in m.get("evidence") or []:
            evidence.append({"article_id": m["article_id"], "event_idx": m["idx"], "source": source_of(m),
                             "text": ev.get("text"), "trigger": ev.get("trigger"),
                             "trigger_start": ev.get("trigger_start"), "trigger_end": ev.get("trigger_end")})
    return {
        "story_id": story_id,
        "type": first["type"],
        "cameo": max(sorted(cameos), key=cameos.__getitem__),
        "quad_class": first["quad_class"],
        "intensity": round(sum(m["intensity"] or 0.0 for m in mentions) / len(mentions), 2),
        "source_actor_id": first["source_actor_id"], "source_code": first.get("source_code"),
        "source_name": first.get("source_name"),
        "target_actor_id": first["target_actor_id"], "target_code": first.get("target_code"),
        "target_name": first.get("target_name"),
        "date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "negated": all(bool(m.get("negated")) for m in mentions),
        "hypothetical": all(bool(m.get("hypothetical")) for m in mentions),
        "num_articles": len({m["article_id"] for m in mentions}),
        "num_sources": len({source_of(m) for m in mentions}),
        "num_mentions": len(mentions),
        "evidence": evidence,
    }


def _quote_key(row: dict[str, Any]) -> tuple[Any, str]:
    speaker = row.get("speaker_actor_id") or (row.get("speaker_name") or "").lower()
    return speaker, _SPACE.sub(" ", row["text"]).strip().lower()


def story_quotes(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quotes of the story in order, the same words by the same speaker once, with who carried them."""
    merged: dict[tuple[Any, str], dict[str, Any]] = {}
    for r in rows:
        key = _quote_key(r)
        entry = merged.get(key)
        if entry is None:
            entry = merged[key] = {**r, "articles": [], "sources": []}
        entry["articles"].append(r["article_id"])
        if source_of(r) not in entry["sources"]:
            entry["sources"].append(source_of(r))
    for entry in merged.values():
        entry["num_articles"] = len(entry["articles"])
        entry["num_sources"] = len(entry["sources"])
    return list(merged.values())
