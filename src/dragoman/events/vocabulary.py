"""The event coder's vocabulary: CAMEO codes (``data/cameo.tsv``), trigger patterns
(``data/plover_patterns.yaml``) and closed word lists (``data/event_words.yaml``), compiled
once per process and indexed by lemma. A user's pattern file adds patterns and words."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..vocab import load_data, load_user_file

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    type: str
    mode: str | None
    quad_class: str
    goldstein: float
    label: str


@dataclass(frozen=True, slots=True)
class Pattern:
    lemmas: tuple[str, ...]
    pos: str
    cameo: str
    targets: tuple[str, ...]
    preps: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    object_kind: str | None = None
    mutual: bool = False
    negated: str | None = None
    light: frozenset[str] = frozenset()
    compound: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    own: bool = False
    in_prep: bool = False
    domestic: bool = False
    source_kind: str | None = None
    defer: bool = False
    subject: frozenset[str] = frozenset()
    partner: bool = False
    passive_source: bool = False
    requires_clause: bool = False
    to_clause: bool = False
    strict: bool = False
    future: bool = False
    state_source: bool = False
    speaker_source: bool = False
    prep_on_object: bool = False
    complement: frozenset[str] = frozenset()
    deadline: bool = False
    prep_objects: frozenset[str] = frozenset()
    clause_verbs: frozenset[str] = frozenset()
    no_consequence: bool = False

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects or self.compound or self.modifiers or self.subject or self.requires_clause
                        or self.complement or self.to_clause or self.prep_objects or self.clause_verbs) \
            + bool(self.preps or self.state_source or self.deadline)


@dataclass(slots=True)
class Match:
    """A trigger word and the pattern it fits; `verb` is the clause verb that carries it
    (the trigger itself, or the light verb of a noun)."""

    token: Token
    pattern: Pattern
    verb: Token | None


@dataclass(frozen=True, slots=True)
class RelativeDate:
    """A phrase dated from the article's date ("last week"): ``offset`` units of ``unit``."""

    phrase: str
    unit: str
    offset: int
    word: bool


@dataclass(frozen=True, slots=True)
class Words:
    """The coder's closed word lists (``data/event_words.yaml``); see that file for each."""

    first_person: frozenset[str]
    relative_pronouns: frozenset[str]
    third_person_nonhuman: frozenset[str]
    conditional_marks: frozenset[str]
    condition_marks: frozenset[str]
    negators: frozenset[str]
    carrier_nouns: frozenset[str]
    document_nouns: frozenset[str]
    deep_preps: frozenset[str]
    location_preps: frozenset[str]
    measure_nouns: frozenset[str]
    official_nouns: frozenset[str]
    instrument_nouns: frozenset[str]
    unnamed_armed_nouns: frozenset[str]
    people_sectors: dict[str, str]
    place_nouns: frozenset[str]
    border_nouns: frozenset[str]
    joint_modifiers: frozenset[str]
    state_sectors: frozenset[str]
    derived_names: dict[str, str]
    home_population_codes: frozenset[str]
    people_types: frozenset[str]
    people_preps: frozenset[str]
    deadline_words: frozenset[str]
    foreign_people_types: frozenset[str]
    population_types: frozenset[str]
    symmetric_types: frozenset[str]
    mutual_types: frozenset[str]
    verbal_types: frozenset[str]
    one_state_types: frozenset[str]
    separate_power_sectors: frozenset[str]
    checking_sectors: frozenset[str]
    home_demand_types: frozenset[str]
    acting_sectors: dict
    factive_governors: frozenset[str]
    asserted_types: frozenset[str]
    asserted_codes: frozenset[str]
    accused_only_codes: frozenset[str]
    assertion_code: str
    sector_heads: dict[str, str]
    joint_nouns: frozenset[str]
    joint_determiners: frozenset[str]
    joint_counts: dict[str, int]
    joint_country_nouns: frozenset[str]
    other_side_window: int
    other_side_sentences: int
    other_side_types: frozenset[str]
    implicit_target_types: frozenset[str]
    home_yield_types: frozenset[str]
    home_intent_governors: frozenset[str]
    population_sectors: frozenset[str]
    purpose_types: frozenset[str]
    protest_preps: frozenset[str]
    purpose_infinitives: frozenset[str]
    envoy_nouns: frozenset[str]
    reciprocal_words: frozenset[str]
    reciprocal_determiners: frozenset[str]
    demand_modals: frozenset[str]
    weapon_preps: frozenset[str]
    companion_preps: frozenset[str]
    reason_preps: frozenset[str]
    doer_preps: frozenset[str]
    purpose_preps: frozenset[str]
    clause_object_preps: frozenset[str]
    group_home_preps: frozenset[str]
    subject_place_preps: frozenset[str]
    resident_place_preps: frozenset[str]
    organ_place_preps: frozenset[str]
    tie_preps: frozenset[str]
    speaker_followups: frozenset[str]
    consequence_verbs: frozenset[str]
    attack_types: frozenset[str]
    sequence_preps: frozenset[str]
    denial_types: frozenset[str]
    weekdays: dict[str, int]
    months: dict[str, int]
    number_words: dict[str, int]
    date_units: dict[str, str]
    unit_days: dict[str, int]
    time_preps: frozenset[str]
    duration_preps: frozenset[str]
    relative_dates: tuple[RelativeDate, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The patterns indexed by (part of speech, lemma), and the closed word lists."""

    by_lemma: dict[tuple[str, str], tuple[Pattern, ...]]
    lemmas: frozenset[str]
    codes: dict[str, CameoCode]
    intent: frozenset[str]
    wish: frozenset[str]
    aspect: frozenset[str]
    fail: frozenset[str]
    preparation: frozenset[str]
    preparation_codes: dict[str, str]
    statement_verbs: frozenset[str]
    future: frozenset[str]
    possible: frozenset[str]
    ability: frozenset[str]  # possibility modals that, negated, refuse ("cannot accept")
    obligation: frozenset[str]
    unreal: frozenset[str]
    intent_codes: dict[str, str | None]
    negated_codes: dict[str, str]
    words: Words


DATA = resources.files("dragoman") / "data"
# A pattern's `negated: none`: negated, the act is no event at all (not the type's denial).
NO_DENIAL = "none"


def load_cameo(path: Path | None = None) -> dict[str, CameoCode]:
    """CAMEO codes with their PLOVER type, mode, quad class and Goldstein value."""
    source = path or DATA / "cameo.tsv"
    with source.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {
            row["code"]: CameoCode(row["code"], row["plover_type"], row["mode"] or None,
                                   row["quad_class"], float(row["goldstein"]), row["label"])
            for row in rows
        }


@lru_cache(maxsize=4)
def load_lexicon(extra: Path | None = None) -> Lexicon:
    """Our patterns, plus a user's file of the same format; compiled once per process."""
    data = load_data("plover_patterns.yaml")
    patterns = [_pattern(item) for item in data["patterns"]]
    user_words: dict = {}
    users: set[int] = set()  # a user's patterns come before ours for the same word
    if extra is not None:
        user = load_user_file(extra) or {}
        user_words = user.get("words") or {}
        mine = [_pattern(item) for item in user.get("patterns", [])]
        users = {id(p) for p in mine}
        patterns = mine + patterns
    codes = load_cameo()
    for pattern in patterns:
        for code in (pattern.cameo, pattern.negated):
            if code and code != NO_DENIAL and code not in codes:
                raise ValueError(f"[D501] pattern {pattern.lemmas} uses CAMEO code {code} "
                                 "that cameo.tsv does not define. Add the code to cameo.tsv.")
    index: dict[tuple[str, str], list[Pattern]] = {}
    for pattern in patterns:
        for lemma in pattern.lemmas:
            index.setdefault((pattern.pos, lemma), []).append(pattern)
    governors, modals = data["governors"], data["modals"]
    return Lexicon(
        # a noun that is an act by itself ("Kestria's sanctions") only when no light verb carries it
        by_lemma={key: tuple(sorted(found, key=lambda p: (id(p) not in users, -p.specificity, p.own)))
                  for key, found in index.items()},
        lemmas=frozenset(lemma for _, lemma in index),
        codes=codes,
        intent=frozenset(governors["intent"]),
        wish=frozenset(governors["wish"]),
        aspect=frozenset(governors["aspect"]),
        fail=frozenset(governors["fail"]),
        preparation=frozenset(governors["preparation"]),
        preparation_codes=dict(data["preparation_codes"]),
        statement_verbs=frozenset(data["statement_verbs"]),
        future=frozenset(modals["future"]),
        possible=frozenset(modals["possible"]),
        ability=frozenset(modals["ability"]),
        obligation=frozenset(modals["obligation"]),
        unreal=frozenset(data["unreal_modifiers"]),
        intent_codes=dict(data["intent_codes"]),
        negated_codes=dict(data["negated_codes"]),
        words=load_words(user_words),
    )


def load_words(extra: dict | None = None) -> Words:
    """The bundled word lists, with a user's lists added (maps updated)."""
    data = dict(load_data("event_words.yaml"))  # a copy: the parsed file is shared
    for key, value in (extra or {}).items():
        if key not in data:
            raise ValueError(f"[D503] unknown word list '{key}' in the user's pattern file; "
                             f"known: {', '.join(sorted(data))}.")
        data[key] = {**data[key], **value} if isinstance(data[key], dict) else [*data[key], *value]
    fields = {}
    for key, value in data.items():
        if key == "acting_sectors":
            fields[key] = {"source": dict(value["source"]), "target": dict(value["target"]),
                           "keep_target": frozenset(value["keep_target"])}
        elif key == "relative_dates":
            fields[key] = tuple(RelativeDate(str(v["phrase"]).lower(), str(v["unit"]), int(v["offset"]),
                                             bool(v.get("word", False))) for v in value)
        elif isinstance(value, dict) and all(isinstance(v, int) for v in value.values()):
            fields[key] = {str(k).lower(): v for k, v in value.items()}
        elif isinstance(value, (str, int)):
            fields[key] = value
        elif isinstance(value, dict):
            fields[key] = {str(k).lower() if key != "derived_names" else str(k): str(v) for k, v in value.items()}
        elif key.endswith(("_types", "_sectors", "_codes")):
            fields[key] = frozenset(str(v) for v in value)
        else:
            fields[key] = frozenset(str(v).lower() for v in value)
    return Words(**fields)


def _pattern(item: dict) -> Pattern:
    def words(key: str) -> frozenset[str]:
        values = item.get(key, []) or []
        if any(isinstance(v, bool) for v in values):
            raise ValueError(f"[D502] pattern {item.get('lemma')}: YAML read a bare on/off/yes/no in "
                             f"'{key}' as true/false. Quote it: \"on\".")
        return frozenset(str(w).lower() for w in values)

    return Pattern(
        lemmas=tuple(str(w).lower() for w in item["lemma"]),
        pos=item.get("pos", "verb"),
        cameo=str(item["cameo"]),
        targets=tuple(item.get("target", ["dobj"])),
        preps=words("prep"),
        objects=words("object"),
        not_objects=words("not_object"),
        object_kind=item.get("object_kind"),
        mutual=bool(item.get("mutual", False)),
        negated=str(item["negated"]) if item.get("negated") else None,
        light=words("light"),
        compound=words("compound"),
        modifiers=words("requires_modifier"),
        own=bool(item.get("own", False)),
        in_prep=bool(item.get("in_prep", False)),
        domestic=bool(item.get("domestic", False)),
        source_kind=item.get("source_kind"),
        defer=bool(item.get("defer", False)),
        subject=words("subject"),
        partner=bool(item.get("partner", False)),
        passive_source=bool(item.get("passive_source", False)),
        requires_clause=bool(item.get("requires_clause", False)),
        to_clause=bool(item.get("to_clause", False)),
        strict=bool(item.get("strict", False)),
        future=bool(item.get("future", False)),
        state_source=bool(item.get("state_source", False)),
        speaker_source=bool(item.get("speaker_source", False)),
        prep_on_object=bool(item.get("prep_on_object", False)),
        complement=words("complement"),
        deadline=bool(item.get("deadline", False)),
        prep_objects=words("prep_object"),
        clause_verbs=words("clause_verb"),
        no_consequence=bool(item.get("no_consequence", False)),
    )
