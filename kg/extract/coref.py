"""References back to named entities: "the company", "the federation", "it", "they", "he".

A reference joins the entity it most plausibly refers to, so that a relation stated about
"the association" or "it" lands on that entity's IRI. Rules (a small centering model):
- the reference must fit the entity's class ("the federation" a trade association, "it" an
  organization, "he"/"she" a person);
- candidates are entities named earlier: for a pronoun in the same sentence or the two before
  it, for a definite description anywhere before;
- a pronoun prefers the subject of its own sentence, then the most recent subject before it,
  then the most recent mention; a definite description prefers the most recent mention;
- pleonastic "it" ("it is understood that …", "it was reported …") refers to nothing.
References are marked as such in the output and never name an entity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from kg.extract import kinds
from kg.extract.mentions import Candidate

if TYPE_CHECKING:
    from kg.extract.aliases import Cluster

ORGANIZATIONS = ("Company", "TradeAssociation", "GovernmentAgency", "NewsOrganization", "Organization")
PRONOUNS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("it", "its"), ORGANIZATIONS),
    **dict.fromkeys(("they", "their", "them"), ORGANIZATIONS),
    **dict.fromkeys(("he", "him", "his", "she", "her"), ("Person",)),
}
REFERENCE_SOURCES = frozenset({"definite", "pronoun"})
WINDOW = 2  # sentences back


def _is_subject(tok: Token) -> bool:
    return tok.dep_ in {"nsubj", "nsubjpass"}


def _pleonastic(tok: Token) -> bool:
    if tok.lower_ != "it":
        return False
    head = tok.head
    # "it is understood that", "it was reported that", "it is likely to"
    return tok.dep_ in {"expl", "nsubjpass"} or (
        head.lemma_ == "be" and any(c.dep_ in {"acomp", "ccomp", "xcomp"} for c in head.children)
    )


def _clause_subjects(tok: Token) -> set[int]:
    """Subjects of the verb a pronoun is the object of: "X asked them" - them is not X."""
    if tok.dep_ not in {"dobj", "dative", "pobj"}:
        return set()
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    # "X criticized both sides and asked them": a conjoined verb shares its subject
    while not any(_is_subject(c) for c in verb.children) and verb.dep_ in {"conj", "xcomp"}:
        verb = verb.head
    return {t.i for c in verb.children if _is_subject(c) for t in c.subtree}


def find_pronouns(doc: Doc, taken: set[int]) -> list[Candidate]:
    return [
        Candidate(tok.i, tok.i + 1, "pronoun")
        for tok in doc
        if tok.lower_ in PRONOUNS and tok.pos_ == "PRON" and tok.i not in taken and not _pleonastic(tok)
    ]


def attach_references(doc: Doc, clusters: list[Cluster], refs: list[Candidate]) -> None:
    """Add each reference to the cluster it refers to (or drop it if none fits)."""
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    sent_of = [0] * len(doc)
    for s in doc.sents:
        for t in range(s.start, s.end):
            sent_of[t] = sent_index[s.start]
    names: list[tuple[int, bool, int, str]] = []  # (start, is subject, cluster, type)
    for k, cl in enumerate(clusters):
        for c in cl.members:
            if c.source not in REFERENCE_SOURCES and not c.nested:
                root = doc[c.start : c.end].root
                names.append((c.start, _is_subject(root), k, cl.type))
    names.sort()
    for ref in sorted(refs, key=lambda r: r.start):
        word = doc[ref.start].lower_
        allowed = kinds.DEFINITE_NOUNS.get(word) if ref.source == "definite" else PRONOUNS.get(word)
        if not allowed:
            continue
        # a pronoun looks back two sentences; "the company" as far as the last company named
        lo = sent_of[ref.start] - WINDOW if ref.source == "pronoun" else 0
        excluded = _clause_subjects(doc[ref.start]) if ref.source == "pronoun" else set()
        fits = [
            n
            for n in names
            if n[0] < ref.start and sent_of[n[0]] >= lo and n[3] in allowed and n[0] not in excluded
        ]
        if not fits:
            continue
        if ref.source == "pronoun":
            here = [n for n in fits if sent_of[n[0]] == sent_of[ref.start] and n[1]]
            subjects = [n for n in fits if n[1]]
            best = (here or subjects or fits)[-1]
        else:
            best = fits[-1]
        clusters[best[2]].members.append(ref)
