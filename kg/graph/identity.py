"""One entity across documents: which document-level entities name the same real thing.

Rules, each recorded with every merge it makes so that a wrong merge can be found and explained:
- ``rule:normalized-name``: the same kind of entity whose names are equal once case, "the",
  possessives and legal suffixes (Inc., Ltd, Group, Co. …) are set aside;
- ``rule:acronym-elsewhere``: a bare acronym in one article, defined for a full name in another
  (as "Full Name (ACR)"), when exactly one entity in the corpus has that acronym.
Different entities with similar names stay apart: "Norwind Energy" and "Norwind Shipping" share
a word, not a name. The work is linear in the number of entities (dictionaries, no pairwise scan).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from kg.iri import TOP_CLASS, entity_iri, normalize_name

PLACE, STATE = "Place", "GeopoliticalEntity"
LEGAL_SUFFIXES = frozenset(
    """inc inc. incorporated ltd ltd. limited llc l.l.c. plc corp corp. corporation co co.
    company group holdings holding ag sa s.a. gmbh nv n.v. bv b.v. spa s.p.a. pty""".split()
)


@dataclass
class EntityFacts:
    """What the documents say about one document-level entity IRI."""

    labels: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    forms: set[str] = field(default_factory=set)
    alias_rules: set[tuple[str, str]] = field(default_factory=set)  # within-document merges
    mentions: int = 0
    documents: set[str] = field(default_factory=set)

    def merge(self, other: EntityFacts, with_types: bool = True) -> None:
        self.labels.update(other.labels)
        if with_types:
            self.types.update(other.types)
        self.forms |= other.forms
        self.alias_rules |= other.alias_rules
        self.mentions += other.mentions
        self.documents |= other.documents

    @property
    def label(self) -> str:
        # a full name before an acronym; then most frequent, longest, alphabetical: independent
        # of document order
        return min(self.labels, key=lambda s: (_is_acronym(s), -self.labels[s], -len(s), s))

    @property
    def type(self) -> str:
        best = min(self.types, key=lambda s: (-self.types[s], s))
        # A name one article saw acting as a state is a state wherever it is merely a place, so
        # that a relation only a state may take part in keeps a state at its end.
        return STATE if best == PLACE and STATE in self.types else best


@dataclass(frozen=True)
class Merge:
    canonical: str  # the IRI kept
    merged: str  # a document-level IRI folded into it
    forms: tuple[str, ...]  # the surface forms that came with it
    rule: str


def identity_key(label: str, type_: str) -> str:
    words = normalize_name(label).replace(",", " ").split()
    top = TOP_CLASS.get(type_, "org")
    if top == "org":
        while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
            words.pop()
    return f"{top}:{' '.join(words)}"


def _is_acronym(form: str) -> bool:
    letters = form.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def resolve(
    entities: Mapping[str, EntityFacts], base_iri: str
) -> tuple[dict[str, str], dict[str, EntityFacts], list[Merge]]:
    """Map every document-level IRI to a corpus IRI; return the merged facts and the merges."""
    groups: dict[str, list[str]] = defaultdict(list)
    for iri in sorted(entities):
        f = entities[iri]
        groups[identity_key(f.label, f.type)].append(iri)
    rules: dict[str, str] = {}  # merged iri -> rule
    for members in groups.values():
        for iri in members[1:]:
            rules[iri] = "rule:normalized-name"

    # acronyms defined for exactly one full name anywhere in the corpus
    defined: dict[str, set[str]] = defaultdict(set)
    for key, members in groups.items():
        facts = [entities[i] for i in members]
        if any(not _is_acronym(f.label) for f in facts):
            for f in facts:
                for form in f.forms:
                    if _is_acronym(form):
                        defined[form.replace(".", "")].add(key)
    for key in sorted(groups):
        members = groups[key]
        labels = {entities[i].label for i in members}
        if not all(_is_acronym(label) for label in labels):
            continue
        acronym = next(iter(sorted(labels))).replace(".", "")
        targets = defined.get(acronym, set()) - {key}
        if len(targets) == 1:
            target = targets.pop()
            groups[target].extend(members)
            for iri in members:
                rules[iri] = "rule:acronym-elsewhere"
            groups[key] = []

    mapping: dict[str, str] = {}
    merged_facts: dict[str, EntityFacts] = {}
    merges: list[Merge] = []
    for members in groups.values():
        if not members:
            continue
        total = EntityFacts()
        for iri in members:
            # a bare acronym's class is a guess; the full name's class decides
            total.merge(entities[iri], with_types=rules.get(iri) != "rule:acronym-elsewhere")
        canonical = entity_iri(total.type, total.label, base_iri)
        if canonical in merged_facts:  # two spellings with one slug ("A&F", "A and F")
            merged_facts[canonical].merge(total)
        else:
            merged_facts[canonical] = total
        for iri in members:
            mapping[iri] = canonical
            if iri != canonical:
                forms = tuple(sorted(entities[iri].forms))
                merges.append(Merge(canonical, iri, forms, rules.get(iri, "rule:normalized-name")))
    merges.sort(key=lambda m: (m.canonical, m.merged))
    return mapping, merged_facts, merges
