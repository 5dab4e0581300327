"""How long the window is in which a killed ``kg build --store`` could leave its store and files
from two builds, and what naming the graph in records.jsonl costs. Not part of the test suite.

    python bench/switch.py [--mb 1 10 100] [--work /tmp/kg-bench-switch]

For outputs of each size (graph.ttl, graph.html and records.jsonl of that many MB, and a store
folder of that many MB in 64 files), the switch (kg.files.replace_together) is timed: its renames
(the old ones set aside, the new ones renamed in: the only time a kill can split the four) and
the whole, with the old ones removed after. Both are set against writing the same three files
(kg.files.atomic_write, what every build does anyway), and so is the SHA-256 of graph.ttl (the
digest records.jsonl and the store name). Median of 5 runs.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import time
from pathlib import Path

from kg.files import atomic_write, new_temp, replace_together

FILES = ("graph.ttl", "graph.html", "records.jsonl")


def make_outputs(folder: Path, mb: int, byte: bytes) -> list[tuple[Path, Path]]:
    data = byte * (mb << 20)
    store = folder / "store"
    staging = new_temp(store, folder=True)
    for i in range(64):
        (staging / f"{i:06d}.sst").write_bytes(data[: len(data) // 64])
    moves = [(staging, store)]
    for name in FILES:
        tmp = new_temp(folder / name)
        tmp.write_bytes(data)
        moves.append((tmp, folder / name))
    return moves


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench-switch"))
    args = parser.parse_args()
    head = ["MB each", "write 3 files", "renames", "ratio", "+ old gone", "sha256 ttl", "ratio"]
    print(" ".join(f"{h:>{w}}" for h, w in zip(head, (8, 14, 11, 7, 12, 11, 7), strict=True)))
    for mb in args.mb:
        write: list[float] = []
        window: list[float] = []
        switch: list[float] = []
        digest: list[float] = []
        for run in range(5):
            folder = args.work / f"{mb}-{run}"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            replace_together(make_outputs(folder, mb, b"a"))  # a previous build to replace
            moves = make_outputs(folder, mb, b"b")
            data = (folder / "graph.ttl").read_bytes()
            started = time.perf_counter()
            for name in FILES:
                atomic_write(folder / f"again-{name}", data)
            write.append(time.perf_counter() - started)
            os.sync()
            renamed: list[float] = []
            real = os.replace

            def timed(src: Path, dst: Path, real=real, renamed=renamed) -> None:
                real(src, dst)
                renamed.append(time.perf_counter())

            os.replace = timed  # type: ignore[assignment]
            started = time.perf_counter()
            replace_together(moves)
            done = time.perf_counter()
            os.replace = real
            window.append(renamed[-1] - started)  # from the first link to the last rename
            switch.append(done - started)
            started = time.perf_counter()
            hashlib.sha256((folder / "graph.ttl").read_bytes()).hexdigest()
            digest.append(time.perf_counter() - started)
            shutil.rmtree(folder)
        w, r, s, d = map(statistics.median, (write, window, switch, digest))
        print(
            f"{mb:>8} {w * 1000:>11.1f} ms {r * 1000:>8.3f} ms {r / w:>7.4f} {s * 1000:>9.1f} ms"
            f" {d * 1000:>8.1f} ms {d / w:>7.3f}"
        )


if __name__ == "__main__":
    main()
