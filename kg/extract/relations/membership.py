"""represents, memberOf and partOf: associations and their members, groups and their units."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract import kinds
from kg.extract.relations.context import ORG_FAMILY, PARTIES, STATE, Arg, Candidate, Context, pairs
from kg.extract.relations.members import as_subjects, in_clause
from kg.extract.relations.syntax import RELATIVE_PRONOUNS, arguments, children, climb, prep_objects, verbal
from kg.extract.relations.verbs import INTEREST_NOUNS, MEMBER_NOUNS, OWN_VERBS, PART_NOUNS

BODIES = ORG_FAMILY - {"Company"}  # what has members rather than units
POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
DEMONSTRATIVES = frozenset({"these", "those", "such"})
MEMBER_WORDS = frozenset({"member"})
# Nouns for what a group is made of, read as its parts with the group's name beside them:
# "X, another Norwind company", "Norwind's flagship company, X".
GROUP_PART_NOUNS = PART_NOUNS | {"company", "firm"}
# Last words of the name of a body within another ("the Senate's Finance Committee") or of a
# company's ("Norwind's Kestrel Data Inc"): what may be possessed as a part.
UNIT_WORDS = (
    frozenset(
        """committee subcommittee division council commission board department bureau office unit
    agency panel institute centre center directorate service arm branch""".split()
    )
    | kinds.LEGAL_SUFFIXES
)
# Nouns for the states a body of states is made of: "the ORG nations", "ORG member states".
STATE_NOUNS = frozenset({"nation", "country", "state", "government"})


def _represented(ctx: Context, obj: Token) -> list[Arg]:
    """Objects of "represents": "A, B and C", or "the interests of A" (nothing for "of 1000 brands")."""
    if obj.lemma_.lower() in INTEREST_NOUNS or obj.lower_ in INTEREST_NOUNS:
        return [arg for o in prep_objects(obj, ("of",)) for arg in arguments(ctx, o, PARTIES)]
    return arguments(ctx, obj, PARTIES)


def _represents(ctx: Context, verb: Token) -> list[Candidate]:
    heads = [arg for s in climb(verb)[0] for arg in arguments(ctx, s, ORG_FAMILY)]
    if not heads and verb.dep_ == "relcl":
        # ", which represents" misattached to a neighbouring noun: the nearest organization before it.
        m = ctx.last_mention_before(verb.i, ORG_FAMILY)
        if m is not None and ctx.mentions[m].start >= verb.sent.start:
            heads = [(m, 0.8)]
    if heads:  # remembered even when the represented are not named: "... of 1000 brands. These brands ..."
        ctx.state.last_representative = heads[0][0]
    tails = [arg for o in children(verb, ("dobj",)) for arg in _represented(ctx, o)]
    rule = "rule:represents-relcl" if verb.dep_ == "relcl" else "rule:represents-verb"
    return pairs(heads, tails, "represents", 0.85, rule)


def _owner_of_members(ctx: Context, subject: Token, sent: Span) -> list[Arg]:
    """Whose members a "members include ..." subject names."""
    for poss in children(subject, ("poss",)):
        if poss.lower_ in POSSESSIVE_PRONOUNS and ctx.mention_at(poss) is None:
            m = ctx.last_mention_before(sent.start, ORG_FAMILY)  # "Its members include ..."
            return [] if m is None else [(m, 0.7)]
        if poss.lower_ == "whose" and poss.head.head.dep_ == "relcl":
            return arguments(ctx, poss.head.head.head, ORG_FAMILY)  # "X, whose members include ..."
        return arguments(ctx, poss, ORG_FAMILY)
    owners = [arg for o in prep_objects(subject, ("of",)) for arg in arguments(ctx, o, ORG_FAMILY)]
    if owners:
        return owners
    if children(subject, ("det",), DEMONSTRATIVES) and ctx.state.last_representative is not None:
        return [(ctx.state.last_representative, 0.7)]  # "These brands include ..."
    return []


def _body_includes(ctx: Context, verb: Token) -> list[Candidate]:
    """A body's own members, named after "includes": "The Trade Council includes Ben Orr and Ana
    Quist", "the Marlow Group, which includes Norland and Kestria". A company includes units and
    brands, not members ("Norwind Group includes Kestrel Data": ``partOf`` is read elsewhere)."""
    if verb.tag_ not in ("VBZ", "VBP", "VBD"):
        return []  # "urging the office to include Norwind in its list": no membership stated
    subjects = [verb.head if s.lower_ in RELATIVE_PRONOUNS else s for s in children(verb, ("nsubj",))]
    bodies = [a for s in subjects for a in arguments(ctx, s, BODIES)]
    if not bodies:
        return []
    members = [arg for o in children(verb, ("dobj",)) for arg in arguments(ctx, o, PARTIES)]
    return pairs(members, bodies, "memberOf", 0.75, "rule:member-included")


def _members_include(ctx: Context, verb: Token, sent: Span) -> list[Candidate]:
    found: list[Candidate] = _body_includes(ctx, verb)
    for subject in children(verb, ("nsubj",)):
        if subject.lemma_.lower() not in MEMBER_NOUNS:
            continue
        owners = _owner_of_members(ctx, subject, sent)
        members = [arg for o in children(verb, ("dobj",)) for arg in arguments(ctx, o, PARTIES)]
        found.extend(pairs(owners, members, "represents", 0.8, "rule:represents-members"))
    return found


def _member_of(ctx: Context, noun: Token) -> list[Candidate]:
    """ "A is a member of ORG", "A, a member of ORG", "A, which is a member of ORG", and with the
    body before the noun: "A, an ORG member", "ORG member A", "ORG members A and B", "A and other
    ORG members", "ORG's members, including A"."""
    if ctx.mention_at(noun) is not None:
        return []  # a word of a name: "the Member Services Council"
    named_after = [arg for o in prep_objects(noun, ("of",)) for arg in arguments(ctx, o, ORG_FAMILY)]
    if named_after:
        return pairs(_members(ctx, noun, PARTIES), named_after, "memberOf", 0.8, "rule:member-of")
    groups = _bodies_before(ctx, noun)
    return pairs(_members(ctx, noun, PARTIES), groups, "memberOf", 0.75, "rule:member-compound")


def _member_states(ctx: Context, noun: Token) -> list[Candidate]:
    """States named as a body's own: "the 13 ORG nations, including A and B", "ORG countries such
    as A", "A and other ORG states", "ORG member states A and B"; a state's name alone is enough
    for "of": "the nations of ORG, including A"."""
    if ctx.mention_at(noun) is not None:
        return []
    groups = _bodies_before(ctx, noun) + [
        arg for o in prep_objects(noun, ("of",)) for arg in arguments(ctx, o, ORG_FAMILY)
    ]
    return pairs(_members(ctx, noun, STATE), groups, "memberOf", 0.75, "rule:member-states")


def _bodies_before(ctx: Context, noun: Token) -> list[Arg]:
    """The body a membership noun names before it: "ORG members", "ORG's members", "ORG member
    states" (the body on "member", the noun "states")."""
    found: list[Arg] = []
    for t in [noun, *children(noun, ("compound",), MEMBER_WORDS)]:
        for c in children(t, ("compound", "poss", "amod", "nmod")):
            m = ctx.mention_at(c, ORG_FAMILY)
            if m is not None and (m, 1.0) not in found:
                found.append((m, 1.0))
    return found


def _members(ctx: Context, noun: Token, types: frozenset[str]) -> list[Arg]:
    """Who a membership noun says are members: the name it is in apposition to or describes, the
    subject it is predicated of, and the names after it."""
    holders: list[Token] = as_subjects(noun)  # "A joined as a member of ORG"
    anchor = in_clause(noun)  # "A, one of the 13 members of ORG"
    if anchor.dep_ in ("appos", "compound"):
        holders.append(anchor.head)  # "A, a member of ORG", "ORG member A"
    if anchor.dep_ in ("attr", "oprd"):
        for s in children(anchor.head, ("nsubj", "nsubjpass")):
            relative = s.lower_ in RELATIVE_PRONOUNS and anchor.head.dep_ == "relcl"
            holders.append(anchor.head.head if relative else s)  # "A, which is a member of ORG"
    if noun.dep_ == "conj" and children(noun, ("amod",), {"other"}):
        holders.append(noun.head)  # "A and other ORG members"
    holders += children(noun, ("appos",))  # "ORG members A and B"
    found = {m: f for h in holders for m, f in arguments(ctx, h, types)}
    for m, f in arguments(ctx, noun, types):  # "ORG nations, including A and B"
        found.setdefault(m, f)
    return sorted(found.items())


def _part_of(ctx: Context, noun: Token) -> list[Candidate]:
    """ "X, a unit of Y", "X is a subsidiary of Y", "Y's X unit", "X, a Y subsidiary", "its
    subsidiary, X", "Y's flagship company, X", "X, another Y company", "Y and its X subsidiary"."""
    parts: list[Token] = []
    wholes = prep_objects(noun, ("of",))
    if noun.dep_ == "appos":
        parts.append(noun.head)
    if noun.dep_ in ("attr", "oprd"):
        parts += children(noun.head, ("nsubj", "nsubjpass"))
    parts += children(noun, ("appos",))  # "its subsidiary, X"
    compounds = children(noun, ("compound",))
    owners = children(noun, ("poss",))
    if owners:  # "Y's X unit"
        wholes += owners
        if not parts:
            parts += compounds
        if noun.dep_ == "conj" and all(_unresolved_pronoun(ctx, o) for o in owners):
            wholes.append(noun.head)  # "Y and its X subsidiary": "its" is Y's
    elif parts:  # "X, a Y subsidiary"
        wholes += compounds
    part_args = [arg for p in parts for arg in arguments(ctx, p, ORG_FAMILY | {"Brand"})]
    whole_args = [arg for w in wholes for arg in arguments(ctx, w, ORG_FAMILY)]
    return pairs(part_args, whole_args, "partOf", 0.8, "rule:partof-noun")


def _unresolved_pronoun(ctx: Context, token: Token) -> bool:
    return token.lower_ in POSSESSIVE_PRONOUNS and ctx.mention_at(token) is None


def _possessed_body(ctx: Context, sent: Span) -> list[Candidate]:
    """An organization's name possessing the name of a body or a company: "the Bank of Marlow's
    Monetary Policy Committee", "Norwind's Kestrel Data Inc" - the one is part of the other."""
    found: list[Candidate] = []
    for o in ctx.starting_in(sent.start, sent.end):
        ment = ctx.mentions[o]
        if ctx.type_of(o) not in ORG_FAMILY or ment.kind != "name" or ment.start - 2 < sent.start:
            continue
        if ctx.doc[ment.end - 1].lower_.rstrip(".") not in UNIT_WORDS:
            continue  # "Norwind's Breakfast programme", "Marlow's Church": no part of a body
        if ctx.doc[ment.start - 1].lower_ not in ("'s", "’s", "'"):
            continue
        whole = ctx.mention_at(ctx.doc[ment.start - 2], ORG_FAMILY)
        if whole is not None and ctx.mentions[whole].end == ment.start - 1 and ctx.key(whole) != ctx.key(o):
            found += pairs([(o, 1.0)], [(whole, 1.0)], "partOf", 0.75, "rule:partof-possessive")
    return found


def _owned_by(ctx: Context, verb: Token) -> list[Candidate]:
    """ "X, owned by Y" (a participle on X) and "X is owned by Y"."""
    owners = [arg for o in prep_objects(verb, ("by",)) for arg in arguments(ctx, o, ORG_FAMILY)]
    if not owners:
        return []
    owned = [verb.head] if verb.dep_ == "acl" else children(verb, ("nsubjpass",))
    parts = [arg for p in owned for arg in arguments(ctx, p, ORG_FAMILY | {"Brand"})]
    return pairs(parts, owners, "partOf", 0.75, "rule:partof-owned")


def find_membership(ctx: Context, sent: Span) -> list[Candidate]:
    """represents / memberOf / partOf hits of one sentence."""
    found: list[Candidate] = []
    tab = ctx.table
    for i in range(sent.start, sent.end):
        lemma, pos = tab.lemma[i], tab.pos[i]
        if lemma == "represent" and verbal(tab.tokens[i]):
            found.extend(_represents(ctx, tab.tokens[i]))
        elif lemma == "include" and verbal(tab.tokens[i]):
            found.extend(_members_include(ctx, tab.tokens[i], sent))
        elif lemma in OWN_VERBS and verbal(tab.tokens[i]):
            found.extend(_owned_by(ctx, tab.tokens[i]))
        elif pos == "NOUN" and lemma == "member":
            found.extend(_member_of(ctx, tab.tokens[i]))
        elif pos == "NOUN" and lemma in STATE_NOUNS:
            found.extend(_member_states(ctx, tab.tokens[i]))
        elif pos == "NOUN" and lemma in GROUP_PART_NOUNS:
            found.extend(_part_of(ctx, tab.tokens[i]))
    return found + _possessed_body(ctx, sent)
