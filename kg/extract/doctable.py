"""What the rules read of a parsed Doc, read once per Doc.

spaCy builds a new object on every access: ``doc[i]`` a Token, ``token.sent`` a Span found by
walking the sentence starts, ``doc.sents`` every sentence again, ``doc.text`` the whole text, and
``token.lemma_`` or ``token.pos_`` decodes a string. The rules ask the same questions of the same
tokens many times over (every rule family walks every sentence), so a Doc's tokens, sentences and
the strings the rules compare are kept here as plain lists, indexed by token.

The table is built on first use and kept in ``doc.user_data`` until :func:`release`; a Doc must
not change (sentences, entities) while its table is in use.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any, TypeVar, cast

from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token

_KEY = "kg.doctable"
T = TypeVar("T")


class Memos:
    """Values a rule module works out once per object (a Doc's table, a relation context) and
    keeps on it, so that they go when it goes: ``obj.memo(make)`` is ``make(obj)``, computed on
    the first call with that ``make``."""

    def memo(self, make: Callable[[Any], T]) -> T:
        memos: dict[Callable[[Any], Any], Any] = self.__dict__.setdefault("_memos", {})
        if make not in memos:
            memos[make] = make(self)
        return cast(T, memos[make])


class DocTable(Memos):
    """Plain lists over one Doc's tokens (index ``i`` is ``doc[i]``) and its sentences."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        self.sents: list[Span] = list(doc.sents)
        self._span_texts: dict[tuple[int, int], str] = {}
        self._span_roots: dict[tuple[int, int], Token] = {}
        self._surfaces: dict[tuple[int, int], str] = {}
        n = len(self.tokens)
        self.sent_index = [0] * n  # the sentence of each token, into ``sents``
        self.sent_start = [0] * n  # token bounds of each token's sentence
        self.sent_end = [0] * n
        for k, sent in enumerate(self.sents):
            start, end = sent.start, sent.end
            for i in range(start, end):
                self.sent_index[i] = k
                self.sent_start[i] = start
                self.sent_end[i] = end

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``, built once per span: the text from its first token to the end
        of its last (a span's text is its tokens' with their trailing blanks, less the last's)."""
        key = (start, end)
        found = self._span_texts.get(key)
        if found is None:
            if start < end <= len(self.tokens):
                found = self.text[self.idx[start] : self.idx[end - 1] + len(self.texts[end - 1])]
            else:
                found = self.doc[start:end].text
            self._span_texts[key] = found
        return found

    def surface(self, start: int, end: int) -> str:
        """A span's text with its blanks collapsed to single spaces, built once per span."""
        key = (start, end)
        found = self._surfaces.get(key)
        if found is None:
            found = self._surfaces[key] = " ".join(self.span_text(start, end).split())
        return found

    def span_root(self, start: int, end: int) -> Token:
        """``doc[start:end].root``, found once per span."""
        key = (start, end)
        found = self._span_roots.get(key)
        if found is None:
            found = self._span_roots[key] = self._root(start, end)
        return found

    def _root(self, start: int, end: int) -> Token:
        # spaCy returns a sentence root inside the span, else of the tokens whose head lies
        # outside, the one nearest the sentence root, counting the steps up for each: thousands
        # in a list of thousands of names. One token with its head outside needs no count.
        head = self.head
        for i in range(start, end):
            if head[i] == i:
                return self.tokens[i]
        outside = [i for i in range(start, end) if not start <= head[i] < end]
        if len(outside) == 1:
            return self.tokens[outside[0]]
        return self.doc[start:end].root

    def sent(self, i: int) -> Span:
        """The sentence of token ``i`` (``doc[i].sent``, the same Span object each time)."""
        return self.sents[self.sent_index[i]]

    def sentence_tokens(self, i: int) -> list[Token]:
        """The tokens of the sentence of token ``i``, in order."""
        return self.tokens[self.sent_start[i] : self.sent_end[i]]

    @cached_property
    def text(self) -> str:
        """``doc.text``: the tokens' texts with their trailing blanks, from the tokens already
        made (``Doc.text`` makes every Token again)."""
        return "".join([t.text_with_ws for t in self.tokens])

    @cached_property
    def idx(self) -> list[int]:
        """The character offset of each token in the text."""
        return [t.idx for t in self.tokens]

    @cached_property
    def texts(self) -> list[str]:
        return [t.text for t in self.tokens]

    @cached_property
    def lower(self) -> list[str]:
        return [t.lower_ for t in self.tokens]

    @cached_property
    def lemma(self) -> list[str]:
        """Lemmas, lower-cased (the rules' lists are in lower case)."""
        return [t.lemma_.lower() for t in self.tokens]

    @cached_property
    def pos(self) -> list[str]:
        return [t.pos_ for t in self.tokens]

    @cached_property
    def tag(self) -> list[str]:
        return [t.tag_ for t in self.tokens]

    @cached_property
    def dep(self) -> list[str]:
        return [t.dep_ for t in self.tokens]

    @cached_property
    def head(self) -> list[int]:
        """The index of each token's head (a root's own index), from spaCy's array of offsets
        to the head (``token.head`` makes a new Token for each)."""
        offsets = self.doc.to_array(HEAD).astype("int64").tolist()
        return [i + off for i, off in enumerate(offsets)]

    @cached_property
    def kids(self) -> list[list[int]]:
        """The indices of each token's children, in order (``token.children``)."""
        found: list[list[int]] = [[] for _ in self.tokens]
        for i, h in enumerate(self.head):
            if h != i:
                found[h].append(i)
        return found

    @cached_property
    def list_start(self) -> list[int]:
        """The first item of the coordinated list ("A, B and C") each token is an item of, as
        ``Token.conjuncts`` finds it (climbing ``conj`` heads); the token itself if none. Found
        for all tokens at once: climbing from each item of a list of thousands is quadratic."""
        dep, head = self.dep, self.head
        start: list[int | None] = [None] * len(dep)
        for i in range(len(dep)):
            path: list[int] = []
            j = i
            while start[j] is None and dep[j] == "conj" and head[j] != j:
                path.append(j)
                j = head[j]
            first = start[j]
            if first is None:
                first = start[j] = j
            for k in path:
                start[k] = first
        return [j for j in start if j is not None]

    def conjuncts(self, i: int) -> list[int]:
        """The items of the list token ``i`` is in, itself included, as ``Token.conjuncts``
        gives them: the first item, then its ``conj`` children to the right, breadth first."""
        found = [self.list_start[i]]
        for word in found:  # grows as it goes: breadth first
            found += [c for c in self.kids[word] if c > word and self.dep[c] == "conj"]
        return found


def table(doc: Doc) -> DocTable:
    """The table of ``doc``, built on first use."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = DocTable(doc)
    return found  # type: ignore[no-any-return]


def kids_of(token: Token) -> list[Token]:
    """``list(token.children)``, from the table: spaCy finds a token's left children by scanning
    its whole subtree, thousands of tokens for a verb high in a sentence with no full stop."""
    tab = table(token.doc)
    return [tab.tokens[k] for k in tab.kids[token.i]]


def release(doc: Doc) -> None:
    """Drop the table of ``doc`` (it holds the Doc's tokens, which hold the Doc)."""
    doc.user_data.pop(_KEY, None)
