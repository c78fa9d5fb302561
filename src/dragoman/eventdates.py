"""Kept for imports from before the events package: event dates live in ``events.dates``."""
from .events.dates import (entity_span, event_date, find_date_phrase, parse_article_date,  # noqa: F401
                           resolve_date)
