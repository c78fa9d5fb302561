"""The watch loop: poll each source when it is due, analyse what is new, remember everything.

Every article goes through the same pipeline as a file (``pipeline.prepare`` and
``Analyzer.analyze``, then ``Store.save_article``). An item (an article URL, or a folder file) is
marked done only after its article is committed, so a run that stops or dies leaves it pending
and the next run takes it up; articles are keyed by their content, so a page read twice is still
stored once. A failing source is retried with a growing delay and never holds up the others.
"""
from __future__ import annotations

import logging
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import urlsplit

from ..pipeline import prepare
from ..read import RawDocument, decode, looks_binary, read_path
from ..records import Article, Failure
from .feeds import MalformedListing, parse_listing
from .fetch import Blocked, FetchError, Fetcher, Response, Stopped, read_ahead
from .folders import FolderWatch, fingerprint, scan, settled_on_disk
from .sources import Source, SourceError, normalise_url

log = logging.getLogger(__name__)

HTML_TYPES = {"text/html", "application/xhtml+xml", ""}
MAX_SITEMAP_DEPTH = 3  # an index of indexes of sitemaps, at most


@dataclass
class WatchSettings:
    interval: float = 900.0  # seconds between polls of a source that sets none
    settle: float = 2.0  # seconds a folder file must stay unchanged before it is read
    max_attempts: int = 3  # polls an article URL is tried on before it is given up
    retry_base: float = 60.0  # first delay after a failed poll, doubling per failure ...
    max_backoff: float = 6 * 3600.0  # ... up to this
    tick: float = 0.5  # how often the loop looks at folders and the clock
    batch_size: int = 16  # articles per nlp.pipe batch
    read_ahead: int = 8  # pages fetched ahead of the analysis, in a thread of their own


@dataclass
class PollReport:
    """What one poll of one source did (for the log lines the CLI prints)."""

    source: str
    status: str = "ok"  # ok | not modified | error
    new: int = 0
    analysed: int = 0
    already: int = 0
    failed: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Doc:
    """One document of an item (a page; a file; a line of a JSON Lines file), with where it came from."""

    item: dict[str, Any]  # the watch_items row: key, and the listing's title, date, outlet
    raw: RawDocument | Failure
    source: Source


@dataclass(slots=True)
class _End:
    """Marks the end of one item's documents in the analysis stream."""

    key: str
    source: Source
    alias: str | None = None  # the normalised URL the page redirected to


Notify = Callable[[str, str, str], None]  # (level: info|warning|error, source label, message)


class Monitor:
    def __init__(self, store, analyzer_factory: Callable[[], Any], fetcher: Fetcher,
                 settings: WatchSettings | None = None, notify: Notify | None = None):
        self.store = store
        self._analyzer_factory = analyzer_factory
        self._analyzer = None
        self.fetcher = fetcher
        self.settings = settings or WatchSettings()
        self.stop = fetcher.stop
        self.notify = notify or (lambda level, source, message: log.info("%s: %s", source, message))
        self.folders: dict[str, FolderWatch] = {}
        self.reports: list[PollReport] = []

    @property
    def analyzer(self):
        if self._analyzer is None:  # loaded on first use: a poll with nothing new never loads spaCy
            self._analyzer = self._analyzer_factory()
        return self._analyzer

    # -- the loop -------------------------------------------------------------------------
    def run(self, once: bool = False) -> list[PollReport]:
        """Poll until stopped (or everything once); returns the reports of the polls made."""
        with self._signals():
            try:
                while not self.stop.is_set():
                    due = [row for row in self.store.sources()
                           if once or row["next_poll"] is None or row["next_poll"] <= time.time()]
                    if due:
                        self.poll(due, once=once)
                    if once:
                        break
                    self._sync_folder_watches()
                    self._analyse_settled_files()
                    self.stop.wait(self.settings.tick)
            finally:
                for watch in self.folders.values():
                    watch.stop()
                self.folders.clear()
        return self.reports

    def request_stop(self) -> None:
        self.stop.set()

    @contextmanager
    def _signals(self):
        if threading.current_thread() is not threading.main_thread():
            yield
            return

        def handle(signum, frame):
            if self.stop.is_set():
                raise KeyboardInterrupt  # a second signal: leave now (every write is transactional)
            self.stop.set()  # first: the fetching thread must not start another page
            self.notify("info", "watch", f"{signal.Signals(signum).name}: stopping after the current article")

        previous = {s: signal.signal(s, handle) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for s, h in previous.items():
                signal.signal(s, h)

    def poll(self, rows: list[dict[str, Any]], once: bool = False) -> list[PollReport]:
        """Read the listings of these sources, then fetch and analyse their new pages.

        The pages of all the sources are fetched in turn by host (one from each host, then the
        next from each), so the per-host delay is spent fetching from the other hosts.
        """
        reports: dict[str, PollReport] = {}
        listed: list[Source] = []
        for row in rows:
            if self.stop.is_set():
                break
            source = Source.from_row(row)
            report = reports[source.key] = PollReport(source.label)
            if source.kind == "folder":
                self._poll_folder(source, row, report, once)
            else:
                self._poll_listing(source, row, report)
                listed.append(source)
        if listed and not self.stop.is_set():
            self._analyse_pending(listed, reports)
        for report in reports.values():
            self.reports.append(report)
            self._tell(report)
        return list(reports.values())

    def _next_poll(self, source: Source, row: dict[str, Any], ok: bool) -> float:
        interval = float(source.interval or self.settings.interval)
        if ok:
            return time.time() + interval
        errors = int(row.get("consecutive_errors") or 0) + 1
        base = min(self.settings.retry_base, interval)
        return time.time() + min(base * 2 ** min(errors - 1, 20), self.settings.max_backoff)

    def _error(self, report: PollReport, message: str) -> None:
        """A source-level failure: kept on the report, told at once (the summary comes at the end)."""
        report.errors.append(message)
        self.notify("error", report.source, message)

    def _tell(self, report: PollReport) -> None:
        if report.status == "error" and not (report.analysed or report.failed):
            return
        parts = [f"{report.new} new", f"{report.analysed} analysed"]
        if report.already:
            parts.append(f"{report.already} already stored")
        if report.failed:
            parts.append(f"{report.failed} failed")
        if report.skipped:
            parts.append(f"{report.skipped} skipped")
        status = "not modified; " if report.status == "not modified" else ""
        self.notify("info", report.source, status + ", ".join(parts))

    # -- feeds and sitemaps ---------------------------------------------------------------
    def _poll_listing(self, source: Source, row: dict[str, Any], report: PollReport) -> None:
        try:
            status, fmt = self._take_listing(source, source.location, report, depth=0)
        except Stopped:
            return
        except (FetchError, MalformedListing) as exc:
            report.status = "error"
            self._error(report, str(exc))
            self.store.record_poll(source.key, ok=False, status="error", error=str(exc),
                                   next_poll=self._next_poll(source, row, ok=False))
        else:
            report.status = "not modified" if status == "304" else "ok"
            if report.errors:  # a sitemap of an index failed: the rest was taken, the error is kept
                self.store.record_poll(source.key, ok=False, status="error", error=report.errors[0],
                                       next_poll=self._next_poll(source, row, ok=False))
            else:
                self.store.record_poll(source.key, ok=True, status=status, format=fmt,
                                       next_poll=self._next_poll(source, row, ok=True))

    def _take_listing(self, source: Source, url: str, report: PollReport, depth: int,
                      parent: str | None = None) -> tuple[str, str | None]:
        """Fetch one feed or sitemap (conditionally) and remember its items; then its validators."""
        etag, last_modified = self.store.http_validators(url)
        response = self.fetcher.get(url, etag=etag, last_modified=last_modified)
        if response.status == 304:
            # an index may be unchanged while the sitemaps it lists have grown
            self._take_sitemaps(source, self.store.listed_sitemaps(url), url, report, depth)
            return "304", None
        listing = parse_listing(response.content, response.url, response.content_type)
        if listing.format == "sitemapindex":
            for child in listing.sitemaps:  # listed before they are read, so one failing is not forgotten
                self.store.save_http_validators(child, *self.store.http_validators(child), parent=url)
            self._take_sitemaps(source, listing.sitemaps, url, report, depth)
        else:
            items = [i.to_dict() for i in listing.items]
            report.new += self.store.add_items(source.key, items)
        # Only now: a crash before this line polls the listing in full next time.
        self.store.save_http_validators(url, response.etag, response.last_modified, parent)
        return str(response.status), listing.format

    def _take_sitemaps(self, source: Source, sitemaps: list[str], index: str, report: PollReport,
                       depth: int) -> None:
        if sitemaps and depth >= MAX_SITEMAP_DEPTH:
            self._error(report, f"{index}: sitemap indexes nested deeper than {MAX_SITEMAP_DEPTH}; inner ones ignored")
            return
        for child in sitemaps:
            if self.stop.is_set():
                raise Stopped()
            try:
                self._take_listing(source, child, report, depth + 1, parent=index)
            except (FetchError, MalformedListing) as exc:
                self._error(report, f"{child}: {exc}")

    def _analyse_pending(self, sources: list[Source], reports: dict[str, PollReport]) -> None:
        by_host: dict[str, list[tuple[dict[str, Any], Source]]] = {}
        for source in sources:  # pending: new, and left over from a run that stopped or failed
            for item in self.store.pending_items(source.key):
                by_host.setdefault(urlsplit(item["key"]).netloc, []).append((item, source))
        turns = (pair for turn in zip_longest(*by_host.values()) for pair in turn if pair is not None)
        fetched = read_ahead(self._fetch(turns), self.settings.read_ahead)
        self._consume(self._pages(fetched, reports), reports)

    def _fetch(self, items: Iterable[tuple[dict[str, Any], Source]]) -> Iterator[tuple[dict, Source, Any, str]]:
        """(item, source, RawDocument | Failure | FetchError, final URL) for each page.

        Runs in the read-ahead thread: no store access here."""
        for item, source in items:
            if self.stop.is_set():
                return
            try:
                response = self.fetcher.get(item["key"])
            except Stopped:
                return
            except FetchError as exc:
                yield item, source, exc, item["key"]
                continue
            yield item, source, page_document(item["key"], response), response.url

    def _pages(self, fetched: Iterable[tuple[dict, Source, Any, str]],
               reports: dict[str, PollReport]) -> Iterator[_Doc | _End]:
        """Every page fetched goes on to analysis, even after a stop: none is fetched twice."""
        for item, source, outcome, final_url in fetched:
            key, report = item["key"], reports[source.key]
            if isinstance(outcome, Blocked):
                self.store.finish_item(key, "skipped", error=str(outcome))
                report.skipped += 1
            elif isinstance(outcome, FetchError):
                self._fetch_failed(key, outcome, report)
            else:
                yield _Doc(item, outcome, source)
                yield _End(key, source, _redirected(key, final_url))

    def _fetch_failed(self, key: str, exc: FetchError, report: PollReport) -> None:
        if exc.transient:
            gave_up = self.store.retry_item(key, str(exc), max_attempts=self.settings.max_attempts)
            note = "given up" if gave_up else "will try again next poll"
        else:
            self.store.finish_item(key, "failed", error=str(exc))
            gave_up, note = True, "given up"
        report.failed += gave_up
        self.notify("warning", report.source, f"{exc} ({note})")

    # -- folders --------------------------------------------------------------------------
    def _poll_folder(self, source: Source, row: dict[str, Any], report: PollReport, once: bool) -> None:
        root = Path(source.location)
        if not root.is_dir():
            error = f"{root}: no such folder"
            report.status = "error"
            self._error(report, error)
            self.store.record_poll(source.key, ok=False, status="error", error=error,
                                   next_poll=self._next_poll(source, row, ok=False))
            return
        self.store.record_poll(source.key, ok=True, status="scanned", format="folder",
                               next_poll=self._next_poll(source, row, ok=True))
        if not once:  # the folder watch takes them once they have settled
            watch = self._folder_watch(source)
            for path in scan(root):
                watch.offer(path)
            return
        ready, waiting = [], 0
        for path in scan(root):
            if not settled_on_disk(path, self.settings.settle):
                waiting += 1
            elif self._offer_file(source, path):
                ready.append(path)
        if waiting:
            self.notify("info", source.label, f"{waiting} file(s) still being written; left for the next run")
        report.new += len(ready)
        self._consume(self._read_files(source, ready), {source.key: report})

    def _offer_file(self, source: Source, path: Path) -> bool:
        fp = fingerprint(path)
        return fp is not None and self.store.offer_file(source.key, path.resolve().as_uri(), fp)

    def _read_files(self, source: Source, paths: Iterable[Path]) -> Iterator[_Doc | _End]:
        for path in paths:
            if self.stop.is_set():
                return
            key = path.resolve().as_uri()
            for doc in read_path(path):
                yield _Doc({"key": key}, doc, source)
            yield _End(key, source)

    def _folder_watch(self, source: Source) -> FolderWatch:
        watch = self.folders.get(source.key)
        if watch is None:
            watch = self.folders[source.key] = FolderWatch(Path(source.location), self.settings.settle)
            watch.start()
        return watch

    def _sync_folder_watches(self) -> None:
        active = {row["key"] for row in self.store.sources() if row["kind"] == "folder"}
        for key in list(self.folders):
            if key not in active:
                self.folders.pop(key).stop()

    def _analyse_settled_files(self) -> None:
        for key, watch in list(self.folders.items()):
            ready = watch.settled()
            if not ready:
                continue
            row = next((r for r in self.store.sources() if r["key"] == key), None)
            if row is None:
                continue
            source = Source.from_row(row)
            offered = [p for p in ready if self._offer_file(source, p)]
            if not offered:
                continue
            report = PollReport(source.label, new=len(offered))
            self._consume(self._read_files(source, offered), {source.key: report})
            self.reports.append(report)
            self._tell(report)

    # -- analysis -------------------------------------------------------------------------
    def _consume(self, stream: Iterable[_Doc | _End], reports: dict[str, PollReport]) -> None:
        """Analyse the documents of a stream of items and close each item once all of its are stored."""
        failures: dict[str, list[str]] = {}
        stored: dict[str, str] = {}
        for key, source, outcome in self._analysed(stream):
            report = reports[source.key]
            if isinstance(outcome, _End):
                self._close_item(key, stored.pop(key, None), failures.pop(key, []), report)
                if outcome.alias:
                    self.store.alias_item(key, outcome.alias)
            elif isinstance(outcome, Failure):
                failures.setdefault(key, []).append(outcome.reason)
                self.notify("warning", report.source, f"{outcome.source}: {outcome.reason}")
            else:
                report.already += isinstance(outcome, _Already)
                stored.setdefault(key, outcome.id)

    def _close_item(self, key: str, article_id: str | None, failures: list[str], report: PollReport) -> None:
        if article_id is None and failures:
            self.store.finish_item(key, "failed", error=failures[0])
            report.failed += 1
        else:
            self.store.finish_item(key, "done", article_id=article_id, error=failures[0] if failures else None)
            report.analysed += 1

    def _analysed(self, stream: Iterable[_Doc | _End]) -> Iterator[tuple[str, Source, Any]]:
        """(item key, source, stored Article | _Already | Failure | _End) in stream order, parsed in batches."""
        pending: list[tuple[str, Source, Any]] = []  # (key, source, Article to analyse | outcome)
        to_parse = 0
        for entry in stream:
            if isinstance(entry, _End):
                pending.append((entry.key, entry.source, entry))
                continue
            raw = entry.raw
            prepared = raw if isinstance(raw, Failure) else prepare(raw)
            if isinstance(prepared, Article):
                fill_from_listing(prepared, entry.item, entry.source)
                if self.store.is_stored(prepared):
                    prepared = _Already(prepared.id)
                else:
                    to_parse += 1
            pending.append((entry.item["key"], entry.source, prepared))
            if to_parse >= self.settings.batch_size:
                yield from self._flush(pending)
                pending, to_parse = [], 0
        yield from self._flush(pending)

    def _flush(self, pending: list[tuple[str, Source, Any]]) -> Iterator[tuple[str, Source, Any]]:
        articles = [value for _, _, value in pending if isinstance(value, Article)]
        results = iter(self.analyzer.analyze(articles)) if articles else iter(())
        for key, source, value in pending:
            if isinstance(value, Article):
                value = next(results)
                if isinstance(value, Article):
                    self.store.save_article(value)
            yield key, source, value


@dataclass(slots=True)
class _Already:
    """An article whose content is already stored (under another URL or file)."""

    id: str


def _is_host_name(outlet: str | None) -> bool:
    """An outlet that is only the page's host name (what trafilatura falls back to), not a name."""
    return bool(outlet) and " " not in outlet and ("." in outlet or ":" in outlet)


def fill_from_listing(article: Article, item: dict[str, Any], source: Source) -> None:
    """The page's own title and date win; the feed's fill the gaps. A source's outlet setting wins."""
    article.title = article.title or item.get("title")
    article.date = article.date or item.get("date")
    page_outlet = None if _is_host_name(article.outlet) else article.outlet
    article.outlet = source.outlet or page_outlet or item.get("outlet") or article.outlet
    if article.url is None and str(item.get("key", "")).startswith(("http://", "https://")):
        article.url = item["key"]


def _redirected(key: str, final_url: str) -> str | None:
    try:
        final = normalise_url(final_url)
    except SourceError:
        return None
    return final if final != key else None


def page_document(url: str, response: Response) -> RawDocument | Failure:
    """The fetched page as the reader would have read it from a file."""
    kind = response.content_type
    if kind not in HTML_TYPES and kind != "text/plain":
        return Failure(url, f"not an article page ({kind})")
    data = response.content
    if not data.strip():
        return Failure(url, "empty page")
    if looks_binary(data):
        return Failure(url, "binary content, not text")
    text = None
    if response.charset:
        try:
            text = data.decode(response.charset)
        except (UnicodeDecodeError, LookupError):
            text = None
    text = text if text is not None else decode(data)
    if text is None:
        return Failure(url, "cannot detect the text encoding")
    if kind == "text/plain":
        return RawDocument(url, text=text, url=response.url)
    return RawDocument(url, html=text, url=response.url)
