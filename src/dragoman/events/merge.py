"""One event per (type, source, target), with every piece of evidence that reports it."""
from __future__ import annotations

from ..records import Event, Party
from .vocabulary import load_lexicon


def merge_events(events: list[Event]) -> list[Event]:
    """One event per (type, source, target) with every piece of evidence that reports it.

    Sides are compared by country (or organisation) and merged when their sectors do not
    conflict, so "Russia urged..." and the spokeswoman's "We call on..." are one request,
    kept with the more specific actor; mutual acts match in either direction."""
    kept: list[Event] = []
    buckets: dict[tuple, list[Event]] = {}
    seen: dict[int, set[int | None]] = {}  # trigger offsets already in each kept event's evidence
    for event in events:
        key = _event_key(event)
        same = next((other for other in buckets.get(key, []) if _compatible(other, event)), None)
        if same is None:
            buckets.setdefault(key, []).append(event)
            kept.append(event)
            seen[id(event)] = {e.trigger_start for e in event.evidence}
        else:
            _absorb(same, event, seen[id(same)])
    return kept


def _event_key(event: Event) -> tuple:
    source, target = _root(event.source), _root(event.target)
    if _unordered(event):
        source, target = sorted((source, target))
    return event.type, source, target


def _unordered(event: Event) -> bool:
    return event.mutual or event.type in load_lexicon().words.symmetric_types


def _root(party: Party | None) -> str:
    if party is None:
        return ""
    return party.actor.country or party.actor.code.split()[0]


def _aligned(kept: Event, new: Event) -> list[tuple[Party | None, Party | None]]:
    if _unordered(kept) and _root(kept.source) != _root(new.source):
        return [(kept.source, new.target), (kept.target, new.source)]
    return [(kept.source, new.source), (kept.target, new.target)]


def _compatible(kept: Event, new: Event) -> bool:
    """Sides of one country agree unless their sectors are different kinds of actor: two organs
    of one state (its coast guard and its government) are that state; its rebels are not."""
    state = load_lexicon().words.state_sectors
    for a, b in _aligned(kept, new):
        if a is None or b is None:
            continue
        sa, sb = a.actor.sector, b.actor.sector
        if sa and sb and sa != sb and not (sa in state and sb in state):
            return False
    return True


def _absorb(kept: Event, new: Event, seen: set[int | None]) -> None:
    for evidence in new.evidence:
        if evidence.trigger_start not in seen:
            seen.add(evidence.trigger_start)
            kept.evidence.append(evidence)
    (ks, ns), (kt, nt) = _aligned(kept, new)
    if ks is not None and ns is not None and _better(ks, ns, kept.type, "source"):
        kept.source = ns if ks is kept.source else kept.source
    if kt is not None and nt is not None and _better(kt, nt, kept.type, "target"):
        kept.target = nt if kt is kept.target else kept.target
    kept.mutual = kept.mutual or new.mutual


def _better(kept: Party, new: Party, kind: str, role: str) -> bool:
    """Whether the new report names the side better: it has a sector where the kept one has
    none; a source in the sector a state acts in for this kind of act ("protested" is its
    government's act, "shelled" its military's); a target of an attack or a blockade named by
    the organ hit rather than by the seat of government."""
    have, offered = kept.actor.sector, new.actor.sector
    if not offered:
        return False
    if not have:
        return True
    acting = load_lexicon().words.acting_sectors
    if role == "target":
        # what an attack or a blockade hit is better named by its organ than by the capital
        return kind in acting["keep_target"] and have == "GOV" and offered != "GOV"
    preferred = acting["source"].get(kind, acting["source"].get("default"))
    return have != preferred and offered == preferred
