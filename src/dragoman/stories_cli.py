"""The ``dragoman stories`` and ``dragoman story`` commands; ``register(app)`` adds them to the CLI."""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer
from rich.markup import escape

from .cli_output import DB_HELP, TableFormat, emit_rows, err, open_existing_store, out


def stories(
    since: Optional[str] = typer.Option(None, "--since", help="Stories seen on or after this date."),
    until: Optional[str] = typer.Option(None, "--until", help="Stories seen on or before this date."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Stories naming this actor (code, name or id)."),
    search: Optional[str] = typer.Option(None, "--search", help="Stories with an article matching these words."),
    limit: int = typer.Option(50, "--limit", min=1),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help="table or jsonl"),
    recluster: bool = typer.Option(False, "--recluster", help="First build every story again from the stored articles."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Stories: articles about one news story, near-duplicates collapsed, most recent first."""
    store = open_existing_store(db)
    if recluster:
        n = store.recluster_stories()
        err.print(f"dragoman: {n} articles clustered into {store.db.execute('SELECT count(*) FROM stories').fetchone()[0]} stories")
    rows = store.stories(since=since, until=until, actor=actor, search=search, limit=limit)
    emit_rows(rows, fmt, [("story", "id", 16), ("first seen", "first_seen", 10), ("last seen", "last_seen", 10),
                      ("articles", "n_articles", 8), ("sources", "n_sources", 7), ("copies", "n_duplicates", 6),
                      ("label", "label", 80)])


def story(
    story_id: str = typer.Argument(..., help="A story id (from `dragoman stories`)."),
    fmt: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help="table or jsonl"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """One story: its articles over time, outlets, who said what, and its events counted once."""
    store = open_existing_store(db)
    found = store.story(story_id)
    if found is None:
        err.print(f"error: no story {escape(story_id)} in the store")
        raise typer.Exit(1)
    if fmt == "jsonl":
        sys.stdout.write(json.dumps(found, ensure_ascii=False, default=str) + "\n")
        return
    out.print(f"[bold]{escape(found['label'])}[/bold]  story {found['id']}  "
              f"{found['first_seen'] or '?'} – {found['last_seen'] or '?'}  "
              f"{found['n_articles']} articles, {found['n_sources']} sources, {found['n_duplicates']} copies")
    emit_rows(found["articles"], "table", [("date", "date", 10), ("outlet", "outlet", 20), ("title", "title", 60),
                                       ("copy of", "duplicate_of", 16), ("id", "id", 16)])
    emit_rows(found["quotes"], "table", [("speaker", "speaker_name", 24), ("sources", "num_sources", 7),
                                     ("quote", "text", 100)])
    emit_rows(found["events"], "table", [("date", "date", 10), ("source", "source_code", 10), ("type", "type", 10),
                                     ("target", "target_code", 10), ("articles", "num_articles", 8),
                                     ("sources", "num_sources", 7), ("mentions", "num_mentions", 8)])


def register(app: typer.Typer) -> None:
    app.command()(stories)
    app.command()(story)
