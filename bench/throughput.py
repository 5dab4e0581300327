"""Throughput of ``kg build`` against plain ``nlp.pipe`` on the same texts, same model, same run.

Usage: python bench/throughput.py [FOLDER] [--model NAME] [--rounds N]
Default FOLDER: ../shared/data/news/bbc/business/. Prints words/s of each and their ratio
(best of N alternating rounds, so that both sides see the same machine noise). "plain nlp.pipe"
is spaCy's pipeline as ``spacy.load`` gives it; "kg's pipeline" is the one kg runs
(``load_pipeline``: the same annotations, with faster attribute rules and lemmas, and NER only on
the sentences that could hold a name kg reads), without kg's own stages; "... NER everywhere"
is the same with spaCy's NER over every sentence, to show what ``kg.extract.nerscope`` saves.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from kg.api import build
from kg.config import DEFAULT_MODEL
from kg.extract import load_pipeline
from kg.extract.nerscope import NAME as NEEDED_NER
from kg.graph.build import to_turtle
from kg.io import read_inputs

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "bbc" / "business"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    docs = read_inputs([args.folder]).documents
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    own = spacy.load(args.model)
    nlp = load_pipeline(args.model)
    list(own.pipe(texts[:20]))  # warm up
    list(nlp.pipe(texts[:20]))

    plain, ours_pipe, ner_all, full = [], [], [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _doc in own.pipe(texts, batch_size=32):
            pass
        plain.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        ours_pipe.append(time.perf_counter() - t0)
        if NEEDED_NER in nlp.pipe_names:
            nlp.disable_pipe(NEEDED_NER)
            nlp.enable_pipe("ner")
            t0 = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=32):
                pass
            ner_all.append(time.perf_counter() - t0)
            nlp.disable_pipe("ner")
            nlp.enable_pipe(NEEDED_NER)
        t0 = time.perf_counter()
        result = build([args.folder], model=args.model)
        to_turtle(result.graph)
        full.append(time.perf_counter() - t0)

    base, ours = words / min(plain), words / min(full)
    print(f"corpus: {args.folder}  documents: {len(texts)}  words: {words}")
    print(f"spaCy's components: {', '.join(own.pipe_names)}")
    print(f"kg's components: {', '.join(nlp.pipe_names)}")
    print(f"{'':28}{'seconds':>10}{'words/s':>12}")
    print(f"{'plain nlp.pipe':28}{min(plain):>10.2f}{base:>12.0f}")
    label = "kg's pipeline (spaCy only)"
    print(f"{label:28}{min(ours_pipe):>10.2f}{words / min(ours_pipe):>12.0f}")
    if ner_all:
        label = "  ... NER everywhere"
        print(f"{label:28}{min(ner_all):>10.2f}{words / min(ner_all):>12.0f}")
    print(f"{'kg build (+ Turtle)':28}{min(full):>10.2f}{ours:>12.0f}")
    print(f"ratio kg/plain: {ours / base:.2f}   (entities {result.entities}, relations {result.relations})")


if __name__ == "__main__":
    main()
