"""Relation scores with oracle entities: gold mentions in, kg's relation stage only.

    python -m kg.train.oracle ../shared/data/conll04/dev.json [--rules-only | --model-only]

Strict P/R/F1 of the five CoNLL04 relations (head mention, tail mention, type) when the mentions
are the gold entities, so that relation quality is measured apart from entity quality
(``kg eval`` measures both together). Rule precision per rule id is printed as well.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence

from kg.config import DEFAULT_MODEL
from kg.errors import KGError
from kg.evaluate import Score
from kg.extract.relations import find_relations
from kg.extract.relations.classifier import DEFAULT_MODEL as DEFAULT_RELATION_MODEL
from kg.train.spert import RELATION_PROPERTIES, Annotated, parse, read_records

# Ontology property -> the gold property it is scored as (leads is a worksFor).
SCORED = {p: p for p in RELATION_PROPERTIES.values()} | {"leads": "worksFor"}


def score(
    annotated: Iterable[Annotated], model: str | None, rules: bool = True
) -> tuple[dict[str, Score], dict[str, Counter[str]]]:
    """Scores per property (and "ALL"), and per extractor id its correct and wrong hits."""
    scores: dict[str, Score] = {}
    extractors: dict[str, Counter[str]] = {}
    for ann in annotated:
        spans = [(m.start, m.end) for m in ann.mentions]
        gold = {(spans[h], spans[t], p) for h, t, p in ann.relations}
        pred = set()
        for hit in find_relations(ann.doc, ann.mentions, model=model):
            prop = SCORED.get(hit.type)
            if prop is None or (not rules and hit.rule.startswith("rule:")):
                continue
            triple = (spans[hit.head], spans[hit.tail], prop)
            pred.add(triple)
            extractors.setdefault(hit.rule, Counter())["right" if triple in gold else "wrong"] += 1
        scores.setdefault("ALL", Score()).add(gold, pred)
        for prop in RELATION_PROPERTIES.values():
            scores.setdefault(prop, Score()).add(
                {g for g in gold if g[2] == prop}, {p for p in pred if p[2] == prop}
            )
    return scores, extractors


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.train.oracle", description=__doc__.splitlines()[0])
    parser.add_argument("gold", help="SpERT JSON file (e.g. CoNLL04 dev.json)")
    parser.add_argument("--relation-model", default=DEFAULT_RELATION_MODEL, help="model name or JSON file")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--rules-only", action="store_true")
    group.add_argument("--model-only", action="store_true")
    args = parser.parse_args(argv)
    try:
        annotated = list(parse(read_records(args.gold), args.model))
        model = None if args.rules_only else args.relation_model
        scores, extractors = score(annotated, model, rules=not args.model_only)
    except KGError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    print(f"{len(annotated)} records, oracle entities")
    print(f"{'':<12}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}{'pred':>7}")
    for name in ["ALL", *sorted(k for k in scores if k != "ALL")]:
        s, d = scores[name], scores[name].as_dict()
        prf = f"{d['precision']:>8.3f}{d['recall']:>8.3f}{d['f1']:>8.3f}"
        print(f"{name:<12}{prf}{s.tp + s.fn:>7}{s.tp + s.fp:>7}")
    print("extractor                       right  wrong")
    for rule, counts in sorted(extractors.items()):
        print(f"{rule:<32}{counts['right']:>5}{counts['wrong']:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
