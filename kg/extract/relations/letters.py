"""urges through a letter whose addressees the next sentences name.

News often states an appeal made in a letter and only then says whom the letter went to: "Ana
Quist appealed for patience in a letter. The letter was sent today to Ben Orr and Lena Voss."
Whoever appealed in the letter urges each addressee of "the letter" (definite: the one just
mentioned), sent, addressed or delivered to them.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.relations.context import AGENTS, Arg, Candidate, Context, pairs
from kg.extract.relations.modality import asserted
from kg.extract.relations.syntax import arguments, prep_objects
from kg.extract.relations.verbs import SEND_VERBS

LETTER_NOUNS = frozenset({"letter", "message", "petition", "memorandum", "note"})
ADDRESSEE_FACTOR = 0.9  # the appeal and its addressees are told in two sentences


def _letter_in(verb: Token) -> bool:
    """ "appealed ... in a letter", "urged ... in letters to ..."."""
    return any(o.lemma_.lower() in LETTER_NOUNS for o in prep_objects(verb, ("in",)))


def remember_letter(ctx: Context, verb: Token, heads: list[Arg]) -> None:
    """Keep who appealed through ``verb`` when it was made in a letter, for the letter's addressees."""
    if heads and _letter_in(verb):
        ctx.state.letter_authors = list(heads)


def find_letter_addressees(ctx: Context, sent: Span) -> list[Candidate]:
    """urges hits of one sentence naming where the letter of an earlier appeal was sent."""
    authors = ctx.state.letter_authors
    if not authors:
        return []
    found: list[Candidate] = []
    for tok in sent:
        definite = any(c.lower_ in ("the", "this") for c in tok.children)
        if tok.lemma_.lower() not in LETTER_NOUNS or not definite:
            continue
        verb = tok.head
        if tok.dep_ not in ("nsubjpass", "dobj") or verb.lemma_.lower() not in SEND_VERBS | {"address"}:
            continue
        if not asserted(verb):
            continue
        addressees = [a for t in prep_objects(verb, ("to",)) for a in arguments(ctx, t, AGENTS)]
        addressees = [(m, f * ADDRESSEE_FACTOR) for m, f in addressees]
        found += pairs(authors, addressees, "urges", 0.75, "rule:urge-letter-addressee")
    ctx.state.letter_authors = [] if found else authors
    return found
