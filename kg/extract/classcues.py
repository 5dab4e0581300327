"""Cues of English for the class of a name in news: what the name does and what surrounds it.

Votes added to ``evidence.votes_for``, each for a pattern of news writing:

- a news organization is told things, quoted in, published in, and has correspondents: "Ana
  Quist told Veltra", "quoted in the Marlow Herald", "Veltra correspondent Ana Quist";
- an international body of states is named with "International", "World", "European" or
  "United" before an organization's word ("the World Grain Organisation", "the European
  Community"); the members of a government body are ministers ("VC ministers");
- a brand is what a product is called, or the name between a possessive and a product:
  "a vaccine called Veltrax", "its Quist 3000 computer", "the game Veltra";
- a place is a ward or borough ("the Marlow ward"), a member's constituency ("MP for
  Marlow"), where people travel or move to, or a county after its town ("Dover, Marlowshire");
- a company is called a firm, a giant or a unit right before its name: "telecoms giant
  Veltra", "oil unit Quistneft", "auditors Brant Morrell".
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Token

from kg.extract import kinds
from kg.extract.doctable import DocTable, table
from kg.extract.nouncues import noun_votes

Votes = defaultdict[str, float]

# Nouns after a name that say it is a news outlet: "Veltra correspondent", "the Herald website".
NEWS_AFTER = frozenset(
    """correspondent correspondents journalist journalists reporter reporters editor editors
    programme program interview newspaper magazine website bulletin broadcast documentary
    columnist news""".split()
)
# Kind words of names that are told things too: "told the Marlow Council", "told the Commons".
OTHER_KIND_WORDS = (
    kinds.TRADE_ASSOCIATION_WORDS | kinds.GOVERNMENT_WORDS | kinds.COMPANY_WORDS | kinds.ORGANIZATION_WORDS
) - kinds.NEWS_WORDS
# Verbs whose passive "in"/"by" phrase is an outlet: "quoted in the Herald", "reported by Veltra".
PUBLISHING_VERBS = frozenset({"quote", "publish", "print", "report", "write", "broadcast", "air"})
INTERNATIONAL_WORDS = frozenset({"international", "world", "european", "united", "inter-american", "global"})
INTERNATIONAL_HEADS = frozenset(
    """organisation organization community union fund bank commission court council agency office
    parliament nations""".split()
)
GOVERNMENT_PEOPLE_AFTER = frozenset({"ministers", "commissioner", "commissioners", "ambassadors", "envoys"})
PRODUCT_NOUNS = frozenset(
    """computer computers software vaccine vaccines drug drugs hormone game games phone phones
    handset handsets console consoles device devices microprocessor microprocessors chip chips
    car cars beer lager stout""".split()
)
NAMING_VERBS = frozenset({"called", "named", "dubbed", "branded"})
PLACE_UNITS = frozenset({"ward", "wards", "borough", "constituency", "constituencies"})
MEMBERS_FOR = frozenset({"mp", "mps", "member", "candidate", "councillor", "mep"})
MOTION_VERBS = frozenset({"travel", "move", "fly", "go", "return", "emigrate", "flee", "drive", "relocate"})


def class_votes(doc: Doc, start: int, end: int, ner: str, votes: Votes) -> None:
    """Add the votes of the cues above for the name at tokens [start, end)."""
    # Tokens from the table, made once per Doc (``doc[i]`` makes a new Token each time)
    tab = table(doc)
    root = tab.span_root(start, end)
    prev = tab.tokens[start - 1] if start > 0 else None
    nxt = tab.tokens[end] if end < len(tab.tokens) else None
    _news(tab, start, end, nxt, ner, votes)
    _international(tab, start, end, nxt, votes)
    _brand(tab, start, prev, nxt, root, votes)
    _place(root, prev, nxt, votes)
    _company(root, nxt, ner, votes)
    noun_votes(doc, start, end, ner, votes)


def _news(tab: DocTable, start: int, end: int, nxt: Token | None, ner: str, votes: Votes) -> None:
    root = tab.span_root(start, end)
    # (a place has them too: "a Marlow newspaper", "our Marlow correspondent")
    if nxt is not None and nxt.is_lower and nxt.pos_ == "ADJ" and nxt.i + 1 < len(tab.tokens):
        nxt = tab.tokens[nxt.i + 1]  # "Veltra political correspondent"
    if nxt is not None and nxt.is_lower and nxt.lower_ in NEWS_AFTER and ner not in {"GPE", "LOC"}:
        votes["NewsOrganization"] += 3  # "Veltra correspondent Ana Quist", "the Veltra news agency"
    if (
        ner != "PERSON"
        and root.dep_ in {"dobj", "dative"}
        and root.head.lemma_ == "tell"
        and not any(w in OTHER_KIND_WORDS for w in tab.lower[start:end])
    ):
        votes["NewsOrganization"] += 2  # "Ana Quist told Veltra" (but "told the Marlow Council")
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in {"in", "by"} and head.head.lemma_ in PUBLISHING_VERBS:
        votes["NewsOrganization"] += 2  # "quoted in the Marlow Herald", "reported by Veltra"
    if root.dep_ == "nsubj" and head.lemma_ == "quote":
        votes["NewsOrganization"] += 2  # "Marlow radio quoted the minister"


def _international(tab: DocTable, start: int, end: int, nxt: Token | None, votes: Votes) -> None:
    words = tab.lower[start:end]
    if len(words) >= 2 and words[0] in INTERNATIONAL_WORDS:
        preps = [i for i, w in enumerate(words) if w in {"of", "for"} and i > 0]
        head = words[preps[0] - 1] if preps else words[-1]
        if head in INTERNATIONAL_HEADS:
            votes["GovernmentAgency"] += 4  # a body of states: its kind word says less
    if len(words) >= 3 and words[0] in {"organisation", "organization"} and words[1] in {"of", "for"}:
        votes["GovernmentAgency"] += 4  # "the Organisation of Grain Exporting Countries"
    if nxt is not None and nxt.lower_ in GOVERNMENT_PEOPLE_AFTER:
        votes["GovernmentAgency"] += 2  # "VC ministers met in Marlow"
    if nxt is not None and nxt.is_lower and nxt.lower_ in {"union", "federation", "association"}:
        votes["TradeAssociation"] += 2  # "the Quist-Metall union"


def _brand(
    tab: DocTable, start: int, prev: Token | None, nxt: Token | None, root: Token, votes: Votes
) -> None:
    if prev is None:
        return
    if prev.lower_ in NAMING_VERBS and any(w in PRODUCT_NOUNS for w in tab.lower[max(0, start - 5) : start]):
        votes["Brand"] += 3  # "a vaccine, called Veltrax"
    elif prev.tag_ in {"PRP$", "POS"} and nxt is not None and nxt.lower_ in PRODUCT_NOUNS:
        votes["Brand"] += 3  # "its Quist 3000 computer", "Norwind's Veltrax hormone"
    elif (
        prev.lower_ in PRODUCT_NOUNS
        and start >= 2
        and tab.lower[start - 2] in {"the", "a", "an"}
        and not (root.dep_ == "nsubj" and root.head.dep_ == "relcl")
    ):
        votes["Brand"] += 3  # "the game Veltra" (but "the car Quist drove")


def _place(root: Token, prev: Token | None, nxt: Token | None, votes: Votes) -> None:
    if nxt is not None and nxt.lower_ in PLACE_UNITS:
        votes["Place"] += 2  # "the Marlow ward"
    if (
        nxt is not None
        and nxt.text == "-"
        and nxt.i + 1 < len(nxt.doc)
        and nxt.doc[nxt.i + 1].lower_ == "based"
    ):
        votes["Place"] += 2  # "Marlow-based Norwind"
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "for" and head.head.lower_ in MEMBERS_FOR:
        votes["Place"] += 3  # "MP for Marlow"
    elif root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ in MOTION_VERBS:
        votes["Place"] += 1.5  # "she moved to Marlow"
    if (
        prev is not None
        and prev.text == ","
        and prev.i > 0
        and prev.doc[prev.i - 1].ent_type_ == "GPE"
        and (nxt is None or nxt.is_punct)
    ):
        votes["Place"] += 1.5  # "in Dover, Marlowshire"


def _company(root: Token, nxt: Token | None, ner: str, votes: Votes) -> None:
    if (
        nxt is not None
        and nxt.is_lower
        and nxt.lower_ in {"unit", "subsidiary"}
        and ner not in {"GPE", "LOC"}
    ):
        votes["Company"] += 2  # "the Quistneft unit" (but "Norwind's Marlow subsidiary")
    head = root.head
    if (
        root.dep_ == "pobj"
        and head.lower_ in {"in", "of"}
        and head.head.lower_ in {"shares", "stake", "stock"}
    ):
        votes["Company"] += 3  # "shares in Marlow United" (more than "in" says of a place)
    if nxt is not None and nxt.is_lower and nxt.lower_ in {"team", "club"}:
        votes["Organization"] += 3  # "the Marlow Rovers team"
