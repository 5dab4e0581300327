"""Kinds of names the small model misses: public bodies named by whose they are, parties,
broadcasters' stations."""

from __future__ import annotations

import pytest

from tests.conftest import as_place, entity_types


def names(ex) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {m.text: m.type for m in ex.mentions if m.kind == "name"}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "The Kestrian government said on Monday that talks would resume.",
            "Kestrian government",
            "GovernmentAgency",
        ),
        (
            "Critics blamed the Quist administration for the delays.",
            "Quist administration",
            "GovernmentAgency",
        ),
        (
            "The Kestrian finance ministry rejected the offer.",
            "Kestrian finance ministry",
            "GovernmentAgency",
        ),
        (
            "The claim was made at a hearing in the US bankruptcy court.",
            "US bankruptcy court",
            "GovernmentAgency",
        ),
        ("Kestrian government officials met the buyers.", "Kestrian government", "GovernmentAgency"),
    ],
)
def test_bodies_named_by_whose_they_are(extract_text, text: str, name: str, expected: str) -> None:
    found = names(extract_text(text))
    assert found.get(name) == expected, found


def test_the_country_a_court_is_named_after_is_a_place_of_its_own(extract_text) -> None:
    types = entity_types(extract_text("The claim was heard in the US bankruptcy court on Monday."))
    assert as_place(types.get("United States")) == "Place", types


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("Norwind sued Kestrel in a Kestrian court last year.", "Kestrian court"),  # some court
        ("Yields on Kestrian government bonds rose.", "Kestrian government"),
        ("The case against Ana Quist's regime was dropped.", "Quist's regime"),
    ],
)
def test_no_body_without_a_name(extract_text, text: str, not_a_name: str) -> None:
    assert not any(not_a_name in m for m in names(extract_text(text))), names(extract_text(text))


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The Conservatives said the plan would fail.", "Conservatives"),
        ("Ana Quist said the Liberal Democrats agreed with her.", "Liberal Democrats"),
        ("The opposition coalition of Liberal and National parties closed the gap.", "National"),
        ("Kestria voted for the Liberal party in the election.", "Liberal party"),
        ("The Conservative leader Ana Quist attacked the plan.", "Conservative"),
        ("Ana Quist, Labour MP for Marlow, said the plan was dead.", "Labour"),
    ],
)
def test_parties_named_by_their_members(extract_text, text: str, party: str) -> None:
    found = names(extract_text(text))
    assert found.get(party) == "Organization", found


@pytest.mark.parametrize(
    "text",
    [
        "The Serbs and the Arabs were not consulted.",  # peoples, not parties
        "Many Kestrians said the Americans had left.",
        "Ana Quist, the Marlow MP, said the plan was dead.",  # a constituency's member
    ],
)
def test_peoples_and_constituencies_are_no_parties(extract_text, text: str) -> None:
    assert "Organization" not in names(extract_text(text)).values(), names(extract_text(text))


@pytest.mark.parametrize(
    ("text", "station"),
    [
        ("Ana Quist told VBC Radio 4 that the plan was dead.", "VBC Radio 4"),
        ("Ana Quist told VBC News 24 that the plan was dead.", "VBC News 24"),
        ("He said so in an interview on VBC One on Sunday.", "VBC One"),
    ],
)
def test_broadcasters_stations(extract_text, text: str, station: str) -> None:
    found = names(extract_text(text))
    assert found.get(station) == "NewsOrganization", found
