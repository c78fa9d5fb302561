"""Do two engines and two stores give the same answers? Compares the exports.

    python benchmarks/same_answers.py DIR --pg postgresql://USER@HOST/DB [--workers 2]

Analyses DIR with the default runner into a fresh SQLite file and with ``--engine ray`` into a fresh
schema of the Postgres database, exports articles, quotes, events and actors from both as JSON
Lines, and compares them row for row (order and the store's own row numbers and timestamps aside).
Exit status 1 when they differ.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

DRAGOMAN = Path(sys.executable).with_name("dragoman")
# Where a row was stored and when, not what it says.
PRIVATE = {"event_id", "analysed_at"}


def analyze(src: str, db: str, *extra: str) -> None:
    subprocess.run([str(DRAGOMAN), "analyze", src, "--db", db, "--quiet", *extra], check=False,
                   stdout=subprocess.DEVNULL)


def exported(db: str, what: str) -> list[str]:
    out = subprocess.run([str(DRAGOMAN), "export", "--what", what, "--format", "jsonl", "--db", db],
                         check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        row = {k: v for k, v in json.loads(line).items() if k not in PRIVATE}
        rows.append(json.dumps(row, sort_keys=True, ensure_ascii=False))
    return sorted(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("src")
    parser.add_argument("--pg", required=True)
    parser.add_argument("--workers", default="2")
    args = parser.parse_args()
    import psycopg

    schema = f"same_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(args.pg, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    pg = f"{args.pg}{'&' if '?' in args.pg else '?'}options=-csearch_path%3D{schema}"
    differ = False
    try:
        with tempfile.TemporaryDirectory() as tmp:
            sqlite = str(Path(tmp) / "local.db")
            analyze(args.src, sqlite)
            analyze(args.src, pg, "--engine", "ray", "--workers", args.workers)
            for what in ("articles", "quotes", "events", "actors"):
                a, b = exported(sqlite, what), exported(pg, what)
                same = a == b
                differ |= not same
                print(f"{what:<9} local runner + SQLite: {len(a):5d}   Ray + Postgres: {len(b):5d}   "
                      f"{'identical' if same else f'DIFFERENT ({len(set(a) ^ set(b))} rows differ)'}")
    finally:
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
