"""Growth of extraction time with document length: is every stage linear?

Usage: python bench/growth.py [--sizes 25000,50000,100000,200000]
                              [--shapes line,sentence,token,lines,clauses,list]

For each input shape (invented text) and size, prints the seconds of each stage of ``kg extract``
on one document: ``prepare`` (kg.io.clean), ``parse`` (spaCy), ``mentions`` (candidates,
aliases, clusters) and ``relations`` (the rest of ``extract_doc``), then the growth ratio of the
total per doubling of the size. Linear time gives ~2.0; the target is <= 2.3.
Shapes:
- line: one long line of varied prose, no line break;
- sentence: one sentence with names repeated, line after line;
- token: one capitalized token repeated, space-separated;
- lines: many short Title-Case lines (menu-like), each its own line;
- clauses: one line of clauses joined by commas, never a full stop: one spaCy sentence;
- list: one list of names and commas ("A, B, C, ..."), never a full stop: one sentence, one list.
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Callable

from kg.config import DEFAULT_MODEL
from kg.extract import load_pipeline
from kg.extract.extractor import extract_doc, find_mentions
from kg.io.clean import prepare_text
from kg.records import Document

_PROSE = (
    "Harlow Freight Group said on Tuesday that its chief executive Mara Velden would meet the "
    "Transit Workers Union (TWU) in Castelmoor, where the company plans a depot. "
    "Velden told reporters the plan was sound; the union disagreed and called a strike "
)
_SENTENCE = "Mara Velden of Harlow Freight Group met Osric Pell in Castelmoor on Monday.\n"
_TOKEN = "Velden "
_LINE = "Harlow Freight Depot News\n"
_CLAUSES = (
    "Harlow Freight Group said on Tuesday that its chief executive Mara Velden would meet the "
    "Transit Workers Union (TWU) in Castelmoor, where the company plans a depot, and "
    "Velden told reporters the plan was sound, but the union disagreed and called a strike, and "
)
_LIST = "Mara Velden, Osric Pell, Harlow Freight Group, Castelmoor, Transit Workers Union, "

SHAPES: dict[str, Callable[[int], str]] = {
    "line": lambda n: _repeat(_PROSE.replace("\n", " "), n),
    "sentence": lambda n: _repeat(_SENTENCE, n),
    "token": lambda n: _repeat(_TOKEN, n),
    "lines": lambda n: _repeat(_LINE, n),
    "clauses": lambda n: _repeat(_CLAUSES, n),
    "list": lambda n: _repeat(_LIST, n),
}
STAGES = ("prepare", "parse", "mentions", "relations")


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def time_stages(text: str, model: str) -> dict[str, float]:
    nlp = load_pipeline(model)
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    prepared = prepare_text(text)
    t1 = time.perf_counter()
    doc = nlp(prepared)
    t2 = time.perf_counter()
    find_mentions(doc)
    t3 = time.perf_counter()
    extract_doc(doc, Document(id="bench", text=text))  # mentions again, then relations
    t4 = time.perf_counter()
    times["prepare"], times["parse"], times["mentions"] = t1 - t0, t2 - t1, t3 - t2
    times["relations"] = max(0.0, (t4 - t3) - (t3 - t2))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="25000,50000,100000,200000")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    load_pipeline(args.model)("Warm up.")
    print(
        f"{'shape':9} {'chars':>8} "
        + " ".join(f"{s:>9}" for s in STAGES)
        + f" {'total':>8} {'x/doubling':>10}"
    )
    for shape in args.shapes.split(","):
        previous: tuple[int, float] | None = None
        for size in sizes:
            times = time_stages(SHAPES[shape](size), args.model)
            total = sum(times.values())
            ratio = ""
            if previous is not None:
                # normalized to one doubling, whatever the step between sizes
                steps = math.log2(size / previous[0])
                ratio = f"{(total / previous[1]) ** (1 / steps):.2f}" if previous[1] > 0 else ""
            previous = (size, total)
            cells = " ".join(f"{times[s]:9.2f}" for s in STAGES)
            print(f"{shape:9} {size:8,} {cells} {total:8.2f} {ratio:>10}", flush=True)


if __name__ == "__main__":
    main()
