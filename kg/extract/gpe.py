"""Which places are states: countries, states, provinces and cities, whose names stand for their
governments when they act ("Norland urged Kestria to open its markets", "Marlow rejected the
plan"). ACE calls them geopolitical entities (GPE); the ontology has ``GeopoliticalEntity``.

Only entities already typed ``Place`` are looked at, and only their names (not references).
A place is a state when, in this order:
- its name ends in a word for a unit with a government ("Quist County", "Marlow Province"): yes;
  in a word for a feature, a region or a facility ("the Quist River", "Dover Bay", "the Marlow
  Region"), or opens with a compass adjective ("Western Kestria"): no;
- it is a country kg knows by another name or a nationality adjective ("U.S.", "Britain", the
  "Swiss" of "the Swiss Watch Federation"): yes, unless that name is a continent or a union of
  states ("European", "EU");
- it is a town followed by its state or country, or that state or country ("Marlow, Kestria"): yes;
- spaCy calls its names GPE more often than LOC or FAC: yes; LOC or FAC as often: no ("the Gulf");
- spaCy gives it no place label but it is listed with names it calls GPE ("Norland, Kestria,
  Quist and Dover"): yes.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import cues, kinds
from kg.extract.coref import REFERENCE_SOURCES, Cluster
from kg.extract.mentions import Candidate

PLACE, STATE = "Place", "GeopoliticalEntity"

# Last words of names of units that have a government of their own.
STATE_WORDS = frozenset(
    """state states county province prefecture city republic kingdom emirate emirates
    principality canton borough municipality commonwealth""".split()
)
# Last words of names of features, regions and facilities, which have none; and first words
# that open the name of a feature ("Mount Quist", "Lake Marlow", "Cape Dover"; "Fort" opens towns).
FEATURE_WORDS = (kinds.PLACE_WORDS | cues.FACILITY_WORDS) - STATE_WORDS
FEATURE_OPENERS = kinds.PLACE_PREFIXES - {"fort"}
# "Western Kestria", "Central Norland": a part of a country or continent, not its government.
REGION_ADJECTIVES = frozenset(w for w in kinds.DIRECTIONS if w.endswith("ern")) | {"central"}
# Canonical names kinds.py gives to continents and to a union of states, through the adjectives
# "European", "African", "Asian" and the short form "EU": places of many governments, none of
# which they stand for.
NOT_STATES = frozenset({"Europe", "Africa", "Asia", "European Union"})
STATE_LABELS = frozenset({"GPE"})
PLACE_LABELS = frozenset({"LOC", "FAC"})


def mark_states(doc: Doc, clusters: list[Cluster]) -> None:
    """Retype as ``GeopoliticalEntity`` every ``Place`` cluster that names a state."""
    for cluster in clusters:
        if cluster.type == PLACE and is_state(doc, cluster):
            cluster.type = STATE


def is_state(doc: Doc, cluster: Cluster) -> bool:
    names = [c for c in cluster.members if c.source not in REFERENCE_SOURCES]
    if not names:
        return False
    by_words = _by_words(cluster.label)
    if by_words is not None:
        return by_words
    places = {c.place for c in names if c.place is not None}
    if places:
        return not places <= NOT_STATES
    if any(_town_and_state(doc, c) for c in names):
        return True
    labels = [c.ner or doc[c.start : c.end].root.ent_type_ for c in names]
    states = sum(label in STATE_LABELS for label in labels)
    features = sum(label in PLACE_LABELS for label in labels)
    if states or features:
        return states > features
    return any(_listed_with_states(doc, c) for c in names)


def _listed_with_states(doc: Doc, cand: Candidate) -> bool:
    """ "Norland, Kestria, Quist and Dover": a name spaCy gives no place label, listed with names
    it calls GPE (two at least, and most of the list)."""
    conj = doc[cand.start : cand.end].root.conjuncts
    states = sum(t.ent_type_ in STATE_LABELS for t in conj)
    return states >= 2 and 2 * states >= len(conj)


def _by_words(label: str) -> bool | None:
    """What the words of the name say: True a state, False a feature or region, None nothing."""
    words = [w.strip(".,").casefold() for w in label.split()]
    if len(words) < 2:
        return None
    if words[-1] in STATE_WORDS:
        return True
    if words[-1] in FEATURE_WORDS or words[0] in FEATURE_OPENERS or words[0] in REGION_ADJECTIVES:
        return False
    return None


def _town_and_state(doc: Doc, cand: Candidate) -> bool:
    """ "Marlow, Kestria" (either name): a place, a comma and a name spaCy calls GPE, neither
    of them in a list ("Marlow, Dover and Quist" names three places, none inside another)."""
    if cand.end + 1 < len(doc) and doc[cand.end].text == "," and _gpe_at(doc, cand.end + 1):
        second = _entity_end(doc, cand.end + 1)
        return not _listed_before(doc, cand.start) and not _listed_after(doc, second)
    if cand.start >= 2 and doc[cand.start - 1].text == "," and doc[cand.start - 2].ent_type_ in STATE_LABELS:
        first = cand.start - 2
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        return not _listed_before(doc, first) and not _listed_after(doc, cand.end)
    return False


def _gpe_at(doc: Doc, i: int) -> bool:
    return doc[i].ent_iob_ == "B" and doc[i].ent_type_ in STATE_LABELS


def _entity_end(doc: Doc, i: int) -> int:
    k = i + 1
    while k < len(doc) and doc[k].ent_iob_ == "I":
        k += 1
    return k


def _listed_before(doc: Doc, start: int) -> bool:
    """A place name or "and" right before the name, past a comma: "Dover, Marlow, ..."."""
    if start >= 1 and doc[start - 1].lower_ in {"and", "or"}:
        return True
    return (
        start >= 2 and doc[start - 1].text == "," and doc[start - 2].ent_type_ in STATE_LABELS | PLACE_LABELS
    )


def _listed_after(doc: Doc, end: int) -> bool:
    """ "and" or another place name right after the name: "..., Kestria and Quist"."""
    if end >= len(doc):
        return False
    if doc[end].lower_ in {"and", "or"}:
        return True
    return (
        doc[end].text == ","
        and end + 1 < len(doc)
        and (doc[end + 1].lower_ in {"and", "or"} or doc[end + 1].ent_type_ in STATE_LABELS | PLACE_LABELS)
    )
