"""The lookup structures that keep the actors stage cheap give the answers of the plain scans
they replace: a trie of phrases matches as a flat alternation would, the one-letter-less index
of surnames finds the same near spellings as comparing with every surname, and sentence starts
read from arrays are those of ``doc.sents``."""
from __future__ import annotations

import re

import pytest
import spacy

from dragoman.actors import ActorDictionary
from dragoman.actors.cast import _sentence_starts
from dragoman.actors.common import PhraseMatcher, _fold, _key, phrase_pattern
from dragoman.actors.dictionary import _deletions, _one_edit, _same_shape, same_first_name
from nlp_helpers import analyzer

PHRASES = ["northern accord", "northern accord organisation", "north", "the quiet coast guard", "al-marun front",
           "marun", "people's shield", "u.s. harbour office", "harbour office"]

TEXTS = [
    "The Northern Accord Organisation met in Velda; the NORTHERN ACCORD said little.",
    "Northerners and the north; North Accord is not a phrase, Northern Accords neither.",
    "Fighters of the Al-Marun Front and of Marun's wing; al-marun front (lower case) too.",
    "The People's Shield and the U.S. Harbour Office, then the Harbour Office alone.",
    "the quiet coast guard, The Quiet Coast Guards, the quiet coast guard.",
    # letters case-insensitive matching takes for others: dotless and dotted capital i, long s,
    # the kelvin sign; final sigma lower-cases by context
    "NORTHERN ACCORD ORGAN\u0130SAT\u0130ON and the Northern Accord.",
    "northern accord organ\u0131sation, the qu\u0131et coa\u017ft guard, MARUN\u212a, Marun\u212a.",
    "ΣΟΦΙΑΣ Marun and the Northern Accord",
    "",
]


def flat_alternation(phrases: list[str]) -> re.Pattern:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b", re.IGNORECASE)


@pytest.mark.parametrize("text", TEXTS)
def test_the_phrase_trie_matches_what_a_flat_alternation_matches(text):
    spans = [(m.start(), m.end()) for m in phrase_pattern(PHRASES).finditer(text)]
    assert spans == [(m.start(), m.end()) for m in flat_alternation(PHRASES).finditer(text)]
    assert PhraseMatcher(PHRASES).spans(text) == spans
    if text:
        assert spans, text


def test_the_phrase_trie_takes_the_longest_phrase_and_backs_off_at_a_word_end():
    pattern = phrase_pattern(PHRASES)
    assert pattern.search("the Northern Accord Organisation said").group() == "Northern Accord Organisation"
    # 'northern accord organisations' is no whole phrase: the shorter one that ends a word is taken
    assert pattern.search("Northern Accord Organisations").group() == "Northern Accord"


def test_a_trie_of_no_phrases_matches_nothing():
    assert phrase_pattern([]).search("anything at all") is None


def test_the_group_pattern_of_the_dictionary_finds_blocs_in_any_case():
    pattern = ActorDictionary.load().group_pattern()
    found = [m.group() for m in pattern.finditer("Fighters of Al-Shabaab, of AL-SHABAAB and of al-shabaabs.")]
    assert found == ["Al-Shabaab", "AL-SHABAAB"]


def test_every_one_edit_neighbour_shares_a_form_with_one_letter_left_out():
    word = "varnek"
    neighbours = ["varnak", "varnekk", "varek", "avrnek", "vranek", "varnke"]
    for other in neighbours:
        assert _one_edit(word, other)
        assert _deletions(word) & _deletions(other), other
    assert not _deletions(word) & _deletions("volkova")


def near_by_scan(d: ActorDictionary, name: str) -> set[str]:
    """Near spellings as the plain comparison with every surname of the dictionary finds them."""
    words = name.split()
    last = _fold(_key(words[-1]))
    if len(last) < 5 or not last.isalpha():
        return set()
    entries = [(_fold(k), bucket) for k, bucket in d.surnames.items()]
    entries += [(_fold(_key(p.surname)), [p]) for p in d.people.values()]
    return {p.name for surname, bucket in entries
            if surname != last and surname[:1] == last[:1] and _one_edit(surname, last)
            for p in bucket if len(words) == 1 or _same_shape(words, p)}


def test_near_spellings_from_the_index_are_those_of_a_scan_of_all_surnames():
    d = ActorDictionary.load()
    firsts = {p.surname: p.name.split()[0] for p in d.people.values() if len(p.surname) >= 6}
    queries = []
    for s, first in sorted(firsts.items())[:60]:  # a letter changed, dropped, added, two swapped; with and without a first name
        typos = [s[:2] + ("x" if s[2] != "x" else "y") + s[3:], s[:3] + s[4:], s[:4] + "e" + s[4:],
                 s[:2] + s[3] + s[2] + s[4:]]
        queries += typos + [f"Anna {t}" for t in typos] + [f"{first} {t}" for t in typos]
    found = 0
    for q in queries:
        near = {p.name for p in d.near_spellings(q)}
        assert near == near_by_scan(d, q), q
        found += bool(near)
    assert found > len(queries) // 3


@pytest.mark.parametrize("name, expected", [
    ("Ruth Calder", False), ("Rafael Calder", True), ("R. Calder", True), ("Rafa Calder", True),
    ("Raphael Calder", False), ("Rafaeel Calder", True),
])
def test_a_near_spelling_keeps_the_first_name_given(name, expected):
    assert same_first_name(name.split()[0], "Rafael") is expected


@pytest.mark.parametrize("text", [
    "The council met on Monday.\n\nIt said nothing.  Then it adjourned.\n\n\n",
    "One.\n\nTwo sentences here. And a third one!",
    "no full stop at all",
])
def test_sentence_starts_from_arrays_are_those_of_the_parse(text):
    doc = analyzer().nlp(text)
    assert _sentence_starts(doc) == [s.start for s in doc.sents if not all(t.is_space for t in s)]


def test_sentence_starts_of_an_empty_text_and_of_a_text_without_sentences():
    nlp = spacy.blank("en")
    assert _sentence_starts(nlp("")) == []
    with pytest.raises(ValueError):
        _sentence_starts(nlp("no parse, so no sentences"))


def test_earlier_mentions_answer_from_the_end_and_follow_replacements():
    from dragoman.actors.earlier import EarlierMentions
    from dragoman.records import Mention

    def mention(text, start, label="ORG"):
        return Mention(text=text, start=start, end=start + len(text), label=label, sentence=0)

    ministries = [mention(f"Ministry {i}", i * 20) for i in range(12)]
    others = [mention(f"Town {i}", i * 20 + 12, "GPE") for i in range(12)]
    read = EarlierMentions(others + ministries)
    is_ministry = lambda m: m.text.startswith("Ministry")  # noqa: E731
    # the last three ministries ending by offset 105 (Ministry 5 starts at 100 and runs past it)
    assert [m.text for m in read.last("ministries", is_ministry, 105, 3)] == ["Ministry 2", "Ministry 3", "Ministry 4"]
    assert read.last("ministries", is_ministry, 5, 3) == []
    assert [m.text for m in read.within(40, 60)] == ["Ministry 2", "Town 2"]
    # a phrase over offsets 40-60 replaces what starts inside it, in every list
    read.replace(mention("the Ministry", 40), 60)
    assert [m.text for m in read.within(40, 60)] == ["the Ministry"]
    assert [m.text for m in read.last("ministries", is_ministry, 70, 2)] == ["Ministry 1", "Ministry 3"]
    assert [m.text for m in read.last("towns", lambda m: m.label == "GPE", 70, 2)] == ["Town 0", "Town 1"]  # Town 2 was replaced
    assert [m.start for m in read.mentions] == sorted(m.start for m in read.mentions)
