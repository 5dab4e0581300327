"""spaCy's NER only over the sentences that could hold a name kg reads from it.

NER was half of spaCy's time in kg's pipeline, and it read every sentence. kg reads from it the
labels of names (people, organisations, places, products, peoples, languages: written with a
capital letter in English) and, in a sentence with an event word, a DATE. A sentence holds none
of these in practice if it has no event word and no capital letter except on its first word,
where that word is a stop word or a known lower-case word (the lemmatizer's word lists) that
the tagger does not call a proper noun, that names no people ("Irish") and that the document
does not capitalise inside a sentence ("Harbor shares rose" beside "Harbor Bancorp said"). Such a
sentence is not shown to the NER.

The needed sentences go to spaCy's own NER together with ``CONTEXT`` real tokens either side
(the NER's token vectors see four tokens each way: a window-1 CNN four layers deep), copied
into one smaller ``Doc`` with the same words, spaces, norms and sentence starts; the entities
found on the needed sentences are copied back. The NER never carries an entity across a
sentence start, so a needed sentence gets exactly the entities it gets in the whole document;
every other token is "outside" any entity, as the NER leaves a token in which it found none.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import cast

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LOWER, NORM, ORTH, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from kg.extract.details import TRIGGERS
from kg.extract.kinds import DEMONYMS

NAME = "kg_needed_ner"
CONTEXT = 4
PROPER_TAGS = frozenset({"NNP", "NNPS"})
EVENT_WORDS = frozenset().union(*TRIGGERS.values())
CACHE_LIMIT = 500_000  # distinct words whose capitals are remembered
_ATTRS = [ORTH, LOWER, LEMMA, TAG, SENT_START, IS_STOP, IS_SPACE, IS_PUNCT]
PEOPLES = frozenset(d.casefold() for d in DEMONYMS)  # "Irish shares rose": a NORP, first


def known_words(nlp: Language) -> frozenset[str]:
    """Lower-case English words the pipeline knows: its lemmatizer's word lists and exceptions
    (empty where it has none, so that only stop words count as known)."""
    if "lemmatizer" not in nlp.component_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None:
        return frozenset()
    words: set[str] = set()
    for value in lookups.get_table("lemma_index", {}).values():
        words.update(value)  # per part of speech: the words it knows
    for value in lookups.get_table("lemma_exc", {}).values():
        words.update(value)  # irregular forms ...
        words.update(w for forms in value.values() for w in forms)  # ... and their lemmas
    return frozenset(w for w in words if w.isalpha() and w.islower())


class NeededNer:
    """spaCy's NER component, run only over the needed sentences of each document."""

    def __init__(self, ner: EntityRecognizer, known: frozenset[str]) -> None:
        self.ner = ner
        # spaCy 3.8's greedy NER loop takes and drops the GIL in the validity check of every
        # candidate move (StateC::safe_get): a third or more of its time. Its beam search with a
        # beam of one is the same search run holding the GIL: the same entities (every one of
        # 1,622 BBC, news-events and Reuters documents), in half the time.
        self.beam_of_one = ner.cfg.get("beam_width", 1) == 1 and hasattr(ner, "beam_parse")
        self.known = frozenset(get_string_id(w) for w in known)
        self.events = frozenset(get_string_id(w) for w in EVENT_WORDS)
        self.peoples = frozenset(get_string_id(w) for w in PEOPLES)
        self.proper = frozenset(get_string_id(t) for t in PROPER_TAGS)
        self._capital: dict[int, bool] = {}  # word -> has a capital letter

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            parts = [self._part(doc) for doc in batch]
            self._recognise([sub for sub, _, _ in parts if len(sub)])
            for doc, (sub, index, needed) in zip(batch, parts, strict=True):
                ents = []
                for ent in sub.ents:
                    start, end = index[ent.start], index[ent.end - 1] + 1
                    if needed[start:end].any():  # not only on context tokens
                        ents.append(Span(doc, start, end, ent.label))
                doc.set_ents(ents, default="outside")
                yield doc

    def _recognise(self, docs: list[Doc]) -> None:
        if not docs:
            return
        if self.beam_of_one:
            self.ner.set_annotations(docs, self.ner.beam_parse(docs, beam_width=1))
        else:
            self.ner.set_annotations(docs, self.ner.predict(docs))

    def needed(self, doc: Doc) -> numpy.ndarray:
        """A mask of the tokens in sentences that could hold a name or an event's date."""
        rows = doc.to_array(_ATTRS).tolist()
        sents: list[list[int]] = []  # start, end, needed, a capitalised known first word
        named: set[int] = set()  # words this document capitalises inside a sentence
        first = True
        for i, (orth, lower, lemma, tag, sent_start, stop, space, punct) in enumerate(rows):
            if sent_start == 1 or not sents:
                sents.append([i, i, 0, 0])
                first = True
            sent = sents[-1]
            sent[1] = i + 1
            if space or punct:
                continue
            if lemma in self.events or lower in self.events:
                sent[2] = 1
            if self._has_capital(orth, doc):
                if not first:
                    named.add(orth)
                    sent[2] = 1
                elif self._a_name(lower, lemma, tag, stop):
                    sent[2] = 1
                elif not stop:
                    sent[3] = orth  # "Harbor shares rose", if "Harbor" is capitalised elsewhere
            first = False
        needed = numpy.zeros(len(rows), dtype=bool)
        for start, end, need, opener in sents:
            if need or opener in named:
                needed[start:end] = True
        return needed

    def _a_name(self, lower: int, lemma: int, tag: int, stop: int) -> bool:
        """Could a sentence's capitalised first word be a name? Not a stop word or a known
        lower-case word that the tagger does not call a proper noun and that names no people."""
        if tag in self.proper or lower in self.peoples or lemma in self.peoples:
            return True
        return not (stop or lower in self.known or lemma in self.known)

    def _has_capital(self, orth: int, doc: Doc) -> bool:
        found = self._capital.get(orth)
        if found is None:
            if len(self._capital) >= CACHE_LIMIT:
                self._capital.clear()
            found = self._capital[orth] = any(c.isupper() for c in doc.vocab.strings[orth])
        return found

    def _part(self, doc: Doc) -> tuple[Doc, numpy.ndarray, numpy.ndarray]:
        """The needed sentences with ``CONTEXT`` tokens either side, as one smaller ``Doc``;
        the document's token for each of its tokens; the needed mask."""
        needed = self.needed(doc)
        near = needed.copy()
        for k in range(1, CONTEXT + 1):
            near[k:] |= needed[:-k]
            near[:-k] |= needed[k:]
        index = numpy.flatnonzero(near)
        rows = doc.to_array([ORTH, SPACY, NORM, SENT_START])[index]
        # NER keeps an entity inside a sentence; a part's first token also starts one, so that
        # nothing joins across a gap
        starts = rows[:, 3] == 1
        if len(index):
            starts[0] = True
            starts[1:] |= numpy.diff(index) != 1
        strings = doc.vocab.strings
        sub = Doc(
            doc.vocab,
            words=[strings[o] for o in rows[:, 0].tolist()],
            spaces=rows[:, 1].astype(bool).tolist(),
            sent_starts=starts.tolist(),
        )
        if len(index):  # tokenizer exceptions ("n't" -> "not") set a token's own norm
            sub.from_array([NORM], cast(Ints2d, numpy.ascontiguousarray(rows[:, 2:3])))
        return sub, index, needed


@Language.factory(
    NAME, requires=["token.tag", "token.lemma"], assigns=["doc.ents", "token.ent_iob", "token.ent_type"]
)
def make_needed_ner(nlp: Language, name: str) -> NeededNer:
    ner = nlp.get_pipe("ner")
    assert isinstance(ner, EntityRecognizer)
    return NeededNer(ner, known_words(nlp))


def use_needed_ner(nlp: Language) -> bool:
    """Put the needed-sentence NER in place of spaCy's NER; False (all left as it is) where the
    pipeline lacks what the choice reads (sentences from a parser, tags, lemmas, all before the
    NER) or its NER listens to a shared layer, which a part of a document cannot feed."""
    names = nlp.pipe_names
    lemmas = next((n for n in ("kg_lemmas", "lemmatizer") if n in names), None)
    if "ner" not in names or lemmas is None or not {"parser", "tagger"} <= set(names):
        return False
    if names.index("ner") < max(names.index(n) for n in ("parser", "tagger", lemmas)):
        return False
    ner = nlp.get_pipe("ner")
    if not isinstance(ner, EntityRecognizer) or any("listener" in n.name for n in ner.model.walk()):
        return False
    nlp.add_pipe(NAME, after="ner")
    nlp.disable_pipe("ner")
    return True
