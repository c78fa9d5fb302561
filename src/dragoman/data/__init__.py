"""Vocabulary files shipped with dragoman (actor dictionary, speech verbs, patterns)."""
