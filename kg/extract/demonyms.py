"""Nationality words that name a country in news, as mentions of it.

A nationality adjective alone is no name of a place ("the Kestrian Lumber Association"), but two
uses of it stand for the country in news:
- the people or state as a noun: "accusing the French of overfishing", "the Japanese have
  refused" (the nationality word after "the", heading its phrase);
- the seat in a description of an organization: "Russian oil giant Norwind", "Australian mining
  firm Kestrel" (the adjective modifies a noun that says what the organization is; the
  relation rules read the seat from it);
- the state its officials speak for: "Japanese officials said", "Soviet negotiators" (the
  relation rules take the state for the unnamed officials, as they take a company for its
  unnamed spokesman);
- the state whose act or demand is blamed or answered: "blamed the failure on Kestrian
  demands", "retaliation for alleged Kestrian breach of the pact" (read as "Kestria's demands").
Either is a mention of the country only where the story names that country too: the gold (and
a reader) takes "French" for France when France is in the story.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import kinds
from kg.extract.doctable import table
from kg.extract.types import Candidate

DESCRIBER_NOUNS = kinds.DESCRIBER_NOUNS
NOMINAL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr"})
# People who speak or act for a state: "Japanese officials said", "Soviet negotiators".
STATE_SPEAKERS = frozenset(
    """official officials source sources authority authorities negotiator negotiators diplomat
    diplomats delegate delegates delegation leader leaders government spokesman spokeswoman
    minister ministers envoy""".split()
)
# What a state does or asks that others blame, condemn or answer: "Kestrian demands" are Kestria's.
STATE_ACTS = frozenset(
    """demand demands policy policies breach breaches violation violations failure refusal
    practices dumping attack attacks aggression interference intervention protectionism stance
    position proposal proposals restrictions sanctions quotas tariffs subsidies""".split()
)


def _describes(tok: Token) -> bool:
    """The adjective modifies, directly or through other modifiers, a noun of organization kind,
    or a noun for those who speak for a state ("Japanese officials")."""
    head = tok.head
    for _ in range(3):
        lemma = head.lemma_.lower()
        if head.pos_ == "NOUN" and (
            lemma in DESCRIBER_NOUNS or lemma.endswith("maker") or head.lower_ in STATE_SPEAKERS
        ):
            return True
        if head.dep_ not in ("compound", "amod") or head.head is head:
            return False
        head = head.head
    return False


def _state_act(noun: Token) -> bool:
    """``noun`` names what a state does or asks ("demands", "breach"), or an act called alleged
    ("alleged Kestrian dumping")."""
    return noun.pos_ == "NOUN" and (
        noun.lower_ in STATE_ACTS or any(c.lower_ == "alleged" and c.dep_ == "amod" for c in noun.children)
    )


def nationality_mentions(doc: Doc, taken: list[bool], named: set[str]) -> list[Candidate]:
    """Nationality words standing for a country the story names (``named``: canonical names)."""
    found = []
    tab = table(doc)
    for i, lower in enumerate(tab.lower):
        plural = lower.endswith("s") and lower[:-1] in kinds.DEMONYMS  # "the Americans"
        place = kinds.DEMONYMS.get(lower[:-1] if plural else lower)
        if place is None or place not in named or taken[i]:
            continue
        tok = tab.tokens[i]
        if not tok.is_title:
            continue
        listed = tok.dep_ == "conj" and doc[tok.head.i - 1].lower_ == "the"  # "the Americans and Kuwaitis"
        people = ((tok.i > 0 and doc[tok.i - 1].lower_ == "the") or listed) and tok.dep_ in NOMINAL_ROLES
        if people:
            found.append(Candidate(tok.i, tok.i + 1, "demonym", "GPE", place=place))
        elif tok.dep_ == "amod" and (_describes(tok) or _state_act(tok.head)):
            found.append(Candidate(tok.i, tok.i + 1, "demonym", "GPE", place=place, nested=True))
    return found
