"""leads and worksFor: people holding a role in an organization."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from kg.extract.relations.context import ORG_FAMILY, PERSON, Arg, Candidate, Context, pairs
from kg.extract.relations.membership import UNIT_WORDS
from kg.extract.relations.partisans import party_offices
from kg.extract.relations.syntax import RELATIVE_PRONOUNS, arguments, children, climb, prep_objects, verbal
from kg.extract.relations.verbs import (
    JOIN_VERBS,
    LEAD_ROLES,
    LEAD_VERBS,
    SUBORDINATE,
    WORK_ROLES,
    WORK_VERBS,
)

# Words that may sit inside a role phrase without being a role: "managing director", "former head".
ROLE_MODIFIERS = frozenset(
    {"managing", "executive", "senior", "general", "former", "acting", "interim", "chief", "financial",
     "operating", "technology", "technical", "marketing", "legal", "press", "founding", "co", "-"}
) | SUBORDINATE  # fmt: skip
ROLE_WORDS = LEAD_ROLES | WORK_ROLES | ROLE_MODIFIERS
ROLES = LEAD_ROLES | WORK_ROLES
ROLE_VERBS = LEAD_VERBS | WORK_VERBS | JOIN_VERBS
CHIEF_LEADS = frozenset({"executive", "officer", "chief"})  # "chief executive (officer)", "the chief"
POSSESSIVE = frozenset({"'s", "’s", "'"})
ORG_DESIGNATORS = frozenset(
    {"group", "holding", "holdings", "corp", "corp.", "inc", "inc.", "co", "co.", "ltd"}
)


def role_kind(words: Sequence[str]) -> str | None:
    """ "leads" or "worksFor" for a role phrase (lower-cased words), None if it names no role."""
    roles = [w for w in words if w in ROLES]
    if not roles:
        return None
    if any(w in SUBORDINATE for w in words):
        return "worksFor"
    if "chief" in words:
        return "leads" if words[-1] in CHIEF_LEADS else "worksFor"
    return "leads" if roles[-1] in LEAD_ROLES else "worksFor"


def _role_phrase(role: Token) -> list[str]:
    modifiers = [c for c in role.lefts if c.dep_ in ("amod", "compound") and c.lower_ in ROLE_WORDS]
    return [t.lower_ for t in sorted([*modifiers, role], key=lambda t: t.i)]


def _people(ctx: Context, role: Token) -> list[Arg]:
    """Who holds ``role``: apposition either way, "CEO Jane Doe", "Jane is/was named CEO"."""
    holders: list[Token] = []
    if role.dep_ == "compound":
        # "ORG chairman Ana Quist": the name the title stands before, not the others of its list
        # ("a meeting between Norwind chairman Ana Quist, Vell chairman Ben Orr and ...")
        m = ctx.mention_at(role.head, PERSON)
        return [] if m is None else [(m, 1.0)]
    if role.dep_ == "appos":
        holders.append(role.head)
    holders += children(role, ("appos",))
    if role.dep_ in ("attr", "oprd"):
        subjects = children(role.head, ("nsubj", "nsubjpass")) or climb(role.head)[0]
        # "Ana Quist, who is the chief of Norwind": the relative pronoun's antecedent
        holders += [
            role.head.head if s.lower_ in RELATIVE_PRONOUNS and role.head.dep_ == "relcl" else s
            for s in subjects
        ]
    return [arg for h in holders for arg in arguments(ctx, h, PERSON)]


def _organizations(ctx: Context, role: Token) -> list[Arg]:
    """Where ``role`` is held: "of/at/for ORG", "ORG's", a compound "ORG spokesman"."""
    places = prep_objects(role, ("of", "for", "with")) + children(role, ("poss",))
    found = [arg for p in places for arg in arguments(ctx, p, ORG_FAMILY)]
    if not found:  # "at"/"in" only where no "of" says it: "chairman of the Centre at Y University"
        found = [arg for p in prep_objects(role, ("at", "in")) for arg in arguments(ctx, p, ORG_FAMILY)]
    for c in children(role, ("compound",)):
        m = ctx.mention_at(c, ORG_FAMILY)
        if m is not None:
            found.append((m, 1.0))
    return found


def _surface(ctx: Context, sent: Span) -> list[Candidate]:
    """ "ORG CEO PERSON", "ORG's chairman PERSON", "ORG chief executive, PERSON": read off the tokens."""
    found: list[Candidate] = []
    doc = ctx.doc
    for p in ctx.starting_in(sent.start, sent.end):
        person = ctx.mentions[p]
        if person.type != "Person":
            continue
        i = person.start - 1
        if i >= sent.start and doc[i].lower_ == ",":
            i -= 1
        office = doc[i].text
        words: list[str] = []
        while i >= sent.start and ctx.mention_at(doc[i]) is None:
            # two offices held at once: "ORG legal adviser and director PERSON"
            joined = doc[i].lower_ == "and" and words and i > sent.start and doc[i - 1].lower_ in ROLES
            if doc[i].lower_ not in ROLE_WORDS and not joined:
                break
            words.insert(0, doc[i].lower_)
            i -= 1
        kind = role_kind([w for w in words if w != "and"])
        if kind is None:
            continue
        if i >= sent.start and doc[i].lower_ in POSSESSIVE:
            i -= 1
        while i >= sent.start and doc[i].lower_ in ORG_DESIGNATORS and ctx.mention_at(doc[i]) is None:
            i -= 1  # "ORG group CEO PERSON" where the name stops before "group"
        org = ctx.mention_at(doc[i], ORG_FAMILY) if i >= sent.start else None
        if org is not None:
            hits = pairs([(p, 1.0)], [(org, 1.0)], kind, 0.85, f"rule:{kind}-compound")
            found.extend(party_offices(ctx, hits, office))
    return found


def _unit_owners(ctx: Context, orgs: list[Arg]) -> list[Arg]:
    """The body whose unit an office is in: one who heads "Norwind's Electronics Division" works
    for Norwind."""
    found: list[Arg] = []
    lower = ctx.table.lower
    for m, _ in orgs:
        ment = ctx.mentions[m]
        if lower[ment.end - 1].rstrip(".") not in UNIT_WORDS or ment.start - 2 < 0:
            continue
        if lower[ment.start - 1] not in POSSESSIVE:
            continue
        owner = ctx.mention_at_index(ment.start - 2, ORG_FAMILY)
        if owner is not None and ctx.mentions[owner].end == ment.start - 1 and ctx.key(owner) != ctx.key(m):
            found.append((owner, 1.0))
    return found


def _role_nouns(ctx: Context, sent: Span) -> list[Candidate]:
    found: list[Candidate] = []
    tab = ctx.table
    for i in range(sent.start, sent.end):
        if tab.pos[i] not in ("NOUN", "PROPN") or tab.lower[i] not in ROLES:
            continue
        if ctx.mention_at_index(i) is not None:
            continue  # part of a name: "the Head Office", "President Street"
        role = tab.tokens[i]
        kind = role_kind(_role_phrase(role))
        if kind is None:
            continue
        people = _people(ctx, role)
        if people:
            orgs = _organizations(ctx, role)
            found.extend(party_offices(ctx, pairs(people, orgs, kind, 0.85, f"rule:{kind}-role"), role.text))
            found.extend(pairs(people, _unit_owners(ctx, orgs), "worksFor", 0.75, "rule:worksFor-unit"))
    return found


def _verbs(ctx: Context, sent: Span) -> list[Candidate]:
    """ "PERSON, who heads ORG", "PERSON works for ORG", "PERSON joined ORG" (or ORG joined ORG)."""
    found: list[Candidate] = []
    tab = ctx.table
    for i in range(sent.start, sent.end):
        lemma = tab.lemma[i]
        if lemma not in ROLE_VERBS:  # the verbs below, before their subjects are looked for
            continue
        verb = tab.tokens[i]
        if not verbal(verb):
            continue
        subjects = [arg for s in climb(verb)[0] for arg in arguments(ctx, s)]
        if lemma in LEAD_VERBS:
            orgs = [arg for o in children(verb, ("dobj",)) for arg in arguments(ctx, o, ORG_FAMILY)]
            found.extend(pairs(subjects, orgs, "leads", 0.8, "rule:leads-verb"))
        elif lemma in WORK_VERBS:
            orgs = [arg for o in prep_objects(verb, ("for", "at")) for arg in arguments(ctx, o, ORG_FAMILY)]
            found.extend(pairs(subjects, orgs, "worksFor", 0.8, "rule:worksfor-verb"))
        elif lemma in JOIN_VERBS:
            orgs = [arg for o in children(verb, ("dobj",)) for arg in arguments(ctx, o, ORG_FAMILY)]
            people = [a for a in subjects if ctx.type_of(a[0]) == "Person"]
            others = [a for a in subjects if ctx.type_of(a[0]) != "Person"]
            found.extend(pairs(people, orgs, "worksFor", 0.7, "rule:worksfor-join"))
            found.extend(pairs(others, orgs, "memberOf", 0.7, "rule:member-join"))
    return found


def find_roles(ctx: Context, sent: Span) -> list[Candidate]:
    """leads / worksFor hits of one sentence (and memberOf for organizations joining one)."""
    found = _surface(ctx, sent) + _role_nouns(ctx, sent) + _verbs(ctx, sent)
    leaders = {(ctx.key(c.head), ctx.key(c.tail)) for c in found if c.type == "leads"}
    # A leading role implies working there; keep only the more specific relation.
    return [c for c in found if c.type != "worksFor" or (ctx.key(c.head), ctx.key(c.tail)) not in leaders]
