"""Relations the rules find between mentions given by their text, for tests of relation rules
on sentences written for the purpose (the mention layer is tested on its own)."""

from __future__ import annotations

import re

from spacy.language import Language

from kg.extract.relations import find_relations
from kg.extract.types import MentionSpan

# (text, class) or (text, class, text of the same entity): every occurrence of a text is a mention
Named = list[tuple[str, ...]]


def rule_relations(nlp: Language, text: str, named: Named) -> set[tuple[str, str, str]]:
    """The rules' relations between the named mentions, as (head text, property, tail text)."""
    doc = nlp(text)
    spans: list[tuple[int, int, str, int]] = []
    keys = {entry[0]: k for k, entry in enumerate(named)}
    for entry in named:
        name, type_ = entry[0], entry[1]
        key = keys[entry[2]] if len(entry) > 2 else keys[name]
        for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", doc.text):
            span = doc.char_span(found.start(), found.end())
            assert span is not None, name
            spans.append((span.start, span.end, type_, key))
    mentions = [MentionSpan(s, e, t, k) for s, e, t, k in sorted(spans, key=lambda x: (x[0], -x[1]))]
    hits = find_relations(doc, mentions, model=None, event_model=None)
    text_of = {k: entry[0] for k, entry in enumerate(named)}
    return {(text_of[mentions[h.head].key], h.type, text_of[mentions[h.tail].key]) for h in hits}
