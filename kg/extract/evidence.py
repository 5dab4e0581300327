"""Evidence for the class of each candidate mention, from its name and its context.

Each cue votes for a class with a weight; the votes of all mentions of one entity are summed
(see ``aliases.py``). spaCy's label is one weak vote among others, because the small model
often calls a company a person or a place; words of the name and of the context are stronger.
"""

from __future__ import annotations

import math
from collections import defaultdict

from spacy.tokens import Doc, Token

from kg.extract import cues, kinds
from kg.extract.classcues import class_votes
from kg.extract.doctable import DocTable, table
from kg.extract.kindnames import BROADCAST_WORDS, station_end
from kg.extract.mentions import ROLE_NOUNS, Candidate, is_acronym
from kg.extract.peoplecues import person_place_votes

NER_VOTES = {
    "ORG": ("Organization", 1.0),
    "PERSON": ("Person", 1.0),
    "GPE": ("Place", 1.0),
    "LOC": ("Place", 1.0),
    "FAC": ("Place", 0.5),
    "PRODUCT": ("Brand", 0.5),
}
NER_PREFIX = "ner:"  # votes from spaCy's label are kept apart: they count sublinearly per entity
NER_ORGANIZATION = NER_PREFIX + "Organization"
# Cues that a name is some organization, of whatever kind ("Acme CEO", "which"); only cues of
# the class itself (a party, a university) vote "Organization" as the class to give.
SOME_ORGANIZATION = "some:Organization"
# Verbs whose subject is usually a business.
COMPANY_VERBS = frozenset(
    [
        "sell",
        "manufacture",
        "produce",
        "ship",
        "acquire",
        "merge",
        "list",
        "operate",
        "hire",
        "employ",
        "export",
        "import",
        "retail",
        "trade",
        "stock",
    ]
)
Votes = defaultdict[str, float]  # class (or "ner:" + class) -> weight
PLACE_LABELS = frozenset({"GPE", "LOC"})
ORG_FAMILY = ("Organization", "Company", "TradeAssociation", "GovernmentAgency", "NewsOrganization")


def _head_word_votes(doc: Doc, cand: Candidate, votes: Votes) -> None:
    words = table(doc).lower[cand.start : cand.end]
    # a station after a broadcaster's word is no head: "Veltra Radio 4", "Veltra Radio Marlow"
    station = next((i for i, w in enumerate(words[:-1]) if w in BROADCAST_WORDS), None)
    if station is not None and station_end(doc, cand.start + station + 1) == cand.end:
        words = words[: station + 1]
    last = words[-1]
    if len(words) >= 2 and (last in kinds.PLACE_WORDS or words[0] in kinds.PLACE_PREFIXES):
        votes["Place"] += 3  # "Marlow County", "Fort Quist"
        return
    if len(words) >= 2 and last in cues.FACILITY_WORDS:
        votes["Place"] += 3  # "the Rocky Creek Plant", "Dovrel Stadium"
        return
    if cand.ner == "GPE" and cand.source == "ner":
        return  # spaCy read the whole name as a country or state: "Union" in a country's name
    # "Ministry of Trade", "Alliance for Rare Diseases", "League Against Harbour Dredging": the kind
    # word is the head before the preposition
    preps = [i for i, w in enumerate(words) if w in {"of", "for", "against"} and i > 0]
    head = words[preps[0] - 1] if preps else last
    for word in {head, last}:
        if word in kinds.TRADE_ASSOCIATION_WORDS:
            votes["TradeAssociation"] += 3
        elif word in kinds.GOVERNMENT_WORDS:
            votes["GovernmentAgency"] += 3
        elif word in kinds.COMPANY_WORDS:
            votes["Company"] += 3
        elif word in kinds.ORGANIZATION_WORDS:
            votes["Organization"] += 3
    if last in kinds.NEWS_WORDS or head in kinds.NEWS_WORDS:
        votes["NewsOrganization"] += 2  # "the Marlow Herald", "News of the Week"


def _context_votes(doc: Doc, cand: Candidate, votes: Votes) -> None:
    # Read from the table's lists by index: a Token's string attributes are decoded anew on
    # every access, and ``doc[i]`` makes a new Token.
    start, end = cand.start, cand.end
    tab = table(doc)
    n = len(tab.tokens)
    lower, tag, texts = tab.lower, tab.tag, tab.texts
    nxt = end if end < n else None
    prev = start - 1 if start > 0 else None
    if nxt is not None:
        word = lower[nxt]
        if word in kinds.BRAND_NOUNS:
            votes["Brand"] += 3  # "the Veltra brand"
        elif word in kinds.COMPANY_WORDS or word in kinds.COMPANY_NOUNS:
            # "Acme group", "Acme shares"; but "a leading Marlow bank" is a bank in Marlow
            if not (
                cand.ner in PLACE_LABELS
                and prev is not None
                and (lower[prev] in {"a", "an"} or tag[prev] in {"JJ", "VBG"})
            ):
                votes["Company"] += 2
        elif (word in ROLE_NOUNS and not tab.tokens[nxt].is_title) or texts[nxt] in {"CEO", "CFO", "COO"}:
            if cand.ner not in PLACE_LABELS or texts[nxt] in {"CEO", "CFO", "COO"}:
                votes[SOME_ORGANIZATION] += 2  # "Acme CEO Jane Roe" (a country has spokesmen too)
        elif tag[nxt] == "POS" and end + 1 < n:
            after = lower[end + 1]
            if after in kinds.COMPANY_NOUNS or (after in ROLE_NOUNS and cand.ner != "GPE"):
                votes["Company"] += 2  # "Acme's management", "Acme's chairman" (a country has chiefs too)
        elif tab.lemma[nxt] in cues.PLACE_HEAD_NOUNS and not tab.tokens[nxt].is_title:
            votes["Place"] += 2  # "the Marlow settlement", "Quist and Dover parishes"
    if (
        prev is not None
        and lower[prev] == "of"
        and start >= 2
        and lower[start - 2] in kinds.COMPANY_WORDS
        and texts[start - 2][:1].isupper()
    ):
        votes["Place"] += 3  # "Acme Co. of Marlow": where the company is
    if nxt is not None and texts[nxt] == "," and _place_follows(doc, end + 1):
        votes["Place"] += 2  # "Marlow, Kestria": a town and the state or country it is in
    if nxt is not None and texts[nxt] == "," and end + 2 < n:
        age = tab.tokens[end + 1]
        if age.is_digit and 0 < int(texts[end + 1]) < 120 and texts[end + 2] in {",", "."}:
            votes["Person"] += 3  # "Ana Quist, 53, ..."
    if prev is not None:
        if lower[prev] in kinds.BRAND_NOUNS:
            votes["Brand"] += 3  # "the brand Veltra"
        elif lower[prev] in kinds.PERSON_TITLES or lower[prev] in cues.MORE_PERSON_TITLES:
            votes["Person"] += 3
    person_place_votes(doc, cand.start, cand.end, votes)
    root = tab.span_root(start, end)
    _syntax_votes(root, votes, cand.ner)
    # "According to the newsletter, CNN and ...": sources named after "according to"
    window = range(max(tab.sent_start[start], start - 8), start)
    after_according = any(lower[i] == "according" for i in window) and not any(
        tab.pos[i] in {"VERB", "AUX"} for i in window[1:]
    )
    modifier = tab.dep[root.i] in {"compound", "amod", "nmod"}  # "one Marlow trader"
    if after_according and not modifier and not (nxt is not None and tag[nxt] == "POS"):
        votes["NewsOrganization"] += 1.5


def _place_follows(doc: Doc, i: int) -> bool:
    """A name the model calls a country or state starts at token i and closes the phrase (it is
    not a town followed by its own state)."""
    if i >= len(doc) or doc[i].ent_iob_ != "B" or doc[i].ent_type_ != "GPE":
        return False
    k = i + 1
    while k < len(doc) and doc[k].ent_iob_ == "I":
        k += 1
    if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].ent_type_ == "GPE":
        return False  # "Acme Realty, West Hartford, Conn.": the name before a town and its state
    return k == len(doc) or doc[k].text in {",", ".", ";", ":", ")", "("} or doc[k].is_space


_PLACE_LABELS = frozenset({"GPE", "LOC"})
_OTHER_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "NORP"})


def _lists(tab: DocTable) -> dict[int, tuple[frozenset[int], int, int]]:
    """Per Doc table: the first item of each list -> (its items, how many places, how many others)."""
    return {}


def _list_kinds(root: Token) -> tuple[int, int, bool]:
    """The other items of the list ``root`` is in (``root.conjuncts``): how many, how many the
    model calls places, and whether it calls one a person, organization, product or people;
    counted once per list, not once per item (a list may have thousands)."""
    tab = table(root.doc)
    lists = tab.memo(_lists)
    first = tab.list_start[root.i]
    found = lists.get(first)
    if found is None:
        items = tab.conjuncts(root.i)
        labels = [tab.tokens[i].ent_type_ for i in items]
        places = sum(label in _PLACE_LABELS for label in labels)
        others = sum(label in _OTHER_LABELS for label in labels)
        found = lists[first] = (frozenset(items), places, others)
    items_, places, others = found
    if root.i not in items_:
        return len(items_), places, others > 0
    mine = root.ent_type_
    return len(items_) - 1, places - (mine in _PLACE_LABELS), others - (mine in _OTHER_LABELS) > 0


def _syntax_votes(root: Token, votes: Votes, ner: str = "") -> None:
    # by index into the table, as in ``_context_votes`` (``token.children`` scans the subtree)
    tab = table(root.doc)
    tokens, lower, dep, head, kids = tab.tokens, tab.lower, tab.dep, tab.head, tab.kids
    r = root.i
    for c in kids[r]:
        if dep[c] == "relcl":
            rel = {t.lower_ for t in tokens[c].subtree if t.tag_ in {"WDT", "WP", "WP$"}}
            if "who" in rel or "whom" in rel:
                votes["Person"] += 2
            elif "which" in rel:
                votes[SOME_ORGANIZATION] += 0.5  # people are "who", organizations "which"
        elif dep[c] == "appos":
            noun = tab.lemma[c]
            if noun in kinds.COMPANY_NOUNS:
                votes["Company"] += 2
            elif noun in kinds.BRAND_NOUNS:
                votes["Brand"] += 2
            elif tokens[c].ent_type_ == "" and (noun in kinds.PERSON_NOUNS or noun in ROLE_NOUNS):
                votes["Person"] += 2  # "Quist, a designer, ...", "Quist, president of ..."
            elif tokens[c].ent_type_ == "" and (noun in kinds.PLACE_NOUNS or noun in kinds.PLACE_WORDS):
                votes["Place"] += 2  # "Marlow, the region's second-largest city"
    h = head[r]
    if dep[r] == "pobj" and lower[h] in kinds.PLACE_PREPOSITIONS:
        votes["Place"] += 1.5  # "in Marlow", "near Marlow"
    elif dep[r] == "pobj" and lower[h] == "of" and lower[head[h]] in kinds.DIRECTIONS:
        votes["Place"] += 3  # "70 miles northeast of Marlow"
    if dep[r] == "pobj" and lower[h] == "to" and lower[head[h]] == "according":
        votes["NewsOrganization"] += 1.5
    if dep[r] == "conj":
        first = tab.list_start[h]
        if dep[first] == "pobj" and lower[head[first]] == "to" and lower[head[head[first]]] == "according":
            votes["NewsOrganization"] += 1.5
    verb = tokens[h].lemma_
    if dep[r] == "nsubj" and verb in kinds.REPORTING_VERBS:
        # but a company reports its results: "Acme reported higher sales"
        results = any(
            dep[c] == "dobj" and (tokens[c].lemma_ in kinds.RESULTS_NOUNS or lower[c] in kinds.RESULTS_NOUNS)
            for c in kids[h]
        )
        votes["Company" if results else "NewsOrganization"] += 1
    if dep[r] == "nsubj" and verb in COMPANY_VERBS and not (ner == "GPE" and verb in cues.COUNTRY_VERBS):
        votes["Company"] += 1
    listed = tab.list_start[r]  # the first item of the list the name is in (itself if none)
    # "the assassination of Quist", "the murder of Quist and Roe": the victim is a person
    of = head[listed]
    if dep[listed] == "pobj" and lower[of] == "of" and tab.lemma[head[of]] in cues.VIOLENCE_NOUNS:
        votes["Person"] += 2
    # "Marlow, Dover and Quist": a name listed with names the model calls places (two at least,
    # and most of the list: one is too often a product or a person the model took for a place)
    conj, places, others = _list_kinds(root)
    if ner not in {"GPE", "LOC"} and places >= 2 and 2 * places >= conj and not others:
        votes["Place"] += 1.5
    # "These brands include A, B and C": the listed names are brands
    if dep[listed] == "dobj" and tokens[head[listed]].lemma_ == "include":
        subjects = [c for c in kids[head[listed]] if dep[c] == "nsubj"]
        if subjects and lower[subjects[0]] in kinds.BRAND_NOUNS:
            votes["Brand"] += 2


def votes_for(doc: Doc, cand: Candidate) -> Votes:
    votes: Votes = defaultdict(float)
    if cand.source == "definite":
        return votes  # "the company" says nothing about the name it refers to
    if cand.place is not None:
        votes["Place"] += 3
        return votes
    for key, weight in cand.extra.items():
        votes[key] += weight
    if cand.ner in NER_VOTES:
        cls, weight = NER_VOTES[cand.ner]
        if cand.ner == "PERSON" and cand.end - cand.start >= 2:
            weight = 2.0  # the small model is reliable on full personal names
        votes[NER_PREFIX + cls] += weight
    if cand.source == "kind" or cand.source == "cue":
        votes[SOME_ORGANIZATION] += 1
    if cand.source == "acronym" or (
        is_acronym(table(doc).span_text(cand.start, cand.end)) and cand.ner != "PERSON"
    ):
        votes[SOME_ORGANIZATION] += 0.5
    _head_word_votes(doc, cand, votes)
    _context_votes(doc, cand, votes)
    class_votes(doc, cand.start, cand.end, cand.ner, votes)
    return votes


def combine(votes: Votes, single_word: bool) -> Votes:
    """Cue votes count fully; spaCy's votes for a class count 1 + log2(total), so that many
    identical guesses of the small model do not outweigh what the words around the name say.
    A single-word name that only spaCy calls a person is not one when any cue says otherwise."""
    out: Votes = defaultdict(float)
    for key, value in votes.items():
        if key.startswith(NER_PREFIX):
            # spaCy's ORG says "some organization": it stays apart from the cues for the class
            # Organization proper (a party, a university), which only words of English give
            cls = key[len(NER_PREFIX) :]
            out[NER_ORGANIZATION if cls == "Organization" else cls] += (
                value if value <= 1 else 1 + math.log2(value)
            )
        else:
            out[key] += value
    if (
        single_word
        and votes["Person"] == 0
        and any(votes[k] > 0 for k in ("Brand", "Place", SOME_ORGANIZATION, *ORG_FAMILY))
    ):
        out["Person"] = 0
    return out


def decide(votes: Votes) -> str:
    """The most specific class the votes support; organizations without a sub-kind are Companies."""
    if not votes:
        return "Company"
    org = sum(votes[c] for c in ORG_FAMILY) + votes[NER_ORGANIZATION] + votes[SOME_ORGANIZATION]
    top = {"Organization": org, "Person": votes["Person"], "Place": votes["Place"], "Brand": votes["Brand"]}
    best = max(sorted(top), key=lambda k: top[k])
    if best != "Organization":
        return best
    subs = {c: votes[c] for c in ORG_FAMILY[1:] if votes[c] > 0}
    if not subs:
        return "Organization" if votes["Organization"] >= 3 else "Company"  # a party, a university
    return max(sorted(subs), key=lambda k: subs[k])
