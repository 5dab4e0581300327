"""Accusations, appeals and answers in the forms news writes them, end to end through kg extract."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.relations import find_relations
from kg.extract.types import MentionSpan
from kg.records import Extraction
from tests.conftest import triples

ACCUSES = [
    ("Kestrel Data filed a lawsuit against Norwind Corp on Monday.", ("Kestrel Data", "Norwind Corp")),
    (
        "The lawsuit filed by Kestrel Data accuses Norwind Corp of inflating its accounts.",
        ("Kestrel Data", "Norwind Corp"),
    ),
    (
        "Complaints against Norwind Corp by the Tanner Union have multiplied.",
        ("Tanner Union", "Norwind Corp"),
    ),
    ("Kestrel Data alleged that Norwind Corp had inflated its accounts.", ("Kestrel Data", "Norwind Corp")),
    ("Kestrel Data criticised Norwind Corp's handling of the crisis.", ("Kestrel Data", "Norwind Corp")),
    ("Norwind Corp faces a lawsuit from Kestrel Data over the sale.", ("Kestrel Data", "Norwind Corp")),
    ("Kestrel Data took legal action against Norwind Corp last year.", ("Kestrel Data", "Norwind Corp")),
    ("Kestrel Data has threatened to sue Norwind Corp over the sale.", ("Kestrel Data", "Norwind Corp")),
    ("Norwind Corp was blamed by Kestrel Data for the losses.", ("Kestrel Data", "Norwind Corp")),
    ("Norwind Corp is being sued by Kestrel Data.", ("Kestrel Data", "Norwind Corp")),
    # a gerund after "after"/"by" shares the main verb's subject, and its object pronoun is not it
    (
        "Kestrel Data dismissed Ben Marlow as an adviser after accusing him of leaking the accounts.",
        ("Kestrel Data", "Ben Marlow"),
    ),
    # the owner of whatever is criticised
    ("The Tanner Union criticised Ben Marlow's preoccupation with costs.", ("Tanner Union", "Ben Marlow")),
    # what is condemned was done "by" its target
    (
        "The Tanner Union condemned the move by Norwind Corp to close the plant.",
        ("Tanner Union", "Norwind Corp"),
    ),
    # "blame X on Y" however the parser hangs "on", and the owner of what is blamed
    ("The Tanner Union blamed the delays on Norwind Corp last year.", ("Tanner Union", "Norwind Corp")),
    ("The Tanner Union blamed the job losses on Norwind Corp's pricing.", ("Tanner Union", "Norwind Corp")),
    (
        "Kestrel Data's suit alleges that Norwind Corp attempted to gain control of the pipeline.",
        ("Kestrel Data", "Norwind Corp"),
    ),
    (
        "The Tanner Union protested over Norwind Corp's decision to close the plant.",
        ("Tanner Union", "Norwind Corp"),
    ),
    ("The Kestrel Data chairman accused Norwind Corp of dumping.", ("Kestrel Data", "Norwind Corp")),
    (
        "The Tanner Union called for the resignation of Ben Marlow over the losses.",
        ("Tanner Union", "Ben Marlow"),
    ),
    (
        "The Tanner Union said Ben Marlow's comments were highly irresponsible.",
        ("Tanner Union", "Ben Marlow"),
    ),
    ("Norland has called Kestria's dairy quotas a plain case of protectionism.", ("Norland", "Kestria")),
    (
        "The Federal Trade Commission had charged in a complaint filed in court that Norwind Corp "
        "mislabeled its goods.",
        ("Federal Trade Commission", "Norwind Corp"),
    ),
]
URGES = [
    # "against" hung on a phrase of time by the parser
    (
        "Kestrel Data warned Norwind Corp earlier in the day against raising its prices.",
        ("Kestrel Data", "Norwind Corp"),
    ),
    # the board of a company acts for it
    ("Kestrel Data asked Norwind Corp's board to sell the plant.", ("Kestrel Data", "Norwind Corp")),
    (
        "Kestrel Data asked the Federal Trade Commission to block the merger.",
        ("Kestrel Data", "Federal Trade Commission"),
    ),
    (
        "Kestrel Data petitioned the Commerce Department for relief from imports.",
        ("Kestrel Data", "Commerce Department"),
    ),
    ("Kestrel Data appealed to the Supreme Court to overturn the ruling.", ("Kestrel Data", "Supreme Court")),
    ("The Tanner Union challenged Ben Marlow to stand down as chairman.", ("Tanner Union", "Ben Marlow")),
    ("Kestrel Data demanded that Norwind Corp repay the loan.", ("Kestrel Data", "Norwind Corp")),
    ("Norwind Corp then demanded immediate repayment from Kestrel Data.", ("Norwind Corp", "Kestrel Data")),
    ("The Tanner Union ordered Norwind Corp to deliver the oil.", ("Tanner Union", "Norwind Corp")),
    ("A spokesman for the Tanner Union called on Ben Marlow to quit.", ("Tanner Union", "Ben Marlow")),
]
RESPONDS = [
    (
        "Kestrel Data accused Norwind Corp of fraud. Norwind Corp denied the allegations.",
        ("Norwind Corp", "Kestrel Data"),
    ),
    ("Norwind Corp rejected Kestrel Data's offer.", ("Norwind Corp", "Kestrel Data")),
    ("Harlan Steel rejected the offer from Orbis Logistics.", ("Harlan Steel", "Orbis Logistics")),
    (
        "Ben Marlow accused Norwind Corp of fraud. Norwind Corp defended its record.",
        ("Norwind Corp", "Ben Marlow"),
    ),
    (
        "The complaint against Avia Group was filed on behalf of Ben Marlow. "
        "Avia said it had no comment on the suit.",
        ("Avia Group", "Ben Marlow"),
    ),
    (
        "Kestrel Data sued Norwind Corp on Monday. Norwind Corp had no comment on the lawsuit.",
        ("Norwind Corp", "Kestrel Data"),
    ),
    (
        "Kestrel Data accused Norwind Corp of fraud. Norwind Corp hit back, saying the figures were sound.",
        ("Norwind Corp", "Kestrel Data"),
    ),
    (
        "Kestrel Data accused Norwind Corp of fraud. A Norwind Corp spokesman said the claims were false.",
        ("Norwind Corp", "Kestrel Data"),
    ),
    ("Norwind Corp's response to Kestrel Data's letter was defiant.", ("Norwind Corp", "Kestrel Data")),
    (
        "Ben Marlow accused the union of lying. His claims were denied by Lena Voss.",
        ("Lena Voss", "Ben Marlow"),
    ),
    (
        "Kestrel Data accused Norwind Corp of dumping. Norwind Corp dismissed the charges as baseless.",
        ("Norwind Corp", "Kestrel Data"),
    ),
]
# Stated as not happening, as possible, or as someone's allegation: no event.
NOT_ASSERTED = [
    ("Norwind Corp did not sue Kestrel Data.", ("Norwind Corp", "accuses", "Kestrel Data")),
    (
        "The Tanner Union said the Norwind Corp plan was not unfair.",
        ("Tanner Union", "accuses", "Norwind Corp"),
    ),
    (
        "The Tanner Union said Ben Marlow's comments were a good start.",
        ("Tanner Union", "accuses", "Ben Marlow"),
    ),
    ("Kestrel Data could sue Norwind Corp if talks fail.", ("Kestrel Data", "accuses", "Norwind Corp")),
    (
        "Ben Marlow rejected allegations he pressured Lena Voss to sign the accounts.",
        ("Ben Marlow", "urges", "Lena Voss"),
    ),
    (
        "The court directed Norwind Corp to respond to the Kestrel Data petition.",
        ("Norwind Corp", "respondsTo", "Kestrel Data"),
    ),
    (
        "During his visit he is to call on Ben Marlow and Lena Voss in Ostberg.",
        ("Ben Marlow", "urges", "Lena Voss"),
    ),
    (
        "The Osaka District Court dismissed a suit by Kestrel Data against Norwind Corp.",
        ("Osaka District Court", "accuses", "Norwind Corp"),
    ),
    (
        "The Osaka District Court directed Norwind Corp to pay the fine.",
        ("Osaka District Court", "urges", "Norwind Corp"),
    ),
    (
        "Prosecutors have alleged that Ben Marlow, 63, directed Lena Voss to hide the losses.",
        ("Ben Marlow", "urges", "Lena Voss"),
    ),
    (
        "Asked whether Norland could ask Kestria to cut rates, Ben Marlow said talks were under way.",
        ("Ben Marlow", "urges", "Kestria"),
    ),
    (
        "Asked whether Norland could reasonably ask its allies to act, Ben Marlow said moves were under way.",
        ("Ben Marlow", "urges", "Norland"),
    ),
    (
        "The Kestria Utility Commission dismissed a complaint the Tanner Union filed in May.",
        ("Kestria Utility Commission", "respondsTo", "Tanner Union"),
    ),
    (
        "Ben Marlow has asked Kestria to ease protectionist pressures, a Norland ministry official said.",
        ("Norland", "accuses", "Ben Marlow"),
    ),
    (
        "The Tanner Union said Kestria's case for more aid would look better if inflation fell.",
        ("Tanner Union", "respondsTo", "Kestria"),
    ),
]


def _labels(ex: Extraction) -> set[tuple[str, str, str]]:
    return triples(ex)


@pytest.mark.parametrize(("text", "pair"), ACCUSES, ids=[t[:50] for t, _ in ACCUSES])
def test_accusations(extract_text: Callable[[str], Extraction], text: str, pair: tuple[str, str]) -> None:
    assert (pair[0], "accuses", pair[1]) in _labels(extract_text(text))


@pytest.mark.parametrize(("text", "pair"), URGES, ids=[t[:50] for t, _ in URGES])
def test_appeals(extract_text: Callable[[str], Extraction], text: str, pair: tuple[str, str]) -> None:
    assert (pair[0], "urges", pair[1]) in _labels(extract_text(text))


@pytest.mark.parametrize(("text", "pair"), RESPONDS, ids=[t[:50] for t, _ in RESPONDS])
def test_answers(extract_text: Callable[[str], Extraction], text: str, pair: tuple[str, str]) -> None:
    assert (pair[0], "respondsTo", pair[1]) in _labels(extract_text(text))


@pytest.mark.parametrize(("text", "triple"), NOT_ASSERTED, ids=[t[:50] for t, _ in NOT_ASSERTED])
def test_not_asserted(
    extract_text: Callable[[str], Extraction], text: str, triple: tuple[str, str, str]
) -> None:
    found = _labels(extract_text(text))
    assert not any(h.endswith(triple[0]) and r == triple[1] and t.endswith(triple[2]) for h, r, t in found), (
        found
    )


def test_a_list_of_targets_after_a_dash(extract_text: Callable[[str], Extraction]) -> None:
    ex = extract_text(
        "Kestrel Data is suing four companies - Norwind Corp, its unit Norwind Gas and Brackley Oil."
    )
    accused = {t for h, r, t in _labels(ex) if h == "Kestrel Data" and r == "accuses"}
    assert {"Norwind Corp", "Norwind Gas"} <= accused


def test_a_surname_alone_is_the_person_named_in_full(extract_text: Callable[[str], Extraction]) -> None:
    ex = extract_text(
        "Ben Marlow quit the Tanner Party on Monday. "
        "On Thursday, the party challenged Mr Marlow to stand down as an MEP."
    )
    marlow = [m for m in ex.mentions if m.text == "Marlow"]
    assert marlow and marlow[0].type == "Person"
    assert ("Tanner Party", "urges", "Ben Marlow") in _labels(ex)


@pytest.mark.parametrize(
    "text",
    [
        "Mira Delgado challenged Tanner Party MP Ben Marlow to a debate.",
        "Ben Marlow, the Tanner Party MP for Ostberg, said the plan was sound.",
    ],
)
def test_a_party_office_makes_a_member(extract_text: Callable[[str], Extraction], text: str) -> None:
    assert ("Ben Marlow", "memberOf", "Tanner Party") in _labels(extract_text(text))


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "France protested on Monday. Accusing the French of overfishing, Kestria said their boats "
            "would be seized.",
            ("Kestria", "accuses", "France"),
        ),
        (
            "Kestrel Data said its board turned down a bid for the firm's shares from Norwind Ltd on Monday.",
            ("Kestrel Data", "respondsTo", "Norwind Ltd"),
        ),
        (
            "The House of Lords rejected a plea by Ben Marlow that the holder should not be a lawyer.",
            ("Ben Marlow", "urges", "House of Lords"),
        ),
        (
            "Ben Marlow particularly criticized Tanner Union policies.",
            ("Ben Marlow", "accuses", "Tanner Union"),
        ),
    ],
)
def test_more_forms(
    extract_text: Callable[[str], Extraction], text: str, triple: tuple[str, str, str]
) -> None:
    assert triple in _labels(extract_text(text))


def test_a_nationality_names_a_country_only_where_the_story_names_it(
    extract_text: Callable[[str], Extraction],
) -> None:
    described = extract_text("The owners of Russian oil giant Norwind met on Monday. Russia said no.")
    assert ("Norwind", "basedIn", "Russia") in _labels(described)
    alone = extract_text("The owners of Russian oil giant Norwind met on Monday.")
    assert not any(e.label == "Russia" for e in alone.entities)


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "Two motions were passed by the Marlow Assembly on Monday asking Ben Orr to apologise.",
            ("Marlow Assembly", "urges", "Ben Orr"),
        ),
        (
            "Kestrel Data is seeking millions in damages from Norwind Corp under the new law.",
            ("Kestrel Data", "accuses", "Norwind Corp"),
        ),
        (
            "Norwind Corp was sued in December. "
            "The lawsuit was brought by Kestrel Data and the Tanner Union.",
            ("Kestrel Data", "accuses", "Norwind Corp"),
        ),
        (
            "On Friday, Norland announced tariffs on Kestrian goods for Kestria's alleged failure to "
            "keep the pact.",
            ("Norland", "accuses", "Kestria"),
        ),
        (
            "The proposed Tanner Union levy on oils has been criticised by Kestrel Data, the biscuit maker.",
            ("Kestrel Data", "accuses", "Tanner Union"),
        ),
        (
            "The Conservatives accepted Prime Minister Ben Orr's promise that MPs would review it.",
            ("Conservatives", "respondsTo", "Ben Orr"),
        ),
        (
            "A Norwind Corp spokeswoman said the firm had not yet seen the latest Kestrel Data proposal "
            "and could not comment.",
            ("Norwind Corp", "respondsTo", "Kestrel Data"),
        ),
    ],
)
def test_forms_of_legal_and_political_news(
    extract_text: Callable[[str], Extraction], text: str, triple: tuple[str, str, str]
) -> None:
    assert triple in _labels(extract_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ben Orr suggested Lena Voss would have seen the funny side.",
        "Lena Voss insisted that the committee's report had contained errors.",
    ],
)
def test_an_opinion_urges_nobody(extract_text: Callable[[str], Extraction], text: str) -> None:
    assert not [t for t in _labels(extract_text(text)) if t[1] == "urges"]


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "The Tanner Union said Norwind Corp should cut its prices.",
            ("Tanner Union", "urges", "Norwind Corp"),
        ),
        (
            "Ben Orr also cautioned the Kestria Trade Office to comply with his request.",
            ("Ben Orr", "urges", "Kestria Trade Office"),
        ),
    ],
)
def test_advice_and_caution_urge(
    extract_text: Callable[[str], Extraction], text: str, triple: tuple[str, str, str]
) -> None:
    assert triple in _labels(extract_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Tanner Union said it should cut its prices.",
        "The Tanner Union said Norwind Corp should not cut its prices.",
    ],
)
def test_advice_to_oneself_or_against_urges_nobody(
    extract_text: Callable[[str], Extraction], text: str
) -> None:
    assert not [t for t in _labels(extract_text(text)) if t[1] == "urges"]


def test_a_court_referred_to_by_its_pronoun_brings_no_suit(extract_text: Callable[[str], Extraction]) -> None:
    ex = extract_text(
        "Kestrel Data said the Osaka District Court has agreed to hear its petition to disqualify the judge "
        "presiding over its lawsuit against Norwind Corp."
    )
    assert not [t for t in _labels(ex) if t[0] == "Osaka District Court"]


def test_a_states_officials_speak_for_it(extract_text: Callable[[str], Extraction]) -> None:
    ex = extract_text("Japan met Norland on Monday. Japanese officials accused Norland of dumping.")
    assert ("Japan", "accuses", "Norland") in _labels(ex)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norwind Corp said it could begin legal moves against Kestrel Data next month.", True),
        ("Analysts said Norwind Corp could file a lawsuit against Kestrel Data.", False),
        ("Norwind Corp said it would file a lawsuit against Kestrel Data.", True),
    ],
)
def test_announced_intent_counts_speculation_does_not(
    extract_text: Callable[[str], Extraction], text: str, expected: bool
) -> None:
    assert (("Norwind Corp", "accuses", "Kestrel Data") in _labels(extract_text(text))) is expected


def test_the_author_of_an_offer_hung_on_the_verb_by_the_parser() -> None:
    """ "rejecting a higher offer from Y" read with "from Y" on the verb (as the small model reads
    some names): Y made the offer all the same."""
    words = ["Harlan", "accepted", "a", "buyout", "on", "Monday", ",", "rejecting", "a", "higher", "offer"]
    words += ["from", "Orbis", "."]
    heads = [1, 1, 3, 1, 1, 4, 1, 1, 10, 10, 7, 7, 11, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct", "advcl", "det", "amod", "dobj"]
    deps += ["prep", "pobj", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "VERB", "DET", "ADJ", "NOUN"]
    pos += ["ADP", "PROPN", "PUNCT"]
    lemmas = ["Harlan", "accept", "a", "buyout", "on", "Monday", ",", "reject", "a", "high", "offer"]
    lemmas += ["from", "Orbis", "."]
    tags = ["NNP", "VBD", "DT", "NN", "IN", "NNP", ",", "VBG", "DT", "JJR", "NN", "IN", "NNP", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, tags=tags)
    mentions = [MentionSpan(0, 1, "Company", 1), MentionSpan(12, 13, "Company", 2)]
    found = {(h.head, h.type, h.tail) for h in find_relations(doc, mentions, model=None, event_model=None)}
    assert (0, "respondsTo", 1) in found, found
