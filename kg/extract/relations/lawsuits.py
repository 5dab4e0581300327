"""accuses and urges in the language of litigation.

Forms read, each with its made-up example:
- a party named in a suit: "The suit also names Norwind Corp as a defendant" (the suit's author,
  or the latest accuser of the story when the suit is "the suit", accuses Norwind);
- a remedy sought against a party: "Kestrel filed a petition seeking the bankruptcy of Norwind",
  "Kestrel sought to disqualify Judge Ben Orr", "Kestrel's motion to disqualify Ben Orr";
- an order sought against a party: "a suit requesting Norwind be enjoined from ...", "Kestrel
  asked a court to prevent Norwind from ...";
- a court acting on a party's petition or motion: "the appeals court agreed to hear Kestrel's
  petition", "a district court judge denied Kestrel's motion": Kestrel asked that court to act,
  so Kestrel urges it (the court itself accuses and urges nobody);
- a content clause set off by commas: "charges, raised by Ana Orr in May, that Norwind rigged
  bids" (the parser hangs the that-clause away from the noun).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.relations.actors import actor_args, authors, judges, target_args
from kg.extract.relations.context import AGENTS, ORG_FAMILY, PERSON, Arg, Candidate, Context, pairs
from kg.extract.relations.groups import joined_in
from kg.extract.relations.modality import asserted
from kg.extract.relations.syntax import children, climb, governing_verb, is_passive, prep_objects, verbal

# Defendants and respondents of a suit: "names Y as a defendant".
PARTY_NOUNS = frozenset({"defendant", "co-defendant", "codefendant", "respondent"})
# Kinds of wrong a person may be named as having taken part in.
WRONGS = frozenset(
    """fraud bribe bribery conspiracy cartel scheme scam embezzlement laundering theft corruption
    wrongdoing manipulation kickback racket price-fixing""".split()
)
PART_VERBS = frozenset(
    """take participate commit orchestrate mastermind engineer organise organize involve receive
    accept pay""".split()
)
# Remedies sought against a party: "seeking the bankruptcy of Y".
REMEDY_NOUNS = frozenset(
    {"bankruptcy", "liquidation", "receivership", "winding-up", "disqualification", "extradition"}
)
REMEDY_VERBS = frozenset({"disqualify", "oust", "unseat"})
# Court orders against a party: always ("enjoin"), or when a court is asked ("prevent Y from").
ENJOIN_VERBS = frozenset({"enjoin", "restrain"})
STOP_VERBS = frozenset({"prevent", "stop", "block", "bar", "halt"})
# What seeks a remedy: the verbs, and the filings that ask a court for it.
SEEK_VERBS = frozenset({"seek", "move", "want", "try", "attempt", "ask", "petition", "request", "demand"})
FILINGS = frozenset(
    {"petition", "motion", "suit", "lawsuit", "complaint", "action", "application", "request"}
)
# Motions and petitions a court acts on: "denied Kestrel's motion", "will hear Kestrel's appeal".
MOTION_NOUNS = frozenset({"petition", "motion", "request", "application", "appeal", "plea"})
COURT_ACTS = frozenset(
    {"hear", "deny", "grant", "reject", "dismiss", "consider", "uphold", "approve", "refuse", "accept"}
)
SUIT_NOUNS = frozenset({"suit", "lawsuit", "complaint", "action", "petition", "indictment"})


def _accused_latest(ctx: Context) -> list[Arg]:
    return [(ctx.state.accusations[-1][0], 0.8)] if ctx.state.accusations else []


def _took_part(noun: Token) -> bool:
    """ "one of the three managers who took part in the bribery": a clause on ``noun``'s phrase that
    says it took part in a wrong ("the unit that investigates fraud" does not; nor does "the fraud
    unit": the wrong must head its phrase)."""
    return any(
        t.dep_ in ("relcl", "acl")
        and t.lemma_.lower() in PART_VERBS
        and any(w.lemma_.lower() in WRONGS and w.dep_ != "compound" for w in t.subtree)
        for t in noun.subtree
    )


def _named_defendant(ctx: Context, verb: Token) -> list[Candidate]:
    """ "The suit also names Y as a defendant", "Kestrel named Y as a defendant in the suit",
    "Kestrel named Y as one of the three managers who took part in the bribery"."""
    named_as = prep_objects(verb, ("as",))
    if not any(o.lemma_.lower() in PARTY_NOUNS or _took_part(o) for o in named_as):
        return []
    tails = [arg for o in children(verb, ("dobj",)) for arg in target_args(ctx, o)]
    heads: list[Arg] = []
    for subject in climb(verb)[0]:
        heads += actor_args(ctx, subject, AGENTS)
        if not heads and subject.lemma_.lower() in SUIT_NOUNS:
            heads = authors(ctx, subject, AGENTS) or _accused_latest(ctx)
    return pairs(heads, tails, "accuses", 0.8, "rule:accuse-defendant")


def _filer(ctx: Context, filing: Token) -> list[Arg]:
    """Who brought a filing: its author ("Kestrel's petition"), else the subject of the verb that
    filed it ("Kestrel filed a petition ...")."""
    found = authors(ctx, filing, AGENTS)
    if found:
        return found
    verb = governing_verb(filing)
    if verb is None or not asserted(verb):
        return []
    return [arg for s in climb(verb)[0] for arg in actor_args(ctx, s, AGENTS)]


def _seeker(ctx: Context, act: Token) -> list[Arg]:
    """Who seeks through ``act`` (a verb of seeking or a filing), if the story asserts it."""
    if act.pos_ == "NOUN":
        return _filer(ctx, act) if act.lemma_.lower() in FILINGS else []
    if not asserted(act):
        return []
    if act.dep_ == "acl" and act.head.lemma_.lower() in FILINGS:  # "a petition seeking ..."
        return _filer(ctx, act.head)
    if act.dep_ == "advcl":  # "filed a petition in London seeking ..."
        filings = [o for o in children(act.head, ("dobj",)) if o.lemma_.lower() in FILINGS]
        if filings:
            return _filer(ctx, filings[0])
    found = [arg for s in climb(act)[0] for arg in actor_args(ctx, s, AGENTS)]
    return found or joined_in(ctx, act)


def _remedy(ctx: Context, tok: Token) -> list[Candidate]:
    """ "seeking the bankruptcy of Y", "sought to disqualify Y", "a motion to disqualify Y"."""
    if tok.pos_ == "NOUN":
        act = governing_verb(tok) if tok.dep_ == "dobj" else None
        if tok.dep_ == "pobj" and tok.head.lower_ == "for":  # "a petition for the liquidation of Y"
            act = tok.head.head
        targets = children(tok, ("poss",)) + prep_objects(tok, ("of",))
    else:
        act = tok.head if tok.dep_ in ("xcomp", "acl") else None
        targets = children(tok, ("dobj",))
    if act is None or act.lemma_.lower() not in SEEK_VERBS | FILINGS:
        return []
    # bankrupted or disqualified: a person or a body, not a place ("of Norwind London")
    tails = [arg for t in targets for arg in target_args(ctx, t, ORG_FAMILY | PERSON)]
    return pairs(_seeker(ctx, act), tails, "accuses", 0.75, "rule:accuse-remedy")


def _asks_court(ctx: Context, act: Token) -> bool:
    """ "asked a court to ...", "petitioned the Ostberg District Court to ..."."""
    for o in children(act, ("dobj",)):
        m = ctx.mention_at(o)
        if o.lemma_.lower() in ("court", "judge") or (m is not None and judges(ctx, m)):
            return True
    return False


def enjoined_clause(clause: Token) -> bool:
    """ "(requesting) Y be enjoined from ...": the clause asks a court to act on Y, not Y to act."""
    return clause.lemma_.lower() in ENJOIN_VERBS | STOP_VERBS and is_passive(clause)


def _enjoined(ctx: Context, verb: Token) -> list[Candidate]:
    """ "a lawsuit requesting Y be enjoined from ...", "seeking to enjoin Y", "asking a court to
    prevent Y from ...": an order at law sought against Y."""
    act = verb.head if verb.dep_ in ("ccomp", "xcomp") else None
    if act is None or act.lemma_.lower() not in SEEK_VERBS:
        return []
    if verb.lemma_.lower() in STOP_VERBS and not _asks_court(ctx, act):
        return []  # "asked Y to stop the sale" asks Y, it accuses nobody
    targets = children(verb, ("nsubjpass",)) if is_passive(verb) else children(verb, ("dobj",))
    tails = [arg for t in targets for arg in target_args(ctx, t, AGENTS)]
    return pairs(_seeker(ctx, act), tails, "accuses", 0.75, "rule:accuse-enjoin")


def find_lawsuits(ctx: Context, sent: Span) -> list[Candidate]:
    """accuses hits of one sentence in the language of litigation."""
    found: list[Candidate] = []
    tab = ctx.table
    for i in range(sent.start, sent.end):
        tok = tab.tokens[i]
        lemma = tab.lemma[i]
        if lemma == "name" and verbal(tok) and asserted(tok):
            found += _named_defendant(ctx, tok)
        elif lemma in ENJOIN_VERBS | STOP_VERBS and tab.pos[i] == "VERB":
            found += _enjoined(ctx, tok)
        elif (tab.pos[i] == "NOUN" and tab.lower[i] in REMEDY_NOUNS) or (
            lemma in REMEDY_VERBS and tab.pos[i] == "VERB"
        ):
            found += _remedy(ctx, tok)
    return found


def _court(ctx: Context, subject: Token) -> list[Arg]:
    """The court acting through ``subject``: a court's name, or "a District Court judge"."""
    found = [arg for arg in actor_args(ctx, subject, AGENTS) if judges(ctx, arg[0])]
    if not found and subject.lemma_.lower() in ("judge", "justice", "magistrate"):
        for c in subject.children:
            m = ctx.mention_at(c)
            if c.dep_ in ("compound", "nmod") and m is not None and judges(ctx, m):
                found.append((m, 0.9))
    return found


def find_motions(ctx: Context, sent: Span) -> list[Candidate]:
    """urges hits of one sentence: whose petition or motion a court hears or decides asked that
    court to act."""
    found: list[Candidate] = []
    tab = ctx.table
    for i in range(sent.start, sent.end):
        if tab.lemma[i] not in COURT_ACTS or tab.pos[i] != "VERB":
            continue
        verb = tab.tokens[i]
        motions = [o for o in children(verb, ("dobj",)) if o.lemma_.lower() in MOTION_NOUNS]
        if not motions:
            continue
        courts = [arg for s in climb(verb)[0] for arg in _court(ctx, s)]
        movers = [arg for o in motions for arg in authors(ctx, o, AGENTS)]
        found += pairs(movers, courts, "urges", 0.75, "rule:urge-motion")
    return found


def set_off_content(noun: Token) -> list[Token]:
    """Subjects of a that-clause set off after the noun's phrase: "charges, raised by X in May,
    that Y rigged bids"."""
    doc = noun.doc
    i = noun.right_edge.i + 1
    while i < noun.sent.end and doc[i].text in {",", "--", "-"}:
        i += 1
    if i >= noun.sent.end or doc[i].lower_ != "that" or doc[i].dep_ != "mark":
        return []
    return [s for s in children(doc[i].head, ("nsubj", "nsubjpass")) if s.i > i]
