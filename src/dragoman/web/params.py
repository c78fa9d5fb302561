"""Checking and normalising query parameters shared by the API and the dashboard."""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache
from typing import Any

from ..export import QUAD_CLASSES

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
# Past this SQLite cannot bind the number; no real listing gets near it.
MAX_OFFSET = 1_000_000_000
MAX_TEXT = 500

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class BadParameter(ValueError):
    """A query parameter the user can fix; shown as a 400 with this message."""

    def __init__(self, name: str, message: str):
        super().__init__(f"{name}: {message}")
        self.name = name


def parse_date(value: str | None, name: str, *, end: bool = False) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a full ISO date: the first day, or the last if ``end``."""
    if value is None or not value.strip():
        return None
    match = _DATE.match(value.strip())
    if not match:
        raise BadParameter(name, f"{value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            return date(year, month, day).isoformat()
        if month is None:
            month, day = (12, 31) if end else (1, 1)
        else:
            day = calendar.monthrange(year, month)[1] if end else 1
        return date(year, month, day).isoformat()
    except ValueError as err:
        raise BadParameter(name, f"{value!r} is not a valid date ({err})") from None


def date_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    first, last = parse_date(since, "since"), parse_date(until, "until", end=True)
    if first and last and first > last:
        raise BadParameter("since", f"since ({first}) is after until ({last})")
    return first, last


def parse_quad_class(value: str | None) -> str | None:
    """A quad class by name (spaces, dashes or underscores) or by GDELT number 1-4."""
    if value is None or not value.strip():
        return None
    text = re.sub(r"[\s_-]+", " ", value.strip().lower())
    if text.isdigit() and 1 <= int(text) <= len(QUAD_CLASSES):
        return QUAD_CLASSES[int(text) - 1]
    if text in QUAD_CLASSES:
        return text
    raise BadParameter("quad_class", f"{value!r} is not a quad class; use 1-4 or one of: {', '.join(QUAD_CLASSES)}")


@lru_cache(maxsize=1)
def event_types() -> tuple[str, ...]:
    """The PLOVER event types, from the CAMEO table the coder uses."""
    from ..events.vocabulary import load_cameo

    return tuple(sorted({code.type for code in load_cameo().values()}))


def parse_event_type(value: str | None) -> str | None:
    """A PLOVER event type in any case, e.g. ``accuse`` -> ``ACCUSE``."""
    text = clean_text(value, "type")
    if text is None:
        return None
    if text.upper() not in event_types():
        raise BadParameter("type", f"{value!r} is not a PLOVER event type; use one of: {', '.join(event_types())}")
    return text.upper()


def clean_text(value: str | None, name: str) -> str | None:
    """A free-text parameter, stripped; None if empty."""
    if value is None:
        return None
    text = value.strip()
    if len(text) > MAX_TEXT:
        raise BadParameter(name, f"longer than {MAX_TEXT} characters")
    if "\x00" in text:
        raise BadParameter(name, "contains a NUL character")
    return text or None


def paged(rows: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """A page of ``rows`` fetched with ``limit + 1`` so we know if more follow without counting."""
    has_more = len(rows) > limit
    return {
        "limit": limit,
        "offset": offset,
        "has_more": has_more,
        "next_offset": offset + limit if has_more else None,
        "items": rows[:limit],
    }
