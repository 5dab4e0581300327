"""spaCy's named entities, repaired where the small model cuts or labels a name by a known slip.

- A region is named with a direction in lower case: "southeast Veltra", "western Quistland".
- A company whose name ends in a word that is also a first name or a surname comes out as an
  organization and a person side by side: "[Norwind]ORG [Martin]PERSON won the contract". Two
  such spans with nothing between them are one name, an organization's.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from kg.extract import kinds

NER_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "PRODUCT", "NORP"})


@dataclass(frozen=True)
class NerSpan:
    start: int  # token offsets, end exclusive
    end: int
    label: str


def entity_spans(doc: Doc) -> list[NerSpan]:
    """The model's entities of the labels kg reads, with the slips above repaired."""
    ents = [
        NerSpan(_region_start(doc, e.start, e.label_), e.end, e.label_)
        for e in doc.ents
        if e.label_ in NER_LABELS
    ]
    out: list[NerSpan] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == "ORG"
            and ent.label == "PERSON"
            and ent.end - ent.start == 1
            and prev.end == ent.start
            and doc[ent.start].is_title
        ):
            out[-1] = NerSpan(prev.start, ent.end, "ORG")
        else:
            out.append(ent)
    return out


def _region_start(doc: Doc, start: int, label: str) -> int:
    """ "southeast [Veltra]", "western [Quistland]": a direction in lower case before a region's
    name is part of the region's (a continent or a region is LOC to the model; a city's part,
    "north Marlow", GPE, is left alone)."""
    if label == "LOC" and start > 0 and doc[start - 1].lower_ in kinds.DIRECTIONS and doc[start - 1].is_lower:
        return start - 1
    return start
