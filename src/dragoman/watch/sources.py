"""Sources to follow: the sources file, URL normalisation, poll intervals.

A sources file is YAML with a ``sources`` list; each entry has ``url`` (an RSS, Atom or JSON
feed, or a sitemap or sitemap index) or ``folder`` (a local directory), and optionally
``name``, ``outlet``, ``language`` and ``interval`` (``90s``, ``15m``, ``2h``, ``1d`` or seconds).
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import yaml

ENTRY_KEYS = {"url", "folder", "name", "outlet", "language", "interval"}
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


class SourceError(ValueError):
    """A sources file or a source entry that cannot be used; the message names it."""


@dataclass(slots=True)
class Source:
    key: str  # the normalised URL, or "folder:" + the absolute path
    kind: str  # "url" (feed or sitemap, told apart when fetched) or "folder"
    location: str  # the URL or the folder path
    name: str | None = None
    outlet: str | None = None
    language: str | None = None
    interval: int | None = None  # seconds; None: the watch default

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def label(self) -> str:
        return self.name or self.location

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Source":
        return cls(**{k: row.get(k) for k in ("key", "kind", "location", "name", "outlet", "language", "interval")})


def parse_interval(value: Any) -> int:
    """``"15m"`` -> 900; plain numbers are seconds."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return int(value)
    match = _INTERVAL.match(str(value))
    if not match or float(match.group(1)) <= 0:
        raise SourceError(f"not an interval: {value!r} (write e.g. 90s, 15m, 2h or 1d)")
    return max(1, int(float(match.group(1)) * _UNITS[match.group(2).lower()]))


def normalise_url(url: str) -> str:
    """One spelling per page: courlan's normalisation (lower-case host, default port and tracking
    parameters dropped, query sorted), without the fragment."""
    from courlan import normalize_url

    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise SourceError(f"not an http(s) URL: {url!r}")
    try:
        normal = normalize_url(url)
    except (ValueError, AttributeError):
        normal = url
    parts = urlsplit(normal)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def make_source(url: str | None = None, folder: str | Path | None = None, *, name: str | None = None,
                outlet: str | None = None, language: str | None = None, interval: Any = None) -> Source:
    if (url is None) == (folder is None):
        raise SourceError("a source needs exactly one of 'url' or 'folder'")
    every = parse_interval(interval) if interval is not None else None
    extra = {"name": _text(name), "outlet": _text(outlet), "language": _text(language), "interval": every}
    if url is not None:
        key = normalise_url(str(url))
        return Source(key, "url", key, **extra)
    path = Path(str(folder)).expanduser().resolve()
    return Source(f"folder:{path}", "folder", str(path), **extra)


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def source_from_argument(target: str, **extra: Any) -> Source:
    """``dragoman sources add``: an http(s) URL, or an existing directory."""
    if re.match(r"^https?://", target, re.I):
        return make_source(url=target, **extra)
    if Path(target).expanduser().is_dir():
        return make_source(folder=target, **extra)
    raise SourceError(f"{target}: neither an http(s) URL nor an existing folder")


def load_sources_file(path: str | Path) -> list[Source]:
    """Read and check a sources file; the first problem raises ``SourceError`` naming the file."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise SourceError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise SourceError(f"{path}: expected a 'sources:' list")
    sources, seen = [], set()
    for number, entry in enumerate(entries, start=1):
        if isinstance(entry, str):
            entry = {"url": entry}
        if not isinstance(entry, dict):
            raise SourceError(f"{path}: source {number}: expected a mapping with 'url' or 'folder'")
        unknown = set(entry) - ENTRY_KEYS
        if unknown:
            raise SourceError(f"{path}: source {number}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        folder = entry.get("folder")
        if folder is not None and not Path(str(folder)).is_absolute():
            folder = path.parent / str(folder)  # relative to the sources file, like an include
        try:
            source = make_source(entry.get("url"), folder, name=entry.get("name"), outlet=entry.get("outlet"),
                                 language=entry.get("language"), interval=entry.get("interval"))
        except SourceError as exc:
            raise SourceError(f"{path}: source {number}: {exc}") from None
        if source.key not in seen:
            seen.add(source.key)
            sources.append(source)
    return sources
