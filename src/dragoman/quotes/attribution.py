"""Attribution: each quoted span takes the cue whose reported clause it is, or the cue next
to it, or the subject of its sentence, or the speaker of the quote just before it."""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from ..actors import Cast
from ..clean import words
from ..records import Article, Mention, Quote, Speaker
from .cues import MIN_STATEMENT_WORDS, TITLE_CUES, WORDS, Cue, CueFinder, speech_vocab
from .marks import CLOSE_MARKS, OPEN_MARKS, Marked, find_marked, n_words
from .speakers import noun_phrase, person_speaker, speaker_for


class QuoteExtractor:
    def __init__(self, doc: Doc, article: Article, cast: Cast):
        self.doc = doc
        self.article = article
        self.cast = cast
        self.text = article.text
        self.paragraphs = article.paragraphs or [(0, len(article.text))]
        self.marked = find_marked(self.text, self.paragraphs)
        self._marked_starts = [m.start for m in self.marked]
        self._marked_ends = [m.end for m in self.marked]
        self._sent_starts = [s.start_char for s in doc.sents if not all(t.is_space for t in s)]
        self._paragraph_starts = [s for s, _ in self.paragraphs]
        self._token_starts = [t.idx for t in doc]
        self._spoken: list[Quote] = []  # quotes with a speaker, by end offset: who spoke last
        self._spoken_ends: list[int] = []
        self._people_by_surname: dict[str, Mention] | None = None  # for transcript labels, built when first needed

    def inside_quote(self, offset: int) -> bool:
        i = bisect_right(self._marked_starts, offset) - 1
        return i >= 0 and offset < self.marked[i].end

    def marks_overlapping(self, start: int, end: int) -> list[Marked]:
        """The quoted spans that overlap [start, end) (they are sorted and do not overlap)."""
        first = bisect_right(self._marked_ends, start)
        last = bisect_right(self._marked_starts, end - 1)
        return [m for m in self.marked[first:last] if m.start < end and start < m.end]

    def extract(self) -> list[Quote]:
        finder = self._finder = CueFinder(self.doc, self.cast, self.inside_quote, self.marked, self.text)
        cues = finder.find()
        quotes: list[Quote] = []
        for cue in cues:
            quotes.extend(self._quote_for_cue(cue))
        for q in quotes:
            self._note_spoken(q)
        for m in self.marked:
            if m.quote is not None:
                self._note_spoken(m.quote)
        for m in self.marked:
            if m.quote is None and not m.absorbed:
                self._attribute_alone(m)
        self._fill_forward()
        self._join_split_sentences()
        self._join_open_paragraphs()
        taken = {id(q) for q in quotes}
        quotes.extend(m.quote for m in self.marked if m.quote is not None and id(m.quote) not in taken)
        quotes.extend(self._headline_quotes(quotes))
        quotes.extend(self._interview_answers(quotes))
        quotes = _merge_same_sentence(quotes)
        quotes.sort(key=lambda q: q.start)
        self._pronoun_continues_role(quotes)
        self._link_continuations(quotes)
        return quotes

    def _link_continuations(self, quotes: list[Quote]) -> None:
        """'"A," she said. "B."': B continues A's statement when nothing but A's attribution
        stands between them (news gold counts two quotes, PolNeAR one attribution)."""
        for before, q in zip(quotes, quotes[1:]):
            if q.kind != "direct" or before.kind == "indirect" or q.cue_start is not None or before.cue_start is None:
                continue
            if q.speaker is None or before.speaker is None or q.start < before.end:
                continue
            if q.speaker is not before.speaker and (q.speaker.name or q.speaker.mention) != \
                    (before.speaker.name or before.speaker.mention):
                continue
            gap = self.text[before.end:q.start]
            attribution = gap.strip(" \"“”«»‘’'")
            if "\n" in gap or not before.end <= before.cue_start < q.start or not attribution.endswith((".", "!", "?")) \
                    or n_words(attribution) > MAX_ATTRIBUTION_WORDS:
                continue
            # one sentence of attribution: no sentence of narrative starts after the cue
            first_after_cue = bisect_right(self._sent_starts, before.cue_start)
            if first_after_cue < len(self._sent_starts) and self._sent_starts[first_after_cue] < q.start - 1:
                continue
            q.continues = before.continues if before.continues is not None else before.start

    def _pronoun_continues_role(self, quotes: list[Quote]) -> None:
        """'A Foreign Office spokesman said: "..." / He continued: "..."': with nothing
        between, 'he' is the unnamed spokesman who just spoke, not a person named earlier."""
        for before, q in zip(quotes, quotes[1:]):
            sp, last = q.speaker, before.speaker
            if sp is None or last is None or q.cue_start is None:
                continue
            lead = self.text[max(0, q.cue_start - 5):q.cue_start].split()
            pronoun = lead[-1].lower() if lead else ""
            if pronoun not in ("he", "she") or sp.actor is not None and sp.actor == last.actor:
                continue
            if last.actor is not None and last.actor.kind == "person" or not last.mention.split():
                continue
            head = last.mention.split()[-1].lower()
            title = self.cast.d.title_of(last.mention)
            if head not in self.cast.d.title_heads or head.endswith("s") and not head.endswith("ss"):
                continue
            if title is not None and title.gender and title.gender != {"he": "m", "she": "f"}[pronoun]:
                continue
            sentence_start = self._sent_starts[self._sentence_index(q.cue_start)]
            gap = self.text[before.end:min(sentence_start, q.start)]
            if gap.strip(" \n\t\"“”«»‘’'.,") == "" and before.end <= q.cue_start:
                q.speaker = last

    def _note_spoken(self, q: Quote) -> None:
        if q.speaker is not None:
            i = bisect_right(self._spoken_ends, q.end)
            self._spoken_ends.insert(i, q.end)
            self._spoken.insert(i, q)

    def _last_spoken(self, before: int) -> Quote | None:
        """The quote with a speaker that ends last at or before ``before`` (the first of a tie)."""
        i = bisect_right(self._spoken_ends, before) - 1
        if i < 0:
            return None
        i = bisect_right(self._spoken_ends, self._spoken_ends[i] - 1)  # the first of equal ends
        return self._spoken[i]

    def _quote_for_cue(self, cue: Cue) -> list[Quote]:
        inside = self.marks_overlapping(cue.start, cue.end)
        if inside:
            outside_words = self._words_outside(cue.start, cue.end, inside)
            cue_inside = any(a.end <= cue.token.idx < b.start for a, b in zip(inside, inside[1:]))
            if outside_words <= 2 and len(inside) > 1 and not cue_inside:  # '"A," while "B."' as one clause
                first, *rest = sorted(inside, key=lambda m: m.start)
                if first.quote is None:
                    for m in rest:
                        m.absorbed = True
                    first.quote = self._make(first.start, rest[-1].end, "direct", cue)
                return []
            if outside_words <= 2 and not self._verb_outside(cue.start, cue.end, inside):
                # the reported clause is the quoted text itself ('said that "..."'), not
                # 'said Rome needed "..."' with a clause of the writer's around it
                for m in inside:
                    if m.quote is None or _distance(cue, m) < _distance_q(m.quote, m):
                        m.quote = self._make(m.start, m.end, "direct", cue)
                return []
            start, end = min(cue.start, *(m.start for m in inside)), max(cue.end, *(m.end for m in inside))
            # '... said that "A," while "B."': a fragment joined to the clause by a word or two
            for m in self.marked[bisect_right(self._marked_starts, end - 1):]:
                if m in inside or m.quote is not None:
                    continue
                gap = self.text[end:m.start]
                if "\n" in gap or ":" in gap or len(gap) > 60 or n_words(gap) > 3 or \
                        self._sentence_index(m.start) != self._sentence_index(end):
                    break
                inside.append(m)
                end = m.end
            for m in inside:
                m.absorbed = True
            return [self._make(start, end, "mixed", cue)]
        quote = self._make(cue.start, cue.end, "indirect", cue)
        if cue.pieces:  # the attribution set off inside the clause is no part of what was said
            quote.text = " … ".join(_trim_marks(self.text[a:b]) for a, b in cue.pieces)
        return [quote]

    def _words_outside(self, start: int, end: int, inside: list[Marked]) -> int:
        chars = list(self.text[start:end])
        for m in inside:
            for i in range(max(m.start, start), min(m.end, end)):
                chars[i - start] = " "
        return n_words("".join(chars))

    def _verb_outside(self, start: int, end: int, inside: list[Marked]) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.pos_ in ("VERB", "AUX") and not any(m.start <= t.idx < m.end for m in inside)
                                        for t in span)

    def _make(self, start: int, end: int, kind: str, cue: Cue | None, speaker: Speaker | None = None) -> Quote:
        text = _trim_marks(self.text[start:end])
        return Quote(
            text=text, kind=kind, start=start, end=end,
            cue=cue.token.text if cue else None,
            cue_start=cue.token.idx if cue else None,
            cue_end=cue.token.idx + len(cue.token) if cue else None,
            speaker=cue.speaker if cue else speaker,
            sentence=self._sentence_index(start),
            paragraph=self._paragraph_index(start),
        )

    def _sentence_index(self, offset: int) -> int:
        return max(0, bisect_right(self._sent_starts, offset) - 1)

    def _paragraph_index(self, offset: int) -> int:
        i = bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and offset <= self.paragraphs[i][1]:
            return i
        return 0

    def _attribute_alone(self, m: Marked) -> None:
        """A quoted span no cue claimed: its sentence's subject, or the speaker just before."""
        content = self.text[m.start:m.end]
        if _is_title(content, self.text[max(0, m.start - 40):m.start - 1]) or _is_nickname(self.text, m.start, m.end):
            return
        label = TRANSCRIPT_LABEL.match(self.text, m.start, m.end) if m.opens_paragraph else None
        if label is not None and label.group(1).lower() not in speech_vocab()["headline_labels"]:
            # '"PENCE: Well, look, ...': a transcript line, spoken by the person its label names
            start, end = label.span(1)
            m.quote = self._make(label.end(), m.end, "direct", None, self._label_speaker(label.group(1), start, end))
            self._note_spoken(m.quote)
            return
        inside_sentence = self._opens_inside_sentence(m)
        if n_words(content) < MIN_STATEMENT_WORDS:
            # a short sentence that continues a quote: '"Our position is clear," he added. "X is Y."'
            speaker = self._continuing_speaker(m) if content.rstrip().endswith((".", "!", "?")) \
                and not inside_sentence else None
            if speaker is not None and n_words(content) >= 2:
                m.quote = self._make(m.start, m.end, "direct", None, speaker)
                self._note_spoken(m.quote)
                return
            self._attribute_to_governing_cue(m)
            return
        if inside_sentence and self._attribute_to_governing_cue(m):
            return  # 'criticized the levy as a "tax on every commuter"'
        speaker = self._signature_speaker(m) or self._subject_speaker(m) or self._colon_speaker(m) or \
            self._continuing_speaker(m)
        if speaker is None:
            if n_words(content) < 6 or not m.opens_paragraph:
                return
        m.quote = self._make(m.start, m.end, "direct", None, speaker)
        self._note_spoken(m.quote)

    def _label_speaker(self, label: str, start: int, end: int) -> Speaker:
        """'PENCE' on a transcript line: the person of that surname the article names."""
        x = self._person_of_surname(label.split()[-1].title())
        if x is None:
            return Speaker(label, start, end, None, label.title())
        if x.actor is not None:
            return speaker_for(self.cast, x.actor, label, start, end)
        return Speaker(label, start, end, None, self.cast.person_name(x.text))

    def _person_of_surname(self, surname: str) -> Mention | None:
        """The first mention of a person whose name ends in ``surname`` (one index per article,
        so a long transcript does not scan every mention for each of its lines)."""
        if self._people_by_surname is None:
            self._people_by_surname = {}
            for x in self.cast.mentions:
                last = x.text.replace("’s", "").split()[-1:]
                if last and (x.label == "PERSON" or (x.actor is not None and x.actor.kind == "person")):
                    self._people_by_surname.setdefault(last[0], x)
        return self._people_by_surname.get(surname)

    def _attribute_to_governing_cue(self, m: Marked) -> bool:
        """'vowed a "strong" response', 'called the plan "reckless"': the quoted words are part
        of what the verb above them reports, and the quote is the verb's whole complement."""
        cue = self._finder.governing_cue(m.start, m.end)
        if cue is None:
            return False
        lead = self.text[cue.token.idx + len(cue.token):m.start].rstrip(" \"“«‘'")
        if cue.token.idx < m.start and lead.endswith(":") and not _ends_sentence(lead[:-1]):
            # 'A, Kell said: "B."': what the colon opens is a statement of its own
            m.quote = self._make(m.start, m.end, "direct", cue)
            self._note_spoken(m.quote)
            return True
        start = min(cue.start, m.start)
        end = max(cue.end, m.end)
        if end == m.end and start < m.start and m.closed and self.text[m.end:m.end + 1] in CLOSE_MARKS:
            end += 1  # 'called the plan "reckless"' keeps both marks
        m.quote = self._make(start, end, "mixed", cue)
        self._note_spoken(m.quote)
        return True

    def _opens_inside_sentence(self, m: Marked) -> bool:
        """Words of the quote's own sentence stand before its opening mark."""
        sentence_start = self._sent_starts[self._sentence_index(m.start)] if self._sent_starts else 0
        return n_words(self.text[sentence_start:m.start].strip(" \"“”«»‘’'\n")) > 0

    def _signature_speaker(self, m: Marked) -> Speaker | None:
        """'"..." ― Carla Sanchez': a name signed after a dash, ending the line, is the speaker."""
        sig = SIGNATURE.match(self.text, m.end)
        if sig is None:
            return None
        start, end = sig.span(1)
        people = [x for x in self.cast.mentions_between(start, end)
                  if x.label == "PERSON" or (x.actor is not None and x.actor.kind == "person")]
        if people:
            x = people[0]
            if x.actor is not None:
                return speaker_for(self.cast, x.actor, x.text, x.start, x.end)
            return person_speaker(self.cast, x.text, x.start, x.end)
        words_ = sig.group(1).split()
        if 2 <= len(words_) <= 4 and all(w[:1].isupper() for w in words_):  # a name the NER did not type
            return person_speaker(self.cast, sig.group(1), start, end)
        return None

    def _colon_speaker(self, m: Marked) -> Speaker | None:
        """'A short one from Aliyev as he enters the hall: "..."': the one person the lead-in names."""
        lead_end = m.start - 1
        while lead_end > 0 and self.text[lead_end - 1] in " \n\"“«‘'":
            lead_end -= 1
        if lead_end <= 0 or self.text[lead_end - 1] != ":":
            return None
        subject = self._finder.lead_in_speaker(lead_end - 1)
        if subject is not None:
            return subject
        sentence_start = self._sent_starts[self._sentence_index(lead_end - 1)]
        people = [x for x in self.cast.mentions_between(sentence_start, lead_end)
                  if x.label == "PERSON" or (x.actor is not None and x.actor.kind == "person")]
        if len({(x.actor.id if x.actor else x.text) for x in people}) != 1:
            return None
        x = people[-1]
        if x.actor is not None:
            return speaker_for(self.cast, x.actor, x.text, x.start, x.end)
        return person_speaker(self.cast, x.text, x.start, x.end)

    def _subject_speaker(self, m: Marked) -> Speaker | None:
        """'The minister was "sincerely satisfied with ..."': the sentence's subject speaks."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return None
        sent = span[0].sent
        if sent.start_char >= m.start - 1 and sent.end_char <= m.end + 2:
            return None  # the quote is its own sentence: nobody is its subject
        root = sent.root
        if self.inside_quote(root.idx):
            return None
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or self.inside_quote(subj.idx):
            return None
        party = self.cast.resolve_token(subj)
        if party is None or party.actor.kind not in ("person", "body", "igo"):
            return None
        phrase = noun_phrase(subj)
        return speaker_for(self.cast, party.actor, phrase.text if subj.pos_ != "PRON" else subj.text,
                           phrase.start_char, phrase.end_char)

    def _continuing_speaker(self, m: Marked) -> Speaker | None:
        """The speaker of the quote just before, unless narrative comes between them."""
        last = self._last_spoken(m.start)
        if last is None:
            return None
        if self._paragraph_index(m.start) - self._paragraph_index(last.end) > 1:
            return None
        # the attribution that closes the previous quote's sentence is not an interruption
        # ('"A," Hege said. "B."' may be parsed with 'Hege said.' as a sentence of its own)
        closing_cue = last.cue_end if last.cue_end is not None and last.end <= last.cue_start < m.start else None
        sentence_end = self._sentence_end(closing_cue or last.end)
        gap = self.text[max(last.end, min(sentence_end, m.start)):m.start]
        paragraphs_between = self.text[last.end:m.start].count("\n\n")
        if paragraphs_between > 1 or (paragraphs_between == 1 and not m.opens_paragraph):
            return None
        if n_words(gap.strip(" \"“”«»‘’,.\n")) > 0:
            return None
        return last.speaker

    def _sentence_end(self, offset: int) -> int:
        """End of the sentence holding the character before ``offset`` (a space or a mark
        between tokens included: it belongs to the sentence of the token before it)."""
        if offset <= 0 or not len(self.doc):
            return offset
        i = max(0, bisect_right(self._token_starts, offset - 1) - 1)
        return self.doc[i].sent.end_char

    def _fill_forward(self) -> None:
        """A paragraph left open by its quote mark ('"A.' then '"B," she said.') takes the
        speaker of the quote that continues it."""
        ordered = sorted(self.marked, key=lambda m: m.start)
        for m, nxt in zip(reversed(ordered[:-1]), reversed(ordered[1:])):
            if m.closed or m.quote is None or m.quote.speaker is not None or not nxt.opens_paragraph:
                continue
            if nxt.paragraph == m.paragraph + 1 and nxt.quote is not None and nxt.quote.speaker is not None:
                m.quote.speaker = nxt.quote.speaker

    def _join_split_sentences(self) -> None:
        """'"A," he said, "and B."': one quoted sentence the attribution cuts in two is one
        statement (a new sentence after 'he said.' stays a quote of its own)."""
        ordered = sorted(self.marked, key=lambda m: m.start)
        for first, second in zip(ordered, ordered[1:]):
            cued = [q for q in (first.quote, second.quote)
                    if q is not None and q.cue_start is not None and first.end <= q.cue_start < second.start]
            if not cued or first.absorbed or second.absorbed or first.paragraph != second.paragraph:
                continue
            other = second.quote if cued[0] is first.quote else first.quote
            if other is not None and other.cue_start is not None and other.cue_start != cued[0].cue_start:
                continue
            gap = self.text[first.end:second.start].strip(" \"“”«»‘’'")
            head = self.text[first.start:first.end].rstrip()
            tail = self.text[second.start:second.end].strip()
            # '"A," he said, "b"' and '"A," he said, but "b"': one attribution inside one sentence
            joined_by = gap.rsplit(None, 1)[-1].lower() if gap.split() else ""
            if not (gap.endswith(",") or joined_by in ("and", "but") and "," in gap) \
                    or _ends_sentence(gap) or not head.endswith(","):
                continue
            if not tail or not (tail[0].islower() or tail.startswith("I ")):
                continue
            q = cued[0]
            q.text = f"{self._make(first.start, first.end, 'direct', None).text.rstrip(',')} … " \
                     f"{self._make(second.start, second.end, 'direct', None).text}"
            q.start, q.end = first.start, second.end
            q.sentence, q.paragraph = self._sentence_index(first.start), self._paragraph_index(first.start)
            first.quote, second.quote, second.absorbed = q, None, True

    def _join_open_paragraphs(self) -> None:
        """'"A.' then '"B," she said.': a quote left open at the end of its paragraph and taken up
        by a mark opening the next one is one quote running over both paragraphs."""
        head: Marked | None = None
        for m in sorted((m for m in self.marked if not m.absorbed), key=lambda m: m.start):
            if head is None or not self._takes_up(head, m):
                head = m
                continue
            a, b = head.quote, m.quote
            cued = b if b.cue_start is not None else a
            joined = self._make(a.start, b.end, "direct", None, cued.speaker)  # its text as the page has it
            joined.cue, joined.cue_start, joined.cue_end = cued.cue, cued.cue_start, cued.cue_end
            head.quote, head.closed, head.end = joined, m.closed, m.end
            m.quote, m.absorbed = None, True

    def _takes_up(self, first: Marked, second: Marked) -> bool:
        """The quoted span ``second`` goes on with ``first``: ``first`` is left open at its paragraph's
        end, ``second`` opens the next paragraph, both are direct quotes of one speaker."""
        a, b = first.quote, second.quote
        if first.closed or a is None or b is None or not second.opens_paragraph or a.kind != "direct" \
                or b.kind != "direct" or self._paragraph_index(second.start) != self._paragraph_index(first.start) + 1:
            return False
        if a.speaker is None or b.speaker is None:
            return False
        return (a.speaker.name or a.speaker.mention) == (b.speaker.name or b.speaker.mention)

    def _interview_answers(self, quotes: list[Quote]) -> list[Quote]:
        """An interview set out as questions and answers: every answer paragraph is a statement
        of the person interviewed (the person the introduction names most)."""
        paragraphs = [(i, s, e, self.text[s:e]) for i, (s, e) in enumerate(self.paragraphs)]
        questions = [i for i, _, _, text in paragraphs if QUESTION.match(text)]
        if len(questions) < 2:
            return []
        speaker = self._interviewee(self.paragraphs[questions[0]][0])
        out: list[Quote] = []
        answering = False
        for i, s, e, text in paragraphs:
            if QUESTION.match(text):
                answering = True
                continue
            if not answering or any(q.start < e and s < q.end for q in quotes):
                continue
            prefix = ANSWER.match(text)
            start = s + (prefix.end() if prefix else 0)
            if n_words(self.text[start:e]) >= 1:
                out.append(self._make(start, e, "direct", None, speaker))
        return out

    def _interviewee(self, before: int) -> Speaker | None:
        counts: dict[str, int] = {}
        latest = {}
        for m in self.cast.mentions:
            if m.start < before and m.label == "PERSON":
                key = m.actor.id if m.actor else m.text.split()[-1]
                counts[key] = counts.get(key, 0) + 1
                latest[key] = m
        if not counts:
            return None
        m = latest[max(counts, key=lambda k: (counts[k], latest[k].start))]
        if m.actor is not None:
            return speaker_for(self.cast, m.actor, m.text, m.start, m.end)
        return person_speaker(self.cast, m.text, m.start, m.end)

    def _headline_quotes(self, quotes: list[Quote]) -> list[Quote]:
        """'Zakharova: Russia will not ...' as a paragraph of its own."""
        out = []
        for p_index, (s, e) in enumerate(self.paragraphs):
            para = self.text[s:e]
            mt = re.match(r"^([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}):\s+(\S.*)$", para)
            if not mt or any(q.start >= s and q.end <= e for q in quotes):
                continue
            label, label_end = mt.group(1), s + len(mt.group(1))
            body_start = s + mt.start(2)
            kind = "direct" if para[mt.start(2)] in OPEN_MARKS else "indirect"
            actor = self.cast.actor_at(s, label_end)
            if actor is None:
                speaker = self._headline_label_speaker(label, s, label_end, mt.group(2))
                if speaker is None:
                    continue
            elif actor.kind == "country" and kind == "indirect":
                continue  # 'Philippines: coast guard used water cannon': a place the story is about
            else:
                speaker = speaker_for(self.cast, actor, label, s, label_end)
            q = self._make(body_start, e, kind, None, speaker)
            out.append(q)
        return out

    def _headline_label_speaker(self, label: str, start: int, end: int, body: str) -> Speaker | None:
        """'Mara Quillon: Tariffs Are 'Reckless'': a headline that quotes someone its label names
        (a person the dictionary does not know); 'Poll: ...', 'The Latest: ...' name no one."""
        if not any(c in body for c in "\"“”«»‘’") or label.lower() in speech_vocab()["headline_labels"]:
            return None
        people = [x for x in self.cast.mentions_between(start, end) if x.label == "PERSON"]
        if people and people[-1].end == end:
            x = people[-1]
            return person_speaker(self.cast, x.text, x.start, end)
        words_ = label.split()
        if self.cast.mentions_between(start, end) or len(words_) > 1 and not all(w[:1].isupper() for w in words_):
            return None  # an organisation or a place the NER names, or not a name at all
        return person_speaker(self.cast, label, start, end)


def _distance(cue: Cue, m: Marked) -> int:
    at = cue.token.idx
    return m.start - at if at < m.start else max(0, at - m.end)


def _distance_q(q: Quote, m: Marked) -> int:
    if q.cue_start is None:
        return 10**9
    return m.start - q.cue_start if q.cue_start < m.start else max(0, q.cue_start - m.end)


# '"A," said X, a lawyer for the club, who has challenged the mines over water for years. "B."'
MAX_ATTRIBUTION_WORDS = 40



# a signature after a quote: a dash, then a name of up to six words ending the line
SIGNATURE = re.compile(r"[”\"’']?[ \t]*[―—–][ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,5})[ \t.]*(?=\n|$)")
# a transcript line's speaker label: 'PENCE: ...', 'JAKE TAPPER: ...'
TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):[ \t]+(?=\S)")
QUESTION = re.compile(r"^(?:Q|Question)\s*[:.\-–—]\s*")
ANSWER = re.compile(r"^(?:A|Answer)\s*[:.\-–—]\s*")


def _ends_sentence(text: str) -> bool:
    """A sentence ends inside ``text`` (a full stop after a title or an initial does not end one)."""
    if any(c in text for c in "!?;:\n"):
        return True
    abbreviations = speech_vocab()["abbreviations"]
    return any(w.endswith(".") and w.rstrip(".").lower() not in abbreviations and len(w.rstrip(".")) > 1
               for w in text.split())


def _is_title(text: str, before: str = "") -> bool:
    """A quoted name ("The Closed Gate: A Century on the Border", a treaty, an operation)."""
    tokens = [t for t in words(text) if t.lower() not in SMALL_WORDS]
    small = len(words(text)) - len(tokens)  # 'on "Face the Nation,"': a name with a small word inside
    if text.rstrip().endswith((".", ",")) and (3 if not small else 2) <= len(tokens) <= 8 \
            and all(t[0].isupper() for t in tokens):
        return True  # 'a column headlined "Coal Is Not the Villain."': the period of American style
    if text.rstrip().endswith((".", "!", "?", ",")):
        return False
    lead = words(before.lower())
    if lead and lead[-1] in TITLE_CUES and (lead[-1] in NAMING_CUES or text.lstrip(DOUBLE_MARKS)[:1].isupper()
                                            or text.lstrip(DOUBLE_MARKS)[:1].isdigit()):
        return True  # 'the bill "a gift to lobbyists"' is what someone called the bill, not its name
    tokens = [t for t in words(text) if t.lower() not in SMALL_WORDS]
    caps = sum(1 for t in tokens if t[0].isupper())
    return 0 < len(tokens) <= 14 and caps >= max(2, len(tokens) * 0.75)


def _is_nickname(text: str, start: int, end: int) -> bool:
    """'Del. Marcia "Cia" Price': one or two capitalised words in quotation marks between the
    parts of a name."""
    inner = words(text[start:end])
    before = text[max(0, start - 30):start].rstrip(" " + DOUBLE_MARKS).split()
    after = text[end:end + 30].lstrip(" " + DOUBLE_MARKS).split()
    return 0 < len(inner) <= 2 and all(w[:1].isupper() for w in inner) and bool(before) and bool(after) \
        and before[-1][:1].isupper() and before[-1][-1:].isalpha() and after[0][:1].isupper()


DOUBLE_MARKS = "\"“”«»"
SMALL_WORDS = WORDS["small_words"]
NAMING_CUES = WORDS["naming_cues"]


def _trim_marks(text: str) -> str:
    """The text without the marks around it; a mark that closes one opened inside the text
    ('the plan "reckless"') stays."""
    text = text.strip()
    inner = text.strip(DOUBLE_MARKS + "‘’").strip()
    opened_inside = sum(inner.count(c) for c in DOUBLE_MARKS) % 2 == 1
    if inner and opened_inside and text[-1] in DOUBLE_MARKS and text[0] not in DOUBLE_MARKS:
        return inner + text[-1]
    return inner


def _merge_same_sentence(quotes: list[Quote]) -> list[Quote]:
    """Two reported clauses of one speaker under one verb in one sentence are one statement
    ('called X "A" and "B"'); under two verbs ('condemned A and vowed B') they are two."""
    out: list[Quote] = []
    for q in sorted(quotes, key=lambda q: q.start):
        prev = out[-1] if out else None
        same_cue = prev is not None and prev.cue_start is not None and prev.cue_start == q.cue_start
        if (prev is not None and prev.kind != "direct" and q.kind != "direct" and prev.sentence == q.sentence
                and (same_cue or prev.cue_start is None or q.cue_start is None)
                and prev.speaker and q.speaker and (same_cue or prev.speaker.actor and q.speaker.actor
                                                    and prev.speaker.actor.id == q.speaker.actor.id)):
            # each fragment of 'called X "A," "B"' may have found the verb's whole complement
            if q.start == prev.start and q.end >= prev.end:
                prev.text, prev.end = q.text, q.end
            elif q.end > prev.end:
                prev.text = f"{prev.text} … {q.text}"
                prev.end = max(prev.end, q.end)
            if q.kind == "mixed":
                prev.kind = "mixed"
            continue
        if prev is not None and q.start < prev.end and q.end <= prev.end:
            continue  # a clause inside one already taken
        out.append(q)
    return out


def extract_quotes(doc: Doc, article: Article, cast: Cast) -> list[Quote]:
    return QuoteExtractor(doc, article, cast).extract()
