"""Train the relation classifier on SpERT JSON (CoNLL04's train.json) and write it as JSON.

    python -m kg.train.relations ../shared/data/conll04/train.json \
        -o kg/models/relations-conll04.json --seed 13

One logistic regression per relation over the candidate pairs whose coarse classes fit it, on
gold entity mentions and on the pairs kg's own mentions give. The regularization strength is
chosen by cross-validation on the training file alone (folds grouped by sentence), the decision
threshold of each relation by end-to-end F1 under cross-validation (``kg.train.endtoend``). Needs the
``train`` extra (scikit-learn); the written model is scored at run time without it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kg.config import DEFAULT_MODEL
from kg.errors import KGError
from kg.files import atomic_write
from kg.train import endtoend
from kg.train.pairs import SIGNATURES, THRESHOLDS, Examples, collect
from kg.train.spert import RELATION_PROPERTIES, Annotated, parse, read_records

RELATION_LABELS = {prop: label for label, prop in RELATION_PROPERTIES.items()}

C_GRID = (0.1, 0.3, 1.0, 3.0)
PRUNE = 1e-3  # weights smaller than this change no probability by more than 0.1 %


def _f1(labels: Sequence[int], probs: Sequence[float], threshold: float, missed: int = 0) -> float:
    tp = sum(1 for y, p in zip(labels, probs, strict=True) if y and p >= threshold)
    pred = sum(1 for p in probs if p >= threshold)
    gold = sum(labels) + missed
    return 2 * tp / (pred + gold) if pred + gold else 0.0


def fit_relation(
    ex: Examples, seed: int, folds: int, grid: Sequence[float], min_count: int
) -> dict[str, Any]:
    """Cross-validated C and threshold, then a fit on every example; the JSON form of the result."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedGroupKFold

    counts = Counter(f for feats in ex.features for f in set(feats))
    rows = [{f: 1.0 for f in feats if counts[f] >= min_count} for feats in ex.features]
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform(rows)
    y = ex.labels

    def model(c: float) -> Any:
        return LogisticRegression(C=c, solver="lbfgs", max_iter=5000, random_state=seed)

    n_splits = max(2, min(folds, sum(y), len(y) - sum(y), len(set(ex.groups))))
    splitter = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    splits = list(splitter.split(x, y, ex.groups))
    scored_y = [label for label, keep in zip(y, ex.scored, strict=True) if keep]
    best = (-1.0, grid[0], THRESHOLDS[0])
    for c in grid:
        probs = [0.0] * len(y)
        for train_idx, test_idx in splits:
            if len({y[i] for i in train_idx}) < 2:
                continue  # a tiny corpus may leave a fold with one class: no prediction from it
            clf = model(c).fit(x[train_idx], [y[i] for i in train_idx])
            for i, p in zip(test_idx, clf.predict_proba(x[test_idx])[:, 1], strict=True):
                probs[i] = float(p)
        for t in THRESHOLDS:
            kept = [p for p, keep in zip(probs, ex.scored, strict=True) if keep]
            score = _f1(scored_y, kept, t, ex.missed)
            if score > best[0] + 1e-9:
                best = (score, c, t)
    cv_f1, c, threshold = best
    clf = model(c).fit(x, y)
    names = vec.get_feature_names_out()
    weights = {
        str(f): round(float(w), 4) for f, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= PRUNE
    }
    return {
        "bias": round(float(clf.intercept_[0]), 4),
        "threshold": threshold,
        "C": c,
        "cv_f1": round(cv_f1, 4),
        "examples": len(y),
        "positives": sum(y),
        "weights": dict(sorted(weights.items())),
    }


def train(
    annotated: Iterable[Annotated],
    seed: int = 13,
    folds: int = 5,
    grid: Sequence[float] = C_GRID,
    min_count: int = 2,
    groups: Sequence[int] | None = None,
    scored: Sequence[bool] | None = None,
    extra: dict[str, Examples] | None = None,
) -> tuple[dict[str, Any], Counter[str]]:
    """The model's JSON form (without identification) and the candidate statistics; ``extra``
    examples (kg's own candidate pairs) join those collected from ``annotated``."""
    by_relation, stats = collect(annotated, groups, scored)
    for relation, more in (extra or {}).items():
        ex = by_relation[relation]
        ex.features += more.features
        ex.labels += more.labels
        ex.groups += more.groups
        ex.scored += more.scored
        ex.missed += more.missed
    relations = {}
    for (head, tail), relation in sorted(SIGNATURES.items(), key=lambda kv: kv[1]):
        ex = by_relation[relation]
        if min(sum(ex.labels), len(ex.labels) - sum(ex.labels)) < 2:
            stats[f"skipped {relation}: too few examples of each kind"] += 1
            continue
        relations[relation] = {"head": head, "tail": tail, **fit_relation(ex, seed, folds, grid, min_count)}
    return {"relations": relations}, stats


def _train_end_to_end(
    args: argparse.Namespace, annotated: list[Annotated]
) -> tuple[dict[str, Any], Counter[str]]:
    """Train on the pairs ``kg extract`` will score (kg's own mentions, the run-time guards), with
    the gold-mention pairs too for ``--mentions both``; each relation's threshold is then the one
    with the best end-to-end F1 under cross-validation on the training file (rules first, strict
    spans, the label map's conventions), as ``python -m kg.train.endtoend`` measures it."""
    records = endtoend.prepare(args.train, model=args.model, limit=args.limit)
    groups = endtoend.duplicate_groups([rec.text for rec in records])  # repeats in one fold
    own = endtoend.pair_examples(records)
    for ex in own.values():
        ex.groups = [groups[n] for n in ex.groups]
    gold = args.mentions == "both"
    n = len(annotated)
    body, stats = train(
        annotated if gold else [],
        args.seed,
        args.folds,
        C_GRID,
        args.min_count,
        groups,
        [False] * n,
        own,
    )
    relations = body["relations"]
    c = {rel: float(spec["C"]) for rel, spec in relations.items()}
    gold_examples = collect(annotated)[0] if gold else {}
    oof = endtoend.cross_validate(records, gold_examples, c, args.folds, args.seed)
    label_of = {rel: RELATION_LABELS[rel] for rel in relations}
    thresholds = endtoend.choose_thresholds(records, oof, sorted(relations), label_of)
    for rel, spec in relations.items():
        spec["threshold"] = thresholds[rel]
    cv = endtoend.score(records, endtoend.predict(records, oof, thresholds))
    body["end_to_end_cv_f1"] = round(endtoend.f1(cv), 4)
    return body, stats


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.train.relations", description=__doc__.splitlines()[0])
    parser.add_argument("train", help="SpERT JSON training file (e.g. CoNLL04 train.json)")
    parser.add_argument("-o", "--output", required=True, help="model file to write (JSON)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=2, help="drop features seen fewer times")
    parser.add_argument("--limit", type=int, default=None, help="train on the first N records only")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline (as for kg extract)")
    parser.add_argument(
        "--mentions",
        choices=("gold", "predicted", "both"),
        default="both",
        help="train on the gold entities, on kg's own mentions, or on both (thresholds: end to end on kg's)",
    )
    parser.add_argument("--name", default="relations-conll04")
    parser.add_argument("--version", default="1.5.0")
    parser.add_argument("--source", default="CoNLL04 (Roth & Yih 2004), SpERT JSON split train.json")
    args = parser.parse_args(argv)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("error: training needs scikit-learn: pip install -e '.[train]'", file=sys.stderr)
        return 2
    try:
        records = read_records(args.train)[: args.limit]
        annotated = list(parse(records, args.model))
        if args.mentions == "gold":
            body, stats = train(annotated, args.seed, args.folds, C_GRID, args.min_count)
        else:
            body, stats = _train_end_to_end(args, annotated)
    except KGError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    model = {
        "format": "kg-relation-model/1",
        "name": args.name,
        "version": args.version,
        "source": args.source,
        "licence": "weights trained on CoNLL04, which is distributed for research use",
        "records": len(records),
        "seed": args.seed,
        "spacy_pipeline": args.model,
        "features": "kg.extract.relations.features.pair_features",
        **body,
    }
    text = json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    atomic_write(Path(args.output), text)
    for key, value in sorted(stats.items()):
        print(f"{key}: {value}")
    for relation, spec in sorted(body["relations"].items()):
        print(
            f"{relation:<10} C={spec['C']:<5} threshold={spec['threshold']:<5} cv F1={spec['cv_f1']:.3f} "
            f"({spec['positives']}/{spec['examples']} positive, {len(spec['weights'])} weights)"
        )
    print(f"wrote {args.output} ({len(text) / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
