"""One poll of many local feeds: items per second, and the share of time outside analysis.

A news site runs in a child process on 127.0.0.1 (tests/watch_site.py: invented articles) with
``--feeds`` RSS feeds of ``--items`` items each, every item its own article. One
``Monitor.run(once=True)`` polls them all into a fresh temp store, exactly as
``dragoman watch SOURCES --once --delay 0`` does, with the spaCy pipeline loaded beforehand (its
loading is reported apart). Timed inside the same run:

  analysis   pipeline.prepare (read, clean, metadata, language), Analyzer.analyze (parse, actors,
             quotes, events) and Store.save_article: what ``dragoman analyze`` does to a file
  outside    everything else in the poll's wall time: fetching and parsing the feeds, waiting for
             pages the fetching thread has not brought yet, the watch state, the loop itself
  fetching   Fetcher.get busy time (feeds, robots.txt, pages); pages are fetched in a thread of
             their own, ahead of the analysis, so most of it overlaps the analysis

The goal is under 10% of the time outside analysis. The per-host delay is 0 here: all feeds are
on one host, and a polite 1 s between requests would measure the delay, not the code.

    .venv/bin/python benchmarks/watch.py                  # 50 feeds x 20 items
    .venv/bin/python benchmarks/watch.py --feeds 10 --items 5
    .venv/bin/python benchmarks/watch.py --compare        # also without reading pages ahead

``--compare`` polls the same site a second time into another fresh store with pages fetched in
the analysing thread (no read-ahead), and prints the ratio of the two throughputs.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from dragoman.pipeline import Analyzer  # noqa: E402
from dragoman.store import SQLiteStore  # noqa: E402
from dragoman.watch import monitor as monitor_module  # noqa: E402
from dragoman.watch.fetch import FetchSettings, Fetcher  # noqa: E402
from dragoman.watch.monitor import Monitor, WatchSettings  # noqa: E402
from dragoman.watch.sources import make_source  # noqa: E402


def run_site(feeds: int, items: int, ports: "mp.Queue", stop: "mp.Event") -> None:
    from watch_site import Site, article_html, http_date, rss, serve

    site = Site()
    server = serve(site)
    site.put("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    for f in range(feeds):
        entries = []
        for i in range(items):
            n = f * items + i
            site.put(f"/news/{f}/{n}.html", article_html(n))
            entries.append((site.url(f"/news/{f}/{n}.html"), f"Item {n}", http_date(n % 28)))
        site.put(f"/feeds/{f}.xml", rss(f"Wire {f}", entries), "application/rss+xml")
    ports.put(site.port)
    stop.wait(3600)
    server.shutdown()


class Clock:
    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, fn):
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
        return timed

    def wrap_iter(self, fn):
        def timed(*args, **kwargs):
            it = iter(fn(*args, **kwargs))
            while True:
                start = time.perf_counter()
                try:
                    value = next(it)
                except StopIteration:
                    self.seconds += time.perf_counter() - start
                    return
                self.seconds += time.perf_counter() - start
                yield value
        return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--compare", action="store_true", help="also poll without reading pages ahead")
    args = parser.parse_args()

    ports, stop = mp.Queue(), mp.Event()
    child = mp.Process(target=run_site, args=(args.feeds, args.items, ports, stop), daemon=True)
    child.start()
    port = ports.get(timeout=120)
    try:
        start = time.perf_counter()
        analyzer = Analyzer()
        load_seconds = time.perf_counter() - start
        with tempfile.TemporaryDirectory() as tmp:
            report = poll_once(analyzer, port, args, Path(tmp) / "watch.db", read_ahead=8)
            plain = poll_once(analyzer, port, args, Path(tmp) / "plain.db", read_ahead=0) if args.compare else None
    finally:
        stop.set()
        child.join(timeout=10)
    report["load"] = load_seconds
    show(report, args)
    if plain:
        print("without read-ahead:")
        show(plain, args, header=False)
        print(f"items/s with read-ahead / without: {plain['total'] / report['total']:.2f}")


def poll_once(analyzer: Analyzer, port: int, args, db: Path, read_ahead: int) -> dict:
    store = SQLiteStore(db)
    for f in range(args.feeds):
        store.save_source(make_source(url=f"http://127.0.0.1:{port}/feeds/{f}.xml").to_dict(), "benchmark")
    analysis, fetching = Clock(), Clock()
    original_prepare, original_analyze = monitor_module.prepare, analyzer.analyze
    monitor_module.prepare = analysis.wrap(original_prepare)
    analyzer.analyze = analysis.wrap_iter(original_analyze)
    store.save_article = analysis.wrap(store.save_article)
    fetcher = Fetcher(FetchSettings(delay=0))
    fetcher.get = fetching.wrap(fetcher.get)
    monitor = Monitor(store, lambda: analyzer, fetcher, WatchSettings(read_ahead=read_ahead),
                      notify=lambda *a: None)
    try:
        start = time.perf_counter()
        reports = monitor.run(once=True)
        total = time.perf_counter() - start
    finally:
        monitor_module.prepare, analyzer.analyze = original_prepare, original_analyze
        fetcher.close()
    articles = store.count("articles")
    store.close()
    return {"total": total, "analysis": analysis.seconds, "fetching": fetching.seconds, "articles": articles,
            "analysed": sum(r.analysed for r in reports), "failed": sum(r.failed + len(r.errors) for r in reports),
            "requests": fetcher.requests}


def show(r: dict, args, header: bool = True) -> None:
    outside = r["total"] - r["analysis"]
    if header:
        print(f"{args.feeds} feeds x {args.items} items, one poll "
              f"(spaCy pipeline loaded beforehand in {r['load']:.1f}s)")
    print(f"  items analysed     {r['analysed']} ({r['articles']} articles stored, {r['failed']} failures), "
          f"{r['requests']} HTTP requests")
    print(f"  wall time          {r['total']:.1f}s   -> {r['analysed'] / r['total']:.1f} items/s")
    print(f"  analysis           {r['analysis']:.1f}s")
    print(f"  outside analysis   {outside:.2f}s = {100 * outside / r['total']:.1f}% of the time (goal < 10%)")
    print(f"  fetching           {r['fetching']:.2f}s in Fetcher.get (with read-ahead: in its own thread, overlapping)")


if __name__ == "__main__":
    main()
