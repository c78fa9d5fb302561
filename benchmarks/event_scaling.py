"""Event coding time against article length: is the event stage linear, and what share of
the per-article extraction (actors, quotes, events) does it take?

One article is built by repeating invented paragraphs (with quotes, events and actors) up to
each length; every length is parsed once, then actors, quotes and events are timed on it.
Prints, per length, the events stage's seconds per 10,000 characters (flat when linear), its
share of the extraction (actors + quotes + events) and of the whole analysis (parse included).

    .venv/bin/python benchmarks/event_scaling.py                 # 25k, 50k, 100k, 200k characters
    .venv/bin/python benchmarks/event_scaling.py --sizes 20000 200000
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

PARAGRAPHS = [
    "Kyrgyzstan accused Tajikistan of shelling two border villages on Monday, the foreign ministry said.",
    '"The Tajik side keeps breaking the ceasefire and must withdraw its forces," the ministry said in a statement.',
    "Tajikistan rejected the accusation as false and summoned the Kyrgyz ambassador.",
    "Russia urged both countries to hold talks, and Kazakhstan offered to host a meeting in Astana.",
    "The European Union imposed sanctions on three companies, and China condemned the move.",
    '"We will respond to any provocation," a spokesman for the Chinese foreign ministry told reporters.',
    "Philippine officials said Chinese vessels fired water cannon at a supply boat near the reef.",
    "Germany pledged 20 million euros in aid to Sudan, and the United Nations welcomed the decision.",
]


def article_of(size: int) -> str:
    out, n, i = [], 0, 0
    while n < size:
        p = PARAGRAPHS[i % len(PARAGRAPHS)]
        out.append(p)
        n += len(p) + 2
        i += 1
    return "\n\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[25_000, 50_000, 100_000, 200_000])
    args = ap.parse_args()
    from dragoman.actors import Cast
    from dragoman.events import code_events
    from dragoman.pipeline import Analyzer
    from dragoman.quotes import extract_quotes
    from dragoman.records import Article

    analyzer = Analyzer()
    analyzer.nlp.max_length = max(analyzer.nlp.max_length, max(args.sizes) + 1000)
    print(f"{'chars':>8} {'events s':>9} {'s/10k chars':>12} {'of extraction':>14} {'of analysis':>12} {'events':>7}")
    for size in args.sizes:
        text = article_of(size)
        article = Article(id="scale", source="scale", text=text, date="2025-03-03")
        tp = time.perf_counter()
        doc = analyzer.nlp(text)
        t0 = time.perf_counter()
        cast = Cast(doc, article, analyzer.dictionary)
        quotes = extract_quotes(doc, article, cast)
        t2 = time.perf_counter()
        events = code_events(doc, article, cast, quotes)
        t3 = time.perf_counter()
        share, whole = (t3 - t2) / (t3 - t0), (t3 - t2) / (t3 - tp)
        print(f"{len(text):>8} {t3 - t2:>9.3f} {(t3 - t2) / len(text) * 10_000:>12.4f} {share:>14.1%} {whole:>12.1%}"
              f" {len(events):>7}")


if __name__ == "__main__":
    main()
