"""Candidate pairs per relation, as both trainers fit them: the relation each pair of coarse
classes can hold (``SIGNATURES``), the thresholds tried, and the pairs of parsed SpERT records with
their features and gold labels. ``kg.train.relations`` trains on them and ``kg.train.endtoend``
measures on them; both import this module, and neither is imported here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kg.extract.relations.features import COARSE, candidate_pairs, pair_features
from kg.train.spert import Annotated

SIGNATURES = {
    ("PER", "ORG"): "worksFor",
    ("PER", "PER"): "killed",
    ("ORG", "LOC"): "basedIn",
    ("PER", "LOC"): "livesIn",
    ("LOC", "LOC"): "locatedIn",
}
THRESHOLDS = tuple(round(0.1 + 0.05 * k, 2) for k in range(17))  # 0.10 .. 0.90


@dataclass
class Examples:
    """Candidate pairs of one relation: features, labels, and the record each came from."""

    features: list[list[str]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)
    scored: list[bool] = field(default_factory=list)  # whether the threshold is chosen on it
    missed: int = 0  # gold relations of scored records that no candidate can find: all recall lost


def collect(
    annotated: Iterable[Annotated],
    groups: Sequence[int] | None = None,
    scored: Sequence[bool] | None = None,
) -> tuple[dict[str, Examples], Counter[str]]:
    """Candidate pairs per relation from parsed records, and counts of gold relations no
    candidate covers (mentions in different spaCy sentences, unplaced entities, odd types).
    ``groups`` (default: the record's position) keeps a sentence's pairs in one fold;
    ``scored`` (default: all) marks the records whose pairs choose the threshold."""
    by_relation: dict[str, Examples] = {rel: Examples() for rel in SIGNATURES.values()}
    stats: Counter[str] = Counter()
    for n, ann in enumerate(annotated):
        covered: set[tuple[int, int, str]] = set()
        stats["lost: entity not on spaCy tokens"] += ann.lost
        for sent in ann.doc.sents:
            idx = [k for k, m in enumerate(ann.mentions) if sent.start <= m.start and m.end <= sent.end]
            idx = [k for k in idx if ann.mentions[k].type in COARSE]
            args = [(ann.mentions[k].start, ann.mentions[k].end, COARSE[ann.mentions[k].type]) for k in idx]
            for i, j, between in candidate_pairs(args, [ann.mentions[k].key for k in idx]):
                relation = SIGNATURES.get((args[i][2], args[j][2]))
                if relation is None:
                    continue
                gold = (idx[i], idx[j], relation)
                covered.add(gold)
                ex = by_relation[relation]
                ex.features.append(pair_features(ann.doc, args[i], args[j], between))
                ex.labels.append(int(gold in ann.relations))
                ex.groups.append(n if groups is None else groups[n])
                ex.scored.append(True if scored is None else scored[n])
        stats["gold relations"] += len(ann.relations) + ann.lost
        stats["lost: no candidate pair"] += len(ann.relations - covered)
        if scored is None or scored[n]:
            for rel, _h, _t in {(r, h, t) for h, t, r in ann.relations - covered} | {
                (r, -k - 1, 0) for k, r in enumerate(ann.missed)
            }:
                if rel in by_relation:
                    by_relation[rel].missed += 1
    return by_relation, stats
