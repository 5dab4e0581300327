"""leads and worksFor read beyond a role noun's own phrase: how news introduces the people who
speak or act for an organization.

- a name followed by the organization after "of", "from" or "at": "Ana Quist of the Rye Growers
  Union said", "Ben Orr, from Norwind, said", "Ana Quist, 44, of Norwind" (a place there is
  where one lives, for ``places``);
- a company's office before a name, the company left to the story: "chief executive Ben Orr
  told a news conference", "company spokesman Ana Quist said", "new boss Ben Orr": the company
  the sentence is about, or else the one the story is about (named most often);
- a body with the one who leads it in a participle: "the Rye Council, led by Ana Quist", "the
  Trade Committee, chaired by Ben Orr";
- a role phrase next to a name the parse did not join to it: "Ana Quist, Norwind's chief
  executive, said", "director of the Rye Trust, Ana Quist, said";
- an appointment: "Norwind named Ana Quist (as) chief executive", "Ana Quist was appointed
  chairman of Norwind" (the ``roles`` rules read the latter when the role noun has its "of").
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from kg.extract.relations.context import ORG_FAMILY, PERSON, Candidate, Context, pairs
from kg.extract.relations.roles import ROLE_WORDS, role_kind
from kg.extract.relations.syntax import arguments, children, climb, prep_objects, verbal
from kg.extract.relations.verbs import PART_NOUNS

AFFILIATION_PREPOSITIONS = frozenset({"of", "from", "at"})
# Offices a company has, that news writes before a name without the company's: "chief
# executive Ana Quist", "company spokesman Ben Orr". Not "president" (of a country, too).
COMPANY_OFFICES = frozenset(
    {"ceo", "chairman", "chairwoman", "spokesman", "spokeswoman", "spokesperson", "boss", "executive"}
)
COMPANY_WORDS = frozenset({"company", "firm", "group", "bank", "chief", "managing", "new", "the", "its"})
LEAD_PARTICIPLES = frozenset({"lead", "chair", "head", "run", "found"})
APPOINT_VERBS = frozenset({"name", "appoint", "elect", "make"})


def _affiliations(ctx: Context, sent: Span) -> list[Candidate]:
    """ "Ana Quist of Norwind", "Ana Quist, from Norwind,", "Ana Quist, 44, of Norwind"."""
    found: list[Candidate] = []
    doc = ctx.doc
    for p in ctx.starting_in(sent.start, sent.end):
        if ctx.type_of(p) != "Person":
            continue
        i = ctx.mentions[p].end
        if i < sent.end and doc[i].text == ",":
            i += 1
            if i + 1 < sent.end and doc[i].like_num and doc[i + 1].text == ",":
                i += 2  # an age
        if i >= sent.end or doc[i].lower_ not in AFFILIATION_PREPOSITIONS:
            continue
        i += 1
        if i < sent.end and doc[i].lower_ == "the":
            i += 1
        org = ctx.mention_at(doc[i], ORG_FAMILY) if i < sent.end else None
        if org is None or ctx.mentions[org].start != i:
            continue
        after = ctx.mentions[org].end
        owned = doc[after].head if after < sent.end and doc[after].lower_ in ("'s", "’s", "'") else None
        if owned is not None and owned.lemma_.lower() not in PART_NOUNS:
            continue  # the owner of what follows: "Ana Quist at Norwind's theatre", not "'s unit"
        found.append(Candidate(p, org, "worksFor", 0.75, "rule:worksFor-of"))
    return found


def _office_before(ctx: Context, person: int, sent: Span) -> list[str]:
    """The words of a company's office right before a name, lower-cased: "chief executive"."""
    words: list[str] = []
    i = ctx.mentions[person].start - 1
    while i >= sent.start and ctx.mention_at(ctx.doc[i]) is None:
        low = ctx.doc[i].lower_
        if low not in COMPANY_OFFICES | COMPANY_WORDS:
            break
        words.insert(0, low)
        i -= 1
    if i >= sent.start and (
        ctx.doc[i].pos_ in ("NOUN", "PROPN", "ADJ") or ctx.mention_at(ctx.doc[i]) is not None
    ):
        return []  # a word of some other kind before the office: "former", "Tory", "FBI"
    return words if words and words[-1] in COMPANY_OFFICES else []


def _company_of_story(ctx: Context, sent: Span, person: int) -> int | None:
    """The company a sentence is about (the subject of its main clause, an organization), else
    the one the story is about: named most often so far."""
    for m in ctx.starting_in(sent.start, sent.end):
        if m == person or ctx.type_of(m) not in ORG_FAMILY:
            continue
        root = ctx.table.span_root(ctx.mentions[m].start, ctx.mentions[m].end)
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ in ("ROOT", "ccomp"):
            return m
    counts: Counter[int] = Counter()
    latest: dict[int, int] = {}
    for m in ctx.starting_in(0, sent.start):
        if ctx.type_of(m) == "Company":
            counts[ctx.key(m)] += 1
            latest[ctx.key(m)] = m
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None  # no company, or no one company the story is about
    return latest[ranked[0][0]]


def _left_to_story(ctx: Context, sent: Span) -> list[Candidate]:
    found: list[Candidate] = []
    for p in ctx.starting_in(sent.start, sent.end):
        if ctx.type_of(p) != "Person":
            continue
        words = _office_before(ctx, p, sent)
        kind = role_kind([w for w in words if w not in COMPANY_WORDS or w == "chief"])
        if kind is None:
            continue
        org = _company_of_story(ctx, sent, p)
        if org is not None:
            found.append(Candidate(p, org, kind, 0.65, f"rule:{kind}-story"))
    return found


def _led_by(ctx: Context, verb: Token) -> list[Candidate]:
    """ "the Rye Council, led by Ana Quist": a participle on the body, its leader after "by"
    (read off the words where the parse hangs the participle elsewhere)."""
    if verb.tag_ != "VBN":
        return []
    leaders = [arg for o in prep_objects(verb, ("by",)) for arg in arguments(ctx, o, PERSON)]
    if verb.dep_ == "acl":
        bodies = arguments(ctx, verb.head, ORG_FAMILY)
    else:
        i = verb.i - 1
        while i > verb.sent.start and ctx.doc[i].text in (",", "-", "–", "—"):
            i -= 1
        body = ctx.mention_at(ctx.doc[i], ORG_FAMILY) if i < verb.i - 1 else None
        bodies = [] if body is None or ctx.mentions[body].end != i + 1 else [(body, 1.0)]
    return pairs(leaders, bodies, "leads", 0.8, "rule:leads-participle")


def _roles_around(ctx: Context, sent: Span) -> list[Candidate]:
    """A role phrase next to a name the parse did not join to it: "Ana Quist, Norwind's chief
    executive, said", "director of the Rye Trust, Ana Quist, said"."""
    found: list[Candidate] = []
    doc = ctx.doc
    for p in ctx.starting_in(sent.start, sent.end):
        if ctx.type_of(p) != "Person":
            continue
        end, start = ctx.mentions[p].end, ctx.mentions[p].start
        # "Ana Quist, Norwind's chief executive"
        if end + 3 < sent.end and doc[end].text == ",":
            org = ctx.mention_at(doc[end + 1], ORG_FAMILY)
            if org is not None and ctx.mentions[org].start == end + 1:
                i = ctx.mentions[org].end
                if i < sent.end and doc[i].lower_ in ("'s", "’s", "'"):
                    words = []
                    i += 1
                    while i < sent.end and doc[i].lower_ in ROLE_WORDS:
                        words.append(doc[i].lower_)
                        i += 1
                    kind = role_kind(words)
                    if kind is not None:
                        found.append(Candidate(p, org, kind, 0.8, f"rule:{kind}-apposed"))
        # "director of the Rye Trust, Ana Quist"
        if start - 3 >= sent.start and doc[start - 1].text == ",":
            org = ctx.mention_at(doc[start - 2], ORG_FAMILY)
            if org is not None and ctx.mentions[org].end == start - 1:
                i = ctx.mentions[org].start - 1
                i -= doc[i].lower_ == "the"
                if i > sent.start and doc[i].lower_ == "of":
                    words = []
                    i -= 1
                    while i >= sent.start and doc[i].lower_ in ROLE_WORDS:
                        words.insert(0, doc[i].lower_)
                        i -= 1
                    kind = role_kind(words)
                    if kind is not None:
                        found.append(Candidate(p, org, kind, 0.8, f"rule:{kind}-apposed"))
    return found


def _appointed(ctx: Context, verb: Token) -> list[Candidate]:
    """ "Norwind named Ana Quist (as) chief executive", "Norwind has appointed Ben Orr chairman"."""
    people = [arg for o in children(verb, ("dobj",)) for arg in arguments(ctx, o, PERSON)]
    if not people:
        return []
    roles = children(verb, ("oprd", "xcomp")) + prep_objects(verb, ("as",))
    for obj in children(verb, ("dobj",)):
        roles += prep_objects(obj, ("as",)) + children(obj, ("appos",))
    orgs = [arg for s in climb(verb)[0] for arg in arguments(ctx, s, ORG_FAMILY)]
    found: list[Candidate] = []
    for role in roles:
        phrase = [c.lower_ for c in role.lefts if c.dep_ in ("amod", "compound")] + [role.lower_]
        phrase += [c.lower_ for c in role.children if c.dep_ == "conj"]
        kind = role_kind(phrase)
        if kind is not None:
            found += pairs(people, orgs, kind, 0.75, f"rule:{kind}-appointed")
    return found


def find_staff(ctx: Context, sent: Span) -> list[Candidate]:
    """leads / worksFor of one sentence read beyond a role noun's phrase."""
    found = _affiliations(ctx, sent) + _left_to_story(ctx, sent) + _roles_around(ctx, sent)
    tab = ctx.table
    for i in range(sent.start, sent.end):
        lemma = tab.lemma[i]
        if lemma in LEAD_PARTICIPLES:
            found += _led_by(ctx, tab.tokens[i])
        elif lemma in APPOINT_VERBS and verbal(tab.tokens[i]):
            found += _appointed(ctx, tab.tokens[i])
    return found
