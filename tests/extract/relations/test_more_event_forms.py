"""More forms of accusing and urging in news writing (among them parties written as a nationality,
a list in apposition or a body named before), end to end through kg extract: each form a user would
expect to see as a triple, and a sentence of the same shape that states no such event."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.records import Extraction
from tests.conftest import triples

# (text, (head, relation, tail)) that the graph must hold.
FOUND = [
    # the small model reads "sued Y alleging ..." as a clause "Y alleging"
    ("In May, Ana Quist sued Norwind Inc alleging fraud.", ("Ana Quist", "accuses", "Norwind Inc")),
    (
        "Last September, Kestrel Data and the Tanner Union sued Norwind Inc alleging Norwind's product "
        "infringed on a patent.",
        ("Tanner Union", "accuses", "Norwind Inc"),
    ),
    (
        "On Friday, the Tanner Union challenged Mr Orr-Marlow to resign his council seat so that "
        "residents can elect a new member.",
        ("Tanner Union", "urges", "Orr-Marlow"),
    ),
    # who is "in the process of" an act does it
    (
        "Kestrel Data said Norwind Corp was in the process of suing Tanner Mills.",
        ("Norwind Corp", "accuses", "Tanner Mills"),
    ),
    # a ministry "of Justice" is no court: it answers and sues
    (
        "Ben Orr asked the Norland Ministry of Justice to block the merger. The Norland Ministry of "
        "Justice said it was in the process of writing a response to Ben Orr's request.",
        ("Norland Ministry of Justice", "respondsTo", "Ben Orr"),
    ),
    (
        "The Norland Ministry of Justice sued Norwind Corp on Monday.",
        ("Norland Ministry of Justice", "accuses", "Norwind Corp"),
    ),
    # "the offer" of a maker named before
    (
        "Norwind Corp rejected a tender offer from Kestrel Data on Monday. Norwind Corp also filed a "
        "lawsuit alleging that the offer violates securities laws.",
        ("Norwind Corp", "accuses", "Kestrel Data"),
    ),
    (
        "Kestrel Data made a tender offer for Norwind Corp on Monday. The offer, which Norwind Corp "
        "rejected, was worth two billion crowns.",
        ("Norwind Corp", "respondsTo", "Kestrel Data"),
    ),
    # a counted plural stands for the group just named
    (
        "The case against Ben Orr, Lena Voss and Ana Quist is being heard in Ostberg. Tom Brand, "
        "the lawyer acting for the claimants, accused the three men of fraud.",
        ("Tom Brand", "accuses", "Lena Voss"),
    ),
    (
        "Norwind Corp and Kestrel Data are close to a price war. The Tanner Union said: "
        '"We have urged both sides to exercise restraint."',
        ("Tanner Union", "urges", "Kestrel Data"),
    ),
    (
        "Earlier this year, Norwind Corp and Kestrel Data agreed to adopt common rules. The two "
        "companies urged others to follow suit, notably Brackley Oil.",
        ("Kestrel Data", "urges", "Brackley Oil"),
    ),
    # the addressees of a letter of appeal, named in the next sentence
    (
        "Trade Minister Karl Brenner spelled out the steps Norwind Corp was taking and appealed for "
        "patience in a letter to its partners. The letter was sent today to Ben Orr, Lena Voss and "
        "Tom Brand.",
        ("Karl Brenner", "urges", "Lena Voss"),
    ),
    # litigation
    (
        "Kestrel Data sued Norwind Corp in May. The suit also names Brackley Oil as a defendant.",
        ("Kestrel Data", "accuses", "Brackley Oil"),
    ),
    (
        "Kestrel Data filed a petition in Ostberg seeking the forced bankruptcy of Norwind Corp this week.",
        ("Kestrel Data", "accuses", "Norwind Corp"),
    ),
    (
        "Kestrel Data said it sought to disqualify Judge Ben Orr when it learned of his shares.",
        ("Kestrel Data", "accuses", "Ben Orr"),
    ),
    (
        "Kestrel Data said the Ostberg Court of Appeals will hear the company's petition.",
        ("Kestrel Data", "urges", "Ostberg Court of Appeals"),
    ),
    (
        "Kestrel Data said an Ostberg District Court judge denied the firm's motion to disqualify "
        "Judge Ben Orr.",
        ("Kestrel Data", "urges", "Ostberg District Court"),
    ),
    (
        "Norwind Corp said it would pay 50 mln dlrs to settle charges, raised by Attorney General Ana "
        "Quist in October, that it sought to rig bids.",
        ("Ana Quist", "accuses", "Norwind Corp"),
    ),
    # reported advice: what the speaker says another needs to do
    (
        "Norwind Corp needed to listen to its customers too, Lena Voss said.",
        ("Lena Voss", "urges", "Norwind Corp"),
    ),
    (
        "Norwind Corp and Kestrel Data have the obligation to lead the clean-up, Lena Voss said.",
        ("Lena Voss", "urges", "Kestrel Data"),
    ),
    # joint acts, and orders at law sought against a party
    (
        "Lena Voss has joined Kestrel Data in charging that Norwind Corp had engaged in an illegal offer.",
        ("Kestrel Data", "accuses", "Norwind Corp"),
    ),
    (
        "The Tanner Union said it wants to join the lawsuit requesting Norwind "
        "Corp be enjoined from cutting pensions.",
        ("Tanner Union", "accuses", "Norwind Corp"),
    ),
    (
        "Kestrel Data has joined Brackley Oil in asking a court to prevent Norwind Corp from "
        "withholding payments.",
        ("Kestrel Data", "accuses", "Norwind Corp"),
    ),
    # a nationality, a list in apposition, a body named before, as the party of an event
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
# (text, (head, relation, tail)) that the graph must not hold.
NOT_FOUND = [
    (
        "Analysts said Kestrel Data may sue Norwind Corp alleging its product infringed on a patent.",
        ("Kestrel Data", "accuses", "Norwind Corp"),
    ),
    (
        "Last September, Kestrel Data sued Norwind Inc alleging Norwind's product infringed on a patent.",
        ("Norwind Inc", "accuses", "Kestrel Data"),
    ),
    ("Kestrel Data never challenged Ben Marlow to stand down.", ("Kestrel Data", "urges", "Ben Marlow")),
    # three companies are not the two named
    (
        "Norwind Corp and Kestrel Data met in May. The three companies then sued Brackley Oil.",
        ("Norwind Corp", "accuses", "Brackley Oil"),
    ),
    (
        "The Tanner Union urged others to follow suit, Brackley Oil said.",
        ("Tanner Union", "urges", "Brackley Oil"),
    ),
    # a letter that asks nothing, or is not sent
    (
        "Karl Brenner wrote a letter. The letter was sent today to Ben Orr.",
        ("Karl Brenner", "urges", "Ben Orr"),
    ),
    (
        "Karl Brenner urged restraint in a letter. The letter was not sent to Ben Orr.",
        ("Karl Brenner", "urges", "Ben Orr"),
    ),
    (
        "Karl Brenner spelled out the steps Norwind Corp was taking and appealed for patience in a "
        "letter. The letter was sent today to Ben Orr.",
        ("Norwind Corp", "urges", "Ben Orr"),
    ),
    # litigation denied, speculated, or ruled on by the court
    (
        "Kestrel Data sued Norwind Corp in May. The suit does not name Brackley Oil as a defendant.",
        ("Kestrel Data", "accuses", "Brackley Oil"),
    ),
    (
        "Analysts said Kestrel Data could seek the bankruptcy of Norwind Corp.",
        ("Kestrel Data", "accuses", "Norwind Corp"),
    ),
    (
        "The Ostberg District Court disqualified Judge Ben Orr on Monday.",
        ("Ostberg District Court", "accuses", "Ben Orr"),
    ),
    (
        "Kestrel Data said the Ostberg Court of Appeals will hear the company's petition "
        "against Norwind Corp.",
        ("Ostberg Court of Appeals", "accuses", "Norwind Corp"),
    ),
    (
        "Kestrel Data said the Ostberg Court of Justice will hear the company's petition "
        "against Norwind Corp.",
        ("Ostberg Court of Justice", "accuses", "Norwind Corp"),
    ),
    # a necessity foretold or denied is no advice
    (
        "The assets are with Norwind Corp, so it will have to pay the creditors, said Lena Voss.",
        ("Lena Voss", "urges", "Norwind Corp"),
    ),
    ("Norwind Corp does not need to cut prices, Lena Voss said.", ("Lena Voss", "urges", "Norwind Corp")),
    (
        '"Norwind Corp has to be pleased with this report," Lena Voss said.',
        ("Lena Voss", "urges", "Norwind Corp"),
    ),
    (
        "Lena Voss has not joined Kestrel Data in charging that Norwind Corp had engaged in an "
        "illegal offer.",
        ("Lena Voss", "accuses", "Norwind Corp"),
    ),
    ("Kestrel Data asked Norwind Corp to stop the sale.", ("Kestrel Data", "accuses", "Norwind Corp")),
    (
        "The Tanner Union filed a lawsuit requesting Norwind Corp be enjoined from selling.",
        ("Tanner Union", "urges", "Norwind Corp"),
    ),
    # the same forms where no such event is stated
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
