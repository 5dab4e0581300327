"""Who acts and who is acted on, as news writes them.

News seldom puts the actor's name in the subject of the verb:
- a spokesman, lawyer or official speaks for an organization: "a Norwind spokesman said",
  "a spokeswoman for Norwind", "Norwind's lawyer" — the organization acts (unless the speaker
  is named, in which case the name is the mention and the roles rules relate the two);
- a lawsuit, complaint or letter acts for whoever brought it: "Kestrel's suit alleges ...",
  "the lawsuit filed by Kestrel accuses ...", "a plea by Ana Orr", "a Kestrel lawsuit";
- an act is aimed at an organization through what it owns or did: "criticised Norwind's
  handling of ...", "protested over Norwind's decision";
- a list of targets follows a dash or colon: "suing four companies - Norwind, its unit
  Norwind Gas, Brackley Oil and Tanner Mills", or a comma: "sued two brokers, Norwind and Osk,";
- an offer named once with its maker is "the offer" after: "a tender offer from Kestrel ...
  alleging that the offer violates ..." (Kestrel is accused).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from kg.extract.relations.context import Arg, Context
from kg.extract.relations.syntax import LIST_GLUE, arguments, children, climb, conjuncts, prep_objects

# People who speak or act for an organization without being named.
SPEAKER_NOUNS = frozenset(
    {
        "spokesman", "spokeswoman", "spokesperson", "spokesmen", "official", "officials", "lawyer",
        "lawyers", "attorney", "attorneys", "counsel", "representative", "representatives",
        "source", "sources", "executive", "executives", "chairman", "chairwoman", "chair",
        "president", "chief", "head", "director", "boss", "minister", "secretary", "delegate",
        "delegation", "leader", "leaders", "aide", "aides", "adviser", "advisers", "advisor",
        "negotiator", "negotiators", "board", "management", "statement", "staff",
    }
)  # fmt: skip
# Acts and documents authored by someone: "Kestrel's suit", "a letter from Norwind".
AUTHORED_NOUNS = frozenset(
    {
        "suit", "lawsuit", "complaint", "petition", "letter", "statement", "report", "claim",
        "allegation", "accusation", "charge", "criticism", "action", "case", "counterclaim",
        "plea", "appeal", "call", "demand", "request", "offer", "proposal", "bid", "warning",
        "threat", "remark", "comment", "comments", "attack", "ultimatum", "ruling", "decision",
        "announcement", "move", "motion", "filing", "brief", "submission", "objection",
    }
)  # fmt: skip
# Offers taken up again as "the offer" once their maker is named.
OFFERS = frozenset({"offer", "bid", "proposal"})
THIS = frozenset({"the", "this", "that"})
MAKING = frozenset({"make", "launch", "submit", "table", "put", "announce", "unveil"})
# Participles that name an act's author with "by": "the suit filed by X", "charges brought by X".
AUTHOR_PARTICIPLES = frozenset(
    {"file", "bring", "lodge", "raise", "make", "issue", "send", "level", "submit", "launch", "voice"}
)
# Verbs by which a body adopts an act: "the motion was passed by X", "a ban approved by X".
PASSING_VERBS = frozenset({"pass", "adopt", "approve", "table", "propose", "put", "move"})
# What an organization owns or did, through which it is the target: "Norwind's handling".
OWNED_TARGETS = frozenset(
    {
        "handling", "decision", "policy", "policies", "conduct", "behaviour", "behavior", "role",
        "record", "management", "practice", "practices", "plan", "plans", "failure", "refusal",
        "treatment", "approach", "stance", "actions", "action", "move", "performance", "leadership",
        "position", "response", "comments", "remarks", "attitude", "tactics", "strategy", "rules",
        "regime", "government", "administration", "proposal", "offer", "bid", "claims",
        "forecasts", "forecast", "figures", "estimates", "report", "statements", "economy",
        "levy", "tax", "tariff", "tariffs", "scheme", "measure", "measures", "law", "bill", "ban",
        "sanctions", "restrictions", "quota", "quotas", "group", "camp", "side", "team", "board",
        "directors", "leaders",
    }
)  # fmt: skip
# Head words of bodies that rule on complaints rather than answer them.
COURT_WORDS = frozenset(
    {"court", "courts", "tribunal", "judge", "justice", "magistrate", "arbitrator", "appeals"}
)  # "the Ninth Circuit Court of Appeals"
COURTS = frozenset({"court", "courts", "tribunal"})
SPEAKER_FACTOR = 0.9  # the organization reached through its unnamed spokesman or its document


def _mentions(ctx: Context, tokens: Iterable[Token], types: Iterable[str] | None = None) -> list[Arg]:
    return [arg for t in tokens for arg in arguments(ctx, t, types)]


def authors(ctx: Context, noun: Token, types: Iterable[str] | None = None) -> list[Arg]:
    """Who made an authored act or document: "X's suit", "a X lawsuit", "the suit by/from X",
    "the suit filed by X"."""
    direct = children(noun, ("poss",)) + prep_objects(noun, ("by", "from"))
    compounds = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i]
    for participle in children(noun, ("acl", "relcl")):
        if participle.lemma_.lower() in AUTHOR_PARTICIPLES:
            direct += prep_objects(participle, ("by",))
    for holder in (noun, *children(noun, ("acl", "relcl"))):  # "a suit filed on behalf of X"
        direct += [
            o
            for b in prep_objects(holder, ("on", "in"))
            if b.lower_ == "behalf"
            for o in prep_objects(b, ("of",))
        ]
    if not direct:  # "a bid for the firm's shares from X": "from" hung on a noun inside
        direct = _from_within(noun) or _from_after(noun)
    found = _mentions(ctx, direct, types)
    found += [(m, f * SPEAKER_FACTOR) for m, f in _mentions(ctx, compounds, types)]
    if not found and _the_offer(noun):  # "the offer" of a maker named before
        wanted = None if types is None else frozenset(types)
        found = [
            (m, SPEAKER_FACTOR) for m in ctx.state.offer_makers if wanted is None or ctx.type_of(m) in wanted
        ]
    return _best(found)


def _the_offer(noun: Token) -> bool:
    """ "the offer", "the tender offer", "this bid": an offer taken up again, its maker unsaid."""
    return noun.lemma_.lower() in OFFERS and any(c.dep_ == "det" and c.lower_ in THIS for c in noun.children)


def remember_offers(ctx: Context, sent: Span) -> None:
    """Keep the maker of the latest offer named with it ("a tender offer from X", "X's bid"), for
    "the offer" of later sentences: "the offer violates ..." accuses X, "rejected the offer"
    answers X."""
    tab = ctx.table
    for i in range(sent.start, sent.end):
        if tab.pos[i] != "NOUN" or tab.lemma[i] not in OFFERS:
            continue  # most words: decided from the table, without a Token
        t = tab.tokens[i]
        if not _the_offer(t):
            makers = authors(ctx, t)
            if not makers and t.dep_ == "dobj" and t.head.lemma_.lower() in MAKING:  # "X made an offer"
                makers = [arg for s in climb(t.head)[0] for arg in actor_args(ctx, s)]
            if makers:
                ctx.state.offer_makers = tuple(m for m, _ in makers)


def behalf_of(token: Token) -> list[Token]:
    """ "on behalf of X" under a verb or noun: X is who acts."""
    return [
        o for b in prep_objects(token, ("on", "in")) if b.lower_ == "behalf" for o in prep_objects(b, ("of",))
    ]


def _from_within(noun: Token) -> list[Token]:
    """The object of the first "from"/"by" inside the noun's phrase, not inside a clause."""
    for tok in noun.subtree:
        if tok.i <= noun.i or tok.lower_ not in ("from", "by") or tok.dep_ not in ("prep", "agent"):
            continue
        path = [tok, *tok.ancestors]
        inside = [t for t in path[: path.index(noun)] if t.i != noun.i]
        # a clause inside the phrase hides its "by", unless it only says who made the act:
        # "a bid of 12 crowns a share made by X"
        if any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in AUTHOR_PARTICIPLES for t in inside):
            continue
        return [c for c in tok.children if c.dep_ == "pobj"]
    return []


def _from_after(noun: Token) -> list[Token]:
    """ "rejected a higher offer from X" read with "from X" on the verb: right after the object,
    it still names who made the object."""
    if noun.dep_ != "dobj":
        return []
    return [
        o
        for p in noun.head.children
        if p.dep_ == "prep" and p.lower_ in ("from", "by") and p.i == noun.right_edge.i + 1
        for o in children(p, ("pobj",))
    ]


def actor_args(ctx: Context, token: Token, types: Iterable[str] | None = None) -> list[Arg]:
    """The mentions acting through ``token``: itself when it is a mention, else the organization
    an unnamed speaker speaks for ("a Norwind spokesman", "a spokeswoman for Norwind") or the
    author of a document that is said to act ("Kestrel's suit alleges ...")."""
    found = arguments(ctx, token, types)
    if found:
        return found
    lemma = token.lemma_.lower()
    if lemma in SPEAKER_NOUNS or token.lower_ in SPEAKER_NOUNS:
        around = children(token, ("poss",)) + prep_objects(token, ("for", "of", "at", "from"))
        around += [c for c in token.children if c.dep_ in ("compound", "nmod", "amod") and c.i < token.i]
        return [(m, f * SPEAKER_FACTOR) for m, f in _best(_mentions(ctx, around, types))]
    if lemma in AUTHORED_NOUNS:
        return [(m, f * SPEAKER_FACTOR) for m, f in authors(ctx, token, types)]
    return []


def target_args(ctx: Context, token: Token, types: Iterable[str] | None = None) -> list[Arg]:
    """The mentions an act is aimed at through ``token``: itself; the owner of what is attacked
    ("Norwind's handling of ..."); a list after a dash or colon ("four companies - A, B and C")."""
    found = arguments(ctx, token, types)
    if not found and (token.lemma_.lower() in OWNED_TARGETS or token.lower_ in OWNED_TARGETS):
        # "Norwind's handling", "Norwind policies", "Kestria's fiscal stance", "the move by Norwind"
        found = _mentions(ctx, owners(token), types)
        if not found and _the_offer(token):  # "alleging that the offer violates ...": its maker's
            found = authors(ctx, token, types)
    if token.pos_ == "NOUN":  # "four companies - A, its unit B, C and D"
        known = {m for m, _ in found}
        found += [(m, f) for m, f in listed_after(ctx, token, types) if m not in known]
    if token.tag_ == "NNS" and ctx.mention_at(token, types) is None:
        # "two brokers, A and B,": the parser hangs only A on the plural; B is A's conjunct
        known = {m for m, _ in found}
        listed = [ctx.mention_at(c, types) for a in children(token, ("appos",)) for c in conjuncts(a)]
        found += [(m, 1.0) for m in dict.fromkeys(listed) if m is not None and m not in known]
    return found


def owners(noun: Token) -> list[Token]:
    """Whose ``noun`` is: "Norwind's plan", "the Norwind plan", "the plan (proposed) by Norwind", "Kestrian
    demands" (a nationality adjective read as its state; see ``demonyms``)."""
    before = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    # "the levy proposed by Norwind", "the ban approved by Norwind": who made it owns it
    made = [
        o
        for p in children(noun, ("acl",))
        if p.lemma_.lower() in PASSING_VERBS or p.lemma_.lower() in AUTHOR_PARTICIPLES
        for o in prep_objects(p, ("by",))
    ]
    return children(noun, ("poss",)) + before + prep_objects(noun, ("by",)) + made


def listed_after(ctx: Context, noun: Token, types: Iterable[str] | None = None) -> list[Arg]:
    """Mentions listed after a dash or colon that follows ``noun``'s phrase: "four companies -
    Norwind, its unit Norwind Gas, Brackley Oil and Tanner Mills"."""
    doc = ctx.doc
    end = noun.i + 1
    if end >= noun.sent.end or doc[end].text not in {"-", "--", "—", "–", ":"}:
        return []
    wanted = None if types is None else frozenset(types)
    found: list[int] = []
    i = end + 1
    while i < noun.sent.end:
        tok = doc[i]
        m = ctx.mention_at(tok)
        if m is not None:
            if wanted is None or ctx.mentions[m].type in wanted:
                found.append(m)
            i = max(i + 1, ctx.mentions[m].end)
        elif tok.lower_ in LIST_GLUE or tok.lower_ in {
            "its",
            "their",
            "unit",
            "units",
            "subsidiary",
            "parent",
        }:
            i += 1
        else:
            break
    return [(m, SPEAKER_FACTOR) for m in dict.fromkeys(found)]


def judges(ctx: Context, m: int) -> bool:
    """Whether mention ``m`` is a court or a judge by the head word of a name of its entity: "the
    Osaka District Court", and "its" or "the court" referring to it (not "the Department of
    Justice")."""
    key = ctx.mentions[m].key
    return any(
        _court_name([t.lower_ for t in ctx.doc[other.start : other.end]])
        for other in ctx.mentions
        if other.key == key and other.kind == "name"
    )


def _court_name(words: list[str]) -> bool:
    """A court's name ends in a court word: "the Osaka District Court", "the Ninth Circuit Court of
    Appeals"; "of Justice" ends a ministry's name as well ("the Department of Justice"), a court's
    only after a court word ("the European Court of Justice")."""
    if not words or words[-1] not in COURT_WORDS:
        return False
    if len(words) >= 2 and words[-2] == "of":
        return any(w in COURTS for w in words[:-2])
    return True


def _best(found: list[Arg]) -> list[Arg]:
    best: dict[int, float] = {}
    for m, f in found:
        best[m] = max(best.get(m, 0.0), f)
    return sorted(best.items())
