"""The cached attribute ruler gives exactly what spaCy's own AttributeRuler gives."""
from __future__ import annotations

from dragoman.nlp import CachedAttributeRuler, load_nlp

TEXT = ("Y'all gonna see it, let's be clear,\" the envoy told reporters in Valden. There is no deal yet, "
        "and there are three drafts. C'm on, we ain't got time, gotta sign it,\" she said.\n\n"
        "  The ministry's spokesman, who'd been silent, said it was 'premature'. He's right; they're not.\n\n"
        "Kestria's Foreign Minister Ilsa Varnek ain't coming: her deputy is. Won't they? Y all? Gotta.")


def annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_cached_attribute_ruler_matches_spacys_own():
    nlp = load_nlp()
    cached = nlp.get_pipe("attribute_ruler")
    assert isinstance(cached, CachedAttributeRuler)
    assert len(cached.single) > 150 and len(cached.multi) > 0
    names = nlp.pipe_names[:nlp.pipe_names.index("attribute_ruler")]
    for text in (TEXT, TEXT.lower(), TEXT.upper()):
        doc = nlp.make_doc(text)
        for name in names:
            doc = nlp.get_pipe(name)(doc)
        ours, theirs = cached(doc.copy()), cached.original(doc.copy())
        assert annotations(ours) == annotations(theirs)
        # and again from the cache, now warm
        assert annotations(cached(doc.copy())) == annotations(theirs)
