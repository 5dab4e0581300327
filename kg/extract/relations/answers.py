"""respondsTo in forms of news writing the rules of ``responses`` leave unread.

Each form answers only for a responder to whom those rules gave no answer in the sentence:
- a dismissal of a suit or charge, however the parser hung it: "Norwind said it believes the
  suit against it by Kestrel in state court is frivolous and without merit";
- a denial by a plural pronoun after several parties were accused: "Norwind sued Kestrel Bank
  and Tanner Trust. They have all denied any wrongdoing." (each accused answers its accusers);
- an answer to "the suit", "the complaint", "the allegations" named earlier with their makers:
  "The complaint was filed on behalf of Ana Quist and Ben Orr. ... Norwind had no comment on the
  suit.";
- a denial by one accused earlier in words the accusation rules do not read as a named pair:
  "The case against Ana Quist and Ben Orr is brought by Norwind shareholders. ... Ana Quist and
  Ben Orr deny conspiring ...", "Kestrel accused the three men of fraud. ... Ana Quist denied
  that ..." (the accused were named, not by the accusation);
- and, through ``replies``, answers that take on a bid, a charge or a speaker: "rebuffed
  Kestrel's approach", "retorted", "hit back by saying Kestrel's figures were wrong".
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Span, Token

from kg.extract.relations.actors import authors, behalf_of, judges
from kg.extract.relations.context import AGENTS, Arg, Candidate, Context, pairs
from kg.extract.relations.events import agents
from kg.extract.relations.modality import asserted
from kg.extract.relations.replies import CHARGES, find_replies
from kg.extract.relations.syntax import arguments, children, prep_objects, verbal
from kg.extract.relations.verbs import SAY_VERBS

# Words that dismiss a charge outright; "merit" only after "without" or "no".
DISMISSIVE = frozenset(
    {
        "frivolous", "baseless", "groundless", "unfounded", "untrue", "false", "meritless",
        "unsubstantiated", "spurious", "vexatious", "nonsense", "ridiculous", "absurd",
    }
)  # fmt: skip
# Proceedings remembered when their makers are named: "the case against X brought by Y".
PROCEEDINGS = CHARGES | {"case", "action", "proceedings", "petition"}
THINK_VERBS = frozenset({"believe", "belive", "think", "consider", "feel", "maintain"})
# Verbs by which a charge is brought: "the suit was filed by X", "the case is brought by X".
BRINGING = frozenset({"file", "bring", "lodge", "launch", "make", "submit", "level", "institute"})
# Verbs that answer a charge named as their object: "denied the allegations", "contested the suit".
ANSWERING = frozenset({"deny", "reject", "dismiss", "contest", "dispute", "refute", "rebut"})
# Accusing verbs whose object is a party, named or not: "accused the three men of ...".
PARTY_ACCUSING = frozenset({"accuse", "sue", "blame", "indict", "prosecute", "charge"})
# What a denial may name without naming its accuser: "denied any wrongdoing".
DENIED_ONLY = frozenset(
    {"wrongdoing", "involvement", "responsibility", "guilt", "liability", "impropriety", "misconduct"}
)
# Plural pronouns standing for parties accused just before: "They have all denied ...".
PLURALS = frozenset({"they", "both"})
RECENT = 3  # sentences back (this one included) in which the accused of a plural pronoun are sought
# Where a charge noun stands as a noun: "which Yukos claims was sold" is a verb the tagger missed.
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative"})
DEFINITE = frozenset({"the", "these", "those", "such"})


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children) or any(
        c.dep_ == "neg" for c in token.head.children if token.dep_ in ("acomp", "attr")
    )


def _dismissal(token: Token) -> bool:
    """A word calling a charge groundless: "frivolous", "without merit", "had no merit"."""
    lemma = token.lemma_.lower()
    if lemma == "merit":
        return token.head.lower_ == "without" or any(c.lower_ == "no" for c in token.children)
    return (lemma in DISMISSIVE or token.lower_ in DISMISSIVE) and not _negated(token)


def _makers(ctx: Context, charge: Token, until: int) -> list[Arg]:
    """Who brought a charge: its author, else a "by X" the parser hung on a verb between the
    charge and what is said of it ("the suit against it by X in court is frivolous")."""
    found = authors(ctx, charge, AGENTS)
    if found:
        return found
    by = [
        o
        for t in charge.doc[charge.i + 1 : until]
        if t.lower_ == "by" and t.dep_ in ("prep", "agent")
        for o in children(t, ("pobj",))
    ]
    return [arg for o in by for arg in arguments(ctx, o, AGENTS)]


# The charge nouns of each story (token indices), found once: a sentence thousands of tokens
# long has hundreds of verbs of saying, each of whose clauses would be searched for one
def _charge_nouns(ctx: Context) -> list[int]:
    return ctx.memo(_find_charge_nouns)


def _find_charge_nouns(ctx: Context) -> list[int]:
    return [t.i for t in ctx.table.tokens if t.pos_ == "NOUN" and t.lemma_.lower() in CHARGES]


def _said_groundless(ctx: Context, verb: Token) -> list[tuple[list[Arg], list[Arg]]]:
    """(responders, makers) when ``verb`` says a charge is groundless."""
    if verb.lemma_.lower() not in SAY_VERBS | THINK_VERBS or not asserted(verb):
        return []
    charges = _charge_nouns(ctx)
    k = bisect_right(charges, verb.i)
    if k == len(charges) or charges[k] >= ctx.table.sent_end[verb.i]:
        return []  # no charge after the verb in its sentence: no walk over its clause for one
    words = [t for t in verb.subtree if t.i > verb.i]
    found = []
    for charge in (t for t in words if t.pos_ == "NOUN" and t.lemma_.lower() in CHARGES):
        alleged = {t.i for t in charge.subtree}  # "a complaint that it made false claims"
        dismissal = next((t for t in words if t.i > charge.i and t.i not in alleged and _dismissal(t)), None)
        if dismissal is None:
            continue
        heads = agents(ctx, verb)[0]
        found.append((heads, _makers(ctx, charge, dismissal.i)))
    return found


def _accusers_of(ctx: Context, head: int) -> list[Arg]:
    key = ctx.key(head)
    return [(accuser, 1.0) for accuser, accused in ctx.state.accusations if ctx.key(accused) == key]


def _plural_denial(ctx: Context, verb: Token, accusations: Sequence[Candidate]) -> list[Candidate]:
    """ "They have all denied any wrongdoing" after several parties were accused: each accused
    of the last sentences answers its own accusers."""
    if verb.lemma_.lower() not in ANSWERING or not asserted(verb):
        return []
    subjects = children(verb, ("nsubj",))
    if not subjects or subjects[0].lower_ not in PLURALS or arguments(ctx, subjects[0]):
        return []
    tab = ctx.table
    sent_start = tab.sent_start[verb.i]
    first = sent_start
    for _ in range(RECENT - 1):  # the starts of the sentences before
        if first == 0:
            break
        first = tab.sent_start[first - 1]
    recent = [(c.head, c.tail) for c in accusations] + ctx.state.accusations
    accused = {ctx.key(t): t for _, t in recent if first <= ctx.mentions[t].start}
    if len(accused) < 2:
        return []
    found: list[Candidate] = []
    for key, m in accused.items():
        accusers = [(h, 1.0) for h, t in recent if ctx.key(t) == key]
        found += pairs([(m, 0.9)], accusers, "respondsTo", 0.7, "rule:respond-plural")
    return found


def _charge_answered(token: Token) -> Token | None:
    """The verb answering a definite charge with no author: "denied the allegations", "had no
    comment on the suit", "declined to comment on the complaint"."""
    if token.dep_ == "dobj" and token.head.lemma_.lower() in ANSWERING:
        return token.head if asserted(token.head) else None
    if token.dep_ != "pobj" or token.head.lower_ not in ("on", "about"):
        return None
    comment = token.head.head
    if comment.lemma_.lower() != "comment":
        return None
    if comment.pos_ == "NOUN":  # "had no comment on the suit"
        if not any(c.lower_ == "no" for c in comment.children) or comment.head.lemma_.lower() != "have":
            return None
        return comment.head
    if any(c.dep_ == "neg" for c in comment.children):  # "would not comment on the suit"
        return comment
    if comment.dep_ == "xcomp" and comment.head.lemma_.lower() in ("decline", "refuse"):
        return comment.head
    return None


def _untold(ctx: Context, token: Token) -> bool:
    """A definite charge that names neither its makers nor its target: "the suit", "the allegations"."""
    if token.lemma_.lower() not in CHARGES or not children(token, ("det",), DEFINITE):
        return False
    return not (authors(ctx, token) or prep_objects(token, ("by", "from", "against")))


def _denial(token: Token) -> bool:
    """A denial naming no accuser: "denied that it had ...", "deny conspiring ...", "denied any
    wrongdoing"."""
    lemma = token.lemma_.lower()
    if lemma not in ANSWERING or not asserted(token):
        return False
    if lemma == "deny" and children(token, ("ccomp", "xcomp", "pcomp")):
        return True
    return any(o.lemma_.lower() in DENIED_ONLY for o in children(token, ("dobj",)))


def _charge_makers(ctx: Context, head: int) -> list[Arg]:
    """Who brought the charge an answer with no named accuser takes up: the latest charge against
    the responder, else the latest whose target was not named."""
    key = ctx.key(head)
    for makers, accused in reversed(ctx.state.charges):
        if key in accused:
            return [(m, 1.0) for m in makers]
    for makers, accused in reversed(ctx.state.charges):
        if not accused and makers:
            return [(m, 0.9) for m in makers]
    return []


def _answered_earlier(ctx: Context, verb: Token) -> list[Candidate]:
    found: list[Candidate] = []
    for head, hf in agents(ctx, verb)[0]:
        if not _accusers_of(ctx, head):  # an accuser named as such is the responses rules' to use
            found += pairs([(head, hf)], _charge_makers(ctx, head), "respondsTo", 0.6, "rule:respond-charge")
    return found


def record_charges(ctx: Context, sent: Span) -> None:
    """Remember the charges of a sentence the accusation rules may not read as a named pair: "the
    complaint was filed on behalf of X and Y", "the case against Z is being brought by X
    supporters", "X accused the three men of ..."."""
    tab = ctx.table
    for i in range(sent.start, sent.end):
        lemma = tab.lemma[i]
        if lemma not in PROCEEDINGS and lemma not in PARTY_ACCUSING:
            continue  # most words: decided from the table, without a Token
        t = tab.tokens[i]
        if t.pos_ == "NOUN" and t.lemma_.lower() in PROCEEDINGS and t.dep_ in NOMINAL_DEPS:
            makers = authors(ctx, t, AGENTS)
            verb = t.head
            if not makers and t.dep_ == "nsubjpass" and verb.lemma_.lower() in BRINGING:
                by = prep_objects(verb, ("by",)) + behalf_of(verb)
                makers = [arg for o in by for arg in _backers(ctx, o)]
            against = prep_objects(t, ("against",))  # "the suit against X", "charges brought against X"
            against += [o for p in children(t, ("acl",)) for o in prep_objects(p, ("against",))]
            accused = frozenset(ctx.key(m) for o in against for m, _ in arguments(ctx, o))
        elif t.lemma_.lower() in PARTY_ACCUSING and verbal(t) and asserted(t):
            objects = [o for o in children(t, ("dobj",)) if o.pos_ == "NOUN" and not arguments(ctx, o)]
            makers = agents(ctx, t)[0] if objects else []
            accused = frozenset()
        else:
            continue
        kept = tuple(m for m, _ in makers if not judges(ctx, m))
        if kept or accused:  # a charge against X by no one named: X's denial answers no one else
            ctx.state.charges.append((kept, accused))


def _backers(ctx: Context, token: Token) -> list[Arg]:
    """The party named for a group: itself, or the organization its members follow ("local Norwind
    shareholders", "Liberal supporters")."""
    found = arguments(ctx, token, AGENTS)
    if found or token.pos_ != "NOUN":
        return found
    named = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
    return [(m, f * 0.9) for c in named for m, f in arguments(ctx, c, AGENTS)]


def find_answers(
    ctx: Context, sent: Span, accusations: Sequence[Candidate], responses: Sequence[Candidate]
) -> list[Candidate]:
    """respondsTo hits of one sentence in the forms above, for responders ``responses`` (the
    hits of ``responses.find_responses``) gave no answer."""
    answered = {ctx.key(c.head) for c in responses}
    accusers = {ctx.key(h) for h, _ in ctx.state.accusations} | {
        ctx.key(m) for makers, _ in ctx.state.charges for m in makers
    }
    record_charges(ctx, sent)  # "denied the charges brought against him" answers no one named
    found: list[Candidate] = []
    for token in ctx.table.tokens[sent.start : sent.end]:  # made once per Doc, not per rule
        if verbal(token):
            for heads, makers in _said_groundless(ctx, token):
                if not makers:
                    makers = [arg for h, _ in heads for arg in _accusers_of(ctx, h)]
                found += pairs(heads, makers, "respondsTo", 0.75, "rule:respond-groundless")
            found += _plural_denial(ctx, token, accusations)
            if _denial(token):
                found += _answered_earlier(ctx, token)
            found += find_replies(ctx, token, accusers)
        elif token.pos_ == "NOUN" and _untold(ctx, token):
            verb = _charge_answered(token)
            if verb is not None:
                found += _answered_earlier(ctx, verb)
    return [c for c in found if ctx.key(c.head) not in answered and not judges(ctx, c.head)]
