"""Stories: near-duplicates collapsed (``dedupe``), articles clustered online into stories
(``cluster``), and events counted once per story across outlets (``aggregate``)."""
from __future__ import annotations

from ..records import Article
from .cluster import Assignment, StoryInput, assign, recluster
from .settings import SETTINGS, StorySettings


def story_input(article: Article) -> StoryInput:
    """What clustering needs of an analysed article."""
    actors = tuple(m.actor.id for m in article.entities if m.actor)
    return StoryInput(article.id, article.text, article.title, article.date, actors)


__all__ = ["Assignment", "StoryInput", "StorySettings", "SETTINGS", "assign", "recluster", "story_input"]
