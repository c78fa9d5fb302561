"""Pairwise scores of story clustering against labelled article pairs, split into fixed folds.

A setting is tuned on one fold and checked on the other: each labelled pair falls in the fold named
by a hash of its two file names (in either order), so the split never depends on the order of the
gold file or on the clustering. Articles are matched to the gold by file name, as
../shared/eval/score_stories.py does; an article not clustered is a story of its own.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, Iterable, Mapping


@dataclass(frozen=True, slots=True)
class LabelledPair:
    a: str  # file names
    b: str
    same_story: bool


@dataclass(frozen=True, slots=True)
class PairScore:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"f1": round(self.f1, 4), "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def pair_fold(a: str, b: str, folds: int = 2) -> int:
    key = "\x00".join(sorted((PurePath(a).name, PurePath(b).name)))
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") % folds


def load_pairs(path: str | Path) -> list[LabelledPair]:
    """The pairs labelled same story (true) or different (false); unlabelled (null) ones are left out."""
    pairs = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if row["same_story"] is not None:
                    pairs.append(LabelledPair(row["a"], row["b"], bool(row["same_story"])))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: not a labelled pair ({exc})") from exc
    return pairs


def score_pairs(pairs: Iterable[LabelledPair], story_of: Mapping[str, Any]) -> PairScore:
    """``story_of``: file name -> story id (a name absent or mapped to None is a story of its own)."""
    tp = fp = fn = 0
    for pair in pairs:
        story = story_of.get(pair.a)
        same = story is not None and story == story_of.get(pair.b)
        tp += same and pair.same_story
        fp += same and not pair.same_story
        fn += pair.same_story and not same
    return PairScore(tp, fp, fn)


def fold_scores(pairs: list[LabelledPair], story_of: Mapping[str, Any], folds: int = 2) -> dict[str, PairScore]:
    """The score over all pairs ("all") and over each fold ("fold0", "fold1", ...)."""
    scores = {"all": score_pairs(pairs, story_of)}
    for k in range(folds):
        scores[f"fold{k}"] = score_pairs([p for p in pairs if pair_fold(p.a, p.b, folds) == k], story_of)
    return scores


def stored_stories(store: Any) -> dict[str, str]:
    """File name of each clustered article's source -> its story id."""
    rows = store.db.execute("SELECT a.source, sa.story_id FROM articles a"
                            " JOIN story_articles sa ON sa.article_id = a.id").fetchall()
    return {PurePath(source).name: story for source, story in rows if source}


def cross_validated(pairs: list[LabelledPair], clusterings: Mapping[str, Mapping[str, Any]],
                    folds: int = 5) -> tuple[list[str], PairScore]:
    """Choose among ``clusterings`` (setting -> story_of) on all folds but one and score the choice
    on the fold left out, for each fold in turn: the setting chosen per fold, and the held-out
    pairs' pooled score, an estimate of what choosing this way scores on pairs not seen. Ties go to
    the setting listed first."""
    chosen, tp, fp, fn = [], 0, 0, 0
    order = list(clusterings)
    for k in range(folds):
        train = [p for p in pairs if pair_fold(p.a, p.b, folds) != k]
        test = [p for p in pairs if pair_fold(p.a, p.b, folds) == k]
        best = max(order, key=lambda s: (score_pairs(train, clusterings[s]).f1, -order.index(s)))
        held_out = score_pairs(test, clusterings[best])
        chosen.append(best)
        tp, fp, fn = tp + held_out.tp, fp + held_out.fp, fn + held_out.fn
    return chosen, PairScore(tp, fp, fn)
