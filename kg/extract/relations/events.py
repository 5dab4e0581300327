"""accuses and urges: who attacks whom, and who presses whom to act.

Forms read, each with its made-up example:
- active and passive verbs: "Kestrel sued Norwind", "Norwind was sued by Kestrel";
- clauses: "Kestrel alleged that Norwind inflated ...", "Kestrel demanded that Norwind repay";
- nouns: "Kestrel filed a complaint against Norwind", "complaints against Norwind by Kestrel",
  "Norwind faces a lawsuit from Kestrel", "the suit filed by Kestrel alleges that Norwind ...";
- possessive and listed targets: "criticised Norwind's handling of ...", "is suing four
  companies - Norwind, its unit Norwind Gas, Brackley Oil and Tanner Mills";
- appeals to courts, regulators and anyone asked to act: "asked the commission to ...",
  "petitioned the Commerce Department for ...", "called on Norwind to ...", "told Ben Orr to
  ...", "a plea by Ana Orr", "pressure on Norwind to ...".
Who acts is read with ``actors`` (an unnamed spokesman's organization, a document's author).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.relations.actors import (
    AUTHOR_PARTICIPLES,
    actor_args,
    authors,
    behalf_of,
    judges,
    owners,
)
from kg.extract.relations.advice import find_advice
from kg.extract.relations.context import AGENTS, Arg, Candidate, Context, pairs
from kg.extract.relations.eventargs import agents, clause_subjects, that_clause_subjects
from kg.extract.relations.eventargs import targets as _targets
from kg.extract.relations.groups import singled_out
from kg.extract.relations.judgement import find_judgements
from kg.extract.relations.lawsuits import enjoined_clause, find_lawsuits, find_motions, set_off_content
from kg.extract.relations.letters import find_letter_addressees, remember_letter
from kg.extract.relations.modality import asserted
from kg.extract.relations.syntax import (
    children,
    clause_object,
    governing_verb,
    is_passive,
    object_tokens,
    prep_objects,
    verbal,
)
from kg.extract.relations.verbs import (
    ACCUSE_CLAUSAL,
    ACCUSE_NOUNS,
    ACCUSE_PHRASAL,
    ACCUSE_VERBS,
    FACE_VERBS,
    SEND_VERBS,
    URGE_CLAUSAL,
    URGE_CONTROL,
    URGE_NOUNS,
    URGE_PHRASAL,
    URGE_VERBS,
)

__all__ = ["agents", "find_accusations", "find_urgings"]  # agents: responses read them too

# "criticism of Y" names its target with "of"; "a lawsuit of Y" does not.
OF_TARGET_NOUNS = frozenset({"criticism", "denunciation", "condemnation"})
# "ask" also asks questions: it urges only with a clause or a "for"-object.
NEEDS_CLAUSE = frozenset({"ask", "request"})
# Accusation nouns whose that-clause says what the accused did: "allegations that Y lied".
CONTENT_NOUNS = frozenset({"charge", "allegation", "accusation", "claim", "complaint"})
# What one claims at law from whoever wronged one: "seeking damages from Y".
DAMAGES = frozenset({"damages", "compensation", "restitution", "reparation", "reparations"})
CLAIM_VERBS = frozenset({"seek", "claim", "demand", "want", "recover", "win", "ask"})
# Asking that someone go: "called for the resignation of Y", "demanded Y's dismissal".
OUSTER_NOUNS = frozenset(
    {"resignation", "dismissal", "removal", "sacking", "ouster", "impeachment", "arrest"}
)
OUSTER_VERBS = frozenset({"demand", "seek", "urge", "want", "request"})
# Nouns of a step at law when "legal" or "judicial": "legal moves against Y".
LEGAL_STEPS = frozenset({"move", "step", "measure"})
# Every lemma the verb rules of each family read (the verb's forms are checked after).
ACCUSING_VERBS = ACCUSE_VERBS | ACCUSE_CLAUSAL | frozenset(ACCUSE_PHRASAL)
URGING_VERBS = URGE_VERBS | frozenset(URGE_PHRASAL) | URGE_CLAUSAL | URGE_CONTROL
# Verbs that urge only when their clause says what is to be done (bare or with "should").
OPINION_URGES = frozenset({"suggest", "recommend", "propose", "insist"})
# "call on"/"appeal to" urge only with a purpose: "called on Y to resign", "appealed to Y for aid".
NEEDS_PURPOSE = frozenset({"call", "appeal"})
# Verbs by which the subject brings an accusation noun: "X filed a suit against Y".
FILE_VERBS = frozenset(
    {
        "file", "bring", "lodge", "launch", "submit", "issue", "make", "take", "raise", "level",
        "pursue", "press", "mount", "initiate", "threaten", "begin", "start", "open", "have",
        "win", "lose", "settle", "drop", "withdraw", "renew", "step", "voice", "publish", "send",
    }
)  # fmt: skip


# Verbs of criticism, whose object's owner is criticised whatever the object ("attack" may be
# physical, "sue" and "charge" take their party as object).
CRITICISING = frozenset(
    {"criticize", "criticise", "condemn", "denounce", "slam", "lambast", "castigate", "fault", "assail"}
)


def _accuse_verb(ctx: Context, verb: Token) -> list[Candidate]:
    lemma = verb.lemma_.lower()
    heads, _ = agents(ctx, verb)
    misread = verb.dep_ in ("ccomp", "xcomp", "advcl") and set(clause_object(verb.head))
    if misread and misread & set(children(verb, ("nsubj",))):
        # "X sued [Y] alleging ...": Y is the suit's object, and X alleges
        heads, _ = agents(ctx, verb.head)
    if lemma == "blame":  # "blamed the blasts on Y", "an attack blamed by X on Y": Y is to blame
        tails = _blamed_on(ctx, verb)
        if tails:
            return pairs(heads, tails, "accuses", 0.85, "rule:accuse-verb")
    if lemma in ACCUSE_VERBS:
        tails = _targets(ctx, object_tokens(verb) or clause_object(verb))
        if not tails and verb.dep_ == "advcl" and any(o.lower_ == "them" for o in object_tokens(verb)):
            # "fined three airlines, A, B and C, accusing them of ...": those the main verb took
            tails = _targets(ctx, children(verb.head, ("dobj",)))
        if tails:
            if not heads and is_passive(verb):  # "Y was sued last year": who sued, a later sentence may say
                ctx.state.accused.extend(m for m, _ in tails)
            return pairs(heads, tails, "accuses", 0.85, "rule:accuse-verb")
        tails = _targets(ctx, prep_objects(verb, ("against",)))
        if tails:
            return pairs(heads, tails, "accuses", 0.8, "rule:accuse-verb")
        if lemma in CRITICISING:  # "criticised Y's preoccupation with ...": whatever Y's, Y is criticised
            tails = _targets(ctx, [p for o in object_tokens(verb) for p in children(o, ("poss",))])
            if tails:
                return pairs(heads, tails, "accuses", 0.8, "rule:accuse-verb")
    if lemma in ACCUSE_CLAUSAL:
        tails = _targets(ctx, clause_subjects(verb) or that_clause_subjects(verb))
        if not tails:  # "alleged criminal responsibility by Y", "alleged Y's negligence"
            done = [
                d
                for o in children(verb, ("dobj",))
                for d in children(o, ("poss",)) + prep_objects(o, ("by",))
            ]
            tails = _targets(ctx, done)
        return pairs(heads, tails, "accuses", 0.7, "rule:accuse-allege")
    if lemma in ACCUSE_PHRASAL:
        tails = _targets(ctx, prep_objects(verb, ACCUSE_PHRASAL[lemma]))
        return pairs(heads, tails, "accuses", 0.8, "rule:accuse-phrasal")
    return []


def _blamed_on(ctx: Context, verb: Token) -> list[Arg]:
    """Who "blame ... on" names, wherever the parser hung "on": on the verb, or inside its object
    ("blamed the delays on Y" is mostly read as "[the delays on Y]", "blamed by X on Y" as "[X on
    Y]"); and the owner of what is
    named: "blamed the losses on Y's pricing", "on the Y decision" (what Y did is Y's to answer)."""
    named = prep_objects(verb, ("on",))
    if not named:  # "blamed by X on Y": "on Y" hung on the agent X
        for obj in children(verb, ("dobj", "nsubjpass")) + [
            o for a in children(verb, ("agent",)) for o in children(a, ("pobj",))
        ]:
            on = next((t for t in obj.subtree if t.lower_ == "on" and t.dep_ == "prep"), None)
            if on is not None:
                named = children(on, ("pobj",))
                break
    found = _targets(ctx, named)
    if found:
        return found
    return _targets(ctx, [o for n in named for o in owners(n)])


def _accuse_noun(ctx: Context, noun: Token) -> list[Candidate]:
    """ "X's lawsuit against Y", "X filed a complaint against Y", "complaints against Y by X",
    "Y faces a lawsuit from X", "X's criticism of Y"."""
    lemma = noun.lemma_.lower()
    preps = ("against", "of") if lemma in OF_TARGET_NOUNS else ("against",)
    above = governing_verb(noun)
    if above is not None and not asserted(above):
        return []  # "Norwind could file a suit against Kestrel", "did not file a complaint"
    verb = above if noun.dep_ in ("dobj", "conj") else None
    targets = prep_objects(noun, preps)
    if verb is not None:  # "X filed a lawsuit against Y" hangs "against" on the verb
        targets += prep_objects(verb, ("against",))
    for participle in children(noun, ("acl", "relcl")):  # "a suit filed against Y by X"
        targets += prep_objects(participle, ("against",))
    heads = authors(ctx, noun, AGENTS)
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in AUTHOR_PARTICIPLES:
        # the small model reads "the suit filed against Y by X" as a clause: "[the suit] filed"
        targets += prep_objects(noun.head, ("against",))
        by = prep_objects(noun.head, ("by",)) + behalf_of(noun.head)  # "was filed on behalf of X"
        heads += [arg for t in by for arg in actor_args(ctx, t, AGENTS)]
    tails = _targets(ctx, targets)
    if not tails and heads and lemma in CONTENT_NOUNS:
        # "charges, raised by X, that Y sought to rig bids": the content clause names the accused
        clauses = [s for c in children(noun, ("acl", "relcl", "ccomp")) for s in _that_subjects(c)]
        tails = _targets(ctx, clauses or set_off_content(noun))
    definite = any(c.lower_ == "the" for c in noun.children)
    if not tails and heads and definite and ctx.state.accused:
        # "Y was sued in May ... The lawsuit was brought by X": the suit of the story so far
        tails = [(ctx.state.accused[-1], 0.8)]
    if verb is not None and verb.lemma_.lower() in FACE_VERBS and not tails:
        # "Y faces a lawsuit from X": the subject is the target, the noun's author the accuser
        tails, _ = agents(ctx, verb)
        return pairs(heads, tails, "accuses", 0.8, "rule:accuse-noun") if heads else []
    if not tails:
        return []
    if not heads:
        named_author = children(noun, ("poss",)) + prep_objects(noun, ("by", "from"))
        if verb is None or named_author or verb.lemma_.lower() not in FILE_VERBS:
            return []  # "the court dismissed a suit by X against Y": the court accuses nobody
        heads, _ = agents(ctx, verb)
    return pairs(heads, tails, "accuses", 0.8, "rule:accuse-noun")


def _ouster(ctx: Context, noun: Token) -> list[Candidate]:
    """ "X called for the resignation of Y", "X demanded Y's dismissal": asking that someone go
    holds them to blame."""
    verb = governing_verb(noun)
    if verb is None or not asserted(verb):
        return []
    lemma = verb.lemma_.lower()
    asks = noun.dep_ == "dobj" and lemma in OUSTER_VERBS
    calls = (
        noun.dep_ == "pobj" and noun.head.lower_ == "for" and lemma in {"call", "press", "push", "campaign"}
    )
    if not (asks or calls):
        return []
    tails = _targets(ctx, children(noun, ("poss",)) + prep_objects(noun, ("of",)))
    heads, _ = agents(ctx, verb)
    return pairs(heads, tails, "accuses", 0.75, "rule:accuse-ouster")


def _legal_step(noun: Token) -> bool:
    """ "legal moves against Y", "legal steps against Y": an action at law."""
    return noun.lemma_.lower() in LEGAL_STEPS and any(
        c.dep_ == "amod" and c.lower_ in ("legal", "judicial") for c in noun.children
    )


def _alleged_act(ctx: Context, adj: Token) -> list[Candidate]:
    """ "tariffs for Y's alleged failure to uphold the pact": who acts on an alleged wrong of Y's
    holds Y to blame."""
    act = adj.head  # "Y's alleged failure", "alleged failure by Y", "alleged Kestrian breach"
    before = [c for c in children(act, ("amod",)) if c.i < act.i]  # only a nationality is a mention
    tails = _targets(ctx, children(act, ("poss",)) + prep_objects(act, ("by",)) + before)
    verb = governing_verb(act)
    if not tails or verb is None or not asserted(verb):
        return []
    heads, _ = agents(ctx, verb)
    return pairs(heads, tails, "accuses", 0.65, "rule:accuse-alleged-act")


def _damages(ctx: Context, noun: Token) -> list[Candidate]:
    """ "X is seeking damages from Y", "X claimed compensation from Y": a claim at law on Y."""
    verb = governing_verb(noun)  # "seeking damages", "seeking millions in damages"
    if verb is None or verb.lemma_.lower() not in CLAIM_VERBS or not asserted(verb):
        return []
    tails = _targets(ctx, prep_objects(noun, ("from",)) + prep_objects(verb, ("from",)))
    heads, _ = agents(ctx, verb)
    return pairs(heads, tails, "accuses", 0.75, "rule:accuse-damages")


def find_accusations(ctx: Context, sent: Span) -> list[Candidate]:
    """accuses hits of one sentence."""
    found: list[Candidate] = []
    tab = ctx.table
    for i in range(sent.start, sent.end):
        lemma, lower, pos = tab.lemma[i], tab.lower[i], tab.pos[i]
        if lower == "alleged" and tab.dep[i] == "amod":  # "Y's alleged failure"
            found.extend(_alleged_act(ctx, tab.tokens[i]))
        elif lemma in ACCUSING_VERBS and verbal(tab.tokens[i]):
            if asserted(tab.tokens[i]):
                found.extend(_accuse_verb(ctx, tab.tokens[i]))
        elif pos in ("NOUN", "PROPN") and (
            lemma in ACCUSE_NOUNS or (lemma in LEGAL_STEPS and _legal_step(tab.tokens[i]))
        ):
            found.extend(_accuse_noun(ctx, tab.tokens[i]))
        elif pos == "NOUN" and lemma in OUSTER_NOUNS:
            found.extend(_ouster(ctx, tab.tokens[i]))
        elif pos == "NOUN" and lower in DAMAGES:
            found.extend(_damages(ctx, tab.tokens[i]))

    return _no_judges(ctx, found + find_judgements(ctx, sent) + find_lawsuits(ctx, sent))


def _no_judges(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """A court rules on suits and orders parties; it neither brings a suit nor urges: "the court
    directed Norwind to respond", "the judge presiding over its lawsuit against Norwind"."""
    return [c for c in found if not judges(ctx, c.head)]


def _letter_recipients(ctx: Context, chain: list[Token]) -> list[Arg]:
    """Whom a letter climbed through was sent to: "sent a letter to Y urging it to ..."."""
    for verb in chain:
        if verb.lemma_.lower() in SEND_VERBS:
            return _targets(ctx, prep_objects(verb, ("to",)))
    return []


def _urge_verb(ctx: Context, verb: Token) -> list[Candidate]:
    lemma = verb.lemma_.lower()
    heads, chain = agents(ctx, verb)
    remember_letter(ctx, verb, heads)
    via_letter = any(v.lemma_.lower() in SEND_VERBS for v in chain[1:])
    rule = "rule:urge-letter" if via_letter else "rule:urge-verb"
    targets: list[Token] = []
    if lemma in URGE_VERBS:
        clauses = [c for c in children(verb, ("xcomp", "ccomp")) if not _question(c)]
        if lemma in NEEDS_CLAUSE and not (clauses or prep_objects(verb, ("for",)) or _to_clause(verb)):
            return []
        targets = object_tokens(verb) or clause_object(verb)
    elif lemma in URGE_CONTROL:
        # "told Y to ...", "warned Y to ...", "ordered Y to ...": an object and a to-clause;
        # "warned Y against escalating ..." asks Y not to
        warned_off = lemma == "warn" and _warned_against(verb)
        if not (_to_clause(verb) or warned_off):
            return []
        targets = object_tokens(verb) or clause_object(verb)
    if lemma in URGE_PHRASAL:
        if lemma in NEEDS_PURPOSE and not (_to_clause(verb) or prep_objects(verb, ("for",))):
            return []  # "called on the president" is a visit, "appealed to voters" an attraction
        targets += prep_objects(verb, URGE_PHRASAL[lemma])
        for obj in children(verb, ("dobj",)):  # "demanded repayment from Y"
            targets += prep_objects(obj, URGE_PHRASAL[lemma])
    if not targets and lemma in URGE_CLAUSAL:
        # "asked whether Y could ..." asks a question, not Y
        clauses = [c for c in children(verb, ("ccomp", "xcomp")) if not _question(c)]
        if lemma in OPINION_URGES:  # "suggested that Y make efforts", not "suggested Y would"
            clauses = [c for c in clauses if _subjunctive(c)]
        targets = [s for c in clauses if not enjoined_clause(c) for s in children(c, ("nsubj", "nsubjpass"))]
    tails = _targets(ctx, targets)
    if not tails and targets and lemma in URGE_VERBS | URGE_CONTROL:  # "urged others ..., notably Y"
        tails = singled_out(ctx, verb)
    if not tails and via_letter:  # "urging it to ...", the pronoun left unresolved
        tails = [(m, f * 0.9) for m, f in _letter_recipients(ctx, chain)]
    return pairs(heads, tails, "urges", 0.85, rule)


def _warned_against(verb: Token) -> bool:
    """ "warned Y against raising prices", also where the parser hung "against" on a phrase of
    time between ("warned Y earlier in the day against escalating ..."): no other verb between."""
    if prep_objects(verb, ("against",)):
        return True
    for tok in verb.subtree:
        if tok.lower_ == "against" and tok.dep_ == "prep" and children(tok, ("pcomp",)):
            above = tok.head  # (tokens are compared by index: spaCy makes a new object per access)
            while above.i != verb.i and above.pos_ not in ("VERB", "AUX") and above.head.i != above.i:
                above = above.head
            if above.i == verb.i:
                return True
    return False


def _to_clause(verb: Token) -> bool:
    """ "told Y to ...", "called on Y to ...": a to-infinitive clause under the verb (also where
    the small model reads "to apologise" as a preposition and its object)."""
    return any(
        c.dep_ in ("xcomp", "ccomp", "advcl")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    ) or any(
        o.tag_ == "VB" or (o.pos_ == "NOUN" and o.is_lower and not list(o.children))
        for p in children(verb, ("prep",))
        if p.lower_ == "to"
        for o in p.children
        if o.dep_ == "pobj"
    )


def _question(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children)


def _subjunctive(clause: Token) -> bool:
    """ "that Y make efforts", "that Y should resign": what Y is to do, not what Y did or would."""
    return clause.tag_ == "VB" or any(
        a.dep_ == "aux" and a.lower_ in ("should", "must") for a in clause.children
    )


def _urge_noun(ctx: Context, noun: Token) -> list[Candidate]:
    """ "an appeal by X to Y", "X's call on Y to ...", "pressure on Y from X", "a suggestion by
    X that Y delay the cut"."""
    tails = _targets(ctx, prep_objects(noun, ("to", "on", "upon")))
    if not tails:  # the content clause names who is to act
        tails = _targets(
            ctx, [s for c in children(noun, ("acl", "relcl", "ccomp")) for s in _that_subjects(c)]
        )
    if not tails:
        return []
    heads = authors(ctx, noun, AGENTS)
    if not heads:
        verb = governing_verb(noun)
        if verb is None or verb.lemma_.lower() not in SEND_VERBS | {"make", "renew", "repeat", "step"}:
            return []
        heads, _ = agents(ctx, verb)
    return pairs(heads, tails, "urges", 0.75, "rule:urge-noun")


def _that_subjects(clause: Token) -> list[Token]:
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return []
    return children(clause, ("nsubj", "nsubjpass"))


def find_urgings(ctx: Context, sent: Span) -> list[Candidate]:
    """urges hits of one sentence."""
    found: list[Candidate] = []
    tab = ctx.table
    for i in range(sent.start, sent.end):
        lemma = tab.lemma[i]
        if lemma in URGING_VERBS and verbal(tab.tokens[i]):
            if asserted(tab.tokens[i]):
                found.extend(_urge_verb(ctx, tab.tokens[i]))
        elif tab.pos[i] == "NOUN" and lemma in URGE_NOUNS:
            found.extend(_urge_noun(ctx, tab.tokens[i]))
    found += find_advice(ctx, sent) + find_letter_addressees(ctx, sent) + find_motions(ctx, sent)
    return _no_judges(ctx, found)
