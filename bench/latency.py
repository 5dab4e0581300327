"""Named-query latency as the graph grows: every shipped query, bound as its header suggests, on
Oxigraph in memory and on disk at about 100k and 1M triples (median of 5-25 runs), and the growth
per 10x. Not part of the test suite.

    python bench/latency.py [--docs 600] [--sizes 100000,1000000] [--work /tmp/kg-bench-latency]
                            [--baseline ../main]

With ``--baseline TREE`` the named queries' text in ``TREE/kg/sparql/named`` is timed in the same
run, on the same stores, with the bound values only substituted (not also written in the query
as kg now does), and the last columns give its times at the largest size and the ratio.

The graphs: ``kg build`` of the first ``--docs`` Reuters-21578 articles, copied with renamed IRIs
(as ``bench/stores.py`` does) and, unlike there, renamed names too (``rdfs:label`` and
``skos:altLabel`` get `` ~cN`` in copy N), so a bound name picks one entity at every size, as in
one real corpus, instead of one per copy. The degrees and ranks ``most-connected`` reads are
dropped from the copies and computed on the whole copied graph by ``kg.graph.degree``, as a build
of that corpus would write them (a copy's ranks would be wrong in the whole). The bound values
are read from the smaller graph: the first row of the unbound query (the most connected entity
for ``entity-profile``).

Two figures per query: Oxigraph's evaluation (the store's answer, converted to rdflib terms as
``kg query`` shows it) and kg's checks before it (rdflib parses every query to refuse updates,
SERVICE and FROM, and to check bindings; this does not depend on the graph's size).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REUTERS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "reuters21578.jsonl"
NAMES = ("<http://www.w3.org/2000/01/rdf-schema#label>", "<http://www.w3.org/2004/02/skos/core#altLabel>")
RUNS = 5
MORE_RUNS, FOR = 25, 0.5  # a query faster than that runs up to 25 times in 0.5 s: a few ms vary most
# (query, the variable its header suggests binding, the query and column its value is read from)
QUERIES: list[tuple[str, str | None, tuple[str, int] | None]] = [
    ("appeals", "target", ("appeals", 1)),
    ("coalitions", "first", ("coalitions", 0)),
    ("entity-profile", "name", ("most-connected", 1)),
    ("most-connected", None, None),
    ("most-connected", "class", None),  # kg:Company
    ("responses-to-accusations", "responder", ("responses-to-accusations", 0)),
    ("timeline", "agent", ("timeline", 2)),
    ("who-accuses-whom", "accuser", ("who-accuses-whom", 0)),
]


def base_triples(work: Path, docs: int) -> list[str]:
    """N-Triples lines of ``kg build`` over the first ``docs`` Reuters articles (cached)."""
    base = work / f"base-{docs}.nt"
    if not base.is_file():
        from kg.api import build

        work.mkdir(parents=True, exist_ok=True)
        subset = work / "subset.jsonl"
        with REUTERS.open(encoding="utf-8") as src:
            head = "".join(line for _, line in zip(range(docs), src, strict=False))
        subset.write_text(head, encoding="utf-8")
        base.write_text(build([subset]).graph.serialize(format="nt"), encoding="utf-8")
    return [line for line in base.read_text(encoding="utf-8").splitlines() if line.strip()]


def scaled(work: Path, lines: list[str], triples: int) -> Path:
    """``lines`` copied to about ``triples`` triples, IRIs and names renamed per copy, with the
    degrees and ranks a build of the whole corpus would write (cached)."""
    from kg.config import RESOURCE_NS

    copies = max(1, round(triples / len(lines)))
    out = work / f"copies-{copies}-ranked.nt"
    if out.is_file():
        return out
    iri = re.compile(r"<(" + re.escape(RESOURCE_NS) + r"[^>]*)>")
    literal = re.compile(r'"((?:[^"\\]|\\.)*)"')
    lines = [line for line in lines if not degree_line(line)]
    partial = out.with_suffix(".tmp")
    with partial.open("w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
        for n in range(1, copies):
            for line in lines:
                line = iri.sub(rf"<\1~c{n}>", line)
                if any(p in line for p in NAMES):
                    line = literal.sub(rf'"\1 ~c{n}"', line, count=1)
                handle.write(line + "\n")
    # A rank is a statistic of the whole graph: a copy's own would be wrong in the combined one.
    with partial.open("a", encoding="utf-8") as handle:
        for entity, prop, value in ranked(partial):
            handle.write(f"<{entity}> <{prop}> {value.n3()} .\n")
    partial.rename(out)
    return out


def degree_line(line: str) -> bool:
    """Whether an N-Triples line is one of kg.graph.degree's (a copy's would be wrong in the whole)."""
    from kg.graph.degree import STATISTICS

    return line.split(" ", 2)[1][1:-1] in {str(p) for p in STATISTICS}


def ranked(nt: Path) -> list[tuple[Any, Any, Any]]:
    """kg's degree triples (kg.graph.degree, as the build computes them) of the graph in ``nt``."""
    import pyoxigraph as ox
    from rdflib.namespace import RDF, RDFS

    from kg.graph.degree import degree_triples
    from kg.ontology import KG, relation_names

    relations = {str(KG[name]) for name in relation_names()}
    found: list[tuple[str, str, str]] = []
    classes: dict[str, str] = {}
    labels: dict[str, str] = {}
    for t in ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES):
        p = t.predicate.value
        if p in relations:
            found.append((t.subject.value, p, t.object.value))
        elif p == str(RDF.type):
            classes[t.subject.value] = t.object.value
        elif p == str(RDFS.label):
            labels[t.subject.value] = t.object.value
    names = {e: (classes[e], labels[e]) for e in classes.keys() & labels.keys()}
    return degree_triples(found, names)


def engines(nt: Path) -> dict[str, Any]:
    """The graph in an in-memory store and in an on-disk one (made once, beside the file)."""
    import pyoxigraph as ox

    from kg.sparql.stores import open_store

    folder = nt.with_suffix(".store")
    if not folder.is_dir():
        store = ox.Store(str(folder))
        store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        del store
    return {"memory": open_store(nt, "oxigraph"), "disk": open_store(f"oxigraph:{folder}")}


def evaluation(engine: Any, query: str, bindings: dict[str, str], hinted: bool = True) -> tuple[float, int]:
    """Median seconds of Oxigraph's evaluation, 5 runs or up to 25 of a fast query (what
    OxigraphEngine._run does after its checks: the bound values substituted and, with ``hinted``,
    also written in the query where safe), rows."""
    import pyoxigraph as ox

    from kg.sparql.query import bind_value
    from kg.sparql.screen import with_projected
    from kg.sparql.stores.oxigraph import to_oxigraph

    scope = engine.namespaces
    substitutions = {ox.Variable(k): to_oxigraph(bind_value(v, scope)) for k, v in bindings.items()}
    selected = query[query.index("SELECT") : query.index("WHERE")]
    added = [k for k in bindings if f"?{k} " not in selected + " "]
    text = (with_projected(query, added) or query) if added else query
    evaluate = engine._evaluate_bound if hinted else engine._evaluate
    times, rows = [], 0
    while len(times) < RUNS or (len(times) < MORE_RUNS and sum(times) < FOR):
        started = time.perf_counter()
        rows = len(evaluate(text, substitutions, added, "SELECT").rows)
        times.append(time.perf_counter() - started)
    return statistics.median(times), rows


def checks(query: str) -> float:
    """kg's checks of a query it has not seen (it keeps the parse of a query text it has)."""
    from kg.sparql.query import PREFIXES, _parse_kept, parse_checked

    times = []
    for _ in range(RUNS):
        _parse_kept.cache_clear()
        started = time.perf_counter()
        parse_checked(query, PREFIXES)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bound_values(engine: Any) -> dict[str, str]:
    """Each bound query's value, from the first row of its source query on ``engine``."""
    from kg.sparql.query import named_query

    out = {"most-connected": "kg:Company"}
    for name, _, source in QUERIES:
        if source is not None:
            rows = engine.query(named_query(source[0])).rows
            names = [str(row[source[1]]) for row in rows if row[source[1]] is not None]
            out[name] = next((n for n in names if "~c" not in n), "")
    return out


def main() -> None:
    from kg.sparql.query import named_query

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench-latency"))
    parser.add_argument("--baseline", type=Path, help="a kg tree whose named queries are timed too")
    args = parser.parse_args()
    texts = {name: named_query(name) for name, _, _ in QUERIES}
    if args.baseline:
        named = args.baseline / "kg" / "sparql" / "named"
        texts |= {f"{name}@baseline": (named / f"{name}.rq").read_text(encoding="utf-8") for name in texts}
    tags = [""] + (["@baseline"] if args.baseline else [])
    lines = base_triples(args.work, args.docs)
    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict[tuple[str, str, int], tuple[float, int]] = {}
    values: dict[str, str] = {}
    counts = []
    for size in sizes:
        nt = scaled(args.work, lines, size)
        opened = engines(nt)
        counts.append(len(opened["memory"]))
        values = values or bound_values(opened["memory"])
        for name, var, _ in QUERIES:
            bindings = {var: values[name]} if var else {}
            for where, engine in opened.items():
                for tag in tags:  # interleaved, so both see the same machine
                    key = (name + str(bindings) + tag, where, size)
                    results[key] = evaluation(engine, texts[name + tag], bindings, hinted=not tag)
            print(f"{counts[-1]:,} triples: {name} {bindings} done", file=sys.stderr, flush=True)
        for engine in opened.values():
            engine.close()
    small, big = sizes[0], sizes[-1]
    print(
        f"kg build of {args.docs} Reuters articles ({len(lines):,} triples) copied: "
        + ", ".join(f"{c:,}" for c in counts)
        + " triples"
    )
    before = " baseline: memory, disk (ratio) |" if args.baseline else ""
    print(
        f"| query (bound as its header suggests) | kg's checks | memory {small:,} | memory {big:,} "
        f"| growth | disk {small:,} | disk {big:,} | growth | rows |{before}"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + (" ---: |" if before else ""))
    for name, var, _ in QUERIES:
        bindings = {var: values[name]} if var else {}
        key = name + str(bindings)
        cells = []
        for where in ("memory", "disk"):
            a, b = results[(key, where, small)][0], results[(key, where, big)][0]
            cells += [f"{a * 1000:.1f} ms", f"{b * 1000:.1f} ms", f"{b / max(a, 1e-6):.1f}x"]
        shown = f"`{name}" + "".join(f" --bind {k}={v!r}" for k, v in bindings.items()) + "`"
        row = f"| {shown} | {checks(named_query(name)) * 1000:.0f} ms | " + " | ".join(cells)
        row += f" | {results[(key, 'memory', big)][1]} |"
        if args.baseline:
            was = [results[(key + "@baseline", where, big)][0] for where in ("memory", "disk")]
            now = [results[(key, where, big)][0] for where in ("memory", "disk")]
            row += f" {was[0] * 1000:,.0f} ms, {was[1] * 1000:,.0f} ms "
            row += f"({was[0] / max(now[0], 1e-6):.0f}x, {was[1] / max(now[1], 1e-6):.0f}x) |"
        print(row)


if __name__ == "__main__":
    main()
