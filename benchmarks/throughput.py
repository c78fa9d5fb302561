"""Throughput of the analysis pipeline against bare spaCy parsing, and peak memory.

In one process, over the same cleaned texts, alternately (bare, pipeline, bare, pipeline, ...):

  bare      ``dragoman.nlp.load_base_nlp()`` and ``nlp.pipe`` (the statistical pipeline alone)
  pipeline  ``prepare()`` (read, clean, metadata, language) + ``Analyzer.analyze`` (parse with the
            gazetteer, actors, quotes, events) + saving every article into a fresh temp SQLite store

and prints articles/s and words/s of each, and the median of the per-round ratios pipeline/bare.
Peak memory (VmHWM, else ru_maxrss) of each is measured in its own child process so one does not
pollute the other.

    .venv/bin/python benchmarks/throughput.py                      # 200 generated articles
    .venv/bin/python benchmarks/throughput.py --words 3000 --articles 40   # long articles
    .venv/bin/python benchmarks/throughput.py --dir ../shared/corpus/seeds --repeat 20 --stages
    .venv/bin/python benchmarks/throughput.py --memory-only --articles 10000

``--stages`` adds the time per stage (prepare, parse, actors, quotes, events, store).
``--memory-only`` streams ``--articles`` generated articles (a temp JSON Lines file) through
``dragoman analyze FILE --db TEMP`` in a subprocess and reports the child's peak RSS against the
2 GB target.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from dragoman.pipeline import prepare  # noqa: E402
from dragoman.read import RawDocument, iter_documents  # noqa: E402
from dragoman.records import Article, Failure  # noqa: E402

MEMORY_TARGET_MB = 2048

# -- synthetic articles ---------------------------------------------------------------------
# Invented wire stories: real places, invented officials and statements.

COUNTRIES = [
    ("Armenia", "Armenian", "Yerevan"), ("Azerbaijan", "Azerbaijani", "Baku"), ("Georgia", "Georgian", "Tbilisi"),
    ("Kazakhstan", "Kazakh", "Astana"), ("Turkey", "Turkish", "Ankara"), ("Uzbekistan", "Uzbek", "Tashkent"),
    ("Russia", "Russian", "Moscow"), ("Iran", "Iranian", "Tehran"), ("Ukraine", "Ukrainian", "Kyiv"),
    ("France", "French", "Paris"), ("Germany", "German", "Berlin"), ("Moldova", "Moldovan", "Chisinau"),
]
FIRST = ["Lusine", "Farid", "Tamar", "Erlan", "Selin", "Bekzod", "Oksana", "Armen", "Nigar", "Giorgi", "Claire",
         "Jonas", "Reza", "Irina", "Davit", "Leyla"]
LAST = ["Avetyan", "Gasimli", "Kobalia", "Dzhaksybek", "Ozturk", "Karimov", "Melnyk", "Sahakyan", "Rustamova",
        "Beridze", "Marchand", "Keller", "Tavakoli", "Volkova", "Grigoryan", "Huseynli"]
TOPICS = ["a new rail corridor", "water sharing on the border rivers", "a visa-free travel regime",
          "the exchange of detainees", "joint customs checks", "an electricity grid link", "gas transit fees",
          "the demarcation of the border", "a free trade agreement", "the return of refugees"]
OUTLETS = ["Example Wire", "Caucasus Courier", "Steppe Review", "Eastern Ledger"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

TEMPLATES = [
    # a wire story: headline, date line, dateline with an agency tag, quotes, an accusation
    """{A_adj} and {B_adj} officials discuss {topic}

{month} {day} {year}

{A_CAPITAL}, {month} {day} ({outlet}) — {A} and {B} held a new round of talks on {topic} on {weekday}, officials in both capitals said.

"We have agreed on most of the text, and the rest can be settled within {n} days," {A_adj} Foreign Minister {p1} told reporters after the meeting in {A_capital}.

The {B_adj} delegation accused the {A_adj} side of dragging out the negotiations, according to a statement from the foreign ministry of {B}.

{p2}, a member of the opposition in {B}, said the government had given away too much. "This deal was written in {A_capital}, not here," {p2} said.

Diplomats said {n} experts from both countries would meet again next month to work on the remaining articles of the agreement.

Share: Facebook, Twitter, Telegram
© {year} {outlet}
""",
    # a ministry statement with indirect speech, a threat and a denial
    """{B} warns {A} over {topic}

{B_CAPITAL} — The {B_adj} Foreign Ministry on {weekday} warned {A} against what it called unilateral steps on {topic}, saying it would respond "firmly and proportionately" to any provocation.

Ministry spokeswoman {p1} said that {B_capital} had handed a note of protest to the {A_adj} ambassador. She added that {B} remained open to dialogue but would not accept "decisions taken behind our backs."

{A_adj} officials rejected the accusations. "Nobody is threatening anyone. We are simply implementing what was agreed in {year_before}," {A_adj} Deputy Prime Minister {p2} said in an interview with {outlet}.

Analysts in {A_capital} said the dispute was unlikely to derail the wider talks, which are due to resume in Vienna in {month}.

Read more:
{A} and {B} trade accusations over border incident
Ministers to meet in Geneva next week
""",
    # cooperation: aid, a visit, an agreement signed
    """{A} sends aid to {B} after floods

{day}.{month_num}.{year}

{A} sent {n} tonnes of humanitarian aid to {B} on {weekday} after severe floods left thousands of people homeless in the country's north, the {A_adj} emergencies ministry said.

{A_adj} President {p1} spoke by phone with his {B_adj} counterpart and offered further help with the reconstruction of roads and bridges, the presidential press service said.

"In difficult times, neighbours stand together," {p1} said, according to the statement.

{B_adj} Prime Minister {p2} thanked {A_capital} for the assistance and said the two governments would sign an agreement on disaster relief cooperation during his visit to {A_capital} in {month}.

The floods, the worst in {m} years, damaged more than {k} homes, according to local officials.
""",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def synthetic_article(i: int) -> str:
    rng = random.Random(i)
    (a, a_adj, a_cap), (b, b_adj, b_cap) = rng.sample(COUNTRIES, 2)
    p1, p2 = (f"{rng.choice(FIRST)} {last}" for last in rng.sample(LAST, 2))
    year = rng.randint(2019, 2025)
    month = rng.randrange(12)
    return TEMPLATES[i % len(TEMPLATES)].format(
        A=a, A_adj=a_adj, A_capital=a_cap, A_CAPITAL=a_cap.upper(), B=b, B_adj=b_adj, B_capital=b_cap,
        B_CAPITAL=b_cap.upper(), p1=p1, p2=p2, topic=rng.choice(TOPICS), outlet=rng.choice(OUTLETS),
        year=year, year_before=year - 1, month=MONTHS[month], month_num=month + 1, day=rng.randint(1, 28),
        weekday=rng.choice(WEEKDAYS), n=rng.randint(3, 60) + i, m=rng.randint(20, 90), k=rng.randint(100, 9000),
    )


FURNITURE = ("Share:", "©", "Read more:")


def joined_stories(seed: int, *, chars: int | None = None, words: int | None = None) -> str:
    """One long article: a headline, then the paragraphs of generated stories (from ``seed`` on)
    until it has ``chars`` characters or ``words`` words."""
    parts = [synthetic_article(seed).split("\n\n")[0].strip()]
    size, count, i = len(parts[0]), len(parts[0].split()), seed

    def full() -> bool:
        return (chars is not None and size >= chars) or (words is not None and count >= words)

    while not full():
        for paragraph in synthetic_article(i).split("\n\n")[1:]:  # a headline inside would end no sentence
            paragraph = paragraph.strip()
            if not paragraph or paragraph.startswith(FURNITURE) or "\n" in paragraph:
                continue
            parts.append(paragraph)
            size += len(paragraph) + 2
            count += len(paragraph.split())
            if full():
                break
        i += 1
    text = "\n\n".join(parts)
    return text if chars is None else text[:chars].rsplit(".", 1)[0] + "."


def synthetic_documents(n: int, words: int | None = None) -> list[RawDocument]:
    """``n`` generated articles: wire stories of about 200 words, or of about ``words`` words each."""
    if words:
        return [RawDocument(source=f"synthetic/{i:06d}.txt", text=joined_stories(i * 1000, words=words))
                for i in range(n)]
    return [RawDocument(source=f"synthetic/{i:06d}.txt", text=synthetic_article(i)) for i in range(n)]


def directory_documents(path: str, repeat: int) -> list[RawDocument]:
    """The articles under ``path``, each ``repeat`` times with its own header line (so its own id)."""
    from dragoman.pipeline import extract_html

    base = []
    for item in iter_documents([path]):
        if isinstance(item, Failure):
            print(f"skipped {item.source}: {item.reason}", file=sys.stderr)
            continue
        text = item.text
        if text is None and item.html is not None:
            extracted = extract_html(item.html)
            text = extracted[0] if extracted else None
        if text:
            base.append(RawDocument(source=item.source, text=text, url=item.url, date=item.date,
                                    outlet=item.outlet))
    docs = []
    for k in range(repeat):
        for d in base:
            docs.append(RawDocument(source=f"{d.source}#{k}", text=f"Benchmark copy {k} of this article\n\n{d.text}",
                                    url=d.url, date=d.date, outlet=d.outlet))
    return docs


def english_only(docs: list[RawDocument]) -> tuple[list[RawDocument], list[str]]:
    """The documents prepare() keeps as English, and their cleaned texts (what the parser sees)."""
    kept, texts, seen = [], [], set()
    for d in docs:
        art = prepare(d)
        if isinstance(art, Article) and art.status == "analysed" and art.id not in seen:
            seen.add(art.id)
            kept.append(d)
            texts.append(art.text)
    return kept, texts


# -- the two measurements -------------------------------------------------------------------

def run_bare(nlp, texts: list[str], batch_size: int) -> float:
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t0


def run_pipeline(analyzer, docs: list[RawDocument], store) -> tuple[float, int]:
    t0 = time.perf_counter()
    stored = 0
    prepared = (a for a in map(prepare, docs) if isinstance(a, Article))
    for article in analyzer.analyze(prepared):
        if isinstance(article, Article):
            stored += store.save_article(article)
    return time.perf_counter() - t0, stored


def run_round(bare_nlp, analyzer, docs, texts, batch_size: int, workdir: Path, tag: str) -> tuple[float, float]:
    """Bare parsing and the pipeline, alternating chunk by chunk, so a slow spell on a noisy
    machine falls on both alike."""
    from dragoman.store import SQLiteStore

    db = workdir / f"pipeline-{tag}.db"
    store = SQLiteStore(db)
    tb = tp = 0.0
    stored = 0
    for i in range(0, len(docs), batch_size):
        tb += run_bare(bare_nlp, texts[i:i + batch_size], batch_size)
        seconds, n = run_pipeline(analyzer, docs[i:i + batch_size], store)
        tp += seconds
        stored += n
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    assert stored == len(docs), (stored, len(docs))
    return tb, tp


def run_stages(analyzer, docs: list[RawDocument], workdir: Path) -> dict[str, float]:
    """Seconds per stage, each timed on its own (prepare; parse; Cast; quotes; events; store)."""
    from dragoman.actors import Cast
    from dragoman.events import code_events
    from dragoman.quotes import extract_quotes
    from dragoman.store import SQLiteStore

    t = dict.fromkeys(("prepare", "parse", "actors", "quotes", "events", "store"), 0.0)
    t0 = time.perf_counter()
    articles = [a for a in map(prepare, docs) if isinstance(a, Article) and a.status == "analysed"]
    t["prepare"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    parsed = list(analyzer.nlp.pipe(((a.text, a) for a in articles), as_tuples=True,
                                    batch_size=analyzer.batch_size))
    t["parse"] = time.perf_counter() - t0
    for doc, article in parsed:
        t0 = time.perf_counter()
        cast = Cast(doc, article, analyzer.dictionary)
        article.entities = cast.mentions
        t1 = time.perf_counter()
        article.quotes = extract_quotes(doc, article, cast)
        t2 = time.perf_counter()
        article.events = code_events(doc, article, cast, article.quotes)
        t3 = time.perf_counter()
        t["actors"] += t1 - t0
        t["quotes"] += t2 - t1
        t["events"] += t3 - t2
    db = workdir / "stages.db"
    store = SQLiteStore(db)
    t0 = time.perf_counter()
    for _, article in parsed:
        store.save_article(article)
    t["store"] = time.perf_counter() - t0
    store.close()
    return t


# -- peak memory in child processes ---------------------------------------------------------

def peak_rss_mb() -> float:
    """This process's peak RSS: VmHWM (ru_maxrss survives fork and exec, so a child spawned by
    a process holding a model would report the parent's peak), else ru_maxrss."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child_peak(kind: str, docs: list[RawDocument], texts: list[str], batch_size: int, workdir: str) -> dict:
    before = peak_rss_mb()
    if kind == "bare":
        from dragoman.nlp import load_base_nlp

        nlp = load_base_nlp()
        loaded = peak_rss_mb()
        run_bare(nlp, texts, batch_size)
    else:
        from dragoman.pipeline import Analyzer

        from dragoman.store import SQLiteStore

        analyzer = Analyzer(batch_size=batch_size)
        loaded = peak_rss_mb()
        store = SQLiteStore(Path(workdir) / "memory.db")
        run_pipeline(analyzer, docs, store)
        store.close()
    return {"start_mb": before, "loaded_mb": loaded, "peak_mb": peak_rss_mb()}


def measure_peaks(docs, texts, batch_size: int, workdir: Path) -> dict[str, dict]:
    ctx = mp.get_context("spawn")
    peaks = {}
    for kind in ("bare", "pipeline"):
        with ctx.Pool(1) as pool:
            peaks[kind] = pool.apply(_child_peak, (kind, docs, texts, batch_size, str(workdir)))
    return peaks


# -- memory-only: dragoman analyze over many articles in a subprocess -----------------------

def dragoman_command() -> list[str]:
    exe = Path(sys.executable).with_name("dragoman")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "dragoman"]


def rss_mb(pid: int, field: str = "VmRSS") -> float | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def memory_only(n: int, jobs: int, batch_size: int, workdir: Path) -> int:
    feed = workdir / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"synthetic-{i:06d}", "text": synthetic_article(i)}) + "\n")
    db = workdir / "memory.db"
    cmd = [*dragoman_command(), "analyze", str(feed), "--db", str(db), "-q", "-o", os.devnull,
           "--jobs", str(jobs), "--batch-size", str(batch_size)]
    print(f"streaming {n:,} articles: {' '.join(cmd)}", flush=True)
    samples: list[tuple[float, float]] = []  # (seconds, RSS MB of the child and its workers)
    hwm: dict[int, float] = {}  # peak RSS (VmHWM) seen per process
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            pids = [proc.pid, *_children(proc.pid)]
            total = sum(r for r in map(rss_mb, pids) if r)
            for pid in pids:
                if (h := rss_mb(pid, "VmHWM")) is not None:
                    hwm[pid] = max(hwm.get(pid, 0.0), h)
            if total:
                samples.append((time.perf_counter() - t0, total))
            done.wait(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    elapsed = time.perf_counter() - t0
    import sqlite3

    con = sqlite3.connect(db)
    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    # ru_maxrss from wait4 is the largest single process (it can include this parent's peak at fork,
    # small here: no model is loaded in this mode); VmHWM is sampled every half second.
    peak = usage.ru_maxrss / 1024
    peak_hwm = max(hwm.values(), default=0.0)
    peak_sum = max((s[1] for s in samples), default=0.0)
    rows = [("articles in / stored", f"{n:,} / {stored:,}"), ("exit status", str(proc.returncode)),
            ("elapsed", f"{elapsed:,.1f} s"), ("articles/s", f"{stored / elapsed:,.1f}"),
            ("peak RSS, largest process (wait4 ru_maxrss)", f"{peak:,.0f} MB"),
            ("peak RSS, largest process (VmHWM, sampled)", f"{peak_hwm:,.0f} MB"),
            ("peak RSS, all processes together (sampled)", f"{peak_sum:,.0f} MB"),
            ("this process (the benchmark itself)", f"{peak_rss_mb():,.0f} MB")]
    if samples:
        for q in (0.25, 0.5, 0.75, 1.0):
            s = samples[min(len(samples) - 1, int(q * (len(samples) - 1)))]
            rows.append((f"RSS at {s[0]:,.0f} s ({int(q * 100)}% of the run)", f"{s[1]:,.0f} MB"))
    verdict = "PASS" if max(peak, peak_sum) < MEMORY_TARGET_MB else "FAIL"
    rows.append((f"target < {MEMORY_TARGET_MB:,} MB", verdict))
    print_table(["measure", "value"], rows)
    return 0 if verdict == "PASS" and proc.returncode == 0 else 1


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            kids = [int(x) for x in f.read().split()]
    except OSError:
        return []
    return kids + [g for k in kids for g in _children(k)]


# -- output ---------------------------------------------------------------------------------

def print_table(header: list[str], rows: list[tuple]) -> None:
    cells = [header, *[[str(c) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    line = "  ".join("-" * w for w in widths)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print(line)
    for r in cells[1:]:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", "-n", type=int, default=None,
                    help="generated articles (default 200; 10000 with --memory-only)")
    ap.add_argument("--words", type=int, default=None,
                    help="generated articles of about this many words each (e.g. 3000), instead of wire stories")
    ap.add_argument("--dir", help="use the article files under this directory instead of generated ones")
    ap.add_argument("--repeat", type=int, default=1, help="with --dir: each file this many times (own header)")
    ap.add_argument("--rounds", type=int, default=2, help="bare/pipeline pairs to alternate (default 2)")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--stages", action="store_true", help="also time each stage of the pipeline")
    ap.add_argument("--no-memory", action="store_true", help="skip the peak-memory child processes")
    ap.add_argument("--memory-only", action="store_true",
                    help="only stream --articles generated articles through `dragoman analyze` and report peak RSS")
    ap.add_argument("--jobs", type=int, default=1, help="with --memory-only: dragoman analyze --jobs")
    args = ap.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="dragoman-throughput-"))
    try:
        if args.memory_only:
            return memory_only(args.articles or 10_000, args.jobs, args.batch_size, workdir)
        return benchmark(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def benchmark(args, workdir: Path) -> int:
    from dragoman.nlp import load_base_nlp
    from dragoman.pipeline import Analyzer

    if args.dir:
        raw = directory_documents(args.dir, args.repeat)
        origin = f"{args.dir} x{args.repeat}"
    else:
        raw = synthetic_documents(args.articles or 200, args.words)
        origin = f"generated, ~{args.words} words each" if args.words else "generated"
    docs, texts = english_only(raw)
    if not docs:
        print("no English articles to measure", file=sys.stderr)
        return 2
    n_words = sum(len(t.split()) for t in texts)
    print(f"{len(docs)} distinct English articles ({origin}; {len(raw) - len(docs)} left out), "
          f"{n_words:,} words, {n_words / len(docs):,.0f} words/article, batch size {args.batch_size}", flush=True)

    t0 = time.perf_counter()
    bare_nlp = load_base_nlp()
    t_bare_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    analyzer = Analyzer(batch_size=args.batch_size)
    t_pipe_load = time.perf_counter() - t0
    print(f"loaded: bare spaCy {t_bare_load:.1f} s, dragoman pipeline {t_pipe_load:.1f} s "
          f"(gazetteer, actor dictionary)", flush=True)
    # one short warm-up each, so neither first round pays for lazy initialisation
    run_round(bare_nlp, analyzer, docs[:4], texts[:4], args.batch_size, workdir, "warmup")

    bare_times, pipe_times = [], []
    for r in range(args.rounds):
        tb, tp = run_round(bare_nlp, analyzer, docs, texts, args.batch_size, workdir, str(r))
        bare_times.append(tb)
        pipe_times.append(tp)
        print(f"round {r + 1}: bare {tb:.2f} s, pipeline {tp:.2f} s, ratio {tp / tb:.2f}", flush=True)
    print()
    ratios = [p / b for p, b in zip(pipe_times, bare_times)]
    tb, tp = statistics.median(bare_times), statistics.median(pipe_times)
    rows = [("bare spaCy (nlp.pipe)", f"{len(docs) / tb:,.1f}", f"{n_words / tb:,.0f}", f"{tb:.2f}"),
            ("dragoman pipeline + store", f"{len(docs) / tp:,.1f}", f"{n_words / tp:,.0f}", f"{tp:.2f}")]
    print_table(["run (median of rounds)", "articles/s", "words/s", "seconds"], rows)
    print(f"ratio pipeline/bare (time): median {statistics.median(ratios):.2f} "
          f"(rounds: {', '.join(f'{x:.2f}' for x in ratios)})")
    print(f"throughput ratio pipeline/bare (articles/s): {1 / statistics.median(ratios):.2f}  (target >= 0.80)\n")

    if args.stages:
        t = run_stages(analyzer, docs, workdir)
        total = sum(t.values())
        rows = [(k, f"{v:.2f}", f"{100 * v / total:.1f}%", f"{1000 * v / len(docs):.1f}") for k, v in t.items()]
        rows.append(("total", f"{total:.2f}", "100.0%", f"{1000 * total / len(docs):.1f}"))
        print_table(["stage", "seconds", "share", "ms/article"], rows)

    own = peak_rss_mb()
    if not args.no_memory:
        peaks = measure_peaks(docs, texts, args.batch_size, workdir)
        rows = [(k, f"{v['loaded_mb']:,.0f}", f"{v['peak_mb']:,.0f}") for k, v in peaks.items()]
        rows.append(("this process (both, for reference)", "", f"{own:,.0f}"))
        print_table(["peak RSS, own child process", "after load MB", "peak MB"], rows)
    else:
        print(f"peak RSS of this process (both pipelines loaded): {own:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
