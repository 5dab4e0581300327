"""What every relation rule shares: the mention index, type families and document state."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg.extract.doctable import DocTable, Memos, table
from kg.extract.types import MentionSpan

ORG_FAMILY = frozenset(
    {"Organization", "Company", "TradeAssociation", "GovernmentAgency", "NewsOrganization"}
)
PERSON = frozenset({"Person"})
# Countries, states and cities standing for their governments act: "Norland urged Kestria".
STATE = frozenset({"GeopoliticalEntity"})
PLACE = frozenset({"Place"}) | STATE  # where things are: any place, a state too
AGENTS = ORG_FAMILY | PERSON | STATE  # who accuses, urges, answers, is a member
PARTIES = AGENTS | {"Brand"}  # who can be accused, represented, allied with

# Loose domain and range per property: a rule may propose, this table disposes.
SIGNATURES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "accuses": (AGENTS, PARTIES),
    "urges": (AGENTS, AGENTS),
    "respondsTo": (PARTIES, AGENTS),
    "represents": (ORG_FAMILY, PARTIES),
    "memberOf": (PARTIES, ORG_FAMILY),
    "worksFor": (PERSON, ORG_FAMILY),
    "leads": (PERSON, ORG_FAMILY),
    "partOf": (ORG_FAMILY | {"Brand"}, ORG_FAMILY),
    "basedIn": (ORG_FAMILY | {"Brand"}, PLACE),
    "locatedIn": (PLACE, PLACE),
    "livesIn": (PERSON, PLACE),
    "killed": (PERSON, PERSON),
    "alliedWith": (PARTIES, PARTIES),
    "cooperatesWith": (PARTIES, PARTIES),
}

# A mention index with how much a rule trusts that it is the argument (1.0 = the direct argument).
Arg = tuple[int, float]


@dataclass(frozen=True)
class Candidate:
    """A relation a rule proposes in the current sentence, before typing and de-duplication."""

    head: int
    tail: int
    type: str
    confidence: float
    rule: str


@dataclass
class DocState:
    """Facts carried from earlier sentences to later ones."""

    accusations: list[tuple[int, int]] = field(default_factory=list)  # (accuser, accused), in order
    accused: list[int] = field(default_factory=list)  # accused whose accuser was not named there
    last_representative: int | None = None  # head of the latest `represents` relation
    letter_authors: list[tuple[int, float]] = field(default_factory=list)  # who appealed in a letter
    # (makers, keys of the accused named) of each suit or charge the accusation rules may not pair
    charges: list[tuple[tuple[int, ...], frozenset[int]]] = field(default_factory=list)
    offer_makers: tuple[int, ...] = ()  # who made the latest offer or bid named with its maker


class Context(Memos):
    """A Doc with its mentions, indexed by token, plus the state carried across sentences."""

    def __init__(self, doc: Doc, mentions: Sequence[MentionSpan]) -> None:
        self.doc = doc
        self.table: DocTable = table(doc)
        self.mentions = mentions
        self.state = DocState()
        by_token: dict[int, list[int]] = {}
        for index, mention in enumerate(mentions):
            for i in range(mention.start, mention.end):
                by_token.setdefault(i, []).append(index)
        # Outermost first, so a nested nationality never hides the organization around it.
        for indices in by_token.values():
            indices.sort(key=lambda m: (-(mentions[m].end - mentions[m].start), m))
        self._by_token = by_token
        self._by_start = sorted(range(len(mentions)), key=lambda m: (mentions[m].start, m))
        self._starts = [mentions[m].start for m in self._by_start]

    def mention_at(self, token: Token, types: Iterable[str] | None = None) -> int | None:
        """The outermost mention covering ``token`` (of one of ``types`` if given)."""
        return self.mention_at_index(token.i, types)

    def mention_at_index(self, i: int, types: Iterable[str] | None = None) -> int | None:
        """The outermost mention covering token ``i`` (of one of ``types`` if given)."""
        found = self._by_token.get(i)
        if found is None:
            return None
        wanted = None if types is None else frozenset(types)
        for m in found:
            if wanted is None or self.mentions[m].type in wanted:
                return m
        return None

    def starting_in(self, start: int, end: int) -> list[int]:
        """Mentions starting in the token range [start, end), in text order."""
        return self._by_start[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def mentions_in(self, start: int, end: int) -> list[int]:
        """Mentions lying wholly inside the token range [start, end)."""
        return [m for m in self.starting_in(start, end) if self.mentions[m].end <= end]

    def last_mention_before(self, i: int, types: Iterable[str]) -> int | None:
        """The latest mention of one of ``types`` that ends at or before token ``i``."""
        wanted = frozenset(types)
        best: int | None = None
        for m, ment in enumerate(self.mentions):
            if ment.type in wanted and ment.end <= i and (best is None or ment.end > self.mentions[best].end):
                best = m
        return best

    def key(self, m: int) -> int:
        return self.mentions[m].key

    def type_of(self, m: int) -> str:
        return self.mentions[m].type

    def fits(self, head: int, tail: int, relation: str) -> bool:
        """Whether the pair satisfies the loose signature of ``relation`` and is not one entity."""
        domain, range_ = SIGNATURES[relation]
        return (
            self.key(head) != self.key(tail) and self.type_of(head) in domain and self.type_of(tail) in range_
        )


def pairs(
    heads: Iterable[Arg], tails: Iterable[Arg], relation: str, confidence: float, rule: str
) -> list[Candidate]:
    """Every head-tail combination, confidence scaled by how sure each argument is."""
    tail_list = list(tails)
    return [
        Candidate(h, t, relation, round(confidence * hf * tf, 3), rule)
        for h, hf in heads
        for t, tf in tail_list
    ]
