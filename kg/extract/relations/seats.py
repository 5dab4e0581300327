"""basedIn from the words that describe an organization or its seat.

- a describing noun that a place modifies: "US phone firm Norwind", "Russia's biggest
  conglomerate, Norwind Group", "Norwind, the New York investment bank", "Norwind is a US
  company", "the US financial watchdog, the Norwind Commission"; a nationality adjective there
  names its country where the story names it ("Kestrian oil giant Norwind", "Swiss Norwind");
- a description after a list belongs to its last item: "Vell and Norwind, Britain's other big
  operator" describes Norwind;
- a court in a town: "the US bankruptcy court in Marlow, Texas";
- a seat named as such: "the union's Marlow headquarters", "Norwind's headquarters in Marlow";
- a place after "of" behind a name: "Norwind Inc of Marlow, Ohio".
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract import kinds
from kg.extract.relations.context import ORG_FAMILY, PLACE, Candidate, Context, pairs
from kg.extract.relations.syntax import children, prep_objects

ORG_DESCRIPTORS = kinds.DESCRIBER_NOUNS
COURT_WORDS = frozenset({"court", "tribunal"})
SEAT_WORDS = frozenset({"headquarters", "headquarter", "hq"})
ARTICLES = frozenset({"the", "a", "an"})


def _describer(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (lemma in ORG_DESCRIPTORS or lemma.endswith("maker"))


def country_named(ctx: Context, adjective: Token) -> int | None:
    """The story's mention of the country a nationality adjective names ("Kestrian" for
    "Kestria"), the nearest one; None if the story never names it."""
    country = kinds.DEMONYMS.get(adjective.lower_)
    if country is None:
        return None
    best: int | None = None
    for m, ment in enumerate(ctx.mentions):
        if ment.type not in PLACE or ment.kind != "name":
            continue
        text = ctx.doc[ment.start : ment.end].text.casefold()
        if (kinds.COUNTRY_VARIANTS.get(text) or text) != country.casefold() and kinds.COUNTRY_VARIANTS.get(
            text
        ) != country:
            continue
        if best is None or abs(ment.start - adjective.i) < abs(ctx.mentions[best].start - adjective.i):
            best = m
    return best


def _place_in_modifiers(ctx: Context, noun: Token) -> int | None:
    """A place among the words before a describing noun: "[US] phone firm", "[Russia]'s oil
    giant", "[Kestrian] oil giant" (the story's Kestria)."""
    for tok in noun.lefts:
        for t in tok.subtree:
            p = ctx.mention_at(t, PLACE)
            if p is not None and ctx.mentions[p].end <= noun.i:
                return p
            if t.pos_ in ("ADJ", "PROPN") and ctx.mention_at(t) is None:
                p = country_named(ctx, t)
                if p is not None:
                    return p
    return None


def _listed_before(root: Token, noun: Token) -> bool:
    """Whether another item of the name's list stands between it and the noun describing it."""
    return any(root.i < c.i < noun.i for c in root.conjuncts)


def _description_nouns(ctx: Context, o: int, sent: Span) -> list[Token]:
    org = ctx.mentions[o]
    root = ctx.table.span_root(org.start, org.end)
    nouns: list[Token] = []
    before = org.start - 1
    if before >= sent.start and ctx.doc[before].lower_ in ARTICLES:
        before -= 1  # "the US watchdog, the Norwind Commission"
    if before > sent.start and ctx.doc[before].text == ",":
        before -= 1  # "..., Norwind Group" after its description
    if before >= sent.start and _describer(ctx.doc[before]) and ctx.mention_at(ctx.doc[before]) is None:
        nouns.append(ctx.doc[before])
    inside = ctx.doc[org.start : org.end]
    nouns += [
        c
        for t in inside
        for c in t.children
        if c.dep_ == "appos" and _describer(c) and c.i >= org.end and not _listed_before(root, c)
    ]
    if root.dep_ == "conj":  # "Vell and Norwind, Britain's other operator": the last item's
        nouns += [
            c
            for c in root.head.children
            if c.dep_ == "appos" and _describer(c) and c.i > root.i and not _listed_before(root, c)
        ]
    if root.dep_ == "appos" and _describer(root.head):
        nouns.append(root.head)
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":  # "Norwind is a US company"
        nouns += [c for c in root.head.children if c.dep_ == "attr" and _describer(c)]
    return nouns


def _described(ctx: Context, sent: Span) -> list[Candidate]:
    """An organization described by a noun that a place modifies, or named right after a
    nationality adjective ("Swiss Norwind")."""
    found: list[Candidate] = []
    for o in ctx.starting_in(sent.start, sent.end):
        org = ctx.mentions[o]
        if org.type not in ORG_FAMILY:
            continue
        for noun in _description_nouns(ctx, o, sent):
            p = _place_in_modifiers(ctx, noun)
            if p is not None and ctx.key(p) != ctx.key(o):
                found += pairs([(o, 1.0)], [(p, 1.0)], "basedIn", 0.75, "rule:basedin-described")
                break
        before = org.start - 1
        if org.kind == "name" and before >= sent.start and ctx.mention_at(ctx.doc[before]) is None:
            p = country_named(ctx, ctx.doc[before]) if ctx.doc[before].pos_ in ("ADJ", "PROPN") else None
            if p is not None and ctx.key(p) != ctx.key(o):
                found += pairs([(o, 1.0)], [(p, 1.0)], "basedIn", 0.7, "rule:basedin-nationality")
    return found


def _town_and_state(ctx: Context, place: int) -> list[int]:
    """A town and the state after it: "Marlow, Texas" gives both."""
    found = [place]
    after = ctx.mentions[place].end
    if after + 1 < len(ctx.doc) and ctx.doc[after].text == ",":
        state = ctx.mention_at(ctx.doc[after + 1], PLACE)
        if state is not None and ctx.mentions[state].start == after + 1:
            found.append(state)
    return found


def _courts(ctx: Context, sent: Span) -> list[Candidate]:
    """ "the bankruptcy court in Marlow, Texas": a court sits where it is said to be."""
    found: list[Candidate] = []
    for o in ctx.starting_in(sent.start, sent.end):
        org = ctx.mentions[o]
        if org.type not in ORG_FAMILY or ctx.doc[org.end - 1].lower_ not in COURT_WORDS:
            continue
        root = ctx.table.span_root(org.start, org.end)
        objects = prep_objects(root, ("in",))
        if org.end + 1 < sent.end and ctx.doc[org.end].lower_ == "in":  # the parse may hang "in" higher
            objects.append(ctx.doc[org.end + 1])
        for p in dict.fromkeys(ctx.mention_at(obj, PLACE) for obj in objects):
            if p is not None:
                places = [(q, 1.0) for q in _town_and_state(ctx, p)]
                found += pairs([(o, 1.0)], places, "basedIn", 0.8, "rule:basedin-court")
    return found


def _headquarters(ctx: Context, sent: Span) -> list[Candidate]:
    """ "the union's Marlow headquarters", "Norwind's headquarters in Marlow"."""
    found: list[Candidate] = []
    tab = ctx.table
    for i in range(sent.start, sent.end):
        if tab.lower[i] not in SEAT_WORDS or ctx.mention_at_index(i) is not None:
            continue
        tok = tab.tokens[i]
        owners = [ctx.mention_at(p, ORG_FAMILY) for p in children(tok, ("poss",))]
        places = [ctx.mention_at(c, PLACE) for c in children(tok, ("compound", "nmod"))]
        places += [ctx.mention_at(o, PLACE) for o in prep_objects(tok, ("in",))]
        for o in owners:
            for p in places:
                if o is not None and p is not None:
                    found += pairs([(o, 1.0)], [(p, 1.0)], "basedIn", 0.8, "rule:basedin-headquarters")
    return found


def _of_place(ctx: Context, sent: Span) -> list[Candidate]:
    """ "Norwind Inc of Marlow, Ohio": a place after "of" right behind a company's name."""
    found: list[Candidate] = []
    for o in ctx.starting_in(sent.start, sent.end):
        org = ctx.mentions[o]
        i = org.end
        if org.type not in ORG_FAMILY or org.kind != "name" or i + 1 >= sent.end or ctx.doc[i].lower_ != "of":
            continue
        p = ctx.mention_at(ctx.doc[i + 1], PLACE)
        if p is not None and ctx.mentions[p].start == i + 1:
            places = [(q, 1.0) for q in _town_and_state(ctx, p)]
            found += pairs([(o, 1.0)], places, "basedIn", 0.8, "rule:basedin-of")
    return found


def find_seats(ctx: Context, sent: Span) -> list[Candidate]:
    """basedIn of one sentence read from descriptions, courts and headquarters."""
    return _described(ctx, sent) + _courts(ctx, sent) + _headquarters(ctx, sent) + _of_place(ctx, sent)
