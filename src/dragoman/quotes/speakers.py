"""Who speaks: the speaker of a cue's subject, resolved to an actor where the article allows
(a named person, a role the article fills, a body, "the statement" of whoever issued it)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..actors import Cast
from ..actors.common import name_words, plain_name
from ..actors.dictionary import sector_actor
from ..records import Mention, Speaker
from ..vocab import word_lists

QUOTE_WORDS = word_lists("quote_words.yaml")
PERSONAL_PRONOUNS = QUOTE_WORDS["personal_pronouns"]
PRONOUN_WORDS = QUOTE_WORDS["pronoun_words"]
QUANTIFIERS = QUOTE_WORDS["quantifiers"]
LOOK_BACK_MENTIONS = 80  # "the party" looks this many mentions back: linear in article length


class SpeakerMixin:
    """Speaker resolution for ``CueFinder``: reads ``doc``, ``cast``, ``text`` and ``vocab``."""

    if TYPE_CHECKING:
        doc: object
        cast: Cast
        text: str
        vocab: dict[str, frozenset[str]]

    def _speaker(self, token: Token) -> Speaker | None:
        found = self._speaker_as_written(token)
        if found is not None and found.actor is not None and found.actor.kind == "person":
            return found
        if token.pos_ in ("NOUN", "PROPN"):
            country = found.actor.country if found is not None and found.actor is not None else None
            holder = self.cast.role_holder(token, noun_phrase(token), country)
            if holder is not None:  # "the spokesman" is the spokesman the article names
                phrase = noun_phrase(token)
                if holder.actor is not None:
                    return Speaker(phrase.text, phrase.start_char, phrase.end_char, holder.actor,
                                   self.cast.name_as_written(holder.actor))
                return Speaker(phrase.text, phrase.start_char, phrase.end_char, None,
                               self.cast.person_name(holder.text))
        return found

    def _speaker_as_written(self, token: Token) -> Speaker | None:
        if token.lemma_.lower() in self.vocab["document_nouns"]:
            return self._document_speaker(token)
        author = _author_of(token) if token.pos_ == "NOUN" and token.lemma_.lower() in name_words("authored_things") \
            else None
        if author is not None:  # "Sanders' fundraising email said": Sanders
            return self._speaker(author)
        counted = _counted_people(token)
        if counted is not None:  # "Hundreds of dockworkers said": the dockworkers
            return self._speaker_as_written(counted)
        body = _body_of_office(token)
        if body is not None:  # "the media office of the Joint Operations Command": the command
            return self._speaker_as_written(body)
        office = self._office_of_holder(token)
        if office is not None:  # "Lula's office said": Brazil's government, as the article names it
            return office
        named = self._person_in_phrase(token)
        if named is not None:
            return named
        document = _document_subject_before(token) if token.lower_ == "it" else None
        if document is not None and document.lemma_.lower() in self.vocab["document_nouns"]:
            issued = self._document_speaker(document)  # 'The statement called on A. It also called on B.'
            if issued is not None and issued.actor is not None:
                return Speaker(token.text, token.idx, token.idx + len(token), issued.actor, issued.spelled)
        party = self.cast.resolve_token(token)
        if party is None and token.pos_ == "PRON":
            named = self.cast.antecedent(token) if token.lower_ in PERSONAL_PRONOUNS else None
            if named is not None:  # someone the dictionary does not know
                if named.actor is not None:
                    return speaker_for(self.cast, named.actor, token.text, token.idx, token.idx + len(token))
                return person_speaker(self.cast, named.text, named.start, named.end)
            return None
        # what is set beside the subject describes it: "himself" and a clause's own appositions do not
        appositions = [c for c in token.children if c.dep_ == "appos" and c.pos_ != "PRON"] \
            if token.dep_ != "poss" else []
        for child in appositions:
            if party is None:
                party = self.cast.resolve_token(child)
                if party is not None and party.actor is not None and party.actor.kind == "person" \
                        and token.ent_type_ == "PERSON":
                    party = None  # 'X, an aide to Y': X is not Y
        if party is None:
            named = next((c for c in appositions if c.ent_type_ == "PERSON"), None)
            if named is not None:  # "The head of the office, Jan Novak, said": the name, unresolved
                phrase = noun_phrase(named)
                return person_speaker(self.cast, phrase.text, phrase.start_char, phrase.end_char)
        phrase = noun_phrase(token)
        if party is not None:
            mention = phrase.text if token.pos_ != "PRON" else token.text
            return speaker_for(self.cast, party.actor, mention, phrase.start_char, phrase.end_char)
        mention = self.cast.mention_of(token)
        verb = token.head
        if mention is not None and mention.actor is None and verb.pos_ in ("VERB", "AUX") \
                and mention.start < verb.idx < mention.end:  # a headline's 'Christie Says' typed as one name
            written = self.text[mention.start:verb.idx].strip()
            return person_speaker(self.cast, written, mention.start, mention.start + len(written))
        if mention is not None and mention.label == "PERSON":  # the name without the words before it
            return person_speaker(self.cast, mention.text, mention.start, mention.end)
        if token.ent_type_ == "PERSON":  # 'the then-lieutenant governor Jane Roe': the capitalised name
            named = _from_capital(strip_det(phrase))
            return person_speaker(self.cast, named.text, named.start_char, named.end_char)
        if mention is not None and mention.label == "ORG" and mention.actor is None and " " in mention.text \
                and "," not in mention.text:
            # an organisation the dictionary does not know, by its whole name ('Patriotic Union of Kurdistan')
            return Speaker(mention.text, mention.start, mention.end, None, self.cast.own_name(mention.text))
        if token.pos_ in ("PROPN", "NOUN") and _titled_name(strip_det(phrase)):
            titled = strip_det(phrase)  # 'State Del. Jane "Jo" Roe', a name the NER cut short
            return person_speaker(self.cast, titled.text, titled.start_char, titled.end_char)
        if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return Speaker(strip_det(phrase).text, phrase.start_char, phrase.end_char, None,
                           self._with_full_possessor(strip_det(phrase)))
        if token.pos_ == "NOUN":  # "traders said", "rights groups say": what the text says, unresolved
            earlier = self._named_before(token, phrase)
            if earlier is not None and earlier.actor is not None:  # "the agency said" after the IAEA
                return speaker_for(self.cast, earlier.actor, phrase.text, phrase.start_char, phrase.end_char)
            if earlier is not None:  # "the party said": the party the article named in full before
                return Speaker(phrase.text, phrase.start_char, phrase.end_char, None, self.cast.own_name(earlier.text))
            phrase = strip_det(phrase)
            return Speaker(phrase.text, phrase.start_char, phrase.end_char, None, self._with_full_possessor(phrase))
        if _mistagged_name(token) or (token.dep_ not in SUBJECT_DEPS and token.text[:1].isupper()
                                      and getattr(misparsed_subject(token.head), "i", None) == token.i):
            # a surname the tagger took for a verb, an adjective or a preposition ('Small said')
            full = self.cast.person_name(token.text)
            return Speaker(token.text, token.idx, token.idx + len(token), None, full if full != token.text else None)
        counted = _counted_subject(token)
        if counted is not None:  # "Roughly one in four say", "Most of the trustees said", "Several said"
            return Speaker(counted.text, counted.start_char, counted.end_char, None)
        return None

    def _named_before(self, token: Token, phrase: Span) -> Mention | None:
        """The organisation 'the party', 'the agency' stands for: the last one named before whose
        name ends in that noun ('the Farmers Party of Veldia', 'the International Atomic Energy Agency')."""
        if token.tag_ == "NN" and phrase[0].lower_ == "the" and token.lower_ in QUOTE_WORDS["group_nouns"] \
                and all(t.dep_ == "amod" and t.is_lower for t in phrase[1:-1]):
            return self._named_before_as_group(token, phrase)  # 'the group', 'the militant group'
        if len(phrase) != 2 or phrase[0].lower_ != "the" or token.tag_ != "NN":
            return None
        return self._named_before_by_noun(token, phrase)

    def _named_before_by_noun(self, token: Token, phrase: Span) -> Mention | None:
        for m in reversed(self.cast.mentions_between(0, phrase.start_char)[-LOOK_BACK_MENTIONS:]):
            if m.label != "ORG" or (m.actor is not None and m.actor.kind not in ("igo", "body", "group")):
                continue
            words = [w.lower() for w in m.text.split()]
            if token.lower_ not in words[1:] or (words[-1] != token.lower_ and "of" not in words):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span):  # a headline NER took whole
                return m
        return None

    def _named_before_as_group(self, token: Token, phrase: Span) -> Mention | None:
        if len(phrase) == 2:  # 'the group' ending a name named before ('the Farmers Group')
            found = self._named_before_by_noun(token, phrase)
            if found is not None:
                return found
        return self._group_named_before(phrase)

    def _group_named_before(self, phrase: Span) -> Mention | None:
        """'the group said' after 'the Rapid Support Forces' or 'Human Rights Watch': the last
        non-governmental organisation named before, in the same or the previous paragraph
        (not an outlet the article cites, nor a ministry or an army)."""
        sentence = phrase.sent.start_char
        paragraph = self.text.rfind("\n\n", 0, self.text.rfind("\n\n", 0, sentence))
        for m in reversed(self.cast.mentions_between(max(0, paragraph), phrase.start_char)[-LOOK_BACK_MENTIONS:]):
            if m.label not in ("ORG", "NORP") or m.label == "NORP" and m.actor is None \
                    or m.text.lower().startswith("the ") and len(m.text.split()) == 2:
                continue  # a group the tagger took for a nationality ('Hamas') is still a group
            if m.actor is not None and (m.actor.kind != "group" or m.actor.sector == "MED"):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or m.start >= sentence and span.root.dep_ == "pobj":
                continue  # 'in a post on Telegram, the group said': not the platform
            if not any(t.pos_ in ("VERB", "AUX") for t in span):
                return m
        return None

    def _office_of_holder(self, token: Token) -> Speaker | None:
        """"Lula's office", "the prime minister's office": the office of a person who holds a
        role speaks for the part of the state the role belongs to (BRA GOV), named as written
        with the holder's full name; None where the holder is unknown or holds no role."""
        if not token.is_lower or token.lemma_.lower() not in name_words("office_nouns"):
            return None
        owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
        if owner is None:
            return None
        party = self.cast.resolve_token(owner)
        holder = party.actor if party is not None else None
        if holder is None and owner.pos_ == "NOUN":  # "the president's office": the president the article means
            found = self.cast.role_holder(owner, noun_phrase(owner))
            holder = found.actor if found is not None else None
        if holder is None or holder.kind != "person" or not holder.sector or not holder.country:
            return None
        country = self.cast.d.country_by_code.get(holder.country)
        if country is None:
            return None
        phrase = strip_det(noun_phrase(token))
        name = self._with_full_possessor(phrase) or phrase.text
        return Speaker(phrase.text, phrase.start_char, phrase.end_char, sector_actor(country, holder.sector), name)

    def _with_full_possessor(self, phrase: Span) -> str | None:
        """"Gantz's office" named with the person's full name ("Benny Gantz's office"); None
        when the phrase has no person as its possessor."""
        for t in phrase:
            if t.dep_ != "poss" or t.pos_ != "PROPN":
                continue
            m = self.cast.mention_of(t)
            if m is not None and m.actor is not None and m.actor.kind == "person":
                full, start, end = m.actor.name, m.start, m.end
            elif m is None or m.label == "PERSON":  # the NER may type a known surname as an organisation
                start, end = (m.start, m.end) if m is not None else (t.idx, t.idx + len(t))
                full = self.cast.person_name(self.text[start:end])
            else:
                return None
            if " " not in full or full == self.text[start:end] or start < phrase.start_char:
                return None
            return self.text[phrase.start_char:start] + full + self.text[end:phrase.end_char]
        return None

    def _person_in_phrase(self, head: Token) -> Speaker | None:
        """'The EU ambassador to Georgia, Pawel Herczynski, said', 'Assistant to the President
        X Y said': a role noun heading a phrase that names the person speaks as that person."""
        if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and head.ent_type_ != "PERSON"):
            return None
        for t in head.subtree:
            if t.i <= head.i or t.ent_type_ != "PERSON" or t.tag_ == "NNPS":  # 'ties to both Clintons': a family
                continue
            if any(a.dep_ in ("relcl", "acl") for a in t.ancestors if a.i > head.i):
                continue
            mention = self.cast.mention_of(t)
            if mention is not None and mention.actor is not None:
                return speaker_for(self.cast, mention.actor, mention.text, mention.start, mention.end)
            entity = next((e for e in self.doc.ents if e.start <= t.i < e.end), self.doc[t.i: t.i + 1])
            return person_speaker(self.cast, entity.text, entity.start_char, entity.end_char)
        return None

    def lead_in_speaker(self, colon: int) -> Speaker | None:
        """'Breitbart News responded:', 'When X died, President Clinton released the following
        statement:': the subject of the verb a lead-in's colon closes, when it names someone."""
        span = self.doc.char_span(colon, colon + 1, alignment_mode="expand")
        if span is None:
            return None
        verb = span[0].head
        while (verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("ccomp", "xcomp")) and verb.head.i != verb.i:
            verb = verb.head  # 'X said Y was a candidate like them:' is X's lead-in
        issues_document = any(c.dep_ == "dobj" and c.lemma_.lower() in self.vocab["document_nouns"]
                              for c in verb.children)  # 'released the following statement:'
        if not issues_document and verb.lemma_.lower() not in \
                self.vocab["say"] | self.vocab["adjacent"] | self.vocab["noun_owners"]:
            return None  # 'The timing does not surprise X:', 'X imagined Y was thinking:'
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None and verb.dep_ == "conj":  # 'X made the claim and Y responded:' has its own subject
            subject = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.dep_ == "nsubjpass" or subject.tag_ in ("WP", "WDT", "EX"):
            return None
        found = self._speaker(subject)
        if found is None or not (found.actor is not None or found.spelled is not None
                                 or subject.pos_ in ("PROPN", "PRON") or subject.ent_type_ in ("PERSON", "ORG")):
            return None  # 'The report found:' is no speaker
        return found

    def _document_speaker(self, token: Token) -> Speaker | None:
        """'a statement from the ministry', 'the minister's letter', 'a speech the senator gave',
        'the statement said': who issued it."""
        phrase = noun_phrase(token)
        author = _author_of(token)
        if author is not None:
            return self._speaker(author)
        issuer = _issuer_before(token)
        if issuer is not None:
            return self._issuer_speaker(issuer, token)
        party = self.cast.resolve_state_pronoun(token)  # the body last acting nearby
        if party is not None:
            return Speaker(phrase.text, phrase.start_char, phrase.end_char, party.actor,
                           self.cast.antecedent_name(token.idx))
        return Speaker(strip_det(phrase).text, phrase.start_char, phrase.end_char, None)

    def _issuer_speaker(self, issuer: Token, document: Token) -> Speaker | None:
        """'a Finance Ministry statement': the issuer as its words before the document name it."""
        name = document.doc[issuer.left_edge.i: document.i]
        found = self._speaker(issuer)
        if found is not None and (found.actor is not None or found.mention == name.text):
            return found
        actor = self.cast.d.lookup(name.text)
        if actor is not None:
            return speaker_for(self.cast, actor, name.text, name.start_char, name.end_char)
        return Speaker(name.text, name.start_char, name.end_char, None)


def speaker_for(cast: Cast, actor, mention: str, start: int, end: int) -> Speaker:
    """A resolved speaker, named the way a reader of the article would name them: a person by
    their name, a body or a group by the words of the text ("two Egyptian security sources",
    "Yerevan"), with the actor code alongside."""
    if actor.kind == "person":  # the actor's canonical name (accents as written), the article's form in `mention`
        return Speaker(mention, start, end, actor, cast.name_as_written(actor))
    parts = mention.split()
    if parts and parts[0].lower() in ("a", "an", "the", "one") and len(parts) > 1:
        parts = parts[1:]
    if not parts or parts[0].lower() in PRONOUN_WORDS:
        return Speaker(mention, start, end, actor, cast.antecedent_name(start))
    return Speaker(mention, start, end, actor, cast.body_name(actor, " ".join(parts), start))


def noun_phrase(token: Token) -> Span:
    doc = token.doc
    if token.pos_ == "PRON":
        return doc[token.i: token.i + 1]
    left = min([token.i] + [c.left_edge.i for c in token.lefts if c.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod")])
    right = token.i
    for c in token.rights:
        if c.dep_ in ("compound", "flat", "appos") and c.i == right + 1:
            right = c.i
    return doc[left: right + 1]


def strip_det(span: Span) -> Span:
    if len(span) > 1 and span[0].dep_ == "det":
        return span[1:]
    return span


def person_speaker(cast: Cast, written: str, start: int, end: int) -> Speaker:
    """A person the dictionary does not know, named by the full name the article gives them."""
    name = cast.person_name(written)
    return Speaker(written, start, end, None, name if name != written else None)


def _author_of(work: Token) -> Token | None:
    """Who wrote or gave a document or speech, where its phrase says: 'from / by / of X', 'X's',
    'that X delivered' ('a speech the senator gave last week')."""
    for child in work.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
        if child.dep_ == "relcl" and child.pos_ == "VERB":
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and (subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG")):
                return subject
    return None


def _issuer_before(document: Token) -> Token | None:
    """The name in front of a document noun that issued it: 'a Finance Ministry statement',
    'a Bank of Veldia statement' (not 'a Monday statement')."""
    return next((c for c in document.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
                 and c.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")), None)


SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _mistagged_name(token: Token) -> bool:
    """A capitalised word inside a sentence, subject of the speech verb, that the tagger read
    as a verb, an adjective, an adverb or a preposition: a surname ('..., Ifill said', 'Small, who
    ..., said', '"...," Aftergood said')."""
    return token.dep_ in SUBJECT_DEPS and token.pos_ in ("VERB", "ADJ", "ADV", "AUX", "ADP") and token.is_alpha \
        and token.text[:1].isupper() and not token.text.isupper() and token.lower_ not in QUANTIFIERS \
        and (token.i > token.sent.start or any(c.dep_ == "relcl" and c.left_edge.lower_ == "who" for c in token.children))


def _counted_subject(token: Token) -> Span | None:
    """A subject that counts people ('About one in five', 'Nearly nine out of 10 voters',
    'Most of the candidates', 'Several', 'Those over 60'): the phrase as written."""
    if token.dep_ not in SUBJECT_DEPS or not (token.pos_ == "NUM" or token.lower_ in QUANTIFIERS):
        return None
    left, right = token.left_edge.i, token.right_edge.i
    for t in token.subtree:  # a relative clause or an apposition describing them is not their name
        if t.dep_ in ("relcl", "acl", "appos", "punct") and t.head.i >= token.i and t.i > token.i:
            right = min(right, t.left_edge.i - 1)
    if right < left or right - left > 12 or any(t.tag_ in ("WP", "WDT", "WP$") for t in token.doc[left: right + 1]):
        return None
    return token.doc[left: right + 1]


def _from_capital(phrase: Span) -> Span:
    """The phrase from its first capitalised word on: a lower-case role before a name is no part of it."""
    first = next((t.i for t in phrase if t.text[:1].isupper()), phrase.start)
    return phrase.doc[first: phrase.end]


def _titled_name(phrase: Span) -> bool:
    """A capitalised head after a title: a person's name, whatever the tagger made of it."""
    head = phrase[-1]
    return len(phrase) > 1 and head.text[:1].isupper() and head.i > head.sent.start \
        and any(t.ent_type_ == "PERSON" for t in phrase) and plain_name(phrase.text) != phrase.text


CLOSING_MARKS = {"”", "\"", "''", "’", "'"}
NAME_RUN = 8  # words of a title and name after an inverted verb of saying ('said former state Gov. X Y')


def misparsed_subject(verb: Token) -> Token | None:
    """The name next to a verb of saying that closes a quote, where the parse gave the verb no
    subject: '"...," said Robert Roe, who ...' (the parse makes Roe the subject of the clause
    after him), '"...," asked Mr. Roe', '"...," Roe said' with Roe tagged as a preposition."""
    doc = verb.doc
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    asked = subject_of_interjection(verb)
    if asked is not None:
        return asked
    at = verb.i - 1
    names: list[Token] = []
    while at >= 0 and doc[at].is_alpha and doc[at].text[:1].isupper() and len(names) < 3:
        names.insert(0, doc[at])
        at -= 1
    if names and at >= 0 and doc[at].text in CLOSING_MARKS:
        return names[-1]  # '"...," Roe said'
    if names or at < 0 or doc[at].text not in CLOSING_MARKS:
        return None
    last = None
    for t in doc[verb.i + 1: min(len(doc), verb.i + 1 + NAME_RUN)]:
        if t.pos_ == "PROPN" and (t.ent_type_ in ("PERSON", "") or t.text.endswith(".")):
            last = t
        elif last is not None or t.is_punct or t.pos_ not in ("NOUN", "ADJ", "PROPN"):
            break
    return last


def subject_of_interjection(verb: Token) -> Token | None:
    """'The minister, asked about the attacks, said ...': the parse may hang the subject on the
    participle set off by commas; the one asked is the one who said."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    for clause in verb.lefts:
        if clause.dep_ in ("ccomp", "advcl") and clause.tag_ in ("VBD", "VBN") \
                and clause.lemma_.lower() in QUOTE_WORDS["asking_verbs"] and doc[clause.i - 1].text == ",":
            return next((c for c in clause.lefts if c.dep_ in SUBJECT_DEPS), None)
    return None


def _document_subject_before(token: Token) -> Token | None:
    """The subject of the sentence before, for 'it' opening a sentence's clause: 'The statement'."""
    sent = token.sent
    if token.dep_ not in SUBJECT_DEPS or sent.start == 0:
        return None
    i = sent.start - 1
    while i > 0 and token.doc[i].is_space:  # the break between paragraphs
        i -= 1
    root = token.doc[i].sent.root
    if root.pos_ == "NOUN":  # 'The statement called on ...' parsed as a noun phrase
        return root
    return next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)


def _counted_people(token: Token) -> Token | None:
    """The people a counting noun counts: 'Hundreds of dockworkers', 'Dozens of nurses'."""
    if token.lower_ not in name_words("counting_nouns"):
        return None
    people = _of_object(token)
    if people is None or people.pos_ not in ("NOUN", "PROPN") or people.lower_ in name_words("counting_nouns"):
        return None
    return people


def _body_of_office(token: Token) -> Token | None:
    """The named body an office speaks for: 'the press office of the Defence Council'; None for
    an office named as a body of its own ('the Office of the President')."""
    if not token.is_lower or token.lemma_.lower() not in name_words("office_nouns"):
        return None
    body = _of_object(token)
    if body is None or body.pos_ != "PROPN" or body.ent_type_ not in ("ORG", "GPE", "NORP"):
        return None
    return body


def _of_object(token: Token) -> Token | None:
    """The noun after the token's "of": 'dockworkers' in 'Hundreds of dockworkers'."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
