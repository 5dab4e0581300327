"""Parties acting as a group: counted plurals, parties singled out of a plural, joint acts.

News names the parties once, coordinated, and then counts them: "The case against Ben Orr, Lena
Voss and Ana Quist ... accused the three men of ...", "Norland and Kestria ... We have urged both
sides to ...", "Norwind and Kestrel Data ... The two companies denied ...". A counted plural
("the two companies", "both sides", "the trio") stands for the latest coordination of exactly that
many names, in its own sentence before it or in the two before, whose class fits the noun (men are
people, companies organizations, countries states).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from kg.extract.relations.actors import actor_args
from kg.extract.relations.context import AGENTS, ORG_FAMILY, PERSON, STATE, Arg, Context
from kg.extract.relations.modality import asserted
from kg.extract.relations.syntax import arguments, children, climb, conjuncts, prep_objects

NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# Nouns that carry their own count: "the trio", "the pair".
COUNT_NOUNS = {"trio": 3, "pair": 2, "duo": 2}
PEOPLE_NOUNS = frozenset({"man", "woman", "people", "person", "trio", "pair", "duo", "brother", "heir"})
ORG_NOUNS = frozenset(
    {
        "company", "firm", "bank", "group", "operator", "carrier", "airline", "maker", "producer",
        "insurer", "union", "association", "party", "organisation", "organization", "broker",
    }
)  # fmt: skip
STATE_NOUNS = frozenset({"country", "nation", "government", "state"})
SIDE_NOUNS = frozenset({"side"})
WINDOW = 2  # sentences back
GROUP_FACTOR = 0.8  # a counted plural rather than the names themselves


def _size(token: Token) -> int | None:
    if token.lower_ in COUNT_NOUNS and any(c.lower_ == "the" for c in token.children):
        return COUNT_NOUNS[token.lower_]
    if token.tag_ != "NNS":
        return None
    for c in token.children:
        if c.dep_ in ("nummod", "det", "predet") and c.lower_ in NUMBERS:
            return NUMBERS[c.lower_]
    return None


def _kinds(token: Token) -> frozenset[str] | None:
    lemma = token.lemma_.lower()
    if lemma in PEOPLE_NOUNS:
        return PERSON
    if lemma in ORG_NOUNS:
        return ORG_FAMILY
    if lemma in STATE_NOUNS:
        return STATE
    if lemma in SIDE_NOUNS:
        return AGENTS
    return None


def _sentences_back(token: Token) -> list[Span]:
    """The token's sentence and the ``WINDOW`` before it, latest first."""
    sents = [token.sent]
    while len(sents) <= WINDOW and sents[-1].start > 0:
        sents.append(token.doc[sents[-1].start - 1].sent)
    return sents


def _group(ctx: Context, head: Token, kinds: frozenset[str]) -> list[int] | None:
    """The mentions of a coordination headed by ``head`` when every member is one of ``kinds``."""
    members = conjuncts(head)
    if len(members) < 2:
        return None
    found: list[int] = []
    for t in members:
        m = ctx.mention_at(t)
        if m is None or ctx.mentions[m].type not in kinds:
            return None
        if all(ctx.key(m) != ctx.key(f) for f in found):
            found.append(m)
    return found


def group_args(ctx: Context, token: Token, types: Iterable[str] | None = None) -> list[Arg]:
    """The named members a counted plural stands for: "the three men" after "Ben Orr, Lena Voss and
    Ana Quist"; nothing when it counts no group named just before."""
    size = _size(token)
    kinds = _kinds(token)
    if size is None or kinds is None or ctx.mention_at(token) is not None:
        return []
    if types is not None:
        kinds = kinds & frozenset(types)
    for sent in _sentences_back(token):
        heads = [
            t
            for t in sent
            if t.i < token.i and t.dep_ != "conj" and any(c.dep_ == "conj" for c in t.children)
        ]
        for head in reversed(heads):
            group = _group(ctx, head, kinds)
            if group is not None and len(group) == size:
                return [(m, GROUP_FACTOR) for m in group]
    return []


# Adverbs singling one party out of a plural: "urged others to follow suit, notably Norland".
SINGLING = frozenset({"notably", "especially", "particularly"})


def singled_out(ctx: Context, verb: Token) -> list[Arg]:
    """The parties singled out of an unnamed plural in ``verb``'s phrase: "urged other nations to
    follow suit, notably Kestria" (Kestria is urged)."""
    found: list[Arg] = []
    for t in verb.subtree:
        if any(c.dep_ == "advmod" and c.lower_ in SINGLING for c in t.children):
            m = ctx.mention_at(t, AGENTS)
            if m is not None:
                found.append((m, GROUP_FACTOR))
    return found


def joined_in(ctx: Context, verb: Token) -> list[Arg]:
    """Who acts through a gerund under "joined Y in": "X joined Y in charging that ...", "a brief
    joining with Y in asking the court to ..." — Y and whoever joined it."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "in" or prep.head.lemma_.lower() != "join":
        return []
    join = prep.head
    if not asserted(join):  # "X has not joined Y in charging ..."
        return []
    partners = children(join, ("dobj",)) + prep_objects(join, ("with",))
    found = [arg for p in partners for arg in arguments(ctx, p, AGENTS)]
    found += [arg for s in climb(join)[0] for arg in actor_args(ctx, s, AGENTS)]
    return found
