"""Train the event classifier on document-level gold (news-events train) and write it as JSON.

    python -m kg.train.events ../shared/data/news-events/train.gold.json \
        -o kg/models/events-news.json --seed 13
    python -m kg.train.events ../shared/data/news-events/train.gold.json --cv   # report only

Every story is parsed and read by kg as ``kg extract`` reads it (mentions, references, rules);
every ordered pair of mentions of one sentence that could hold an event gets the features of
``kg.extract.relations.eventmodel``. Labels come from the gold by name, as ``kg eval`` matches:
a pair is an instance of relation R when its two entities match a certain gold R relation's head
and tail and the sentence overlaps that relation's evidence; a pair whose entities hold a gold
relation stated elsewhere in the story, or only an uncertain one, is left out (its label is not
known). One logistic regression per relation; regularization and thresholds are chosen by
cross-validation over stories on the training file alone, end to end: out-of-fold probabilities
added to the rules' relations and scored by ``kg eval``'s own scorer. Of the thresholds whose
event F1 lies within one bootstrap standard error of the best, the middle one is kept (the curve
is flat and its peak is noise). Needs the ``train`` extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.config import DEFAULT_MODEL
from kg.errors import KGError
from kg.evaluate.docgold import GoldStory, name_forms, read_document_gold
from kg.evaluate.documents import Counts, score_story, stories_for, story_texts
from kg.extract.extractor import extract_doc, find_mentions
from kg.extract.pipeline import load_pipeline
from kg.extract.relations import rule_relations
from kg.extract.relations.context import Context
from kg.extract.relations.eventmodel import EVENTS, FORMAT, event_pairs
from kg.files import atomic_write
from kg.io.clean import prepare_document
from kg.records import Document

C_GRID = (0.03, 0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(0.1 + 0.05 * k, 2) for k in range(17))  # 0.10 .. 0.90
PRUNE = 1e-3
BOOTSTRAP_ROUNDS = 200
UNKNOWN = -1  # a pair whose label the gold does not tell


@dataclass
class Pair:
    sentence: int  # index of the sentence in the story
    head: int  # mention indices into the story's record
    tail: int
    features: list[str]
    labels: dict[str, int] = field(default_factory=dict)  # relation -> 1, 0 or UNKNOWN


@dataclass
class Story:
    id: str
    gold: GoldStory
    text: str
    record: dict[str, Any]  # the extraction record with the rules' relations only
    pairs: list[Pair] = field(default_factory=list)


def _evidence_spans(text: str, evidence: str) -> list[tuple[int, int]]:
    """Where the gold evidence is in the text (whitespace may differ); [] if it cannot be found."""
    words = evidence.split()
    for n in (len(words), 8):
        if not words[:n]:
            continue
        pattern = r"\s+".join(re.escape(w) for w in words[:n])
        found = [
            (m.start(), m.start() + max(len(evidence), m.end() - m.start()))
            for m in re.finditer(pattern, text)
        ]
        if found:
            return found
    return []


def _gold_names(story: GoldStory, record: dict[str, Any]) -> list[set[str]]:
    """For each mention of the record, the gold entities its entity matches (by its names)."""
    forms: dict[str, set[str]] = {}
    for m in record["entities"]:
        if m.get("kind", "name") == "name":
            forms.setdefault(m["iri"], set()).update(name_forms(m["text"]))
    by_iri = {iri: {g.name for g in story.entities.values() if g.forms & f} for iri, f in forms.items()}
    return [by_iri.get(m["iri"], set()) for m in record["entities"]]


def _label(
    story: GoldStory,
    spans: dict[int, list[tuple[int, int]]],
    heads: set[str],
    tails: set[str],
    relation: str,
    sent: tuple[int, int],
) -> int:
    pairs = {(h, t) for h in heads for t in tails}
    label = 0
    for k, g in enumerate(story.relations):
        if g.family != relation:
            continue
        if not g.pairs() & pairs:
            continue
        if g.uncertain:
            label = UNKNOWN
            continue
        where = spans.get(k, [])
        if any(s < sent[1] and sent[0] < e for s, e in where):
            return 1
        label = UNKNOWN  # stated in another sentence, or the evidence cannot be placed
    return label


def read_stories(gold_path: str, inputs: Sequence[str], model: str) -> Iterator[Story]:
    """Parse every story of the gold and collect its candidate event pairs with labels."""
    gold = read_document_gold(gold_path)
    texts = story_texts(stories_for(gold_path, inputs))
    nlp = load_pipeline(model)
    ids = [i for i in gold if i in texts]
    docs = nlp.pipe((prepare_document(Document(i, texts[i])) for i in ids), batch_size=16)
    for story_id, doc in zip(ids, docs, strict=True):
        story = gold[story_id]
        document = Document(story_id, texts[story_id])
        record = extract_doc(doc, document, event_model=None).record()
        names = _gold_names(story, record)
        spans = {k: _evidence_spans(document.text, g.evidence) for k, g in enumerate(story.relations)}
        found = find_mentions(doc)
        ctx = Context(doc, found.mention_spans)
        out = Story(story_id, story, document.text, record)
        for n, sent in enumerate(doc.sents):
            rules = rule_relations(ctx, sent)
            bounds = (sent.start_char, sent.end_char)
            for pair in event_pairs(ctx, sent, rules):
                labels = {
                    rel: _label(story, spans, names[pair.head], names[pair.tail], rel, bounds)
                    for rel in EVENTS
                }
                out.pairs.append(Pair(n, pair.head, pair.tail, pair.features, labels))
        yield out


def _fit(rows: list[list[str]], y: list[int], c: float, seed: int, min_count: int = 2) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for fs in rows for f in set(fs))
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([{f: 1.0 for f in fs if counts[f] >= min_count} for fs in rows])
    clf = LogisticRegression(C=c, solver="lbfgs", max_iter=5000, random_state=seed).fit(x, y)
    return vec, clf


def _proba(fitted: Any, rows: list[list[str]]) -> list[float]:
    vec, clf = fitted
    if not rows:
        return []
    return [float(p) for p in clf.predict_proba(vec.transform([{f: 1.0 for f in fs} for fs in rows]))[:, 1]]


def _examples(
    stories: Sequence[Story], relation: str, keep: Callable[[int], bool]
) -> tuple[list[list[str]], list[int]]:
    rows, y = [], []
    for n, st in enumerate(stories):
        if not keep(n):
            continue
        for p in st.pairs:
            if p.labels[relation] != UNKNOWN:
                rows.append(p.features)
                y.append(p.labels[relation])
    return rows, y


def out_of_fold(
    stories: Sequence[Story], relation: str, c: float, folds: int, seed: int
) -> list[list[float]]:
    """Out-of-fold probabilities of every pair of every story (folds of stories, seeded)."""
    order = list(range(len(stories)))
    random.Random(seed).shuffle(order)
    fold = {n: k % folds for k, n in enumerate(order)}
    probs: list[list[float]] = [[0.0] * len(st.pairs) for st in stories]
    for k in range(folds):
        rows, y = _examples(stories, relation, lambda n, held=k: fold[n] != held)  # type: ignore[misc]
        if len(set(y)) < 2:
            continue
        fitted = _fit(rows, y, c, seed)
        for n, st in enumerate(stories):
            if fold[n] == k:
                probs[n] = _proba(fitted, [p.features for p in st.pairs])
    return probs


def _with_model(st: Story, probs: dict[str, list[float]], thresholds: dict[str, float]) -> dict[str, Any]:
    """The story's record with the model's events above threshold added where no rule gave them."""
    rels = list(st.record["relations"])
    ments = st.record["entities"]
    decided = {(ments[r["head"]]["iri"], r["type"], ments[r["tail"]]["iri"]) for r in rels}
    for rel, th in thresholds.items():
        for k, p in enumerate(st.pairs):
            if probs[rel][k] >= th and (ments[p.head]["iri"], rel, ments[p.tail]["iri"]) not in decided:
                rels.append({"head": p.head, "tail": p.tail, "type": rel, "confidence": probs[rel][k]})
    return {**st.record, "relations": rels}


def story_counts(st: Story, probs: dict[str, list[float]], thresholds: dict[str, float]) -> dict[str, Counts]:
    _, families, _ = score_story(st.gold, _with_model(st, probs, thresholds), st.text)
    return families


def _f1(rows: Sequence[dict[str, Counts]], families: Sequence[str]) -> float:
    total = Counts()
    for row in rows:
        for f in families:
            total.add(row[f])
    return total.f1


def choose_threshold(
    stories: Sequence[Story],
    probs: list[dict[str, list[float]]],
    relation: str,
    others: dict[str, float],
    seed: int,
) -> tuple[float, float, list[float]]:
    """(threshold, its F1, the curve): the middle of those within one bootstrap SE of the best
    F1 of ``relation``'s family, the other relations at ``others``."""
    curves = []
    for t in THRESHOLDS:
        th = {**others, relation: t}
        curves.append([story_counts(st, probs[n], th) for n, st in enumerate(stories)])
    curve = [_f1(rows, [relation]) for rows in curves]
    best = max(range(len(THRESHOLDS)), key=lambda k: (curve[k], -k))
    rng = random.Random(seed)
    samples = [[rng.randrange(len(stories)) for _ in stories] for _ in range(BOOTSTRAP_ROUNDS)]
    resampled = [_f1([curves[best][n] for n in s], [relation]) for s in samples]
    mean = sum(resampled) / len(resampled)
    se = (sum((x - mean) ** 2 for x in resampled) / (len(resampled) - 1)) ** 0.5
    near = [k for k in range(len(THRESHOLDS)) if curve[k] >= curve[best] - se]
    k = near[(len(near) - 1) // 2]
    return THRESHOLDS[k], curve[k], curve


def cross_validate(stories: Sequence[Story], folds: int, seed: int) -> dict[str, Any]:
    """Per relation: the C and threshold chosen end to end, with the out-of-fold F1s."""
    chosen: dict[str, Any] = {}
    oof: dict[str, dict[float, list[list[float]]]] = {
        rel: {c: out_of_fold(stories, rel, c, folds, seed) for c in C_GRID} for rel in EVENTS
    }
    off = dict.fromkeys(EVENTS, 2.0)
    for rel in EVENTS:
        best: tuple[float, float, float, list[float]] | None = None
        for c in C_GRID:
            probs = [
                {r: (oof[r][c][n] if r == rel else [0.0] * len(st.pairs)) for r in EVENTS}
                for n, st in enumerate(stories)
            ]
            th, f1, curve = choose_threshold(stories, probs, rel, off, seed)
            if best is None or f1 > best[1] + 1e-9:
                best = (c, f1, th, curve)
        assert best is not None
        c, f1, th, curve = best
        chosen[rel] = {"C": c, "threshold": th, "cv_f1": round(f1, 4), "curve": [round(x, 4) for x in curve]}
    return chosen


def fit_all(
    stories: Sequence[Story], relation: str, c: float, seed: int, min_count: int = 2
) -> dict[str, Any]:
    rows, y = _examples(stories, relation, lambda n: True)
    vec, clf = _fit(rows, y, c, seed, min_count)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
        if abs(w) >= PRUNE
    }
    return {
        "bias": round(float(clf.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
        "positives": sum(y),
        "examples": len(y),
    }


def report(
    stories: Sequence[Story], probs: list[dict[str, list[float]]], thresholds: dict[str, float]
) -> str:
    rows = [story_counts(st, probs[n], thresholds) for n, st in enumerate(stories)]
    parts = [f"events F1 {_f1(rows, EVENTS):.3f}"]
    for rel in EVENTS:
        total = Counts()
        for row in rows:
            total.add(row[rel])
        parts.append(f"{rel} P {total.precision:.2f} R {total.recall:.2f} F1 {total.f1:.3f}")
    return " | ".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.train.events", description=__doc__.splitlines()[0])
    parser.add_argument("gold", help="document-level gold (e.g. news-events train.gold.json)")
    parser.add_argument("--input", action="append", default=[], help="the stories (default: X.jsonl beside)")
    parser.add_argument("-o", "--output", help="model file to write (JSON)")
    parser.add_argument("--cv", action="store_true", help="only report the cross-validated scores")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline (as for kg extract)")
    parser.add_argument("--name", default="events-news")
    parser.add_argument("--version", default="1.0.0")
    args = parser.parse_args(argv)
    if not args.cv and not args.output:
        parser.error("give -o FILE to write a model, or --cv to report only")
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("error: training needs scikit-learn: pip install -e '.[train]'", file=sys.stderr)
        return 2
    try:
        stories = list(read_stories(args.gold, args.input, args.model))
    except KGError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    none = [{r: [0.0] * len(st.pairs) for r in EVENTS} for st in stories]
    print(f"{len(stories)} stories, {sum(len(s.pairs) for s in stories)} candidate pairs")
    for rel in EVENTS:
        pos = sum(p.labels[rel] == 1 for s in stories for p in s.pairs)
        unk = sum(p.labels[rel] == UNKNOWN for s in stories for p in s.pairs)
        print(f"  {rel}: {pos} positive pairs, {unk} left out")
    print("rules only:        " + report(stories, none, dict.fromkeys(EVENTS, 2.0)))
    chosen = cross_validate(stories, args.folds, args.seed)
    thresholds = {rel: chosen[rel]["threshold"] for rel in EVENTS}
    oof = [
        {rel: p for rel, p in zip(EVENTS, ps, strict=True)}
        for ps in zip(
            *(out_of_fold(stories, rel, chosen[rel]["C"], args.folds, args.seed) for rel in EVENTS),
            strict=True,
        )
    ]
    print("rules + model (CV): " + report(stories, oof, thresholds))
    for rel in EVENTS:
        spec = chosen[rel]
        print(f"  {rel}: C={spec['C']} threshold={spec['threshold']} cv F1 {spec['cv_f1']:.3f}")
    if args.cv:
        return 0
    relations = {}
    for rel in EVENTS:
        if len({y for st in stories for p in st.pairs if (y := p.labels[rel]) != UNKNOWN}) < 2:
            print(f"  {rel}: one class only in the training stories; no weights written")
            continue
        fitted = fit_all(stories, rel, chosen[rel]["C"], args.seed)
        relations[rel] = {
            **fitted,
            "threshold": chosen[rel]["threshold"],
            "C": chosen[rel]["C"],
            "cv_f1": chosen[rel]["cv_f1"],
        }
    model = {
        "format": FORMAT,
        "name": args.name,
        "version": args.version,
        "source": "news-events train (Reuters-21578 and BBC stories, document-level gold)",
        "licence": "weights trained on research-use corpora",
        "stories": len(stories),
        "seed": args.seed,
        "spacy_pipeline": args.model,
        "features": "kg.extract.relations.eventmodel.event_pairs",
        "relations": relations,
    }
    text = json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    atomic_write(Path(args.output), text)
    print(f"wrote {args.output} ({len(text) / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
