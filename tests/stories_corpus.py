"""Syndicated copies of our own wire stories, for the near-duplicate tests and benchmark.

A copy changes what outlets change when they re-post a wire story: a new headline, their own
byline and dateline credit, site furniture before and after, paragraphs trimmed from the end or
dropped from the middle, a sentence or two rewritten. Distinct articles on the same topic are the
hard negatives.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import yaml

FIXTURE = Path(__file__).parent / "fixtures" / "stories" / "articles.yaml"

HEADLINE_PREFIXES = ["UPDATE: ", "WATCH: ", "", "Breaking — ", "Analysis: "]
BYLINES = ["By Staff Reporter", "From our correspondent in the region", "By Jana Morell, Regional Desk",
           "Wire report, edited by the Newsdesk", "By an Evening Courier reporter"]
HEADERS = ["Subscribe to our newsletter for the day's top stories.", "Share this article: Facebook Twitter Email",
           "Listen to this article (3 min)", "Advertisement", "Home > World > Europe"]
FOOTERS = ["Copyright the news agency. All rights reserved. Republished under licence.",
           "Follow us for more updates. Comments are moderated and may take time to appear.",
           "Related: Markets close mixed as investors weigh rate outlook",
           "This story was filed by a news agency and has not been edited by our staff.",
           "Read more: Weather service warns of storms on the coast"]
REWRITES = [("said", "stated"), ("on Monday", "earlier this week"), ("percent", "per cent"),
            ("told reporters", "told journalists"), ("more than", "over")]


@dataclass(frozen=True)
class Item:
    group: str  # the original this text is (a copy of)
    topic: str
    text: str


def originals() -> list[dict]:
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))


def original_text(article: dict) -> str:
    return "\n\n".join([article["title"], *article["paragraphs"]])


def syndicated_copy(article: dict, rng: random.Random) -> str:
    """One outlet's re-post of ``article``."""
    paragraphs = list(article["paragraphs"])
    keep = len(paragraphs) - rng.choice([0, 1, 1, 2])  # trimmed from the end
    paragraphs = paragraphs[:max(3, keep)]
    if len(paragraphs) > 4 and rng.random() < 0.4:  # a middle paragraph dropped
        del paragraphs[rng.randrange(1, len(paragraphs) - 1)]
    old, new = rng.choice(REWRITES)
    paragraphs = [p.replace(old, new, 1) if rng.random() < 0.5 else p for p in paragraphs]
    title = rng.choice(HEADLINE_PREFIXES) + article["title"].split(" after ")[0].split(" as ")[0]
    head = [rng.choice(HEADERS), title, rng.choice(BYLINES)]
    tail = rng.sample(FOOTERS, rng.choice([1, 2]))
    return "\n\n".join([*head, *paragraphs, *tail])


def benchmark_items(copies: int = 5, seed: int = 12) -> list[Item]:
    """Every original and ``copies`` re-posts of each."""
    rng = random.Random(seed)
    items = []
    for n, article in enumerate(originals()):
        group = f"{article['topic']}-{n}"
        items.append(Item(group, article["topic"], original_text(article)))
        items += [Item(group, article["topic"], syndicated_copy(article, rng)) for _ in range(copies)]
    return items


def pair_scores(groups_true: list[str], groups_pred: list[str]) -> tuple[float, float]:
    """Pairwise precision and recall of predicted duplicate groups against the true ones."""
    tp = fp = fn = 0
    for i in range(len(groups_true)):
        for j in range(i + 1, len(groups_true)):
            same_true, same_pred = groups_true[i] == groups_true[j], groups_pred[i] == groups_pred[j]
            tp += same_true and same_pred
            fp += same_pred and not same_true
            fn += same_true and not same_pred
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)
