"""memberOf of politicians in their parties, in the forms news writes them.

A party stands before or after its member's office or name: "Veltra shadow chancellor Ana
Quist", "Ben Orr, Tory co-chairman", "Ben Orr, now Veltra deputy leader", "the Greens' Ana
Quist", "Ben Orr, a Marlow Democrat", "Chancellor Ben Orr's ruling Reform Party"; a
politician stands, runs or defects for or to it: "Ana Quist will stand for the Greens in
Marlow", "he would contest Marlow East for the Greens", "Ben Orr defected to the Reform Party".
A party's leader leads it ("Veltra leader Ana Quist") and its staff work for it ("a Veltra
spokesman"): ``roles`` reads both. Every other office held in a party is membership, and so is
joining one or being named "of" one: ``as_members`` turns the ``worksFor`` of "Ben Orr joined the
Greens" and "Ana Quist of the Greens" into ``memberOf``.
Train's gold reads a party's spokesman both ways (worksFor twice, memberOf once): staff it is.

What is a party: an organization whose name ends in "party" or in a word of political belief
("the Greens", "the Veltra Democrats", "Tories"), or any other name of one entity that
does ("KIP" beside "Kestria Independence Party"), or a plain ``Organization`` that is no school,
club or foundation.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract import kinds, offices
from kg.extract.relations.context import ORG_FAMILY, PERSON, Candidate, Context
from kg.extract.relations.syntax import arguments, children, climb, prep_objects, verbal
from kg.extract.relations.verbs import LEAD_ROLES, SUBORDINATE, WORK_ROLES

# The last word of a party's name, in the words of political belief news uses for parties.
PARTY_WORDS = frozenset(
    """party parties labour tory tories conservative conservatives liberal liberals democrat
    democrats democratic republican republicans green greens socialist socialists communist
    communists nationalist nationalists unionist unionists progressive progressives
    libdems""".split()
)
# Organizations by their last word that are not parties, though no subclass says so.
NOT_PARTIES = kinds.ORGANIZATION_WORDS - {"party", "parties", "movement", "front"}
# Offices a politician holds in or for a party, and the words inside such an office's phrase.
OFFICE_WORDS = (
    frozenset(
        """mp mps mep meps councillor councilor candidate senator congressman congresswoman
        peer backbencher frontbencher legislator lawmaker politician activist delegate
        defector chancellor minister secretary whip spokesman spokeswoman spokesperson
        chairman chairwoman co-chairman treasurer president leader deputy mayor governor
        premier speaker member veteran""".split()
    )
    | LEAD_ROLES
    | WORK_ROLES
)
OFFICE_MODIFIERS = (
    frozenset({"shadow", "co", "-", "junior", "senior", "former", "acting", "general", "party"})
    | SUBORDINATE
    | offices.PORTFOLIO_WORDS
)
# Words between a name and the office or party in apposition: "Ben Orr, now the Veltra ...".
APPOS_OPENERS = frozenset({"a", "an", "the", "now", "also", "himself", "herself", "and", "former"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# Verbs of standing for a party ("for") and of moving to one ("to").
STAND_VERBS = frozenset({"stand", "run", "contest", "fight", "campaign"})
DEFECT_VERBS = frozenset({"defect", "switch", "cross"})
BENCHES = frozenset({"benches", "bench"})
# A party's staff work for it ("a KIP spokesman" is read by ``roles``); a secretary of state or a
# shadow home secretary holds an office in it.
STAFF = WORK_ROLES - {"secretary"}
# Leading offices: their holder leads the party (``roles``), unless a modifier subordinates them.
LEADING = frozenset({"leader", "head", "chief", "chairman", "chairwoman", "founder"})
# Offices of a state, not of the party before them: "Veltra President Ana Quist" is a member.
STATE_OFFICES = frozenset({"president", "premier", "governor", "mayor", "chancellor", "senator"})


def _party_name(ctx: Context, m: int) -> bool:
    ment = ctx.mentions[m]
    if ment.kind != "name" or ctx.type_of(m) not in ORG_FAMILY:
        return False
    last = ctx.table.lower[ment.end - 1]
    if last in PARTY_WORDS:
        return True
    return ctx.type_of(m) == "Organization" and last not in NOT_PARTIES


def party_keys(ctx: Context) -> frozenset[int]:
    """The entities of the document that are parties (by any of their names)."""
    return ctx.memo(_find_party_keys)


def _find_party_keys(ctx: Context) -> frozenset[int]:
    return frozenset(ctx.key(m) for m in range(len(ctx.mentions)) if _party_name(ctx, m))


def is_party(ctx: Context, m: int) -> bool:
    return ctx.type_of(m) in ORG_FAMILY and ctx.key(m) in party_keys(ctx)


def _party_ending_at(ctx: Context, end: int, floor: int) -> int | None:
    """A party's mention ending at token ``end`` (exclusive), or before a possessive there."""
    if end - 1 >= floor and ctx.table.lower[end - 1] in POSSESSIVE:
        end -= 1
    if end - 1 < floor:
        return None
    m = ctx.mention_at_index(end - 1, ORG_FAMILY)
    if m is None or ctx.mentions[m].end != end or not is_party(ctx, m):
        return None
    return m


def _party_word(ctx: Context, i: int) -> int | None:
    """A party named in the singular by one member: "a Marlow Democrat" for the Democrats."""
    word = ctx.table.lower[i]
    if word not in PARTY_WORDS or not ctx.doc[i].is_title:
        return None
    forms = {word, word + "s", word + "ic"}
    for m in range(len(ctx.mentions)):
        ment = ctx.mentions[m]
        if ment.kind == "name" and is_party(ctx, m):
            words = ctx.table.lower[ment.start : ment.end]
            if words[-1] in forms or words[0] in forms:
                return m
    return None


def _office(words: list[str], last: str) -> bool:
    """Whether the words name an office held in a party that is not its leadership (``last``: the
    last word as written; "VP president" leads the party, "Veltra President" heads a state)."""
    if not words or words[-1] not in OFFICE_WORDS or words[-1] in STAFF:
        return False
    if words[-1] == "president" and not last[:1].isupper():
        return False
    if any(
        w in OFFICE_MODIFIERS - offices.PORTFOLIO_WORDS - {"former", "general", "party", "senior"}
        for w in words
    ):
        return True  # "deputy leader", "co-chairman", "shadow chancellor"
    return words[-1] not in LEADING


def _before(ctx: Context, person: int, sent: Span) -> tuple[int, str] | None:
    """ "Veltra shadow chancellor [Ana Quist]", "the Greens' [Ana Quist]", and a party named by
    a word of belief that is no mention of it: "Conservative leader [Ana Quist]" leads it."""
    start = ctx.mentions[person].start
    i = start
    while i - 1 >= sent.start and ctx.table.lower[i - 1] in OFFICE_WORDS | OFFICE_MODIFIERS:
        if ctx.mention_at_index(i - 1) is not None:
            break
        i -= 1
    words = ctx.table.lower[i:start]
    if i == start:  # "the Greens' [Ana Quist]", "Democrat [Ana Quist]"
        party = _party_ending_at(ctx, start, sent.start)
        if party is None and start - 1 >= sent.start and ctx.mention_at_index(start - 1) is None:
            party = _party_word(ctx, start - 1)
        return None if party is None else (party, "memberOf")
    party = _party_ending_at(ctx, i, sent.start)
    if party is not None:
        return (party, "memberOf") if _office(words, ctx.doc[start - 1].text) else None
    if i - 1 < sent.start or ctx.mention_at_index(i - 1) is not None:
        return None
    party = _party_word(ctx, i - 1)
    if party is None:
        return None
    if _office(words, ctx.doc[start - 1].text):
        return party, "memberOf"
    return (party, "leads") if words[-1] in LEADING else None


def _after(ctx: Context, person: int, sent: Span) -> int | None:
    """ "[Ben Orr], Tory co-chairman,", "[Ben Orr], now Veltra deputy leader", "[Ben Orr], a Marlow
    Democrat,", "[Ben Orr]'s ruling Reform Party"."""
    tab = ctx.table
    i = ctx.mentions[person].end
    if i < sent.end and tab.lower[i] in POSSESSIVE:  # the person's own party
        i += 1
        while i < sent.end and ctx.doc[i].is_lower and ctx.doc[i].pos_ in ("ADJ", "VERB"):
            i += 1  # "ruling", "governing", "own"
        m = ctx.mention_at_index(i, ORG_FAMILY) if i < sent.end else None
        return m if m is not None and ctx.mentions[m].start == i and is_party(ctx, m) else None
    if i >= sent.end or tab.lower[i] != ",":
        return None
    i += 1
    while i < sent.end and tab.lower[i] in APPOS_OPENERS:
        i += 1
    # place words before the party: "a Marlow Democrat", "the Marlow East Liberal"
    while (
        i < sent.end
        and ctx.mention_at_index(i, ORG_FAMILY) is None
        and ctx.mention_at_index(i, PERSON) is None
    ):
        if not ctx.doc[i].is_title or tab.lower[i] in OFFICE_WORDS:
            break
        word = _party_word(ctx, i)
        if word is not None:
            return word if _closes(ctx, i + 1, sent) else None
        i += 1
    m = ctx.mention_at_index(i, ORG_FAMILY) if i < sent.end else None
    if m is None or ctx.mentions[m].start != i or not is_party(ctx, m):
        return None
    j = ctx.mentions[m].end
    if j < sent.end and tab.lower[j] in POSSESSIVE:
        j += 1  # "Ben Orr, Labour's candidate for Marlow"
    words: list[str] = []
    while j < sent.end and tab.lower[j] in OFFICE_WORDS | OFFICE_MODIFIERS:
        words.append(tab.lower[j])
        j += 1
    if not words:
        return m if _closes(ctx, j, sent) else None  # "Ben Orr, a Tory, said"
    return m if _office(words, ctx.doc[j - 1].text) else None


def _closes(ctx: Context, i: int, sent: Span) -> bool:
    return i >= sent.end or ctx.table.lower[i] in (",", ".", ";", "who", "said", "says")


def _named_with_office(ctx: Context, sent: Span) -> list[Candidate]:
    found: list[Candidate] = []
    for p in ctx.starting_in(sent.start, sent.end):
        if ctx.type_of(p) != "Person" or ctx.mentions[p].kind != "name":
            continue
        before = _before(ctx, p, sent)
        if before is not None:
            party, relation = before
            rule = "rule:member-party-before" if relation == "memberOf" else "rule:leads-party-word"
            found.append(Candidate(p, party, relation, 0.8, rule))
        after = _after(ctx, p, sent)
        if after is not None:
            found.append(Candidate(p, after, "memberOf", 0.8, "rule:member-party-after"))
    return found


def _verbs(ctx: Context, sent: Span) -> list[Candidate]:
    """ "Ana Quist will stand for the Greens", "Ben Orr defected to the Reform Party"."""
    found: list[Candidate] = []
    tab = ctx.table
    for i in range(sent.start, sent.end):
        lemma = tab.lemma[i]
        if tab.lower[i] in BENCHES and tab.pos[i] == "NOUN":
            found += _to_benches(ctx, tab.tokens[i])
            continue
        if lemma not in STAND_VERBS and lemma not in DEFECT_VERBS:
            continue
        verb = tab.tokens[i]
        if not verbal(verb):
            continue
        prep = "for" if lemma in STAND_VERBS else "to"
        parties = [a for o in prep_objects(verb, (prep,)) for a in arguments(ctx, o, ORG_FAMILY)]
        parties = [a for a in parties if is_party(ctx, a[0])]
        if not parties:
            continue
        people = [a for s in climb(verb)[0] for a in arguments(ctx, s, PERSON)]
        found += [
            Candidate(p, q, "memberOf", round(0.75 * f, 3), "rule:member-party-verb")
            for p, f in people
            for q, _ in parties
        ]
    return found


# Rules whose worksFor of a party is membership: joining it, being "of" it.
MEMBERSHIP_RULES = {
    "rule:worksfor-join": "rule:member-party-join",
    "rule:worksFor-of": "rule:member-party-of",
}


def _to_benches(ctx: Context, benches: Token) -> list[Candidate]:
    """A party's benches stand for the party one moves to: "Ben Orr crossed to the Veltra
    benches", "chose to move over to the Green benches"."""
    if benches.dep_ != "pobj" or benches.head.lower_ != "to" or not verbal(benches.head.head):
        return []
    parties = [
        (m, 1.0)
        for c in children(benches, ("compound", "amod", "nmod"))
        if (m := ctx.mention_at(c, ORG_FAMILY)) is not None and is_party(ctx, m)
    ]
    people = [a for s in climb(benches.head.head)[0] for a in arguments(ctx, s, PERSON)]
    return [
        Candidate(p, q, "memberOf", round(0.7 * f, 3), "rule:member-party-verb")
        for p, f in people
        for q, _ in parties
    ]


def as_members(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """One who joins a party or is named "of" it is its member, not its staff: "Ben Orr joined the
    Greens", "Senator Ana Quist of the Veltra Party"."""
    return [
        Candidate(c.head, c.tail, "memberOf", c.confidence, MEMBERSHIP_RULES[c.rule])
        if c.rule in MEMBERSHIP_RULES and is_party(ctx, c.tail)
        else c
        for c in found
    ]


def party_offices(ctx: Context, found: list[Candidate], office: str) -> list[Candidate]:
    """A politician's office in a party other than its leadership or staff is membership ("Ben
    Orr, deputy leader of the Veltra Party", "shadow home secretary for the Greens"), and so is
    an office of the state held by a party's man ("Veltra President Ana Quist")."""
    word = office.lower()
    if word in STAFF:
        return found
    # capitalised, the title of a state's office ("Veltra President Ana Quist"); in lower case the
    # party's own ("VP president Ana Quist" leads it)
    of_state = word in STATE_OFFICES and office[:1].isupper()
    return [
        Candidate(c.head, c.tail, "memberOf", c.confidence, "rule:member-party-office")
        if is_party(ctx, c.tail) and (c.type == "worksFor" or (c.type == "leads" and of_state))
        else c
        for c in found
    ]


def find_partisans(ctx: Context, sent: Span) -> list[Candidate]:
    """memberOf of politicians in parties, in one sentence."""
    return _named_with_office(ctx, sent) + _verbs(ctx, sent)
