"""dragoman: who said what and who did what to whom in international news.

``import dragoman`` is light: spaCy and the vocabularies load on the first ``dragoman.load()``.
See docs/python.md.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import DragomanError, DragomanWarning, InputError, ModelError, StoreError, UsageError

__version__ = "0.1.0"

# name -> module that defines it, imported on first use
_LAZY = {
    "load": "library", "analyze_paths": "library", "open_store": "library", "to_dicts": "library",
    "to_frame": "library", "TextAnalyzer": "library", "Summary": "library",
    "Article": "records", "Quote": "records", "Event": "records", "Mention": "records", "Actor": "records",
    "Failure": "records",
}

if TYPE_CHECKING:  # pragma: no cover
    from .library import Summary, TextAnalyzer, analyze_paths, load, open_store, to_dicts, to_frame
    from .records import Actor, Article, Event, Failure, Mention, Quote


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dragoman' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = ["DragomanError", "DragomanWarning", "InputError", "ModelError", "StoreError", "UsageError",
           *_LAZY]
