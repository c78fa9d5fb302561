"""Actors and quotes on one long article: the time of each against the length of the text.

One generated article (the throughput benchmark's templates, joined) at 50,000, 100,000 and
200,000 characters; each stage is timed on each length in the same run and printed with the
ratio to the shortest. Linear stages double with the length (ratios ~2 and ~4); a stage that
rescans every mention or quote mark per mention or mark grows four- and sixteen-fold.

    .venv/bin/python benchmarks/long_article.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import synthetic_article  # noqa: E402

from dragoman.actors import Cast  # noqa: E402
from dragoman.pipeline import Analyzer, prepare  # noqa: E402
from dragoman.quotes import extract_quotes  # noqa: E402
from dragoman.read import RawDocument  # noqa: E402

SIZES = (50_000, 100_000, 200_000)


def long_text(n_chars: int) -> str:
    parts: list[str] = []
    total = i = 0
    while total < n_chars:
        parts.append(synthetic_article(i))
        total += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)


def main() -> int:
    analyzer = Analyzer()
    analyzer.nlp.max_length = max(SIZES) * 2
    rows = []
    for size in SIZES:
        article = prepare(RawDocument(source=f"long-{size}.txt", text=long_text(size)))
        doc = analyzer.nlp(article.text)
        t0 = time.perf_counter()
        cast = Cast(doc, article, analyzer.dictionary)
        t1 = time.perf_counter()
        quotes = extract_quotes(doc, article, cast)
        t2 = time.perf_counter()
        rows.append((len(article.text), len(cast.mentions), len(quotes), t1 - t0, t2 - t1))
    base = rows[0]
    print(f"{'chars':>8} {'mentions':>8} {'quotes':>6} {'actors s':>9} {'x':>5} {'quotes s':>9} {'x':>5}")
    for chars, mentions, quotes, actors_s, quotes_s in rows:
        print(f"{chars:>8} {mentions:>8} {quotes:>6} {actors_s:>9.3f} {actors_s / base[3]:>5.1f} "
              f"{quotes_s:>9.3f} {quotes_s / base[4]:>5.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
