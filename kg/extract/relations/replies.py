"""respondsTo by replies: answers that take on a bid, a charge or a speaker, not an accusation noun.

Each form is read off one verb:
- a bid fought: "Norwind is arguing against an offer from Kestrel", "Norwind rebuffed Kestrel's
  approach";
- a disagreement with a charge or words: "Norwind strongly disagreed with a complaint filed by
  Kestrel", "took issue with Ben Orr's remarks", "did not agree with Kestrel's claims";
- a counter-attack naming its target inside what it says: "Norwind hit back by saying Kestrel's
  figures were wrong";
- a retort to the last speaker named: "Ben Orr said the plan would fail. Ana Quist retorted that
  ...", and "reacted to his warning" where the parser took "his" for the one reacting;
- blame of an accuser's words: "the union said Ben Orr's comments were highly irresponsible" (Ben
  Orr having accused someone);
- a denial of what a speaker just said: "Ben Orr said there had been intimidation ... Ana Quist
  denied there was any intimidation".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.relations.actors import authors
from kg.extract.relations.context import AGENTS, STATE, Arg, Candidate, Context, pairs
from kg.extract.relations.events import agents
from kg.extract.relations.judgement import blamed
from kg.extract.relations.modality import asserted
from kg.extract.relations.syntax import arguments, children, prep_objects, verbal
from kg.extract.relations.verbs import SAY_VERBS

# Accusations by name: "said the charges were baseless", "disagreed with the complaint".
CHARGES = frozenset(
    {"suit", "lawsuit", "charge", "allegation", "accusation", "claim", "complaint", "criticism"}
)
# What a bid's target fights: "fought the offer from X", "argued against X's proposal".
BIDS = frozenset({"offer", "bid", "proposal", "approach", "overture", "takeover", "plan", "merger"})
FIGHT_VERBS = frozenset({"fight", "rebuff", "spurn", "repel", "battle"})
FIGHT_AGAINST = frozenset({"argue", "campaign", "fight", "battle", "lobby"})
# Verbs of a reply that names its target inside what it says: "hit back by saying X's ...".
# ("responded: ..." quotes the reply, whose subject is seldom the one answered: the last speaker is.)
RETORTS = frozenset({"retort", "counter"})
# What someone said that a judgement of blame answers: "Ben Orr's comments were irresponsible".
WORDS = frozenset(
    {"comment", "remark", "statement", "word", "speech", "warning", "attack", "outburst", "call", "claim"}
)
SPEAKERS_BACK = 3  # sentences before a retort in which its speaker is sought


def _fought_bid(ctx: Context, verb: Token) -> list[Candidate]:
    """ "X is arguing against an offer from Y", "X rebuffed Y's approach": X answers Y."""
    lemma = verb.lemma_.lower()
    objects = prep_objects(verb, ("against",)) if lemma in FIGHT_AGAINST else []
    if lemma in FIGHT_VERBS:
        objects += children(verb, ("dobj",))
    bids = [o for o in objects if o.lemma_.lower() in BIDS]
    if not bids or not asserted(verb):
        return []
    makers = [arg for b in bids for arg in authors(ctx, b, AGENTS)]
    return pairs(agents(ctx, verb)[0], makers, "respondsTo", 0.75, "rule:respond-bid")


def _reply_targets(ctx: Context, clause: Token) -> list[Arg]:
    """Whom a reply's reported clause is about: its subject, or the owner of its subject ("X's
    figures were wrong", "Y attitudes had helped ...")."""
    found: list[Arg] = []
    for s in children(clause, ("nsubj", "nsubjpass")):
        found += arguments(ctx, s, AGENTS - STATE)  # "Britain is working": a country is the topic
        owners = children(s, ("poss",)) + [
            c for c in s.children if c.dep_ in ("compound", "nmod") and c.i < s.i
        ]
        found += [arg for o in owners for arg in arguments(ctx, o, AGENTS)]
    return found


def _counter_attack(ctx: Context, verb: Token) -> list[Candidate]:
    """ "X hit back by saying Y's ...", "X retorted that Y ...": a reply aimed at no one named
    answers the party its words are about."""
    lemma = verb.lemma_.lower()
    hit_back = lemma == "hit" and children(verb, ("advmod", "prt"), ("back",))
    if not (hit_back or lemma in RETORTS) or prep_objects(verb, ("to", "at", "against")):
        return []
    if not asserted(verb):
        return []
    said = [s for s in prep_objects(verb, ("by",)) if s.lemma_.lower() in SAY_VERBS]
    clauses = [c for s in said for c in children(s, ("ccomp",))] + children(verb, ("ccomp",))
    targets = [arg for c in clauses for arg in _reply_targets(ctx, c)]
    return pairs(agents(ctx, verb)[0], targets, "respondsTo", 0.65, "rule:respond-back")


def _disagreement(ctx: Context, verb: Token) -> list[Candidate]:
    """ "X disagreed with a complaint filed by Y", "X took issue with Y's remarks", "X did not agree
    with Y's claims": X answers Y."""
    lemma = verb.lemma_.lower()
    if lemma not in ("disagree", "agree", "take"):
        return []  # every verb of a sentence with a mention comes here: most go at once
    negated = any(c.dep_ == "neg" for c in verb.children)
    if (lemma, negated) in (("disagree", False), ("agree", True)):
        held = prep_objects(verb, ("with",))
    elif lemma == "take" and children(verb, ("dobj",), ("issue",)):
        held = prep_objects(verb, ("with",)) + [
            o for i in children(verb, ("dobj",), ("issue",)) for o in prep_objects(i, ("with",))
        ]
    else:
        return []
    nouns = [t for t in held if t.lemma_.lower() in CHARGES | WORDS | BIDS]
    makers = [arg for t in nouns for arg in authors(ctx, t, AGENTS)]
    return pairs(agents(ctx, verb)[0], makers, "respondsTo", 0.7, "rule:respond-disagree")


# The verbs ``_retort`` can accept: for any other it is False, and asserted() need not be asked.
_RETORTING = frozenset({"retort", "hit", "shoot", "react", "respond", "reply"})


def _retort(ctx: Context, verb: Token) -> bool:
    """A reply that answers whoever spoke before: "retorted", "hit back", "shot back", and "reacted
    to his warning" whose "his" the parser gave the one reacting ("replied" and "responded" answer
    questions as often: "asked if ..., Ben Orr replied")."""
    lemma = verb.lemma_.lower()
    aimed = prep_objects(verb, ("to", "at", "against"))
    if lemma in ("retort", "hit", "shoot") and not aimed:
        return lemma == "retort" or bool(children(verb, ("advmod", "prt"), ("back",)))
    if lemma not in ("react", "respond", "reply"):
        return False
    heads = {ctx.key(m) for m, _ in agents(ctx, verb)[0]}
    owners = [o for t in aimed if t.lemma_.lower() in WORDS for o in children(t, ("poss",))]
    return any(ctx.key(m) in heads for o in owners if o.pos_ == "PRON" for m, _ in arguments(ctx, o))


def _quoted(token: Token) -> bool:
    """Inside a quotation: an odd number of double quotes before it in its sentence or paragraph
    (a quotation running over paragraphs opens each one without closing the last)."""
    text = token.doc.text
    start = max(text.rfind("\n\n", 0, token.idx), text.rfind("\n ", 0, token.idx), 0)
    sent = token.sent.start_char
    return text.count('"', start, token.idx) % 2 == 1 or text.count('"', sent, token.idx) % 2 == 1


def _sayings_before(ctx: Context, verb: Token) -> Iterator[Token]:
    """Verbs of saying outside quotation marks in the :data:`SPEAKERS_BACK` sentences before
    ``verb``'s, the latest first."""
    tab = ctx.table
    end = tab.sent_start[verb.i]
    for _ in range(SPEAKERS_BACK):
        if end == 0:
            return
        start = tab.sent_start[end - 1]
        for t in reversed(verb.doc[start:end]):
            if t.lemma_.lower() in SAY_VERBS and verbal(t) and not _quoted(t):
                yield t
        end = start


def _last_speaker(ctx: Context, verb: Token, heads: list[Arg]) -> list[Arg]:
    """The latest one other than ``heads`` to say something in the sentences before ``verb``'s."""
    own = {ctx.key(m) for m, _ in heads}
    for t in _sayings_before(ctx, verb):
        # by name: "he added" is resolved too loosely to carry an answer
        named = [m for m, _ in agents(ctx, t)[0] if ctx.mentions[m].kind == "name"]
        said = [(m, 0.9) for m in named if ctx.key(m) not in own]
        if said:
            return said[:1]
    return []


def _words_blamed(ctx: Context, verb: Token, accusers: set[int]) -> list[Candidate]:
    """ "X said Y's comments were highly irresponsible", Y having accused someone: X answers Y."""
    if verb.lemma_.lower() not in SAY_VERBS or not asserted(verb):
        return []
    found: list[Candidate] = []
    for clause in children(verb, ("ccomp",)):
        if not blamed(clause):
            continue
        for s in children(clause, ("nsubj", "nsubjpass")):
            if s.lemma_.lower() in WORDS:
                makers = [a for a in authors(ctx, s, AGENTS) if ctx.key(a[0]) in accusers]
                found += pairs(agents(ctx, verb)[0], makers, "respondsTo", 0.65, "rule:respond-back")
    return found


def _said_nouns(verb: Token) -> set[str]:
    return {t.lemma_.lower() for c in children(verb, ("ccomp",)) for t in c.subtree if t.pos_ == "NOUN"}


def _denied_claim(ctx: Context, verb: Token) -> list[Candidate]:
    """ "Campaigners said there had been intimidation of monitors ... Ana Quist denied there was any
    intimidation": denying what a speaker of the sentences before said (a noun of the denied
    clause is in what the speaker said) answers that speaker."""
    if verb.lemma_.lower() != "deny" or not asserted(verb):
        return []
    denied = _said_nouns(verb)
    if not denied:
        return []
    heads = agents(ctx, verb)[0]
    own = {ctx.key(m) for m, _ in heads}
    for t in _sayings_before(ctx, verb):
        if denied & _said_nouns(t):
            said = [(m, 0.9) for m, _ in agents(ctx, t)[0] if ctx.key(m) not in own]
            if said:
                return pairs(heads, said[:1], "respondsTo", 0.6, "rule:respond-denied-claim")
    return []


def find_replies(ctx: Context, verb: Token, accusers: set[int]) -> list[Candidate]:
    """respondsTo hits of one verb in the forms above; ``accusers`` are the keys of everyone who
    accused or brought a charge earlier in the story."""
    back = _counter_attack(ctx, verb)
    if not back and verb.lemma_.lower() in _RETORTING and asserted(verb) and _retort(ctx, verb):
        heads = agents(ctx, verb)[0]
        back = pairs(heads, _last_speaker(ctx, verb, heads), "respondsTo", 0.6, "rule:respond-back")
    back += _denied_claim(ctx, verb)
    return back + _fought_bid(ctx, verb) + _disagreement(ctx, verb) + _words_blamed(ctx, verb, accusers)
