"""memberOf for people in parties and assemblies.

News names a politician with their party as a modifier of the office they hold: "Labour MP
Oona Rae", "Tory MP Ben Orr", "Ben Orr, the Liberal councillor", "Ana Orr, a Green senator".
The party is then what the person is a member of.

Not read: a lawyer "representing" a client. The ontology makes ``represents`` the inverse of
``memberOf`` (a body represents its members), so "a lawyer for Norwind" as ``represents`` would
make Norwind a member of its lawyer; ``roles`` reads the lawyer's ``worksFor``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.relations.context import ORG_FAMILY, PERSON, Arg, Candidate, Context, pairs
from kg.extract.relations.syntax import arguments, children, climb, prep_objects

# Offices held as a member of a party or an assembly.
MEMBER_OFFICES = frozenset(
    """mp mps mep meps councillor councillors councilor councilors candidate candidates senator
    senators congressman congresswoman assemblyman assemblywoman peer peers backbencher
    backbenchers deputy deputies legislator legislators lawmaker lawmakers politician activist
    activists delegate""".split()
)


def _holders(ctx: Context, office: Token) -> list[Arg]:
    """Who holds the office: "Labour MP [Oona Rae]", "[Oona Rae], the Labour MP", "[Rae] is a
    Labour MP"."""
    holders: list[Token] = []
    if office.dep_ in ("appos", "compound"):
        holders.append(office.head)
    holders += children(office, ("appos",))
    if office.dep_ in ("attr", "oprd"):
        holders += children(office.head, ("nsubj", "nsubjpass")) or climb(office.head)[0]
    found = [arg for h in holders for arg in arguments(ctx, h, PERSON)]
    nxt = office.i + 1
    if not found and nxt < office.sent.end:  # "Labour MP Oona Rae" read as one phrase
        m = ctx.mention_at(ctx.doc[nxt], PERSON)
        if m is not None:
            found.append((m, 1.0))
    return found


def _bodies(ctx: Context, office: Token) -> list[Arg]:
    """The party or assembly of an office: a name before it ("Labour MP", "the Tory MP") or after
    "of" ("a member of the London Assembly")."""
    found = [arg for o in prep_objects(office, ("of",)) for arg in arguments(ctx, o, ORG_FAMILY)]
    for tok in office.lefts:
        for t in tok.subtree:
            m = ctx.mention_at(t, ORG_FAMILY)
            if m is not None and ctx.mentions[m].end <= office.i and m not in {a for a, _ in found}:
                found.append((m, 1.0))
    return found


def _members(ctx: Context, office: Token) -> list[Candidate]:
    if ctx.mention_at(office) is not None:
        return []  # a word of a name: "the Members' Forum"
    bodies = _bodies(ctx, office)
    if not bodies:
        return []
    return pairs(_holders(ctx, office), bodies, "memberOf", 0.8, "rule:member-office")


def find_members(ctx: Context, sent: Span) -> list[Candidate]:
    """memberOf of politicians in one sentence."""
    found: list[Candidate] = []
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.lower_ in MEMBER_OFFICES:
            found += _members(ctx, tok)
    return found
