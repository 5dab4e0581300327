"""Mentions, typing cues and one-entity-per-thing rules, on sentences written for the tests."""

from __future__ import annotations

import pytest

from tests.conftest import as_place, entity_types


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "The Dental Suppliers Association filed a complaint on Monday.",
            "Dental Suppliers Association",
            "TradeAssociation",
        ),
        (
            "Officials at the Orvania Grain Federation met farmers.",
            "Orvania Grain Federation",
            "TradeAssociation",
        ),
        (
            "The Northland Chamber of Commerce welcomed the plan.",
            "Northland Chamber of Commerce",
            "TradeAssociation",
        ),
        (
            "The Ministry of Coastal Affairs rejected the request.",
            "Ministry of Coastal Affairs",
            "GovernmentAgency",
        ),
        (
            "The Federal Shipping Commission opened an inquiry into the deal.",
            "Federal Shipping Commission",
            "GovernmentAgency",
        ),
        ("Brenfield Holdings Inc. reported higher profits.", "Brenfield Holdings Inc.", "Company"),
        ("Shares of Quorvex Pharmaceuticals rose 4 percent.", "Quorvex Pharmaceuticals", "Company"),
        ("The Valley Morning Herald first reported the story.", "Valley Morning Herald", "NewsOrganization"),
        ("Shoppers queued for the Veltrano brand all week.", "Veltrano", "Brand"),
        ("Mr. Tobiah Wrenfield declined to comment on Tuesday.", "Tobiah Wrenfield", "Person"),
    ],
)
def test_typing_cues(extract_text, text: str, name: str, expected: str) -> None:
    types = entity_types(extract_text(text))
    assert as_place(types.get(name)) == expected, types


def test_acronym_in_parentheses_and_later_bare_use_is_one_entity(extract_text) -> None:
    ex = extract_text(
        "The Coastal Fisheries Alliance (CFAL) wrote to regulators. Later, CFAL said the rules were unfair."
    )
    [alliance] = [e for e in ex.entities if e.label == "Coastal Fisheries Alliance"]
    assert "CFAL" in alliance.aliases
    iris = {m.iri for m in ex.mentions if m.text in {"Coastal Fisheries Alliance", "CFAL"}}
    assert iris == {alliance.iri}
    assert sum(m.text == "CFAL" for m in ex.mentions) == 2


def test_acronym_matching_initials_is_the_same_entity(extract_text) -> None:
    ex = extract_text("The National Timber Producers Council met on Monday. The NTPC said prices would rise.")
    council = [e for e in ex.entities if e.label == "National Timber Producers Council"]
    assert council and "NTPC" in council[0].aliases


def test_short_form_of_a_longer_name_is_the_same_entity(extract_text) -> None:
    ex = extract_text(
        "Dravenport Logistics Group cut 200 jobs on Friday. Dravenport said demand had fallen sharply."
    )
    orgs = [e for e in ex.entities if "Dravenport" in e.label]
    assert len(orgs) == 1, orgs
    assert orgs[0].label == "Dravenport Logistics Group"


def test_surname_alone_is_the_person_named_in_full_earlier(extract_text) -> None:
    ex = extract_text("Marisol Quenneville runs the shop. Quenneville said sales were strong.")
    people = [e for e in ex.entities if e.type == "Person"]
    assert [p.label for p in people] == ["Marisol Quenneville"]


def test_the_and_possessive_do_not_make_new_entities(extract_text) -> None:
    ex = extract_text(
        "The Harbor Workers Federation called a strike. The federation's leaders met. "
        "Harbor Workers Federation's members voted."
    )
    feds = [e for e in ex.entities if "Harbor Workers Federation" in e.label]
    assert len(feds) == 1
    assert feds[0].label == "Harbor Workers Federation"


def test_name_split_by_a_line_break_is_one_entity(extract_text) -> None:
    ex = extract_text(
        "Ports were busy all week.\nOn Monday the Pacific Cargo Carriers\nAssociation warned of delays.\n"
    )
    assert "Pacific Cargo Carriers Association" in entity_types(ex)


def test_different_entities_with_similar_names_stay_apart(extract_text) -> None:
    ex = extract_text(
        "Norwind Energy Corp. bought a stake in Norwind Shipping Ltd. on Monday, the companies said."
    )
    labels = {e.label for e in ex.entities}
    assert {"Norwind Energy Corp.", "Norwind Shipping Ltd."} <= labels


def test_nationality_adjective_in_an_organization_name_is_its_country(extract_text) -> None:
    ex = extract_text("The Canadian Lumber Association asked Canada for talks.")
    types = entity_types(ex)
    assert types.get("Canada") == "GeopoliticalEntity"  # a country, a place that acts
    assert types.get("Canadian Lumber Association") == "TradeAssociation"
    [canada] = [e for e in ex.entities if e.label == "Canada"]
    assert {m.text for m in ex.mentions if m.iri == canada.iri} == {"Canadian", "Canada"}


def test_nationality_adjective_alone_names_no_place(extract_text) -> None:
    # an adjective is no name of a place (the news-events guide): only where the story names
    # the country does the adjective inside a name stand for it
    types = entity_types(extract_text("The Canadian Lumber Association asked for talks."))
    assert "Canada" not in types, types
    assert types.get("Canadian Lumber Association") == "TradeAssociation"


def test_offsets_slice_the_text_exactly(extract_text) -> None:
    text = "Ülker Gıda's chief, Ayşe Demirtaş, met the Dutch Dairy Board (DDB) in Brussels.\nDDB agreed."
    ex = extract_text(text)
    assert ex.mentions
    for m in ex.mentions:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Tourists walked down Quist Street on Sunday.", "Quist Street", "Place"),
        ("The fire spread across Marlow County overnight.", "Marlow County", "Place"),
        ("Soldiers left Fort Brannock at dawn.", "Fort Brannock", "Place"),
        ("The Veltrani Democratic Party won the vote.", "Veltrani Democratic Party", "Organization"),
        ("She studied at Brannock University for four years.", "Brannock University", "Organization"),
    ],
)
def test_place_and_organization_head_words(extract_text, text: str, name: str, expected: str) -> None:
    types = entity_types(extract_text(text))
    assert as_place(types.get(name)) == expected, types


def test_and_after_a_complete_name_joins_two_names(extract_text) -> None:
    ex = extract_text("The Quist Revenue Service and Marlow Trust Co. filed a plan on Friday.")
    labels = {e.label for e in ex.entities}
    assert {"Quist Revenue Service", "Marlow Trust Co."} <= labels, labels


def test_of_after_a_legal_form_is_where_the_company_is(extract_text) -> None:
    ex = extract_text("Lawyers for Marlow Trust Co. of Brannock declined to comment.")
    assert "Marlow Trust Co." in {e.label for e in ex.entities}


def test_a_country_whose_name_ends_in_a_kind_word_stays_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from kg.extract.aliases import cluster_mentions
    from kg.extract.mentions import find_candidates

    doc = nlp("Delegates from the Veldorian Union arrived on Monday.")
    doc.ents = [Span(doc, 3, 5, "GPE")]  # as the model reads a real country's name
    [cluster] = cluster_mentions(doc, find_candidates(doc))
    assert (cluster.label, cluster.type) == ("Veldorian Union", "Place")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Tobiah Wrenfield, 53, was elected on Monday.", "Tobiah Wrenfield", "Person"),
        ("The report was written by Quennard, a designer from the north.", "Quennard", "Person"),
        ("The quake leveled Drevatz, the region's largest city.", "Drevatz", "Place"),
        ("The camp lies 70 miles northeast of Olvenmark.", "Olvenmark", "Place"),
        ("Rescuers found 2,000 people in Bugarvia on Monday.", "Bugarvia", "Place"),
    ],
)
def test_context_cues_for_people_and_places(extract_text, text: str, name: str, expected: str) -> None:
    types = entity_types(extract_text(text))
    assert as_place(types.get(name)) == expected, types


def test_an_occupation_before_a_name_is_not_part_of_it(extract_text) -> None:
    ex = extract_text("Composer Tobiah Wrenfield wrote the score in 1931.")
    people = [m.text for m in ex.mentions if m.type == "Person"]
    assert people == ["Tobiah Wrenfield"], people


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Police said Wrenfield shot Tobrin outside the theater on Friday.", "Tobrin", "Person"),
        ("Tobrin was arrested on Friday, the police said.", "Tobrin", "Person"),
        ("Tobrin's widow told reporters that the verdict was fair.", "Tobrin", "Person"),
        ("Osk Varl, a Quindale native, returned to the stage last year.", "Quindale", "Place"),
        ("Osk Varl, 41, of Quindale, was charged with theft.", "Quindale", "Place"),
    ],
)
def test_what_the_sentence_does_with_a_name_types_it(
    extract_text, text: str, name: str, expected: str
) -> None:
    types = entity_types(extract_text(text))
    assert as_place(types.get(name)) == expected, types


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # the victim of a violent act named by a noun is a person
        ("The assassination of Dovrel Quist shocked the town.", "Dovrel Quist", "Person"),
        ("A coin marks the murder of Kravlin in 44 B.C.", "Kravlin", "Person"),
        # a facility that does not act is a place
        ("Workers at the Kestrel Valley Plant went on strike.", "Kestrel Valley Plant", "Place"),
        # a country has negotiators and imports goods without being a company
        ("Venezuela 's chief debt negotiator , Ana Quist , told reporters .", "Venezuela", "Place"),
        ("Prime Minister Chuan asked that South Korea import more Thai goods .", "South Korea", "Place"),
        # "Acme Co. of Marlow": where the company is
        ("The rig , leased from Avis Dovrel Co. of Folsom , had left .", "Folsom", "Place"),
        # a place name modifying a plain place noun, or listed with places
        ("Police in Umbria and Lazio provinces made arrests .", "Lazio", "Place"),
        ("Andrew Quist , born in 1767 , in Waxhaw settlement , grew up poor .", "Waxhaw", "Place"),
        ("Supplies went to Kosovo , Sandzak and Vojvodina last week .", "Sandzak", "Place"),
        # a person's town set off by commas
        ("Orrin Pike, of Lisbury, was the Brackett Mills driver.", "Lisbury", "Place"),
        # "Town, State": a town and the state it is in
        ("He bought the gun at a store in Niagara Falls , N.Y. , last week .", "Niagara Falls", "Place"),
        # but not the company before a town and its state
        ("Jon Googel of Dovrel Realty, West Hartford, Conn., bought shares.", "Dovrel Realty", "Company"),
    ],
)
def test_victims_facilities_and_places(extract_text, text: str, name: str, expected: str) -> None:
    types = {m.text: m.type for m in extract_text(text).mentions}
    assert as_place(types.get(name)) == expected, types
