"""accuses by reported judgement: someone says that another, or what another did, is bad.

News reports criticism as speech more often than with "criticise": "the council said Ben Orr's
comments were highly irresponsible", "Norwind called Kestria's rice policy an extreme example of
protectionism", "the union said the Norwind plan was unacceptable". When the speaker names the
judged party (or its act, through a possessive or a name before the noun) and the words of the
judgement are of blame, the speaker accuses the judged. The judgement must not be denied ("was
not unfair") and must be the speaker's, not a quotation inside a question.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.relations.actors import actor_args
from kg.extract.relations.context import AGENTS, PARTIES, Arg, Candidate, Context, pairs
from kg.extract.relations.modality import asserted
from kg.extract.relations.syntax import arguments, children, climb, prep_objects, verbal

# Words of blame strong enough that saying them of someone is an accusation.
BLAME_WORDS = frozenset(
    {
        "irresponsible", "unrealistic", "mistaken", "unfair", "unjust", "frivolous", "baseless",
        "unfounded", "groundless", "meaningless", "misleading", "disastrous", "outrageous",
        "absurd", "ridiculous", "illegal", "unlawful", "unacceptable", "protectionism",
        "protectionist", "arrogant", "sinister", "disgraceful", "shameful", "crass", "ignorant",
        "hypocritical", "dishonest", "deceitful", "reckless", "incompetent", "disappointment",
        "betrayal", "scandalous", "appalling", "deplorable", "discriminatory", "improper",
        "negligent", "fraudulent", "untrue", "contempt", "shambles", "farce", "stooge",
        "intransigence", "intransigent", "hostile", "dangerous", "damaging", "deceptive",
        "unconstitutional", "undemocratic", "unethical", "immoral", "cynical", "shoddy",
    }
)  # fmt: skip
# Verbs that report a judgement: "said X was ...", "called X a ...", "described X as ...".
REPORT_VERBS = frozenset(
    {"say", "call", "describe", "brand", "label", "insist", "argue", "state", "add", "tell"}
)
NAMING_VERBS = frozenset({"call", "describe", "brand", "label"})  # the judged is the object


def blamed(clause: Token) -> bool:
    """Whether a word of blame is what the clause predicates, undenied: the complement of its verb
    ("were irresponsible", "an example of protectionism"), not a word elsewhere in it ("asked
    Japan to ease protectionist pressures")."""
    predicates = [c for c in clause.children if c.dep_ in ("acomp", "attr", "oprd")]
    if any(c.dep_ == "neg" for c in clause.children):
        return False
    for pred in predicates:
        for tok in pred.subtree:
            if (tok.lemma_.lower() in BLAME_WORDS or tok.lower_ in BLAME_WORDS) and not any(
                c.dep_ == "neg" for c in tok.children
            ):
                return True
    return False


def _blames(phrase: Token) -> bool:
    return any(
        (t.lemma_.lower() in BLAME_WORDS or t.lower_ in BLAME_WORDS)
        and not any(c.dep_ == "neg" for c in t.children)
        for t in phrase.subtree
    )


def _judged(ctx: Context, tok: Token) -> list[Arg]:
    """The party a judged word stands for: itself, or the owner of the act or words judged
    ("Ben Orr's comments", "the Norwind plan")."""
    found = arguments(ctx, tok, PARTIES)
    if found:
        return found
    owners = children(tok, ("poss",)) + [
        c for c in tok.children if c.dep_ in ("compound", "nmod") and c.i < tok.i
    ]
    owners += prep_objects(tok, ("by", "of"))  # "the decision by Kestria", "the policies of Norland"
    return [arg for o in owners for arg in arguments(ctx, o, PARTIES)]


def _judgement(ctx: Context, verb: Token) -> list[Candidate]:
    lemma = verb.lemma_.lower()
    subjects, _ = climb(verb)
    heads = [arg for s in subjects for arg in actor_args(ctx, s, AGENTS)]
    if not heads:
        return []
    found: list[Candidate] = []
    if lemma in NAMING_VERBS:  # "called Kestria's policy protectionism", "described X as reckless"
        complements = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")]
        complements += [o for p in children(verb, ("prep",)) if p.lower_ == "as" for o in p.children]
        if any(_blames(c) for c in complements):
            for obj in children(verb, ("dobj",)):
                found += pairs(heads, _judged(ctx, obj), "accuses", 0.65, "rule:accuse-judgement")
    for clause in children(verb, ("ccomp",)):
        if not blamed(clause):
            continue
        judged = [arg for s in children(clause, ("nsubj", "nsubjpass")) for arg in _judged(ctx, s)]
        found += pairs(heads, judged, "accuses", 0.6, "rule:accuse-judgement")
    return found


def find_judgements(ctx: Context, sent: Span) -> list[Candidate]:
    """accuses hits of one sentence stated as a reported judgement of blame."""
    found: list[Candidate] = []
    tab = ctx.table
    for i in range(sent.start, sent.end):
        if tab.lemma[i] in REPORT_VERBS and verbal(tab.tokens[i]) and asserted(tab.tokens[i]):
            found += _judgement(ctx, tab.tokens[i])
    return found
