"""urges by reported advice: "the fund said Kestria should cut its deficit".

News reports an appeal as what someone says another should, must or needs to do as often as
with "urge": "the OECD said Japan should stimulate demand", "Norland says Kestria must open its
markets", "Kestria needed to listen too, he said", "Kestria has an obligation to lead, he said".
The speaker urges the one named as the subject of the obligation — a party other than the
speaker ("we should" and "Norland should", said by Norland, urge nobody), in a clause the story
does not deny, hedge or foretell ("Kestria will have to pay").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.relations.actors import actor_args
from kg.extract.relations.context import AGENTS, Candidate, Context, pairs
from kg.extract.relations.modality import asserted
from kg.extract.relations.syntax import arguments, children, climb, verbal

OBLIGATION = frozenset({"should", "must", "ought"})
SAYING = frozenset({"say", "tell", "argue", "insist", "state", "add", "believe", "warn"})


# "Kestria needs to act", "Kestria has a duty to act".
NEED_VERBS = frozenset({"need", "have"})
DUTY_NOUNS = frozenset({"obligation", "duty", "responsibility"})


def _to_infinitive(verb: Token) -> bool:
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def _obliged(clause: Token) -> bool:
    """ "Kestria should/must/ought to act", "Kestria needs to act", "has an obligation to act",
    undenied."""
    if any(c.dep_ == "neg" for c in clause.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in clause.children):
        return True
    lemma = clause.lemma_.lower()
    if lemma not in NEED_VERBS or any(c.dep_ == "aux" for c in clause.children):
        return False  # "it will have to pay" foretells, it does not advise
    if lemma == "need" and any(c.dep_ == "xcomp" and _to_infinitive(c) for c in clause.children):
        return True  # not "has to": "the Fed has to be pleased", "Kestria had to tackle ..." analyse
    return any(
        o.lemma_.lower() in DUTY_NOUNS and any(c.dep_ == "acl" and _to_infinitive(c) for c in o.children)
        for o in children(clause, ("dobj",))
    )


def find_advice(ctx: Context, sent: Span) -> list[Candidate]:
    """urges hits of one sentence stated as what the speaker says another should do."""
    found: list[Candidate] = []
    tab = ctx.table
    for i in range(sent.start, sent.end):
        if tab.lemma[i] not in SAYING:
            continue
        verb = tab.tokens[i]
        if not (verbal(verb) and asserted(verb)):
            continue
        clauses = [c for c in children(verb, ("ccomp",)) if _obliged(c)]
        if not clauses:
            continue
        heads = [arg for s in climb(verb)[0] for arg in actor_args(ctx, s, AGENTS)]
        tails = [arg for c in clauses for s in children(c, ("nsubj",)) for arg in arguments(ctx, s, AGENTS)]
        found += pairs(heads, tails, "urges", 0.6, "rule:urge-should")
    return found
