"""Start-up: how long `kg --help`, `kg query` and `kg validate` take on the examples' graph.

Usage: python bench/startup.py [--runs N] [--graph FILE] [--baseline DIR] [--top K]

``kg query`` is run three ways: a named query (Oxigraph answers, kg.sparql.quick), the README's
``entity-profile --bind name=Corvane``, and the named query with ``--store rdflib`` (rdflib's
parser and engine, what kg query ran before Oxigraph answered by default).

Each command runs N times (default 9) as a fresh `python -m kg` process (with --baseline, the
runs of both trees interleaved); printed are the median wall time to exit (the command's whole
output is printed at exit) and the median CPU time of the process (user + system, which other
jobs on a shared machine disturb less). Floors in the
same run: a bare interpreter, and rdflib alone doing the query's work (import, parse the file,
run the same query). `--baseline DIR` runs the same commands with kg imported from DIR (e.g. a
checkout of main) and prints the ratios. Last, `python -X importtime` of `kg query`: the
top-level imports that cost the most (cumulative microseconds) and the total.
Without --graph the examples are built once into a temporary folder (needs the spaCy model).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QUERY = "timeline"
# the floor: rdflib alone parsing the file and running the same query (kg's prefixes given)
RDFLIB_ALONE = """
import sys, rdflib
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD
ns = dict(kg="https://w3id.org/kg-news/ontology#", rdf=RDF, rdfs=RDFS, skos=SKOS, prov=PROV,
          dcterms=DCTERMS, xsd=XSD, owl=OWL)
g = rdflib.Graph().parse(sys.argv[1])
print(len(list(g.query(open(sys.argv[2], encoding="utf-8").read(), initNs=ns))))
"""


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # run from the tree measured: ``python -m kg`` finds kg in the working folder first
    cwd = env["PYTHONPATH"]
    subprocess.run(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def timed(command: list[str], envs: list[dict[str, str]], runs: int) -> list[tuple[float, float]]:
    """Median wall and CPU seconds of ``command`` under each of ``envs``, their runs interleaved
    so that a change in the machine's load falls on all of them alike."""
    samples: list[list[tuple[float, float]]] = [[] for _ in envs]
    for _ in range(runs):
        for env, sample in zip(envs, samples, strict=True):
            sample.append(run_once(command, env))
    return [
        (statistics.median(w for w, _ in sample), statistics.median(c for _, c in sample))
        for sample in samples
    ]


def env_for(root: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(root)}


def import_times(
    graph: Path, env: dict[str, str], top: int, runs: int
) -> tuple[float, list[tuple[float, str]]]:
    """Median over ``runs`` of each top-level import's cumulative microseconds, and of their sum."""
    seen: dict[str, list[int]] = {}
    totals = []
    for _ in range(runs):
        run = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "kg", "query", str(graph), QUERY],
            env=env,
            cwd=env["PYTHONPATH"],
            capture_output=True,
            text=True,
            check=False,
        )
        total = 0
        for line in run.stderr.splitlines():
            if not line.startswith("import time:") or "cumulative" in line:
                continue
            _, cumulative, name = line.split("|")
            if not name.startswith("  "):  # one space of indent: imported by the program itself
                seen.setdefault(name.strip(), []).append(int(cumulative))
                total += int(cumulative)
        totals.append(total)
    rows = [(statistics.median(times), name) for name, times in seen.items()]
    return statistics.median(totals), sorted(rows, reverse=True)[:top]


def examples_graph(folder: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "kg", "build", str(REPO / "examples"), "--out", str(folder)],
        env=env_for(REPO),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return folder / "graph.ttl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--graph", type=Path, default=None)
    parser.add_argument("--baseline", type=Path, default=None, help="a kg checkout to compare with")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        graph = args.graph or examples_graph(Path(tmp))
        kg = [sys.executable, "-m", "kg"]
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "rdflib alone, the same query": [
                sys.executable,
                "-c",
                RDFLIB_ALONE,
                str(graph),
                str(REPO / "kg" / "sparql" / "named" / f"{QUERY}.rq"),
            ],
            "kg --help": [*kg, "--help"],
            f"kg query GRAPH {QUERY}": [*kg, "query", str(graph), QUERY],
            "kg query GRAPH entity-profile --bind": [
                *kg,
                "query",
                str(graph),
                "entity-profile",
                "--bind",
                "name=Corvane",
            ],
            f"kg query GRAPH {QUERY} --store rdflib": [*kg, "query", str(graph), QUERY, "--store", "rdflib"],
            "kg validate GRAPH": [*kg, "validate", str(graph)],
        }
        roots = {"this tree": REPO} | ({"baseline": args.baseline} if args.baseline else {})
        print(
            f"{len(graph.read_text(encoding='utf-8').splitlines())} lines of Turtle in {graph}; "
            f"median of {args.runs} runs"
        )
        header = f"{'command':<38}" + "".join(
            f" | {name + ' wall':>15} | {name + ' CPU':>15}" for name in roots
        )
        if args.baseline:
            header += " | baseline / this (wall)"
        print(header)
        print("-" * len(header))
        for label, command in commands.items():
            cells, walls = [], []
            for wall, cpu in timed(command, [env_for(root) for root in roots.values()], args.runs):
                cells.append(f" | {wall:>13.3f} s | {cpu:>13.3f} s")
                walls.append(wall)
            ratio = f" | {walls[1] / walls[0]:>22.2f}x" if len(walls) == 2 else ""
            print(f"{label:<38}" + "".join(cells) + ratio)
        for name, root in roots.items():
            total, top = import_times(graph, env_for(root), args.top, min(args.runs, 5))
            print(f"\nimports of kg query GRAPH {QUERY} ({name}, -X importtime): {total / 1e6:.3f} s, median")
            for cumulative, module in top:
                print(f"  {cumulative / 1e6:>7.3f} s  {module}")


if __name__ == "__main__":
    main()
