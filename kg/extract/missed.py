"""Names the small model misses, found by what the sentence does with them.

A run of proper nouns in title case that spaCy labels nothing is still a name when the sentence
treats it as a person or a place: the one who shoots or is shot ("Booth shot Lincoln"), is
arrested or convicted, or is described by "who" ("Quist, who lives in ..."); or the place someone
is a native of ("a Marlow native"). Its class is left to the votes (``evidence.py``), which read
the same cues.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import cues, kinds
from kg.extract.doctable import table


def _name_token(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha and tok.ent_type_ == ""


def _runs(doc: Doc, taken: list[bool]) -> list[tuple[int, int]]:
    out = []
    tab = table(doc)
    tokens, pos, sent = tab.tokens, tab.pos, tab.sent_index
    i = 0
    while i < len(doc):
        if pos[i] != "PROPN" or not _name_token(tokens[i]) or taken[i]:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and _name_token(tokens[j]) and not taken[j] and sent[j] == sent[i]:
            j += 1
        out.append((i, j))
        i = j
    return out


def _said_to_be_person(root: Token) -> bool:
    head = root.head
    if root.dep_ in {"dobj", "nsubj"} and head.lemma_ in cues.VIOLENCE_VERBS:
        return True
    if root.dep_ == "nsubjpass" and head.lemma_ in cues.PERSON_PASSIVE_VERBS:
        return True
    if root.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_ in cues.VIOLENCE_VERBS:
        return True
    return any(
        c.dep_ == "relcl" and any(t.lower_ in {"who", "whom"} for t in c.subtree) for c in root.children
    )


def missed_names(doc: Doc, taken: list[bool]) -> list[tuple[int, int]]:
    """Token spans (end exclusive) of names the sentence says are people or places."""
    out = []
    for start, end in _runs(doc, taken):
        words = {t.lower_ for t in doc[start:end]}
        if words & (kinds.PERSON_TITLES | cues.MORE_PERSON_TITLES | kinds.TIME_ZONES):
            continue
        nxt = doc[end].lower_ if end < len(doc) else ""
        if _said_to_be_person(doc[start:end].root) or nxt in cues.PLACE_OF_NOUNS - {"home", "hometown"}:
            out.append((start, end))
    return out
