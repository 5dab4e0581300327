"""The mentions a story has made so far, indexed for the references that look back at them.

``coref`` asks, for each pronoun, description or role noun, for "the latest mention of a
company before token 812" or "the mentions in the two sentences before it". Scanning every
earlier mention for each reference makes a long story quadratic (a 200,000-character line of
prose has some 5,000 mentions and 2,000 references); these lists, kept in text order, answer
each question by bisection and a walk over the few mentions it concerns. They answer exactly
what the scans did: among mentions at one token, the one recorded first comes first.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Antecedent:
    start: int  # tokens
    end: int
    sent: int
    subject: bool
    main: bool  # the subject of its sentence's main verb
    cluster: int
    type: str
    quoted: bool
    acts: bool  # a subject or a possessor: the only places "it" refers to
    seq: int = field(default=0, compare=False)  # the order it was recorded in


def _start(a: Antecedent) -> int:
    return a.start


def _sent(a: Antecedent) -> int:
    return a.sent


class Seen:
    """Every antecedent recorded, in text order (ties in the order recorded), and by token,
    class, cluster and the head words of its cluster's names."""

    def __init__(self, heads: dict[int, set[str]]) -> None:
        self.heads = heads  # cluster -> head words of its names; fixed before the first add
        self.count = 0
        self.in_order: list[Antecedent] = []
        self.by_type: dict[str, list[Antecedent]] = {}
        self.by_head: dict[str, list[Antecedent]] = {}
        self.by_cluster: dict[int, list[Antecedent]] = {}
        self.by_start: dict[int, list[Antecedent]] = {}
        self.by_token: dict[int, list[Antecedent]] = {}

    def add(self, a: Antecedent) -> Antecedent:
        # made directly: ``dataclasses.replace`` reads the fields anew on every call
        a = Antecedent(
            a.start, a.end, a.sent, a.subject, a.main, a.cluster, a.type, a.quoted, a.acts, self.count
        )
        self.count += 1
        lists = [
            self.in_order,
            self.by_type.setdefault(a.type, []),
            self.by_cluster.setdefault(a.cluster, []),
        ]
        lists += [self.by_head.setdefault(word, []) for word in self.heads.get(a.cluster, ())]
        for found in lists:
            insort(found, a, key=_start)  # after those at the same token: the order recorded
        self.by_start.setdefault(a.start, []).append(a)
        for i in range(a.start, a.end):
            self.by_token.setdefault(i, []).append(a)
        return a

    def first_covering(self, tokens: Iterable[int], keep: Callable[[Antecedent], bool]) -> Antecedent | None:
        """The first recorded antecedent that spans one of ``tokens`` and is kept."""
        found = [a for i in tokens for a in self.by_token.get(i, ()) if keep(a)]
        return min(found, key=lambda a: a.seq) if found else None

    def starting_at(self, tokens: Iterable[int]) -> list[Antecedent]:
        return [a for i in tokens for a in self.by_start.get(i, ())]

    @staticmethod
    def order(a: Antecedent) -> tuple[int, int]:
        """Text order, and of two at one token the order recorded."""
        return a.start, a.seq

    @staticmethod
    def latest(found: list[Antecedent], before: int) -> Antecedent | None:
        """The last of ``found`` (in text order) that starts before token ``before``."""
        k = bisect_left(found, before, key=_start)
        return found[k - 1] if k else None

    def latest_of(self, lists: Iterable[list[Antecedent]], before: int) -> Antecedent | None:
        """The latest antecedent before token ``before`` in any of ``lists``."""
        found = [a for lst in lists if (a := self.latest(lst, before)) is not None]
        return max(found, key=Seen.order) if found else None

    def back_while(
        self, found: list[Antecedent], before: int, within: Callable[[Antecedent], bool]
    ) -> list[Antecedent]:
        """The antecedents of ``found`` before token ``before``, back to the first that is not
        ``within`` (a window that only closes going back), in text order."""
        k = bisect_left(found, before, key=_start)
        out = []
        while k and within(found[k - 1]):
            k -= 1
            out.append(found[k])
        out.reverse()
        return out

    def in_sentences(self, first: int, last: int, start: int, end: int) -> list[Antecedent]:
        """The antecedents in sentences ``first`` to ``last`` that start in tokens ``start`` to
        ``end``."""
        found = self.in_order
        lo = max(bisect_left(found, first, key=_sent), bisect_left(found, start, key=_start))
        return found[lo : min(bisect_right(found, last, key=_sent), bisect_right(found, end, key=_start))]
