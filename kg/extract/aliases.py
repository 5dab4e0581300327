"""One entity per real thing within a document: group candidate mentions into entities.

Rules, each a pattern of English naming:
- the same name (ignoring case, "the", possessives and a title: "Mr Roe" is "Roe") is the same
  entity, and so is the same name with other hyphens or a legal form ("Quist-Roe", "Quist Roe
  Inc") or turned round ("Ministry of Trade", "Trade Ministry");
- an acronym in parentheses after a name names it, and so do its later bare uses;
- an acronym that matches the initials of a longer name in the document names it, or spells
  the start of each of its words ("NORMEX" for "North Marlow Exchange"), maybe without a country
  before it ("DOT" for "U.S. Department of Trade"), or is written as a word ("Nemo" for the
  "North European Maritime Organisation") (these and the short forms below: ``shortforms.py``);
- a shorter form of a longer name ("Acme" for "Acme Holdings", "Roe" for "Jane Roe", "VMT" for
  "VMT Resources"); a surname prefers the person's name;
- a clipped single word ("Sino" for "Sinopec"), when only one longer name fits;
- a body named by its members: "the Veltrists" and "Veltrist" for "the Veltrist Party", "the
  Free Vels" for "the Free Veltrists", "the Peers" for "the House of Peers" (``memberforms.py``).
The class of an entity is decided from the votes of all its mentions together.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from kg.extract import kinds, memberforms, names, shortforms, titles
from kg.extract.coref import REFERENCE_SOURCES, Cluster, resolve_references
from kg.extract.doctable import DocTable, table
from kg.extract.evidence import NER_PREFIX, Votes, combine, decide, votes_for
from kg.extract.grouping import NameTable, conflict, surface
from kg.extract.mentions import Candidate, is_acronym
from kg.iri import normalize_name

_ORG_HEADS = (
    kinds.COMPANY_WORDS
    | kinds.TRADE_ASSOCIATION_WORDS
    | kinds.GOVERNMENT_WORDS
    | kinds.NEWS_WORDS
    | kinds.ORGANIZATION_WORDS
)


def _personal(tab: DocTable) -> dict[tuple[int, int], str]:
    """Per Doc table: (start, end) -> the name without its title; each name is asked for it thrice."""
    return {}


def personal_name(doc: Doc, c: Candidate) -> str:
    """The name without the title news writes before it: "Mr Wrenholm" -> "Wrenholm",
    "Prime Minister Sir Ana Quist" -> "Ana Quist". A name of an organization ending in a kind
    word keeps its first words ("President Hotel Group", "Chancellor Insurance Co")."""
    tab = table(doc)
    found = tab.memo(_personal)
    key = (c.start, c.end)
    name = found.get(key)
    if name is None:
        name = found[key] = _personal_name(doc, tab, c)
    return name


def _personal_name(doc: Doc, tab: DocTable, c: Candidate) -> str:
    tokens = [tab.tokens[i] for i in range(c.start, c.end) if tab.tag[i] != "POS"]
    n = titles.title_length([t.text for t in tokens])
    rest = tokens[n:]
    if not n or rest[-1].lower_ in _ORG_HEADS or not all(t.text[:1].isupper() for t in rest if t.is_alpha):
        return surface(doc, c)
    return " ".join(tab.span_text(rest[0].i, rest[-1].i + 1).split())


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
    index = {id(c): i for i, c in enumerate(cands)}
    keys = [c.place.casefold() if c.place else _name_key(doc, c) for c in cands]
    words = [(k,) if c.place else names.words_of(k) for c, k in zip(cands, keys, strict=True)]
    votes = [votes_for(doc, c) for c in cands]
    titled = [not c.place and personal_name(doc, c) != surface(doc, c) for c in cands]
    t = NameTable(doc, cands, keys, words, [_strong(v) for v in votes], titled)
    uf, why = t.uf, t.why
    _same_names(t)
    for i, c in enumerate(cands):
        if c.acronym_of is not None:
            t.join(index[id(c.acronym_of)], i, "rule:acronym-in-parentheses")
        elif c.place is not None:
            why[i] = "rule:nationality-adjective" if c.nested else "rule:country-name"
    shortforms.acronyms_by_initials(t)
    memberforms.join_member_forms(t)
    shortforms.short_forms(t)

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


def _same_names(t: NameTable) -> None:
    """One name written alike: the same words (ignoring case, "the", a possessive and a title:
    "Mr Wrenholm" is "Wrenholm"); the same letters ignoring hyphens, spaces and a legal form
    ("Quist-Roe" and "Quist Roe Inc"); "Ministry of Trade" and "Trade Ministry"; a person's
    name with and without middle initials ("Ana T. Quist", "Ana Quist")."""
    first: dict[str, int] = {}
    for i, key in enumerate(t.keys):
        if key in first:
            t.uf.union(first[key], i)
        else:
            first[key] = i
    first_letters: dict[str, tuple[int, str]] = {}
    for i, c in enumerate(t.cands):
        if c.place is not None or not t.words[i]:
            continue
        inverted = names.inverted(t.words[i])
        person = t.strong[i] == "Person" or c.ner == "PERSON"
        bare = names.without_middle_initials(t.words[i]) if person else None
        forms = (
            (t.words[i], "rule:same-letters"),
            (inverted, "rule:inverted-name"),
            (bare, "rule:middle-initial"),
            (names.abbreviated(t.words[i]), "rule:abbreviated-word"),
            (names.content_words(t.words[i]), "rule:function-words"),
        )
        for form, rule in forms:
            if form is None:
                continue
            letters = names.compact(form)
            j, first_rule = first_letters.setdefault(letters, (i, rule))
            if j != i and t.uf.find(j) != t.uf.find(i) and not conflict(t.strong[i], t.strong[j]):
                # the rule that made the two forms alike, whichever of them it rewrote
                t.join(j, i, rule if rule != "rule:same-letters" else first_rule)


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
