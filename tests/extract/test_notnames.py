"""Names in capitals that are no entity: offices, documents, measures, nationality adjectives;
and kinds of names found alone: a title's "The", houses of parliament, constituencies."""

from __future__ import annotations

import pytest

from tests.conftest import as_place


def names(ex) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {m.text: m.type for m in ex.mentions if m.kind == "name"}


@pytest.mark.parametrize(
    ("text", "not_names"),
    [
        ("Finance Minister Ana Quist said the budget was balanced.", {"Finance", "Finance Minister"}),
        (
            "Trade and Industry Secretary Ana Quist raised the issue on Sunday.",
            {"Trade and Industry", "Trade and Industry Secretary"},
        ),
        (
            "Veltrist Home Affairs spokesman Olav Brant said it was prudent.",
            {"Veltrist Home Affairs", "Home Affairs"},
        ),
        # a nationality left alone by the portfolio is the country's ministry, no organization
        (
            "Chilean Treasury Secretary Olav Brant said the deal with the lenders was close.",
            {"Chilean", "Chilean Treasury", "Treasury"},
        ),
        ("The prosecutor, Olav Brant QC, said the principle was sound.", {"Olav Brant QC", "QC"}),
        (
            "Under the Kestria Fair Trading Act, it is a crime to bribe officials.",
            {"Kestria Fair Trading Act"},
        ),
        ("The result could matter in any forthcoming General Election.", {"General Election"}),
        ("Kestria's Gross National Product grew 8 pct in 1986.", {"Gross National Product"}),
        (
            "Those of Kestrian and Brannish origin were more likely to be unemployed.",
            {"Kestrian", "Brannish"},
        ),
        ("The rebate was 46.864 Ecus per 100 kilos.", {"46.864 Ecus"}),
        ("The plan was led by Lord Quist and published in March.", {"Lord"}),
        ("Millions to lose textile jobs, charity warns.", {"Millions"}),
    ],
)
def test_no_entity_from_offices_documents_and_adjectives(
    extract_text, text: str, not_names: set[str]
) -> None:
    found = names(extract_text(text))
    assert not set(found) & not_names, found


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Finance Minister Ana Quist said the budget was balanced.", "Ana Quist", "Person"),
        ("The prosecutor, Olav Brant QC, said the principle was sound.", "Olav Brant", "Person"),
        (
            "Deputy High Court Judge Ana Quist told the hearing it was open to fraud.",
            "High Court",
            "GovernmentAgency",
        ),
        (
            "Ana Quist told The Clarion that life was a constant barrage of attacks.",
            "Clarion",
            "NewsOrganization",
        ),
        ("She told a Commons inquiry that the rules were too weak.", "Commons", "GovernmentAgency"),
        (
            "Olav Brant, Labour MP for Marlow East, said the issue would soon disappear.",
            "Marlow East",
            "Place",
        ),
    ],
)
def test_names_kept_or_found(extract_text, text: str, name: str, expected: str) -> None:
    found = names(extract_text(text))
    assert as_place(found.get(name)) == expected, found


def test_a_name_stops_at_a_blanked_ticker(extract_text) -> None:
    found = names(extract_text("A spokesman for Norwind International <NWD> of Dovria said so."))
    assert not any("<" in n or "of Dovria" in n for n in found), found


def test_a_name_the_model_stopped_short_of_its_kind_word_is_a_thing(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Opponents tabled late amendments to the Harbour Pilotage Bill on Tuesday.")
    assert not [m for m in ex.mentions if m.text.startswith("Mental Capacity")]
