"""alliedWith and cooperatesWith: joint campaigns, coalitions, partnerships and joint ventures."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from kg.extract.relations.context import Arg, Candidate, Context, pairs
from kg.extract.relations.syntax import arguments, children, prep_objects, subject_tokens, verbal
from kg.extract.relations.verbs import (
    ALLY_NOUNS,
    ALLY_OBJECTS,
    ALLY_VERBS,
    COOP_NOUNS,
    COOP_SUPPORT,
    COOP_VERBS,
    JOINT_ADVERBS,
)

COSIGNER_FACTOR = 0.75  # allies named next to a letter did not sign it in so many words


def _with_objects(verb: Token, noun: Token | None = None) -> list[Token]:
    """Partners after "with", attached to the verb or to its object noun."""
    found = prep_objects(verb, ("with",))
    if noun is not None:
        found += prep_objects(noun, ("with", "between"))
    return found


def _alliance_partners(verb: Token) -> tuple[str, str, list[Token]] | None:
    """(relation, rule, partner tokens) when ``verb`` states an alliance or a cooperation."""
    lemma = verb.lemma_.lower()
    if not verbal(verb):
        return None
    objects = children(verb, ("dobj",))
    for obj in objects:
        obj_lemma = obj.lemma_.lower()
        if lemma == "join" and obj.lower_ in ALLY_OBJECTS:
            return "alliedWith", "rule:ally-join-hands", _with_objects(verb, obj)
        if obj_lemma in ALLY_NOUNS and lemma in COOP_SUPPORT | {"build", "create", "join"}:
            return "alliedWith", "rule:ally-coalition", _with_objects(verb, obj)
        if obj_lemma in COOP_NOUNS and lemma in COOP_SUPPORT:
            return "cooperatesWith", "rule:cooperate-agreement", _with_objects(verb, obj)
    if lemma == "team" or lemma in ALLY_VERBS:
        return "alliedWith", "rule:ally-verb", _with_objects(verb)
    if lemma in COOP_VERBS:
        return "cooperatesWith", "rule:cooperate-verb", _with_objects(verb)
    return None


def _coordinated_subjects(ctx: Context, verb: Token) -> list[Arg]:
    found: list[Arg] = []
    for subject in subject_tokens(verb):
        found.extend(arguments(ctx, subject))
    return found


def _among(subjects: list[Arg], relation: str, confidence: float, rule: str) -> list[Candidate]:
    """Every pair among coordinated subjects, the earlier one as head: "X and Y jointly ..."."""
    ordered = sorted(subjects)
    found: list[Candidate] = []
    for i, (a, af) in enumerate(ordered):
        for b, bf in ordered[i + 1 :]:
            found.extend(pairs([(a, af)], [(b, bf)], relation, confidence, rule))
    return found


def find_alliances(ctx: Context, sent: Span) -> list[Candidate]:
    """alliedWith / cooperatesWith hits of one sentence."""
    found: list[Candidate] = []
    for token in sent:
        stated = _alliance_partners(token)
        if stated is not None:
            relation, rule, partners = stated
            subjects = _coordinated_subjects(ctx, token)
            tails = [arg for p in partners for arg in arguments(ctx, p)]
            found.extend(pairs(subjects, tails, relation, 0.85, rule))
            if not tails and len(subjects) > 1:  # "X and Y formed a joint venture"
                found.extend(_among(subjects, relation, 0.8, rule + "-jointly"))
        elif verbal(token) and children(token, ("advmod",), JOINT_ADVERBS):
            subjects = _coordinated_subjects(ctx, token)
            if len(subjects) > 1:
                found.extend(_among(subjects, "alliedWith", 0.7, "rule:ally-jointly"))
    return found


def allies_of(ctx: Context, verbs: Iterable[Token]) -> list[Arg]:
    """Partners named by an alliance among ``verbs`` or their conjuncts, as co-signers of a joint act.

    "X joined hands with 17 groups including A, B and C, and sent a letter urging Z": A, B and C
    urge Z too.
    """
    seen: list[Token] = []
    for verb in verbs:
        for v in [verb, *children(verb, ("conj",))]:
            if v not in seen:
                seen.append(v)
    found: dict[int, float] = {}
    for v in seen:
        stated = _alliance_partners(v)
        if stated is None or stated[0] != "alliedWith":
            continue
        for partner in stated[2]:
            for m, factor in arguments(ctx, partner):
                found[m] = max(found.get(m, 0.0), factor * COSIGNER_FACTOR)
    return sorted(found.items())
