"""Story clustering of an analysed store, scored on labelled pairs by fold: the protocol for trying
a setting without fitting the pairs (tune on one fold, keep a change only if neither fold drops).

    .venv/bin/dragoman analyze ../shared/corpus/stories_dev --db /tmp/st.db --quiet
    .venv/bin/python benchmarks/stories_folds.py --db /tmp/st.db --gold ../shared/gold/stories_dev.jsonl
    .venv/bin/python benchmarks/stories_folds.py --db /tmp/st.db --gold ... --set join_similarity=0.21 0.24
    .venv/bin/python benchmarks/stories_folds.py --db /tmp/st.db --gold ... --errors

The store is copied first and the copy re-clustered (``recluster_stories``) once per setting, so the
analysis is never repeated and the store given is left as it is. ``--set NAME=V1 [V2 ...]`` scores
each value of one ``StorySettings`` field in turn; folds are fixed by a hash of each pair's two file
names (``dragoman.stories.evaluate.pair_fold``). Prints one JSON line per setting and, when several
values are tried, one more: the value each of ``--cv`` folds chooses on the others and the pooled
score of the held-out folds (what choosing among these values is worth on pairs not tuned on).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src")]

from dragoman.store import SQLiteStore  # noqa: E402
from dragoman.stories.evaluate import (LabelledPair, cross_validated, fold_scores, load_pairs, pair_fold,  # noqa: E402
                                       stored_stories)
from dragoman.stories.settings import SETTINGS, StorySettings  # noqa: E402


def settings_to_try(spec: list[str] | None) -> list[tuple[str, StorySettings]]:
    """(label, settings) for each value given of one field; the defaults when none is."""
    if not spec:
        return [("default", SETTINGS)]
    name, _, first = spec[0].partition("=")
    fields = {f.name: f for f in dataclasses.fields(StorySettings)}
    if name not in fields or not first:
        raise SystemExit(f"stories_folds: --set wants NAME=VALUE with NAME one of {', '.join(fields)}")
    kind = type(getattr(SETTINGS, name))
    values = [first, *spec[1:]]
    parse = (lambda v: v.lower() in ("1", "true", "yes")) if kind is bool else kind
    try:
        return [(f"{name}={v}", dataclasses.replace(SETTINGS, **{name: parse(v)})) for v in values]
    except ValueError as exc:
        raise SystemExit(f"stories_folds: --set {name}: {exc}")


def wrong_pairs(pairs: list[LabelledPair], story_of: dict[str, str]) -> list[dict]:
    out = []
    for p in pairs:
        same = story_of.get(p.a) is not None and story_of.get(p.a) == story_of.get(p.b)
        if same != p.same_story:
            out.append({"error": "FP" if same else "FN", "fold": pair_fold(p.a, p.b), "a": p.a, "b": p.b})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="an analysed SQLite store (left unchanged)")
    ap.add_argument("--gold", required=True, help="JSON Lines of pairs: a, b (file names), same_story")
    ap.add_argument("--set", nargs="+", metavar="NAME=VALUE", help="one StorySettings field and the values to try")
    ap.add_argument("--errors", action="store_true", help="also list the pairs clustered wrongly")
    ap.add_argument("--folds", type=int, default=2, help="folds of the per-fold scores (default 2)")
    ap.add_argument("--cv", type=int, default=5, metavar="K",
                    help="with several --set values: choose one on K-1 folds, score it on the fold left out (default 5)")
    args = ap.parse_args(argv)
    try:
        pairs = load_pairs(args.gold)
    except (OSError, ValueError) as exc:
        raise SystemExit(f"stories_folds: {exc}")
    if not Path(args.db).is_file():
        raise SystemExit(f"stories_folds: {args.db}: no such store")
    clusterings = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, settings in settings_to_try(args.set):
            work = Path(tmp) / "work.db"
            shutil.copy(args.db, work)
            store = SQLiteStore(work)
            try:
                store.recluster_stories(settings)
                story_of = stored_stories(store)
            finally:
                store.close()
            clusterings[label] = story_of
            report = {"setting": label, **{k: s.as_dict() for k, s in fold_scores(pairs, story_of, args.folds).items()}}
            if args.errors:
                report["wrong"] = wrong_pairs(pairs, story_of)
            print(json.dumps(report), flush=True)
    if len(clusterings) > 1:
        chosen, held_out = cross_validated(pairs, clusterings, args.cv)
        print(json.dumps({"cross_validated": args.cv, "chosen": chosen, "held_out": held_out.as_dict()}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
