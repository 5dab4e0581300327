"""References across sentences: "the company", "the association", "it", "they", "he"."""

from __future__ import annotations

import pytest

from tests.conftest import triples


def refs(ex) -> dict[str, str]:  # type: ignore[no-untyped-def]
    labels = {e.iri: e.label for e in ex.entities}
    return {f"{m.text}@{m.start}": labels[m.iri] for m in ex.mentions if m.kind == "reference"}


def test_a_relation_stated_about_the_association_lands_on_its_iri(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text(
        "The Northern Grain Federation met farmers in Regina on Monday. "
        "The federation accused Calder Mills Inc. of underpaying growers."
    )
    assert ("Northern Grain Federation", "accuses", "Calder Mills Inc.") in triples(ex)


def test_it_refers_to_the_subject_organization(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text(
        "Brenfield Holdings Inc. reported record sales on Monday. It also sued Corvale Shipping Ltd. over "
        "unpaid fees."
    )
    assert ("Brenfield Holdings Inc.", "accuses", "Corvale Shipping Ltd.") in triples(ex)


def test_he_refers_to_the_person_named_before(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Tobiah Wrenfield joined the board last year. He heads Quorvex Pharmaceuticals.")
    assert ("Tobiah Wrenfield", "leads", "Quorvex Pharmaceuticals") in triples(ex)


@pytest.mark.parametrize(
    "text",
    [
        "It is understood that Brenfield Holdings Inc. will cut jobs.",
        "It was reported that Brenfield Holdings Inc. will cut jobs.",
    ],
)
def test_pleonastic_it_refers_to_nothing(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [k for k in refs(extract_text(text)) if k.lower().startswith("it@")]


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text(
        "Corvale Shipping Ltd. lost the case. The Harbor Traders Association criticized both sides "
        "and asked them to settle."
    )
    assert refs(ex).get(f"them@{ex.document.text.index('them')}") != "Harbor Traders Association"


def test_references_are_marked_and_never_name_an_entity(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Brenfield Holdings Inc. cut jobs. The company said it would hire again in May.")
    kinds = {m.text: m.kind for m in ex.mentions}
    assert kinds["Brenfield Holdings Inc."] == "name"
    assert kinds["company"] == "reference" and kinds["it"] == "reference"
    [entity] = [e for e in ex.entities if e.label == "Brenfield Holdings Inc."]
    assert "company" not in entity.aliases and "it" not in entity.aliases
    assert ex.record()["entities"][1]["kind"] == "reference"
