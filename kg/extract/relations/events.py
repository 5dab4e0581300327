"""accuses and urges: who attacks whom, and who presses whom to act."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.relations.alliances import allies_of
from kg.extract.relations.context import AGENTS, Arg, Candidate, Context, pairs
from kg.extract.relations.syntax import (
    arguments,
    children,
    climb,
    governing_verb,
    object_tokens,
    prep_objects,
    verbal,
)
from kg.extract.relations.verbs import (
    ACCUSE_CLAUSAL,
    ACCUSE_NOUNS,
    ACCUSE_PHRASAL,
    ACCUSE_VERBS,
    SEND_VERBS,
    URGE_CLAUSAL,
    URGE_PHRASAL,
    URGE_VERBS,
)

# "criticism of Y" names its target with "of"; "a lawsuit of Y" does not.
OF_TARGET_NOUNS = frozenset({"criticism", "denunciation", "condemnation"})
PRONOUN_FACTOR = 0.8  # agent taken from the main clause for an unresolved pronoun
# "ask" also asks questions: it urges only with a clause or a "for"-object.
NEEDS_CLAUSE = frozenset({"ask", "request"})


def agents(ctx: Context, verb: Token) -> tuple[list[Arg], list[Token]]:
    """The agents of ``verb`` with co-signing allies at lower confidence, and the verbs climbed."""
    subjects, chain = climb(verb)
    found = [arg for s in subjects for arg in arguments(ctx, s, AGENTS)]
    top = chain[-1]
    if not found and subjects and subjects[0].pos_ == "PRON" and top.dep_ in ("ccomp", "advcl", "conj"):
        # An unresolved pronoun in a subordinate clause: "X denied that it had ..., rebutting ..."
        # most often means the main clause's subject.
        outer, outer_chain = climb(top.head)
        found = [(m, f * PRONOUN_FACTOR) for s in outer for m, f in arguments(ctx, s, AGENTS)]
        chain = chain + outer_chain
    known = {m for m, _ in found}
    found += [(m, f) for m, f in allies_of(ctx, chain) if m not in known]
    return found, chain


def clause_subjects(verb: Token) -> list[Token]:
    """Subjects of the clauses ``verb`` governs: "X alleged that Y ...", "X demanded that Y ..."."""
    return [s for c in children(verb, ("ccomp", "xcomp")) for s in children(c, ("nsubj", "nsubjpass"))]


def _mentions(ctx: Context, tokens: list[Token]) -> list[Arg]:
    return [arg for t in tokens for arg in arguments(ctx, t)]


def _accuse_verb(ctx: Context, verb: Token) -> list[Candidate]:
    lemma = verb.lemma_.lower()
    heads, _ = agents(ctx, verb)
    if lemma in ACCUSE_VERBS:
        tails = _mentions(ctx, object_tokens(verb))
        if tails:
            return pairs(heads, tails, "accuses", 0.85, "rule:accuse-verb")
        tails = _mentions(ctx, prep_objects(verb, ("against",)))
        if tails:
            return pairs(heads, tails, "accuses", 0.8, "rule:accuse-verb")
    if lemma in ACCUSE_CLAUSAL:
        tails = _mentions(ctx, clause_subjects(verb))
        return pairs(heads, tails, "accuses", 0.7, "rule:accuse-allege")
    if lemma in ACCUSE_PHRASAL:
        tails = _mentions(ctx, prep_objects(verb, (ACCUSE_PHRASAL[lemma],)))
        return pairs(heads, tails, "accuses", 0.8, "rule:accuse-phrasal")
    return []


def _accuse_noun(ctx: Context, noun: Token) -> list[Candidate]:
    """ "X's lawsuit against Y", "X filed a complaint against Y", "X's criticism of Y"."""
    lemma = noun.lemma_.lower()
    preps = ("against", "of") if lemma in OF_TARGET_NOUNS else ("against",)
    verb = governing_verb(noun) if noun.dep_ in ("dobj", "conj") else None
    targets = prep_objects(noun, preps)
    if verb is not None:  # "X filed a lawsuit against Y" hangs "against" on the verb
        targets += prep_objects(verb, ("against",))
    tails = _mentions(ctx, targets)
    if not tails:
        return []
    heads = _mentions(ctx, children(noun, ("poss",)))
    if not heads:
        if verb is None:
            return []
        heads, _ = agents(ctx, verb)
    return pairs(heads, tails, "accuses", 0.8, "rule:accuse-noun")


def find_accusations(ctx: Context, sent: Span) -> list[Candidate]:
    """accuses hits of one sentence."""
    found: list[Candidate] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if verbal(token) and lemma in ACCUSE_VERBS | ACCUSE_CLAUSAL | set(ACCUSE_PHRASAL):
            found.extend(_accuse_verb(ctx, token))
        elif token.pos_ in ("NOUN", "PROPN") and lemma in ACCUSE_NOUNS:
            found.extend(_accuse_noun(ctx, token))
    return found


def _letter_recipients(ctx: Context, chain: list[Token]) -> list[Arg]:
    """Whom a letter climbed through was sent to: "sent a letter to Y urging it to ..."."""
    for verb in chain:
        if verb.lemma_.lower() in SEND_VERBS:
            return _mentions(ctx, prep_objects(verb, ("to",)))
    return []


def _urge_verb(ctx: Context, verb: Token) -> list[Candidate]:
    lemma = verb.lemma_.lower()
    heads, chain = agents(ctx, verb)
    via_letter = any(v.lemma_.lower() in SEND_VERBS for v in chain[1:])
    rule = "rule:urge-letter" if via_letter else "rule:urge-verb"
    targets: list[Token] = []
    if lemma in URGE_VERBS:
        if lemma in NEEDS_CLAUSE and not (children(verb, ("xcomp", "ccomp")) or prep_objects(verb, ("for",))):
            return []
        targets = object_tokens(verb)
    if lemma in URGE_PHRASAL:
        targets += prep_objects(verb, URGE_PHRASAL[lemma])
    if not targets and lemma in URGE_CLAUSAL:
        targets = clause_subjects(verb)
    tails = _mentions(ctx, targets)
    if not tails and via_letter:  # "urging it to ...", the pronoun left unresolved
        tails = [(m, f * 0.9) for m, f in _letter_recipients(ctx, chain)]
    return pairs(heads, tails, "urges", 0.85, rule)


def find_urgings(ctx: Context, sent: Span) -> list[Candidate]:
    """urges hits of one sentence."""
    found: list[Candidate] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if verbal(token) and lemma in URGE_VERBS | set(URGE_PHRASAL) | URGE_CLAUSAL:
            found.extend(_urge_verb(ctx, token))
    return found
