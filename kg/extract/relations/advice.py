"""urges by reported advice: "the fund said Kestria should cut its deficit".

News reports an appeal as what someone says another should or must do as often as with
"urge": "the OECD said Japan should stimulate demand", "Norland says Kestria must open its
markets". The speaker urges the one named as the subject of the obligation — a party other than
the speaker ("we should" and "Norland should", said by Norland, urge nobody), in a clause the
story does not deny or hedge.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.relations.actors import actor_args
from kg.extract.relations.context import AGENTS, Candidate, Context, pairs
from kg.extract.relations.modality import asserted
from kg.extract.relations.syntax import arguments, children, climb, verbal

OBLIGATION = frozenset({"should", "must", "ought"})
SAYING = frozenset({"say", "tell", "argue", "insist", "state", "add", "believe", "warn"})


def _obliged(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in clause.children) and not any(
        c.dep_ == "neg" for c in clause.children
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
