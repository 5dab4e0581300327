"""Names in capitals (datelines, wire sources) and acronyms in parentheses, on sentences written
for the tests with fictional names."""

from __future__ import annotations

import pytest

from kg.extract.mentions import letters_fit
from tests.conftest import as_place


def mention_types(ex) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {m.text: m.type for m in ex.mentions}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("VELDORA, Kestria (AP) -- Farmers blocked the roads on Monday.", "VELDORA", "Place"),
        ("PORT ALBANEY (AP) _ The harbor reopened on Friday.", "PORT ALBANEY", "Place"),
        ("Brannock ZELTAVIA in English 1601 GMT 28 Apr 94", "ZELTAVIA", "NewsOrganization"),
        ("Brannock ZELTAVIA in English 1601 GMT 28 Apr 94", "Brannock", "Place"),
        ("Solvenna MIRRAKI SHIMPO", "MIRRAKI SHIMPO", "NewsOrganization"),
        ("Solvenna MIRRAKI SHIMPO", "Solvenna", "Place"),
        ("Quarn March 5 (VELT-ORAN) -- The talks resumed on Friday.", "VELT-ORAN", "NewsOrganization"),
        ("ZORVEK PALANTY has learned that the commission will meet on Friday.", "ZORVEK PALANTY", "Company"),
    ],
)
def test_names_in_capitals(extract_text, text: str, name: str, expected: str) -> None:
    types = mention_types(extract_text(text))
    assert as_place(types.get(name)) == expected, types


def test_a_sentence_all_in_capitals_is_not_a_source(extract_text) -> None:
    types = mention_types(extract_text("FARMERS PROTEST OVER GRAIN PRICES."))
    assert not any(t.isupper() and len(t) >= 4 for t in types), types


def test_agency_in_parentheses_after_a_dateline_is_not_the_place(extract_text) -> None:
    ex = extract_text("TARVELLO, Ohio (AP) -- Flooding closed the schools.")
    types = mention_types(ex)
    assert as_place(types.get("TARVELLO")) == "Place" and as_place(types.get("Ohio")) == "Place", types
    assert types.get("AP") in {"Company", "NewsOrganization", "Organization"}, types
    places = [e for e in ex.entities if as_place(e.type) == "Place"]
    assert all("AP" not in e.aliases for e in places)


def test_acronym_of_a_translated_name_still_names_the_organization(extract_text) -> None:
    ex = extract_text("The Swiss Clock Industry Federation (FHZ) wrote to the ministry.")
    aliases = {e.label: e.aliases for e in ex.entities}
    assert "FHZ" in aliases["Swiss Clock Industry Federation"], aliases


@pytest.mark.parametrize(
    ("acronym", "name", "fits"),
    [
        ("CFAL", "Coastal Fisheries Alliance", True),
        ("AP", "Ohio", False),
        ("NTPC", "National Timber Producers Council", True),
    ],
)
def test_letters_fit(acronym: str, name: str, fits: bool) -> None:
    assert letters_fit(acronym, name) is fits


def test_monitoring_source_line_names_a_place_and_a_source(extract_text) -> None:
    types = mention_types(extract_text("PA2904034294 Brannock Radio Veltra in Spanish 1700 GMT 7 Apr 94"))
    assert as_place(types.get("Brannock")) == "Place", types
    assert types.get("Radio Veltra") == "NewsOrganization", types
    assert not any(t.startswith("GMT") for t in types), types  # a time stamp is not a name


@pytest.mark.parametrize(
    "text",
    [
        "Brannock MIRRAKI SHIMPO in Veltan 21 Feb 94 p 11 -- FOR OFFICIAL USE ONLY",
        "( By VELT-ORAN correspondent Ana Quist )",
    ],
)
def test_phrases_in_capitals_and_function_words_are_not_names(extract_text, text: str) -> None:
    names = mention_types(extract_text(text))
    assert not any(n.split()[0] in {"FOR", "OFFICIAL", "By"} for n in names), names


@pytest.mark.parametrize(
    ("text", "place", "source"),
    [
        ("Brannock Radio Veltra Network", "Brannock", "Radio Veltra Network"),
        ("Havana Radio Reloj Network", "Havana", "Radio Reloj Network"),
        ("Madrid RNE International", "Madrid", "RNE International"),
        ("London Kanal-6 Television", "London", "Kanal-6 Television"),
        ("Paris AFP", "Paris", "AFP"),
        ("Ankara TRT\n\nThe talks ended on Monday after a long night.", "Ankara", "TRT"),
    ],
)
def test_a_line_of_a_place_and_a_source_alone(extract_text, text: str, place: str, source: str) -> None:
    """A monitoring service's source line cut before the language: the place it was filed from and
    the broadcaster or agency, which is based there."""
    ex = extract_text(text)
    types = mention_types(ex)
    assert as_place(types.get(place)) == "Place" and types.get(source) == "NewsOrganization", types
    by_text = {m.text: i for i, m in enumerate(ex.mentions)}
    assert any(
        r.type == "basedIn" and r.head == by_text[source] and r.tail == by_text[place] for r in ex.relations
    ), ex.relations


def test_a_sentence_naming_a_broadcaster_is_not_a_source_line(extract_text) -> None:
    types = mention_types(extract_text("Brannock Radio Veltra Network reported the fire."))
    assert "Brannock" not in types, types


@pytest.mark.parametrize(
    ("text", "place", "source"),
    [
        # a headline on the same line: the monitoring code starts the source line
        (
            "Strike Ends in Port NC1901223094 Brannock ZELTA VISTI in Veltan 1 Jul 93 p 1",
            "Brannock",
            "ZELTA VISTI",
        ),
        # an article in capitals opens a newspaper's name
        (
            "Text of Article PM3001110194 Brannock THE DAILY VELT 30 Jan 94 pp 1 , 15",
            "Brannock",
            "THE DAILY VELT",
        ),
        ("PY2604013394 Solvenna O DIARIO in Portuguese 23 Apr 94 p 8", "Solvenna", "O DIARIO"),
        ("947N0051B Brannock NAUKA I ZHIZN in Russian No. 4 , Apr 94", "Brannock", "NAUKA I ZHIZN"),
        # a language of two words, a time without a zone; a place with "de" inside
        (
            "LD0806223294 Brannock Radio Veltra Network in Serbo-Croatian 2000",
            "Brannock",
            "Radio Veltra Network",
        ),
        ("PY2604013394 Rio de Veltra O DIARIO in Portuguese 23 Apr 94 p 8", "Rio de Veltra", "O DIARIO"),
    ],
)
def test_monitoring_source_lines_in_their_variants(extract_text, text: str, place: str, source: str) -> None:
    types = mention_types(extract_text(text))
    assert as_place(types.get(place)) == "Place" and types.get(source) == "NewsOrganization", types


def test_a_source_line_says_by_rule_where_the_outlet_is_based(extract_text) -> None:
    ex = extract_text("PA2904034294 Brannock Radio Veltra Network in Spanish 1700 GMT 7 Apr 94")
    names = [m.text for m in ex.mentions]
    found = {(names[r.head], r.type, names[r.tail], r.rule) for r in ex.relations}
    assert ("Radio Veltra Network", "basedIn", "Brannock", "rule:basedin-source-line") in found, found
