"""Long, repetitive documents give the same mentions as a short one, copy for copy."""

from __future__ import annotations

from collections.abc import Callable

from kg.records import Extraction

_SENTENCE = "Mara Velden of Harlow Freight Group met Osric Pell in Castelmoor on Monday.\n\n"


def _mentions(ex: Extraction, copy_length: int) -> list[tuple[int, str, str]]:
    return [(m.start % copy_length, m.text, m.kind) for m in ex.mentions]


def test_a_repeated_paragraph_has_each_name_in_every_copy(extract_text: Callable[[str], Extraction]) -> None:
    once = extract_text(_SENTENCE)
    many = extract_text(_SENTENCE * 200)
    first = sorted(_mentions(once, len(_SENTENCE)))
    assert first, "the short text names somebody"
    texts = {(m.text) for m in many.mentions}
    assert texts == {m.text for m in once.mentions}
    # every copy carries the names of the short text, at the same offsets
    per_copy = sorted(set(_mentions(many, len(_SENTENCE))))
    assert [(s, t) for s, t, _ in per_copy] == [(s, t) for s, t, _ in first]
    assert len(many.mentions) == 200 * len(once.mentions)


def test_many_title_case_lines_name_what_a_few_do(extract_text: Callable[[str], Extraction]) -> None:
    line = "Velden Freight Depot Union said so\n"
    few = extract_text(line * 3)
    many = extract_text(line * 400)
    assert {m.text for m in many.mentions} == {m.text for m in few.mentions}


def test_one_name_repeated_relates_nothing_at_any_length(extract_text: Callable[[str], Extraction]) -> None:
    for copies in (5, 3_000):
        ex = extract_text("Velden " * copies)
        assert ex.relations == ()
        assert len({m.iri for m in ex.mentions}) <= 1


_STORY = (
    "Harlow Freight Group said on Tuesday that its chief executive Mara Velden would meet the "
    "Transit Workers Union in Castelmoor, where the company plans a depot. "
    "Velden told reporters she thought the plan was sound; the union said it disagreed.\n\n"
)


def _references(ex: Extraction, copy_length: int) -> set[tuple[int, str, str]]:
    """(offset in its copy, text, entity label) of every mention."""
    labels = {e.iri: e.label for e in ex.entities}
    return {(m.start % copy_length, m.text, labels[m.iri]) for m in ex.mentions}


def test_references_in_a_long_story_find_what_they_find_in_a_short_one(
    extract_text: Callable[[str], Extraction],
) -> None:
    once = extract_text(_STORY)
    many = extract_text(_STORY * 60)
    found = _references(once, len(_STORY))
    assert {"its", "company", "she", "union", "it"} <= {text for _, text, _ in found}  # references
    assert _references(many, len(_STORY)) == found
    assert len(many.mentions) == 60 * len(once.mentions)


def test_a_list_of_names_with_no_full_stop_names_every_item(
    extract_text: Callable[[str], Extraction],
) -> None:
    # one spaCy sentence, one list of 350 items: every pair of items was once a candidate pair
    item = "Mara Velden, Osric Pell, Harlow Freight Group, Castelmoor, Transit Workers Union, "
    ex = extract_text(item * 70)
    assert {e.label for e in ex.entities} >= {"Mara Velden", "Osric Pell", "Harlow Freight Group"}
    assert sum(m.text == "Osric Pell" for m in ex.mentions) == 70
