"""Where things happen: place names resolved to coordinates from an offline gazetteer.

``locate_events`` fills ``event.location`` of an analysed article with a dict: the place's
``name``, ISO 3166 alpha-3 ``country``, ``lat``/``lon``, its ``precision`` (city or country),
the ``mention`` it was read from and the ``basis`` (the event's own clause, its sentence or
the article's dateline or a party's country).
"""
from .places import Place, Places, load_places
from .locate import locate_article, locate_events, location_name

__all__ = ["Place", "Places", "load_places", "locate_article", "locate_events", "location_name"]
