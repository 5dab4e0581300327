"""kg's pipeline swaps spaCy's attribute rules and lemmatizer for faster ones: a user sees the same
tags, parts of speech, morphology and lemmas as spaCy's own pipeline gives. Its NER reads only the
sentences that could hold a name or an event's date: there it finds exactly spaCy's entities;
elsewhere none (spaCy's own would find amounts and dates, which kg does not read there)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from kg.config import DEFAULT_MODEL
from kg.extract.attrrules import FastAttributeRules, UnsupportedRule, use_fast_rules
from kg.extract.lemmas import use_cached_lemmas
from kg.extract.nerscope import NAME as NEEDED_NER
from kg.extract.nerscope import use_needed_ner
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


def _ents(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.sent.text.strip()) for e in nlp(text).ents]


# Sentences with a name, then ones without: a first word the tagger and the word lists know,
# amounts and dates spaCy's NER labels but kg reads only beside an event word.
NAMED = (
    "Norwind Holdings said on Monday it had sued Kestrel Mills for $40m.\n"
    "Shares in Ana Quist's firm fell 5% in Marlow, the second fall in three weeks.\n"
)
UNNAMED = "Shares fell 5% last week, and profits rose by $3m in the second quarter.\nIt did not say why.\n"


def test_ner_reads_sentences_that_could_hold_names(nlp, spacy_own: Language) -> None:  # type: ignore[no-untyped-def]
    assert NEEDED_NER in nlp.pipe_names and "ner" not in nlp.pipe_names
    own = _ents(spacy_own, NAMED + UNNAMED)
    assert {label for _, label, _ in own} >= {"ORG", "DATE", "MONEY", "PERCENT", "GPE"}
    named = [e for e in own if e[2] in NAMED]
    assert named and _ents(nlp, NAMED + UNNAMED) == named
    assert _ents(nlp, UNNAMED) == [] != _ents(spacy_own, UNNAMED)


@pytest.mark.parametrize(
    "text",
    [
        "Irish shares fell 5% last week.",  # a people's name, first
        "Kestrel rose 5% last week.",  # a first word the tagger calls a name
        "the regulator accused it of fraud on 3 March.",  # an event word: its date is read
        "Harbour shares fell 5% last week.\nAnalysts said Harbour Group would gain.",  # named later
    ],
)
def test_some_sentences_without_a_later_capital_still_get_ner(nlp, spacy_own: Language, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _ents(nlp, text) == _ents(spacy_own, text) != []


def test_a_known_first_word_the_document_does_not_capitalise_elsewhere_gets_no_ner(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _ents(nlp, "Harbour shares fell 5% last week.\nAnalysts said it would gain.") == []


def test_pipelines_without_what_the_choice_reads_keep_spacys_ner() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    assert not use_needed_ner(nlp)
    assert nlp.pipe_names == ["ner"]
