"""The class of a name from the English around it: news outlets, bodies of states, brands,
places, companies; spaCy's ORG alone makes a Company, not an Organization."""

from __future__ import annotations

import pytest

from tests.conftest import as_place, entity_types


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Ana Quist told NVN on Monday that the deal was dead.", "NVN", "NewsOrganization"),
        ("NVN correspondent Ana Quist said the talks had failed.", "NVN", "NewsOrganization"),
        ("The remarks were quoted in the Marlow Clarion on Sunday.", "Marlow Clarion", "NewsOrganization"),
        ("The European Grain Community rejected the plan.", "European Grain Community", "GovernmentAgency"),
        (
            "The Organisation of Grain Exporting Countries met in Marlow.",
            "Organisation of Grain Exporting Countries",
            "GovernmentAgency",
        ),
        ("The House of Deputies voted against the bill.", "House of Deputies", "GovernmentAgency"),
        ("The Marlow Tourist Board said visitor numbers fell.", "Marlow Tourist Board", "GovernmentAgency"),
        (
            "Norwind officials met the Quist Standards Committee.",
            "Quist Standards Committee",
            "GovernmentAgency",
        ),
        (
            "Education and training body Veltra will be brought under direct control.",
            "Veltra",
            "GovernmentAgency",
        ),
        ("Norwind sells a vaccine called Veltrax in Kestria.", "Veltrax", "Brand"),
        ("The company put drawings of its Quistron X5 computer online.", "Quistron X5", "Brand"),
        ("Ana Quist moved to Dovria twenty years ago.", "Dovria", "Place"),
        ("Ana Quist, Labour MP for Brantwick, said so.", "Brantwick", "Place"),
        (
            "Rosneft agreed to merge with Norvex, the world's biggest gas company, on Monday.",
            "Norvex",
            "Company",
        ),
        ("The deal was blocked by telecoms giant Veltracom on Friday.", "Veltracom", "Company"),
        ("Shares in Marlow United rose 5% on Monday.", "Marlow United", "Company"),
        ("His mother, Ondine, said the game was to blame.", "Ondine", "Person"),
    ],
)
def test_class_cues(extract_text, text: str, name: str, expected: str) -> None:
    types = entity_types(extract_text(text))
    assert as_place(types.get(name)) == expected, types


def test_the_models_org_label_alone_makes_a_company(extract_text) -> None:
    text = (
        "Quistcom reported higher sales. Quistcom said demand was strong. Analysts expect Quistcom "
        "to raise prices, and Quistcom agreed."
    )
    assert entity_types(extract_text(text)).get("Quistcom") == "Company"


def test_a_place_before_a_bank_is_where_the_bank_is(extract_text) -> None:
    types = entity_types(extract_text("Norwind obtained financing from a leading Boston bank."))
    assert as_place(types.get("Boston")) == "Place", types
