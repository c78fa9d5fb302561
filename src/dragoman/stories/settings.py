"""Every tuned number of the stories stage, in one place, each with how it was calibrated.

Calibration set: ../shared/corpus/stories_dev (471 SemEval-2022 Task 8 articles, 194 labelled
pairs), analysed once into a store and re-clustered with ``dragoman stories --recluster``
(``benchmarks/stories.py`` and ``tests/test_stories*.py`` use the same values). The held-out half of
that pair set was never looked at. Dedupe thresholds were set on the near-duplicate benchmark of
our own texts (tests/fixtures/stories/), never on the dev set.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StorySettings:
    # -- near-duplicates (MinHash LSH over word shingles) ---------------------------------
    shingle_words: int = 3  # word 3-grams: a changed headline or byline touches few of them
    num_perm: int = 128  # MinHash permutations; datasketch>=2 hashing, pinned <3
    body_paragraph_words: int = 12  # shorter paragraphs (headline, byline, share line) are not fingerprinted
    band_rows: int = 3  # 42 bands of 3 rows: a pair with Jaccard 0.4 becomes a candidate 94% of the time
    # A copy is a near-duplicate when the estimated share of the shorter text's shingles that the
    # other holds is at least this: syndicated copies with a new headline, byline, boilerplate and
    # a trimmed paragraph or two score 0.75-1.0 on our benchmark; distinct articles on one topic < 0.15.
    duplicate_containment: float = 0.7
    # -- story clustering (online, nearest article within the window) ----------------------
    # Cosine of word vectors weighted by (1 + ln tf) * idf ** idf_power; tuned on stories_dev
    # (idf_power 1.0/1.5/2.0 and thresholds 0.18-0.30 tried; 1.5 and 0.23 best, F1 flat within
    # +-0.02 of the threshold).
    idf_power: float = 1.5
    prior_documents: int = 500  # idf counts this many articles beyond the store (see text.idf)
    join_similarity: float = 0.225
    # words in more than this share of the stored articles carry no topic
    max_df_share: float = 0.5
    # dated articles join a story only if one of its articles is this close in time (EMM's week)
    window_days: int = 7
    # candidate stories come from the articles sharing the new article's rarest key terms
    key_terms: int = 30  # terms of each article kept in the term index
    query_terms: int = 12  # terms of a new article looked up in it
    candidates: int = 10  # nearest candidate articles compared in full
    vector_terms: int = 100  # terms kept in an article's stored vector
    # paragraphs that are lists of names (menus, country pickers, tag clouds) are left out
    list_min_words: int = 8
    list_capital_share: float = 0.6


SETTINGS = StorySettings()
