"""Public bodies named by whose they are: "the Kestrian government", "the Quist administration".

News names a government, a ministry, a court, a police force or a state broadcaster with a
common noun in lower case after a word that says whose it is:

- a nationality or a country: "the Kestrian government", "the West Kestrian government", "the
  Kestrian finance ministry", "the UK government";
- a leader: "the Quist administration", "the Quist regime";
- a place: "Marlow police", "the Marlow federal court", "Marlow County Circuit court", "a hearing
  in the US bankruptcy court", "Marlow radio quoted the minister";
- an organization: "the Veltra commission", "the House Farming subcommittee".

Between the two, up to three modifiers ("finance", "federal", "bankruptcy", "Commercial"). The
whole phrase is the body's name. An indefinite article makes it no name ("a Marlow court"), and
so does a noun after it that is not a person ("the Kestrian government bonds"; but "Marlow
police chief Ana Quist" and "Kestrian government officials" keep it).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extract import kinds
from kg.extract.doctable import table
from kg.extract.parties import a_people

# Lower-case nouns that name a public body when someone's name qualifies them.
BODY_NOUNS = frozenset(
    """government administration regime ministry police court commission subcommittee committee
    parliament radio television""".split()
)
# Nouns after the body noun that keep it a name: its people, and what it says and does.
PEOPLE_AFTER = kinds.PERSON_NOUNS | frozenset(
    """official officials spokesman spokeswoman spokesperson source sources chief head deputy
    director judge judges minister ministers statement plan plans proposal proposals policy
    policies decision decisions move""".split()
)
QUALIFIER_LABELS = frozenset({"GPE", "LOC", "NORP", "PERSON", "ORG"})
MAX_MODIFIERS = 3


@dataclass(frozen=True)
class Body:
    start: int  # token offsets of the whole name, end exclusive
    end: int
    qualifier: tuple[int, int]  # the nationality, place, leader or organization it opens with
    label: str  # spaCy's label of the qualifier ("GPE", "NORP", "PERSON", ...)


def _modifier(tok: Token) -> bool:
    if tok.is_title and tok.is_alpha:
        return True  # "Marlow County Circuit court", "London Commercial court"
    return tok.is_lower and tok.is_alpha and not tok.is_stop and tok.pos_ in {"NOUN", "ADJ", "PROPN"}


def _qualifier_end(doc: Doc, noun: Token) -> tuple[int, int, str] | None:
    """The qualifier's span and label, searching left of the body noun over its modifiers."""
    i = noun.i - 1
    skipped = 0
    sent_start = table(doc).sent_start[noun.i]
    while i >= sent_start:
        tok = doc[i]
        if tok.ent_type_ in QUALIFIER_LABELS:
            start = i
            while start > sent_start and doc[start].ent_iob_ == "I":
                start -= 1
            return start, i + 1, tok.ent_type_
        text = tok.text.casefold()
        if text in kinds.DEMONYMS or text in kinds.COUNTRY_VARIANTS:
            return i, i + 1, "GPE" if text in kinds.COUNTRY_VARIANTS else "NORP"
        if skipped == MAX_MODIFIERS or not _modifier(tok):
            return None
        skipped += 1
        i -= 1
    return None


def bodies(doc: Doc) -> list[Body]:
    """Public bodies named by a qualifier and a common noun in lower case."""
    out: list[Body] = []
    tab = table(doc)
    for i, word in enumerate(tab.lower):
        if word not in BODY_NOUNS:
            continue
        noun = tab.tokens[i]
        if not noun.is_lower:
            continue
        found = _qualifier_end(doc, noun)
        if found is None:
            continue
        start, end, label = found
        if label == "NORP" and not a_people(doc[start:end]):
            continue  # "the Progressive government" is a party's, not a nation's
        if any(t.tag_ == "POS" for t in doc[start : noun.i]):
            continue  # "Quist's regime": the leader is named, the regime is not
        # the modifiers between must all be words of the name, not a verb's object or a date
        if any(t.ent_type_ in {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"} for t in doc[end : noun.i]):
            continue
        named_body = label == "ORG" and end - start >= 2  # "a House Farming subcommittee"
        if start > 0 and doc[start - 1].lower_ in {"a", "an"} and not named_body:
            continue  # "a Marlow court", "a Federal court": some court, not one named
        nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.is_lower and nxt.lower_ not in PEOPLE_AFTER:
            continue  # "the Kestrian government bonds"
        out.append(Body(start, noun.i + 1, (start, end), label))
    return out
