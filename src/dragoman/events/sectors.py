"""Which part of a state acts: a country named as a whole is its government when it acts
politically and its military when it attacks (``acting_sectors`` in ``data/event_words.yaml``).
People, bodies, organisations and groups keep the sector the actor layer gave them."""
from __future__ import annotations

from typing import Callable

from ..records import Event, Party
from .syntax import derived_party
from .vocabulary import Words


def with_acting_sectors(event: Event, words: Words, is_place: Callable[[Party], bool]) -> Event:
    event.source = _acting(event.source, event.type, "source", words)
    if event.type not in words.acting_sectors["keep_target"]:
        event.target = _acting(event.target, event.type, "target", words)
    elif event.target.actor.country and event.target.actor.sector == "GOV" and is_place(event.target):
        # "the attack on Kyiv" hits the country, not the government the capital stands for
        target = event.target
        event.target = derived_party(target.actor.country, None, words, target.mention, target.start, target.end)
    return event


def _acting(party: Party, kind: str, role: str, words: Words) -> Party:
    actor = party.actor
    if role == "source" and actor.sector == "GOV" and actor.kind in ("country", "body") and actor.country \
            and words.acting_sectors["source"].get(kind) == "MIL":
        # "Ankara's raid": the capital stands for the state, whose military attacks
        return derived_party(actor.country, "MIL", words, party.mention, party.start, party.end)
    if actor.kind != "country" or actor.sector or not actor.country:
        return party
    table = words.acting_sectors[role]
    sector = table.get(kind, table.get("default"))
    if not sector:
        return party
    return derived_party(actor.country, sector, words, party.mention, party.start, party.end, base=actor.name)
