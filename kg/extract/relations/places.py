"""basedIn, locatedIn and livesIn: where organizations sit, places lie and people live."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract import kinds
from kg.extract.caps import sources_and_places
from kg.extract.relations.context import ORG_FAMILY, PERSON, PLACE, STATE, Arg, Candidate, Context, pairs
from kg.extract.relations.seats import find_seats
from kg.extract.relations.syntax import arguments, children, climb, prep_objects, verbal
from kg.extract.relations.verbs import BASE_WORDS, LIVE_VERBS, PLACE_NOUNS, RESIDENT_NOUNS

BASED_ORG_TYPES = ORG_FAMILY | {"Brand"}
HYPHENS = frozenset({"-", "–", "‑"})
HYPHEN_WINDOW = 4  # tokens between "-based" and the organization it describes: "a Denver-based grain council"


def _places(ctx: Context, tokens: list[Token]) -> list[Arg]:
    return [arg for t in tokens for arg in arguments(ctx, t, PLACE)]


def _hyphen_based(ctx: Context, based: Token, sent: Span) -> list[Candidate]:
    """ "a Denver-based ORG": spaCy splits it into Denver, -, based; news also writes "the
    Denver based company"."""
    i = based.i - 1
    if i >= 1 and ctx.doc[i].text in HYPHENS:
        i -= 1
    if i < sent.start:
        return []
    place = ctx.mention_at(ctx.doc[i], PLACE)
    if place is None:
        return []
    described = arguments(ctx, based.head, BASED_ORG_TYPES)
    org = described[0][0] if described else None
    if org is None:  # the parse may hang "based" elsewhere; take the next organization named
        for j in range(based.i + 1, min(based.i + 1 + HYPHEN_WINDOW, sent.end)):
            org = ctx.mention_at(ctx.doc[j], BASED_ORG_TYPES)
            if org is not None or ctx.doc[j].is_punct:
                break
    if org is None:
        return []
    return pairs([(org, 1.0)], [(place, 1.0)], "basedIn", 0.85, "rule:basedin-hyphen")


def _comma_based(ctx: Context, based: Token) -> int | None:
    """The organization named right before ", based in": the parse may hang the participle on
    another noun ("a subsidiary of Y, X, based in Marlow" describes X)."""
    i = based.i - 1
    if i < 1 or ctx.doc[i].text != ",":
        return None
    return ctx.mention_at(ctx.doc[i - 1], BASED_ORG_TYPES)


def _based_in(ctx: Context, based: Token) -> list[Candidate]:
    """ "ORG, based in PLACE", "ORG is headquartered in PLACE"."""
    places = _places(ctx, prep_objects(based, ("in", "at")))
    if not places:
        return []
    holders = [based.head] if based.dep_ in ("acl", "amod", "appos") else climb(based)[0]
    if not holders:
        holders = children(based, ("nsubjpass", "nsubj"))
    if based.dep_ == "acomp":
        holders = children(based.head, ("nsubj", "nsubjpass"))
    orgs = [arg for h in holders for arg in arguments(ctx, h, BASED_ORG_TYPES)]
    named = _comma_based(ctx, based)
    if named is not None:
        orgs = [(named, 1.0)]
    return pairs(orgs, places, "basedIn", 0.85, "rule:basedin-prep")


def _nested(ctx: Context, sent: Span) -> list[Candidate]:
    """A state named inside a public body's name: "the [Kestrian] government", "the [Marlow]
    Agriculture Department", "the [Marlow] County court" - a state's body sits in it. A continent
    or region there names the body's reach, not its seat ("the European Commission", "the Asian
    Development Bank"); a company's or an association's name may carry a country for its market,
    its members or its history ("Bank of Kestria", "the Kestrian Union of Dockers"), so only a
    public body takes the state for its seat. A country kg knows by name is left out: "the U.S.
    District Court", "the UK government" are that country's own bodies, not bodies based in it
    (train's gold: five such pairs wrong, none right)."""
    found: list[Candidate] = []
    for o in ctx.starting_in(sent.start, sent.end):
        org = ctx.mentions[o]
        if org.type != "GovernmentAgency":
            continue
        for p in ctx.mentions_in(org.start, org.end):
            inner = ctx.mentions[p]
            if p == o or inner.type not in STATE or (inner.start, inner.end) == (org.start, org.end):
                continue
            if _country(ctx, p):
                continue
            found.extend(pairs([(o, 1.0)], [(p, 1.0)], "basedIn", 0.55, "rule:basedin-nested"))
    return found


def named_inside(ctx: Context, head: int, tail: int) -> bool:
    """Whether a seat read by the classifier is a place named inside an organization's name that
    cannot be ``head``'s seat: inside another organization's name ("Norwind and the [Kestria]
    Trade Office": the place belongs to that name, not to Norwind), or a country kg knows inside
    the name of that country's own public body (see :func:`_nested`)."""
    place = ctx.mentions[tail]
    outer = ctx.mention_at_index(place.start, ORG_FAMILY)
    if outer is None or outer == tail or ctx.mentions[outer].end < place.end:
        return False
    if ctx.key(outer) != ctx.key(head):
        return True
    return ctx.type_of(head) == "GovernmentAgency" and _country(ctx, tail)


def _country(ctx: Context, m: int) -> bool:
    """A country kg knows by name or adjective: a body named with one is that country's own ("the
    U.S. District Court", "the British government"), which news does not say is based in it."""
    ment = ctx.mentions[m]
    return kinds.country_of(ctx.doc[ment.start : ment.end].text) is not None


def _located(ctx: Context, noun: Token) -> list[Candidate]:
    """ "P, a city in Q", "P is a port in Q"."""
    holders: list[Token] = []
    if noun.dep_ == "appos":
        holders.append(noun.head)
    if noun.dep_ in ("attr",):
        holders += children(noun.head, ("nsubj",))
    inner = _places(ctx, holders)
    outer = _places(ctx, prep_objects(noun, ("in", "of", "near")))
    return pairs(inner, outer, "locatedIn", 0.8, "rule:locatedin-appos")


def _comma_pairs(ctx: Context, sent: Span) -> list[Candidate]:
    """ "Lyon, France": two places joined by a comma and followed by no further place (not a list)."""
    found: list[Candidate] = []
    doc = ctx.doc
    for p in ctx.starting_in(sent.start, sent.end):
        place = ctx.mentions[p]
        if place.type not in PLACE:
            continue
        comma = place.end
        if comma + 1 >= sent.end or doc[comma].text != ",":
            continue
        q = ctx.mention_at(doc[comma + 1], PLACE)
        if q is None or ctx.mentions[q].start != comma + 1:
            continue
        after = ctx.mentions[q].end
        before = place.start - 1
        in_list = (after < sent.end and doc[after].lower_ in (",", "and", "or")) and (
            after + 1 < sent.end and ctx.mention_at(doc[after + 1], PLACE) is not None
        )
        in_list = in_list or (before >= sent.start and doc[before].lower_ in (",", "and", "or"))
        if after < sent.end and doc[after].lower_ in ("and", "or"):
            in_list = True
        if not in_list:
            found.extend(pairs([(p, 1.0)], [(q, 1.0)], "locatedIn", 0.6, "rule:locatedin-comma"))
    return found


def _lives(ctx: Context, token: Token) -> list[Candidate]:
    lemma = token.lemma_.lower()
    if verbal(token) and lemma in LIVE_VERBS:
        people = [arg for s in climb(token)[0] for arg in arguments(ctx, s, PERSON)]
        places = _places(ctx, prep_objects(token, ("in", "at")))
        return pairs(people, places, "livesIn", 0.8, "rule:livesin-verb")
    if token.pos_ == "NOUN" and lemma in RESIDENT_NOUNS:
        holders = [token.head] if token.dep_ == "appos" else []
        if token.dep_ == "attr":
            holders = children(token.head, ("nsubj",))
        people = [arg for h in holders for arg in arguments(ctx, h, PERSON)]
        places = _places(ctx, prep_objects(token, ("of",)) + children(token, ("compound", "amod")))
        return pairs(people, places, "livesIn", 0.75, "rule:livesin-resident")
    if ctx.mention_at(token, PERSON) is not None and token.head is not token:
        # "John Smith of Boston": an "of" phrase on the person's own name.
        person = ctx.mention_at(token, PERSON)
        places = _places(ctx, prep_objects(token, ("of", "from")))
        if person is not None and ctx.mention_at(token.head, PERSON) != person:
            return pairs([(person, 1.0)], places, "livesIn", 0.5, "rule:livesin-of")
    return []


def _possessive(ctx: Context, sent: Span) -> list[Candidate]:
    """ "France's Pernod Ricard", "London's Docklands": a place possessing an organization's or a
    place's name (the name itself, not a noun it modifies: "Finland's EU talks" says nothing)."""
    found: list[Candidate] = []
    for p in ctx.starting_in(sent.start, sent.end):
        place = ctx.mentions[p]
        if place.type not in PLACE:
            continue
        root = ctx.table.span_root(place.start, place.end)
        if root.dep_ != "poss":
            continue
        for types, relation, confidence in (
            (ORG_FAMILY, "basedIn", 0.75),
            (PLACE, "locatedIn", 0.7),
        ):
            owned = ctx.mention_at(root.head, types)
            if owned is None or owned == p:
                continue
            span = ctx.mentions[owned]
            if ctx.table.span_root(span.start, span.end).i == root.head.i:
                found += pairs(
                    [(owned, 1.0)], [(p, 1.0)], relation, confidence, f"rule:{relation.lower()}-possessive"
                )
    return found


def _source_lines(ctx: Context, sent: Span) -> list[Candidate]:
    """ "Brannock ZELTA VISTI in Veltan ...", "Havana Radio Reloj Network": a news outlet's source
    line opens with the place it files from, where it is based (``caps.py`` finds the lines)."""
    found: list[Candidate] = []
    for (s_start, _), (_, p_end) in sources_and_places(ctx.doc):
        if not sent.start <= s_start < sent.end:
            continue
        source = ctx.mention_at(ctx.doc[s_start], ORG_FAMILY)
        place = ctx.mention_at(ctx.doc[p_end - 1], PLACE)
        if source is None or place is None:
            continue
        found += pairs([(source, 1.0)], [(place, 1.0)], "basedIn", 0.8, "rule:basedin-source-line")
    return found


def find_places(ctx: Context, sent: Span) -> list[Candidate]:
    """basedIn / locatedIn / livesIn hits of one sentence."""
    found: list[Candidate] = _nested(ctx, sent) + _comma_pairs(ctx, sent) + _source_lines(ctx, sent)
    found += _possessive(ctx, sent) + find_seats(ctx, sent)
    tab = ctx.table
    for i in range(sent.start, sent.end):
        lower, lemma = tab.lower[i], tab.lemma[i]
        if lower in BASE_WORDS:
            found.extend(_hyphen_based(ctx, tab.tokens[i], sent))
            found.extend(_based_in(ctx, tab.tokens[i]))
        elif tab.pos[i] == "NOUN" and lemma in PLACE_NOUNS:
            found.extend(_located(ctx, tab.tokens[i]))
        elif lemma in LIVE_VERBS or lemma in RESIDENT_NOUNS or ctx.mention_at_index(i, PERSON) is not None:
            found.extend(_lives(ctx, tab.tokens[i]))  # (nothing else can live anywhere)
    return found
