"""The names of one story as the rules of ``aliases.py`` compare them: each candidate's written
form, its telling words, the kind its own cues insist on, and the groups joined so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.extract.doctable import table
from kg.extract.mentions import Candidate, is_acronym


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def surface(doc: Doc, c: Candidate) -> str:
    return table(doc).surface(c.start, c.end)


def written_words(doc: Doc, c: Candidate) -> list[str]:
    """The words of a mention as written, without a possessive ending."""
    tab = table(doc)
    return [tab.texts[i] for i in range(c.start, c.end) if tab.tag[i] != "POS"]


def conflict(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


@dataclass
class NameTable:
    """The candidate names of one story, side by side, and the entities they are joined into."""

    doc: Doc
    cands: list[Candidate]
    keys: list[str]  # normalized, without a title: "mr quist" -> "quist"
    words: list[tuple[str, ...]]  # telling words of the key (``names.words_of``)
    strong: list[str | None]  # the top-level kind a mention's own cues insist on
    titled: list[bool]  # written with a person's title: "Mr Quist", "President Quist"
    uf: UnionFind = field(init=False)
    why: dict[int, str] = field(default_factory=dict)  # mention -> the rule that joined it

    def __post_init__(self) -> None:
        self.uf = UnionFind(len(self.cands))

    def join(self, group: int, i: int, rule: str) -> None:
        self.uf.union(group, i)
        self.why[i] = rule

    def full(self) -> list[int]:
        """Names written in full: neither a country's name nor an acronym."""
        return [
            i for i, c in enumerate(self.cands) if c.place is None and not is_acronym(surface(self.doc, c))
        ]
