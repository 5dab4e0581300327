"""``kg serve`` under load and faults, over the examples' graph.

Usage: python bench/load.py [--clients 32] [--seconds 5] [--graph FILE] [--no-baseline]

Starts ``kg serve`` (a child process, on a free port) and prints:
- a cheap SELECT's latency (p50, p99, max) with 32 clients sending it back to back, alone and
  while 1, 2 and 3 slow queries (a 3-way cross product) run, and alone with a comment that makes
  each query's text new (no worker has parsed it before: what kept parses do not help);
- the same for one query at a time in the server's process (``--workers 0``), as the endpoint
  was: alone without a deadline and with one (a fork per query), and beside one slow query;
- how long after a client hangs up its query's worker is gone;
- how long a query over its memory bound takes to answer 503, and the server's RSS before and after.
Targets (issue 14): p99 < 250 ms, no reply > 1 s, hang-up stop < 1 s, RSS after < 2x idle.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CHEAP = "SELECT ?entity ?name WHERE { ?entity a kg:Company ; rdfs:label ?name } LIMIT 10"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
HUGE = (
    "SELECT (STRLEN(?x30) AS ?n) WHERE { BIND('aaaaaaaa' AS ?x0) "
    + " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(30))
    + " }"
)


def path_of(query: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query})


@contextmanager
def serving(graph: Path, *options: str) -> Iterator[tuple[int, int]]:
    """(port, pid) of a running ``kg serve GRAPH --port 0 OPTIONS``; stopped at the end."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(graph), "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=os.environ | {"PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = re.search(r":(\d+)/sparql", line)
        if not found:
            raise SystemExit(f"kg serve did not start: {line!r}")
        yield int(found.group(1)), process.pid
    finally:
        process.terminate()
        process.wait(30)


def get(port: int, query: str, timeout: float = 60) -> tuple[int, float]:
    """(status, seconds) of one GET on a new connection, as most clients send it."""
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path_of(query), headers={"Accept": "application/sparql-results+json"})
        response = conn.getresponse()
        response.read()
        return response.status, time.perf_counter() - start
    finally:
        conn.close()


def load(port: int, clients: int, seconds: float, new_text: bool = False) -> list[float]:
    """Latencies of the cheap SELECT from ``clients`` threads sending it back to back; with
    ``new_text``, each one with a comment of its own, so no worker has parsed it before."""
    times: list[float] = []
    failures: list[int] = []
    stop = time.monotonic() + seconds
    sent = itertools.count()

    def client() -> None:
        while time.monotonic() < stop:
            status, took = get(port, f"{CHEAP}\n# {next(sent)}" if new_text else CHEAP)
            (times if status == 200 else failures).append(took if status == 200 else status)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        print(f"  {len(failures)} cheap queries failed: statuses {sorted(set(failures))}")
    return times


def slow_client(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    sock.sendall(f"GET {path_of(SLOW)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    return sock


def row(label: str, times: list[float], seconds: float) -> None:
    ms = sorted(t * 1000 for t in times)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    rate, p50 = len(ms) / seconds, statistics.median(ms)
    print(f"{label:44}{len(ms):>7}{rate:>8.0f}{p50:>9.1f}{p99:>9.1f}{ms[-1]:>9.1f}")


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        for task in Path(f"/proc/{todo.pop()}/task").glob("*/children"):
            for child in task.read_text().split():
                found.append(int(child))
                todo.append(int(child))
    return found


def stat(pid: int) -> list[str] | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None if fields[0] in ("Z", "X") else fields


def rss_mib(pid: int) -> float:
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def cpu_ticks(pid: int) -> int:
    fields = stat(pid)
    return 0 if fields is None else int(fields[11]) + int(fields[12])


def hang_up(port: int, pid: int) -> float:
    """Seconds from a client's hang-up to the end of its query's worker."""
    sock = slow_client(port)
    time.sleep(0.3)
    before = {p: cpu_ticks(p) for p in descendants(pid)}
    time.sleep(0.7)  # the worker running it is the one using CPU
    busy = max(before, key=lambda p: cpu_ticks(p) - before[p])
    sock.close()
    start = time.perf_counter()
    while stat(busy) is not None:
        time.sleep(0.005)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--graph", type=Path, help="a graph file (default: the examples, built here)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the --workers 0 rows")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        graph = args.graph
        if graph is None:
            from kg.api import build
            from kg.graph.build import to_turtle

            graph = Path(tmp) / "graph.ttl"
            graph.write_text(to_turtle(build([str(EXAMPLES)]).graph), encoding="utf-8")
        load_avg = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"graph: {graph}; {os.cpu_count()} CPUs, load average {load_avg}")
        print(f"{args.clients} clients, {args.seconds:g} s each; a cheap SELECT's latency in ms")
        print(f"{'':44}{'queries':>7}{'per s':>8}{'p50':>9}{'p99':>9}{'max':>9}")
        if not args.no_baseline:
            for label, options in (
                ("one at a time, no deadline (--workers 0)", ("--workers", "0", "--timeout", "0")),
                ("one at a time, fork per query (--workers 0)", ("--workers", "0", "--timeout", "30")),
            ):
                with serving(graph, *options) as (port, _):
                    get(port, CHEAP)
                    row(label, load(port, args.clients, args.seconds), args.seconds)
            with serving(graph, "--workers", "0", "--timeout", "5") as (port, _):
                sock = slow_client(port)
                time.sleep(0.2)
                times = load(port, args.clients, args.seconds)
                row("one at a time, --timeout 5, while 1 slow runs", times, args.seconds)
                sock.close()
        with serving(graph) as (port, pid):
            for _ in range(8):
                get(port, CHEAP)  # every worker has run it once
            row("pool of 4 workers (default), alone", load(port, args.clients, args.seconds), args.seconds)
            times = load(port, args.clients, args.seconds, new_text=True)
            row("pool, alone, each query's text new", times, args.seconds)
            for slow in (1, 2, 3):
                socks = [slow_client(port) for _ in range(slow)]
                time.sleep(0.2)
                times = load(port, args.clients, args.seconds)
                label = f"pool, while {slow} slow quer{'y runs' if slow == 1 else 'ies run'}"
                row(label, times, args.seconds)
                for sock in socks:
                    sock.close()
                time.sleep(1.0)
            stops = [hang_up(port, pid) for _ in range(3)]
            print(f"hung-up client -> its worker gone: {', '.join(f'{s * 1000:.0f}' for s in stops)} ms")
            idle = rss_mib(pid)
            status, took = get(port, HUGE)
            time.sleep(0.5)
            print(
                f"over-memory query (8 GiB string, bound 1024 MiB): {status} in {took:.2f} s; "
                f"server RSS {idle:.0f} MiB idle, {rss_mib(pid):.0f} MiB after"
            )
            status, _ = get(port, CHEAP)
            print(f"a cheap query after it: {status}")


if __name__ == "__main__":
    main()
