"""Wire copy: the agency signature, ticker codes, capitals that are not names, titles."""

from __future__ import annotations

import pytest

from kg.io import prepare_text
from kg.io.wire import mask_wire_copy
from tests.conftest import as_place, entity_types

STORY = (
    "Norwind Shipping Corp <NWS.T> said it sued <Kestrel Marine Ltd>, the Osaka\n"
    "shipbuilder, over late deliveries.\n"
    "    Kestrel said the suit was without merit.\n"
    " REUTER\n"
)


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        ("Norwind Corp <NWD.T> sued.", "Norwind Corp", "NWD.T"),
        ("Norwind Corp <NWD> sued.", "Norwind Corp", "NWD"),
        ("Norwind Holdings (NWDH.HK) sued.", "Norwind Holdings", "NWDH.HK"),
        ("Norwind Holdings NWDH.HK sued.", "Norwind Holdings", "NWDH.HK"),
        ("Quist Steel [QST.L] sued.", "Quist Steel", "QST.L"),
    ],
)
def test_ticker_codes_are_blanked_and_the_name_kept(text: str, kept: str, gone: str) -> None:
    masked = mask_wire_copy(text)
    assert kept in masked and gone not in masked
    assert len(masked) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Veltra Trade Council (VTC) met on Monday.",  # an acronym being defined
        "The Marlow Dockers Union, MD.OO, said so.",  # a union's initials after a comma
        "He moved to the U.S. in May.",
    ],
)
def test_acronyms_and_abbreviations_are_not_ticker_codes(text: str) -> None:
    assert mask_wire_copy(text) == text


def test_signature_line_is_blanked_only_at_the_end() -> None:
    text = "Reuter Quist said prices rose.\n REUTER\n"
    masked = prepare_text(text)
    assert masked.startswith("Reuter Quist") and "REUTER" not in masked


def test_a_wire_story_has_no_signature_or_ticker_entities(extract_text) -> None:
    types = entity_types(extract_text(STORY))
    assert types.get("Norwind Shipping Corp") == "Company"
    assert types.get("Kestrel Marine Ltd") == "Company"
    assert not {"REUTER", "NWS.T", "NWS"} & set(types), types


@pytest.mark.parametrize(
    ("text", "not_names"),
    [
        (
            "Kestrian officials tried to persuade the U.S. That the accord held, and said\n"
            "U.S. Complaints about the pact were unfounded. The complaints came from industry.",
            {"U.S. That", "U.S. Complaints"},
        ),
        ("Former U.S. Secretary of State Ana Quist said the talks would go on.", {"State"}),
        (
            "The Secretary of State for Rural Affairs, Ana Quist, visited Marlow on Monday.",
            {"State for Rural Affairs", "Rural Affairs"},
        ),
        ("Norwind backed the U.S.-Kestria pact on Monday.", {"U.S.-Kestria"}),
    ],
)
def test_capitals_that_are_not_names(extract_text, text: str, not_names: set[str]) -> None:
    ex = extract_text(text)
    found = {m.text.replace("\n", " ") for m in ex.mentions}
    assert not found & not_names, found


def test_the_abbreviation_before_a_common_word_is_still_the_country(extract_text) -> None:
    types = entity_types(extract_text("Officials said U.S. Complaints were unfounded. The complaints grew."))
    assert as_place(types.get("United States")) == "Place", types


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The suit was filed in the U.S. District Court in Marlow on Monday.", "U.S. District Court"),
        (
            "The Ministry of Veltran Trade and Industry said exports rose.",
            "Ministry of Veltran Trade and Industry",
        ),
        (
            "Norwind took its case to the U.S. Court of Appeals for the Ninth Circuit in May.",
            "U.S. Court of Appeals for the Ninth Circuit",
        ),
        ("TransVeltra Natural Gas Corp said it would appeal.", "TransVeltra Natural Gas Corp"),
        ("Quist-Marlow AG said profits fell.", "Quist-Marlow AG"),
        ("Exports by Strehl und Kappel AG rose sharply.", "Strehl und Kappel AG"),
        ("Brant, of Quist Morrell and Co, said prices were falling.", "Quist Morrell and Co"),
        # a list of what the members make, through commas
        (
            "The Bread, Cake, Biscuit and Pastry Alliance wrote to the minister.",
            "Bread, Cake, Biscuit and Pastry Alliance",
        ),
    ],
)
def test_whole_names_ending_in_a_kind_word(extract_text, text: str, name: str) -> None:
    ex = extract_text(text)
    assert name in {m.text for m in ex.mentions}, [m.text for m in ex.mentions]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The Association of Grain Dealers Inc and Marlow Rulemaking Board wrote to farmers.",
            {"Association of Grain Dealers Inc", "Marlow Rulemaking Board"},
        ),
        (
            "He will call on Finance Minister Ana Quist and Chamber of Deputies chairman Olav Brant.",
            {"Ana Quist", "Chamber of Deputies"},
        ),
    ],
)
def test_and_between_two_names_does_not_join_them(extract_text, text: str, names: set[str]) -> None:
    found = {m.text for m in extract_text(text).mentions}
    assert names <= found, found


def test_a_country_before_and_does_not_join_a_company_name(extract_text) -> None:
    found = {m.text for m in extract_text("Talks between Kestria\nand Norwind Plc ended on Monday.").mentions}
    assert "Norwind Plc" in found and not any("and" in f for f in found), found


def test_an_organization_and_a_surname_side_by_side_are_one_company(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc, Span

    from kg.extract.nerfix import NerSpan, entity_spans

    doc = Doc(nlp.vocab, words=["Ravelco", "was", "sued", "by", "Norwind", "Martin", "."])
    doc.ents = [Span(doc, 0, 1, "ORG"), Span(doc, 4, 5, "ORG"), Span(doc, 5, 6, "PERSON")]
    assert entity_spans(doc) == [NerSpan(0, 1, "ORG"), NerSpan(4, 6, "ORG")]


@pytest.mark.parametrize(
    "text",
    [
        "MARLOW, March 3 - Norwind Corp said it would sue.",
        "NEW MARLOW, Kestria, Oct 12 (Reuter) - Norwind said.",
    ],
)
def test_a_dated_dateline_is_blanked(text: str) -> None:
    masked = mask_wire_copy(text)
    assert "MARLOW" not in masked and "Norwind" in masked and len(masked) == len(text)


def test_an_undated_agency_dateline_stays_for_the_source_rules() -> None:
    text = "VELDORA, Kestria (AP) -- Quist said."
    assert mask_wire_copy(text) == text


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("Kestria said the U.S. Would impose tariffs.", "Kestria said the U.S. would impose tariffs."),
        ("Talks between the U.S. And Kestria resume.", "Talks between the U.S. and Kestria resume."),
        # a sentence may open after the abbreviation with "In", "But", "The": they stay
        ("Sales rose in the U.S. In March they fell.", "Sales rose in the U.S. In March they fell."),
    ],
)
def test_a_function_word_capitalised_after_an_abbreviation_is_read_in_lower_case(
    text: str, parsed: str
) -> None:
    assert mask_wire_copy(text) == parsed


def test_an_appeal_broken_across_wire_lines_after_an_abbreviation_is_read(extract_text) -> None:
    # old agency copy: a hard line break after "U.S." and the next word capitalised
    ex = extract_text("Norland has often called on the U.S.\nTo reduce its budget deficit.\n")
    assert ("Norland", "urges", "U.S.") in {
        (ex.mentions[r.head].text, r.type, ex.mentions[r.tail].text) for r in ex.relations
    }, ex.relations
    assert ex.document.text.endswith("U.S.\nTo reduce its budget deficit.\n")  # the story's own text kept


def test_a_wrapped_line_opening_in_lower_case_continues_the_sentence() -> None:
    assert (
        prepare_text("Shares of Norwind Corp.\nrose sharply.\n") == "Shares of Norwind Corp. rose sharply.\n"
    )
