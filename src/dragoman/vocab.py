"""Loading the vocabulary data files under ``dragoman/data`` once per process."""
from __future__ import annotations

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
