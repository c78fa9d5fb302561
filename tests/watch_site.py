"""A small news site on 127.0.0.1 for the watch tests and benchmark: feeds, sitemaps, article pages.

Everything it serves is written here (invented officials and statements). It answers conditional
requests (ETag, Last-Modified -> 304), logs every request, and can hold a page back until told
(to stop a watcher in the middle of a fetch). Only 127.0.0.1 is ever bound.
"""
from __future__ import annotations

import hashlib
import socket
import threading
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOST = "127.0.0.1"

COUNTRIES = [("Armenia", "Armenian", "Yerevan"), ("Georgia", "Georgian", "Tbilisi"),
             ("Kazakhstan", "Kazakh", "Astana"), ("Moldova", "Moldovan", "Chisinau"),
             ("Uzbekistan", "Uzbek", "Tashkent"), ("Azerbaijan", "Azerbaijani", "Baku")]
PEOPLE = ["Lusine Avetyan", "Giorgi Beridze", "Erlan Dzhaksybek", "Irina Volkova", "Bekzod Karimov",
          "Nigar Rustamova", "Davit Grigoryan", "Tamar Kobalia"]
TOPICS = ["a new rail corridor", "water sharing on the border rivers", "joint customs checks",
          "an electricity grid link", "the exchange of detainees", "gas transit fees", "a visa-free regime"]


def article_text(n: int) -> tuple[str, list[str]]:
    """The headline and paragraphs of invented article number ``n`` (each number its own text)."""
    a, b = COUNTRIES[n % len(COUNTRIES)], COUNTRIES[(n + 1 + n // len(COUNTRIES)) % len(COUNTRIES)]
    if a == b:
        b = COUNTRIES[(n + 2) % len(COUNTRIES)]
    person, other = PEOPLE[n % len(PEOPLE)], PEOPLE[(n + 3) % len(PEOPLE)]
    topic = TOPICS[n % len(TOPICS)]
    title = f"{a[0]} and {b[0]} resume talks on {topic} (report {n})"
    paragraphs = [
        f"{a[2].upper()} — Delegations from {a[0]} and {b[0]} met on Tuesday for a new round of talks on {topic}, "
        f"the foreign ministry of {a[0]} said in a statement numbered {1000 + n}.",
        f"\"We have agreed on most of the text, and the rest can be settled within {n % 20 + 5} days,\" "
        f"{a[1]} Foreign Minister {person} told reporters after the meeting in {a[2]}.",
        f"The {b[1]} side accused the {a[1]} delegation of dragging out the negotiations, according to "
        f"{other}, a spokesperson for the government in {b[2]}.",
        f"Officials in both capitals said a further meeting was planned for next month, the {n}th such "
        f"contact this year.",
    ]
    return title, paragraphs


def article_html(n: int, *, with_title: bool = True, with_date: bool = True) -> str:
    title, paragraphs = article_text(n)
    head = f"<title>{escape(title)}</title>" if with_title else ""
    if with_date:
        head += '<meta property="article:published_time" content="2026-11-%02dT09:00:00Z">' % (n % 28 + 1)
    h1 = f"<h1>{escape(title)}</h1>" if with_title else ""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><meta charset=\"utf-8\">{head}</head><body>"
            f"<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
            f"<article>{h1}{body}</article><footer>Example Herald, all rights reserved</footer></body></html>")


def rss(title: str, items: list[tuple[str, str, str]]) -> str:
    """RSS 2.0 of (link, title, RFC 822 date)."""
    entries = "".join(f"<item><title>{escape(t)}</title><link>{escape(link)}</link><pubDate>{d}</pubDate></item>"
                      for link, t, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>http://{HOST}/</link><description>news</description>{entries}</channel></rss>")


def atom(title: str, items: list[tuple[str, str, str]]) -> str:
    """Atom of (link, title, ISO date)."""
    entries = "".join(f"<entry><title>{escape(t)}</title><link href=\"{escape(link)}\"/><id>{escape(link)}</id>"
                      f"<updated>{d}</updated></entry>" for link, t, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>urn:x</id><updated>2026-11-30T00:00:00Z</updated>{entries}</feed>")


def urlset(urls: list[str], news_name: str | None = None) -> str:
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    if news_name:
        ns += ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
    rows = []
    for u in urls:
        news = (f"<news:news><news:publication><news:name>{escape(news_name)}</news:name></news:publication>"
                f"<news:publication_date>2026-11-20</news:publication_date></news:news>") if news_name else ""
        rows.append(f"<url><loc>{escape(u)}</loc><lastmod>2026-11-20</lastmod>{news}</url>")
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset {ns}>{"".join(rows)}</urlset>'


def sitemap_index(urls: list[str]) -> str:
    rows = "".join(f"<sitemap><loc>{escape(u)}</loc></sitemap>" for u in urls)
    return (f'<?xml version="1.0" encoding="UTF-8"?>'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</sitemapindex>')


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: bool = True  # answer If-None-Match
    last_modified: str | None = None  # answer If-Modified-Since with this date

    @property
    def tag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


@dataclass
class Hit:
    path: str
    status: int
    headers: dict[str, str]


@dataclass
class Site:
    pages: dict[str, Page] = field(default_factory=dict)
    log: list[Hit] = field(default_factory=list)
    held: dict[str, threading.Event] = field(default_factory=dict)  # path -> released when set
    arrived: dict[str, threading.Event] = field(default_factory=dict)  # path -> set when requested
    failures: dict[str, int] = field(default_factory=dict)  # path -> 503s to answer before the page
    retry_after: str | None = None  # the Retry-After header of those 503s
    redirects: dict[str, str] = field(default_factory=dict)  # path -> path it moved to (301)
    port: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://{HOST}:{self.port}{path}"

    def put(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8", **kw) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.pages[path] = Page(data, content_type, **kw)

    def hits(self, path: str) -> list[Hit]:
        with self.lock:
            return [h for h in self.log if h.path == path]

    def hold(self, path: str) -> tuple[threading.Event, threading.Event]:
        self.held[path], self.arrived[path] = threading.Event(), threading.Event()
        return self.arrived[path], self.held[path]


def serve(site: Site) -> ThreadingHTTPServer:
    """Start serving ``site`` on 127.0.0.1 (a free port, written to ``site.port``) in a daemon thread."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        wbufsize = 1 << 16  # headers and body leave in one write (no Nagle / delayed-ACK stall)

        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            path = self.path.split("#")[0]
            if path in site.arrived:
                site.arrived[path].set()
                site.held[path].wait(timeout=30)
            page = site.pages.get(path) or site.pages.get(path.split("?")[0])
            with site.lock:
                failing = site.failures.get(path, 0)
                site.failures[path] = max(0, failing - 1)
            if path in site.redirects:
                status, body, headers = 301, b"", {"Location": site.url(site.redirects[path])}
            elif failing:
                status, body, headers = 503, b"busy", {"Content-Type": "text/plain"}
                if site.retry_after:
                    headers["Retry-After"] = site.retry_after
            else:
                status, body, headers = self._answer(page)
            with site.lock:
                site.log.append(Hit(path, status, {k.lower(): v for k, v in self.headers.items()}))
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _answer(self, page: Page | None) -> tuple[int, bytes, dict[str, str]]:
            if page is None:
                return 404, b"not found", {"Content-Type": "text/plain"}
            headers = {"Content-Type": page.content_type}
            if page.etag:
                headers["ETag"] = page.tag
                if self.headers.get("If-None-Match") == page.tag:
                    return 304, b"", headers
            if page.last_modified:
                headers["Last-Modified"] = page.last_modified
                if self.headers.get("If-Modified-Since") == page.last_modified:
                    return 304, b"", headers
            return page.status, page.body, headers

    server = ThreadingHTTPServer((HOST, 0), Handler)
    server.daemon_threads = True
    site.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def closed_port() -> int:
    """A port on 127.0.0.1 with nothing listening (bound, then released)."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def http_date(day: int) -> str:
    return formatdate(1795000000 + day * 86400, usegmt=True)
