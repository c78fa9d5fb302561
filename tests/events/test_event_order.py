"""Events come out in the order the article reports them, whichever pass of the coder found
them (acts, then governed acts, then statements). Invented sentences about invented countries."""
from __future__ import annotations

from fakecast import code


def test_events_follow_the_text(nlp):
    text = ("Kestria threatened sanctions against Marovia after the Marovian parliament "
            "called on Kestrian troops to leave the country. Marovia later accused Kestria of spying.")
    events = code(nlp, text)
    starts = [min(ev.trigger_start for ev in e.evidence) for e in events]
    assert len(events) >= 3
    assert starts == sorted(starts)
    assert events[0].type == "THREATEN"
