"""Names in title case whose head is a kind word: "Travel Goods Association", "Ministry of Trade".

Patterns of English naming an organization by what it is:

- words in title case before the kind word: "the Marlow Dock Workers Union"; a dotted
  abbreviation may open it ("the U.S. District Court", "the U.N. Refugee Agency");
- "of"/"for" and more title-case words after it, possibly through "the" and "and": "Ministry of
  Trade and Industry", "Court of Appeals for the Second Circuit", "Bank of the Veltra Coast";
- a list of single title-case words through commas before "and" belongs to the name: "the Bread,
  Cake, Biscuit and Pastry Alliance" (no place or person among them);
- two names joined by "and" are one name only when the first is no name of its own: "Apparel
  and Footwear Association" is one, but not "Kestria and Norwind Plc" (a country, then a
  company) nor "Ana Quist and Chamber of Deputies" (a person, then a body).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from kg.extract import kinds
from kg.extract.doctable import table

KIND_WORDS = (
    kinds.TRADE_ASSOCIATION_WORDS
    | kinds.GOVERNMENT_WORDS
    | kinds.NEWS_WORDS
    | kinds.COMPANY_WORDS
    | kinds.ORGANIZATION_WORDS
)
# Houses of parliaments, named by their kind word alone.
HOUSES = frozenset({"commons", "lords", "parliament", "congress", "senate"})
# A broadcaster's word, which a station's number or place may follow: "Veltra Radio 4".
BROADCAST_WORDS = frozenset({"radio", "television", "tv", "news", "channel"})
CHANNEL_NUMBERS = frozenset({"one", "two", "three", "four", "five"})
_CACHE_KEY = "kg.lowercase_words"
# No name of a body runs longer; the walk back to a name's start stops there, so a run of
# Title-Case lines joined into one long "sentence" costs linear time, not quadratic.
LONGEST_NAME = 40
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,4}$")  # "U.S.", "U.N.", "E.C."


def lowercase_words(doc: Doc) -> frozenset[str]:
    """Words (and their lemmas) the story writes in lower case: its common words."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is None:
        common = [t for t in table(doc).tokens if t.is_lower and t.is_alpha]
        words = {t.text for t in common}
        words |= {t.lemma_ for t in common}
        cached = doc.user_data[_CACHE_KEY] = frozenset(words)
    return frozenset(cached)


def is_abbreviation(tok: Token) -> bool:
    """A dotted abbreviation in capitals: "U.S.", "U.K.", "U.N."."""
    return bool(_ABBREVIATION.match(tok.text))


def is_name_token(tok: Token) -> bool:
    """A word that can be part of a name: capitalised ("Norwind", "KESTREL", "TransVeltra"), or "&"."""
    if tok.is_sent_start and tok.pos_ != "PROPN":
        return False  # a common word capitalized only because it starts the sentence
    return (tok.text[:1].isupper() and tok.is_alpha) or tok.text == "&"


def _ends_a_name(tok: Token) -> bool:
    """A kind word closes a name of its own, so "and" after it joins two names, not two words of
    one: "the Quist Service and Marlow Lines" (but "Office for Radio and Television" is one)."""
    doc = tok.doc
    return tok.lower_ in KIND_WORDS and not (tok.i > 0 and doc[tok.i - 1].lower_ in {"of", "for"})


def _a_name_of_its_own(tok: Token, kind: Token) -> bool:
    """The model reads the word before "and" as the end of a full personal name ("Ana Quist and
    Chamber of Deputies"), or as a place before a company's name ("Kestria and Norwind Plc"; but
    "the Marlow and Dover Institute" is one name). "Quist and Co" is always one."""
    if kind.i == tok.i + 2 and kind.lower_.rstrip(".") in kinds.LEGAL_SUFFIXES | {"company", "sons"}:
        return False
    if tok.ent_type_ in {"GPE", "LOC"}:
        return kind.lower_ in kinds.COMPANY_WORDS
    doc = tok.doc
    if tok.ent_type_ != "PERSON" or (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_type_ == "PERSON"):
        return False
    first = tok.i  # the model may cut one name in two: "[Ana Beatriz] [Quist]"
    while first > 0 and doc[first - 1].ent_type_ == "PERSON":
        first -= 1
    # a full name: three words, or two after a title ("Minister Ana Quist and ...")
    return tok.i - first >= 2 or (
        first > 0 and doc[first - 1].lower_ in kinds.PERSON_TITLES | kinds.PERSON_NOUNS
    )


def _listed_word(doc: Doc, i: int) -> bool:
    """A single title-case word of a list inside a name, no place, person or name of its own:
    "Biscuit" and "Cake" in "the Biscuit, Cake and Confectionery Alliance"."""
    tok = doc[i]
    return is_name_token(tok) and tok.ent_type_ not in {"GPE", "LOC", "PERSON"} and not _ends_a_name(tok)


def _name_start(doc: Doc, tok: Token) -> int:
    start = tok.i
    tab = table(doc)
    sent_start = tab.sent_start[tok.i]
    coordinated = False  # the walk has crossed an "and": a list of words may run on through commas
    while start > 0 and tok.i - start < LONGEST_NAME:
        prev = tab.tokens[start - 1]
        if start - 1 < sent_start:
            break
        if (
            prev.text == ","
            and coordinated
            and start >= 2
            and doc[start + 1].text in {",", "and"}
            and _listed_word(doc, start)
            and _listed_word(doc, start - 2)
        ):
            start -= 2  # "the Biscuit, Cake, Chocolate and Confectionery Alliance"
            continue
        if is_name_token(prev) and prev.lower_ not in kinds.STRIP_LEADING:
            start -= 1
        elif is_abbreviation(prev):
            return start - 1  # "the U.S. District Court": the abbreviation opens the name
        elif (
            prev.text == "-"
            and start >= 2
            and is_name_token(doc[start - 2])
            and not doc[start - 2].whitespace_
        ):
            start -= 2  # "Hewlett-Quist Co"
        elif (
            prev.lower_ in kinds.NAME_FUNCTION_WORDS - kinds.STRIP_LEADING
            and start >= 2
            and is_name_token(doc[start - 2])
            and doc[start - 2].lower_ not in kinds.STRIP_LEADING
            and not (
                prev.lower_ in {"and", "&"}
                and (_ends_a_name(doc[start - 2]) or _a_name_of_its_own(doc[start - 2], tok))
            )
        ):
            coordinated = coordinated or prev.lower_ in {"and", "&"}
            start -= 2
        else:
            break
    return start


def _title_words(doc: Doc, i: int) -> int:
    """The end of the run of title-case words (or dotted abbreviations) from token i."""
    while (
        i < len(doc)
        and (is_name_token(doc[i]) or is_abbreviation(doc[i]))
        and doc[i].lower_ not in {"of", "for"}
    ):
        i += 1
    return i


def station_end(doc: Doc, i: int) -> int:
    """The end of a station's number or place after a broadcaster's word: "Veltra Radio [4]",
    "Veltra News [24]", "Veltra Radio [Marlow]"."""
    if i >= len(doc):
        return i
    tok = doc[i]
    if tok.like_num and (tok.is_digit or tok.is_title) and len(tok) <= 5:
        return i + 1
    if tok.is_title and tok.ent_type_ == "ORG" and tok.ent_iob_ == "I":
        # the model reads the rest as the broadcaster's name: "Radio Monte Veltra" (but not a
        # common word: "the VBC News Website")
        end, common = i, lowercase_words(doc)
        while (
            end < len(doc)
            and doc[end].ent_iob_ == "I"
            and doc[end].is_title
            and doc[end].lower_ not in common
        ):
            end += 1
        return end
    if tok.is_title and tok.ent_type_ in {"GPE", "LOC"} and tok.ent_iob_ == "B":
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return end
    return i


def _name_end(doc: Doc, tok: Token) -> int:
    end = tok.i + 1
    if tok.lower_.rstrip(".") in kinds.LEGAL_SUFFIXES:
        return end  # "Quist Co. of Marlow" is a company and the place it is registered in
    if tok.lower_ in BROADCAST_WORDS:
        return station_end(doc, end)
    while end + 1 < len(doc) and doc[end].lower_ in {"of", "for"}:
        the = doc[end + 1].lower_ == "the"  # "Court of Appeals for the Second Circuit"
        first = end + 2 if the else end + 1
        stop = _title_words(doc, first)
        if stop == first and doc[first].is_digit and tok.lower_ in {"group", "club"}:
            stop = first + 1  # "the Group of 12"
        if stop == first or (the and any(t.lower_ in KIND_WORDS for t in doc[first:stop])):
            break  # "the Congress of the Quist Federation": a body of another organization
        end = stop
        # "Ministry of Trade and Industry"; but "Ministry of Finance and Bank of Kestria" and
        # "Association of Dealers Inc and Marlow Board" are two
        while (
            end + 1 < len(doc)
            and doc[end].lower_ == "and"
            and doc[end - 1].lower_ not in KIND_WORDS
            and is_name_token(doc[end + 1])
            and doc[end + 1].lower_ not in KIND_WORDS
            and _title_words(doc, end + 1) - end <= 3
        ):
            end = _title_words(doc, end + 1)
    return end


def channel_spans(doc: Doc) -> list[tuple[int, int]]:
    """A broadcaster's acronym and a channel's number: "VBC One", "VBC 2"."""
    spans = []
    tokens = table(doc).tokens
    for tok in tokens[:-1]:
        acronym = tok.is_upper and tok.is_alpha and len(tok) >= 2
        if not acronym:
            continue
        nxt = tokens[tok.i + 1]
        number = nxt.like_num and ((nxt.is_digit and len(nxt) <= 2) or nxt.lower_ in CHANNEL_NUMBERS)
        if number:
            spans.append((tok.i, tok.i + 2))
    return spans


def kind_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token spans (end exclusive) of title-case names whose head is a kind word."""
    spans = []
    tab = table(doc)
    for i, lower in enumerate(tab.lower):
        if lower not in KIND_WORDS:
            continue
        tok = tab.tokens[i]
        # a kind word in title case, or a legal form in capitals ("Quist und Brant AG")
        if tok.lower_ not in KIND_WORDS or not (
            tok.is_title or (tok.is_upper and tok.lower_ in kinds.COMPANY_WORDS)
        ):
            continue
        start, end = _name_start(doc, tok), _name_end(doc, tok)
        if end - start >= 2 or tok.is_upper or _one_word_name(tok):
            spans.append((start, end))
    return spans


def _one_word_name(tok: Token) -> bool:
    """A kind word alone is a name after a title's "The" inside a sentence ("he told The
    Observer"), and for a house of parliament ("a Commons inquiry", "the Senate voted")."""
    doc = tok.doc
    if tok.is_sent_start or tok.i == 0:
        return False
    prev = doc[tok.i - 1]
    if prev.text == "The" and not prev.is_sent_start and tok.lower_ in kinds.NEWS_WORDS:
        return True
    return tok.lower_ in HOUSES
