"""Loading spaCy pipelines: lazily, once per name, with errors that list the valid choices."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ModelError
from kg.extract.attrrules import use_fast_rules
from kg.extract.lemmas import use_cached_lemmas
from kg.extract.nerscope import use_needed_ner

REQUIRED = ("parser", "ner")
LINE_BREAKS = "kg_line_breaks"


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """A line break that survived text preparation ends a sentence: a headline, a paragraph,
    a list item. (Breaks inside a sentence were joined by ``kg.io.clean.prepare_text``.)"""
    for tok in doc[:-1]:
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            doc[tok.i + 1].is_sent_start = True
    return doc


def installed_pipelines() -> list[str]:
    return sorted(spacy.util.get_installed_models())


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load an installed spaCy pipeline (package name or path) that has a parser and NER.

    Its attribute rules and rule lemmatizer are swapped for faster equivalents that give the
    same tokens (``attrrules``, ``lemmas``); a third of spaCy's time went to them. Its NER reads
    only the sentences that could hold a name kg reads from it (``nerscope``)."""
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        choices = ", ".join(installed_pipelines()) or "none"
        raise ModelError(
            f"cannot load spaCy pipeline {name!r} ({str(exc).splitlines()[0][:120]}); "
            f"installed pipelines: {choices}"
        ) from None
    missing = [c for c in REQUIRED if c not in nlp.pipe_names]
    if missing:
        raise ModelError(
            f"spaCy pipeline {name!r} lacks {', '.join(missing)}; kg needs {', '.join(REQUIRED)} "
            f"(it has: {', '.join(nlp.pipe_names)})"
        )
    if LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    use_fast_rules(nlp)
    use_cached_lemmas(nlp)
    use_needed_ner(nlp)
    return nlp


def pipeline_version(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
