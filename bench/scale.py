"""Scale of ``kg build``: throughput against plain ``nlp.pipe``, and time and memory on Reuters.

Usage: python bench/scale.py [--sizes 19043,1000,4000] [--skip-bbc] [--skip-reuters]

Prints a table (not a test):
- words/s of ``kg build`` (the ``kg`` command, end to end, streaming into an Oxigraph store)
  against plain ``nlp.pipe`` with the same model as ``spacy.load`` gives it, 1 and 2 processes, on BBC;
- for first-N subsets of Reuters-21578, ``kg build --workers 2 --store oxigraph:DIR``: seconds,
  peak memory of the whole process tree (psutil, polled) and of the parent (``time -v``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import spacy

from kg.config import DEFAULT_MODEL
from kg.io import read_inputs

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"
KG = str(Path(sys.executable).with_name("kg"))


def tree_peak(proc: subprocess.Popen[bytes], peak: list[int]) -> None:
    """Poll the RSS of ``proc`` and its children until it exits; the peak goes in ``peak``."""
    try:
        root = psutil.Process(proc.pid)
        while proc.poll() is None:
            total = 0
            for p in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
            peak[0] = max(peak[0], total)
            time.sleep(0.5)
    except psutil.Error:
        pass


def run_build(inputs: str, workers: int, where: Path) -> tuple[float, int, int, str]:
    """(seconds, tree peak bytes, parent max RSS bytes, kg's summary) of one ``kg build``."""
    cmd = ["/usr/bin/time", "-v", KG, "build", inputs, "--out", str(where / "out")]
    cmd += ["--store", f"oxigraph:{where / 'store'}", "--workers", str(workers)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = [0]
    watcher = threading.Thread(target=tree_peak, args=(proc, peak))
    watcher.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    watcher.join()
    if proc.returncode != 0:
        raise SystemExit(f"kg build failed: {err.decode()[-2000:]}")
    rss = re.search(rb"Maximum resident set size \(kbytes\): (\d+)", err)
    return seconds, peak[0], int(rss.group(1)) * 1024 if rss else 0, out.decode().strip().splitlines()[0]


def bbc(model: str) -> None:
    folder = DATA / "bbc"
    texts = [d.text for d in read_inputs([folder]).documents]
    words = sum(len(t.split()) for t in texts)
    nlp = spacy.load(model)  # spaCy's pipeline as shipped, not kg's faster equivalent
    list(nlp.pipe(texts[:20]))
    print(f"BBC: {len(texts)} documents, {words:,} words; components: {', '.join(nlp.pipe_names)}")
    print(f"cores: {os.cpu_count()}")
    print(f"{'':34}{'seconds':>9}{'words/s':>10}")
    rates = {}
    for n in (1, 2):
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32, n_process=n):
            pass
        plain = time.perf_counter() - t0
        rates[f"plain{n}"] = words / plain
        print(f"{f'plain nlp.pipe, n_process={n}':34}{plain:>9.1f}{words / plain:>10.0f}")
        with tempfile.TemporaryDirectory() as tmp:
            seconds, _, _, _ = run_build(str(folder), n, Path(tmp))
        rates[f"kg{n}"] = words / seconds
        print(
            f"{f'kg build --workers {n} (end to end)':34}{seconds:>9.1f}{words / seconds:>10.0f}", flush=True
        )
    print(f"kg 1 worker / plain 1 process: {rates['kg1'] / rates['plain1']:.2f}")
    print(f"kg 2 workers / plain 2 processes: {rates['kg2'] / rates['plain2']:.2f}")
    print(f"kg 2 workers / kg 1 worker: {rates['kg2'] / rates['kg1']:.2f}", flush=True)


def reuters(sizes: list[int]) -> None:
    source = DATA / "reuters21578.jsonl"
    lines = source.read_text(encoding="utf-8").splitlines()
    print(f"Reuters-21578: kg build --workers 2 --store oxigraph:DIR ({os.cpu_count()} cores)")
    print(f"{'documents':>10}{'words':>11}{'seconds':>9}{'docs/s':>8}{'tree peak GiB':>15}{'parent GiB':>12}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            subset = Path(tmp) / f"reuters-{n}.jsonl"
            subset.write_text("\n".join(lines[:n]) + "\n", encoding="utf-8")
            words = sum(len(json.loads(line)["text"].split()) for line in lines[:n] if line.strip())
            seconds, tree, parent, summary = run_build(str(subset), 2, Path(tmp))
            queried = subprocess.run(
                [KG, "query", f"oxigraph:{Path(tmp) / 'store'}", "timeline"], capture_output=True, text=True
            )
            answer = f"timeline: exit {queried.returncode}, {len(queried.stdout.splitlines())} lines"
        print(
            f"{n:>10}{words:>11,}{seconds:>9.1f}{n / seconds:>8.1f}"
            f"{tree / 2**30:>15.2f}{parent / 2**30:>12.2f}"
            f"   {summary}; {answer}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--sizes", default="19043,1000,4000")
    parser.add_argument("--skip-bbc", action="store_true")
    parser.add_argument("--skip-reuters", action="store_true")
    args = parser.parse_args()
    if not args.skip_reuters:
        reuters([int(n) for n in args.sizes.split(",")])
    if not args.skip_bbc:
        bbc(args.model)


if __name__ == "__main__":
    main()
