"""One entity per person or organization in a story, however the story shortens its name."""

from __future__ import annotations

from kg.records import Extraction


def people(ex: Extraction) -> dict[str, tuple[str, ...]]:
    return {e.label: e.aliases for e in ex.entities if e.type == "Person"}


def test_a_title_and_surname_join_the_full_name(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text(
        "Chancellor Tobias Wrenholm will present the budget on Monday. Mr Wrenholm said taxes would not rise."
    )
    assert people(ex) == {"Tobias Wrenholm": ("Wrenholm",)}
