"""Who said what: direct, mixed and indirect quotes, each attributed to a speaker.

Three passes over one article:
1. marks.py: quote marks, read leniently (straight, curly, guillemets; unclosed marks end
   with their paragraph; a quote may run over paragraphs that each open with a mark);
2. cues.py: speech cues from the parse: a verb of saying with its subject and reported
   clause, "according to X", "as X reported", "X accused Y of ...", "X's allegations that ...";
3. attribution.py: each quoted span takes the cue whose reported clause it is, or the cue
   next to it, or the subject of its sentence, or the speaker of the quote just before it.
"""
from .attribution import QuoteExtractor, extract_quotes
from .cues import Cue, CueFinder, speech_vocab
from .marks import Marked, find_marked, n_words
from .speakers import speaker_for
from .statements import join_continuations

__all__ = ["Cue", "CueFinder", "Marked", "QuoteExtractor", "extract_quotes", "find_marked", "join_continuations",
           "n_words", "speaker_for", "speech_vocab"]
