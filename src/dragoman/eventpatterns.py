"""Kept for imports from before the events package: the vocabulary lives in ``events.vocabulary``."""
from .events.vocabulary import DATA, CameoCode, Lexicon, Pattern, Words, load_cameo, load_lexicon, load_words  # noqa: F401
