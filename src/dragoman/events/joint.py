"""Joint actors named by a count: "both sides", "the two countries", "the three governments"
stand for the group of actors named last, outside the clause's own subject."""
from __future__ import annotations

from spacy.tokens import Token

from ..records import Actor, Party
from .syntax import derived_actor

# kinds of actor a joint noun can stand for (not people, not places)
JOINT_KINDS = frozenset({"country", "body", "group", "igo"})


class JointGroupMixin:
    """For `EventCoder`: resolves a counted joint noun to the actors it stands for."""

    def _joint_group(self, head: Token) -> list[Party]:
        if head.lemma_.lower() not in self.words.joint_nouns or head.tag_ not in ("NNS", "NNPS"):
            return []
        size = self._joint_size(head)
        if size is None:
            return []
        group = self._last_group(head, size)
        if head.lemma_.lower() in self.words.joint_country_nouns:  # "both countries": the states, not their troops
            group = [derived_actor(a.country, None, self.words) if a.country and a.kind != "igo" else a for a in group]
        return [Party(actor, head.text, head.idx, head.idx + len(head)) for actor in group]

    def _joint_size(self, head: Token) -> int | None:
        for child in head.children:
            if child.dep_ not in ("det", "nummod", "predet", "amod"):
                continue
            if child.lower_ in self.words.joint_determiners:
                return 2
            if child.lower_ in self.words.joint_counts:
                return self.words.joint_counts[child.lower_]
        return None

    def _last_group(self, head: Token, size: int) -> list[Actor]:
        """The last coordination of ``size`` actors named before ``head`` ("Britain, France and
        Germany ... the three governments"); for a pair, else the last two actors named
        ("the army ... the RSF ... both sides"). Actors of the clause's subject are not its
        objects ("Egypt and Qatar urged both sides")."""
        here = self._sent_of_token[head.i]
        subject = self._subject_range(head)
        nearby = [m for m in self.mentions_between(self._sents[max(0, here - 2)].start_char, head.idx)
                  if m.actor is not None and m.actor.kind in JOINT_KINDS
                  and not (subject[0] <= m.start < subject[1])]
        for mention in reversed(nearby):
            group = self._coordinated(mention)
            if len(group) == size:
                return group
        if size != 2:
            return []
        last: list[Actor] = []
        for mention in reversed(nearby):
            if all(a.code != mention.actor.code for a in last):
                last.insert(0, mention.actor)
            if len(last) == 2:
                return last
        return []

    def _coordinated(self, mention) -> list[Actor]:
        """The distinct actors named together from ``mention`` on ("X, Y and Z"; "Indian and
        Pakistani troops"), in the order named; [] when it stands alone."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return []
        try:
            found = list(self.cast.parties_of(span.root))
        except Exception:  # a faulty actor layer must not lose the article's other events
            return []
        group: list[Actor] = []
        for party in found:
            if party.actor.kind in JOINT_KINDS and all(a.code != party.actor.code for a in group):
                group.append(party.actor)
        return group if len(group) > 1 else []

    def _subject_range(self, head: Token) -> tuple[int, int]:
        """Character range of the subject of the verb ``head`` hangs under."""
        node = head
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
        return 0, 0
