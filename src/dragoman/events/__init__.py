"""PLOVER event coding: who did what to whom, from trigger patterns over the dependency parse.

Triggers are data (``data/plover_patterns.yaml``, CAMEO codes in ``data/cameo.tsv``, closed
word lists in ``data/event_words.yaml``). For each trigger word the coder finds the source
(the subject, the agent of a passive, the speaker of a quote for "we"), the target (the
pattern's roles), decides whether the act happened (negation, modality, conditionals,
questions), and dates and places it. Acts inside another act's complement ("urged X to
withdraw", "accused X of attacking") belong to that act and are not coded twice.

Modules, in the order the coder uses them: ``vocabulary`` (the data), ``triggers`` (which
words are acts), ``modality`` (did it happen), ``roles`` (source and target), ``parties``
(noun phrases to actors), ``statements`` (what a speaker says as the act), ``dates``,
``merge`` (one event per type and dyad), ``coder`` (the driver).
"""
from .coder import EventCoder, code_events
from .merge import merge_events
from .modality import DropReason, Reading
from .triggers import Match
from .vocabulary import DATA, CameoCode, Lexicon, Pattern, Words, load_cameo, load_lexicon, load_words

__all__ = ["DATA", "CameoCode", "DropReason", "EventCoder", "Lexicon", "Match", "Pattern", "Reading", "Words",
           "code_events", "load_cameo", "load_lexicon", "load_words", "merge_events"]
