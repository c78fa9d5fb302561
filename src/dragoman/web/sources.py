"""The Sources page and ``GET /api/sources``: the health of every source ``dragoman watch`` follows."""
from __future__ import annotations

import sqlite3
from typing import Annotated, Any, Optional

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from .params import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, paged
from .schemas import Model, Page
from .rendering import render
from .stores import StoreDep

router = APIRouter()

HEALTH_BADGE = {"ok": "quad-verbal-cooperation", "failing": "quad-material-conflict",
                "never polled": "", "not followed": ""}


class SourceOut(Model):
    key: str
    kind: str
    location: str
    name: Optional[str] = None
    outlet: Optional[str] = None
    language: Optional[str] = None
    interval: Optional[int] = None
    active: bool
    health: str
    format: Optional[str] = None
    last_poll: Optional[str] = None
    last_success: Optional[str] = None
    last_status: Optional[str] = None
    consecutive_errors: int
    error_count: int
    last_error: Optional[str] = None
    items_seen: int
    items_analysed: int
    items_failed: int
    items_pending: int


def health(row: dict[str, Any]) -> str:
    """ok | failing (the last poll failed) | never polled | not followed (dropped from the list)."""
    if not row["active"]:
        return "not followed"
    if row["last_poll"] is None:
        return "never polled"
    return "failing" if row["consecutive_errors"] else "ok"


def _rows(store, limit: int, offset: int) -> list[dict[str, Any]]:
    try:
        rows = store.source_health(limit=limit, offset=offset)
    except sqlite3.OperationalError:  # a read-only database from before `watch` existed
        return []
    for row in rows:
        row["health"] = health(row)
        row["active"] = bool(row["active"])
    return rows


@router.get("/api/sources", response_model=Page[SourceOut], tags=["sources"],
            summary="Followed feeds, sitemaps and folders, with their health")
def api_sources(store: StoreDep, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
                offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0):
    """Each source's last poll, last success, errors (in a row and in all), last error, and items seen,
    analysed, failed and still pending. ``health`` is ok, failing, never polled or not followed."""
    return paged(_rows(store, limit + 1, offset), limit, offset)


@router.get("/sources", response_class=HTMLResponse, include_in_schema=False)
def sources_page(request: Request, store: StoreDep,
                 limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
                 offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0):

    page = paged(_rows(store, limit + 1, offset), limit, offset)
    return render(request, "sources.html", page=page, badges=HEALTH_BADGE)
