"""What a feed or sitemap lists: RSS/Atom (feedparser), JSON Feed, sitemaps and sitemap indexes.

``parse_listing`` turns the bytes of one fetched URL into a ``Listing``: the article URLs with
whatever the listing says about each (title, date, outlet), and, for a sitemap index, the
sitemaps it points to.
"""
from __future__ import annotations

import calendar
import gzip
import json
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree

from .sources import SourceError, normalise_url

MAX_UNCOMPRESSED = 50_000_000  # a sitemap may hold 50,000 URLs (about 10 MB), gzipped or not


class MalformedListing(ValueError):
    """Neither a feed nor a sitemap, or broken beyond reading."""


@dataclass(slots=True)
class Item:
    key: str  # the normalised article URL
    title: str | None = None
    date: str | None = None  # ISO 8601 date
    outlet: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"key": self.key, "title": self.title, "date": self.date, "outlet": self.outlet}


@dataclass(slots=True)
class Listing:
    format: str  # rss, atom, json, sitemap, sitemapindex
    title: str | None = None
    items: list[Item] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # from a sitemap index
    skipped: int = 0  # entries without a usable http(s) link


def parse_listing(content: bytes, base_url: str, content_type: str = "") -> Listing:
    if content[:2] == b"\x1f\x8b":
        content = _gunzip(content)
    head = content.lstrip()[:1]
    if head in (b"{", b"[") or "json" in content_type:
        return parse_json_feed(content, base_url)
    root_name = _xml_root_name(content)
    if root_name in ("urlset", "sitemapindex"):
        return parse_sitemap(content, base_url)
    return parse_feed(content, base_url, content_type)


def parse_feed(content: bytes, base_url: str, content_type: str = "") -> Listing:
    import feedparser

    headers = {"content-location": base_url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(content, response_headers=headers)
    problem = parsed.get("bozo_exception")
    if not parsed.entries and not parsed.version:
        raise MalformedListing(f"not a readable feed or sitemap ({problem or 'no entries, no feed format'})")
    channel = parsed.feed.get("title") or None
    listing = Listing("atom" if parsed.version.startswith("atom") else "rss", title=channel)
    for entry in parsed.entries:
        link = entry.get("link") or _guid_link(entry)
        date = _struct_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        _add(listing, link, base_url, entry.get("title"), date, channel)
    broken_xml = problem is not None and "SAX" in type(problem).__name__
    if broken_xml and not listing.items:  # feedparser salvaged nothing usable from the broken XML
        raise MalformedListing(f"not a readable feed ({problem})")
    return listing


def _guid_link(entry) -> str | None:
    guid = entry.get("id")
    return guid if isinstance(guid, str) and guid.startswith(("http://", "https://")) else None


def parse_json_feed(content: bytes, base_url: str) -> Listing:
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedListing(f"not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise MalformedListing("a JSON feed needs an 'items' list")
    channel = data.get("title") if isinstance(data.get("title"), str) else None
    listing = Listing("json", title=channel)
    for entry in data["items"]:
        if not isinstance(entry, dict):
            listing.skipped += 1
            continue
        link = entry.get("url") or entry.get("external_url")
        date = entry.get("date_published") or entry.get("date_modified")
        _add(listing, link, base_url, entry.get("title"), _iso_date(date), channel)
    return listing


def parse_sitemap(content: bytes, base_url: str) -> Listing:
    """A urlset (with Google News tags where present) or a sitemap index."""
    try:
        root = etree.fromstring(content, _parser())
    except etree.XMLSyntaxError as exc:
        raise MalformedListing(f"not well-formed XML ({exc})") from None
    if _local(root.tag) == "sitemapindex":
        listing = Listing("sitemapindex")
        for loc in root.iter("{*}loc"):
            if loc.text and loc.text.strip():
                listing.sitemaps.append(urljoin(base_url, loc.text.strip()))
        return listing
    listing = Listing("sitemap")
    for url in root.iter("{*}url"):
        fields = {_local(el.tag): (el.text or "").strip() for el in url.iter() if isinstance(el.tag, str)}
        date = fields.get("publication_date")  # not lastmod: a page edited years later would take its date
        _add(listing, fields.get("loc"), base_url, fields.get("title"), _iso_date(date), fields.get("name"))
    return listing


def _add(listing: Listing, link, base_url: str, title, date: str | None, outlet) -> None:
    if not isinstance(link, str) or not link.strip():
        listing.skipped += 1
        return
    try:
        key = normalise_url(urljoin(base_url, link.strip()))
    except SourceError:
        listing.skipped += 1
        return
    listing.items.append(Item(key, _clean(title), date, _clean(outlet)))


def _clean(value) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _struct_date(value: time.struct_time | None) -> str | None:
    if not value:
        return None
    return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(value)))


def _iso_date(value) -> str | None:
    """The date part of an ISO 8601 / W3C datetime (``2026-11-30T10:00:00Z`` -> ``2026-11-30``)."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    day = value.strip()[:10]
    try:
        time.strptime(day, "%Y-%m-%d")
    except ValueError:
        return None
    return day


def _parser() -> etree.XMLParser:
    # No entities, no network, no DTDs: a sitemap is untrusted input.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _xml_root_name(content: bytes) -> str | None:
    try:
        for _, element in etree.iterparse(_BytesReader(content[:200_000]), events=("start",),
                                          resolve_entities=False, no_network=True, load_dtd=False):
            return _local(element.tag)
    except etree.XMLSyntaxError:
        return None
    return None


class _BytesReader:
    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def read(self, n: int = -1) -> bytes:
        end = len(self.data) if n is None or n < 0 else self.pos + n
        chunk = self.data[self.pos:end]
        self.pos += len(chunk)
        return chunk


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _gunzip(content: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=_BytesReader(content)) as f:
            data = f.read(MAX_UNCOMPRESSED + 1)
    except (OSError, EOFError) as exc:
        raise MalformedListing(f"broken gzip data ({exc})") from None
    if len(data) > MAX_UNCOMPRESSED:
        raise MalformedListing(f"over {MAX_UNCOMPRESSED:,} bytes uncompressed")
    return data
