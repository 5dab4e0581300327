"""The processes of ``kg serve``'s worker pool (:mod:`kg.serve.pool`): the zygote, which forks
the workers, the loop each worker runs, and what the pool reads and sets of a process (its CPU
time, its scheduling policy).
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import gc
import os
import resource
import signal
import socket
import warnings
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any

__all__ = ["RETIRE_GROWTH", "cpu_seconds", "die_with_parent", "fork", "lower_priority", "zygote"]

RETIRE_GROWTH = 256 << 20  # bytes a worker may grow by before it is retired after its answer
_PR_SET_PDEATHSIG = 1
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def die_with_parent() -> None:
    """Ask the kernel to kill this process when its parent ends (no orphaned workers)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _vm_bytes() -> tuple[int, int]:
    """(virtual size, resident size) of this process in bytes."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        size, resident = statm.read().split()[:2]
    page = os.sysconf("SC_PAGE_SIZE")
    return int(size) * page, int(resident) * page


def fork() -> int:
    """os.fork, without Python 3.12's warning about other threads: the zygote is forked before the
    server's threads start (an on-disk Oxigraph store has RocksDB threads of its own, which take
    no lock a read needs), and a worker is forked from the zygote, which runs none."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return os.fork()


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICKS


def lower_priority(pid: int) -> None:
    """SCHED_IDLE: the process runs only on a CPU nothing else wants, and a waking process takes
    the CPU from it at once (nice 19 still gets a share, and a wake-up may wait for its slice).
    Lowering needs no privilege; nice 19 where SCHED_IDLE is missing."""
    try:
        os.sched_setscheduler(pid, os.SCHED_IDLE, os.sched_param(0))
    except (AttributeError, OSError):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, pid, 19)


def _serve_requests(fd: int, handle: Callable[[Any], Any], memory: int | None) -> None:
    conn = Connection(fd)
    faulthandler.disable()  # an abort over the memory bound is expected; the server answers 503
    if memory is not None:
        size, _ = _vm_bytes()
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = size + memory
        resource.setrlimit(resource.RLIMIT_AS, (soft if hard < 0 else min(soft, hard), hard))
    start = _vm_bytes()[1]
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            outcome: tuple[str, Any] = ("ok", handle(request))
        except MemoryError:
            outcome = ("memory", None)
        except Exception as exc:  # a fault of kg's: the server answers 500 with it
            outcome = ("error", f"{type(exc).__name__}: {exc}")
        retire = outcome[0] == "memory" or _vm_bytes()[1] - start > RETIRE_GROWTH
        try:
            conn.send((outcome, retire))
        except (MemoryError, OSError, ValueError):
            return
        if retire:
            return


def zygote(
    ctrl: socket.socket, handle: Callable[[Any], Any], memory: int | None, warm: Sequence[Any]
) -> None:
    """The zygote's life: handle the ``warm`` requests, then fork a worker for each channel the
    pool sends on ``ctrl`` and send back the worker's pid and pidfd, until ``ctrl`` closes."""
    for request in warm:  # what a first query builds (rdflib's parser streamlines its grammar:
        with contextlib.suppress(Exception):  # ~40 ms) is then built once, shared by every worker
            handle(request)
    gc.freeze()  # workers' collections then skip the shared objects and leave their pages shared
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(ctrl, 16, 1)
        except OSError:
            return
        if not message:
            return  # the server closed its end: it is gone or closing
        if not fds:
            continue
        pid = fork()
        if pid == 0:
            ctrl.close()
            die_with_parent()
            try:
                _serve_requests(fds[0], handle, memory)
            finally:
                os._exit(0)
        os.close(fds[0])
        try:
            pidfd = [os.pidfd_open(pid)]
        except OSError:  # it already ended
            pidfd = []
        socket.send_fds(ctrl, [str(pid).encode()], pidfd)
        for one in pidfd:
            os.close(one)
