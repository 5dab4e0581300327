"""Names the small model misses, found by what the sentence does with them.

A run of proper nouns in title case that spaCy labels nothing is still a name when the sentence
treats it as a person or a place: the one who shoots or is shot ("Booth shot Lincoln"), is
arrested or convicted, or is described by "who" ("Quist, who lives in ..."); or the place someone
is a native of ("a Marlow native"). Its class is left to the votes (``evidence.py``), which read
the same cues.

Such a run is also an organization's name when it is the first word(s) of the name of exactly
one organization the story names in full ("Norwind" after "Norwind Group"): news shortens a
company's name after its first mention, and the small model often misses the short form.
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


def short_names(doc: Doc, found: list[tuple[int, int, str]], taken: list[bool]) -> list[tuple[int, int]]:
    """Token spans of runs the model labels nothing that open the name of exactly one
    organization in ``found`` (start, end, spaCy label): "Norwind" after "Norwind Group", not
    "Norwind" where "Norwind Group" and "Norwind Energy" are both named, nor a word of a person's
    name ("Quist" after "Ana Quist" and "Quist Motors"), nor a word the story also writes in lower
    case ("Antitrust" of "the Antitrust Subcommittee" in a story about antitrust law), nor a word
    next to another name ("General for Antitrust Ana Quist") or before a noun ("Federal funds",
    "Welsh MPs": a modifier), nor the first of two names joined by "and" ("Marlow" of "Marlow
    and Tarn Tories")."""
    tab = table(doc)
    texts = tab.texts
    lower_words = {t for t in texts if t.islower()}
    known = {tuple(texts[s:e]) for s, e, _ in found}
    in_people = {texts[i] for s, e, label in found if label == "PERSON" for i in range(s, e)}
    opened: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    orgs = set()
    for s, e, label in found:
        name = tuple(texts[s:e])
        if len(name) < 2:
            continue
        if label == "ORG":
            orgs.add(name)
        for n in range(1, len(name)):
            if name[n - 1].lower() in kinds.NAME_FUNCTION_WORDS or not name[n - 1].isalpha():
                break  # "Bank of" opens no name
            # "Marlow" of "Marlow and Tarn Tories" is a place, "Bank" of "Bank of Norwind" a word
            if name[n].lower() not in kinds.NAME_FUNCTION_WORDS:
                opened.setdefault(name[:n], set()).add(name)
    out = []
    for start, end in _runs(doc, taken):
        words = tuple(texts[start:end])
        names = opened.get(words, set())
        if len(names) != 1 or not names <= orgs or words in known or in_people & set(words):
            continue
        if any(w.lower() in lower_words for w in words):
            continue
        if (end < len(doc) and tab.pos[end] in {"PROPN", "NOUN"}) or (
            start > 0 and tab.pos[start - 1] == "PROPN"
        ):
            continue  # a word before a noun is a modifier: "Federal funds", "Welsh MPs"
        out.append((start, end))
    return out
