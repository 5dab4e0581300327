"""Who does and who undergoes an accusation or an appeal: the arguments the event rules share.

The agent of an act is read with ``syntax.climb`` and ``actors`` (an unnamed spokesman's
organization, a document's author), helped where the small model misreads English: a finite
verb hung on a relative clause ("X spelled out the steps Y was taking and appealed ..."), a
counted plural ("the two companies urged ..."), a joint act ("X joined Y in charging ..."), an
unresolved pronoun in a subordinate clause, allies that co-signed.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relations.actors import actor_args, target_args
from kg.extract.relations.alliances import allies_of
from kg.extract.relations.context import AGENTS, Arg, Context
from kg.extract.relations.groups import group_args, joined_in
from kg.extract.relations.syntax import children, climb, misattached_conjunct

PRONOUN_FACTOR = 0.8  # agent taken from the main clause for an unresolved pronoun


def agents(ctx: Context, verb: Token) -> tuple[list[Arg], list[Token]]:
    """The agents of ``verb`` with co-signing allies at lower confidence, and the verbs climbed."""
    start = misattached_conjunct(verb)
    subjects, chain = climb(start)
    if start is not verb:
        chain = [verb, *chain]
    found = [arg for s in subjects for arg in actor_args(ctx, s, AGENTS) or group_args(ctx, s, AGENTS)]
    found = found or joined_in(ctx, verb)
    top = chain[-1]
    if not found and subjects and subjects[0].pos_ == "PRON" and top.dep_ in ("ccomp", "advcl", "conj"):
        # An unresolved pronoun in a subordinate clause: "X denied that it had ..., rebutting ..."
        # most often means the main clause's subject.
        outer, outer_chain = climb(top.head)
        found = [(m, f * PRONOUN_FACTOR) for s in outer for m, f in actor_args(ctx, s, AGENTS)]
        chain = chain + outer_chain
    known = {m for m, _ in found}
    found += [(m, f) for m, f in allies_of(ctx, chain) if m not in known]
    return found, chain


def clause_subjects(verb: Token) -> list[Token]:
    """Subjects of the clauses ``verb`` governs: "X alleged that Y ...", "X demanded that Y ..."."""
    return [s for c in children(verb, ("ccomp", "xcomp")) for s in children(c, ("nsubj", "nsubjpass"))]


def that_clause_subjects(verb: Token) -> list[Token]:
    """Subjects of the first that-clause in the verb's phrase, wherever the parser hung it: "X
    charged in a complaint filed in court that Y mislabeled ..." (the clause read as the
    complaint's relative clause)."""
    for tok in verb.subtree:
        if tok.lower_ == "that" and tok.i > verb.i and tok.head.pos_ in ("VERB", "AUX"):
            clause = tok.head
            subjects = [s for s in children(clause, ("nsubj", "nsubjpass")) if s.i > tok.i]
            if subjects:
                return subjects
    return []


def targets(ctx: Context, tokens: list[Token]) -> list[Arg]:
    """The mentions an act is aimed at through ``tokens`` (see ``actors.target_args``), or the
    group a counted plural stands for."""
    return [arg for t in tokens for arg in target_args(ctx, t) or group_args(ctx, t)]
