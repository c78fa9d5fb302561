"""Loading the vocabulary data files under ``dragoman/data`` once per process."""
from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import UsageError

# libyaml's parser when PyYAML was built with it: several times faster on the actor dictionary
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(name: str) -> Path:
    return Path(str(resources.files("dragoman") / "data" / name))


@lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """Parse one bundled YAML file (``name`` relative to ``dragoman/data``)."""
    with data_path(name).open(encoding="utf-8") as f:
        return yaml.load(f, Loader=_Loader)


def load_user_file(path: str | Path) -> Any:
    """Parse a user's YAML file, with a clear error naming it."""
    p = Path(path)
    try:
        with p.open(encoding="utf-8") as f:
            return yaml.load(f, Loader=_Loader)
    except OSError as exc:
        raise UsageError(f"{p}: cannot read ({exc.strerror})", code="D403", hint="check the file's path") from exc
    except yaml.YAMLError as exc:
        raise UsageError(f"{p}: not valid YAML ({exc})", code="D403", hint="fix the YAML") from exc


USER_WORDS_ENV = "DRAGOMAN_WORDS"


@lru_cache(maxsize=None)
def word_lists(name: str) -> dict[str, Any]:
    """The word lists of one bundled file (``quote_words.yaml`` -> {list name: frozenset of
    lower-cased words}; a mapping stays a mapping), with the words of a user's YAML file named
    by $DRAGOMAN_WORDS added: its section ``quote_words:`` extends the lists of the same names."""
    lists = dict(load_data(name) or {})
    user_path = os.environ.get(USER_WORDS_ENV)
    extra = (load_user_file(user_path) or {}).get(name.removesuffix(".yaml")) if user_path else None
    for key, words in (extra or {}).items():
        base = lists.get(key)
        if isinstance(base, dict) or isinstance(words, dict):
            lists[key] = {**(base or {}), **(words or {})}
        else:
            lists[key] = list(base or ()) + list(words or ())
    return {key: ({str(k).lower(): v for k, v in words.items()} if isinstance(words, dict)
                  else frozenset(str(w).lower() for w in words or ()))
            for key, words in lists.items()}
