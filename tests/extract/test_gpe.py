"""States act: countries, states and cities are geopolitical entities that accuse, urge, answer
and cooperate; regions and features stay places that do none of it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.extract.relations.context import SIGNATURES
from kg.extract.relations.features import COARSE
from kg.records import Extraction
from tests.conftest import entity_types, triples

STATE, PLACE = "GeopoliticalEntity", "Place"
Run = Callable[[str], Extraction]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan urged the United States to lower its tariffs on cars.", ("Japan", "urges", "United States")),
        ("The U.S. accused Japan of subsidizing its shipyards.", ("United States", "accuses", "Japan")),
        ("Ottawa rejected Canberra's accusations of unfair subsidies.", ("Ottawa", "respondsTo", "Canberra")),
        (
            "Britain and France agreed to cooperate on fishing quotas.",
            ("United Kingdom", "cooperatesWith", "France"),
        ),
    ],
)
def test_countries_and_capitals_act(extract_text: Run, text: str, expected: tuple[str, str, str]) -> None:
    ex = extract_text(text)
    assert expected in triples(ex)
    types = entity_types(ex)
    assert types[expected[0]] == STATE and types[expected[2]] == STATE


def test_a_state_answers_the_accusation_of_an_earlier_sentence(extract_text: Run) -> None:
    ex = extract_text("France accused Britain of overfishing. Britain denied the charges.")
    assert {("France", "accuses", "United Kingdom"), ("United Kingdom", "respondsTo", "France")} <= triples(
        ex
    )


def test_organizations_urge_states_and_states_urge_organizations(extract_text: Run) -> None:
    assert ("Norwind Trade Council", "urges", "Japan") in triples(
        extract_text("The Norwind Trade Council urged Japan to open its markets.")
    )
    assert ("Japan", "urges", "Norwind Trade Council") in triples(
        extract_text("Japan urged the Norwind Trade Council to drop its complaint.")
    )


def test_regions_and_features_stay_places_and_do_not_act(extract_text: Run) -> None:
    ex = extract_text("Exports to Western Europe and the Persian Gulf fell sharply last year.")
    assert entity_types(ex) == {"Western Europe": PLACE, "Persian Gulf": PLACE}
    ex = extract_text("Western Europe criticized the plan of Norwind Corp.")
    assert entity_types(ex)["Western Europe"] == PLACE
    assert not [t for t in triples(ex) if t[1] == "accuses"]


def test_a_town_before_its_state_and_a_county_are_states(extract_text: Run) -> None:
    ex = extract_text("Norwind Corp opened a plant in Dovrel, Ohio, last week. Floods hit Marlow County.")
    types = entity_types(ex)
    assert types["Dovrel"] == types["Ohio"] == types["Marlow County"] == STATE
    assert ("Dovrel", "locatedIn", "Ohio") in triples(ex)  # still everything a place is


def test_a_nested_nationality_is_a_state_and_a_continent_is_not(extract_text: Run) -> None:
    # (a nationality inside a name stands for its country where the story names the country)
    ex = extract_text(
        "The Swiss Watch Federation and the European Timber Council met in Switzerland, "
        "the richest country in Europe."
    )
    types = entity_types(ex)
    assert types["Switzerland"] == STATE
    assert types["Europe"] == PLACE


def test_organizations_are_still_based_in_states(extract_text: Run) -> None:
    ex = extract_text("Kestrel Shipping, a Denver-based carrier, sued Norwind Corp.")
    assert ("Kestrel Shipping", "basedIn", "Denver") in triples(ex)
    assert entity_types(ex)["Denver"] == STATE


def test_states_are_members_but_never_employers() -> None:
    agents, _ = SIGNATURES["memberOf"]
    assert STATE in agents
    for relation in ("worksFor", "leads", "partOf", "represents"):
        assert STATE not in SIGNATURES[relation][0]
    for relation in ("basedIn", "locatedIn", "livesIn"):
        assert {STATE, PLACE} <= SIGNATURES[relation][1]


def test_the_relation_model_sees_a_state_as_a_location() -> None:
    assert COARSE[STATE] == COARSE[PLACE] == "LOC"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "EC members France and Britain opposed the plan.",
            {("France", "memberOf", "EC"), ("United Kingdom", "memberOf", "EC")},
        ),
        (
            "The 13 OPEC nations, including Kuwait and Venezuela, met in Vienna.",
            {("Kuwait", "memberOf", "OPEC"), ("Venezuela", "memberOf", "OPEC")},
        ),
        (
            "OPEC countries such as Nigeria and Venezuela cut prices.",
            {("Nigeria", "memberOf", "OPEC"), ("Venezuela", "memberOf", "OPEC")},
        ),
        ("Kestria and other OPEC members agreed to cut output.", {("Kestria", "memberOf", "OPEC")}),
        (
            "Britain, a member of the European Community, objected.",
            {("United Kingdom", "memberOf", "European Community")},
        ),
        ("Britain, which is a member of NATO, objected.", {("United Kingdom", "memberOf", "NATO")}),
    ],
)
def test_states_are_members_of_international_bodies(
    extract_text: Run, text: str, expected: set[tuple[str, str, str]]
) -> None:
    ex = extract_text(text)
    assert expected <= triples(ex)
    assert all(entity_types(ex)[member] == STATE for member, _, _ in expected)


def test_a_body_named_before_member_holds_people_and_companies_too(extract_text: Run) -> None:
    assert ("Ana Quist", "memberOf", "Labour") in triples(extract_text("Labour member Ana Quist resigned."))
    ex = extract_text("Norwind Corp and other members of the Quist Trade Council protested.")
    assert ("Norwind Corp", "memberOf", "Quist Trade Council") in triples(ex)


def test_states_of_a_country_are_not_members_of_it(extract_text: Run) -> None:
    ex = extract_text("U.S. states including Texas and Ohio sued Norwind Corp.")
    assert not [t for t in triples(ex) if t[1] == "memberOf"]
    assert {("Texas", "accuses", "Norwind Corp."), ("Ohio", "accuses", "Norwind Corp.")} <= triples(ex)
