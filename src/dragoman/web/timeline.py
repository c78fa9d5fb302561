"""Small timelines drawn server-side as inline SVG: events per week stacked by quad class (events
that did not happen, negated or hypothetical, left out), and quotes per week. Quiet weeks show as gaps; at most the latest year of weeks is drawn."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

from . import queries
from .chart import CONFLICT, COOPERATION

QUAD_COLOURS = {label: fill for _, label, fill in COOPERATION + CONFLICT}
QUOTE_COLOUR = "#c99a00"
MAX_WEEKS = 53
WIDTH, HEIGHT, BOTTOM, TOP = 360, 80, 14, 14


def week_range(first: str, last: str) -> list[str]:
    """Every Monday from ``first`` to ``last`` (both Mondays), at most the last MAX_WEEKS."""
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    start = max(start, end - timedelta(weeks=MAX_WEEKS - 1))
    weeks = []
    while start <= end:
        weeks.append(start.isoformat())
        start += timedelta(weeks=1)
    return weeks


def _svg(title: str, body: list[str]) -> Markup:
    return Markup(f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}"'
                  f' xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>{"".join(body)}</svg>')


def _frame(weeks: list[str], peak: int) -> tuple[float, float, list[str]]:
    slot = WIDTH / len(weeks)
    scale = (HEIGHT - BOTTOM - TOP) / (peak or 1)
    base = HEIGHT - BOTTOM
    shapes = [f'<line x1="0" y1="{base}" x2="{WIDTH}" y2="{base}" stroke="#bbb"/>',
              f'<text x="0" y="{HEIGHT - 2}" class="tick">{weeks[0]}</text>',
              f'<text x="{WIDTH}" y="{HEIGHT - 2}" class="tick" text-anchor="end">{weeks[-1]}</text>',
              f'<text x="2" y="{TOP - 4}" class="tick">{peak} a week at most</text>']
    return slot, scale, shapes


def event_timeline(rows: list[dict[str, Any]], *, title: str = "Events per week") -> Markup | None:
    """``rows``: week, quad_class, n (store.event_weeks). None when there is nothing to draw."""
    if not rows:
        return None
    by_week: dict[str, dict[str, int]] = {}
    for r in rows:
        by_week.setdefault(r["week"], {})[r["quad_class"]] = r["n"]
    weeks = week_range(min(by_week), max(by_week))
    peak = max(sum(by_week.get(w, {}).values()) for w in weeks)
    slot, scale, shapes = _frame(weeks, peak)
    for i, week in enumerate(weeks):
        y = HEIGHT - BOTTOM
        for quad, fill in QUAD_COLOURS.items():
            n = by_week.get(week, {}).get(quad, 0)
            if n:
                h = n * scale
                y -= h
                shapes.append(f'<rect x="{i * slot + slot * 0.1:.1f}" y="{y:.1f}" width="{max(slot * 0.8, 1):.1f}"'
                              f' height="{h:.1f}" fill="{fill}"><title>week of {week}: {n} {quad}</title></rect>')
    return _svg(title, shapes)


def quote_timeline(rows: list[dict[str, Any]], *, title: str = "Quotes per week") -> Markup | None:
    """``rows``: week, n (store.quote_weeks). None when there is nothing to draw."""
    if not rows:
        return None
    counts = {r["week"]: r["n"] for r in rows}
    weeks = week_range(min(counts), max(counts))
    peak = max(counts.get(w, 0) for w in weeks)
    slot, scale, shapes = _frame(weeks, peak)
    for i, week in enumerate(weeks):
        n = counts.get(week, 0)
        if n:
            h = n * scale
            shapes.append(f'<rect x="{i * slot + slot * 0.1:.1f}" y="{HEIGHT - BOTTOM - h:.1f}"'
                          f' width="{max(slot * 0.8, 1):.1f}" height="{h:.1f}" fill="{QUOTE_COLOUR}">'
                          f'<title>week of {week}: {n} quote{"" if n == 1 else "s"}</title></rect>')
    return _svg(title, shapes)


def timelines(store: Any, *, actor: str | None = None, story_id: str | None = None,
              since: str | None = None) -> dict[str, Markup | None]:
    """Both timelines for the home page (``since``), an actor page or a story page."""
    events = queries.event_weeks(store, actor=actor, story_id=story_id, since=since)
    quotes = queries.quote_weeks(store, speaker=actor, story_id=story_id, since=since)
    return {"events": event_timeline(events), "quotes": quote_timeline(quotes)}
