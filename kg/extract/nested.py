"""Places inside the names of organizations, as mentions of their own.

- a country's name or a nationality adjective inside an organization's name: "the [Swiss] Watch
  Federation", "the [U.S.] Meat Export Federation";
- the country, nationality or place a public body is named after: "the [Kestrian] government",
  "[Marlow] police" (a leader is not: "the Quist administration" names no person);
- a nationality adjective stands for its country only where the story names that country: the
  adjective alone is no name of a place ("the Kestrian Lumber Association asked for talks").
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import kinds
from kg.extract.bodies import Body
from kg.extract.doctable import table
from kg.extract.types import Candidate


def places_in_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Country names and nationality adjectives inside organization names: "the [Swiss] Watch Federation"."""
    out = []
    for c in cands:
        if c.ner not in {"ORG", ""} or c.end - c.start < 2 or "Place" in c.extra or c.source == "body":
            continue
        i = c.start
        while i < c.end:
            for n in (4, 3, 2, 1):
                if i + n > c.end or (i == c.start and n == c.end - c.start):
                    continue
                text = table(doc).span_text(i, i + n).casefold()
                place = kinds.COUNTRY_VARIANTS.get(text) or (kinds.DEMONYMS.get(text) if n == 1 else None)
                if place:
                    out.append(Candidate(i, i + n, "nested", "GPE", place=place, nested=True))
                    i += n - 1
                    break
            i += 1
    return out


def places_of_bodies(doc: Doc, named: list[Body]) -> list[Candidate]:
    """The country, nationality or place a body is named after."""
    out = []
    for body in named:
        start, end = body.qualifier
        text = table(doc).span_text(start, end).casefold()
        place = kinds.COUNTRY_VARIANTS.get(text) or kinds.DEMONYMS.get(text)
        if place is not None or body.label in {"GPE", "LOC"}:
            out.append(Candidate(start, end, "nested", "GPE", place=place, nested=True, extra={"Place": 3.0}))
    return out


def _demonym(doc: Doc, cand: Candidate) -> bool:
    return table(doc).span_text(cand.start, cand.end).casefold() in kinds.DEMONYMS


def without_orphan_adjectives(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """The candidates less the nested nationality adjectives whose country the story never names."""
    named = {c.place for c in cands if not c.nested and c.place} | {
        table(doc).span_text(c.start, c.end) for c in cands if not c.nested
    }
    return [c for c in cands if not (c.nested and c.place and _demonym(doc, c) and c.place not in named)]
