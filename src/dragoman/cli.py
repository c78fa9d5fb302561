"""The ``dragoman`` command line."""
from __future__ import annotations

import json
import logging
import os
import sys
from contextlib import nullcontext
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import IO, List, Optional

import typer
from typer.core import TyperGroup
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .cli_output import DB_HELP, TableFormat, emit_rows, err, open_existing_store, out
from .errors import DragomanError, InternalError
from .read import JSONL_SUFFIXES, iter_paths
from .records import Article



# click's own exceptions (usage errors, exits): typer re-exports some and vendors click in newer releases
_CLICK_EXCEPTIONS = (typer.Exit, typer.Abort, sys.modules[typer.BadParameter.__module__].ClickException)


class DragomanGroup(TyperGroup):
    """Maps errors to exit statuses: a ``DragomanError`` is one line and its status (1 input,
    2 usage or setup); anything else is a bug, shown as an internal error (status 3). The
    traceback shows only with --verbose (or DRAGOMAN_DEBUG=1)."""

    def invoke(self, ctx):
        args = [*getattr(ctx, "_protected_args", ()), *ctx.args]  # the command and its arguments
        verbose = "--verbose" in args or "-v" in args or os.environ.get("DRAGOMAN_DEBUG") == "1"
        if verbose:
            logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
            logging.getLogger("dragoman").setLevel(logging.DEBUG)
        try:
            return super().invoke(ctx)
        except _CLICK_EXCEPTIONS:
            raise
        except BrokenPipeError:  # the reader went away (`dragoman quotes | head`)
            raise typer.Exit(1)
        except DragomanError as exc:
            _show_error(exc, exc, verbose)
            raise typer.Exit(exc.exit_code)
        except Exception as exc:  # noqa: BLE001 - not hidden: shown as a bug, with a code
            internal = InternalError(exc)
            _show_error(internal, exc, verbose)
            raise typer.Exit(internal.exit_code)


def _show_error(error: DragomanError, exc: BaseException, verbose: bool) -> None:
    if verbose and exc.__traceback__ is not None:
        err.print_exception()
    err.print(f"error: {escape(str(error))}", soft_wrap=True)


app = typer.Typer(cls=DragomanGroup, add_completion=False, no_args_is_help=True,
                  help="Who said what, and who did what to whom, in international news.")



class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    gdelt = "gdelt"


@dataclass
class Tally:
    analysed: int = 0
    stored: int = 0
    already: int = 0
    not_english: int = 0
    no_article: int = 0
    partial: int = 0
    skipped: int = 0
    failed: int = 0

    def line(self) -> str:
        parts = [f"{self.analysed} analysed"]
        if self.stored or self.already:
            parts.append(f"{self.stored} stored")
            parts.append(f"{self.already} already stored")
        parts.append(f"{self.not_english} not English")
        if self.no_article:
            parts.append(f"{self.no_article} without article text")
        if self.partial:
            parts.append(f"{self.partial} partial")
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        parts.append(f"{self.failed} failed")
        return "dragoman: " + ", ".join(parts)


def count_documents(paths: list[str]) -> int | None:
    """How many articles the inputs hold, for the progress bar (None when stdin is read)."""
    total = 0
    for p in iter_paths(paths):
        if p == "-":
            return None
        if Path(p).suffix.lower() in JSONL_SUFFIXES:
            try:
                with open(p, "rb") as f:
                    total += sum(1 for line in f if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def report_outcome(outcome, tally: Tally, kept: str = "stored", verbose: bool = False) -> None:
    """Count one input's outcome (a ``batch.Outcome``) and say on stderr what needs saying."""
    source = escape(outcome.source)
    if outcome.kind == "skipped":  # a folder's README or picture: named, but no failed input
        tally.skipped += 1
        err.print(f"skipped: {source}: {escape(outcome.reason)}", soft_wrap=True)
        return
    if outcome.kind == "already":
        tally.already += 1
        if verbose:
            err.print(f"{source}: already stored")
        return
    if outcome.article is None:
        tally.failed += 1
        err.print(f"error: {source}: {escape(outcome.reason)}", soft_wrap=True)
        return
    article = outcome.article
    if outcome.kind == "analysed":
        tally.analysed += 1
    elif outcome.kind == "partial":
        tally.partial += 1
        err.print(f"warning: {source}: {kept} as partial: {escape(article.reason or '')}", soft_wrap=True)
    elif outcome.kind == "not_english":
        tally.not_english += 1
        what = "not analysed" if kept == "kept" else "stored without analysis"
        err.print(f"warning: {source}: not English (detected '{article.language}'); {what}", soft_wrap=True)
    elif outcome.kind == "no_article":
        tally.no_article += 1
        what = "not analysed" if kept == "kept" else "stored without analysis"
        err.print(f"warning: {source}: {outcome.reason}; {what}", soft_wrap=True)
    if outcome.failure is not None:  # analysed, but the store refused it
        tally.failed += 1
        err.print(f"error: {source}: {escape(outcome.reason)}", soft_wrap=True)
    elif outcome.stored:
        tally.stored += 1
    elif outcome.stored is False:
        tally.already += 1
    if verbose:
        err.print(f"{source}: {len(article.quotes)} quotes, {len(article.events)} events")


class ArticleWriter:
    def __init__(self, fmt: OutputFormat, stream: IO[str], statements: bool = False):
        self.fmt, self.stream, self.n, self.rows = fmt, stream, 0, []
        self.statements = statements

    def _dict(self, article: Article) -> dict:
        d = article.to_dict()
        if self.statements:
            from .quotes import join_continuations
            d["quotes"] = [q.to_dict() for q in join_continuations(article.quotes)]
        return d

    def write(self, article: Article) -> None:
        if self.fmt is OutputFormat.jsonl:
            self.stream.write(json.dumps(self._dict(article), ensure_ascii=False) + "\n")
        elif self.fmt is OutputFormat.json:
            self.stream.write(("[\n" if self.n == 0 else ",\n") + json.dumps(self._dict(article), ensure_ascii=False, indent=2))
        else:
            self.rows.append(article)
        self.n += 1
        self.stream.flush()

    def close(self) -> None:
        if self.fmt is OutputFormat.json:
            self.stream.write("[]\n" if self.n == 0 else "\n]\n")
        elif self.fmt is OutputFormat.table:
            table = Table("source", "title", "date", "outlet", "lang", "entities", "quotes", "events")
            for a in self.rows:
                table.add_row(Path(a.source).name, (a.title or "")[:50], a.date or "", a.outlet or "", a.language,
                              str(len(a.entities)), str(len(a.quotes)), str(len(a.events)))
            Console(file=self.stream, highlight=False, width=160).print(table)
        self.stream.flush()


@app.command()
def analyze(
    paths: List[str] = typer.Argument(..., help="Files or directories (recursive); - reads standard input."),
    fmt: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write results here instead of stdout."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    no_store: bool = typer.Option(False, "--no-store", help="Only print; store nothing."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes."),
    engine: Optional[str] = typer.Option(None, "--engine", help="local, processes or ray (default: local, or"
                                         " processes with --jobs)."),
    address: Optional[str] = typer.Option(None, "--address", help="Ray cluster: auto or ray://HOST:PORT"
                                          " (default: a local Ray)."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Ray actors (default: one per CPU)."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per nlp.pipe batch."),
    actors: Optional[Path] = typer.Option(None, "--actors", help="Your own actor file (YAML) to add or override."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline to load instead of the default."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, no summary."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="A line for every article."),
    statements: bool = typer.Option(False, "--statements", help="Print one quote per statement: a quote and"
                                    " its continuation after the attribution ('\"A,\" she said. \"B.\"') as one."),
) -> None:
    """Clean, parse and analyse articles; print them and store them."""
    from .batch import analyze_into
    from .nlp import ModelMissing
    from .runners import ENGINES, make_runner
    from .runners.processes import WorkersDied
    from .store import is_url, open_store

    if engine is not None and engine not in ENGINES:
        err.print(f"error: --engine must be one of {', '.join(ENGINES)}, not {escape(engine)!r}")
        raise typer.Exit(2)
    tally = Tally()
    try:
        store = None if no_store else open_store(db)
    except (ConnectionError, ImportError) as exc:
        err.print(f"error: {escape(str(exc))}")
        raise typer.Exit(2)
    # Ray workers write to a Postgres store themselves; a SQLite file is written by this process.
    store_url = store.path if store is not None and engine == "ray" and is_url(store.path) else None
    try:
        runner = make_runner(jobs, engine=engine, address=address, workers=workers, store_url=store_url,
                             model=model, actors_file=actors, batch_size=batch_size)
    except (ModelMissing, ImportError, ConnectionError) as exc:
        err.print(f"error: {escape(str(exc))}")
        raise typer.Exit(2)
    runner.warn = lambda message: err.print(f"warning: {escape(message)}", soft_wrap=True)
    show_progress = err.is_terminal and not quiet
    total = count_documents(paths) if show_progress else None
    progress = Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err, transient=True, disable=not show_progress)
    stream_cm = open(output, "w", encoding="utf-8") if output else nullcontext(sys.stdout)
    with progress, stream_cm as stream:
        task = progress.add_task("analysing", total=total)
        writer = ArticleWriter(fmt, stream, statements)
        try:
            for outcome in analyze_into(paths, runner, store):
                report_outcome(outcome, tally, kept="kept" if store is None else "stored", verbose=verbose)
                if outcome.article is not None:
                    writer.write(outcome.article)
                progress.advance(task)
        except WorkersDied as exc:
            err.print(f"error: {escape(str(exc))}")
            tally.failed += 1
        writer.close()
    if store is not None:
        store.close()
    if not quiet:
        err.print(tally.line(), soft_wrap=True)
    if tally.failed or tally.partial:
        raise typer.Exit(1)


def _dates(since: Optional[str], until: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """--since and --until as the API reads them (YYYY, YYYY-MM or YYYY-MM-DD, inclusive)."""
    from .web.params import BadParameter, date_range

    try:
        return date_range(since, until)
    except BadParameter as exc:
        raise typer.BadParameter(str(exc).split(": ", 1)[1], param_hint=f"--{exc.name}") from None


def _event_type(value: Optional[str]) -> Optional[str]:
    from .web.params import BadParameter, parse_event_type

    try:
        return parse_event_type(value)
    except BadParameter as exc:
        raise typer.BadParameter(str(exc).split(": ", 1)[1], param_hint="--type") from None


def _actor(store, value: str, what: str) -> dict:
    """The stored actor a user means (id, code or name); a usage error if there is none."""
    found = store.find_actor(value.strip()) if value.strip() else None
    if found is None:
        raise typer.BadParameter(f"no actor matching {value!r} in the store (give an id, a code or a name)",
                                 param_hint=what)
    return found


@app.command()
def quotes(
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Speaker name, actor code or id."),
    about: Optional[str] = typer.Option(None, "--about", help="Actor mentioned inside the quote."),
    since: Optional[str] = typer.Option(None, "--since", help="YYYY-MM-DD"),
    until: Optional[str] = typer.Option(None, "--until", help="YYYY-MM-DD"),
    search: Optional[str] = typer.Option(None, "--search", help="Words in the quote."),
    limit: int = typer.Option(50, "--limit", min=1),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help="table or jsonl"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Quotes in the store: who said what."""
    since, until = _dates(since, until)
    store = open_existing_store(db)
    rows = store.quotes(speaker=speaker, about=about, since=since, until=until, search=search, limit=limit)
    emit_rows(rows, fmt, [("date", "date", 10), ("speaker", "speaker_name", 24), ("code", "speaker_code", 8),
                      ("kind", "kind", 8), ("quote", "text", 90), ("article", "article_title", 30)])


@app.command()
def events(
    source: Optional[str] = typer.Option(None, "--source", help="Source actor (code, name or id)."),
    target: Optional[str] = typer.Option(None, "--target", help="Target actor."),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER type, e.g. ACCUSE."),
    since: Optional[str] = typer.Option(None, "--since"),
    until: Optional[str] = typer.Option(None, "--until"),
    limit: int = typer.Option(50, "--limit", min=1),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help="table or jsonl"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Coded events in the store: who did what to whom."""
    since, until = _dates(since, until)
    type = _event_type(type)
    store = open_existing_store(db)
    rows = store.events(source=source, target=target, type=type, since=since, until=until, limit=limit)
    emit_rows(rows, fmt, [("date", "date", 10), ("source", "source_code", 10), ("type", "type", 10),
                      ("cameo", "cameo", 5), ("target", "target_code", 10), ("quad", "quad_class", 20),
                      ("sentence", "sentence", 80)])


@app.command()
def dyad(
    a: str = typer.Argument(..., help="First actor (code, name or id), e.g. RUS."),
    b: str = typer.Argument(..., help="Second actor, e.g. ARM."),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help="table or jsonl"),
    mentions: bool = typer.Option(False, "--mentions", help="Count every mention, not one event per story."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Relations between two actors per month: counts by quad class and mean intensity."""
    store = open_existing_store(db)
    _actor(store, a, "A")
    _actor(store, b, "B")
    rows = store.dyad(a, b, mentions=mentions)
    emit_rows(rows, fmt, [("month", "month", 7), ("events", "events", 6), ("verbal coop", "verbal cooperation", 6),
                      ("material coop", "material cooperation", 6), ("verbal conflict", "verbal conflict", 6),
                      ("material conflict", "material conflict", 6), ("mean intensity", "mean_intensity", 6)])


@app.command()
def actors(
    name: Optional[str] = typer.Argument(None, help="Show one actor: aliases, roles, tenure, articles."),
    limit: int = typer.Option(50, "--limit", min=1),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help="table or jsonl"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Actors in the store with their mention counts, or one actor's profile."""
    store = open_existing_store(db)
    if name is None:
        rows = store.actors(limit=limit)
        emit_rows(rows, fmt, [("actor", "name", 36), ("code", "code", 10), ("kind", "kind", 8), ("role", "role", 28),
                          ("mentions", "mentions", 8), ("articles", "articles", 8), ("quotes", "quotes", 6)])
        return
    profile = store.actor(name)
    if profile is None:
        err.print(f"error: no actor matching {escape(name)!s} in the store")
        raise typer.Exit(1)
    profile["dictionary"] = _dictionary_entry(profile)
    if fmt == "jsonl":
        sys.stdout.write(json.dumps(profile, ensure_ascii=False, default=str) + "\n")
        return
    _print_profile(profile)


def _dictionary_entry(profile: dict) -> dict | None:
    from .actors import ActorDictionary

    d = ActorDictionary.load()
    person = d.person(profile["name"])
    if person is None:
        return None
    return {"variants": sorted(set(person.variants)), "gender": person.gender,
            "roles": [{"role": r, "start": s.isoformat() if s else None, "end": e.isoformat() if e else None}
                      for r, s, e in person.roles]}


def _print_profile(p: dict) -> None:
    out.print(f"[bold]{escape(p['name'])}[/bold]  {escape(p['code'])}  ({p['kind']})  id {escape(p['id'])}")
    if p.get("wikidata"):
        out.print(f"wikidata: {p['wikidata']}")
    out.print("aliases in text: " + escape(", ".join(p["aliases"]) or "-"))
    entry = p.get("dictionary")
    if entry:
        out.print("variants: " + escape(", ".join(entry["variants"])))
        for r in entry["roles"]:
            out.print(f"  {escape(r['role'])}: {r['start'] or '?'} – {r['end'] or 'now'}")
    out.print(f"articles: {len(p['articles'])}")
    for a in p["articles"]:
        out.print(f"  {a['date'] or '----------'}  {escape(a['title'] or a['source'])}  ({a['mentions']} mentions)")
    out.print(f"quotes by: {len(p['quotes_by'])}, quotes about: {len(p['quotes_about'])}, "
              f"events as source: {len(p['events_as_source'])}, as target: {len(p['events_as_target'])}")
    for q in p["quotes_by"][:10]:
        out.print(f"  “{escape(q['text'][:120])}”")


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    allow_host: Optional[List[str]] = typer.Option(
        None, "--allow-host", help="A Host name to answer (repeatable; default: the --host address, and "
                                   "localhost when that is a loopback address). Others get 400."),
) -> None:
    """The HTTP API and web dashboard over the store."""
    from .web.app import serve as run_server

    store = open_existing_store(db)
    path = store.path
    store.close()
    run_server(path, host=host, port=port, allowed_hosts=allow_host or None)


class ExportWhat(str, Enum):
    quotes = "quotes"
    events = "events"
    articles = "articles"
    actors = "actors"


@app.command()
def export(
    what: ExportWhat = typer.Option(..., "--what", help="quotes, events, articles or actors"),
    fmt: ExportFormat = typer.Option(ExportFormat.csv, "--format", "-f", help="csv, jsonl, parquet, or gdelt (events only)"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default stdout)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Export the store for pandas, R or a spreadsheet."""
    from .export import ExportError
    from .export import export as run_export

    store = open_existing_store(db)
    try:
        n = run_export(store, what.value, fmt.value, output if output else sys.stdout)
    except ExportError as exc:
        err.print(f"error: {escape(str(exc))}")
        raise typer.Exit(2)
    err.print(f"dragoman: {n} {what.value} exported")


from .stories_cli import register as _register_stories  # noqa: E402
from .watch.commands import register as _register_watch  # noqa: E402

_register_stories(app)
_register_watch(app)


def main() -> None:
    """The console script: ``dragoman``."""
    app()
