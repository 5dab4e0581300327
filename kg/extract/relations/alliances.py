"""alliedWith and cooperatesWith: joint campaigns, coalitions, partnerships and joint ventures.

Besides the verbs and nouns of alliance ("X joined forces with Y", "X and Y formed a joint
venture"), news states an alliance by acting together or naming its members:

- accusers named together: "X and Y sued Z" (they act jointly against a third party);
- parties concluding an agreement: "X and Y concluded an accord", "X entered into a licence
  agreement with Y" (not "X and Y agreed to pay penalties": each for itself);
- a coalition's members: "a coalition of the Liberal and National parties", "the coalition
  between X and Y", "its alliance with Y";
- joining another in an act: "X has joined Y in asking the court to ...".
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from kg.extract.relations.context import PARTIES, Arg, Candidate, Context, pairs
from kg.extract.relations.modality import asserted
from kg.extract.relations.syntax import arguments, children, prep_objects, subject_tokens, verbal
from kg.extract.relations.verbs import (
    ACCUSE_VERBS,
    ALLY_NOUNS,
    ALLY_OBJECTS,
    ALLY_VERBS,
    COOP_NOUNS,
    COOP_SUPPORT,
    COOP_VERBS,
    JOINT_ADVERBS,
)

COSIGNER_FACTOR = 0.75  # allies named next to a letter did not sign it in so many words
# Verbs that make a cooperation noun the act of its parties: "X and Y concluded an accord".
MORE_COOP_SUPPORT = frozenset({"conclude", "negotiate", "finalize", "finalise", "agree"})
# Every verb ``_alliance_partners`` reads: any other verb states no alliance.
ALLIANCE_VERBS = (
    frozenset({"join", "build", "create", "enter", "team"})
    | COOP_SUPPORT
    | MORE_COOP_SUPPORT
    | ALLY_VERBS
    | COOP_VERBS
)


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
        if obj_lemma in COOP_NOUNS and lemma in COOP_SUPPORT | MORE_COOP_SUPPORT:
            return "cooperatesWith", "rule:cooperate-agreement", _with_objects(verb, obj)
    for obj in prep_objects(verb, ("into",)):  # "X entered into an agreement with Y"
        if lemma == "enter" and obj.lemma_.lower() in COOP_NOUNS:
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
    tab = ctx.table
    for i in range(sent.start, sent.end):
        lemma = tab.lemma[i]
        joint = any(tab.dep[c] == "advmod" and tab.lemma[c] in JOINT_ADVERBS for c in tab.kids[i])
        if not (joint or lemma in ALLIANCE_VERBS or lemma in ACCUSE_VERBS or lemma in ALLY_NOUNS):
            continue  # none of the forms below
        token = tab.tokens[i]
        stated = _alliance_partners(token) if lemma in ALLIANCE_VERBS else None
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
        elif lemma in ACCUSE_VERBS and verbal(token):
            subjects = _coordinated_subjects(ctx, token)
            if len(subjects) > 1:
                found.extend(_among(subjects, "alliedWith", 0.7, "rule:ally-co-accusers"))
        if tab.pos[i] == "NOUN" and lemma in ALLY_NOUNS and token.head.lower_ != "in":
            found.extend(_members_of_coalition(ctx, token))
        if lemma == "join" and verbal(token):
            found.extend(_joined_in(ctx, token))
    return found


def _members_of_coalition(ctx: Context, noun: Token) -> list[Candidate]:
    """ "a coalition of the Liberal and National parties", "the coalition between X and Y",
    "its alliance with Y" (not "in front of X and Y")."""
    members: list[Arg] = []
    for obj in prep_objects(noun, ("of", "between")):
        for t in obj.subtree:
            m = ctx.mention_at(t)
            if m is not None and ctx.type_of(m) in PARTIES and all(a != m for a, _ in members):
                members.append((m, 1.0))
    found = _among(members, "alliedWith", 0.75, "rule:ally-coalition-members") if len(members) > 1 else []
    owners = [arg for p in children(noun, ("poss",)) for arg in arguments(ctx, p, PARTIES)]
    partners = [arg for o in prep_objects(noun, ("with",)) for arg in arguments(ctx, o, PARTIES)]
    return found + pairs(owners, partners, "alliedWith", 0.75, "rule:ally-coalition-members")


def _joined_in(ctx: Context, verb: Token) -> list[Candidate]:
    """ "X has joined Y in asking the court to ...": X acts with Y ("has not joined" does not)."""
    acts = [
        c
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for c in p.children
        if c.dep_ == "pcomp"
    ]
    if not acts or not asserted(verb):
        return []
    partners = [arg for o in children(verb, ("dobj",)) for arg in arguments(ctx, o, PARTIES)]
    return pairs(_coordinated_subjects(ctx, verb), partners, "alliedWith", 0.8, "rule:ally-joined-in")


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
