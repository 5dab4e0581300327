"""A common noun that says what a name is, next to it: before it, or in apposition.

Patterns of news writing:

- a noun right before the name: "telecoms giant Veltra", "auditors Brant Morrell", "the game
  Quistfall", "training body Veltra", "the regulator Quistcom";
- an apposition after the name, set off by a comma: "Norwind, the world's biggest gas company,",
  "Veltra, the state news agency", "Quist, a unit of Norwind" (the head before "of");
- the name in apposition to a noun: "his mother, Ana", "the supporters' group, Veltra United".

A noun that fits a country as well as a company ("producer", "exporter", "market") says nothing
about a name the model calls a place: "Kestria and Marlowia, the two biggest producers".
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Token

from kg.extract import kinds
from kg.extract.doctable import table

Votes = defaultdict[str, float]

# Common nouns by the class of the name they stand next to.
NOUN_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        kinds.COMPANY_NOUNS - {"board", "management", "shareholders", "stock", "shares"}, "Company"
    ),
    **dict.fromkeys(
        """brewer brewers airline miner drugmaker carmaker automaker chipmaker broker bank unit
        auditor auditors rival""".split(),
        "Company",
    ),
    **dict.fromkeys(
        "newspaper paper broadcaster daily weekly tabloid magazine channel station".split(),
        "NewsOrganization",
    ),
    **dict.fromkeys(
        "ministry regulator watchdog department court body authority quango".split(), "GovernmentAgency"
    ),
    **dict.fromkeys("union association federation lobby charity group campaign".split(), "TradeAssociation"),
    **dict.fromkeys("party club team".split(), "Organization"),
    **dict.fromkeys(
        """game games vaccine drug hormone software computer console handset phone""".split(), "Brand"
    ),
    **dict.fromkeys(kinds.PERSON_NOUNS, "Person"),
}
# Before a name, "group" and "campaign" are as often a company's ("the group Norwind").
NOT_BEFORE = frozenset({"group", "campaign", "party"})
WEIGHT = {"Organization": 3.0}  # the class Organization needs 3 (``evidence.decide``)
# What countries are as much as companies.
COUNTRY_ROLES = frozenset(
    {"producer", "supplier", "exporter", "importer", "buyer", "seller", "market", "rival"}
)
PLACE_LABELS = frozenset({"GPE", "LOC"})


def noun_votes(doc: Doc, start: int, end: int, ner: str, votes: Votes) -> None:
    """Votes of the common nouns next to the name at tokens [start, end)."""
    for noun in (
        _before(doc, start),
        _apposition_after(doc, end),
        _apposition_of(table(doc).span_root(start, end)),
    ):
        if noun is None:
            continue
        cls = NOUN_CLASSES.get(noun.lower_) or NOUN_CLASSES.get(noun.lemma_)
        if noun.lower_ == "agency":
            cls = (
                "NewsOrganization"
                if noun.i > 0 and noun.doc[noun.i - 1].lower_ == "news"
                else "GovernmentAgency"
            )
        if cls is None or (ner in PLACE_LABELS and noun.lemma_ in COUNTRY_ROLES):
            continue
        if cls == "Person" and ner in PLACE_LABELS | {"ORG"}:
            continue  # "the Marlow resident": a place's (or a firm's) people
        votes[cls] += WEIGHT.get(cls, 2.0)


def _before(doc: Doc, start: int) -> Token | None:
    """ "telecoms giant Veltra", "the game Quistfall" (not "the car Quist drove")."""
    if start == 0:
        return None
    prev = doc[start - 1]
    if not prev.is_lower or prev.pos_ != "NOUN" or prev.lower_ in NOT_BEFORE:
        return None
    if prev.lower_ in kinds.PERSON_NOUNS:
        return None  # "lawyer Ana Quist" is the model's to read: people are its strength
    return prev


def _apposition_after(doc: Doc, end: int) -> Token | None:
    """ ", the world's biggest gas company," right after the name: the phrase's head noun."""
    if end + 2 >= len(doc) or doc[end].text != ",":
        return None
    first = doc[end + 1]
    if first.lower_ not in {"the", "a", "an", "its", "their"} and first.tag_ != "NNP":
        return None
    j = end + 1
    while j < len(doc) and j - end <= 10 and doc[j].text not in {",", ".", ";", ":", "(", ")", '"'}:
        j += 1
    phrase = doc[end + 1 : j]
    if any(t.pos_ in {"VERB", "AUX"} for t in phrase):
        return None  # a clause, not an apposition: "44 BC, Emperor Quist was killed by a group"
    ofs = [t.i for t in phrase if t.lower_ == "of"]
    head = doc[ofs[0] - 1] if ofs else phrase[-1]
    return head if head.pos_ == "NOUN" and head.is_lower else None


def _apposition_of(root: Token) -> Token | None:
    """ "his mother, Ana", "the supporters' group, Veltra United": the noun the name explains."""
    head = root.head
    if root.dep_ == "appos" and head.is_lower and head.pos_ == "NOUN" and head.i < root.i:
        return head
    return None
