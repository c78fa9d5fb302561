"""`dragoman watch` end to end against a local news site on 127.0.0.1 (tests/watch_site.py).

Feeds (RSS, Atom, JSON Feed), a sitemap index with a plain and a news sitemap, article pages,
robots.txt, a malformed feed and a dead host. Three polls analyse every article exactly once;
the second poll of unchanged feeds costs 304s; SIGTERM in the middle of a page fetch, then a
restart, loses and duplicates nothing. Every page is invented; nothing leaves 127.0.0.1.
"""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dragoman.cli import app

sys.path.insert(0, str(Path(__file__).parent))
from watch_site import (Site, article_html, article_text, atom, closed_port, http_date, rss,  # noqa: E402
                        serve, sitemap_index, urlset)

DRAGOMAN = Path(sys.executable).with_name("dragoman")
FAST = ["--delay", "0", "--retries", "0", "--timeout", "10"]


def watch(sources: Path, db: Path, *extra: str):
    return CliRunner().invoke(app, ["watch", str(sources), "--once", "--db", str(db), *FAST, *extra],
                              catch_exceptions=False)


def rows(db: Path, sql: str, *params) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


class NewsSite:
    """The site of the three-poll test, with the article numbers each listing points at."""

    def __init__(self) -> None:
        self.site = Site()
        self.server = serve(self.site)
        s = self.site
        s.put("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
        for n in range(1, 15):
            # article 3 has no title and no date of its own: the feed's must fill in
            s.put(f"/news/{n}.html", article_html(n, with_title=n != 3, with_date=n != 3))
        s.put("/private/9.html", article_html(99))
        self.rss_items = [(s.url("/news/1.html"), "One", http_date(1)),
                          (s.url("/news/2.html?utm_source=rss&utm_medium=feed"), "Two", http_date(2)),
                          (s.url("/news/3.html"), "Feed headline for three", http_date(3)),
                          (s.url("/private/9.html"), "Members only", http_date(3))]
        self.put_rss()
        s.put("/desk/atom.xml", atom("Example Desk", [(s.url("/news/4.html"), "Four", "2026-11-04T08:00:00Z"),
                                                      (s.url("/news/2.html#comments"), "Two again",
                                                       "2026-11-02T08:00:00Z")]),
              "application/atom+xml", etag=False, last_modified=http_date(10))
        s.put("/feed.json", json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "JSON desk",
                                        "items": [{"id": "5", "url": s.url("/news/5.html"), "title": "Five",
                                                   "date_published": "2026-11-05T10:00:00Z"}]}),
              "application/feed+json")
        s.put("/sitemap_index.xml", sitemap_index([s.url("/sitemaps/a.xml"), s.url("/sitemaps/b.xml")]),
              "application/xml")
        s.put("/sitemaps/a.xml", urlset([s.url("/news/6.html"), s.url("/news/7.html")]), "application/xml")
        self.news_urls = [s.url("/news/8.html")]
        self.put_news_sitemap()
        s.put("/broken/rss.xml", "<rss><channel><title>Broken</title><item><title>half an item", "application/rss+xml")
        self.expected = {1, 2, 3, 4, 5, 6, 7, 8}

    def put_rss(self) -> None:
        self.site.put("/wire/rss.xml", rss("Example Wire", self.rss_items), "application/rss+xml")

    def put_news_sitemap(self) -> None:
        self.site.put("/sitemaps/b.xml", urlset(self.news_urls, news_name="Example News"), "application/xml")

    def sources_file(self, folder: Path) -> Path:
        s = self.site
        path = folder / "sources.yaml"
        path.write_text("sources:\n"
                        f"  - url: {s.url('/wire/rss.xml')}\n    name: Example wire\n"
                        f"  - url: {s.url('/desk/atom.xml')}\n"
                        f"  - url: {s.url('/feed.json')}\n    interval: 5m\n"
                        f"  - url: {s.url('/sitemap_index.xml')}\n    name: Sitemap\n"
                        f"  - url: {s.url('/broken/rss.xml')}\n    name: Broken feed\n"
                        f"  - url: http://127.0.0.1:{closed_port()}/rss.xml\n    name: Dead host\n",
                        encoding="utf-8")
        return path

    def page_hits(self) -> Counter:
        return Counter(h.path.split("?")[0] for h in self.site.log if h.path.startswith(("/news/", "/private/")))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def news():
    site = NewsSite()
    yield site
    site.close()


def test_three_polls_analyse_every_item_exactly_once(news, tmp_path):
    sources, db = news.sources_file(tmp_path), tmp_path / "watch.db"

    first = watch(sources, db)
    assert first.exit_code == 1, first.output  # two sources failed; the others went on
    assert "Broken feed" in first.output and "not a readable feed" in first.output
    assert "Dead host" in first.output and "cannot connect" in first.output
    feed_requests = len(news.site.log)

    second = watch(sources, db)  # nothing changed
    second_hits = news.site.log[feed_requests:]
    for feed in ("/wire/rss.xml", "/desk/atom.xml", "/feed.json", "/sitemap_index.xml", "/sitemaps/a.xml",
                 "/sitemaps/b.xml"):
        assert [h.status for h in second_hits if h.path == feed] == [304], feed
    assert not [h for h in second_hits if h.path.startswith("/news/")]
    assert second.exit_code == 1

    news.rss_items.insert(0, (news.site.url("/news/9.html"), "Nine", http_date(9)))
    news.put_rss()
    news.news_urls.append(news.site.url("/news/10.html"))
    news.put_news_sitemap()
    news.expected |= {9, 10}
    third = watch(sources, db)
    assert third.exit_code == 1

    # every article page fetched once, the disallowed one never
    hits = news.page_hits()
    assert hits == Counter({f"/news/{n}.html": 1 for n in news.expected})
    assert not news.site.hits("/private/9.html")
    # the etag and the date of the last version were sent back
    assert news.site.hits("/wire/rss.xml")[1].headers.get("if-none-match")
    assert news.site.hits("/desk/atom.xml")[1].headers.get("if-modified-since") == http_date(10)
    assert all(h.headers["user-agent"].startswith("dragoman/") for h in news.site.log)

    stored = rows(db, "SELECT url, title, date, outlet FROM articles")
    assert sorted(u for u, *_ in stored) == sorted(news.site.url(f"/news/{n}.html") for n in news.expected)
    by_url = {u: (t, d, o) for u, t, d, o in stored}
    # the page's own title wins; where it has none, the feed's title, date and outlet fill in
    assert by_url[news.site.url("/news/1.html")][0] == article_text(1)[0]
    assert by_url[news.site.url("/news/3.html")] == ("Feed headline for three", "2026-11-21", "Example Wire")
    assert by_url[news.site.url("/news/8.html")][2] == "Example News"  # from the news sitemap

    health = {name or key: (err, last_error, seen, analysed) for key, name, err, last_error, seen, analysed in rows(
        db, "SELECT key, name, consecutive_errors, last_error, items_seen, items_analysed FROM watch_sources")}
    assert health["Broken feed"][0] == 3 and "not a readable feed" in health["Broken feed"][1]
    assert health["Dead host"][0] == 3 and "cannot connect" in health["Dead host"][1]
    assert health["Example wire"][:2] == (0, None) and health["Example wire"][2:] == (4, 3)  # 2 came first through the Atom feed
    assert health["Sitemap"][2:] == (4, 4)
    assert rows(db, "SELECT status, error FROM watch_items WHERE key LIKE '%/private/%'") == [
        ("skipped", f"disallowed by robots.txt: {news.site.url('/private/9.html')}")]


def test_sources_file_problems_name_the_file(tmp_path):
    bad = tmp_path / "sources.yaml"
    bad.write_text("sources:\n  - url: ftp://example.org/feed\n", encoding="utf-8")
    result = watch(bad, tmp_path / "x.db")
    assert result.exit_code == 2
    assert str(bad) in result.output and "not an http(s) URL" in result.output


def test_sigterm_during_a_fetch_then_restart_loses_and_duplicates_nothing(tmp_path):
    site = Site()
    server = serve(site)
    try:
        site.put("/robots.txt", "", "text/plain")
        numbers = list(range(20, 26))
        for n in numbers:
            site.put(f"/news/{n}.html", article_html(n))
        site.put("/rss.xml", rss("Slow Wire", [(site.url(f"/news/{n}.html"), f"N{n}", http_date(n))
                                               for n in numbers]), "application/rss+xml")
        arrived, release = site.hold("/news/22.html")  # the third page: two are fetched before it
        sources = tmp_path / "sources.yaml"
        sources.write_text(f"sources:\n  - url: {site.url('/rss.xml')}\n", encoding="utf-8")
        db = tmp_path / "watch.db"
        proc = subprocess.Popen([str(DRAGOMAN), "watch", str(sources), "--db", str(db), *FAST],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        lines: list[str] = []
        stopping = threading.Event()

        def read_stderr() -> None:
            for line in proc.stderr:
                lines.append(line)
                if "SIGTERM" in line:
                    stopping.set()

        reader = threading.Thread(target=read_stderr, daemon=True)
        reader.start()
        try:
            assert arrived.wait(timeout=120), "the watcher never asked for the slow page"
            proc.send_signal(signal.SIGTERM)
            assert stopping.wait(timeout=60), "the watcher did not acknowledge SIGTERM"
            release.set()  # the page it was waiting for arrives only after the stop was asked
            proc.wait(timeout=120)
            reader.join(timeout=10)
            stderr = "".join(lines)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=10)
        assert proc.returncode == 0, stderr
        assert "SIGTERM" in stderr
        done = rows(db, "SELECT count(*) FROM articles")[0][0]
        assert done < len(numbers)  # it stopped early ...
        assert rows(db, "SELECT count(*) FROM watch_items WHERE status = 'done'")[0][0] == done

        restart = watch(sources, db)  # ... and the restart does the rest
        assert restart.exit_code == 0, restart.output
        urls = [u for (u,) in rows(db, "SELECT url FROM articles")]
        assert sorted(urls) == sorted(site.url(f"/news/{n}.html") for n in numbers)
        assert rows(db, "SELECT status, count(*) FROM watch_items GROUP BY status") == [("done", len(numbers))]
        fetched = Counter(h.path for h in site.log if h.path.startswith("/news/"))
        assert fetched == Counter({f"/news/{n}.html": 1 for n in numbers})
    finally:
        server.shutdown()
        server.server_close()
