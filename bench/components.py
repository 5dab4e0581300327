"""Where spaCy's time goes: seconds per pipeline component, spaCy's own pipeline against kg's.

Usage: python bench/components.py [FOLDER] [--model NAME] [--rounds N]
Default FOLDER: ../shared/data/news/bbc/business/. Runs each component's ``pipe`` (batch 32) over
every prepared document, in pipeline order, and prints process seconds per component (mean of N
rounds; each round times both pipelines, so both see the same machine). Process time, not wall
time: other jobs on a shared machine move it less.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

import spacy
from spacy.language import Language

from kg.config import DEFAULT_MODEL
from kg.extract import load_pipeline
from kg.io import read_inputs
from kg.io.clean import prepare_document

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "bbc" / "business"
# kg's component standing in for spaCy's, for the side-by-side rows
SAME_ROLE = {"kg_attribute_rules": "attribute_ruler", "kg_lemmas": "lemmatizer", "kg_needed_ner": "ner"}


def time_components(nlp: Language, texts: list[str], totals: dict[tuple[str, str], float], side: str) -> None:
    t0 = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    totals[(side, "tokenizer")] += time.process_time() - t0
    for name, proc in nlp.pipeline:
        t0 = time.process_time()
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        totals[(side, SAME_ROLE.get(name, name))] += time.process_time() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()

    docs = read_inputs([args.folder]).documents
    texts = [prepare_document(d) for d in docs]
    own, ours = spacy.load(args.model), load_pipeline(args.model)
    totals: dict[tuple[str, str], float] = defaultdict(float)
    for _ in range(args.rounds):
        time_components(own, texts, totals, "spaCy")
        time_components(ours, texts, totals, "kg")
    names = list(dict.fromkeys(n for _, n in totals))
    print(f"corpus: {args.folder}  documents: {len(texts)}  words: {sum(len(t.split()) for t in texts)}")
    print(f"{'component':20}{'spaCy s':>10}{'kg s':>10}")
    for name in names:
        a, b = (totals.get((side, name)) for side in ("spaCy", "kg"))
        cells = [f"{v / args.rounds:>10.2f}" if v is not None else f"{'-':>10}" for v in (a, b)]
        print(f"{name:20}{''.join(cells)}")
    own_total = sum(v for (side, _), v in totals.items() if side == "spaCy") / args.rounds
    kg_total = sum(v for (side, _), v in totals.items() if side == "kg") / args.rounds
    print(f"{'total':20}{own_total:>10.2f}{kg_total:>10.2f}")


if __name__ == "__main__":
    main()
