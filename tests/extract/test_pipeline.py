"""kg's pipeline swaps spaCy's attribute rules and lemmatizer for faster ones: a user sees the same
tags, parts of speech, morphology and lemmas as spaCy's own pipeline gives."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from kg.config import DEFAULT_MODEL
from kg.extract.attrrules import FastAttributeRules, UnsupportedRule, use_fast_rules
from kg.extract.lemmas import use_cached_lemmas
from kg.extract.pipeline import LINE_BREAKS

# Invented text reaching the rules that read more than a tag: auxiliaries, "there is", "gonna",
# "ain't", "y'all", contractions, pronoun cases, subordinators, spaces and line breaks.
TEXTS = [
    "Norwind Holdings said it had sued Kestrel Mills, which didn't comment.\n\nThey're gonna appeal.",
    "There were two bids, and y'all know it ain't over: I told you so because it's late.",
    "Ana Quist   gets what she got; she'd have done it if the board had let 'em.\n- Marlow, Tuesday",
    "THE DAILY STAR reported that the chairmen were meeting. Whatever that is, who knows?",
]


@pytest.fixture(scope="module")
def spacy_own() -> Language:
    own = spacy.load(DEFAULT_MODEL)
    own.add_pipe(LINE_BREAKS, before="parser")
    return own


def _tokens(nlp: Language, text: str) -> list[tuple[str, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i), str(t.is_sent_start))
        for t in nlp(text)
    ]


@pytest.mark.parametrize("text", TEXTS)
def test_same_tokens_as_spacy(nlp, spacy_own: Language, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "kg_attribute_rules" in nlp.pipe_names and "kg_lemmas" in nlp.pipe_names
    assert _tokens(nlp, text) == _tokens(spacy_own, text)


def test_rules_they_cannot_read_keep_spacys_component() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"TAG": "NNP"}]], {"POS": "PROPN"})
    FastAttributeRules(ruler)  # tags are read
    ruler.add([[{"SHAPE": "Xxxx"}]], {"POS": "PROPN"})
    with pytest.raises(UnsupportedRule, match="SHAPE"):
        FastAttributeRules(ruler)
    assert not use_fast_rules(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]


def test_lookup_lemmatizers_are_left_alone() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not use_cached_lemmas(nlp)
    assert nlp.pipe_names == ["lemmatizer"]
