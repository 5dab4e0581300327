"""One entity per real thing within a document: group candidate mentions into entities.

Rules, each a pattern of English naming:
- the same name (ignoring case, "the", possessives and a title: "Mr Roe" is "Roe") is the same
  entity, and so is the same name with other hyphens or a legal form ("Quist-Roe", "Quist Roe
  Inc") or turned round ("Ministry of Trade", "Trade Ministry");
- an acronym in parentheses after a name names it, and so do its later bare uses;
- an acronym that matches the initials of a longer name in the document names it;
- a shorter form of a longer name ("Acme" for "Acme Holdings", "Roe" for "Jane Roe", "VMT" for
  "VMT Resources"); a surname prefers the person's name;
- a clipped single word ("Sino" for "Sinopec"), when only one longer name fits.
The class of an entity is decided from the votes of all its mentions together.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.extract import kinds, names, titles
from kg.extract.coref import REFERENCE_SOURCES, resolve_references
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


def surface(doc: Doc, c: Candidate) -> str:
    return " ".join(doc[c.start : c.end].text.split())


# Head words of a body of an organization: "the Norwind Commission" is not "Norwind".
_BODY_HEADS = kinds.GOVERNMENT_WORDS | kinds.TRADE_ASSOCIATION_WORDS | {"board", "committee"}
_ORG_HEADS = (
    kinds.COMPANY_WORDS
    | kinds.TRADE_ASSOCIATION_WORDS
    | kinds.GOVERNMENT_WORDS
    | kinds.NEWS_WORDS
    | kinds.ORGANIZATION_WORDS
)


def personal_name(doc: Doc, c: Candidate) -> str:
    """The name without the title news writes before it: "Mr Wrenholm" -> "Wrenholm",
    "Prime Minister Sir Ana Quist" -> "Ana Quist". A name of an organization ending in a kind
    word keeps its first words ("President Hotel Group", "Chancellor Insurance Co")."""
    tokens = [t for t in doc[c.start : c.end] if t.tag_ != "POS"]
    n = titles.title_length([t.text for t in tokens])
    rest = tokens[n:]
    if not n or rest[-1].lower_ in _ORG_HEADS or not all(t.text[:1].isupper() for t in rest if t.is_alpha):
        return surface(doc, c)
    return " ".join(doc[rest[0].i : rest[-1].i + 1].text.split())


def _name_key(doc: Doc, c: Candidate) -> str:
    return normalize_name(personal_name(doc, c))


def cluster_mentions(doc: Doc, cands: list[Candidate]) -> list[Cluster]:
    refs = [c for c in cands if c.source in REFERENCE_SOURCES]
    names = [c for c in cands if c.source not in REFERENCE_SOURCES]
    clusters = _cluster_names(doc, names)
    taken = {i for c in cands for i in range(c.start, c.end)}
    resolve_references(doc, clusters, refs, taken)
    return clusters


def _cluster_names(doc: Doc, cands: list[Candidate]) -> list[Cluster]:
    n = len(cands)
    uf = _UnionFind(n)
    index = {id(c): i for i, c in enumerate(cands)}
    keys = [c.place.casefold() if c.place else _name_key(doc, c) for c in cands]
    words = [(k,) if c.place else names.words_of(k) for c, k in zip(cands, keys, strict=True)]
    votes = [votes_for(doc, c) for c in cands]
    strong = [_strong(v) for v in votes]
    why: dict[int, str] = {}  # mention -> the rule that joined it to its entity
    _same_names(cands, keys, words, strong, uf, why)
    for i, c in enumerate(cands):
        if c.acronym_of is not None:
            uf.union(index[id(c.acronym_of)], i)
            why[i] = "rule:acronym-in-parentheses"
        elif c.place is not None:
            why[i] = "rule:nationality-adjective" if c.nested else "rule:country-name"
    full = [i for i, c in enumerate(cands) if c.place is None and not is_acronym(surface(doc, c))]
    # acronyms by initials, for acronyms not defined in parentheses
    for i, c in enumerate(cands):
        text = surface(doc, c).replace(".", "")
        if c.place is not None or not is_acronym(surface(doc, c)) or c.acronym_of is not None:
            continue
        if any(cands[j].acronym_of is not None and keys[j] == keys[i] for j in range(n)):
            continue
        fits = {
            uf.find(j)
            for j in full
            if text.upper() in _initials(_words(doc, cands[j]))
            and keys[i] not in keys[j].split()  # "the EC Commission" is not what EC stands for
        }
        if len(fits) == 1:
            uf.union(fits.pop(), i)
            why[i] = "rule:acronym-initials"
    _short_forms(doc, cands, keys, words, strong, full, uf, why)

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


def _initials(words: list[str]) -> set[str]:
    if len(words) < 2:
        return set()
    return {form for f in (False, True) for s in (False, True) for form in names.initials(words, f, s)}


def _strong(v: Votes) -> str | None:
    """The top-level kind a mention's own cues insist on (beyond spaCy's label), if any."""
    if v["Place"] >= 3:  # cue votes only: spaCy's are under "ner:"
        return "Place"
    if v["Person"] >= 3:
        return "Person"
    if sum(v[k] for k in v if k not in {"Person", "Place", "Brand"} and not k.startswith(NER_PREFIX)) >= 2:
        return "Organization"
    return None


def _conflict(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def _same_names(
    cands: list[Candidate],
    keys: list[str],
    words: list[tuple[str, ...]],
    strong: list[str | None],
    uf: _UnionFind,
    why: dict[int, str],
) -> None:
    """One name written alike: the same words (ignoring case, "the", a possessive and a title:
    "Mr Wrenholm" is "Wrenholm"); the same letters ignoring hyphens, spaces and a legal form
    ("Quist-Roe" and "Quist Roe Inc"); "Ministry of Trade" and "Trade Ministry"."""
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key in first:
            uf.union(first[key], i)
        else:
            first[key] = i
    first_letters: dict[str, int] = {}
    for i, c in enumerate(cands):
        if c.place is not None or not words[i]:
            continue
        inverted = names.inverted(words[i])
        for form, rule in ((words[i], "rule:same-letters"), (inverted, "rule:inverted-name")):
            if form is None:
                continue
            letters = names.compact(form)
            j = first_letters.setdefault(letters, i)
            if j != i and uf.find(j) != uf.find(i) and not _conflict(strong[i], strong[j]):
                uf.union(j, i)
                why[i] = rule


def _short_forms(
    doc: Doc,
    cands: list[Candidate],
    keys: list[str],
    words: list[tuple[str, ...]],
    strong: list[str | None],
    full: list[int],
    uf: _UnionFind,
    why: dict[int, str],
) -> None:
    """A shorter form of one longer name in the story is that name: its first words ("Acme" for
    "Acme Holdings", "WMC" for "WMC Minerals") or its last ("Roe" for "Jane Roe"); a surname
    prefers a person's name it ends; among names of one company, the one that is the short form
    and a generic word ("Norwind" is "Norwind Group", not "Norwind Energy"). A clipped single
    word ("Sino" for "Sinopec") is a short form when only one longer word fits."""
    bound = {keys[j] for j, c in enumerate(cands) if c.acronym_of is not None or c.place or j in why}
    for i, c in enumerate(cands):
        short = words[i]
        if not short or c.place is not None or keys[i] in bound or len(keys[i].split()) > len(short):
            continue  # a name with its legal form ("Norwind Corp") is written in full
        if any(len(keys[j].split()) > len(short) for j in range(len(cands)) if uf.find(j) == uf.find(i)):
            continue  # "Norwind" is "Norwind Corp", named in full, not another longer name
        acronym = is_acronym(surface(doc, c))
        ends: set[int] = set()
        starts: set[int] = set()
        bases: set[int] = set()
        clipped: set[int] = set()
        for j in full:
            long = words[j]
            if long == short or _conflict(strong[i], strong[j]):
                continue
            if len(long) > len(short):
                if acronym and long[-1] in _BODY_HEADS:
                    continue  # "the EC Commission" is a body of the EC, not the EC
                if long[-len(short) :] == short:
                    ends.add(uf.find(j))
                elif long[: len(short)] == short:
                    starts.add(uf.find(j))
                if names.base_of(long) == short:
                    bases.add(uf.find(j))
            elif (
                len(short) == 1 == len(long)
                and not acronym
                and len(short[0]) >= 3
                and len(long[0]) > len(short[0]) + 1
                and long[0].startswith(short[0])
            ):
                clipped.add(uf.find(j))
        fits = ends | starts
        if (strong[i] == "Person" or c.ner == "PERSON") and ends:
            fits = ends  # a person is named short by the surname
        if len(fits) > 1 and len(fits & bases) == 1:
            fits &= bases
        if len(fits) == 1:
            uf.union(fits.pop(), i)
            why[i] = "rule:short-form"
        elif not fits and len(clipped) == 1:
            uf.union(clipped.pop(), i)
            why[i] = "rule:clipped-word"


def _label(doc: Doc, members: list[Candidate]) -> tuple[str, tuple[str, ...]]:
    """The longest name, counted and written without a title: "Ana Quist" rather than "Mr
    Quist", and "Quist" for "Mr Quist"."""
    names_ = [c for c in members if c.source not in REFERENCE_SOURCES]
    forms = [surface(doc, c) for c in names_]
    untitled = {surface(doc, c): personal_name(doc, c) for c in names_}
    places = sorted({c.place for c in members if c.place})
    full = [f for f in forms if not is_acronym(f)]
    if places:
        label = places[0]
    elif full:
        counts = Counter(full)
        best = max(
            full,
            key=lambda f: (len(untitled[f].split()), untitled[f] == f, len(f), counts[f], -full.index(f)),
        )
        label = untitled[best]
    else:
        label = forms[0]
    seen = {normalize_name(label)}
    aliases = []
    for f in forms:
        if normalize_name(f) not in seen:
            seen.add(normalize_name(f))
            aliases.append(f)
    return label, tuple(sorted(aliases))
