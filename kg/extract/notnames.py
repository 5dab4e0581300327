"""Capitalised words that are not names, cut from the edges of a candidate mention.

Patterns of English and of wire copy in which the small model reads a name that is not there:

- old wire copy capitalises the word after an abbreviation ("the U.S. Would not agree", "U.S.
  Complaints grew", "U.S. Packer Quist and Co"): after a dotted abbreviation, a capitalised
  word that the story elsewhere writes in lower case, or a function word, is a common word;
  the abbreviation stays a name of its own, and so does a name after the common word;
- a title is no organization: "Secretary of State", "Minister of State", and "Secretary of
  State for Rural Affairs" (the words after "for" name the brief, not a body);
- a common word capitalised at the start of a sentence and joined by a hyphen to a word in
  lower case is a modifier: "State-owned Norwind", "Government-backed lenders";
- two places joined in one word are an adjective of a relationship: "the U.S.-Kestria pact".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import kinds
from kg.extract.doctable import table
from kg.extract.kindnames import KIND_WORDS, is_abbreviation, lowercase_words
from kg.extract.offices import office_cut
from kg.extract.things import thing_cut

# Offices whose "of State" is part of the title.
STATE_TITLES = frozenset({"secretary", "secretaries", "minister", "ministers"})


def is_common_word(tok: Token) -> bool:
    """A capitalised word that is a common word of the story, not part of a name."""
    if not tok.is_alpha or tok.lower_ in KIND_WORDS:
        return False
    words = lowercase_words(tok.doc)
    return tok.is_stop or tok.lower_ in words or (tok.lower_.endswith("s") and tok.lower_[:-1] in words)


def title_words(doc: Doc) -> set[int]:
    """Tokens of "Secretary of State (for Quist Affairs)" after the office word."""
    out: set[int] = set()
    for i, text in enumerate(table(doc).texts):
        if text != "State" or i < 2 or doc[i - 1].lower_ != "of" or doc[i - 2].lower_ not in STATE_TITLES:
            continue
        out.add(i)
        if i + 2 < len(doc) and doc[i + 1].lower_ == "for":
            j = i + 2
            while j < len(doc) and (doc[j].is_title or doc[j].lower_ in {"and", "&"}):
                j += 1
            while j > i + 2 and not doc[j - 1].is_title:
                j -= 1  # "... for Rural Affairs and" ends at "Affairs"
            out.update(range(i + 1, j))
    return out


def _places_in_one_word(tok: Token) -> bool:
    parts = [p for p in tok.text.replace("/", "-").split("-") if p]
    return (
        len(parts) >= 2
        and all(p.casefold() in kinds.COUNTRY_VARIANTS or p.istitle() for p in parts)
        and any(p.casefold() in kinds.COUNTRY_VARIANTS for p in parts)
    )


def cut(doc: Doc, start: int, end: int, titles: set[int]) -> tuple[int, int] | None:
    """The span without the words above at its edges; None when nothing of a name is left."""
    tokens = table(doc).tokens  # made once per Doc: ``doc[i]`` makes a new Token each time
    for i in range(start, end):
        if tokens[i].is_space:
            end = i  # a blanked mark of wire copy ends the name: "Norwind Inc <NWD> of Marlow"
            break
    while start < end and start in titles:
        start += 1
    while end > start and end - 1 in titles:
        end -= 1
    if start >= end:
        return None
    for rule in (office_cut, thing_cut):
        kept = rule(doc, start, end)
        if kept is None:
            return None
        start, end = kept
    if end - start == 1 and _places_in_one_word(tokens[start]):
        return None
    first = tokens[start]
    if (
        end - start == 1
        and first.is_sent_start
        and start + 2 < len(tokens)
        and tokens[start + 1].text == "-"
        and tokens[start + 2].is_lower
        and is_common_word(first)
    ):
        return None  # "State-owned Norwind bought ..."
    if is_abbreviation(first) and end - start >= 2:
        words = tokens[start + 1 : end]
        if not any(t.lower_ in KIND_WORDS for t in words) and is_common_word(words[0]):
            rest = start + 2
            while rest < end and is_common_word(tokens[rest]):
                rest += 1
            # "U.S. Packer Quist and Co": the name after the common words; else the abbreviation
            return (rest, end) if rest < end and tokens[rest].is_title else (start, start + 1)
    return start, end
