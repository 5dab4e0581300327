"""Run-time guards on the relation classifier: patterns of English that say two names of one
sentence are not in the relation their classes would allow.

The classifier learnt CoNLL04's loose conventions, where any organization and place of a sentence
may be ``OrgBased_In``. English states where an organization sits, and whom a person works for,
inside one noun phrase ("Ana Quist, director of Norwind", "Norwind of Marlow", "Marlow's
Norwind", "the Marlow court") or with a verb of holding a post or a seat ("Quist heads
Norwind", "Norwind is based in Marlow"). Two names that are the participants of another clause
("Quist told Norwind ...", "Norwind invested in Marlow") are not, and neither is a place that
belongs to another noun than the organization ("Norwind's plant in Marlow", "sales of Norwind
lager in Marlow").
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relations.context import ORG_FAMILY, PERSON, PLACE, Context
from kg.extract.relations.seats import ORG_DESCRIPTORS
from kg.extract.relations.verbs import PART_NOUNS

# Relations of an organization that a phrase or a verb of holding a post or a seat states.
PHRASAL = frozenset({"worksFor", "basedIn"})
STATING_VERBS = frozenset(
    """be serve work operate head lead run chair manage join found become name appoint elect
    base headquarter locate""".split()
)
# Nouns that stand for the organization itself on the way to its place: "Norwind, one of
# Kestria's biggest firms", "Norwind's headquarters in Marlow".
# Not a part or a rival: "Norwind's Marlow subsidiary" sits in Marlow, Norwind need not.
SEAT_NOUNS = (ORG_DESCRIPTORS - PART_NOUNS - {"rival"}) | frozenset(
    {"one", "headquarters", "headquarter", "office", "seat", "base"}
)


def climb_to_meeting(a: Token, b: Token) -> tuple[list[Token], list[Token]] | None:
    """The chains of heads from ``a`` and from ``b`` up to their lowest common ancestor (both
    ending with it), or None if they share no root. The two climb in turn, so the cost is the
    length of the path, not the depth of the tree (a list of thousands of conjuncts is as deep)."""
    up, down = [a], [b]
    at_up, at_down = {a.i: 0}, {b.i: 0}
    while True:
        if up[-1].i in at_down:
            return up, down[: at_down[up[-1].i] + 1]
        if down[-1].i in at_up:
            return up[: at_up[down[-1].i] + 1], down
        moved = False
        for chain, at in ((up, at_up), (down, at_down)):
            head = chain[-1].head
            if head.i != chain[-1].i:
                at[head.i] = len(chain)
                chain.append(head)
                moved = True
        if not moved:
            return None


def path_between(a: Token, b: Token) -> list[Token]:
    """The tokens strictly between ``a`` and ``b`` on the dependency path joining them."""
    chains = climb_to_meeting(a, b)
    if chains is None:
        return []
    up, down = chains
    return [t for t in [*up[1:], *down[1:-1]] if t.i not in (a.i, b.i)]


def _path(ctx: Context, head: int, tail: int) -> list[Token]:
    mh, mt = ctx.mentions[head], ctx.mentions[tail]
    inside = set(range(mh.start, mh.end)) | set(range(mt.start, mt.end))
    a, b = ctx.table.span_root(mh.start, mh.end), ctx.table.span_root(mt.start, mt.end)
    return [t for t in path_between(a, b) if t.i not in inside]


def in_clause(ctx: Context, head: int, tail: int) -> bool:
    """Whether a verb other than one of holding a post or a seat joins the two names."""
    return any(t.pos_ == "VERB" and t.lemma_.lower() not in STATING_VERBS for t in _path(ctx, head, tail))


def place_of_another(ctx: Context, org: int, place: int) -> bool:
    """Whether the place hangs on another noun than the organization: a common noun that does
    not describe an organization ("Norwind's plant in Marlow", "Norwind's Marlow subsidiary"),
    another organization's name ("Norwind and Marlow's Kestrel Bank") or another item of a list
    ("Norwind and some Marlow groups")."""
    for t in _path(ctx, org, place):
        if t.pos_ == "NOUN" and ctx.mention_at(t) is None and t.lemma_.lower() not in SEAT_NOUNS:
            return True
        if t.dep_ == "conj" and ctx.mention_at(t, PLACE) is None:
            return True  # another item of a list: "Norwind and some Marlow groups"
        other = ctx.mention_at(t, ORG_FAMILY)
        if other is not None and ctx.key(other) != ctx.key(org):
            return True
    return False


def post_of_another(ctx: Context, person: int, org: int) -> bool:
    """Whether the organization is named in another's phrase: another person's or organization's
    name on the way ("Norwind chairman Ana Quist, Vell chairman Ben Orr": Quist and Vell; "the
    Ohio Democrat who chairs the Vell Committee's Trade Subcommittee"), or the two are items of
    one list ("Ana Quist and other Veltrists")."""
    for t in _path(ctx, person, org):
        other = ctx.mention_at(t, PERSON | ORG_FAMILY)
        if other is not None and ctx.key(other) not in (ctx.key(person), ctx.key(org)):
            return True
    mp, mo = ctx.mentions[person], ctx.mentions[org]
    a, b = ctx.table.span_root(mp.start, mp.end), ctx.table.span_root(mo.start, mo.end)
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)


def unstated(ctx: Context, head: int, tail: int, relation: str) -> bool:
    """Whether the sentence's English rules out ``relation`` between the two names."""
    if relation not in PHRASAL:
        return False
    if in_clause(ctx, head, tail):
        return True
    if relation == "worksFor":
        return post_of_another(ctx, head, tail)
    return place_of_another(ctx, head, tail)
