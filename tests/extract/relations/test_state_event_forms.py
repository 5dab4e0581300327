"""Events whose party news writes as a nationality, in a list in apposition or as a body named
before, end to end through kg extract: each form a user would expect as a triple, and a sentence
of the same shape that states no such event."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.records import Extraction
from tests.conftest import triples

# (text, (head, relation, tail)) that the graph must hold.
FOUND = [
    # a nationality adjective on what a state did or asked stands for that state
    (
        "Portugal and Norland signed the pact in May. Norland blamed the failure on Portuguese demands.",
        ("Norland", "accuses", "Portugal"),
    ),
    (
        "Portugal and Norland signed the pact in May. Norland seized the ships in retaliation for "
        "alleged Portuguese breach of the pact.",
        ("Norland", "accuses", "Portugal"),
    ),
    (
        "Portugal and Norland signed the pact in May. Norland criticised Portuguese policy on fishing.",
        ("Norland", "accuses", "Portugal"),
    ),
    # "blamed by X on Y", the parser hanging "on Y" on X
    (
        "Portugal and Chile signed the pact in May. The attack was blamed by the Chileans on Portugal.",
        ("Chile", "accuses", "Portugal"),
    ),
    (
        "Peru and Chile signed the pact in May. The attack was blamed by both the Chileans and the "
        "Peruvians on Portugal, which denied it.",
        ("Peru", "accuses", "Portugal"),
    ),
    # every member of a list set off by commas after a plural noun, not only the first
    (
        "Kestrel Bank sued two brokers, Tanner Mills Inc and Osk Securities Ltd, accusing them of fraud.",
        ("Kestrel Bank", "accuses", "Osk Securities Ltd"),
    ),
    (
        "Kestrel Bank urged two brokers, Tanner Mills Inc and Osk Securities Ltd, to repay the loans.",
        ("Kestrel Bank", "urges", "Osk Securities Ltd"),
    ),
    # "accusing them" after a main verb that took the list
    (
        "The Kestrel Commission fined three airlines, Norwind Air, Veltra Corp and Osk Air, accusing them "
        "of fixing prices.",
        ("Kestrel Commission", "accuses", "Veltra Corp"),
    ),
    # "the court" asked for something is the court named before ("for" names no court here)
    (
        "The Brackley High Court heard the claim. Norwind Air then asked the court for an order "
        "against its rival.",
        ("Norwind Air", "urges", "Brackley High Court"),
    ),
    (
        "Norwind Air sued Kestrel Bank in the Brackley High Court. Kestrel Bank asked the Commission for "
        "Fair Trade to intervene.",
        ("Kestrel Bank", "urges", "Commission for Fair Trade"),
    ),
    # what is criticised is its maker's: "the levy proposed by X"
    (
        "The levy proposed by Norwind Air has been criticised by Norfed, the association of biscuit makers.",
        ("Norfed", "accuses", "Norwind Air"),
    ),
    # naming someone as one who took part in a wrong
    (
        "Kestrel Bank named Ben Orr as one of the three managers who took part in the bribery.",
        ("Kestrel Bank", "accuses", "Ben Orr"),
    ),
]

# (text, (head, relation, tail)) the graph must not hold.
NOT_FOUND = [
    # a nationality on what is no act of the state's
    (
        "Portugal and Norland signed the pact in May. Norland criticised the Portuguese weather.",
        ("Norland", "accuses", "Portugal"),
    ),
    # a country the story never names is no party
    ("Norland blamed the failure on Portuguese demands.", ("Norland", "accuses", "Portugal")),
    (
        "Kestrel Bank hired two brokers, Tanner Mills Inc and Osk Securities Ltd, to sell the bonds.",
        ("Kestrel Bank", "accuses", "Osk Securities Ltd"),
    ),
    # a levy merely reported by a paper is not the paper's
    (
        "The levy reported by the Brackley Times has been criticised by Norfed.",
        ("Norfed", "accuses", "Brackley Times"),
    ),
    (
        "Kestrel Bank named Ben Orr as head of the unit that investigates fraud.",
        ("Kestrel Bank", "accuses", "Ben Orr"),
    ),
]


@pytest.mark.parametrize(("text", "triple"), FOUND, ids=[t[:50] for t, _ in FOUND])
def test_found(extract_text: Callable[[str], Extraction], text: str, triple: tuple[str, str, str]) -> None:
    found = triples(extract_text(text))
    assert triple in found, found


@pytest.mark.parametrize(("text", "triple"), NOT_FOUND, ids=[t[:50] for t, _ in NOT_FOUND])
def test_not_found(
    extract_text: Callable[[str], Extraction], text: str, triple: tuple[str, str, str]
) -> None:
    found = triples(extract_text(text))
    assert triple not in found, found
