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
        countries = head.lemma_.lower() in self.words.joint_country_nouns
        group = self._last_group(head, size, countries)
        if countries:  # "both countries": the states, not their troops
            group = [derived_actor(a.country, None, self.words) for a in group]
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

    def _last_group(self, head: Token, size: int, countries: bool = False) -> list[Actor]:
        """The last coordination of ``size`` actors named before ``head`` ("Britain, France and
        Germany ... the three governments"); for a pair, else the last two actors named
        ("the army ... the RSF ... both sides"). Actors of the clause's subject are not its
        objects ("Egypt and Qatar urged both sides")."""
        first = self._sent_of_token[head.i]
        before = 0
        while first > 0 and before < 2:  # this sentence and the two before it (blank lines aside)
            first -= 1
            before += any(t.is_alpha for t in self._sents[first])
        subject = self._subject_range(head)
        nearby = [m for m in self.mentions_between(self._sents[first].start_char, head.idx)
                  if m.actor is not None and m.actor.kind in JOINT_KINDS and (m.actor.country or not countries)
                  and not (subject[0] <= m.start < subject[1])]
        for mention in reversed(nearby):
            group = self._coordinated(mention)
            if len(group) == size and all(a.country or not countries for a in group):
                return group
        if size != 2:
            return []
        last: list[Actor] = []
        for mention in reversed(nearby):
            if all(self._two_sides(a, mention.actor) for a in last):
                last.insert(0, mention.actor)
            if len(last) == 2:
                return last
        last_pair = getattr(self.cast, "last_pair", None)  # the actor layer's last coordinated pair
        pair = last_pair(head.idx) if last_pair is not None else None
        own = {m.actor.code for m in self.mentions_between(*subject) if m.actor is not None}
        if not pair or any(a.code in own for a in pair):
            return []
        return [a for a in pair if a.country or not countries]

    def _two_sides(self, a: Actor, b: Actor) -> bool:
        """Whether two actors can be the two sides of a pair: not one actor, nor two organs of
        one state ("Armenian forces" and "Yerevan")."""
        states = self.words.state_sectors
        return a.code != b.code and not (a.country and a.country == b.country
                                         and (a.sector in states or a.kind == "country")
                                         and (b.sector in states or b.kind == "country"))

    def _coordinated(self, mention) -> list[Actor]:
        """The distinct actors named together from ``mention`` on ("X, Y and Z"; "Indian and
        Pakistani troops"), in the order named; [] when it stands alone."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return self._actors_named_together(span.root) if span is not None else []

    def _fellow_objects(self, mention) -> list[Actor]:
        """Every actor an act was done to together with ``mention`` ("sanctions on Russia and
        Belarus", "accused Washington and Seoul"); [] when it stands alone or the coordination
        is a subject ("Marovia and Kestria signed a truce": two sides, not fellows)."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return []
        first = span.root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if (first.i == span.root.i and not span.root.conjuncts) or first.dep_ not in ("dobj", "pobj"):
            return []
        return self._actors_named_together(first)

    def _actors_named_together(self, token: Token) -> list[Actor]:
        """The distinct actors (of a joint kind) the actor layer reads from ``token`` and the
        words coordinated with it, in the order named; [] for fewer than two."""
        try:
            found = list(self.cast.parties_of(token))
        except Exception:  # a faulty actor layer must not lose the article's other events
            return []
        group: list[Actor] = []
        for party in found:
            if party.actor.kind in JOINT_KINDS and all(a.code != party.actor.code for a in group):
                group.append(party.actor)
        return group if len(group) > 1 else []

    def _subject_range(self, head: Token) -> tuple[int, int]:
        """Character range of the subject of the clause ``head`` hangs under."""
        node = head
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        for _ in range(4):  # "France offered to host a summit between the two leaders": France's
            for child in node.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            if node.dep_ not in ("xcomp", "conj", "advcl") or node.head.i == node.i:
                break
            node = node.head
        return 0, 0
