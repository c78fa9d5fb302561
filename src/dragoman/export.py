"""Writing the stored quotes, events, articles or actors out as CSV, JSON Lines, Parquet or GDELT-style TSV.

``export(store, what, fmt, output)`` streams the rows from the store and returns how many it wrote.
The columns of each table and of the GDELT-style file are described in docs/export.md.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

# GDELT numbers the quad classes 1-4 in this order.
QUAD_CLASSES = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")

COLUMNS: dict[str, tuple[str, ...]] = {
    "quotes": ("article_id", "idx", "date", "speaker_name", "speaker_actor_id", "speaker_code", "speaker_mention",
               "kind", "text", "cue", "start", "end", "continues", "sentence", "paragraph", "article_title",
               "article_source", "article_url"),
    "events": ("event_id", "article_id", "idx", "date", "article_date", "type", "mode", "cameo", "quad_class",
               "intensity", "source_actor_id", "source_code", "source_name", "source_country", "source_sector",
               "source_kind", "source_mention", "target_actor_id", "target_code", "target_name", "target_country",
               "target_sector", "target_kind", "target_mention", "mutual", "negated", "hypothetical", "location",
               "sentence", "trigger", "quote_index", "evidence", "article_title", "article_source", "article_url",
               "analysed_at"),
    "articles": ("id", "source", "url", "title", "date", "outlet", "dateline", "language", "status", "reason",
                 "analysed_at", "n_entities", "n_quotes", "n_events", "text", "story_id", "duplicate_of"),
    "actors": ("id", "name", "code", "country", "sector", "kind", "role", "wikidata", "mentions", "articles",
               "quotes", "events_as_source", "events_as_target"),
}
FORMATS = ("csv", "jsonl", "parquet", "gdelt")

_INT_COLUMNS = {"idx", "start", "end", "sentence", "paragraph", "quote_index", "event_id", "n_entities", "n_quotes",
                "n_events", "mentions", "articles", "quotes", "events_as_source", "events_as_target"}
_BOOL_COLUMNS = {"mutual", "negated", "hypothetical"}
_FLOAT_COLUMNS = {"intensity"}
# In events, "sentence" is the evidence sentence's text, not an index.
_TEXT_IN_EVENTS = {"sentence"}

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "ActionGeo_FullName", "DATEADDED", "SOURCEURL",
    # dragoman's own columns after GDELT's
    "PLOVERType", "PLOVERMode", "Actor1ID", "Actor1Mention", "Actor2ID", "Actor2Mention",
    "IsMutual", "IsNegated", "IsHypothetical", "ArticleID", "EventIndex", "Trigger", "Sentence",
)

PARQUET_BATCH = 10_000


class ExportError(ValueError):
    """A request that cannot be exported as asked (unknown table or format, wrong output)."""


class MissingDependency(ExportError, ImportError):
    """An optional package the chosen format needs is not installed."""


def export(store: Any, what: str, fmt: str, output: IO[str] | str | Path | None = None) -> int:
    """Write every row of ``what`` to ``output`` (a path, an open text file, or stdout if None).

    ``what`` is quotes | events | articles | actors; ``fmt`` is csv | jsonl | parquet, or gdelt for
    events. Parquet needs a path (or a binary file) and pyarrow. Returns the number of rows written.
    """
    what, fmt = _check(what, fmt)
    rows = store.iter_rows(what)
    if fmt == "parquet":
        return _write_parquet(rows, what, output)
    with _text_output(output) as out:
        if fmt == "csv":
            return _write_csv(rows, what, out)
        if fmt == "jsonl":
            return _write_jsonl(rows, out)
        return _write_gdelt(rows, out)


def _check(what: str, fmt: str) -> tuple[str, str]:
    what, fmt = (what or "").strip().lower(), (fmt or "").strip().lower()
    if what not in COLUMNS:
        raise ExportError(f"cannot export {what!r}: choose one of {', '.join(COLUMNS)}")
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "gdelt" and what != "events":
        raise ExportError("the gdelt format is for events only (use --what events)")
    return what, fmt


@contextmanager
def _text_output(output: IO[str] | str | Path | None) -> Iterator[IO[str]]:
    if output is None:
        yield sys.stdout
    elif isinstance(output, (str, Path)):
        with open(output, "w", encoding="utf-8", newline="") as handle:
            yield handle
    else:
        yield output


# -- csv / jsonl ---------------------------------------------------------------------------
def _csv_value(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _write_csv(rows: Iterable[dict[str, Any]], what: str, out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS[what], extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: _csv_value(v) for k, v in row.items()})
        n += 1
    return n


def _write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


# -- parquet -------------------------------------------------------------------------------
def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as err:
        # Also raised by an installed pyarrow that cannot load (e.g. one built for a newer NumPy).
        raise MissingDependency(
            f"parquet export needs pyarrow, an optional extra: pip install 'dragoman[parquet]' ({err})") from None
    return pyarrow, pyarrow.parquet


def _arrow_schema(pa: Any, what: str) -> Any:
    def arrow_type(column: str) -> Any:
        if column in _TEXT_IN_EVENTS and what == "events":
            return pa.string()
        if column in _INT_COLUMNS:
            return pa.int64()
        if column in _BOOL_COLUMNS:
            return pa.bool_()
        if column in _FLOAT_COLUMNS:
            return pa.float64()
        return pa.string()

    return pa.schema([(c, arrow_type(c)) for c in COLUMNS[what]])


def _parquet_row(row: dict[str, Any], columns: tuple[str, ...]) -> dict[str, Any]:
    # Evidence (a list of dicts) goes in as its JSON text, like in the CSV.
    return {c: json.dumps(row.get(c), ensure_ascii=False) if c == "evidence" else row.get(c) for c in columns}


def _write_parquet(rows: Iterable[dict[str, Any]], what: str, output: Any) -> int:
    if output is None:
        raise ExportError("parquet is a binary format: give an output file")
    if isinstance(output, io.TextIOBase):
        raise ExportError("parquet is a binary format: give a file path, not a text stream")
    pa, pq = _pyarrow()
    schema = _arrow_schema(pa, what)
    target = str(output) if isinstance(output, (str, Path)) else output
    n = 0
    with pq.ParquetWriter(target, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(_parquet_row(row, COLUMNS[what]))
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        # Always write one (possibly empty) table so the file has its schema.
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        n += len(batch)
    return n


# -- GDELT-style TSV -------------------------------------------------------------------------
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_TSV_UNSAFE = re.compile(r"[\t\r\n]+")


def _gdelt_dates(value: str | None) -> tuple[str, str, str, str]:
    """SQLDATE, MonthYear, Year and FractionDate of an ISO date; blanks if it is not a full date."""
    match = _DATE.match(value or "")
    if not match:
        return "", "", "", ""
    try:
        day = date(*(int(g) for g in match.groups()))
    except ValueError:
        return "", "", "", ""
    year_days = 366 if day.year % 4 == 0 and (day.year % 100 != 0 or day.year % 400 == 0) else 365
    fraction = day.year + (day.timetuple().tm_yday - 1) / year_days
    return day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"


def _gdelt_actor(row: dict[str, Any], side: str) -> list[Any]:
    code = (row.get(f"{side}_code") or "").replace(" ", "")
    group = code if row.get(f"{side}_kind") == "igo" else ""
    return [code, row.get(f"{side}_name"), row.get(f"{side}_country"), group, row.get(f"{side}_sector")]


def _is_root(row: dict[str, Any]) -> int:
    """1 if the event's evidence is the article's lead sentence (GDELT: found in the lead)."""
    evidence = row.get("evidence") or []
    return int(bool(evidence) and evidence[0].get("sentence") == 0)


def _date_added(analysed_at: str | None) -> str:
    return re.sub(r"\D", "", analysed_at or "")[:14]


def _quad_number(quad_class: str | None) -> Any:
    return QUAD_CLASSES.index(quad_class) + 1 if quad_class in QUAD_CLASSES else ""


def gdelt_row(row: dict[str, Any]) -> list[Any]:
    """One stored event (as ``iter_rows('events')`` gives it) as the values of GDELT_COLUMNS."""
    cameo = row.get("cameo") or ""
    return [
        row["event_id"], *_gdelt_dates(row.get("date") or row.get("article_date")),
        *_gdelt_actor(row, "source"), *_gdelt_actor(row, "target"),
        _is_root(row), cameo, cameo[:3], cameo[:2], _quad_number(row.get("quad_class")), row.get("intensity"),
        row.get("location"), _date_added(row.get("analysed_at")), row.get("article_url") or row.get("article_source"),
        row.get("type"), row.get("mode"), row.get("source_actor_id"), row.get("source_mention"),
        row.get("target_actor_id"), row.get("target_mention"),
        int(bool(row.get("mutual"))), int(bool(row.get("negated"))), int(bool(row.get("hypothetical"))),
        row.get("article_id"), row.get("idx"), row.get("trigger"), row.get("sentence"),
    ]


def _tsv_value(value: Any) -> str:
    if value is None:
        return ""
    return _TSV_UNSAFE.sub(" ", str(value))


def _write_gdelt(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    out.write("\t".join(GDELT_COLUMNS) + "\n")
    n = 0
    for row in rows:
        out.write("\t".join(_tsv_value(v) for v in gdelt_row(row)) + "\n")
        n += 1
    return n
