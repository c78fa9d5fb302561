"""Words the dashboard shows: event types for the filter, quote kinds, readable names for
untitled articles, places, plurals, and inline code in the API's descriptions."""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from ..vocab import data_path

QUOTE_KINDS = {
    "direct": "the speaker's own words, in quotation marks",
    "mixed": "partly the speaker's words, partly the writer's",
    "indirect": "a paraphrase: the writer's words for what was said",
}


@lru_cache(maxsize=1)
def _event_types() -> tuple[str, ...]:
    with data_path("cameo.tsv").open(encoding="utf-8") as f:
        found = [row["plover_type"] for row in csv.DictReader(f, delimiter="\t") if row.get("plover_type")]
    return tuple(dict.fromkeys(found))


EVENT_TYPES = _event_types()


def plural(n: Any, noun: str, many: str | None = None) -> str:
    """``1 event``, ``2 events``, ``1,200 quotes``."""
    count = int(n or 0)
    return f"{count:,} {noun if count == 1 else (many or noun + 's')}"


def article_name(title: str | None, source: str | None = None, article_id: str | None = None) -> str:
    """An article's title, else a name made from where it came from, else a short id."""
    if title and title.strip():
        return title.strip()
    if source:
        line = re.search(r"\.(?:jsonl|ndjson):(\d+)$", source, re.I)
        if line:
            stem = PurePosixPath(source[:line.start()]).name
            return f"{stem[:1].upper() + stem[1:]}, line {line.group(1)}"
        parts = urlsplit(source)
        path = parts.path if parts.scheme in ("http", "https") else source
        name = PurePosixPath(path.rstrip("/")).stem if path.strip("/") else ""
        name = re.sub(r"[_\-]+", " ", name).strip()
        if name and not re.fullmatch(r"[0-9a-f ]{8,}", name):
            label = name[:1].upper() + name[1:]
            return f"{label} ({parts.netloc})" if parts.netloc else label
        if parts.netloc:
            return f"Untitled article from {parts.netloc}"
    return f"Untitled article {article_id[:8]}" if article_id else "Untitled article"


def place_label(location: Any) -> str:
    if not location:
        return ""
    if isinstance(location, str):
        return location
    name, country = location.get("name") or "", location.get("country")
    return f"{name} ({country})" if country and location.get("precision") == "city" else name


_CODE_SPAN = re.compile(r"``([^`]+)``|`([^`]+)`")


def inline_code(text: str | None) -> Markup:
    """Text with `backticked` words as <code>, everything else escaped."""
    escaped = str(escape(text or ""))
    return Markup(_CODE_SPAN.sub(lambda m: f"<code>{m.group(1) or m.group(2)}</code>", escaped))
