"""The query worker pool itself: how it treats a slow query, and workers that start warm."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from kg.serve import pool as pool_module
from kg.serve.pool import PoolStopped, WorkerPool, pool_supported

pytestmark = pytest.mark.skipif(not pool_supported(), reason="the worker pool is Linux only")

_seen: list[str] = []  # what a process has handled: the zygote's warm-up shows in its workers


def spin_or_record(request: Any) -> Any:
    """A number: use that many seconds of CPU; a string: record it and return all recorded."""
    if isinstance(request, str):
        _seen.append(request)
        return list(_seen)
    end = time.monotonic() + request
    while time.monotonic() < end:
        pass
    return "done"


@contextmanager
def started(size: int, warm: tuple[str, ...] = ()) -> Iterator[WorkerPool]:
    pool = WorkerPool(spin_or_record, size, None, warm=warm)
    try:
        yield pool
    finally:
        pool.close()


def state(pid: int) -> str | None:
    """The process state letter (R, S, T for stopped, ...), None once it is gone."""
    try:
        found = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None if found in ("Z", "X") else found


def told_to_stop(pid: int) -> bool:
    """Stopped, or sent SIGSTOP: a stop takes effect when the process next runs, which for a
    SCHED_IDLE process on a busy machine can be a second later."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    pending = int(fields["SigPnd"], 16) | int(fields["ShdPnd"], 16)
    return fields["State"].split()[0] == "T" or bool(pending >> (signal.SIGSTOP - 1) & 1)


def demoted(pool: WorkerPool) -> set[int]:
    found = set()
    for pid in pool.worker_pids():
        try:
            if os.sched_getscheduler(pid) == os.SCHED_IDLE:
                found.add(pid)
        except OSError:
            pass
    return found


def wait_for(condition: Any, seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "timed out waiting"
        time.sleep(0.05)


def test_a_slow_query_runs_under_sched_idle_and_a_fresh_worker_takes_its_place() -> None:
    with started(1) as pool, ThreadPoolExecutor(1) as slow:
        (first,) = pool.worker_pids()
        future = slow.submit(pool.call, 3.0, 20)
        wait_for(lambda: demoted(pool) == {first})  # it used its CPU allowance
        wait_for(lambda: len(pool.worker_pids()) == 2)
        assert pool.call("cheap", 5) == ["cheap"]  # answered by the fresh worker meanwhile
        assert future.result(20) == "done"
        wait_for(lambda: state(first) is None)  # a demoted worker is retired after its answer


def test_demoted_queries_take_turns_one_at_a_time_and_each_keeps_its_deadline() -> None:
    assert pool_module.RUN_DEMOTED == 1
    with started(2) as pool, ThreadPoolExecutor(3) as slow:  # up to 4 demoted at once
        futures: list[Future[Any]] = [slow.submit(pool.call, 60.0, 8.0) for _ in range(3)]
        wait_for(lambda: len(demoted(pool)) == 3)
        pids = demoted(pool)

        def stopped() -> set[int]:
            return {pid for pid in pids if told_to_stop(pid)}

        wait_for(lambda: len(stopped()) == 2, 5)  # waiting for their turn
        before = stopped()
        wait_for(lambda: len(stopped()) == 2 and stopped() != before, pool_module.SLICE + 5)
        for future in futures:  # stopped or running, each query ends at its own deadline
            with pytest.raises(PoolStopped, match="did not finish within 8 s"):
                future.result(30)
        wait_for(lambda: not any(state(pid) for pid in pids))
        assert pool.call("cheap", 5) == ["cheap"]


def test_workers_are_forked_after_the_warm_up_so_they_start_with_what_it_built() -> None:
    with started(2, warm=("warm-up",)) as pool:
        assert pool.call("first", 5) == ["warm-up", "first"]
        assert _seen == []  # the warm-up ran in the zygote, not in this process
        killed = pool.worker_pids()
        for pid in killed:  # their replacements are forked from the same zygote
            os.kill(pid, signal.SIGKILL)
        wait_for(lambda: not any(map(state, killed)))
        answers = []
        for _ in range(6):
            try:
                answers.append(pool.call("again", 5))
            except MemoryError:  # a killed worker, found when it is called: replaced
                continue
        assert answers[0] == ["warm-up", "again"]
        assert all(answer[0] == "warm-up" for answer in answers)
