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


@pytest.mark.parametrize(
    "text",
    [
        "Tobiah Wrenfield warned that the merger would fail. Lena Voss reacted to his warning by "
        "saying the merger was sound.",
        "Tobiah Wrenfield said the merger would fail. Lena Voss rejected his claims on Monday.",
    ],
)
def test_what_an_answer_takes_is_anothers_not_the_answerers_own(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text(text)
    assert refs(ex).get(f"his@{ex.document.text.index('his ')}") == "Tobiah Wrenfield"
    assert ("Lena Voss", "respondsTo", "Tobiah Wrenfield") in triples(ex)


def test_a_possessive_outside_an_answer_may_be_the_subjects_own(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Tobiah Wrenfield met Ana Quist in May. Ana Quist praised her staff on Monday.")
    assert refs(ex).get(f"her@{ex.document.text.index('her ')}") == "Ana Quist"


def test_references_are_marked_and_never_name_an_entity(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Brenfield Holdings Inc. cut jobs. The company said it would hire again in May.")
    kinds = {m.text: m.kind for m in ex.mentions}
    assert kinds["Brenfield Holdings Inc."] == "name"
    assert kinds["company"] == "reference" and kinds["it"] == "reference"
    [entity] = [e for e in ex.entities if e.label == "Brenfield Holdings Inc."]
    assert "company" not in entity.aliases and "it" not in entity.aliases
    assert ex.record()["entities"][1]["kind"] == "reference"


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "Chancellor Tobias Wrenholm met bankers on Monday. Later, Helen Farrow of the Velland Party "
            "accused the chancellor of hiding debts.",
            ("Helen Farrow", "accuses", "Tobias Wrenholm"),
        ),
        (
            "Tobias Wrenholm, the chancellor, met bankers on Monday. Helen Farrow accused the chancellor "
            "of hiding debts.",
            ("Helen Farrow", "accuses", "Tobias Wrenholm"),
        ),
        (
            "Prime Minister Tobias Wrenholm met bankers. Helen Farrow accused the premier of lying.",
            ("Helen Farrow", "accuses", "Tobias Wrenholm"),
        ),
        (
            "Shadow chancellor Tobias Wrenholm spoke first. Chancellor Peter Lindqvist replied. "
            "Helen Farrow later urged the chancellor to resign.",
            ("Helen Farrow", "urges", "Peter Lindqvist"),
        ),
    ],
)
def test_a_role_stands_for_the_person_the_story_named_with_it(extract_text, text: str, triple) -> None:  # type: ignore[no-untyped-def]
    assert triple in triples(extract_text(text))


def test_a_role_nobody_was_named_with_refers_to_nobody(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text(
        "Brenfield Holdings Inc. cut jobs, a spokesman said. The spokesman said more cuts would follow."
    )
    assert not [k for k in refs(ex) if k.startswith("spokesman")]


def test_the_union_is_the_union_named_before_not_the_latest_association(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text(
        "The Velland Dock Workers Union met on Monday. The Harbor Traders Association backed Brenfield "
        "Holdings Inc. The union accused Brenfield of breaking the deal."
    )
    assert ("Velland Dock Workers Union", "accuses", "Brenfield Holdings Inc.") in triples(ex)


def test_they_refers_to_no_single_organization(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Brenfield Holdings Inc. cut jobs on Monday. They were angry about the cuts.")
    assert not [k for k in refs(ex) if k.startswith("They")]


@pytest.mark.parametrize(
    ("text", "pronoun", "person"),
    [
        # a pronoun outside a quotation does not refer to a name inside it
        (
            'Peter Lindqvist met reporters on Monday. "Helen Farrow is wrong," he said.',
            "he",
            "Peter Lindqvist",
        ),
        # a pronoun in a quotation does not refer to its speaker
        ('Helen Farrow met Mr Lindqvist on Monday. "He is wrong," she said.', "He", "Lindqvist"),
        # a title tells the gender
        ("Mr Lindqvist met Helen Farrow on Monday. She said the plan was sound.", "She", "Helen Farrow"),
        # the object of a verb is not its subject, however the subject was named before
        ("Peter Lindqvist met Tobias Wrenholm on Monday. Mr Wrenholm praised him.", "him", "Peter Lindqvist"),
    ],
)
def test_pronouns_of_people(extract_text, text: str, pronoun: str, person: str) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text(text)
    assert refs(ex)[f"{pronoun}@{ex.document.text.rindex(pronoun)}"] == person


def test_it_refers_to_a_country_that_acts(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Japan cut its tariffs on Monday. It accused Brenfield Holdings Inc. of dumping steel.")
    assert refs(ex)[f"It@{ex.document.text.index('It')}"] == "Japan"


def test_the_firm_accused_of_something_is_a_reference(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text(
        'Tobias Wrenholm said that Corvale Shipping Ltd. had lied to its clients. "It has cheated us," he '
        "said. He accused the firm of fraud."
    )
    assert ("Tobias Wrenholm", "accuses", "Corvale Shipping Ltd.") in triples(ex)


def test_quotation_marks_open_each_quoted_paragraph_anew(nlp) -> None:  # type: ignore[no-untyped-def]
    from kg.extract.coref import quoted_tokens

    doc = nlp('She said: "Prices rose. "Costs fell too." Then she left.')
    inside = {t.text for t, q in zip(doc, quoted_tokens(doc), strict=True) if q}
    assert {"Prices", "Costs", "fell"} <= inside and not {"She", "Then", "left"} & inside


@pytest.mark.parametrize(
    ("ref", "named", "matches"),
    [
        (("minister",), {("trade", "minister")}, True),
        (("prime", "minister"), {("trade", "minister")}, False),
        (("chancellor",), {("shadow", "chancellor")}, False),
        (("boss",), {("chief", "executive")}, True),
    ],
)
def test_role_matches(ref: tuple[str, ...], named: set[tuple[str, ...]], matches: bool) -> None:
    from kg.extract.descriptions import role_matches

    assert role_matches(ref, named) is matches


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "Tobias Wrenholm has quit the Marlow Reform Party and accused it of misleading the public.",
            ("Tobias Wrenholm", "accuses", "Marlow Reform Party"),
        ),
        (
            "Tobias Wrenholm left the Northern Grain Federation in May. He later sued it for unpaid fees.",
            ("Tobias Wrenholm", "accuses", "Northern Grain Federation"),
        ),
        (
            "Tobias Wrenholm joined the Marlow Reform Party in 2001 and urged it to back the treaty.",
            ("Tobias Wrenholm", "urges", "Marlow Reform Party"),
        ),
    ],
)
def test_it_as_the_object_of_accusing_or_urging_is_the_body_named_as_an_object(  # type: ignore[no-untyped-def]
    extract_text, text: str, triple: tuple[str, str, str]
) -> None:
    assert triple in triples(extract_text(text))


def test_it_as_the_object_of_other_verbs_still_needs_a_body_that_acts(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Tobias Wrenholm visited the Norwind Group plant on Monday and praised it.")
    assert not [k for k in refs(ex) if k.startswith("it@")]


@pytest.mark.parametrize(
    "text",
    [
        "The Norwind Group board met in Marlow on Monday. We hear that the board also asked "
        "Tobias Wrenholm to stay.",
        "Shares in Brackley Oil rose. The board of Norwind Group is to meet this week. The board urged "
        "Tobias Wrenholm to stay.",
    ],
)
def test_the_board_is_the_board_the_story_named_with_its_owner(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("Norwind Group", "urges", "Tobias Wrenholm") in triples(extract_text(text))


def test_a_board_nobody_was_named_with_refers_to_nobody(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Norwind Group sued Brackley Oil. The board asked Tobias Wrenholm to stay.")
    assert not [k for k in refs(ex) if k.startswith("board@")]
