"""Queries behind the dashboard's pictures (map, network, timelines) and its filtered lists,
mixed into ``SQLiteStore`` (which provides ``self.db``, ``actor_ids`` and ``_actor_clause``)."""
from __future__ import annotations

import json
from typing import Any

from .sqlite_stories import AGGREGATED_EVENTS

# Monday of the week of an ISO date, in SQLite
WEEK = "date({col}, '-6 days', 'weekday 1')"


class PictureQueries:
    db: Any
    WEEK = WEEK  # another backend overrides it

    def event_filter(self, *, source: str | None = None, target: str | None = None, type: str | None = None,
                     quad_class: str | None = None, since: str | None = None, until: str | None = None,
                     article_id: str | None = None, actor: str | None = None,
                     story_id: str | None = None) -> tuple[list[str], list[Any]]:
        """The WHERE terms (over ``events ev``) and parameters of the event table's filters; ``actor``
        takes events with that actor on either side, ``story_id`` the events of a story's articles."""
        where: list[str] = []
        params: list[Any] = []
        for column, value in (("ev.source_actor_id", source), ("ev.target_actor_id", target)):
            if value:
                clause, p = self._actor_clause(column, value)
                where.append(clause)
                params += p
        if actor:
            ids = self.actor_ids(actor)
            marks = ",".join("?" * len(ids))
            where.append(f"(ev.source_actor_id IN ({marks}) OR ev.target_actor_id IN ({marks}))" if ids else "1 = 0")
            params += ids + ids
        for clause, value in (("ev.type = upper(?)", type), ("ev.quad_class = ?", quad_class),
                              ("ev.date >= ?", since), ("ev.date <= ?", until), ("ev.article_id = ?", article_id),
                              ("ev.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ?)",
                               story_id)):
            if value:
                where.append(clause)
                params.append(value)
        return where, params

    def event_places(self, **filters: Any) -> list[dict[str, Any]]:
        """The resolved places of the filtered events with their counts, most events first."""
        where, params = self.event_filter(**filters)
        sql = ("SELECT ev.place, count(*) AS n FROM events ev WHERE "
               + " AND ".join(["ev.place IS NOT NULL", *where]) + " GROUP BY ev.place")
        merged: dict[tuple, dict[str, Any]] = {}
        for row in self.db.execute(sql, params):
            place = json.loads(row["place"])
            key = (place.get("country"), place.get("geonameid") or place.get("name"), place.get("precision"))
            if key in merged:
                merged[key]["events"] += row["n"]
            else:
                merged[key] = {k: place.get(k) for k in ("name", "country", "lat", "lon", "precision",
                                                         "geonameid")} | {"events": row["n"]}
        return sorted(merged.values(), key=lambda p: (-p["events"], p["name"] or ""))

    def event_edges(self, *, min_events: int = 1, **filters: Any) -> list[dict[str, Any]]:
        """Aggregated events (one per story, type, source and target) between two actors, counted per
        ordered pair and quad class, non-hypothetical; with the actors' names and codes."""
        where, params = self.event_filter(**filters)
        where = ["ev.source_actor_id IS NOT NULL", "ev.target_actor_id IS NOT NULL",
                 "ev.source_actor_id != ev.target_actor_id", "NOT ev.hypothetical", "NOT ev.negated", *where]
        sql = ("SELECT g.source_actor_id AS source, g.target_actor_id AS target, g.quad_class, count(*) AS events,"
               " s.name AS source_name, s.code AS source_code, t.name AS target_name, t.code AS target_code"
               f" FROM ({AGGREGATED_EVENTS.format(where=' AND '.join(where))}) g"
               " JOIN actors s ON s.id = g.source_actor_id JOIN actors t ON t.id = g.target_actor_id"
               " GROUP BY 1, 2, 3, 5, 6, 7, 8 HAVING count(*) >= ? ORDER BY events DESC, source, target")
        return [dict(r) for r in self.db.execute(sql, (*params, min_events))]

    def event_weeks(self, **filters: Any) -> list[dict[str, Any]]:
        """Dated events per week (the Monday) and quad class; negated and hypothetical ones left out."""
        where, params = self.event_filter(**filters)
        sql = (f"SELECT {self.WEEK.format(col='ev.date')} AS week, ev.quad_class, count(*) AS n FROM events ev WHERE "
               + " AND ".join(["ev.date IS NOT NULL", "NOT ev.negated", "NOT ev.hypothetical", *where]) + " GROUP BY 1, 2 ORDER BY 1")
        return [dict(r) for r in self.db.execute(sql, params)]

    def quote_weeks(self, *, speaker: str | None = None, story_id: str | None = None,
                    since: str | None = None) -> list[dict[str, Any]]:
        """Dated quotes per week (the Monday)."""
        where, params = ["q.date IS NOT NULL"], []
        if speaker:
            clause, p = self._actor_clause("q.speaker_actor_id", speaker)
            where.append(clause)
            params += p
        if story_id:
            where.append("q.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ?)")
            params.append(story_id)
        if since:
            where.append("q.date >= ?")
            params.append(since)
        sql = (f"SELECT {self.WEEK.format(col='q.date')} AS week, count(*) AS n FROM quotes q WHERE "
               + " AND ".join(where) + " GROUP BY 1 ORDER BY 1")
        return [dict(r) for r in self.db.execute(sql, params)]

    def latest_date(self) -> str | None:
        return self.db.execute("SELECT max(date) FROM events").fetchone()[0]

    def counterparts(self, actor: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """The actors on the other side of the events the actor page lists (the actor as the
        event table matches it: an id, or a code with its officials), most events first."""
        ids = self.actor_ids(actor)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        sql = ("SELECT p.other AS id, x.name, x.code, count(*) AS events FROM ("
               f" SELECT target_actor_id AS other FROM events WHERE source_actor_id IN ({marks})"
               " AND target_actor_id IS NOT NULL"
               " UNION ALL"
               f" SELECT source_actor_id FROM events WHERE target_actor_id IN ({marks})"
               " AND source_actor_id IS NOT NULL"
               f") p JOIN actors x ON x.id = p.other WHERE p.other NOT IN ({marks})"
               " GROUP BY p.other, x.name, x.code ORDER BY events DESC, x.name LIMIT ?")
        return [dict(r) for r in self.db.execute(sql, (*ids, *ids, *ids, limit))]
