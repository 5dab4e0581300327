"""memberOf for people in parties and assemblies.

News names a politician with their party as a modifier of the office they hold: "Labour MP
Oona Rae", "Tory MP Ben Orr", "Ben Orr, the Liberal councillor", "Ana Orr, a Green senator".
The party is then what the person is a member of. So is a body one "sits on" ("Ana Orr, who
sits on the Rye Council"), and a party one speaks for ("For the Greens, Ana Orr said ...").

Not read: a lawyer "representing" a client. The ontology makes ``represents`` the inverse of
``memberOf`` (a body represents its members), so "a lawyer for Norwind" as ``represents`` would
make Norwind a member of its lawyer; ``roles`` reads the lawyer's ``worksFor``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract import kinds
from kg.extract.relations.context import ORG_FAMILY, PERSON, STATE, Arg, Candidate, Context, pairs
from kg.extract.relations.syntax import RELATIVE_PRONOUNS, arguments, children, climb, prep_objects

BODIES = ORG_FAMILY - {"Company"}
# A body's chair, held in turn by its member states, and the verbs of holding it.
CHAIR_NOUNS = frozenset({"presidency", "chairmanship"})
CHAIR_VERBS = frozenset({"hold", "take", "assume"})
# Verbs of leaving a body one sits in.
QUIT_VERBS = frozenset({"quit", "leave", "resign"})
# Words naming some of a group: "one of the 13 members", "two of its MPs".
QUANTIFIERS = frozenset(
    {"one", "two", "three", "four", "five", "some", "several", "many", "each"}
)  # parties, assemblies, councils: what politicians are members of
# Verbs of holding a seat in a body: "Ana Quist, who sits on the Rye Council", "Ana Quist was
# elected to the Rye Council".
SEAT_VERBS = {"sit": ("on", "in"), "elect": ("to",), "re-elect": ("to",)}
# Offices held as a member of a party or an assembly.
MEMBER_OFFICES = frozenset(
    """mp mps mep meps councillor councillors councilor councilors candidate candidates senator
    senators congressman congresswoman assemblyman assemblywoman peer peers backbencher
    backbenchers deputy deputies legislator legislators lawmaker lawmakers politician activist
    activists delegate defector defectors""".split()
)


def in_clause(noun: Token) -> Token:
    """Where a noun of office or membership stands in its clause: "one of the 13 members of ORG"
    and "one of two Veltra MPs" stand where "one" does."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in QUANTIFIERS:
        return noun.head.head
    return noun


def as_subjects(noun: Token) -> list[Token]:
    """Who a noun after "as" is said of: "Ana Quist was elected as a Veltra MP", "Ana Quist, who
    stood as the Veltra candidate", "Ana Quist, elected as a Veltra MP"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "as" or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = prep.head
    if verb.dep_ == "acl":
        return [verb.head]
    subjects = children(verb, ("nsubj", "nsubjpass"))
    relative = verb.dep_ == "relcl"
    return [verb.head if relative and s.lower_ in RELATIVE_PRONOUNS else s for s in subjects]


def _holders(ctx: Context, office: Token) -> list[Arg]:
    """Who holds the office: "Labour MP [Oona Rae]", "[Oona Rae], the Labour MP", "[Rae] is a
    Labour MP", "[Rae], one of two Labour MPs", "[Rae] was elected as a Labour MP"."""
    holders: list[Token] = as_subjects(office)
    anchor = in_clause(office)
    if anchor.dep_ in ("appos", "compound"):
        holders.append(anchor.head)
    holders += children(office, ("appos",))
    if anchor.dep_ in ("attr", "oprd"):
        holders += children(anchor.head, ("nsubj", "nsubjpass")) or climb(anchor.head)[0]
    found = [arg for h in holders for arg in arguments(ctx, h, PERSON)]
    nxt = office.i + 1
    if not found and nxt < office.sent.end:  # "Labour MP Oona Rae" read as one phrase
        m = ctx.mention_at(ctx.doc[nxt], PERSON)
        if m is not None:
            found.append((m, 1.0))
    return found


def _bodies(ctx: Context, office: Token) -> list[Arg]:
    """The party or assembly of an office: a name before it ("Labour MP", "the Tory MP") or after
    "of" ("a member of the London Assembly"); a company has no such members ("Norwind's
    deputy" is its deputy chairman)."""
    found = [arg for o in prep_objects(office, ("of",)) for arg in arguments(ctx, o, BODIES)]
    for tok in office.lefts:
        for t in tok.subtree:
            m = ctx.mention_at(t, BODIES)
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


def _sits_on(ctx: Context, verb: Token) -> list[Candidate]:
    """ "Ana Quist, who sits on the Rye Council", "Norwind sits on the board of the Rye Union",
    "Ana Quist was elected to the Rye Council" (the one elected is the passive's subject)."""
    bodies = [
        arg for o in prep_objects(verb, SEAT_VERBS[verb.lemma_.lower()]) for arg in arguments(ctx, o, BODIES)
    ]
    elected = children(verb, ("nsubjpass", "dobj"))  # "Ana Quist was elected", "they elected Ana Quist"
    subjects = elected if verb.lemma_.lower() != "sit" else climb(verb)[0]
    if verb.dep_ == "acl":  # "Ana Quist, elected to the Rye Council in 2000,"
        subjects = [verb.head]
    members = [arg for s in subjects for arg in arguments(ctx, s)]
    if not members and verb.dep_ == "relcl":  # "Ana Quist QC, who sits on ...": the name before
        m = ctx.last_mention_before(verb.i, PERSON | BODIES)
        if m is not None and verb.head.i - ctx.mentions[m].end <= 1:
            members = [(m, 1.0)]
    return pairs(members, bodies, "memberOf", 0.75, "rule:member-sits")


def _asked_to_quit(ctx: Context, verb: Token) -> list[Candidate]:
    """One asked or refusing to leave a body sits in it: "they called on Ana Quist to quit the Rye
    Council", "Norland refused to leave the Trade Pact" (not "Ana Quist quit the council": she
    was a member, no more)."""
    to = [c for c in children(verb, ("aux",)) if c.lower_ == "to"]
    if not to:
        return []
    objects = children(verb, ("dobj",)) + prep_objects(verb, ("from",))
    bodies = [a for o in objects for a in arguments(ctx, o, BODIES)]
    if not bodies:
        return []
    members = [a for s in climb(verb)[0] for a in arguments(ctx, s, PERSON | STATE)]
    before = ctx.mention_at_index(to[0].i - 1, PERSON | STATE) if to[0].i > verb.sent.start else None
    if before is not None and ctx.mentions[before].end == to[0].i:  # "called on Ana Quist to quit"
        members = [(before, 1.0)]
    return pairs(members, bodies, "memberOf", 0.7, "rule:member-asked-to-quit")


def _presidency(ctx: Context, noun: Token) -> list[Candidate]:
    """A state holding a body's rotating chair is among its members: "when Norland took over the
    chairmanship of the Trade Pact", "Norland, which holds the Trade Pact presidency"."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in CHAIR_VERBS:
        return []
    verb = noun.head
    bodies = [a for o in prep_objects(noun, ("of",)) for a in arguments(ctx, o, BODIES)]
    for c in children(noun, ("compound", "poss")):
        m = ctx.mention_at(c, BODIES)
        if m is not None:
            bodies.append((m, 1.0))
    states = [a for s in climb(verb)[0] for a in arguments(ctx, s, STATE)]
    return pairs(states, bodies, "memberOf", 0.7, "rule:member-presidency")


def _speaking_for(ctx: Context, sent: Span) -> list[Candidate]:
    """ "For the Veltra party, Ana Quist said ...": the one who speaks for a party is its member,
    for another organization its staff."""
    doc = ctx.doc
    first = sent.start
    while first < sent.end and (doc[first].is_space or doc[first].is_quote):
        first += 1
    if first + 2 >= sent.end or doc[first].lower_ != "for":
        return []
    i = first + 1 + (doc[first + 1].lower_ == "the")
    body = ctx.mention_at(doc[i], ORG_FAMILY) if i < sent.end else None
    if body is None:
        return []
    comma = ctx.mentions[body].end
    if comma >= sent.end or doc[comma].text != ",":
        return []
    start = comma + 1
    while start < sent.end and doc[start].lower_.rstrip(".") in kinds.PERSON_TITLES:
        start += 1  # "For the Greens, Sir Ben Orr said"
    person = ctx.mention_at(doc[start], PERSON) if start < sent.end else None
    if person is None or ctx.mentions[person].start != start:
        return []
    nxt = ctx.mentions[person].end
    if nxt >= sent.end or doc[nxt].lemma_.lower() not in ("say", "tell", "add", "argue", "warn"):
        return []
    relation = "memberOf" if ctx.type_of(body) == "Organization" else "worksFor"
    return [Candidate(person, body, relation, 0.7, f"rule:{relation}-speaking-for")]


def find_members(ctx: Context, sent: Span) -> list[Candidate]:
    """memberOf of politicians in one sentence."""
    found: list[Candidate] = _speaking_for(ctx, sent)
    tab = ctx.table
    for i in range(sent.start, sent.end):
        if tab.pos[i] in ("NOUN", "PROPN") and tab.lower[i] in MEMBER_OFFICES:
            found += _members(ctx, tab.tokens[i])
        elif tab.pos[i] == "VERB" and tab.lemma[i] in SEAT_VERBS:
            found += _sits_on(ctx, tab.tokens[i])
        elif tab.pos[i] == "NOUN" and tab.lower[i] in CHAIR_NOUNS:
            found += _presidency(ctx, tab.tokens[i])
        elif tab.pos[i] == "VERB" and tab.lemma[i] in QUIT_VERBS:
            found += _asked_to_quit(ctx, tab.tokens[i])
    return found
