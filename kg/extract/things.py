"""Names in capitals that are no entity of the ontology: documents, events, measures, peoples.

Patterns of English and news writing:

- a law, a treaty, a plan, a report, an election or a measure is named by its kind as the last
  word: "the Veltra Fair Trading Act", "the Quist Agreement", "the General Election", "Gross
  National Product", "the Marlow Bankruptcy Code" (not "paper": "Kestrel Paper" is a firm);
- a count or an amount is no name: "Millions to lose jobs", "46.8 Ecus per tonne";
- a nationality or a people's adjective before a noun names no place or group: "of Kestrian,
  Brannish and black Marlowan origin", "the Kestrian population".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import kinds
from kg.extract.doctable import table

# Last words of the names of documents, events and measures.
THING_WORDS = frozenset(
    """act acts agreement agreements convention treaty budget election elections strategy bill
    code plan prize award round report law directive charter accord pact protocol product""".split()
)
# Endings of nationality adjectives that country names do not share.
NATIONALITY_ENDINGS = ("ian", "ean", "can", "yan", "ese", "ish", "i", "ch")
# Nouns of people after a nationality adjective in title case: "Kestrian Director of Sales".
PEOPLE_AFTER = kinds.PERSON_NOUNS | {"director", "chairman", "president", "chief", "head"}
COUNT_WORDS = frozenset({"millions", "thousands", "hundreds", "billions", "dozens", "scores", "tens"})


def _ordinal(tok: Token) -> bool:
    return tok.lower_[-2:] in {"st", "nd", "rd", "th"}


def _modifier(tok: Token) -> bool:
    """The word modifies a noun: "Kestrian waters", "of Kestrian and Brannish origin"."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and ((nxt.pos_ == "NOUN" and nxt.is_lower) or nxt.lower_ in PEOPLE_AFTER):
        return True  # "Kestrian waters", "Kestrian Director of ..."
    # an adjective (not a proper noun, which may be a surname: "(Quisti) said")
    return tok.tag_ == "JJ" and (
        tok.dep_ in {"amod", "compound", "nmod"} or (tok.dep_ == "conj" and tok.head.dep_ in {"amod", "nmod"})
    )


def thing_cut(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The span without leading numbers; None when it names a thing, a count or a people."""
    tokens = table(doc).tokens  # made once per Doc: ``doc[i]`` makes a new Token each time
    while start < end and tokens[start].text[:1].isdigit() and not _ordinal(tokens[start]):
        start += 1  # "46.8 Ecus", "745bn Kestrian" (not "the 6th Fleet", "First Marlow")
    if start >= end:
        return None
    last = tokens[end - 1]
    if last.lower_ in THING_WORDS and last.text[:1].isupper():
        return None
    after = tokens[end] if end < len(tokens) else None
    if after is not None and end - start >= 2 and after.lower_ in THING_WORDS and after.is_title:
        return None  # the model stopped short of the kind word: "the [Mental Capacity] Bill"
    if last.lower_ == "paper" and end - start == 2 and tokens[start].lower_ in {"white", "green"}:
        return None  # a government's "White Paper"
    if end - start == 1 and tokens[start].lower_ in COUNT_WORDS:
        return None
    if end - start == 1 and _nationality(tokens[start]) and _modifier(tokens[start]):
        return None
    return start, end


def _nationality(tok: Token) -> bool:
    """A nationality adjective ("Kestrian", "Brannese", "Marlowi"): not a country that ends like one
    ("Veltran", "Quistan") nor a party ("Veltrist")."""
    word = tok.lower_
    return tok.is_title and (word in kinds.DEMONYMS or word.endswith(NATIONALITY_ENDINGS))
