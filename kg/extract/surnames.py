"""A person's surname standing alone for the person the story named in full.

News names a person once in full and then by surname, with or without a title: "Ben Orr, the
chairman, said ... Mr Orr added ... Orr said". The small model tags the later uses as a person
only some of the time. Once a story has named a person with two or more words, every later
capitalised occurrence of that person's last word is a mention of a person (the aliases stage
joins it to the full name) — unless it is part of a longer name ("Orr Holdings", "Ben Orr Jr").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from kg.extract.doctable import table

# Words before a surname that make it one: "Mr Orr", "Dr. Orr", "Lady Orr".
TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady prof prof. professor president
    senator sen. governor gov. judge chancellor minister secretary premier mayor""".split()
)
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
MIN_LENGTH = 3  # "Ng", "Li" are surnames too, but two letters match too much else


def surname_spans(
    doc: Doc, persons: Sequence[tuple[int, int]], taken: Sequence[bool]
) -> list[tuple[int, int]]:
    """Token spans of later bare uses of the surnames of ``persons`` (spans of full names)."""
    first_seen: dict[str, int] = {}
    for start, end in persons:
        words = [t for t in doc[start:end] if t.is_alpha]
        while words and words[-1].lower_.rstrip(".") in SUFFIXES:
            words.pop()  # "Ana Quist Jr", "Ana Quist III": the surname is before
        if len(words) < 2:
            continue
        last = words[-1].text
        if len(last) >= MIN_LENGTH and last[0].isupper() and not last.isupper():
            first_seen[last] = min(first_seen.get(last, end), end)
    found = []
    tab = table(doc)
    for i, text in enumerate(tab.texts):
        seen = first_seen.get(text)
        if seen is None or i < seen or taken[i]:
            continue
        tok = tab.tokens[i]
        before = doc[tok.i - 1] if tok.i > 0 else None
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        titled = before is not None and before.lower_ in TITLES
        if (
            before is not None
            and not titled
            and before.is_title
            and before.pos_ == "PROPN"
            and not before.is_sent_start
        ):
            continue  # inside a longer name: "Ben Orr", "Kestrel Orr"
        if after is not None and after.is_title and after.pos_ == "PROPN" and after.tag_ != "POS":
            continue  # "Orr Holdings"
        if tok.is_sent_start and tok.pos_ != "PROPN" and not titled:
            continue
        found.append((tok.i, tok.i + 1))
    return found
