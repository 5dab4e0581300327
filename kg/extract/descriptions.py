"""Definite descriptions that refer back: "the union", "the Japanese carmaker", "the chancellor",
and the roles with which a story names its people ("Chancellor Ana Quist", "Ana Quist, the
chancellor,", "Norwind chief executive Ana Quist").

A description is "the", modifiers, and a singular head noun that either names a kind of
organization (``coref.DEFINITE_NOUNS``) or a role (``reference_words.ROLE_NOUNS``). Modifiers
that point to another organization than the one named ("the parent company", "the rival firm")
make it no reference. A role is kept as its head and the qualifiers before it ("prime
minister"), and a reference matches a role with the same head and no other qualifiers.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract import reference_words as words
from kg.extract.doctable import kids_of, table
from kg.extract.mentions import Candidate

_PLACES = frozenset({"NORP", "GPE", "LOC"})
Role = tuple[str, ...]  # qualifiers then the head noun: ("prime", "minister")


def _the(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _modifiers(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.i < tok.i and c.dep_ in {"amod", "compound", "nmod", "npadvmod"}]


def _role_of(tok: Token) -> Role:
    """The role a role noun states, with its qualifiers: "Foreign Secretary" -> (foreign, secretary)."""
    quals = [
        t.lower_
        for t in tok.doc[max(table(tok.doc).sent_start[tok.i], tok.i - 3) : tok.i]
        if t.lower_ in words.ROLE_QUALIFIERS and t.head.i in {tok.i, t.i + 1}
    ]
    return (*quals, *words.ROLE_SYNONYMS.get(tok.lower_, (tok.lower_,)))


def find_descriptions(
    doc: Doc, taken: set[int], organization_nouns: dict[str, tuple[str, ...]]
) -> list[tuple[Candidate, Role | None]]:
    """ "the union", "the prime minister": candidates of source "definite" (with no role) or
    "role" (with the role they state)."""
    out: list[tuple[Candidate, Role | None]] = []
    tab = table(doc)
    for i, word in enumerate(tab.lower):
        if i in taken or tab.tag[i] not in {"NN", "NNP"}:
            continue
        # only the words below make a description: "the" before any other noun refers to nothing
        if word not in words.ROLE_NOUNS and word not in organization_nouns:
            continue
        tok = tab.tokens[i]
        if not _the(tok):
            continue
        nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        after_for = doc[tok.i + 2] if nxt == "for" and tok.i + 2 < len(doc) else None
        if (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN") or (
            after_for is not None and after_for.is_title
        ):
            continue  # "the company Norwind", "the Commission for Trade": a name follows
        # ("asked the court for an injunction": what is asked for, no name)
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children):
            continue  # "the chancellor, Ana Quist": the role introduces the name
        mods = _modifiers(tok)
        if word in words.ROLE_NOUNS and tok.dep_ != "attr" and tok.head.lower_ != "as":
            start = min([tok.i, *(m.i for m in mods if m.lower_ in words.ROLE_QUALIFIERS)])
            if not any(i in taken for i in range(start, tok.i)):
                out.append((Candidate(start, tok.i + 1, "role"), _role_of(tok)))
        # "the company of Norwind" is no reference, but in "accused the company of fraud" the
        # "of" belongs to the verb
        elif word in organization_nouns and not (nxt == "of" and tok.head.lemma_ not in words.OF_VERBS):
            if any(m.lower_ in words.OTHER_ORGANIZATION_WORDS or m.i in taken for m in mods):
                continue
            if "GovernmentAgency" in organization_nouns[word] and any(m.ent_type_ in _PLACES for m in mods):
                continue  # "the Russian government" is that country's, not the agency named last
            out.append((Candidate(tok.i, tok.i + 1, "definite"), None))
    return out


def roles_of(span: Span) -> set[Role]:
    """The roles a story names a person with: the words before the name ("Chancellor Ana
    Quist", "Norwind chief Ana Quist"), an apposition ("Ana Quist, the chancellor," / "the
    chancellor, Ana Quist"), and a title inside the name's span."""
    root = table(span.doc).span_root(span.start, span.end)
    found: set[Role] = set()
    kids = kids_of(root)
    before = [t for c in kids if c.i < span.start for t in c.subtree]
    inside = [t for t in span if t.i < root.i]
    appos = [c for c in kids if c.dep_ == "appos"]
    if root.dep_ == "appos":
        appos.append(root.head)
    sent_index = table(span.doc).sent_index
    for tok in [*before, *inside, *appos]:
        if tok.lower_ in words.ROLE_NOUNS and sent_index[tok.i] == sent_index[root.i]:
            found.add(_role_of(tok))
    return found


def role_matches(ref: Role, named: set[Role]) -> bool:
    """ "the minister" matches "Trade Minister"; "the prime minister" does not match "Trade
    Minister", nor "the minister" "Deputy Minister"; "the boss" matches any head of a body."""
    head, quals = ref[-1], set(ref[:-1])
    for role in named:
        if words.OTHER_OFFICE_QUALIFIERS & set(role) - quals:
            continue  # "the foreign secretary" is not the shadow foreign secretary
        if head in words.HEAD_ROLES and role[-1] in words.HEAD_ROLE_MATCHES:
            return True
        if role[-1] == head and quals <= set(role[:-1]):
            return True
    return False
