"""Speech cues from the parse: a verb of saying with its subject and reported clause,
"according to X", "as X reported", "X accused Y of ...", "X's allegations that ..."."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..actors import Cast
from ..records import Speaker
from ..vocab import word_lists
from .marks import Marked, n_words
from .placement import (QUOTE_MARK_TOKENS, attribution_first, between_commas, fronted_clause, left_open, name_taken_by_a_phrase,
                        said_before_subject, set_off, topic_qualifier)
from .speakers import SpeakerMixin, misparsed_subject, subject_of_interjection
from .tails import accusation_end, without_commentary_tail

MIN_STATEMENT_WORDS = 4
WORDS = word_lists("quote_words.yaml")  # the closed word lists, each described in the file
RELATIVE = WORDS["relative"]
EXPLETIVE = WORDS["expletive"]
NOBODY_IN_PARTICULAR = WORDS["nobody_in_particular"]
NARRATIVE_OPENERS = WORDS["narrative_openers"]
REDUCED_CLAUSE_OPENERS = WORDS["reduced_clause_openers"]
SAYING_PREPOSITIONS = WORDS["saying_prepositions"]
AUDIENCE_VERBS = WORDS["audience_verbs"]
SPEECH_OCCASIONS = WORDS["speech_occasions"]
TITLE_CUES = WORDS["title_cues"]
# the complement of a verb that holds a quoted fragment: 'called X "Y"', 'promised "Z"'
COMPLEMENT_DEPS = {"dobj", "oprd", "ccomp", "xcomp", "attr", "acomp"}
MAX_COMPLEMENT_TOKENS = 60


@lru_cache(maxsize=1)
def speech_vocab() -> dict[str, frozenset[str]]:
    """The lists of speech_verbs.yaml (with a user's additions, see vocab.word_lists)."""
    return word_lists("speech_verbs.yaml")



@dataclass(slots=True)
class Cue:
    token: Token
    speaker: Speaker | None
    start: int  # reported content
    end: int
    pieces: list[tuple[int, int]] = field(default_factory=list)




class CueFinder(SpeakerMixin):
    def __init__(self, doc: Doc, cast: Cast, inside_quote, marked: list[Marked], text: str):
        self.doc = doc
        self.text = text  # the article text the doc was parsed from (Doc.text rebuilds it each time)
        self.marked = marked
        self._marked_starts = [m.start for m in marked]
        self._marked_ends = [m.end for m in marked]
        self.cast = cast
        self.inside_quote = inside_quote
        self.vocab = speech_vocab()

    def find(self) -> list[Cue]:
        cues: list[Cue] = []
        cue_words = self.vocab["say"] | self.vocab["nouns"] | self.vocab["accuse_for"] | {"according"}
        strings = self.doc.vocab.strings
        forms = zip(self.doc.to_array("LEMMA"), self.doc.to_array("LOWER"))
        for i, (lemma, lower) in enumerate(forms):
            if strings[lemma].lower() not in cue_words and strings[lower] not in cue_words:
                continue
            token = self.doc[i]
            if self.inside_quote(token.idx):
                continue
            cue = self._verb_cue(token) or self._according_cue(token) or self._noun_cue(token)
            if cue is not None:
                cues.append(cue)
        return cues

    def _verb_cue(self, verb: Token) -> Cue | None:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or lemma not in self.vocab["say"] and lemma not in self.vocab["accuse_for"]:
            return None
        if lemma in self.vocab["accuse_of"] or lemma in self.vocab["accuse_for"]:
            accused = self._accuse_cue(verb)  # also passive: "was criticised by Egypt for ..."
            if accused is not None or lemma not in self.vocab["say"]:
                return accused
        # "Asked whether ...", "was told that ...": the subject is the one addressed, not the speaker
        if any(c.dep_ == "auxpass" for c in verb.children) or (
                verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ == "aux" for c in verb.children)):
            return None
        if lemma in self.vocab["accuse_of"]:
            return None
        if self._reduced_passive(verb):
            return None
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in WORDS["declining_verbs"]:
            return None  # 'declined to say when ...': nothing was said
        as_reported = self._as_reported(verb)
        if as_reported is not None:
            return as_reported
        clause = self._reported_clause(verb)
        if clause is not None and left_open(verb, clause):
            return None
        if clause is None:
            directive = self._directive_cue(verb)
            if directive is not None:
                return directive
        subject = self._subject(verb) or misparsed_subject(verb)
        if subject is None or subject.lower_ in NOBODY_IN_PARTICULAR:
            return None
        # "It is clear that" is nobody's; "It added that", a body's word, is the body's
        if subject.lower_ in EXPLETIVE and not (subject.lower_ == "it" and lemma in self.vocab["adjacent"]
                                                and subject.head.i == verb.i and subject.i == verb.i - 1):
            return None
        if clause is None:
            if lemma not in self.vocab["adjacent"]:
                return None
            adjacent = self.adjacent_marked(verb, subject)
            return Cue(verb, self._speaker(subject), *adjacent) if adjacent else None
        if not isinstance(clause, list) and self._reports_a_report(clause):
            return None  # "X said ..., News.am reported": X is the speaker, not the outlet
        start, end = self._clause_bounds(clause, verb)
        if end <= start or n_words(self.text[start:end]) < 3:
            return None
        owner = self._statement_owner(clause, verb)
        pieces = self._around_attribution(verb, subject, start, end)
        fronted = fronted_clause(clause, verb, subject)
        if fronted:
            pieces = [(fronted[0].idx, fronted[-1].idx + len(fronted[-1])), (start, end)]
            start = fronted[0].idx
        return Cue(verb, self._speaker(owner or subject), start, end, pieces)

    @staticmethod
    def _reduced_passive(verb: Token) -> bool:
        """'she said, when asked whether ...', 'if told that ...': a clause with no subject of its
        own after 'when' or 'if' is what was put to the speaker (the parse may tag it VBD)."""
        if verb.dep_ != "advcl" or verb.tag_ not in ("VBN", "VBD"):
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            return False
        return any(c.dep_ in ("advmod", "mark") and c.i < verb.i and c.lower_ in REDUCED_CLAUSE_OPENERS
                   for c in verb.children)

    def _around_attribution(self, verb: Token, subject: Token, start: int, end: int) -> list[tuple[int, int]]:
        """'Climate change, the president often says, is the greatest threat': the two pieces of
        what was said on either side of the attribution set off inside it (none when it is not)."""
        first = self.doc[min(verb.left_edge.i, subject.left_edge.i)]
        if subject.i < verb.i and said_before_subject(verb, subject):
            first = subject.left_edge  # 'If it passes, Vell said, ...': the clause before the subject was said
        resumed = self._resumed_after_attribution(verb)
        if not resumed and subject.i < verb.i:  # 'X, Mr. Brandt said, until Y' with X the verb's clause
            resumed = self._resumed_after_attribution(verb, subject.left_edge.i)
            first = subject.left_edge if resumed else first
        last = self.doc[resumed[0].i - 2] if resumed else self.doc[max(verb.right_edge.i, subject.right_edge.i)]
        left, right = first.idx, last.idx + len(last)
        if not (start < left and right < end):
            return []
        before = self.text[start:left].rstrip(" ,—–-")
        after = self.text[right:end].lstrip(" ,—–-")
        if not before or not after or not self.text[start + len(before):left + 1].strip().startswith((",", "—", "–")):
            return []
        return [(start, start + len(before)), (end - len(after), end)]

    def _narrative_resumes(self, verb: Token) -> bool:
        """'"A," Marta said, and soon the crowd was cheering': after an attribution that closes
        what was said, a conjunction or an adverbial opener starts the writer's narrative (unless
        quoted words follow: 'A, she said, and "B"')."""
        doc = verb.doc
        first = attribution_first(verb).idx
        if not self.text[max(0, first - 8):first].rstrip(" ,").endswith(('"', "”", "''", "»")):
            return False  # indirect speech may go on: 'It would take weeks, he said, and X could ...'
        rest = [t for t in doc[verb.right_edge.i + 1: verb.sent.end] if not t.is_space]
        if not rest or any(self.inside_quote(t.idx) for t in rest):
            return False
        last = doc[verb.right_edge.i]
        if last.dep_ == "cc" and last.head.i == verb.i:
            return True
        return last.text == "," and rest[0].lower_ in NARRATIVE_OPENERS

    @staticmethod
    def _resumed_after_attribution(verb: Token, left: int | None = None) -> list[Token]:
        """'X was a giant, Mr. Brandt said, until it went bankrupt': what the parse hangs on the
        verb of an attribution set off by commas, after its closing comma, is the statement going on."""
        doc = verb.doc
        left = verb.left_edge.i if left is None else left
        if doc[left].text != "," and (left == 0 or doc[left - 1].text != ","):
            return []
        comma = next((t for t in doc[verb.i + 1: verb.right_edge.i] if t.text == ","), None)
        if comma is None or comma.i != max([verb.i] + [c.i for c in verb.children if c.i < comma.i]) + 1:
            return []  # the comma closes the attribution itself ('Brandt said,'), not a phrase inside it
        resumed = [t for t in doc[comma.i + 1: verb.right_edge.i + 1] if not t.is_space]
        if not resumed or resumed[0].tag_ in ("VBG", "VBN") or resumed[0].lower_ in NARRATIVE_OPENERS:
            return []  # 'X, he said, before leaving for Paris': what the speaker did
        return resumed

    @staticmethod
    def _statement_owner(clause, verb: Token) -> Token | None:
        """'X commented on Y's statement that ...': the words are Y's, not X's."""
        if isinstance(clause, list) or clause.head.i == verb.i or clause.head.pos_ != "NOUN":
            return None
        return next((c for c in clause.head.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)

    def _as_reported(self, verb: Token) -> Cue | None:
        """'As the ministry reported, X happened' (read from the words: the parse often misses it)."""
        sent = verb.sent
        if sent[0].lower_ != "as":
            return None
        comma = next((t for t in sent if t.text == "," and t.i > verb.i), None)
        if comma is None or any(t.text == "," for t in sent if t.i < verb.i) or comma.i != verb.i + 1:
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        body = [t for t in sent if t.i > comma.i and not t.is_space]
        while body and body[-1].is_punct:
            body.pop()
        if subject is None or len(body) < 3:
            return None
        return Cue(verb, self._speaker(subject), body[0].idx, body[-1].idx + len(body[-1]))

    def _as_report(self, verb: Token, head: Token) -> bool:
        """'As the ministry reported, X' and 'X, as she said, Y' report X; 'X came as officials
        praised Y' and 'as she called for Z' tell when X happened."""
        if verb.lemma_.lower() not in self.vocab["adjacent"] and verb.lemma_.lower() != "report":
            return False
        if any(c.dep_ in ("dobj", "dative") for c in verb.children) or any(c.dep_ == "prep" for c in verb.children
                                                                       if c.lower_ in ("for", "on", "to")):
            return False
        before_as = verb.left_edge.i - 1
        return verb.i < head.i or before_as >= 0 and self.doc[before_as].text in (",", "(", "—", "–")

    def _reports_a_report(self, clause: Token) -> bool:
        """'X said "...", News.am reported': the clause is itself an attribution with content."""
        lemma = clause.lemma_.lower()
        if (lemma in self.vocab["accuse_of"] or lemma in self.vocab["accuse_for"]) and not self.inside_quote(clause.idx):
            return self._accuse_cue(clause) is not None  # 'X accused Y of V-ing, Interfax reported'
        if lemma not in self.vocab["adjacent"] or lemma in self.vocab["appeal_to"]:
            return False
        if self.inside_quote(clause.idx):
            return False  # a speech verb inside the quoted words: '"X stressed that ...," wrote Y' is Y's
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return False
        return any(c.dep_ == "ccomp" for c in clause.children) or self.adjacent_marked(clause, subject) is not None

    def _reported_clause(self, verb: Token) -> Token | list[Token] | None:
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        for child in clauses:
            if child.i < verb.i and any(t.text == ";" for t in verb.doc[child.right_edge.i: verb.i]):
                # 'It is unlikely; her campaign says she will ...': what follows is what was said;
                # 'Israel strikes a suburb; Hezbollah vows response': a clause of its own
                continue
            opener = child.left_edge
            if child.i < verb.i and any(c.i > verb.i for c in clauses) and opener.dep_ == "mark" and \
                    opener.head.dep_ == "advcl" and opener.lower_ not in ("that", "as"):
                continue  # 'While he admitted A, Ham noted B', misparsed with A as a clause of 'noted'
            if child.i < verb.i and any(c.i > verb.i and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                                        for c in clauses):
                continue  # 'Writing for a paper that said A won, Pell noted that B': the that-clause is said
            if child.i < verb.i and any(c.i > verb.i for c in clauses) and subject_of_interjection(verb) is not None:
                continue  # 'The minister, asked about A, said B': B was said
            # 'condemned what he called provocations': a thing named, not a reported clause
            return None if child.left_edge.lower_ in ("what", "whatever") and child.left_edge.i > verb.i else child
        question = self._question_asked(verb)
        if question is not None:
            return question
        # "told a briefing that ...", "said in a statement that ...": parsed with the clause
        # hanging off the audience or the medium
        holders = [c for c in verb.children if c.dep_ in ("dobj", "dative", "npadvmod")
                   and verb.lemma_.lower() in AUDIENCE_VERBS]
        holders += [g for c in verb.children if c.dep_ == "prep" for g in c.children
                    if g.dep_ == "pobj" and g.lemma_.lower() in SPEECH_OCCASIONS]
        for holder in holders:
            for grandchild in holder.children:
                if grandchild.dep_ in ("acl", "relcl", "ccomp") and any(
                        c.dep_ == "mark" and c.lower_ == "that" for c in grandchild.children):
                    return grandchild
        head = verb.head
        # "As the ministry reported, X happened": the governing clause is the report
        if verb.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark" for c in verb.children) \
                and self._as_report(verb, head):
            return [head]
        # "X happened, she said." parsed with the report as the head and the verb hanging off it;
        # "Such a move, Lavrov said, would mean ..." with the report set off by commas
        parenthetical = verb.dep_ == "parataxis" and between_commas(verb)
        if (verb.dep_ in ("parataxis", "ccomp") and (verb.i > head.i or parenthetical)
                and head.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in self.vocab["adjacent"]
                and verb.tag_ != "VBG" and any(c.dep_ == "nsubj" for c in verb.children)
                and not self._reports_a_report(head) and set_off(verb)
                and not any(c.dep_ == "mark" for c in verb.children)):
            return [head]
        if self._closing_attribution(verb, head):
            return [head]
        return None

    def _question_asked(self, verb: Token) -> Token | None:
        """'asked the farmers if they would come', parsed as an adverbial clause of condition:
        after a verb of asking, the clause opened by 'if' or 'whether' is the question asked."""
        if verb.lemma_.lower() not in self.vocab["ask_whether"]:
            return None
        # right after the verb or the one asked ('will ask for a recount if ...' is a condition)
        after = max([verb.i] + [c.right_edge.i for c in verb.rights if c.dep_ in ("dobj", "dative")]) + 1
        return next((c for c in verb.rights if c.dep_ == "advcl" and c.left_edge.i == after and any(
            g.dep_ == "mark" and g.lower_ in ("if", "whether") and g.i == c.left_edge.i for g in c.children)), None)

    def _closing_attribution(self, verb: Token, head: Token) -> bool:
        """'X could happen, but only if Y, Sen. Vell told the Ledger on Thursday.' parsed with the
        report as a conjunct: a verb of saying that ends the sentence after a comma, with its
        subject and no clause of its own, reports the sentence before it."""
        if verb.dep_ != "conj" or head.i > verb.i or head.pos_ not in ("VERB", "AUX") or verb.tag_ == "VBG" \
                or verb.lemma_.lower() not in self.vocab["adjacent"]:
            return False
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is None or subject.left_edge.i == 0 or verb.doc[subject.left_edge.i - 1].text != ",":
            return False
        if any(c.dep_ in ("ccomp", "xcomp", "mark", "cc") and c.i > subject.i for c in verb.children):
            return False
        rest = [t for t in verb.doc[verb.i + 1: verb.sent.end] if not t.is_punct and not t.is_space]
        return all(t.i <= verb.right_edge.i for t in rest)

    def _clause_bounds(self, clause, verb: Token) -> tuple[int, int]:
        if isinstance(clause, list):  # the governing clause minus the attribution
            head = clause[0]
            lo = verb.left_edge.i
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
            if subject is not None and lo < subject.left_edge.i - 1 and verb.doc[subject.left_edge.i - 1].text == "," \
                    and (head.i < subject.left_edge.i - 1 or said_before_subject(verb, subject)):
                # what the parse hangs on the verb before its subject was said: 'X, in Paris, she said'
                # and 'If she wins, Vell said, she would ...' (the condition belongs to the statement)
                lo = subject.left_edge.i - 1
            tokens = [t for t in head.subtree if not (lo <= t.i <= verb.right_edge.i)]
            if head.i < verb.left_edge.i:
                if self._narrative_resumes(verb):
                    tokens = [t for t in tokens if t.i < lo]
                tokens = sorted(tokens + self._resumed_after_attribution(verb), key=lambda t: t.i)
        else:
            head = clause
            last = max([clause.right_edge.i] + [t.right_edge.i for t in self._reported_tail(clause, verb)])
            tokens = list(clause.subtree) + [t for t in verb.doc[clause.right_edge.i + 1: last + 1]]
            if clause.i < verb.i:  # 'X was a giant, Mr. Brandt said, until it went bankrupt'
                subject = next((c for c in verb.children if c.dep_ == "nsubj" and clause.i < c.i < verb.i), None)
                if subject is not None:
                    tokens += [t for t in self._resumed_after_attribution(verb, subject.left_edge.i) if t.i > last]
        # "A said X, as B warned that Y": B's report is B's own quote, not part of A's
        for t in list(tokens):
            # '..., adding that B' / '..., arguing that B': a second statement of the same speaker
            participle = t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > verb.i and t.doc[t.i - 1].text == ","
            if t is not head and t.dep_ in ("advcl", "conj", "parataxis") and \
                    t.lemma_.lower() in self.vocab["adjacent"] and \
                    (any(c.dep_ == "nsubj" for c in t.children) or t.dep_ == "conj" and t.head.i == head.i
                     or participle) and \
                    (any(c.dep_ == "ccomp" for c in t.children) or self._directs(t) or self._next_report(t, verb)):
                nested = {x.i for x in t.subtree}
                mark = [c.i for c in t.children if c.dep_ == "mark"]
                tokens = [x for x in tokens if x.i not in nested and x.i not in mark]
            elif t is not head and self._other_speakers_act(t, verb):
                cut = {x.i for x in t.subtree} | {c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i}
                tokens = [x for x in tokens if x.i not in cut]
        if not isinstance(clause, list):
            for t in self._narrative_after(clause, verb):  # 'said the bridge would open in May and left'
                cut = {x.i for x in t.subtree} | {c.i for c in clause.children if c.dep_ == "cc" and c.i < t.i}
                tokens = [x for x in tokens if x.i not in cut]
        tokens = [t for t in tokens if not t.is_space]
        attribution_start = min([verb.i] + [c.left_edge.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")])
        if tokens and tokens[-1].i < attribution_start and tokens[0].i > verb.sent.start:
            # "X happened, sources said.": what was said runs from the start of the sentence
            sent_start = verb.sent.start
            tokens = [t for t in verb.doc[sent_start: tokens[0].i] if not t.is_space] + tokens
        tokens = without_commentary_tail(tokens, self.inside_quote, self.vocab)
        while tokens and (tokens[0].dep_ == "mark" and tokens[0].lower_ in ("that", "as") or tokens[0].is_punct):
            tokens.pop(0)
        while tokens and (tokens[-1].is_punct and tokens[-1].text not in ('"', "”", "»") or tokens[-1].dep_ == "cc") \
                and not (tokens[-1].text == ")" and any(t.text == "(" for t in tokens)):  # '(D-Va.)' stays whole
            tokens.pop()
        if not tokens:
            return 0, 0
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1])

    def _next_report(self, t: Token, verb: Token) -> bool:
        """'seven in 10 said A, and two-thirds said the same of B': a verb of saying joined to the
        reported clause, in the tense of the first and with a subject of its own, starts the
        writer's next report ('said A and that the panel would continue B' is one statement)."""
        return t.dep_ == "conj" and t.lemma_.lower() in self.vocab["adjacent"] and t.tag_ == verb.tag_ and \
            not any(c.dep_ in ("mark", "aux") for c in t.children) and \
            any(c.dep_ == "nsubj" and c.i < t.i for c in t.children) and not self.inside_quote(t.idx)

    def _other_speakers_act(self, t: Token, verb: Token) -> bool:
        """'Republicans said A and Democrats accused the GOP of B': a clause joined to the
        reported one, with a subject of its own and a reporting verb in the tense of the verb of
        saying, is the next report of the writer's, not part of what was said."""
        reporting = self.vocab["accuse_of"] | self.vocab["accuse_for"] | self.vocab["framing"] | self.vocab["naming"]
        return t.dep_ == "conj" and t.i > verb.i and t.tag_ == "VBD" and verb.tag_ == "VBD" and \
            t.lemma_.lower() in reporting and any(c.dep_ == "nsubj" for c in t.children) and \
            not self.inside_quote(t.idx)

    def _directs(self, verb: Token) -> bool:
        """'... and warned Y to stop', 'and urged Y to ...': a directive of its own."""
        return verb.lemma_.lower() in self.vocab["directive"] | self.vocab["warn_against"] and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)

    @staticmethod
    def _narrative_after(clause: Token, verb: Token) -> list[Token]:
        """A verb joined to a reported clause in the modal ('would open') that stands in the
        tense of the verb of saying, with no subject of its own, is what the speaker did next."""
        if verb.tag_ != "VBD" or not any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children):
            return []
        return [c for c in clause.rights if c.dep_ == "conj" and c.tag_ == "VBD"
                and not any(g.dep_ in ("nsubj", "nsubjpass", "aux") for g in c.children)]

    def _reported_tail(self, clause: Token, verb: Token) -> list[Token]:
        """What the parse hangs on the verb of saying after its clause but belongs to it: a
        second clause ('said A and, above all, would B') and a modal verb with no subject of its
        own ('said they had doubts, but could not refuse'); narrative in the verb's tense
        ('said A and left') is the speaker's act, not their words."""
        tail: list[Token] = []
        for c in verb.rights:
            if c.i <= clause.right_edge.i or self.inside_quote(c.idx):
                continue
            opener = next((t for t in c.subtree if not t.is_punct), c)
            if clause.i < verb.i and opener.lower_ in NARRATIVE_OPENERS:
                break  # '"A," he said after B failed to appear': what follows the attribution is narrative
            if clause.i < verb.i and ":" in self.text[verb.idx:c.left_edge.idx]:
                break  # 'A, Kell said: "B."': the colon opens a statement of its own
            own_subject = any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
            # 'would B', or 'told X that A, and have been B' after a verb in the past: a tense the
            # speaker's next act cannot be in
            modal = any(g.dep_ == "aux" and (g.tag_ == "MD" or g.tag_ in ("VBP", "VBZ") and verb.tag_ == "VBD")
                        for g in c.children)
            if c.dep_ == "ccomp" and not any(g.dep_ == "mark" and g.lower_ != "that" for g in c.children) \
                    or c.dep_ == "conj" and not own_subject and modal and c.lemma_.lower() not in self.vocab["say"] \
                    or c.i > clause.i and topic_qualifier(c):
                tail.append(c)
            elif c.dep_ in ("conj", "ccomp", "advcl", "parataxis"):
                break
        return tail

    def adjacent_marked(self, verb: Token, subject: Token) -> tuple[int, int] | None:
        """'“...,” the minister said' / 'the minister said: “...”' when the parse links nothing."""
        first = min(verb.i, subject.left_edge.i)
        last = max(verb.i, subject.right_edge.i)
        before = self.doc[first].idx
        while before > 0 and self.text[before - 1] in " ,":
            before -= 1
        after_start = self.doc[last].idx + len(self.doc[last])
        # only spans ending just before the attribution or starting within 80 characters after it
        near = self.marked[bisect_left(self._marked_ends, before - 2): bisect_right(self._marked_starts, after_start + 80)]
        for m in near:
            if 0 <= before - m.end <= 2:
                return m.start, m.end
            gap = m.start - after_start
            if not 0 <= gap <= 80:
                continue
            between = self.text[after_start:m.start]
            # 'said: "..."' or 'said, "..."', not 'will respond "decisively"'
            if gap <= 4 and between.strip(" :,\"“«‘'") == "" and (":" in between or "," in between):
                return m.start, m.end
            # 'said in a statement on Monday: "..."'
            if between.rstrip(" \"“«‘'").endswith(":") and not any(c in between for c in ".!?\n"):
                return m.start, m.end
        return None

    def governing_cue(self, start: int, end: int) -> Cue | None:
        """A few quoted words inside what a speaker says ('vowed a "strong" response', 'calling
        the action "illegal"', 'what she called "a farce"'): the nearest verb of saying above
        them in the parse, with its subject, makes them that speaker's words."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        words = [t for t in span if not t.is_punct and not t.is_space]
        if not words:
            return None
        allowed = self.vocab["say"] | self.vocab["commit_to"] | self.vocab["naming"] | self.vocab["framing"]
        for verb in words[0].ancestors:
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in allowed or start <= verb.idx < end:
                continue  # '"Ana, tell your story," read a sign': a verb inside the quote says nothing of it
            if any(c.dep_ == "auxpass" for c in verb.children):
                return None
            subject = self._subject(verb)
            if subject is None or subject.lower_ in EXPLETIVE or subject.lower_ in NOBODY_IN_PARTICULAR \
                    or self.inside_quote(subject.idx):
                return None
            speaker = self._speaker(subject)
            # "officials described it as a 'pause'": nobody in particular owns a scare quote; but
            # what "a man yelled" is his, named or not
            if speaker is None or (speaker.actor is None and not self._someone_named(subject)
                                   and not self._one_office_holder(subject)
                                   and verb.lemma_.lower() not in self.vocab["utter"]):
                return None
            first, last = self._complement_bounds(verb, words[0], start, end)
            return Cue(verb, speaker, first, last)
        return None

    @staticmethod
    def _someone_named(subject: Token) -> bool:
        """'Ms. Hart', 'the Hart campaign', 'Hart's spokesman': a subject the text names, unlike
        'officials' or 'critics'."""
        return subject.ent_type_ in ("PERSON", "ORG") or any(
            t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG") for t in subject.subtree if t.i < subject.i)

    def _one_office_holder(self, subject: Token) -> bool:
        """'the senator', 'the city's mayor': one person the text points at by an office, unlike
        'officials' or 'a lawmaker'."""
        definite = any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this") for c in subject.children)
        return definite and subject.tag_ == "NN" and self.cast.d.title_of(subject.lower_) is not None

    def _complement_bounds(self, verb: Token, first: Token, start: int, end: int) -> tuple[int, int]:
        """'criticized the levy as a "tax on commuters"', 'promised lower fees and "more
        buses"', 'called the test "a violation" of five resolutions': what the speaker said is
        the verb's complement that holds the quoted words, not the quoted words alone."""
        child = first
        while child.head.i != verb.i and child.head.i != child.i:
            child = child.head
        start = self._named_from(verb, first, start)
        named = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < child.i), None)
        # 'likened the rules to "burning the charter"' may be parsed with the phrase as a clause of its own
        right_after_object = child.dep_ == "advcl" and named is not None and named.right_edge.i + 1 == child.left_edge.i
        if child.head.i != verb.i or child.i < verb.i or not (
                child.dep_ in COMPLEMENT_DEPS or child.dep_ == "prep" and child.lower_ in ("as", "to", "for", "of")
                or right_after_object):
            return start, end
        sent_end = verb.sent.end
        tokens = [t for t in self.doc[child.left_edge.i: min(child.right_edge.i + 1, sent_end)] if not t.is_space]
        accusing = verb.lemma_.lower() in self.vocab["accuse_of"] | self.vocab["accuse_for"] and \
            child.dep_ == "prep" and child.lower_ in ("of", "for")
        if child.dep_ != "dobj":  # 'criticized the levy as "..."': the thing named comes with its name
            if named is not None and not accusing:  # 'accused Y of "..."': the charge, not the one charged
                tokens = [t for t in self.doc[named.left_edge.i: child.left_edge.i] if not t.is_space] + tokens
        tokens = without_commentary_tail(tokens, self.inside_quote, self.vocab)
        while tokens and tokens[-1].is_punct and tokens[-1].text not in ('"', "”", "»", "’", "'"):
            tokens.pop()
        if not tokens or tokens[0].i <= verb.i or len(tokens) > MAX_COMPLEMENT_TOKENS:
            return start, end
        return min(start, tokens[0].idx), max(end, tokens[-1].idx + len(tokens[-1]))

    def _named_from(self, verb: Token, first: Token, start: int) -> int:
        """'called the test "a flagrant violation"', 'described the talks as "useful"': what the
        speaker said is the thing named with the name they gave it."""
        if verb.lemma_.lower() not in self.vocab["naming"]:
            return start
        named = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < first.i), None)
        if named is None or named.right_edge.i >= first.i or self.inside_quote(named.left_edge.idx):
            return start
        between = [t for t in self.doc[named.right_edge.i + 1: first.i] if not t.is_punct]
        if len(between) > 2 or any(t.lower_ not in ("as", "a", "an", "the") for t in between):
            return start
        return self.doc[named.left_edge.i].idx

    def _directive_cue(self, verb: Token) -> Cue | None:
        """'urged Y to do', 'called on Y to do', 'vowed to do', 'warned Y against ...': what
        the speaker asked for, promised or warned against is what they said."""
        lemma = verb.lemma_.lower()
        content: list[Token] = []
        ending = [t for t in verb.sent if not t.is_space]
        cut_off = bool(ending) and ending[-1].idx + len(ending[-1]) >= len(self.text.rstrip())
        if not ending or ending[-1].text not in (".", "!", "?", '"', "”", "’", "'") and not cut_off:
            return None  # a headline ("X urges Y to ...") states the story, the text reports it again
        if lemma in self.vocab["directive"] or lemma in self.vocab["commit_to"]:
            wanted = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")
                           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            if wanted is not None and any(c.dep_ == "neg" for c in wanted.children) and \
                    any(c.dep_ == "auxpass" for c in wanted.children):
                return None  # 'who asked not to be named': a condition of the interview, not a statement
            if wanted is not None:  # 'urged Y to V' starts at V; 'vowed to V', the speaker's own intent, keeps 'to'
                keep_to = lemma in self.vocab["commit_to"]
                said_next = {t.i for c in wanted.children if c.dep_ == "conj" and c.lemma_.lower() in self.vocab["say"]
                             for t in [*c.subtree, *(x for x in wanted.children if x.dep_ == "cc" and x.i < c.i)]}
                content = [t for t in wanted.subtree  # 'urged Y to V and said "..."': a statement of its own
                           if t.i not in said_next
                           and (keep_to or not (t.dep_ == "aux" and t.lower_ == "to" and t.head == wanted))]
        if not content and lemma in self.vocab["warn_against"]:
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            near = [*verb.children, *(t for o in objects for t in o.subtree)]
            against = next((c for c in near if c.dep_ == "prep" and c.lower_ == "against"), None)
            if against is not None:
                content = list(against.subtree)
        content = [t for t in content if not t.is_space]
        while content and content[-1].is_punct:
            content.pop()
        if len([t for t in content if not t.is_punct]) < 3:
            return None
        subject = self._subject(verb)
        if subject is None and verb.dep_ == "acl" and verb.head.lemma_.lower() in self.vocab["document_nouns"]:
            subject = verb.head  # "The statement called on the government to ...", parsed as a noun phrase
        # "It also called on the government to ...": a body named before, no expletive
        expletive = subject is not None and subject.lower_ in EXPLETIVE and not (
            subject.lower_ == "it" and subject.head.i == verb.i and subject.dep_ == "nsubj")
        if subject is None or expletive or subject.lower_ in NOBODY_IN_PARTICULAR:
            return None
        return Cue(verb, self._speaker(subject), content[0].idx, content[-1].idx + len(content[-1]))

    def _accuse_cue(self, verb: Token) -> Cue | None:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        lemma = verb.lemma_.lower()
        wanted = "of" if lemma in self.vocab["accuse_of"] else "for"
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        # "of ..." hangs off the verb, or (a common misparse) off the one accused or off a time
        # phrase between them ('accused Y on Wednesday of ...')
        dated = [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        for prep in [*verb.children, *(g for o in [*objects, *dated] for g in o.children)]:
            if prep.dep_ == "prep" and prep.lower_ == wanted:
                objs = [c for c in prep.children if c.dep_ in ("pcomp", "pobj")]
                if not objs:
                    continue
                if passive:  # "was criticised by Egypt for ...": the one who criticised
                    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                    subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                else:
                    subject = self._subject(verb)
                if subject is None:
                    return None
                sub = [t for t in objs[0].subtree if not t.is_space]
                # 'accused him of spying' states a charge; 'blamed them for the fighting' or 'of it'
                # names a thing, not what was said
                gerund = objs[0].tag_ == "VBG" or objs[0].lower_.endswith("ing") and not any(
                    c.dep_ == "det" for c in objs[0].children)
                if not sub or len(sub) < 3 and not gerund:
                    return None
                last = accusation_end(verb, sub[-1])
                return Cue(verb, self._speaker(subject), sub[0].idx, last.idx + len(last))
        return None

    def _according_cue(self, token: Token) -> Cue | None:
        if token.lower_ != "according" or token.i + 1 >= len(self.doc) or self.doc[token.i + 1].lower_ != "to":
            return None
        to = self.doc[token.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
        if not objs:
            return None
        sent = token.sent
        last_word = max((t.i for t in sent if not t.is_punct and not t.is_space), default=token.i)
        # 'According to Rush Dale, the move reeks of fear' may be parsed with the statement as an
        # apposition to the name: what runs to the end of the sentence is no part of the phrase
        opens_sentence = token.i == 0 or self.doc[token.i - 1].text in (".", "!", "?") or self.doc[token.i - 1].is_space
        statement = {t.i for c in objs[0].children if c.dep_ == "appos" and c.right_edge.i >= last_word
                     and self.doc[c.left_edge.i - 1].text == "," and opens_sentence for t in c.subtree}
        phrase_end = max(t.i for t in [token, to, *objs[0].subtree] if t.i not in statement)
        # the phrase runs to its comma: "According to Transparency Watch Georgia, ..."
        comma = next((t.i for t in sent if t.i > to.i and t.text == ","), None)
        before = token.i - 1  # '"...," according to X': the quote's closing mark does not open a sentence
        while before >= sent.start and self.doc[before].text in QUOTE_MARK_TOKENS:
            before -= 1
        at_start = before < sent.start or (self.doc[before].is_punct and self.doc[before].text != ",")
        if at_start and comma is not None:
            phrase_end = max(phrase_end, comma - 1)
        if at_start:
            body = [t for t in sent if t.i > phrase_end and not t.is_punct or t.i > phrase_end + 1]
        else:  # "..., according to the navy." / "... according to officials"
            body = [t for t in sent if t.i < token.i]
        body = [t for t in body if not t.is_space]
        while body and body[-1].is_punct:
            body.pop()
        while body and body[0].is_punct:
            body.pop(0)
        if not body:
            return None
        if self._speaks_itself(body):
            return None  # "according to the readout, the president accused ...": the president speaks
        speaker_token = objs[0]
        if speaker_token.pos_ == "NOUN" and speaker_token.lemma_.lower() in self.vocab["no_speaker_sources"] \
                and not any(t.pos_ == "PROPN" or t.ent_type_ for t in speaker_token.subtree):
            return Cue(token, None, body[0].idx, body[-1].idx + len(body[-1]))  # information has no speaker
        # 'according to Bo Wiese, an analyst at Pivot Group': the apposition says who the speaker is
        described = {t.i for c in objs[0].children if c.dep_ == "appos" and self.doc[c.left_edge.i - 1].text == ","
                     for t in c.subtree}
        named = [t for t in self.doc[to.i + 1: phrase_end + 1]
                 if t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") and t.i not in described]
        if named and speaker_token.ent_type_ and named[-1].i > speaker_token.i:
            speaker_token = named[-1]  # the head of a name the parse cut in two
        return Cue(token, self._speaker(speaker_token), body[0].idx, body[-1].idx + len(body[-1]))

    def _speaks_itself(self, body: list[Token]) -> bool:
        """What an outlet or a document relays holds its own speaker: a verb of saying with a
        subject that is someone ('the premier told the families that ...')."""
        say = self.vocab["say"]
        for t in body:
            if t.pos_ == "VERB" and t.lemma_.lower() in say and t.dep_ in ("ROOT", "conj", "ccomp") \
                    and not self.inside_quote(t.idx):
                subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.lower_ not in EXPLETIVE and subject.lower_ not in NOBODY_IN_PARTICULAR \
                        and any(c.dep_ in ("ccomp", "xcomp", "dobj", "prep") for c in t.children):
                    return True
        return False

    def _noun_cue(self, noun: Token) -> Cue | None:
        """"Lavrov renewed allegations that ...": the noun's clause, spoken by the verb's subject."""
        if noun.pos_ != "NOUN" or noun.lower_ not in self.vocab["nouns"]:
            return None
        owner = noun.head
        if noun.dep_ != "dobj" or owner.lemma_.lower() not in self.vocab["noun_owners"]:
            return None
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and
                       any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)), None)
        subject = self._subject(owner)
        if clause is None or subject is None:
            return None
        start, end = self._clause_bounds(clause, owner)
        return Cue(noun, self._speaker(subject), start, end)

    def _subject(self, verb: Token) -> Token | None:
        subject = self._subject_in_the_parse(verb)
        return subject if subject is not None else name_taken_by_a_phrase(verb)

    def _subject_in_the_parse(self, verb: Token) -> Token | None:
        current = verb
        for _ in range(4):
            # of two subjects (a misparse of "X met Y, the ministry said"), the one next to the verb
            subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ != "EX"]
            if len(subjects) > 1:
                before = [c for c in subjects if c.i < current.i]
                subjects = [before[-1]] if before else subjects[:1]
            for child in subjects + [c for c in current.children if c.dep_ == "agent"]:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    if child.lower_ in RELATIVE and current.dep_ == "relcl":
                        return current.head
                    return child
                if child.dep_ == "agent":
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                    if objs:
                        return objs[0]
            # "X said A and added that B": 'added' shares the subject of 'said', not of A
            # and "X stressed that the way was A, suggesting that B": a participle of saying after a
            # reported clause about a thing ('that he had sued Y, alleging ...' is his own allegation)
            participle = current.dep_ == "advcl" and current.tag_ == "VBG" and \
                current.head.head.i < current.head.i < current.i and not any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PRON", "PROPN") for c in current.head.children)
            if (current.dep_ == "conj" or participle) and current.lemma_.lower() in self.vocab["say"] and \
                    current.head.dep_ == "ccomp" and current.head.head.lemma_.lower() in self.vocab["say"]:
                current = current.head.head
                continue
            # "X was quoted as saying", "Y quoted X as saying": X speaks
            if current.dep_ == "pcomp" and current.head.lower_ == "as" and current.head.head.lemma_.lower() == "quote":
                quoted = current.head.head
                who = next((c for c in quoted.children if c.dep_ == "dobj"), None) or \
                    next((c for c in quoted.children if c.dep_ == "nsubjpass"), None)
                return who
            # "responded by saying that ...", "after saying that ...": the one who did the main verb
            if current.dep_ == "pcomp" and current.tag_ == "VBG" and current.head.dep_ == "prep" \
                    and current.head.lower_ in SAYING_PREPOSITIONS and current.head.head.pos_ in ("VERB", "AUX"):
                current = current.head.head
                continue
            # "X declined to say when the talks would take place, telling reporters ...": a participle
            # the parse hangs on a clause inside the sentence belongs to the main clause
            if current.dep_ == "advcl" and current.tag_ == "VBG" and current.head.dep_ in ("pcomp", "relcl", "acl"):
                main = next((a for a in current.head.ancestors
                             if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("pcomp", "relcl", "acl")), None)
                if main is not None:
                    current = main
                    continue
            # "..., saying that": the participle borrows the subject of the clause it hangs on
            if current.dep_ in ("advcl", "xcomp", "conj") and current.head.i != current.i:
                quoted = current.tag_ == "VBG" and self.inside_quote(current.head.idx)
                current = current.head
                # '...: "We will ...", adding that ...': the participle belongs to the clause
                # that introduced the quote, not to the quoted words
                while quoted and self.inside_quote(current.idx) and current.head.i != current.i:
                    current = current.head
                continue
            if current.dep_ == "relcl":
                return current.head
            # 'the council issued a statement calling the test "a violation"': the issuer speaks
            issued = current.head.head
            if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.dep_ == "dobj" and \
                    current.head.lower_ in self.vocab["document_nouns"] and issued.pos_ == "VERB" and \
                    issued.lemma_.lower() in self.vocab["noun_owners"]:
                current = issued
                continue
            return None
        return None
