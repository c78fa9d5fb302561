"""Cost of one long article: the whole analysis against bare spaCy parsing of the same text,
and the peak memory of ``dragoman analyze`` on a very long one.

The article is made of the invented wire stories of ``benchmarks/throughput.py`` run together
under one headline, so it has quotes, speakers, pronouns and events all the way through.

  time     one article of ``--chars`` characters (default 200,000), cleaned by ``prepare()``;
           bare: ``load_base_nlp()(text)``; dragoman: ``Analyzer.analyze([article])`` (parse with
           the gazetteer, actors, quotes, events). Models are loaded first (start-up excluded),
           the two alternate ``--rounds`` times and the median ratio is reported (target <= 1.25).
  memory   ``dragoman analyze FILE --db TEMP`` on one article of ``--memory-chars`` characters
           (default 990,000, just under the one-article limit) in a child process: its peak RSS
           (target < 1.5 GB).

    .venv/bin/python benchmarks/long_text.py
    .venv/bin/python benchmarks/long_text.py --chars 100000 --rounds 1 --no-memory
    .venv/bin/python benchmarks/long_text.py --stages      # where the time of the analysis goes
    .venv/bin/python benchmarks/long_text.py --no-time --memory-upto parse   # memory of the parse alone
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from throughput import dragoman_command, joined_stories, print_table  # noqa: E402

RATIO_TARGET = 1.25
MEMORY_TARGET_MB = 1536


def long_article(chars: int) -> str:
    return joined_stories(0, chars=chars)


def prepared(text: str):
    from dragoman.pipeline import prepare
    from dragoman.read import RawDocument

    article = prepare(RawDocument(source="long.txt", text=text))
    if getattr(article, "status", None) != "analysed":
        raise SystemExit(f"the generated article was not kept for analysis: {article}")
    return article


def time_rounds(text: str, rounds: int) -> list[tuple[float, float]]:
    from dragoman.nlp import load_base_nlp
    from dragoman.pipeline import Analyzer

    bare = load_base_nlp()
    analyzer = Analyzer()
    article = prepared(text)
    print(f"article: {len(article.text):,} characters after cleaning, {len(article.text.split()):,} words",
          flush=True)
    bare(article.text[:2000])
    list(analyzer.analyze([prepared(text[:2000])]))  # warm up both
    times = []
    for r in range(rounds):
        t0 = time.perf_counter()
        bare(article.text)
        tb = time.perf_counter() - t0
        fresh = prepared(text)
        t0 = time.perf_counter()
        result = next(analyzer.analyze([fresh]))
        tp = time.perf_counter() - t0
        print(f"round {r + 1}: bare {tb:.1f} s, dragoman {tp:.1f} s, ratio {tp / tb:.2f} "
              f"({len(result.entities):,} entities, {len(result.quotes):,} quotes, {len(result.events):,} events, "
              f"status {result.status})", flush=True)
        times.append((tb, tp))
    return times


def time_stages(text: str) -> None:
    from dragoman.actors import Cast
    from dragoman.events import code_events
    from dragoman.pipeline import Analyzer
    from dragoman.quotes import extract_quotes

    analyzer = Analyzer()
    article = prepared(text)
    t = {}
    t0 = time.perf_counter()
    doc = next(analyzer.parse([article.text]))
    t["parse (with the gazetteer)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    cast = Cast(doc, article, analyzer.dictionary)
    t["actors"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    quotes = extract_quotes(doc, article, cast)
    t["quotes"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    code_events(doc, article, cast, quotes)
    t["events"] = time.perf_counter() - t0
    total = sum(t.values())
    print_table(["stage", "seconds", "share"], [(k, f"{v:.2f}", f"{100 * v / total:.1f}%") for k, v in t.items()])


def peak_memory(chars: int, workdir: Path, upto: str = "all") -> tuple[float, int, float]:
    """Peak RSS (MB), exit status and seconds of ``dragoman analyze`` on one long article (or, with
    ``upto`` "parse" or "actors", of a process that runs only the stages up to that one)."""
    path = workdir / "very_long.txt"
    path.write_text(long_article(chars), encoding="utf-8")
    if upto == "all":
        cmd = [*dragoman_command(), "analyze", str(path), "--db", str(workdir / "long.db"), "--quiet",
               "--output", os.devnull]
    else:
        cmd = [sys.executable, __file__, "--stages-child", upto, str(path)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd)
    _, status, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), time.perf_counter() - t0


def stages_child(upto: str, path: str) -> int:
    """Parse (and resolve actors in) one article: the memory of the stages up to ``upto``."""
    from dragoman.actors import Cast
    from dragoman.pipeline import Analyzer

    analyzer = Analyzer()
    article = prepared(Path(path).read_text(encoding="utf-8"))
    doc = next(analyzer.parse([article.text]))
    if upto == "actors":
        Cast(doc, article, analyzer.dictionary)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chars", type=int, default=200_000, help="length of the timed article")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--memory-chars", type=int, default=990_000, help="length of the article for peak memory")
    ap.add_argument("--no-memory", action="store_true", help="skip the peak-memory run")
    ap.add_argument("--memory-upto", choices=("parse", "actors", "all"), default="all",
                    help="peak memory of the stages up to this one only (default: all of dragoman analyze)")
    ap.add_argument("--stages-child", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--no-time", action="store_true", help="skip the timed rounds")
    ap.add_argument("--stages", action="store_true", help="also time each stage on the timed article")
    args = ap.parse_args(argv)
    if args.stages_child:
        return stages_child(*args.stages_child)
    verdicts = []
    rows = []
    if not args.no_memory:  # first, while this process is small (a child's ru_maxrss counts it at fork)
        with tempfile.TemporaryDirectory(prefix="dragoman-long-") as tmp:
            peak, status, seconds = peak_memory(args.memory_chars, Path(tmp), args.memory_upto)
        ok = peak < MEMORY_TARGET_MB and status == 0
        verdicts.append(ok)
        what = "dragoman analyze" if args.memory_upto == "all" else f"stages up to {args.memory_upto}"
        rows += [(f"{what}, one {args.memory_chars:,}-character article: peak RSS", f"{peak:,.0f} MB"),
                 ("  exit status, seconds", f"{status}, {seconds:,.0f} s"),
                 (f"  target < {MEMORY_TARGET_MB:,} MB", "PASS" if ok else "FAIL")]
    if not args.no_time:
        text = long_article(args.chars)
        times = time_rounds(text, args.rounds)
        ratio = statistics.median(tp / tb for tb, tp in times)
        ok = ratio <= RATIO_TARGET
        verdicts.append(ok)
        rows += [(f"one {args.chars:,}-character article: bare spaCy (median)",
                  f"{statistics.median(t[0] for t in times):.1f} s"),
                 ("  dragoman analysis (median)", f"{statistics.median(t[1] for t in times):.1f} s"),
                 ("  ratio dragoman/bare (median of rounds)", f"{ratio:.2f}"),
                 (f"  target <= {RATIO_TARGET}", "PASS" if ok else "FAIL")]
        if args.stages:
            time_stages(text)
    print()
    print_table(["measure", "value"], rows)
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
