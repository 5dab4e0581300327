"""One entity per real thing within a document: group candidate mentions into entities.

Rules, each a pattern of English naming:
- the same name (ignoring case, "the" and possessives) is the same entity;
- an acronym in parentheses after a name names it, and so do its later bare uses;
- an acronym that matches the initials of a longer name in the document names it;
- a shorter form of a longer name ("Acme" for "Acme Holdings", "Roe" for "Jane Roe");
- a clipped single word ("Sino" for "Sinopec"), when only one longer name fits.
The class of an entity is decided from the votes of all its mentions together.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.extract import kinds
from kg.extract.coref import REFERENCE_SOURCES, attach_references, find_pronouns
from kg.extract.evidence import NER_PREFIX, Votes, combine, decide, votes_for
from kg.extract.mentions import Candidate, is_acronym
from kg.iri import normalize_name


@dataclass
class Cluster:
    members: list[Candidate] = field(default_factory=list)
    votes: Votes = field(default_factory=lambda: defaultdict(float))
    type: str = "Company"
    label: str = ""
    aliases: tuple[str, ...] = ()
    alias_rules: tuple[tuple[str, str], ...] = ()  # (alias, the rule that joined it)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _words(doc: Doc, c: Candidate) -> list[str]:
    return [t.text for t in doc[c.start : c.end] if t.tag_ != "POS"]


def initials(words: list[str], with_function_words: bool) -> str:
    skip = set() if with_function_words else kinds.NAME_FUNCTION_WORDS
    return "".join(w[0] for w in words if w and w.lower() not in skip and w[0].isalnum()).upper()


def surface(doc: Doc, c: Candidate) -> str:
    return " ".join(doc[c.start : c.end].text.split())


def cluster_mentions(doc: Doc, cands: list[Candidate]) -> list[Cluster]:
    refs = [c for c in cands if c.source in REFERENCE_SOURCES]
    names = [c for c in cands if c.source not in REFERENCE_SOURCES]
    clusters = _cluster_names(doc, names)
    taken = {i for c in cands for i in range(c.start, c.end)}
    attach_references(doc, clusters, refs + find_pronouns(doc, taken))
    return clusters


def _cluster_names(doc: Doc, cands: list[Candidate]) -> list[Cluster]:
    n = len(cands)
    uf = _UnionFind(n)
    index = {id(c): i for i, c in enumerate(cands)}
    keys = [c.place.casefold() if c.place else normalize_name(surface(doc, c)) for c in cands]
    votes = [votes_for(doc, c) for c in cands]
    first_by_key: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key in first_by_key:
            uf.union(first_by_key[key], i)
        else:
            first_by_key[key] = i
    why: dict[int, str] = {}  # mention -> the rule that joined it to its entity
    for i, c in enumerate(cands):
        if c.acronym_of is not None:
            uf.union(index[id(c.acronym_of)], i)
            why[i] = "rule:acronym-in-parentheses"
        elif c.place is not None:
            why[i] = "rule:nationality-adjective" if c.nested else "rule:country-name"
    names = [i for i, c in enumerate(cands) if c.place is None and not is_acronym(surface(doc, c))]
    # acronyms by initials, for acronyms not defined in parentheses
    for i, c in enumerate(cands):
        text = surface(doc, c).replace(".", "")
        if c.place is not None or not is_acronym(surface(doc, c)) or c.acronym_of is not None:
            continue
        if any(cands[j].acronym_of is not None and keys[j] == keys[i] for j in range(n)):
            continue
        fits = {
            uf.find(j)
            for j in names
            if len(_words(doc, cands[j])) >= 2
            and text.upper()
            in {initials(_words(doc, cands[j]), False), initials(_words(doc, cands[j]), True)}
        }
        if len(fits) == 1:
            uf.union(fits.pop(), i)
            why[i] = "rule:acronym-initials"
    _short_forms(doc, cands, keys, votes, names, uf, why)

    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(uf.find(i), []).append(i)
    clusters = []
    for members in sorted(groups.values()):
        cl = Cluster(members=[cands[i] for i in members])
        longest = max(len(keys[i].split()) for i in members)
        for i in members:
            # spaCy's guess on a bare short form ("Brennick" for "Brennick Marine Lines") says
            # less than its guess on the full name: the short form's votes from spaCy do not count
            short = len(keys[i].split()) < longest and not cands[i].nested
            for key, weight in votes[i].items():
                if not (short and key.startswith(NER_PREFIX)):
                    cl.votes[key] += weight
        single = all(c.end - c.start == 1 for c in cl.members)
        cl.type = decide(combine(cl.votes, single))
        cl.label, cl.aliases = _label(doc, cl.members)
        by_key = {keys[i]: why[i] for i in members if i in why}
        rules = {surface(doc, cands[i]): why.get(i) or by_key.get(keys[i], "rule:same-name") for i in members}
        cl.alias_rules = tuple((a, rules.get(a, "rule:same-name")) for a in cl.aliases)
        clusters.append(cl)
    return clusters


def _strong(v: Votes) -> str | None:
    """The top-level kind a mention's own cues insist on (beyond spaCy's label), if any."""
    if v["Place"] >= 3:  # cue votes only: spaCy's are under "ner:"
        return "Place"
    if v["Person"] >= 3:
        return "Person"
    if sum(v[k] for k in v if k not in {"Person", "Place", "Brand"} and not k.startswith(NER_PREFIX)) >= 2:
        return "Organization"
    return None


def _short_forms(
    doc: Doc,
    cands: list[Candidate],
    keys: list[str],
    votes: list[Votes],
    names: list[int],
    uf: _UnionFind,
    why: dict[int, str],
) -> None:
    long_names = {i: keys[i].split() for i in names}
    for i in names:
        short = keys[i].split()
        fits: set[int] = set()
        rule = "rule:short-form"
        for j, long in long_names.items():
            if len(long) <= len(short) and not (len(short) == 1 == len(long)):
                continue
            if keys[j] == keys[i]:
                continue
            kind_i, kind_j = _strong(votes[i]), _strong(votes[j])
            if kind_i and kind_j and kind_i != kind_j:
                continue
            if len(long) > len(short):
                if long[: len(short)] == short or long[-len(short) :] == short:
                    fits.add(uf.find(j))
                    rule = "rule:short-form"
            elif len(short[0]) >= 3 and len(long[0]) > len(short[0]) + 1 and long[0].startswith(short[0]):
                fits.add(uf.find(j))  # a clipped single word
                rule = "rule:clipped-word"
        if len(fits) == 1:
            uf.union(fits.pop(), i)
            why[i] = rule


def _label(doc: Doc, members: list[Candidate]) -> tuple[str, tuple[str, ...]]:
    forms = [surface(doc, c) for c in members if c.source not in REFERENCE_SOURCES]
    places = sorted({c.place for c in members if c.place})
    full = [f for f in forms if not is_acronym(f)]
    if places:
        label = places[0]
    elif full:
        counts = Counter(full)
        label = max(full, key=lambda f: (len(f.split()), len(f), counts[f], -full.index(f)))
    else:
        label = forms[0]
    seen = {normalize_name(label)}
    aliases = []
    for f in forms:
        if normalize_name(f) not in seen:
            seen.add(normalize_name(f))
            aliases.append(f)
    return label, tuple(sorted(aliases))
