"""Fold-wise pairwise scoring of story clusters (dragoman.stories.evaluate, benchmarks/stories_folds.py)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dragoman.pipeline import content_id
from dragoman.records import Article
from dragoman.store import SQLiteStore
from dragoman.stories.evaluate import (LabelledPair, cross_validated, fold_scores, load_pairs, pair_fold, score_pairs,
                                       stored_stories)

ROOT = Path(__file__).resolve().parent.parent

HARBOUR = ("Harbour strike halts ferries in Port Averne\n\nDock workers in the fictional port of Averne walked out "
           "on Monday over night-shift pay, stranding ferry passengers and leaving container ships at anchor.")
HARBOUR_LATER = ("Averne ferries stay in port as dock strike enters second day\n\nFerry passengers waited at Port "
                 "Averne on Tuesday as dock workers kept up their strike over night-shift pay; container ships "
                 "remained at anchor.")
ORCHARD = ("Frost damages apple orchards in Velmora valley\n\nGrowers in the Velmora valley counted the losses after "
           "a late frost blackened apple blossom across hundreds of hectares of orchards.")


def test_pair_fold_is_fixed_and_ignores_order_and_folders():
    assert pair_fold("a/1.txt", "b/2.txt") == pair_fold("2.txt", "1.txt")
    assert {pair_fold(f"{n}.txt", f"{n + 1}.txt") for n in range(40)} == {0, 1}
    assert all(0 <= pair_fold(f"{n}.txt", "x.txt", 3) < 3 for n in range(20))


def test_score_counts_pairs_in_one_story_against_their_labels():
    pairs = [LabelledPair("1.txt", "2.txt", True), LabelledPair("1.txt", "3.txt", False),
             LabelledPair("3.txt", "4.txt", True), LabelledPair("4.txt", "5.txt", False)]
    score = score_pairs(pairs, {"1.txt": "s1", "2.txt": "s1", "3.txt": "s1", "4.txt": None, "5.txt": None})
    assert (score.tp, score.fp, score.fn) == (1, 1, 1)  # two unclustered articles are not one story
    assert score.precision == score.recall == score.f1 == 0.5
    scores = fold_scores(pairs, {"1.txt": "s1", "2.txt": "s1"})
    assert sum(scores[f"fold{k}"].tp for k in (0, 1)) == scores["all"].tp == 1


def test_load_pairs_leaves_out_unlabelled_and_names_a_bad_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"a": "1.txt", "b": "2.txt", "same_story": true}\n\n'
                    '{"a": "1.txt", "b": "3.txt", "same_story": null}\n', encoding="utf-8")
    assert load_pairs(gold) == [LabelledPair("1.txt", "2.txt", True)]
    gold.write_text('{"a": "1.txt"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="gold.jsonl:1"):
        load_pairs(gold)


def test_folds_script_reclusters_a_copy_and_scores_each_setting(tmp_path):
    db = tmp_path / "st.db"
    store = SQLiteStore(db)
    for name, text in (("harbour.txt", HARBOUR), ("harbour2.txt", HARBOUR_LATER), ("orchard.txt", ORCHARD)):
        store.save_article(Article(content_id(text), f"corpus/{name}", text, title=text.split("\n", 1)[0]))
    stories = stored_stories(store)
    store.close()
    assert stories["harbour.txt"] == stories["harbour2.txt"] != stories["orchard.txt"]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(p) for p in (
        {"a": "harbour.txt", "b": "harbour2.txt", "same_story": True},
        {"a": "harbour.txt", "b": "orchard.txt", "same_story": False})), encoding="utf-8")
    before = db.read_bytes()
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "stories_folds.py"), "--db", str(db),
                          "--gold", str(gold), "--set", "join_similarity=0.2", "1.1", "--errors", "--cv", "2"],
                         capture_output=True, text=True, check=True)
    reports = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r.get("setting") for r in reports] == ["join_similarity=0.2", "join_similarity=1.1", None]
    assert reports[2]["cross_validated"] == 2 and reports[2]["held_out"]["tp"] + reports[2]["held_out"]["fn"] == 1
    assert reports[0]["all"]["f1"] == 1.0 and reports[0]["wrong"] == []
    assert reports[1]["all"]["fn"] == 1 and reports[1]["wrong"][0]["error"] == "FN"  # nothing joins above 1
    assert db.read_bytes() == before


def test_cross_validation_scores_each_choice_on_the_fold_left_out():
    pairs = [LabelledPair(f"{n}a.txt", f"{n}b.txt", n % 3 == 0) for n in range(30)]
    joins_all = {name: "one" for p in pairs for name in (p.a, p.b)}
    joins_true = {name: p.a for p in pairs if p.same_story for name in (p.a, p.b)}
    chosen, held_out = cross_validated(pairs, {"all": joins_all, "true": joins_true}, folds=3)
    assert chosen == ["true"] * 3 and held_out.f1 == 1.0
    chosen, held_out = cross_validated(pairs, {"all": joins_all}, folds=3)
    assert (held_out.tp, held_out.fp, held_out.fn) == (10, 20, 0)  # every pair held out exactly once
