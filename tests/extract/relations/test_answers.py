"""Answers (respondsTo) in forms of news writing: each form found, and one look-alike that is no answer."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.records import Extraction
from tests.conftest import triples

ANSWERS = [
    # a charge called groundless, however the parser hangs the "by"
    (
        "Norwind Corp said it believes the two billion dollar suit against it by Kestrel Data in "
        "state court is frivolous and without merit.",
        ("Norwind Corp", "Kestrel Data"),
    ),
    # "the suit" taken up after its makers were named
    (
        "Shareholders filed a suit against Norwind Corp in the county court. The complaint was filed "
        "on behalf of Ana Quist and Ben Orr, who own shares. Norwind Corp said it had not seen the "
        "papers and said it had no comment on the suit.",
        ("Norwind Corp", "Ana Quist"),
    ),
    (
        "Shareholders filed a suit against Norwind Corp in the county court. The complaint was filed "
        "on behalf of Ana Quist and Ben Orr, who own shares. Norwind Corp declined to comment on the "
        "complaint.",
        ("Norwind Corp", "Ben Orr"),
    ),
    # a denial by parties named as accused, though not in a pair the accusation rules read
    (
        "The case against Ana Quist and Ben Orr is being brought by local Tanner Party supporters. "
        "Ana Quist and Ben Orr deny conspiring to hide the losses.",
        ("Ben Orr", "Tanner Party"),
    ),
    (
        "Kestrel Data accused the three directors of fraud last year. Lena Voss, a director, denied "
        "that she had hidden the losses.",
        ("Lena Voss", "Kestrel Data"),
    ),
    # a bid fought
    ("Norwind Corp is arguing against an offer from Kestrel Data.", ("Norwind Corp", "Kestrel Data")),
    ("Norwind Corp rebuffed Kestrel Data's approach last week.", ("Norwind Corp", "Kestrel Data")),
    # a disagreement with a charge or with words
    (
        "Norwind Corp said it strongly disagreed with a complaint filed by Kestrel Data.",
        ("Norwind Corp", "Kestrel Data"),
    ),
    ("Norwind Corp took issue with Ben Orr's remarks on Monday.", ("Norwind Corp", "Ben Orr")),
    ("Norwind Corp did not agree with Kestrel Data's claims.", ("Norwind Corp", "Kestrel Data")),
    # a counter-attack on the one who attacked
    (
        "Norwind Corp hit back on Monday by saying Kestrel Data's figures were wrong.",
        ("Norwind Corp", "Kestrel Data"),
    ),
    (
        "Ben Orr accused some schools of failing their pupils. The Tanner Union said Ben Orr's "
        "comments were highly irresponsible.",
        ("Tanner Union", "Ben Orr"),
    ),
    # a denial of what a speaker just said
    (
        "Ben Orr said there had been open bullying of the inspectors at the depot. Lena Voss "
        "denied there was any bullying.",
        ("Lena Voss", "Ben Orr"),
    ),
    # a retort answers the last one to speak, not one quoted by them
    (
        "Ben Orr said the plan would fail. Lena Voss retorted that voters would judge the record.",
        ("Lena Voss", "Ben Orr"),
    ),
    (
        'Ben Orr said: "Kestrel Data says we are wrong. "It says the plan will fail." Lena Voss '
        "retorted that voters would judge the record.",
        ("Lena Voss", "Ben Orr"),
    ),
]
NOT_ANSWERS = [
    # a charge called groundless by nobody: a question put, not an answer
    (
        "Norwind Corp said it would ask whether the suit by Kestrel Data was worth fighting.",
        ("Norwind Corp", "Kestrel Data"),
    ),
    # what a charge alleges is no dismissal of it
    (
        "Norwind Corp said it received a complaint filed by Kestrel Data that it made false claims.",
        ("Norwind Corp", "Kestrel Data"),
    ),
    # "denied the report was late" with no accusation in the story
    (
        "Kestrel Data published its annual report on Monday. Norwind Corp denied the report was late.",
        ("Norwind Corp", "Kestrel Data"),
    ),
    # no comment on a suit nobody was said to bring
    (
        "Ana Quist met Norwind Corp in May. Norwind Corp had no comment on the suit.",
        ("Norwind Corp", "Ana Quist"),
    ),
    # a denial with no charge anywhere in the story
    (
        "Kestrel Data published its report on Monday. Ana Quist denied that she had hidden the losses.",
        ("Ana Quist", "Kestrel Data"),
    ),
    # a denial of something nobody before said
    (
        "Ben Orr said prices would rise at the hunt. Lena Voss denied there was any intimidation.",
        ("Lena Voss", "Ben Orr"),
    ),
    # fighting what is no bid
    (
        "Norwind Corp is arguing against an increase in tariffs with Kestrel Data.",
        ("Norwind Corp", "Kestrel Data"),
    ),
    # agreement is no answer
    ("Norwind Corp agreed with Kestrel Data's proposal.", ("Norwind Corp", "Kestrel Data")),
    # a reply about no party
    (
        "Kestrel Data opened a plant in May. Norwind Corp hit back by saying prices would fall.",
        ("Norwind Corp", "Kestrel Data"),
    ),
    # blame of the words of one who accused nobody: an accusation, not an answer
    (
        "Ben Orr opened the new school. The Tanner Union said Ben Orr's comments were highly irresponsible.",
        ("Tanner Union", "Ben Orr"),
    ),
    # "replied" answers a question as often as a charge
    (
        'Lena Voss said talks were going well. Asked if a deal was near, Ben Orr replied: "Not yet."',
        ("Ben Orr", "Lena Voss"),
    ),
    # a retort with no one speaking before it
    ("Lena Voss retorted that voters would judge the record.", ("Lena Voss", "Ben Orr")),
    (
        'Ben Orr said: "Kestrel Data says we are wrong. "It says the plan will fail." Lena Voss '
        "retorted that voters would judge the record.",
        ("Lena Voss", "Kestrel Data"),
    ),
]


@pytest.mark.parametrize(("text", "pair"), ANSWERS, ids=[t[:50] for t, _ in ANSWERS])
def test_answers(extract_text: Callable[[str], Extraction], text: str, pair: tuple[str, str]) -> None:
    found = triples(extract_text(text))
    assert (pair[0], "respondsTo", pair[1]) in found, found


@pytest.mark.parametrize(("text", "pair"), NOT_ANSWERS, ids=[t[:50] for t, _ in NOT_ANSWERS])
def test_not_answers(extract_text: Callable[[str], Extraction], text: str, pair: tuple[str, str]) -> None:
    found = triples(extract_text(text))
    assert (pair[0], "respondsTo", pair[1]) not in found, found


def test_a_plural_pronoun_denies_for_each_party_accused(extract_text: Callable[[str], Extraction]) -> None:
    ex = extract_text(
        "Norwind Corp sued Kestrel Bank and Tanner Trust on Monday. They have all denied any wrongdoing."
    )
    found = {(h, t) for h, r, t in triples(ex) if r == "respondsTo"}
    assert {("Kestrel Bank", "Norwind Corp"), ("Tanner Trust", "Norwind Corp")} <= found


def test_a_plural_pronoun_with_one_party_accused_answers_nobody(
    extract_text: Callable[[str], Extraction],
) -> None:
    ex = extract_text("Ana Quist and Ben Orr met Norwind Corp on Monday. They denied the meeting was secret.")
    assert not [t for t in triples(ex) if t[1] == "respondsTo"]


def test_each_of_a_list_of_subjects_answers(extract_text: Callable[[str], Extraction]) -> None:
    """ "A, B and C deny ...": the parser may take "B and C" for an apposition of A."""
    ex = extract_text(
        "The case against Lena Voss, Ben Orr and Tom Dale is being brought by Kestrel Data. "
        "Lena Voss, Ben Orr and Tom Dale deny conspiring to hide the losses."
    )
    found = {(h, t) for h, r, t in triples(ex) if r == "respondsTo"}
    assert {("Lena Voss", "Kestrel Data"), ("Ben Orr", "Kestrel Data"), ("Tom Dale", "Kestrel Data")} <= found
