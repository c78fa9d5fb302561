"""The parts of `dragoman watch` without spaCy: sources, URL normalisation, listings, the fetcher,
the state kept in the store, the `sources` commands and the Sources page. Network: 127.0.0.1 only."""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.store import SQLiteStore
from dragoman.watch.feeds import MalformedListing, parse_listing
from dragoman.watch.fetch import Blocked, FetchError, FetchSettings, Fetcher
from dragoman.watch.monitor import Monitor, WatchSettings
from dragoman.watch.sources import (SourceError, load_sources_file, make_source, normalise_url, parse_interval)
from dragoman.web import create_app

sys.path.insert(0, str(Path(__file__).parent))
from watch_site import (Site, article_html, atom, closed_port, rss, serve, sitemap_index,  # noqa: E402
                        urlset)


@pytest.fixture()
def site():
    s = Site()
    server = serve(s)
    yield s
    server.shutdown()
    server.server_close()


class RecordingFetcher(Fetcher):
    """Records the pauses it would take instead of taking them, on a clock that only they move."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.pauses: list[float] = []
        self.now = 1000.0
        self.clock = lambda: self.now

    def _sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.pauses.append(round(seconds, 2))
            self.now += seconds


def fetcher(**settings) -> RecordingFetcher:
    return RecordingFetcher(FetchSettings(**{"delay": 0, "retries": 0, "timeout": 5, **settings}))


# -- sources ----------------------------------------------------------------------------------
@pytest.mark.parametrize("url, expected", [
    ("HTTP://News.Example.ORG:80/world/a.html#comments", "http://news.example.org/world/a.html"),
    ("https://news.example.org/a?utm_source=rss&utm_medium=feed&id=7", "https://news.example.org/a?id=7"),
    ("https://news.example.org/a?b=2&a=1", "https://news.example.org/a?a=1&b=2"),
    ("https://news.example.org", "https://news.example.org/"),
    ("http://127.0.0.1:8123/x", "http://127.0.0.1:8123/x"),
])
def test_urls_are_normalised(url, expected):
    assert normalise_url(url) == expected


@pytest.mark.parametrize("bad", ["ftp://example.org/feed", "example.org/feed", "http://", "javascript:alert(1)"])
def test_non_http_urls_are_refused(bad):
    with pytest.raises(SourceError):
        normalise_url(bad)


@pytest.mark.parametrize("value, seconds", [("90s", 90), ("15m", 900), ("2h", 7200), ("1d", 86400), (300, 300),
                                            ("0.5m", 30)])
def test_intervals(value, seconds):
    assert parse_interval(value) == seconds


@pytest.mark.parametrize("bad", ["soon", "0m", "-5m", "15 minutes"])
def test_bad_intervals(bad):
    with pytest.raises(SourceError):
        parse_interval(bad)


def test_sources_file(tmp_path):
    (tmp_path / "inbox").mkdir()
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n  - url: https://example.org/world/rss.xml\n    name: Example wire\n    interval: 5m\n"
                    "  - https://example.org/sitemap.xml\n  - folder: inbox\n    outlet: Scraper\n"
                    "  - url: https://EXAMPLE.org/world/rss.xml#dup\n", encoding="utf-8")
    sources = load_sources_file(path)
    assert [(s.kind, s.location) for s in sources] == [
        ("url", "https://example.org/world/rss.xml"), ("url", "https://example.org/sitemap.xml"),
        ("folder", str((tmp_path / "inbox").resolve()))]
    assert sources[0].name == "Example wire" and sources[0].interval == 300 and sources[2].outlet == "Scraper"


@pytest.mark.parametrize("content, message", [
    ("sources: [", "not valid YAML"),
    ("feeds: []", "expected a 'sources:' list"),
    ("sources:\n  - url: https://example.org/rss\n    colour: red\n", "source 1: unknown key(s) colour"),
    ("sources:\n  - name: nothing to follow\n", "source 1: a source needs exactly one of 'url' or 'folder'"),
    ("sources:\n  - url: https://example.org/rss\n    interval: often\n", "source 1: not an interval"),
])
def test_sources_file_errors_name_the_file_and_entry(tmp_path, content, message):
    path = tmp_path / "sources.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_sources_file(path)
    assert str(caught.value).startswith(f"{path}: ") and message in str(caught.value)


# -- listings ---------------------------------------------------------------------------------
def test_rss_atom_json_and_sitemaps():
    base = "http://127.0.0.1:9/feeds/"
    feed = parse_listing(rss("Wire", [("/a.html?utm_source=x", " Talks  resume ", "Tue, 01 Dec 2026 10:00:00 GMT"),
                                      ("", "no link", "Tue, 01 Dec 2026 10:00:00 GMT")]).encode(), base)
    assert (feed.format, feed.skipped) == ("rss", 1)
    assert feed.items[0].to_dict() == {"key": "http://127.0.0.1:9/a.html", "title": "Talks resume",
                                       "date": "2026-12-01", "outlet": "Wire"}
    entries = parse_listing(atom("Desk", [("b.html", "B", "2026-11-04T23:30:00-02:00")]).encode(), base)
    assert entries.format == "atom" and entries.items[0].key == "http://127.0.0.1:9/feeds/b.html"
    assert entries.items[0].date == "2026-11-05"  # in UTC
    json_feed = parse_listing(json.dumps({"title": "J", "items": [
        {"url": "https://example.org/j", "title": "J1", "date_published": "2026-11-30T10:00:00Z"},
        {"external_url": "https://example.org/k"}, "junk"]}).encode(), base)
    assert [i.key for i in json_feed.items] == ["https://example.org/j", "https://example.org/k"]
    assert json_feed.skipped == 1
    news = parse_listing(gzip.compress(urlset(["https://example.org/n1"], news_name="News").encode()), base)
    assert news.format == "sitemap" and news.items[0].to_dict() == {
        "key": "https://example.org/n1", "title": None, "date": "2026-11-20", "outlet": "News"}
    index = parse_listing(sitemap_index(["/s1.xml.gz", "https://example.org/s2.xml"]).encode(), base)
    assert index.format == "sitemapindex"
    assert index.sitemaps == ["http://127.0.0.1:9/s1.xml.gz", "https://example.org/s2.xml"]


@pytest.mark.parametrize("content", [
    b"<rss><channel><title>Broken</title><item><title>half", b"<html><body><p>Not a feed</p></body></html>",
    b"{\"title\": \"no items\"}", b"{broken json", b"\x1f\x8b\x08not gzip at all",
])
def test_malformed_listings_raise(content):
    with pytest.raises(MalformedListing):
        parse_listing(content, "http://127.0.0.1:9/")


def test_sitemap_entities_are_not_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("https://example.org/leaked", encoding="utf-8")
    doc = (f'<!DOCTYPE x [<!ENTITY e SYSTEM "{secret.as_uri()}">]>'
           '<urlset><url><loc>&e;</loc></url><url><loc>https://example.org/ok</loc></url></urlset>')
    listing = parse_listing(doc.encode(), "http://127.0.0.1:9/")
    assert [i.key for i in listing.items] == ["https://example.org/ok"]


# -- fetching ---------------------------------------------------------------------------------
def test_conditional_requests_get_304(site):
    site.put("/rss.xml", rss("Wire", []), "application/rss+xml", last_modified="Mon, 30 Nov 2026 10:00:00 GMT")
    f = fetcher()
    first = f.get(site.url("/rss.xml"))
    assert first.status == 200 and first.etag and first.last_modified
    assert f.get(site.url("/rss.xml"), etag=first.etag).status == 304
    assert f.get(site.url("/rss.xml"), last_modified=first.last_modified).status == 304
    assert site.hits("/rss.xml")[-1].headers["user-agent"].startswith("dragoman/")


def test_retries_with_backoff_then_gives_up(site):
    site.put("/a.html", article_html(1))
    site.failures["/a.html"] = 2
    f = fetcher(retries=2, backoff=0.5)
    assert f.get(site.url("/a.html")).status == 200
    assert f.pauses == [0.5, 1.0] and len(site.hits("/a.html")) == 3
    site.failures["/a.html"] = 5
    with pytest.raises(FetchError) as caught:
        fetcher(retries=1, backoff=0.5).get(site.url("/a.html"))
    assert caught.value.transient and "HTTP 503" in str(caught.value)


def test_client_errors_are_not_retried(site):
    f = fetcher(retries=3)
    with pytest.raises(FetchError) as caught:
        f.get(site.url("/missing.html"))
    assert not caught.value.transient and caught.value.status == 404 and len(site.hits("/missing.html")) == 1


def test_per_host_delay_and_crawl_delay(site):
    site.put("/robots.txt", "User-agent: *\nCrawl-delay: 3\n", "text/plain")
    site.put("/a.html", article_html(1))
    f = fetcher(delay=1.0)
    f.get(site.url("/a.html"))
    f.get(site.url("/a.html"))
    assert f.pauses == [3.0, 3.0]  # after robots.txt, and between the two pages


def test_robots_disallow_and_forbidden_robots(site):
    site.put("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    site.put("/private/a.html", article_html(1))
    site.put("/open.html", article_html(2))
    f = fetcher()
    with pytest.raises(Blocked):
        f.get(site.url("/private/a.html"))
    assert f.get(site.url("/open.html")).status == 200
    assert not site.hits("/private/a.html")
    site.put("/robots.txt", "no", "text/plain", status=403)
    with pytest.raises(Blocked):
        fetcher().get(site.url("/open.html"))


def test_dead_host_and_oversized_page(site, monkeypatch):
    with pytest.raises(FetchError) as caught:
        fetcher().get(f"http://127.0.0.1:{closed_port()}/rss.xml")
    assert caught.value.transient and "cannot connect" in str(caught.value)
    monkeypatch.setattr("dragoman.watch.fetch.MAX_BYTES", 1000)
    site.put("/big.html", "x" * 5000)
    with pytest.raises(FetchError, match="too large"):
        fetcher().get(site.url("/big.html"))


# -- state in the store -----------------------------------------------------------------------
def test_a_page_that_keeps_failing_is_given_up_after_max_attempts(site, tmp_path, make_store):
    site.put("/robots.txt", "", "text/plain")
    site.put("/rss.xml", rss("Wire", [(site.url("/busy.html"), "Busy", "Tue, 01 Dec 2026 10:00:00 GMT")]),
             "application/rss+xml")
    site.failures["/busy.html"] = 100
    store = make_store()
    store.save_source(make_source(url=site.url("/rss.xml")).to_dict(), "test")

    def no_analysis():
        raise AssertionError("nothing here should need analysing")

    monitor = Monitor(store, no_analysis, fetcher(), WatchSettings(max_attempts=3))
    statuses = []
    for _ in range(3):
        monitor.run(once=True)
        item = store.watch_item(site.url("/busy.html"))
        statuses.append((item["status"], item["attempts"]))
    assert statuses == [("pending", 1), ("pending", 2), ("failed", 2)]
    assert store.sources()[0]["items_failed"] == 1 and store.sources()[0]["consecutive_errors"] == 0
    store.close()


def test_file_items_are_pending_again_only_when_changed(tmp_path, make_store):
    store = make_store()
    store.save_source({"key": "folder:/in", "kind": "folder", "location": "/in"}, "test")
    assert store.offer_file("folder:/in", "file:///in/a.txt", "10:1")
    store.finish_item("file:///in/a.txt", "done", article_id="abc")
    assert not store.offer_file("folder:/in", "file:///in/a.txt", "10:1")
    assert store.offer_file("folder:/in", "file:///in/a.txt", "12:2")
    assert store.watch_item("file:///in/a.txt")["status"] == "pending"
    store.close()


# -- commands and the Sources page ------------------------------------------------------------
def cli(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_sources_add_list_remove(tmp_path):
    db = str(tmp_path / "w.db")
    assert cli("sources", "add", "https://Example.org/world/rss.xml?utm_source=x", "--name", "Wire",
               "--interval", "10m", "--db", db).exit_code == 0
    assert cli("sources", "add", str(tmp_path), "--db", db).exit_code == 0
    bad = cli("sources", "add", "not-a-source", "--db", db)
    assert bad.exit_code == 2 and "neither an http(s) URL nor an existing folder" in bad.output
    listed = [json.loads(line) for line in cli("sources", "list", "--format", "jsonl", "--db", db).stdout.splitlines()]
    assert sorted((s["key"], s["name"], s["interval"]) for s in listed) == [
        (f"folder:{tmp_path.resolve()}", None, None), ("https://example.org/world/rss.xml", "Wire", 600)]
    assert "Wire" in cli("sources", "list", "--db", db).stdout
    assert cli("sources", "remove", "https://example.org/world/rss.xml", "--db", db).exit_code == 0
    assert cli("sources", "remove", str(tmp_path), "--db", db).exit_code == 0
    assert cli("sources", "remove", str(tmp_path), "--db", db).exit_code == 1
    empty = cli("watch", "--once", "--db", db)
    assert empty.exit_code == 2 and "no sources to watch" in empty.output


def test_a_source_dropped_from_the_file_is_no_longer_followed(tmp_path, site):
    site.put("/robots.txt", "", "text/plain")
    site.put("/a.xml", rss("A", []), "application/rss+xml")
    site.put("/b.xml", rss("B", []), "application/rss+xml")
    path, db = tmp_path / "sources.yaml", str(tmp_path / "w.db")
    path.write_text(f"sources:\n  - {site.url('/a.xml')}\n  - {site.url('/b.xml')}\n", encoding="utf-8")
    assert cli("watch", str(path), "--once", "--db", db, "--delay", "0").exit_code == 0
    path.write_text(f"sources:\n  - {site.url('/a.xml')}\n", encoding="utf-8")
    result = cli("watch", str(path), "--once", "--db", db, "--delay", "0")
    assert "1 source(s) no longer in" in result.output
    assert [h.status for h in site.hits("/b.xml")] == [200]


def test_sources_api_and_page(tmp_path):
    db = tmp_path / "w.db"
    store = SQLiteStore(db)
    for key, name in (("https://example.org/ok.xml", "Good wire"), ("https://example.org/bad.xml", "Bad <wire>"),
                      ("https://example.org/new.xml", None)):
        store.save_source(make_source(url=key, name=name).to_dict(), "cli")
    store.record_poll("https://example.org/ok.xml", ok=True, status="200", next_poll=0, format="rss")
    store.add_items("https://example.org/ok.xml", [{"key": "https://example.org/1"}, {"key": "https://example.org/2"}])
    store.finish_item("https://example.org/1", "done", article_id="x")
    store.record_poll("https://example.org/bad.xml", ok=False, status="error", next_poll=0,
                      error="not a readable feed (syntax error)")
    store.close()
    client = TestClient(create_app(str(db)))
    page = client.get("/api/sources").json()
    health = {s["key"]: (s["health"], s["items_seen"], s["items_analysed"], s["items_pending"], s["last_error"])
              for s in page["items"]}
    assert health == {"https://example.org/ok.xml": ("ok", 2, 1, 1, None),
                      "https://example.org/bad.xml": ("failing", 0, 0, 0, "not a readable feed (syntax error)"),
                      "https://example.org/new.xml": ("never polled", 0, 0, 0, None)}
    assert client.get("/api/sources", params={"limit": 1}).json()["has_more"]
    html = client.get("/sources").text
    assert "Bad &lt;wire&gt;" in html and "failing" in html and "not a readable feed" in html
    assert '<a href="/sources">Sources</a>' in client.get("/").text


def test_pages_are_fetched_in_turn_by_host(tmp_path, make_store):
    """Two sites (two hosts): their pages alternate, so one host's delay is spent on the other."""
    sites, servers = [Site(), Site()], []
    for s in sites:
        servers.append(serve(s))
        s.put("/robots.txt", "", "text/plain")
        for n in range(3):
            s.put(f"/{n}.pdf", b"%PDF-1.4 not an article", "application/pdf")
        s.put("/rss.xml", rss("W", [(s.url(f"/{n}.pdf"), str(n), "Tue, 01 Dec 2026 10:00:00 GMT") for n in range(3)]),
              "application/rss+xml")
    store = make_store()
    for s in sites:
        store.save_source(make_source(url=s.url("/rss.xml")).to_dict(), "test")
    order: list[str] = []
    f = fetcher()
    plain_get = f.get
    f.get = lambda url, **kw: order.append(url) or plain_get(url, **kw)
    try:
        reports = Monitor(store, lambda: None, f).run(once=True)
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
    pages = [u for u in order if u.endswith(".pdf")]
    assert sorted(pages) == sorted(s.url(f"/{n}.pdf") for s in sites for n in range(3))
    assert all(p.rsplit("/", 1)[0] != q.rsplit("/", 1)[0] for p, q in zip(pages, pages[1:]))
    assert [(r.new, r.failed) for r in reports] == [(3, 3), (3, 3)]
    item = store.watch_item(sites[0].url("/0.pdf"))
    assert (item["status"], item["error"]) == ("failed", "not an article page (application/pdf)")
    store.close()


@pytest.mark.parametrize("header, seconds", [("7", 7.0), (None, None), ("soon", None), ("0", 0.0)])
def test_retry_after(header, seconds):
    from dragoman.watch.fetch import _retry_after

    assert _retry_after(header) == seconds


def test_retry_after_is_honoured(site):
    site.put("/rss.xml", rss("W", []), "application/rss+xml")
    site.failures["/rss.xml"], site.retry_after = 1, "3"
    f = fetcher(retries=1, backoff=0.5)
    assert f.get(site.url("/rss.xml")).status == 200
    assert f.pauses == [3.0]


def test_a_redirect_target_is_not_fetched_again(site, tmp_path, make_store):
    site.put("/robots.txt", "", "text/plain")
    site.put("/new/a.pdf", b"%PDF-1.4", "application/pdf")
    site.redirects["/old/a.pdf"] = "/new/a.pdf"
    site.put("/rss.xml", rss("W", [(site.url("/old/a.pdf"), "A", "Tue, 01 Dec 2026 10:00:00 GMT")]),
             "application/rss+xml")
    site.put("/rss2.xml", rss("W2", [(site.url("/new/a.pdf"), "A", "Tue, 01 Dec 2026 10:00:00 GMT")]),
             "application/rss+xml")
    store = make_store()
    store.save_source(make_source(url=site.url("/rss.xml")).to_dict(), "test")
    Monitor(store, lambda: None, fetcher()).run(once=True)
    store.save_source(make_source(url=site.url("/rss2.xml")).to_dict(), "test")
    Monitor(store, lambda: None, fetcher()).run(once=True)
    assert len(site.hits("/new/a.pdf")) == 1
    alias = store.watch_item(site.url("/new/a.pdf"))
    assert (alias["status"], alias["error"]) == ("failed", "not an article page (application/pdf)")
    store.close()


def test_every_watch_option_is_documented():
    import typer.main

    doc = (Path(__file__).parent.parent / "docs" / "monitoring.md").read_text(encoding="utf-8")
    command = typer.main.get_command(app).commands["watch"]
    options = [name for p in command.params if p.param_type_name == "option" for name in p.opts
               if name.startswith("--")]
    assert options and [o for o in options if f"`{o}`" not in doc and o != "--help"] == []
    for sub in ("add", "list", "remove"):
        assert f"dragoman sources {sub}" in doc
