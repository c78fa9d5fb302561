"""``dragoman watch`` and ``dragoman sources add|list|remove`` (registered on the main CLI app)."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .sources import SourceError, load_sources_file, make_source, normalise_url, parse_interval, source_from_argument

err = Console(stderr=True, highlight=False)
out = Console(highlight=False, width=None if sys.stdout.isatty() else 200)

class TableFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


DB_HELP = "SQLite database (default: $DRAGOMAN_DB, else ./dragoman.db)."
CLI_ORIGIN = "cli"

sources_app = typer.Typer(no_args_is_help=True, help="The feeds, sitemaps and folders `dragoman watch` follows.")


def _interval(value: Optional[str]) -> Optional[int]:
    if value is None:
        return None
    try:
        return parse_interval(value)
    except SourceError as exc:
        raise typer.BadParameter(str(exc)) from None


def watch(
    sources_file: Optional[Path] = typer.Argument(None, help="YAML file listing sources (merged into the store's "
                                                             "list); without it, the store's list is followed."),
    once: bool = typer.Option(False, "--once", help="Poll every source once, analyse what is new, exit (for cron)."),
    interval: str = typer.Option("15m", "--interval", help="Time between polls of a source that sets none: "
                                                           "90s, 15m, 2h, 1d."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    delay: float = typer.Option(1.0, "--delay", min=0, help="Seconds between two requests to the same host "
                                                           "(robots.txt Crawl-delay raises it)."),
    timeout: float = typer.Option(20.0, "--timeout", min=0.1, help="Seconds to wait for a server."),
    retries: int = typer.Option(2, "--retries", min=0, help="Extra attempts after a timeout, 429 or 5xx."),
    user_agent: Optional[str] = typer.Option(None, "--user-agent", help="User-Agent header (add a contact address)."),
    settle: float = typer.Option(2.0, "--settle", min=0, help="Seconds a folder file must stop growing before "
                                                             "it is analysed."),
    actors: Optional[Path] = typer.Option(None, "--actors", help="Your own actor file (YAML) to add or override."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline to load instead of the default."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors."),
) -> None:
    """Follow feeds, sitemaps and folders; analyse and store every new article once.

    Runs until SIGINT or SIGTERM (the current article is finished first), or with --once polls
    everything once and exits with status 1 if a source failed.
    """
    from ..store import open_store
    from .fetch import FetchSettings, Fetcher, USER_AGENT
    from .monitor import Monitor, WatchSettings

    every = _interval(interval)
    store = open_store(db)
    try:
        if sources_file is not None:
            _merge_sources_file(store, sources_file)
        if not store.sources():
            err.print("error: no sources to watch; give a sources file or use `dragoman sources add URL`")
            raise typer.Exit(2)
        fetcher = Fetcher(FetchSettings(user_agent=user_agent or USER_AGENT, timeout=timeout, retries=retries,
                                        delay=delay))

        def notify(level: str, source: str, message: str) -> None:
            if level == "error":
                err.print(f"error: {escape(source)}: {escape(message)}", soft_wrap=True)
            elif level == "warning" or not quiet:
                prefix = "warning: " if level == "warning" else ""
                err.print(f"{prefix}{escape(source)}: {escape(message)}", soft_wrap=True)

        monitor = Monitor(store, lambda: _load_analyzer(model, actors),
                          fetcher, WatchSettings(interval=float(every), settle=settle), notify)
        try:
            reports = monitor.run(once=once)
        except KeyboardInterrupt:
            err.print("dragoman: stopped")
            raise typer.Exit(130)
        finally:
            fetcher.close()
    finally:
        store.close()
    if once and any(r.status == "error" or r.errors for r in reports):
        raise typer.Exit(1)


def _load_analyzer(model: Optional[str], actors: Optional[Path]):
    from ..nlp import ModelMissing
    from ..pipeline import Analyzer

    try:
        return Analyzer(model=model, actors_file=actors)
    except (ModelMissing, ValueError) as exc:
        err.print(f"error: {escape(str(exc))}")
        raise typer.Exit(2)


def _merge_sources_file(store, path: Path) -> None:
    try:
        sources = load_sources_file(path)
    except SourceError as exc:
        err.print(f"error: {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(2)
    origin = str(path.resolve())
    for source in sources:
        store.save_source(source.to_dict(), origin)
    stopped = store.deactivate_sources(origin, [s.key for s in sources])
    if stopped:
        err.print(f"dragoman: {stopped} source(s) no longer in {escape(str(path))} are not followed any more")


@sources_app.command("add")
def sources_add(
    target: str = typer.Argument(..., help="Feed or sitemap URL, or a folder."),
    name: Optional[str] = typer.Option(None, "--name", help="A name to show for the source."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Outlet of its articles (wins over the page's)."),
    language: Optional[str] = typer.Option(None, "--language", help="Language of the source (ISO 639-1)."),
    interval: Optional[str] = typer.Option(None, "--interval", help="Time between polls: 90s, 15m, 2h, 1d."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Follow a feed, a sitemap or a folder."""
    from ..store import open_store

    try:
        source = source_from_argument(target, name=name, outlet=outlet, language=language,
                                      interval=_interval(interval))
    except SourceError as exc:
        err.print(f"error: {escape(str(exc))}")
        raise typer.Exit(2)
    store = open_store(db)
    try:
        new = store.save_source(source.to_dict(), CLI_ORIGIN)
    finally:
        store.close()
    err.print(f"dragoman: {'added' if new else 'updated'} {escape(source.key)}")


@sources_app.command("list")
def sources_list(
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help="table or jsonl"),
    all_: bool = typer.Option(False, "--all", help="Also sources no longer followed."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """The sources followed, with their health."""
    from ..store import open_store

    store = open_store(db)
    try:
        rows = store.sources(active_only=not all_)
    finally:
        store.close()
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    table = Table("source", "kind", "last poll", "last success", "errors", "seen", "analysed", "last error")
    for r in rows:
        label = r["name"] + "\n" + r["location"] if r["name"] else r["location"]
        table.add_row(escape(label), r["format"] or r["kind"], r["last_poll"] or "never", r["last_success"] or "",
                      str(r["consecutive_errors"]), str(r["items_seen"]), str(r["items_analysed"]),
                      escape((r["last_error"] or "")[:60]) if r["consecutive_errors"] else "")
    out.print(table)


@sources_app.command("remove")
def sources_remove(
    target: str = typer.Argument(..., help="The URL or folder, as added."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Stop following a source (the articles it brought stay)."""
    from ..store import open_store

    keys = [target]
    try:
        keys.append(normalise_url(target) if "://" in target else make_source(folder=target).key)
    except SourceError:
        pass
    store = open_store(db)
    try:
        removed = any(store.remove_source(k) for k in keys)
    finally:
        store.close()
    if not removed:
        err.print(f"error: no source {escape(target)}; see `dragoman sources list`")
        raise typer.Exit(1)
    err.print(f"dragoman: removed {escape(target)}")


def register(app: typer.Typer) -> None:
    """Add ``watch`` and ``sources`` to the main ``dragoman`` command."""
    app.command("watch")(watch)
    app.add_typer(sources_app, name="sources")
