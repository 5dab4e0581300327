"""killed: one person killing another (the CoNLL04 Kill relation)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.relations.context import PERSON, Arg, Candidate, Context, pairs
from kg.extract.relations.syntax import arguments, children, climb, object_tokens, prep_objects, verbal
from kg.extract.relations.verbs import KILL_NOUNS, KILL_VERBS, KILLER_NOUNS


def _people(ctx: Context, tokens: list[Token]) -> list[Arg]:
    return [arg for t in tokens for arg in arguments(ctx, t, PERSON)]


def _kill_verb(ctx: Context, verb: Token) -> list[Candidate]:
    """ "A killed B", "B was shot dead by A", "A, who murdered B"."""
    killers = _people(ctx, climb(verb)[0])
    victims = _people(ctx, object_tokens(verb))
    return pairs(killers, victims, "killed", 0.85, "rule:killed-verb")


def _kill_noun(ctx: Context, noun: Token) -> list[Candidate]:
    """ "the assassination of B by A", "A's murder of B"."""
    victims = _people(ctx, prep_objects(noun, ("of",)))
    killers = _people(ctx, prep_objects(noun, ("by",)))
    if victims and not killers:
        killers = _people(ctx, children(noun, ("poss",)))
    elif killers and not victims:
        victims = _people(ctx, children(noun, ("poss",)))  # "B's assassination by A"
    return pairs(killers, victims, "killed", 0.8, "rule:killed-noun")


def _killer_noun(ctx: Context, noun: Token) -> list[Candidate]:
    """ "A, the assassin of B", "B's killer, A", "A is B's murderer"."""
    holders: list[Token] = children(noun, ("appos",))
    if noun.dep_ == "appos":
        holders.append(noun.head)
    if noun.dep_ == "attr":
        holders += children(noun.head, ("nsubj",))
    killers = _people(ctx, holders)
    victims = _people(ctx, prep_objects(noun, ("of",)) + children(noun, ("poss",)))
    return pairs(killers, victims, "killed", 0.8, "rule:killed-killer")


def find_killings(ctx: Context, sent: Span) -> list[Candidate]:
    """killed hits of one sentence."""
    found: list[Candidate] = []
    tab = ctx.table
    for i in range(sent.start, sent.end):
        lemma = tab.lemma[i]
        if lemma in KILL_VERBS and verbal(tab.tokens[i]):
            found.extend(_kill_verb(ctx, tab.tokens[i]))
        elif tab.pos[i] == "NOUN" and lemma in KILL_NOUNS:
            found.extend(_kill_noun(ctx, tab.tokens[i]))
        elif tab.pos[i] == "NOUN" and lemma in KILLER_NOUNS:
            found.extend(_killer_noun(ctx, tab.tokens[i]))
    return found
