"""What the sentence does with a name when it is a person's or a place's.

People are shot, arrested, widowed, and say what "he" or "she" would do; places are what people
are natives or residents of ("a Marlow native", "Ana Quist, 53, of Marlow"). Votes added to
``evidence.votes_for``.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from kg.extract import cues, kinds
from kg.extract.doctable import table

Votes = defaultdict[str, float]


def person_place_votes(doc: Doc, start: int, end: int, votes: Votes) -> None:
    """What the sentence does with the name: people are shot, arrested and widowed; places are
    where people are natives of."""
    tab = table(doc)
    tokens = tab.tokens  # made once per Doc (``doc[i]`` makes a new Token each time)
    first = tokens[start].lower_
    if end - start >= 2 and (first in kinds.PERSON_TITLES or first in cues.MORE_PERSON_TITLES):
        votes["Person"] += 3  # "Officer Quist" read as one name
    nxt = tokens[end] if end < len(tokens) else None
    if nxt is not None and nxt.tag_ == "POS":
        after = end + 1
        while after < len(tokens) and tokens[after].pos_ == "ADJ":
            after += 1
        noun = tokens[after] if after < len(tokens) else None
        if noun is not None and noun.lower_ in cues.PERSON_RELATION_NOUNS and noun.dep_ != "compound":
            votes["Person"] += 2  # "Quist's widow", "Quist's former bodyguard"
    if nxt is not None and nxt.lower_ in cues.PLACE_OF_NOUNS - {"home", "hometown"}:
        votes["Place"] += 3  # "a Marlow native"
    elif nxt is not None and nxt.lower_ == "home" and start > 0 and tokens[start - 1].tag_ == "PRP$":
        votes["Place"] += 2  # "his Marlow home" (but "the Quist home" is a family's)
    # "Ana Quist, 53, of Marlow", "a native of Marlow"
    age = start >= 4 and tokens[start - 3].like_num and tokens[start - 4].text == ","
    if age and tokens[start - 1].lower_ == "of" and tokens[start - 2].text == ",":
        votes["Place"] += 3
    root = tab.span_root(start, end)
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in cues.PLACE_OF_NOUNS:
        votes["Place"] += 3
    elif (  # "Ana Quist, of Marlow, said": a person's town set off by commas
        root.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.ent_type_ == "PERSON"
        and start >= 2
        and tokens[start - 2].text == ","
        and (end == len(tokens) or tokens[end].text in {",", "."})
    ):
        votes["Place"] += 2
    if root.dep_ == "dobj" and head.lemma_ in cues.VIOLENCE_VERBS:
        votes["Person"] += 2  # "Booth shot Lincoln"
    elif root.dep_ == "nsubj" and head.lemma_ in cues.VIOLENCE_VERBS:
        votes["Person"] += 1.5
    elif root.dep_ == "nsubjpass" and head.lemma_ in cues.PERSON_PASSIVE_VERBS:
        votes["Person"] += 2  # "Quist was arrested"
    elif root.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_ in cues.VIOLENCE_VERBS:
        votes["Person"] += 2  # "killed by Quist"
    elif root.dep_ == "nsubj" and any(
        c.dep_ == "ccomp" and any(t.dep_ == "nsubj" and t.lower_ in {"he", "she"} for t in c.children)
        for c in head.children
    ):
        votes["Person"] += 2  # "Quist said he would ..."
