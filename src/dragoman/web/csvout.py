"""Filtered lists as CSV: every row of the filter (not one page), for a spreadsheet or pandas."""
from __future__ import annotations

import csv
import io
from typing import Any, Callable, Iterator

from fastapi.responses import Response

CHUNK = 1000
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

EVENT_COLUMNS = ("date", "type", "mode", "cameo", "quad_class", "intensity", "source_actor_id", "source_code",
                 "source_name", "source_mention", "target_actor_id", "target_code", "target_name", "target_mention",
                 "mutual", "negated", "hypothetical", "location_name", "location_country", "location_lat",
                 "location_lon", "location_precision", "location_basis", "sentence", "trigger", "article_id", "idx",
                 "article_title")
QUOTE_COLUMNS = ("date", "speaker_name", "speaker_code", "speaker_actor_id", "speaker_mention", "kind", "text",
                 "cue", "article_id", "idx", "article_title", "article_source")
ARTICLE_COLUMNS = ("id", "date", "title", "outlet", "source", "url", "language", "status", "n_quotes", "n_events",
                   "story_id", "duplicate_of")
ACTOR_COLUMNS = ("id", "name", "code", "kind", "country", "sector", "role", "mentions", "articles", "quotes")


def all_rows(fetch: Callable[..., list[dict[str, Any]]]) -> Iterator[dict[str, Any]]:
    """Every row ``fetch(limit=, offset=)`` gives, page after page."""
    offset = 0
    while True:
        rows = fetch(limit=CHUNK, offset=offset)
        yield from rows
        if len(rows) < CHUNK:
            return
        offset += CHUNK


def flat_event(row: dict[str, Any]) -> dict[str, Any]:
    location = row.get("location") or {}
    if isinstance(location, str):
        location = {"name": location}
    return {**row, **{f"location_{k}": location.get(k) for k in ("name", "country", "lat", "lon", "precision",
                                                                  "basis")}}


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def csv_response(rows: Iterator[dict[str, Any]], columns: tuple[str, ...], name: str) -> Response:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="dragoman-{name}.csv"'})
