"""Candidate mentions in a parsed Doc: spaCy's entities, corrected and completed by patterns.

Sources, in order of trust:
- names ending in a kind word ("... Footwear Association", "Ministry of ...") — these repair
  NER spans that a coordination ("Apparel and Footwear") or a translation split in two;
- spaCy's named entities (ORG, PERSON, GPE, LOC, FAC, PRODUCT);
- proper nouns directly before a company word or a role noun ("Acme group CEO ...");
- acronyms in parentheses after a name, and every later bare use of them;
- repeats: once a name is known in a document, its other occurrences are mentions too;
- nested places: a nationality adjective or country name inside an organization name.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract import kinds
from kg.extract.bodies import bodies
from kg.extract.caps import caps_names
from kg.extract.demonyms import nationality_mentions
from kg.extract.doctable import table
from kg.extract.kindnames import channel_spans, is_name_token, kind_spans
from kg.extract.missed import missed_names, short_names
from kg.extract.nerfix import NerSpan, entity_spans
from kg.extract.nested import places_in_names, places_of_bodies, without_orphan_adjectives
from kg.extract.notnames import cut, title_words
from kg.extract.parties import constituency_spans, party_spans
from kg.extract.surnames import surname_spans
from kg.extract.types import Candidate

# Candidate lives in ``types`` (the modules of places inside names read it too) and is read from
# here by the alias and reference stages.
__all__ = ["ROLE_NOUNS", "Candidate", "find_candidates", "is_acronym", "letters_fit", "span_of", "trim"]

ROLE_NOUNS = frozenset(
    [
        "ceo",
        "cfo",
        "coo",
        "chairman",
        "chairwoman",
        "chair",
        "president",
        "founder",
        "director",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "head",
        "executive",
        "boss",
    ]
)
PARTY_VOTES = 3.0  # a party is an Organization of no narrower kind
CHANNEL_VOTES = 3.0  # "VBC One" is a broadcaster
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&.-]*[A-Z&.]$|^[A-Z]{2,}$")
_NOT_ORG = frozenset({"GPE", "LOC", "FAC", "PERSON", "DATE", "NORP"})


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and bool(_ACRONYM.match(text)) and sum(c.isupper() for c in letters) >= 2


def letters_fit(acronym: str, name: str) -> bool:
    """The acronym's letters appear in order in the name, the first one starting a word."""
    letters = [c.casefold() for c in acronym if c.isalpha()]
    words = name.split()
    if not letters or not any(w[:1].casefold() == letters[0] for w in words):
        return False
    rest = iter(name.casefold())
    return all(c in rest for c in letters)


def trim(doc: Doc, start: int, end: int, caps: bool = False) -> tuple[int, int]:
    """Drop leading determiners, trailing possessives and punctuation; with ``caps``, an article
    in capitals before words in capitals is the start of a title and stays ("THE DAILY STAR")."""
    tab = table(doc)
    tokens, lower, tag = tab.tokens, tab.lower, tab.tag
    while start < end and (lower[start] in kinds.STRIP_LEADING or tokens[start].is_punct):
        if caps and tokens[start].is_upper and start + 1 < end and tokens[start + 1].is_upper:
            break
        start += 1
    while end > start and (tag[end - 1] == "POS" or tokens[end - 1].is_punct or tokens[end - 1].is_space):
        end -= 1
    return start, end


def _person_start(doc: Doc, start: int, end: int) -> int:
    """Drop a leading occupation or verb the model took into a person's name: "Composer Ana
    Quist" -> "Ana Quist", "Evaluating Quist" (a headline) -> "Quist"."""
    tab = table(doc)
    while (
        end - start > 1
        and tab.tokens[start + 1].is_alpha
        and (
            tab.lower[start] in kinds.PERSON_NOUNS
            or tab.lower[start] in ROLE_NOUNS
            or tab.pos[start] in {"VERB", "AUX"}
        )
    ):
        start += 1
    return start


def _cue_spans(doc: Doc, taken: list[bool]) -> list[tuple[int, int]]:
    """Proper nouns right before a company word or role noun: "Acme group CEO", "Acme spokesman"."""
    spans = []
    tab = table(doc)
    lower, pos = tab.lower, tab.pos
    for i, word in enumerate(lower):
        if word not in ROLE_NOUNS and word not in kinds.COMPANY_WORDS:
            continue
        if tab.tokens[i].is_title and word in kinds.COMPANY_WORDS:
            continue  # "Acme Group" is a name of its own, found by kindnames.kind_spans
        end = i
        if end > 0 and lower[end - 1] in kinds.COMPANY_WORDS and word in ROLE_NOUNS:
            end -= 1  # "Acme group CEO"
        start = end
        while start > 0 and pos[start - 1] == "PROPN" and is_name_token(tab.tokens[start - 1]):
            start -= 1
        if (start < end and not any(taken[start:end]) and start != tab.sent_start[start]) or (
            start < end and not any(taken[start:end]) and pos[start] == "PROPN"
        ):
            spans.append((start, end))
    return spans


def find_candidates(doc: Doc) -> list[Candidate]:
    tab = table(doc)
    taken = [False] * len(doc)
    cands: list[Candidate] = []
    titles = title_words(doc)

    def add(start: int, end: int, source: str, ner: str = "") -> Candidate | None:
        if ner == "PERSON":
            start = _person_start(doc, start, end)
        start, end = trim(doc, start, end, caps=source == "caps")
        kept = cut(doc, start, end, titles) if start < end else None
        if kept is None:
            return None
        start, end = kept
        if start >= end or any(taken[start:end]) or tab.lower[start] in kinds.TIME_ZONES:
            return None
        if not any(c.isupper() for c in tab.span_text(start, end)):
            return None
        for i in range(start, end):
            taken[i] = True
        cand = Candidate(start, end, source, ner)
        cands.append(cand)
        return cand

    for name in caps_names(doc):  # before spaCy's entities, which it reads badly in capitals
        cand = add(name.start, name.end, "caps")
        if cand is not None:
            cand.extra.update(name.votes)
    ents = entity_spans(doc)
    named_bodies = [b for b in bodies(doc) if add(b.start, b.end, "body", "ORG") is not None]
    covering: dict[int, list[NerSpan]] = {}  # token -> the entities over it
    for e in ents:
        for i in range(e.start, e.end):
            covering.setdefault(i, []).append(e)
    for start, end in sorted(kind_spans(doc), key=lambda s: (s[0] - s[1], s[0])):
        over = {e for i in range(start, end) for e in covering.get(i, ())}
        labels = {e.label for e in over}
        country = tab.lower[end - 1] in kinds.COUNTRY_HEADS
        if country and any(e.label == "GPE" and trim(doc, e.start, e.end) == (start, end) for e in over):
            add(start, end, "ner", "GPE")  # a country whose name ends in a kind word: "... Union"
            continue
        add(start, end, "kind", "ORG" if "ORG" in labels or not labels else sorted(labels)[0])
    for start, end in channel_spans(doc):
        cand = add(start, end, "kind", "ORG")
        if cand is not None:
            cand.extra["NewsOrganization"] = CHANNEL_VOTES
    for start, end in constituency_spans(doc):
        cand = add(start, end, "party", "GPE")
        if cand is not None:
            cand.extra["Place"] = PARTY_VOTES
    for start, end in party_spans(doc):
        cand = add(start, end, "party", "NORP")
        if cand is not None:
            cand.extra["Organization"] = PARTY_VOTES
    for ent in ents:
        if ent.label == "NORP":
            continue  # nationality adjectives are not entities on their own
        add(ent.start, ent.end, "ner", ent.label)
    for start, end in _cue_spans(doc, taken):
        add(start, end, "cue", "ORG")
    for start, end in missed_names(doc, taken):
        add(start, end, "missed")

    _add_acronyms(doc, cands, taken, add)
    _add_repeats(doc, cands, taken, add)
    for start, end in short_names(doc, [(c.start, c.end, c.ner) for c in cands], taken):
        add(start, end, "repeat", "ORG")  # "Norwind" after "Norwind Group", unlabelled by the model
    for start, end in surname_spans(doc, [(c.start, c.end) for c in cands if c.ner == "PERSON"], taken):
        add(start, end, "repeat", "PERSON")  # "Mr Orr" after "Ben Orr"
    _add_definites(doc, cands, taken)
    named = {tab.span_text(c.start, c.end) for c in cands} | {c.place for c in cands if c.place}
    named |= {kinds.COUNTRY_VARIANTS.get(tab.span_text(c.start, c.end).casefold(), "") for c in cands}
    cands.extend(nationality_mentions(doc, taken, named))  # "the French", "Russian oil giant X"
    cands.sort(key=lambda c: (c.start, c.end))
    cands.extend(places_in_names(doc, cands) + places_of_bodies(doc, named_bodies))
    cands.sort(key=lambda c: (c.start, -c.end))
    for cand in cands:
        text = tab.span_text(cand.start, cand.end).casefold()
        if cand.place is None and not cand.nested and text in kinds.COUNTRY_VARIANTS:
            cand.place = kinds.COUNTRY_VARIANTS[text]
    return without_orphan_adjectives(doc, cands)


def _add_acronyms(doc: Doc, cands: list[Candidate], taken: list[bool], add: object) -> None:
    """ "Name (ACR)" defines ACR for the name; bare ACR later is the same entity."""
    by_end = {c.end: c for c in cands}
    tab = table(doc)
    texts = tab.texts
    for i, text in enumerate(texts):
        if text != "(" or i + 2 >= len(doc) or texts[i + 2] != ")":
            continue
        tok = tab.tokens[i]
        acr = tab.tokens[i + 1]
        if not is_acronym(acr.text):
            continue
        end = tok.i
        while end > 0 and (doc[end - 1].is_space or doc[end - 1].tag_ == "POS"):
            end -= 1
        owner = by_end.get(end)
        placelike = owner is not None and (owner.ner in _NOT_ORG or "Place" in owner.extra)
        if owner is not None and placelike and not letters_fit(acr.text, doc[owner.start : owner.end].text):
            owner = None  # "TARVELLO, Ohio (AP)": a news agency after a place, not the place's acronym
        if owner is None:
            if not taken[acr.i]:
                add(acr.i, acr.i + 1, "acronym", "ORG")  # type: ignore[operator]
            continue
        if taken[acr.i]:
            for c in cands:
                if c.start == acr.i and c.end == acr.i + 1:
                    c.acronym_of = owner
            continue
        cand = add(acr.i, acr.i + 1, "acronym", "ORG")  # type: ignore[operator]
        if cand is not None:
            cand.acronym_of = owner


def _add_repeats(doc: Doc, cands: list[Candidate], taken: list[bool], add: object) -> None:
    """One sense per discourse: a name found once is a mention wherever it recurs."""
    tab = table(doc)
    texts = tab.texts
    known: dict[tuple[str, ...], str] = {}
    for c in cands:
        words = tuple(texts[c.start : c.end])
        if any(ch.isupper() for ch in "".join(words)):
            known.setdefault(words, c.ner)
    if not known:
        return
    # Only the lengths of known names starting with this word can match: trying every length up
    # to the longest name made a long document quadratic.
    lengths: dict[str, list[int]] = {}
    for k in known:
        lengths.setdefault(k[0], []).append(len(k))
    for first in lengths:
        lengths[first] = sorted(set(lengths[first]), reverse=True)
    i = 0
    while i < len(doc):
        matched = False
        if texts[i] not in lengths:
            i += 1
            continue
        for n in lengths[texts[i]]:
            if n > len(doc) - i:
                continue
            words = tuple(texts[i : i + n])
            if words in known and not any(taken[i : i + n]):
                if n == 1 and tab.lower[i] in kinds.STRIP_LEADING:
                    break
                add(i, i + n, "repeat", known[words])  # type: ignore[operator]
                i += n
                matched = True
                break
        if not matched:
            i += 1


def _add_definites(doc: Doc, cands: list[Candidate], taken: list[bool]) -> None:
    """ "the company", "the federation": a reference back, resolved in ``aliases.py``."""
    tab = table(doc)
    for i, word in enumerate(tab.lower):
        if word not in kinds.DEFINITE_NOUNS:
            continue
        tok = tab.tokens[i]
        if (
            tok.lower_ in kinds.DEFINITE_NOUNS
            and not taken[tok.i]
            and tok.i > 0
            and doc[tok.i - 1].lower_ == "the"
            and tok.dep_ != "compound"
            and not (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in {"of", "for"})
            and not any(c.dep_ in {"amod", "compound", "nmod"} and c.i < tok.i for c in tok.children)
        ):
            taken[tok.i] = True
            cands.append(Candidate(tok.i, tok.i + 1, "definite"))


def span_of(doc: Doc, cand: Candidate) -> Span:
    return doc[cand.start : cand.end]
