"""Does ``kg query`` print what the baseline tree prints? Every named query in every format (and
each with the ``--bind`` its header suggests), over each graph, run by this tree and by another
checkout (e.g. main, where rdflib answered every query), compared byte for byte (stdout, stderr
and exit status). Also printed: which engine answered in this tree (kg.sparql.quick).

Usage: python bench/same_answers.py --baseline DIR GRAPH... [--names NAME...]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FORMATS = ("table", "csv", "tsv", "json")
BINDS = {  # the --bind examples the .rq files and the README give
    "entity-profile": "name=Corvane",
    "most-connected": "class=kg:Company",
    "who-accuses-whom": "accuser=Wyoming Wind Workers Union",
    "appeals": "target=Gulf Coast Port Commission",
    "timeline": "event=Appeal",
    "responses-to-accusations": "responder=Corvane Pharmaceutical Holdings",
    "coalitions": "first=American Coastal Freight Association",
}


def kg_query(root: Path, args: list[str]) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "160"}
    run = subprocess.run(
        [sys.executable, "-m", "kg", "query", *args],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    return run.returncode, run.stdout, run.stderr


def answered_by(graph: Path, name: str, bind: list[str]) -> str:
    sys.path.insert(0, str(REPO))
    from kg.sparql.quick import QuickEngine
    from kg.sparql.text import named_query, parse_bindings

    engine = QuickEngine(graph)
    engine.query(named_query(name), parse_bindings(bind[1:]))
    engine.close()
    return engine.answered_by


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True)
    parser.add_argument("graphs", type=Path, nargs="+")
    parser.add_argument("--names", nargs="*", default=None, help="only these named queries")
    args = parser.parse_args()
    names = kg_query(REPO, ["--list"])[1].split("\n")
    names = [line.split()[0] for line in names if line.strip()]
    names = [name for name in names if args.names is None or name in args.names]
    differ = 0
    for graph in args.graphs:
        print(f"{graph}:")
        for name in names:
            for bind in [[], *([["--bind", BINDS[name]]] if name in BINDS else [])]:
                same = []
                for fmt in FORMATS:
                    query = [str(graph), name, "--format", fmt, *bind]
                    mine, theirs = kg_query(REPO, query), kg_query(args.baseline, query)
                    same.append(mine == theirs)
                    differ += mine != theirs
                rows = kg_query(REPO, [str(graph), name, "--format", "tsv", *bind])[1].count("\n") - 1
                label = f"{name} {' '.join(bind)}".strip()
                verdict = (
                    "identical"
                    if all(same)
                    else "DIFFERENT in " + ", ".join(f for f, s in zip(FORMATS, same, strict=True) if not s)
                )
                engine = answered_by(graph, name, bind)
                print(f"  {label:<56} {rows:>5} rows  {verdict:<20} answered by {engine}")
    print(f"{differ} outputs differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
