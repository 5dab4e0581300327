"""respondsTo: who answers, rebuts or denies an accusation, and whose accusation it was."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from kg.extract.relations.actors import authors, judges
from kg.extract.relations.context import AGENTS, Arg, Candidate, Context, pairs
from kg.extract.relations.events import agents
from kg.extract.relations.judgement import BLAME_WORDS
from kg.extract.relations.modality import asserted
from kg.extract.relations.syntax import (
    RELATIVE_PRONOUNS,
    arguments,
    children,
    governing_verb,
    object_tokens,
    prep_objects,
    verbal,
)
from kg.extract.relations.verbs import (
    ACCEPT_VERBS,
    ACCUSE_NOUNS,
    RESPOND_NOUNS,
    RESPOND_SUPPORT,
    RESPOND_VERBS,
    RESPOND_WEAK,
    SAY_VERBS,
)

# Objects that make "deny", "reject", "dismiss" a response to an accusation: the accusation, or
# what it imputes ("denied any wrongdoing", "denied involvement").
ACCUSATION_OBJECTS = ACCUSE_NOUNS | {
    "report", "criticism", "suggestion", "charge", "assertion", "remark", "wrongdoing", "involvement",
    "responsibility", "guilt", "liability", "impropriety", "misconduct", "blame",
}  # fmt: skip
# What one defends in answer to criticism: "defended its record", "defended the decision".
DEFENDED = frozenset(
    {
        "record",
        "decision",
        "policy",
        "policies",
        "handling",
        "action",
        "actions",
        "conduct",
        "position",
        "stance",
        "plan",
    }
)
# Accusation nouns with an everyday sense as well: "said Ankara's case would look better",
# "said the action would create jobs". Said of, they are no answer.
PLAIN_SENSES = frozenset({"case", "action", "attack", "report", "suggestion", "remark"})
# Words by which a reported clause dismisses what it is about.
DISMISSALS = frozenset(
    {
        "wrong",
        "false",
        "error",
        "inaccurate",
        "incorrect",
        "nonsense",
        "merit",
        "untrue",
        "exaggerate",
        "distort",
    }
)
# Legal proceedings: a public body that dismisses or rejects one rules on it; it does not answer
# the one who brought it ("the commission dismissed the complaint").
PROCEEDINGS = frozenset(
    {"complaint", "suit", "lawsuit", "case", "petition", "appeal", "motion", "claim", "action"}
)
# Verbs of thinking a reported answer may pass through: "said it believes the suit is baseless".
THINK_VERBS = frozenset({"believe", "belive", "think", "consider", "feel", "regard", "maintain"})
# Appeals whose answer shows whom they asked ("rejected a plea by X"); an offer or proposal is
# answered too, but asks nobody to act.
APPEALS = frozenset({"plea", "appeal", "request", "call", "demand", "petition", "ultimatum", "suggestion"})
# What a denial may name without naming an accusation.
DENIED_ONLY = frozenset(
    {"wrongdoing", "involvement", "responsibility", "guilt", "liability", "impropriety", "misconduct"}
)
# What else is answered: an offer, a demand, a plea - answered only when its author is named.
ANSWERED_OBJECTS = frozenset(
    {
        "offer", "proposal", "bid", "plea", "demand", "request", "call", "appeal", "warning",
        "ultimatum", "letter", "comments", "comment", "remarks", "statement", "approach", "overture",
        "motion", "plan", "promise", "recommendation", "advice", "deal", "buyout", "terms",
    }
)  # fmt: skip
# Every lemma the forms of a response are read from (``_verb_response``, ``_said_response``,
# ``_no_comment``, ``_noun_response``): any other word answers nothing.
RESPONSE_WORDS = (
    RESPOND_VERBS
    | RESPOND_WEAK
    | ACCEPT_VERBS
    | SAY_VERBS
    | RESPOND_NOUNS
    | frozenset({"hit", "turn", "comment", "decline", "refuse", "deny", "defend"})
)


def _accusers_of(ctx: Context, accusation: Token) -> list[Arg]:
    """The author of an accusation noun: "Y's accusations", "the claims by Y", "the lawsuit from Y",
    "the suit filed by Y", "criticism of ... voiced by Y"."""
    found = authors(ctx, accusation)
    if not found:
        found = [arg for a in prep_objects(accusation, ("of",)) for arg in arguments(ctx, a)]
    return found


def _targets(ctx: Context, tokens: Sequence[Token]) -> list[Arg]:
    """Accusers named by the tokens a response is aimed at: a party, or an accusation of one."""
    found: list[Arg] = []
    for t in tokens:
        if t.lemma_.lower() in ACCUSATION_OBJECTS | ANSWERED_OBJECTS:
            found.extend(_accusers_of(ctx, t))
        else:
            found.extend(arguments(ctx, t))
    return found


def _verb_response(ctx: Context, verb: Token) -> tuple[Token, list[Token]] | None:
    """(the responding verb, the tokens it answers) when ``verb`` is a response."""
    lemma = verb.lemma_.lower()
    aimed = prep_objects(verb, ("to", "at", "against"))
    objects = object_tokens(verb)  # "denied the charges", "the charges were denied by X"
    if verb.dep_ == "relcl":  # "the offer, which its board rejected": the offer is rejected
        objects = [verb.head if o.lower_ in RELATIVE_PRONOUNS else o for o in objects]
    if lemma in RESPOND_VERBS or (lemma == "hit" and children(verb, ("advmod", "prt"), ("back",))):
        return verb, aimed + objects
    turned_down = lemma == "turn" and children(verb, ("prt",), ("down",))
    if lemma in RESPOND_WEAK or turned_down:
        answered = [o for o in objects if o.lemma_.lower() in ACCUSATION_OBJECTS]
        answered += [o for o in objects if o.lemma_.lower() in ANSWERED_OBJECTS and _accusers_of(ctx, o)]
        if answered or aimed:
            return verb, aimed + answered
    if lemma in ("comment", "decline", "refuse") and verb.dep_ != "amod":
        return _no_comment(ctx, verb)
    if lemma in ACCEPT_VERBS:  # "accepted Norwind's offer", "welcomed the proposal by X"
        taken = [o for o in objects if o.lemma_.lower() in ANSWERED_OBJECTS and _accusers_of(ctx, o)]
        return (verb, taken) if taken else None
    if lemma == "deny" and children(verb, ("ccomp", "xcomp", "pcomp")):
        return verb, []  # "X denied that it had ...", "X denied pressuring ...": whoever accused X
    if lemma == "defend" and any(
        o.lemma_.lower() in DEFENDED or (o.dep_ == "dobj" and o.pos_ == "PRON") for o in objects
    ):
        return verb, []  # "X defended its record", "X defended itself": whoever accused X
    return None


def _no_comment(ctx: Context, verb: Token) -> tuple[Token, list[Token]] | None:
    """ "X declined to comment on the lawsuit", "X had no comment on Y's charges", "X had no
    details of Y's proposal and could not comment": answered only when what is not commented on
    is an accusation, or an offer or demand whose author is named."""
    comment = verb
    if verb.lemma_.lower() in ("decline", "refuse"):
        comment = next((c for c in children(verb, ("xcomp",)) if c.lemma_.lower() == "comment"), verb)
    if comment.lemma_.lower() != "comment":
        return None
    about = prep_objects(comment, ("on", "about"))
    answered = [t for t in about if t.lemma_.lower() in ACCUSATION_OBJECTS]
    if not answered:  # what the sentence says was not commented on
        answered = [
            t
            for t in verb.sent
            if t.pos_ == "NOUN"
            and t.lemma_.lower() in ANSWERED_OBJECTS | ACCUSATION_OBJECTS
            and authors(ctx, t)
        ]
    return (verb, answered) if answered else None


def _negated_comment(token: Token) -> bool:
    """ "could not comment", "would not comment": no answer, and an answer all the same."""
    return token.lemma_.lower() == "comment" and any(c.dep_ == "neg" for c in token.children)


def _noun_response(noun: Token) -> tuple[Token, list[Token]] | None:
    """ "X issued a response to Y", "X, in response to Y's lawsuit, said ...", "a counterattack",
    "X had no comment on the suit"."""
    if children(noun, ("poss",)) and noun.lemma_.lower() in RESPOND_NOUNS:  # "X's response to Y's letter"
        return noun, prep_objects(noun, ("to", "at", "against"))
    verb = governing_verb(noun)
    if verb is None:
        return None
    if noun.lemma_.lower() == "comment":
        if not any(c.lower_ == "no" for c in noun.children):
            return None
        about = prep_objects(noun, ("on", "about"))
        answered = [t for t in about if t.lemma_.lower() in ACCUSATION_OBJECTS]
        return (verb, answered) if answered else None
    aimed = prep_objects(noun, ("to", "at", "against")) + prep_objects(verb, ("to", "at", "against"))
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "as"):
        return verb, aimed
    if noun.dep_ in ("dobj", "conj") or verb.lemma_.lower() in RESPOND_SUPPORT:
        return verb, aimed  # "X issued a rebuttal", "X conducted a point-by-point response"
    return None


def _said_response(ctx: Context, verb: Token) -> tuple[Token, list[Token]] | None:
    """ "X said Y's accusations were false", "X said the claims were unfounded": the accusation
    is the subject of the reported clause (its author, or else whoever accused X earlier)."""
    if verb.lemma_.lower() not in SAY_VERBS:
        return None
    clauses = children(verb, ("ccomp", "xcomp", "dobj"))
    # "X said it believes the suit ... is frivolous": through a verb of thinking
    clauses += [c for v in clauses if v.lemma_.lower() in THINK_VERBS for c in children(v, ("ccomp",))]
    answered = [
        s
        for clause in clauses
        for s in [clause, *children(clause, ("nsubj", "nsubjpass"))]
        if s.lemma_.lower() in ACCUSATION_OBJECTS
        and s.dep_ != "ccomp"
        and (s.lemma_.lower() not in PLAIN_SENSES or _dismissed(s.head))
    ]
    return (verb, answered) if answered else None


def _dismissed(clause: Token) -> bool:
    """The clause says what it is about is wrong: "... contained errors", "... is without merit"."""
    return any(t.lemma_.lower() in DISMISSALS or t.lemma_.lower() in BLAME_WORDS for t in clause.subtree)


def find_responses(ctx: Context, sent: Span, accusations: Sequence[Candidate]) -> list[Candidate]:
    """respondsTo hits of one sentence; ``accusations`` are the accuses hits of the same sentence."""
    found: list[Candidate] = []
    tab = ctx.table
    for i in range(sent.start, sent.end):
        lemma = tab.lemma[i]
        if lemma not in RESPONSE_WORDS:
            continue  # none of the forms below
        token = tab.tokens[i]
        response = None
        rule = "rule:respond-verb"
        if verbal(token):
            if _negated_comment(token):
                response = _no_comment(ctx, token)
            elif not asserted(token):
                continue
            else:
                response = _verb_response(ctx, token)
            if response is None:
                response = _said_response(ctx, token)
                rule = "rule:respond-said"
        elif token.pos_ == "NOUN" and (lemma in RESPOND_NOUNS or lemma == "comment"):
            response = _noun_response(token)
            rule = "rule:respond-noun"
        if response is None:
            continue
        verb, aimed = response
        nominal = verb is token and not verbal(token)  # "X's response to ..."
        heads = authors(ctx, token, AGENTS) if nominal else agents(ctx, verb)[0]
        heads = [h for h in heads if not judges(ctx, h[0])]  # a ruling answers nobody
        if any(t.lemma_.lower() in PROCEEDINGS for t in aimed):
            heads = [h for h in heads if ctx.type_of(h[0]) != "GovernmentAgency"]
        tails = _targets(ctx, aimed)
        if not tails and any(t.lemma_.lower() not in ACCUSATION_OBJECTS for t in aimed):
            continue  # aimed at something that is no accusation: "replied to questions"
        if tails:
            found.extend(
                pairs(heads, tails, "respondsTo", 0.85 if rule != "rule:respond-said" else 0.75, rule)
            )
            found.extend(_appeals_answered(ctx, aimed, heads))
            continue
        # a denial of a clause or of "wrongdoing" names no accuser: only one who accused the
        # responder counts, never merely the last accuser of the story
        clausal = verb.lemma_.lower() in ("deny", "defend") and not aimed
        strict = clausal or (bool(aimed) and all(t.lemma_.lower() in DENIED_ONLY for t in aimed))
        for head in heads:
            found.extend(_implicit_accusers(ctx, head, accusations, strict))
    return found


def _appeals_answered(ctx: Context, aimed: Sequence[Token], responders: list[Arg]) -> list[Candidate]:
    """An appeal answered was made to the one who answers it: "the Lords rejected a plea by X"
    (X urged the Lords), "rejected Kestrel's request" (Kestrel asked)."""
    found: list[Candidate] = []
    for t in aimed:
        if t.lemma_.lower() in APPEALS:
            found += pairs(_accusers_of(ctx, t), responders, "urges", 0.7, "rule:urge-answered")
    return found


def _implicit_accusers(
    ctx: Context, head: Arg, accusations: Sequence[Candidate], strict: bool = False
) -> list[Candidate]:
    """The accusers a response with no named target answers: in this sentence, else earlier ones;
    with ``strict``, only those who accused the responder."""
    key = ctx.key(head[0])
    here = [c.head for c in accusations if ctx.key(c.tail) == key]
    if not here and not strict:
        here = [c.head for c in accusations]
    if here:
        return pairs([head], [(m, 1.0) for m in here], "respondsTo", 0.7, "rule:respond-in-sentence")
    earlier = [accuser for accuser, accused in ctx.state.accusations if ctx.key(accused) == key]
    if earlier:
        return pairs([head], [(m, 1.0) for m in earlier], "respondsTo", 0.6, "rule:respond-fallback")
    if ctx.state.accusations and not strict:
        last = ctx.state.accusations[-1][0]
        return pairs([head], [(last, 1.0)], "respondsTo", 0.5, "rule:respond-fallback")
    return []
