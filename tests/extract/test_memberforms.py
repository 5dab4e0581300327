"""One party or chamber, however a story names it after its members."""

from __future__ import annotations

import pytest

from kg.extract import memberforms
from kg.records import Extraction


def aliases(ex: Extraction) -> dict[str, tuple[str, ...]]:
    return {e.label: e.aliases for e in ex.entities if e.type != "Place"}


@pytest.mark.parametrize(
    ("text", "label", "forms"),
    [
        (
            "The Veltrist Party won the seat in Dunmore. Veltrist leader Ana Rell said the Veltrists "
            "would cut taxes.",
            "Veltrist Party",
            {"Veltrists"},
        ),
        (
            "The Democratic Party lost the seat. The Democrats said they would appeal.",
            "Democratic Party",
            {"Democrats"},
        ),
        (
            "The Social Democrats said on Monday the Social Dems would vote against the bill. Social Dem "
            "leader Ana Rell agreed.",
            "Social Democrats",
            {"Social Dems", "Social Dem"},
        ),
        (
            "The plan was rejected by the House of Peers on Monday. The Peers said it was rushed.",
            "House of Peers",
            {"Peers"},
        ),
    ],
)
def test_a_body_named_by_its_members_is_one_entity(
    extract_text, text: str, label: str, forms: set[str]
) -> None:  # type: ignore[no-untyped-def]
    assert forms <= set(aliases(extract_text(text))[label])


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        (
            "Shares in Progressive Corp rose on Monday. The Progressives won the vote in Marlow.",
            {"Progressive Corp", "Progressives"},
        ),
        (
            "Radical leader Ana Rell said the Radicals would cut taxes. Tom Radical, a farmer, disagreed.",
            {"Radicals", "Tom Radical"},
        ),
    ],
)
def test_a_company_or_a_person_is_not_the_party_of_that_word(
    extract_text, text: str, apart: set[str]
) -> None:  # type: ignore[no-untyped-def]
    assert apart <= set(aliases(extract_text(text)))


@pytest.mark.parametrize(
    ("words", "stem"),
    [
        (("veltrist", "party"), ("veltrist",)),
        (("veltrists",), ("veltrist",)),
        (("progressives",), ("progressive",)),
        (("loyalties",), ("loyalty",)),
        (("democratic", "party"), ("democrat",)),
        (("social", "dems"), ("social", "dem")),
        (("party",), None),
    ],
)
def test_party_stem(words: tuple[str, ...], stem: tuple[str, ...] | None) -> None:
    assert memberforms.party_stem(words) == stem


def test_a_clipped_name_cuts_words_to_at_least_three_letters() -> None:
    assert memberforms.clipped(("free", "dem"), ("free", "democrat"))
    assert not memberforms.clipped(("free", "d"), ("free", "democrat"))
    assert not memberforms.clipped(("free", "democrat"), ("free", "democrat"))
    assert not memberforms.clipped(("dem",), ("democrat",))  # one word: a clipped word, not a name


def test_a_chamber_is_named_after_its_members() -> None:
    assert memberforms.chamber_members(("house", "of", "peers")) == "peers"
    assert memberforms.chamber_members(("house", "of", "quist")) is None  # a firm's name, not members


def test_a_party_nickname_in_the_dictionary_is_the_party(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text(
        "The Conservative Party chose a new leader on Monday. The Tories said taxes would be cut, and "
        "Tory MPs agreed."
    )
    assert {"Tory", "Tories"} <= set(aliases(ex)["Conservative Party"])
