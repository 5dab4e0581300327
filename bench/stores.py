"""rdflib against Oxigraph on a graph of about a million triples: load time, the named queries
(median of 3 runs), peak memory. Not part of the test suite.

    python bench/stores.py [--docs 600] [--triples 1000000] [--work /tmp/kg-bench-stores]

The graph: ``kg build`` of the first ``--docs`` articles of Reuters-21578, then copied with
renamed IRIs (every IRI under kg's resource namespace gets a ``~cN`` suffix in copy N; literals
and ontology terms are kept) until it holds about ``--triples`` triples. Each engine runs in
its own process, so its peak memory (``ru_maxrss``, the query children included) is its own.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REUTERS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "reuters21578.jsonl"
SLOW = 20.0  # seconds: a query slower than this is run once
QUERIES = [
    ("appeals", {}),
    ("coalitions", {}),
    ("entity-profile", {}),
    ("entity-profile", {"name": "Reuters"}),
    ("most-connected", {}),
    ("responses-to-accusations", {}),
    ("timeline", {}),
    ("who-accuses-whom", {}),
]


def make_graph(work: Path, docs: int, triples: int) -> tuple[Path, str]:
    """``work/big.ttl`` (cached) and a line saying how it was made."""
    import pyoxigraph as ox

    from kg.api import build
    from kg.config import RESOURCE_NS

    big, note = work / "big.ttl", work / "big.txt"
    if big.is_file() and note.is_file():
        return big, note.read_text(encoding="utf-8")
    work.mkdir(parents=True, exist_ok=True)
    subset = work / "subset.jsonl"
    with REUTERS.open(encoding="utf-8") as src:
        subset.write_text("".join(line for _, line in zip(range(docs), src, strict=False)), encoding="utf-8")
    started = time.perf_counter()
    base = build([subset]).graph.serialize(format="nt")
    seconds = time.perf_counter() - started
    from latency import degree_line, ranked  # bench/latency.py: kg's degrees of the whole graph

    lines = [line for line in base.splitlines() if line.strip() and not degree_line(line)]
    copies = max(1, round(triples / len(lines)))
    iri = re.compile(r"<(" + re.escape(RESOURCE_NS) + r"[^>]*)>")
    with (work / "big.nt").open("w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
        for n in range(1, copies):
            out.write("\n".join(iri.sub(rf"<\1~c{n}>", line) for line in lines) + "\n")
    with (work / "big.nt").open("a", encoding="utf-8") as out:  # a copy's ranks are wrong in the whole
        out.writelines(f"<{e}> <{p}> {v.n3()} .\n" for e, p, v in ranked(work / "big.nt"))
    store = ox.Store()
    store.bulk_load(path=str(work / "big.nt"), format=ox.RdfFormat.N_TRIPLES)
    prefixes = {"kg": "https://w3id.org/kg-news/ontology#", "org": f"{RESOURCE_NS}org/"}
    with big.open("wb") as handle:
        store.dump(handle, ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefixes)
    text = (
        f"kg build of the first {docs} Reuters-21578 articles ({len(lines):,} triples, {seconds:.0f} s), "
        f"copied {copies} times with renamed IRIs: {len(store):,} triples"
    )
    note.write_text(text, encoding="utf-8")
    return big, text


def measure(engine_name: str, graph: Path, budget: float, store_dir: Path) -> dict[str, object]:
    """In this process: load ``graph`` with one engine, run every query, report times and memory."""
    from kg.sparql.query import named_query
    from kg.sparql.stores import open_store

    out: dict[str, object] = {}
    started = time.perf_counter()
    if engine_name == "oxigraph:DIR":
        from kg.sparql.query import load_graph
        from kg.sparql.stores import write_oxigraph

        g = load_graph(graph)
        parsed = time.perf_counter()
        write_oxigraph(g, store_dir)
        out["store_write"] = time.perf_counter() - parsed
        del g
        opened = time.perf_counter()
        engine = open_store(f"oxigraph:{store_dir}")
        out["load"] = time.perf_counter() - opened
    else:
        engine = open_store(graph, engine_name)
        out["load"] = time.perf_counter() - started
        if engine_name == "rdflib":
            from kg.graph.build import to_turtle

            turtle = time.perf_counter()
            to_turtle(engine.graph)  # type: ignore[attr-defined]
            out["turtle_write"] = time.perf_counter() - turtle
    for name, bindings in QUERIES:
        key = name + "".join(f" {k}={v}" for k, v in bindings.items())
        times: list[float] = []
        rows = 0
        for run in range(3):
            t = time.perf_counter()
            try:
                # the first run has a deadline (in a child process); the others run in-process
                result = engine.query(named_query(name), bindings, timeout=budget if run == 0 else None)
            except Exception as exc:  # a stopped query: recorded, and not run again
                out[key] = {"error": str(exc)}
                break
            times.append(time.perf_counter() - t)
            rows = len(result.rows)
            if times[0] > SLOW:
                break  # one run of a query that slow says enough
        else:
            out[key] = {"median": statistics.median(times), "rows": rows}
        if times and key not in out:
            out[key] = {"median": times[0], "rows": rows, "runs": 1}
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    out["peak_mib"] = peak / 1024
    return out


def table(results: dict[str, dict[str, object]]) -> str:
    def cell(value: object) -> str:
        if isinstance(value, dict):
            if "median" not in value:
                return "stopped"
            return f"{value['median']:.2f} s" + (" (1 run)" if value.get("runs") == 1 else "")
        return f"{value:.2f} s" if isinstance(value, float) else "-"

    def ratio(a: object, b: object) -> str:
        if isinstance(a, dict) and isinstance(b, dict) and "median" in a and "median" in b:
            return f"{a['median'] / max(b['median'], 1e-6):.0f}x"
        if isinstance(a, float) and isinstance(b, float):
            return f"{a / max(b, 1e-6):.1f}x"
        return "-"

    r, m, d = results["rdflib"], results["oxigraph"], results["oxigraph:DIR"]
    lines = [
        "| step | rdflib | oxigraph (memory) | oxigraph:DIR | rdflib / memory |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| load graph.ttl (DIR: open the store) | {cell(r['load'])} | {cell(m['load'])} | {cell(d['load'])} "
        f"| {ratio(r['load'], m['load'])} |",
        f"| write graph.ttl (rdflib) / the store | {cell(r.get('turtle_write'))} | - "
        f"| {cell(d.get('store_write'))} | - |",
    ]
    for name, bindings in QUERIES:
        key = name + "".join(f" {k}={v}" for k, v in bindings.items())
        rows = next((v["rows"] for v in (r[key], m[key], d[key]) if isinstance(v, dict) and "rows" in v), "?")
        lines.append(
            f"| `{key}` ({rows} rows) | {cell(r[key])} | {cell(m[key])} | {cell(d[key])} "
            f"| {ratio(r[key], m[key])} |"
        )
    lines.append(
        f"| peak memory | {r['peak_mib']:.0f} MiB | {m['peak_mib']:.0f} MiB | {d['peak_mib']:.0f} MiB | "
        f"{float(r['peak_mib']) / float(m['peak_mib']):.1f}x |"  # type: ignore[arg-type]
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench-stores"))
    parser.add_argument(
        "--budget", type=float, default=300.0, help="seconds before an rdflib query is stopped"
    )
    parser.add_argument("--engine", help=argparse.SUPPRESS)  # the child process's own engine
    args = parser.parse_args()
    if args.engine:
        result = measure(args.engine, args.work / "big.ttl", args.budget, args.work / "store")
        print(json.dumps(result))
        return
    _, note = make_graph(args.work, args.docs, args.triples)
    print(note, flush=True)
    results: dict[str, dict[str, object]] = {}
    for engine in ("oxigraph", "oxigraph:DIR", "rdflib"):
        command = [
            sys.executable,
            __file__,
            "--engine",
            engine,
            "--work",
            str(args.work),
            "--budget",
            str(args.budget),
        ]
        child = subprocess.run(command, capture_output=True, text=True, check=True)
        results[engine] = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"{engine}: {json.dumps(results[engine])}", file=sys.stderr, flush=True)
    print(table(results))


if __name__ == "__main__":
    main()
