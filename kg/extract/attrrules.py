"""spaCy's attribute ruler (tag -> part of speech, morphology and lemma exceptions) without its
Matcher: the same rules, the same order, the same result, about ten times faster.

The English pipelines map every fine tag to a coarse one with ~180 one- and two-token rules. The
Matcher tries all of them on every token through Python predicates, which cost kg a fifth of
spaCy's time. A one-token rule reads only the token's tag, lower form, dependency label and
whether it is a space, so which rules hold for a token is computed once per distinct combination
of those four and cached. Rules reading anything else keep spaCy's own component.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

NAME = "kg_attribute_rules"
CACHE_LIMIT = 200_000  # distinct (tag, lower, dep, space) keys kept; a whole corpus stays below

Key = tuple[str, str, str, bool]
Test = Callable[[Key], bool]
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ATTRS = [TAG, LOWER, DEP, IS_SPACE]


class UnsupportedRule(ValueError):
    """A rule reads an attribute or operator this implementation does not evaluate."""


def _value_test(field: int, spec: Any) -> Test:
    if not isinstance(spec, dict):
        return lambda key: key[field] == spec
    if len(spec) != 1:
        raise UnsupportedRule(f"operators {sorted(spec)}")
    ((op, arg),) = spec.items()
    if op == "IN":
        chosen = frozenset(arg)
        return lambda key: key[field] in chosen
    if op == "NOT_IN":
        barred = frozenset(arg)
        return lambda key: key[field] not in barred
    if op == "REGEX" and field != 3:
        rx = re.compile(arg)
        return lambda key: rx.search(key[field]) is not None  # type: ignore[arg-type]
    raise UnsupportedRule(f"operator {op!r}")


def _token_test(spec: dict[str, Any]) -> Test:
    tests = []
    for attr, value in spec.items():
        if attr not in _FIELDS:
            raise UnsupportedRule(f"attribute {attr!r}")
        tests.append(_value_test(_FIELDS[attr], value))
    return lambda key: all(t(key) for t in tests)


class FastAttributeRules:
    """Applies an ``AttributeRuler``'s rules as spaCy does: all matches are found on the tokens
    as they come in, then applied in the order the rules were added (later rules win)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        self.strings = ruler.vocab.strings
        self.single: list[tuple[int, Test]] = []  # (rule id, test)
        # A new key is tried only against the rules that can hold for it: those naming its tag or
        # its lower form, and the few that name neither.
        self.by_tag: dict[str, list[int]] = {}
        self.by_lower: dict[str, list[int]] = {}
        self.general: list[int] = []
        self.multi: list[tuple[int, list[Test]]] = []
        for rule_id, entry in enumerate(ruler.patterns):
            for pattern in cast(list[list[dict[str, Any]]], entry["patterns"]):
                if not isinstance(pattern, list) or not pattern:
                    raise UnsupportedRule(f"pattern {pattern!r}")
                tests = [_token_test(tok) for tok in pattern]
                if len(tests) == 1:
                    tok = pattern[0]
                    if isinstance(tok.get("TAG"), str):
                        self.by_tag.setdefault(tok["TAG"], []).append(len(self.single))
                    elif isinstance(tok.get("LOWER"), str):
                        self.by_lower.setdefault(tok["LOWER"], []).append(len(self.single))
                    else:
                        self.general.append(len(self.single))
                    self.single.append((rule_id, tests[0]))
                else:
                    self.multi.append((rule_id, tests))
        self._cache: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[int, ...]]] = {}

    def _rules_for(self, ids: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The one-token rules that hold for a token, and the longer ones it can start."""
        found = self._cache.get(ids)
        if found is None:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            key = self._key(ids)
            tried = self.by_tag.get(key[0], []) + self.by_lower.get(key[1], []) + self.general
            ones = tuple(sorted({self.single[s][0] for s in tried if self.single[s][1](key)}))
            starts = tuple(m for m, (_, tests) in enumerate(self.multi) if tests[0](key))
            found = self._cache[ids] = (ones, starts)
        return found

    def _key(self, ids: tuple[int, ...]) -> Key:
        tag, lower, dep, space = ids
        return (self.strings[tag], self.strings[lower], self.strings[dep], bool(space))

    def __call__(self, doc: Doc) -> Doc:
        rows = [tuple(r) for r in doc.to_array(_ATTRS).tolist()]  # no Token objects: the cost
        matches: list[tuple[int, int, int]] = []  # (rule id, start, end), as spaCy sorts them
        for i, ids in enumerate(rows):
            ones, starts = self._rules_for(ids)
            for rule_id in ones:
                matches.append((rule_id, i, i + 1))
            for m in starts:
                rule_id, tests = self.multi[m]
                n = len(tests)
                if i + n <= len(rows) and all(tests[j](self._key(rows[i + j])) for j in range(1, n)):
                    matches.append((rule_id, i, i + n))
        matches.sort()
        for rule_id, start, end in matches:
            index = self.indices[rule_id]
            set_token_attrs(doc[range(start, end)[index]], self.attrs[rule_id])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(NAME, requires=["token.tag"], assigns=["token.pos", "token.morph", "token.lemma"])
def make_fast_rules(nlp: Language, name: str) -> FastAttributeRules:
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        raise UnsupportedRule(f"attribute_ruler is a {type(ruler).__name__}")
    return FastAttributeRules(ruler)


def use_fast_rules(nlp: Language) -> bool:
    """Put the fast rules in place of the pipeline's attribute ruler; False (and spaCy's own
    component left in place) where a rule reads something they do not evaluate."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        nlp.add_pipe(NAME, after="attribute_ruler")
    except UnsupportedRule:
        return False
    nlp.disable_pipe("attribute_ruler")
    return True


__all__ = ["NAME", "FastAttributeRules", "UnsupportedRule", "use_fast_rules"]
