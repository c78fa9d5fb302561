"""Polite HTTP fetching: httpx with timeouts, retries with backoff, a per-host rate limit,
a clear User-Agent, robots.txt (urllib.robotparser) and conditional requests.

All of dragoman's network access goes through ``Fetcher.get``.
"""
from __future__ import annotations

import email.utils
import logging
import queue
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Iterator, TypeVar
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .. import __version__

log = logging.getLogger(__name__)

USER_AGENT = f"dragoman/{__version__} (news monitoring; python-httpx)"
MAX_BYTES = 5_000_000  # one page or feed; the same limit as for an article file
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER = 60.0  # seconds; a longer Retry-After is left to the next poll
ROBOTS_TTL = 3600.0  # seconds a host's robots.txt is trusted before it is read again
MAX_CRAWL_DELAY = 30.0  # a robots.txt Crawl-delay above this is capped


class FetchError(Exception):
    """A fetch that did not give a usable response; ``transient`` ones are worth trying again later."""

    def __init__(self, message: str, *, transient: bool, status: int | None = None):
        super().__init__(message)
        self.transient = transient
        self.status = status


class Blocked(FetchError):
    """robots.txt disallows the URL for our User-Agent."""

    def __init__(self, url: str):
        super().__init__(f"disallowed by robots.txt: {url}", transient=False)


class Stopped(Exception):
    """The watch is stopping; the request was not made."""


@dataclass(slots=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 for a conditional request that found nothing new
    content: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class FetchSettings:
    user_agent: str = USER_AGENT
    timeout: float = 20.0  # seconds for each of connect, read, write
    retries: int = 2  # extra attempts after a connection error, a timeout, 429 or 5xx
    backoff: float = 2.0  # seconds before the first retry, doubling each time
    delay: float = 1.0  # seconds between two requests to the same host (at least)
    obey_robots: bool = True


@dataclass
class _Robots:
    parser: RobotFileParser | None  # None: everything allowed (no robots.txt)
    fetched: float
    error: str | None = None  # robots.txt unreachable: nothing fetched from the host for now


@dataclass
class Fetcher:
    settings: FetchSettings = field(default_factory=FetchSettings)
    stop: threading.Event = field(default_factory=threading.Event)
    transport: httpx.BaseTransport | None = None
    clock: Callable[[], float] = time.monotonic  # for the per-host delay; tests pass their own

    def __post_init__(self) -> None:
        s = self.settings
        self.client = httpx.Client(headers={"User-Agent": s.user_agent}, follow_redirects=True,
                                   timeout=httpx.Timeout(s.timeout), transport=self.transport)
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}
        self.requests = 0

    def close(self) -> None:
        self.client.close()

    # -- the one public call ------------------------------------------------------------
    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` (conditionally when a validator is given); raises FetchError, Blocked or Stopped."""
        if self.settings.obey_robots:
            self._check_robots(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get_with_retries(url, headers)

    # -- retries, rate limit ------------------------------------------------------------
    def _get_with_retries(self, url: str, headers: dict[str, str]) -> Response:
        attempt = 0
        while True:
            try:
                return self._get_once(url, headers)
            except FetchError as exc:
                if not exc.transient or attempt >= self.settings.retries:
                    raise
                wait = getattr(exc, "retry_after", None) or self.settings.backoff * 2 ** attempt
                log.debug("retrying %s in %.1fs: %s", url, wait, exc)
                attempt += 1
                self._sleep(wait)

    def _get_once(self, url: str, headers: dict[str, str]) -> Response:
        self._wait_for_host(url)
        self.requests += 1
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                if r.status_code == 304:
                    return Response(str(r.url), 304, etag=r.headers.get("etag"),
                                    last_modified=r.headers.get("last-modified"))
                if r.status_code >= 400:
                    raise _status_error(url, r)
                content = _read_limited(url, r, deadline=time.monotonic() + 3 * self.settings.timeout)
                content_type = r.headers.get("content-type", "").split(";")[0].strip().lower()
                return Response(str(r.url), r.status_code, content, content_type, r.charset_encoding,
                                r.headers.get("etag"), r.headers.get("last-modified"))
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.settings.timeout:g}s: {url}", transient=True) from None
        except httpx.TooManyRedirects:
            raise FetchError(f"too many redirects: {url}", transient=False) from None
        except httpx.TransportError as exc:
            raise FetchError(f"cannot connect: {url} ({exc or type(exc).__name__})", transient=True) from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"invalid URL {url}: {exc}", transient=False) from None

    def _wait_for_host(self, url: str) -> None:
        host = _origin(url)
        robots = self._robots.get(host)
        delay = self.settings.delay
        if robots and robots.parser is not None:
            crawl_delay = robots.parser.crawl_delay(self.settings.user_agent)
            if crawl_delay:
                delay = max(delay, min(float(crawl_delay), MAX_CRAWL_DELAY))
        last = self._last_request.get(host)
        if last is not None:
            self._sleep(last + delay - self.clock())
        if self.stop.is_set():
            raise Stopped()
        self._last_request[host] = self.clock()

    def _sleep(self, seconds: float) -> None:
        if seconds > 0 and self.stop.wait(seconds):
            raise Stopped()

    # -- robots.txt ---------------------------------------------------------------------
    def _check_robots(self, url: str) -> None:
        host = _origin(url)
        robots = self._robots.get(host)
        if robots is None or time.monotonic() - robots.fetched > ROBOTS_TTL:
            robots = self._robots[host] = self._read_robots(host)
        if robots.error:
            raise FetchError(f"robots.txt unreachable, will try later: {robots.error}", transient=True)
        if robots.parser is not None and not robots.parser.can_fetch(self.settings.user_agent, url):
            raise Blocked(url)

    def _read_robots(self, host: str) -> _Robots:
        """Like urllib.robotparser.read, but with our client: 401/403 forbid all, other 4xx allow all."""
        try:
            r = self._get_with_retries(f"{host}/robots.txt", {})
        except FetchError as exc:
            if exc.status in (401, 403):
                parser = RobotFileParser()
                parser.disallow_all = True
                return _Robots(parser, time.monotonic())
            if exc.status is not None and 400 <= exc.status < 500:
                return _Robots(None, time.monotonic())
            # unreachable: checked again on the next poll rather than an hour later
            return _Robots(None, time.monotonic() - ROBOTS_TTL, error=str(exc))
        parser = RobotFileParser()
        parser.parse(r.content.decode("utf-8", errors="replace").splitlines())
        return _Robots(parser, time.monotonic())


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _status_error(url: str, r: httpx.Response) -> FetchError:
    transient = r.status_code in RETRY_STATUSES
    exc = FetchError(f"HTTP {r.status_code} {r.reason_phrase}: {url}", transient=transient, status=r.status_code)
    retry_after = _retry_after(r.headers.get("retry-after"))
    if retry_after is not None and retry_after <= MAX_RETRY_AFTER:
        exc.retry_after = retry_after  # type: ignore[attr-defined]
    return exc


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _read_limited(url: str, r: httpx.Response, deadline: float) -> bytes:
    """The body, up to MAX_BYTES, within the deadline (the timeout alone allows a slow drip forever)."""
    declared = r.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BYTES:
        raise FetchError(f"too large ({int(declared):,} bytes; the limit is {MAX_BYTES:,}): {url}", transient=False)
    chunks, size = [], 0
    for chunk in r.iter_bytes():
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(f"too large (over {MAX_BYTES:,} bytes): {url}", transient=False)
        if time.monotonic() > deadline:
            raise FetchError(f"too slow to send (timed out): {url}", transient=True)
        chunks.append(chunk)
    return b"".join(chunks)


T = TypeVar("T")
_DONE = object()


def read_ahead(items: Iterator[T], depth: int) -> Iterator[T]:
    """Run ``items`` (fetches: waiting on the network and on host delays) in a thread, up to
    ``depth`` ahead of the caller, so fetching overlaps analysis. The thread must not touch the
    store: the caller does all of that. An exception in it is raised in the caller."""
    if depth <= 0:
        yield from items
        return
    ready: queue.Queue = queue.Queue(maxsize=depth)
    cancel = threading.Event()

    def put(entry) -> bool:
        while not cancel.is_set():
            try:
                ready.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put((item, None)):
                    return
        except BaseException as exc:  # handed to the caller's thread
            put((None, exc))
        finally:
            put((_DONE, None))

    worker = threading.Thread(target=produce, name="dragoman-fetch", daemon=True)
    worker.start()
    try:
        while True:
            item, exc = ready.get()
            if exc is not None:
                raise exc
            if item is _DONE:
                return
            yield item
    finally:
        cancel.set()
        worker.join(timeout=1.0)
