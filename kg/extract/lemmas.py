"""spaCy's rule lemmatizer, with its answer cached per (word, part of speech, morphology).

The rule lemmatizer's answer depends on nothing else, but spaCy asks it token by token through
``Token`` objects, which cost more than the rules. Here a document's words are read as one array,
only a combination not seen before goes to spaCy's lemmatizer, and the lemmas are written back in
one call: the same lemmas, several times faster.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from thinc.types import Ints2d

NAME = "kg_lemmas"
CACHE_LIMIT = 500_000  # distinct (word, pos, morphology) kept
_ATTRS = [ORTH, POS, MORPH, LEMMA]


class CachedLemmas:
    """Lemmas from a rule ``Lemmatizer``, asked once per distinct word, pos and morphology."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(_ATTRS)
        overwrite = self.lemmatizer.overwrite
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue  # set by the attribute rules, as spaCy's own component leaves it
            key = (orth, pos, morph)
            found = self._cache.get(key)
            if found is None:
                if len(self._cache) >= CACHE_LIMIT:
                    self._cache.clear()
                found = self._cache[key] = self.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], cast(Ints2d, numpy.asarray(lemmas, dtype="uint64").reshape(-1, 1)))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(NAME, requires=["token.pos"], assigns=["token.lemma"])
def make_cached_lemmas(nlp: Language, name: str) -> CachedLemmas:
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return CachedLemmas(lemmatizer)


def use_cached_lemmas(nlp: Language) -> bool:
    """Put the cached lemmas in place of a rule lemmatizer; False where the pipeline's lemmatizer
    is another kind (a lookup table, a trained model), which is left as it is."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return False
    # spaCy's rules test each candidate form against a list of known words of that part of
    # speech, in a linear scan that made the rule lemmatizer cost a tenth of the pipeline; the
    # same words as sets give the same answers.
    index = lemmatizer.lookups.get_table("lemma_index", {})
    for pos, words in list(index.items()):
        if isinstance(words, list):
            index[pos] = frozenset(words)
    nlp.add_pipe(NAME, after="lemmatizer")
    nlp.disable_pipe("lemmatizer")
    return True
