"""Regions and provinces to the country they belong to (``data/regions.yaml``): the layer
between the city gazetteer and the countries, for "rebels in North Kivu" or "a raid in Darfur"."""
from __future__ import annotations

from functools import lru_cache

from ..vocab import load_data
from .places import normalise


@lru_cache(maxsize=1)
def load_regions() -> dict[str, str]:
    """Normalised region name -> ISO 3166-1 alpha-3 code."""
    table: dict[str, str] = {}
    for country, names in (load_data("regions.yaml") or {}).items():
        for name in names or ():
            table.setdefault(normalise(str(name)), str(country))
    return table


def region_country(name: str) -> str | None:
    """The country a region or province named ``name`` lies in, or None."""
    key = normalise(name or "")
    if key.startswith(("northern ", "southern ", "eastern ", "western ", "central ")):
        return load_regions().get(key) or load_regions().get(key.split(" ", 1)[1])
    return load_regions().get(key)
