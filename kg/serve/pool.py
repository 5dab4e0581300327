"""Query worker processes for ``kg serve``: a deadline without a fork per query, a slow query that
does not hold up cheap ones, and a bound on each query's memory.

Why processes: a query cannot be stopped inside a thread (neither rdflib nor pyoxigraph can be
interrupted), and rdflib's engine is pure Python, so threads would share one core through the
GIL. A process can be killed, which frees its CPU and memory at once.

Why a zygote: the graph is loaded once, then one process is forked from the server (before it
starts serving, so no other thread holds a lock the child would inherit); every worker is forked
from that zygote, so each shares the loaded graph copy-on-write (``gc.freeze`` keeps the
collector from touching, and so copying, the shared objects) and a worker killed for overrunning
is replaced in milliseconds without forking the threaded server. The zygote hands each new
worker's pidfd back, so a kill can never reach a recycled process id.

How a query runs: a handler thread takes an idle worker (first come, first served), sends it the
request and waits for the reply, checking every 0.05 s whether the deadline passed or the client
hung up (then the worker is killed and replaced). A query that has used :data:`DEMOTE_AFTER`
seconds of CPU (a cheap one uses a few milliseconds), or run for :data:`DEMOTE_AFTER_WALL` on
its worker (the wait for a worker does not count), is demoted: a fresh worker takes its place in
the pool, and its own runs under ``SCHED_IDLE`` (a waking cheap query takes the CPU from it at
once), :data:`RUN_DEMOTED` at a time: the other demoted ones are stopped (SIGSTOP) and take turns
of :data:`SLICE` seconds, their deadline and the hang-up check going on meanwhile (a running
``SCHED_IDLE`` process was seen taking a quarter of a busy core; one at a time, cheap queries'
p99 beside three slow ones was 0.75x that with all three running). A demoted worker is retired
when its query ends. A worker runs under ``RLIMIT_AS`` (its size when forked plus the memory
bound): a query over it fails to allocate (MemoryError, or an abort inside Oxigraph) and its
worker is replaced. A worker that has grown by over :data:`~kg.serve.process.RETIRE_GROWTH`
bytes is retired after its answer, so memory returns to the system.
Workers start warm: the zygote answers a few requests before it forks any (``warm``), so what a
first query builds (rdflib's parser streamlines its grammar, ~40 ms) is built once and shared.

Why not Oxigraph's own threads for ``--store``: its read-only handles are thread-safe and release
the GIL, but a running query cannot be stopped, so neither a deadline nor a hang-up could free
its core; one mechanism serves both engines.
Linux only (pidfd, prctl); elsewhere ``kg serve`` runs queries one at a time in its own process.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from kg.serve.process import cpu_seconds, die_with_parent, fork, lower_priority, zygote

__all__ = ["DEMOTE_AFTER", "PoolStopped", "WorkerPool", "pool_supported"]

DEMOTE_AFTER = 0.05  # seconds of CPU a query uses before it gives the CPU to cheaper ones
DEMOTE_AFTER_WALL = 1.0  # seconds on its worker before a query that uses little CPU is demoted too
RUN_DEMOTED = 1  # demoted queries that run at once; the others are stopped until their turn
SLICE = 1.0  # seconds a demoted query runs before a stopped one takes its turn
HANGUP_GRACE = 0.5  # seconds before the client's socket is first checked (see _client_gone)
CHECK_EVERY = 0.05  # seconds between checks of the deadline, the client and the CPU used


class PoolStopped(Exception):
    """A query was stopped by the pool; the message says why, in one line."""


class ClientGone(PoolStopped):
    """The client closed its connection before the answer."""


def pool_supported() -> bool:
    return hasattr(os, "fork") and hasattr(os, "pidfd_open") and hasattr(socket, "send_fds")


@dataclass(eq=False)
class _Worker:
    pid: int
    pidfd: int
    conn: Connection
    demoted: bool = False
    stopped: bool = False  # SIGSTOPped, waiting for its turn among the demoted
    turn: float = 0.0  # when its current turn began (time.monotonic)
    ended: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def signal(self, signum: int) -> None:
        """Sent through its pidfd, unless it has been killed."""
        with self.lock:
            if not self.ended:
                with contextlib.suppress(OSError):
                    signal.pidfd_send_signal(self.pidfd, signum)

    def restore_priority(self) -> None:
        """Back to the normal policy before a kill: a killed process still needs the CPU to exit,
        which under ``SCHED_IDLE`` on a busy machine took up to a second. Leaving ``SCHED_IDLE``
        needs CAP_SYS_NICE or an RLIMIT_NICE that allows it; without, the exit waits for idle CPU
        (the query itself runs no further). By pid, so only while its pidfd says it is alive."""
        with self.lock:
            if self.ended or select.select([self.pidfd], [], [], 0)[0]:
                return
            with contextlib.suppress(AttributeError, OSError):
                os.sched_setscheduler(self.pid, os.SCHED_OTHER, os.sched_param(0))

    def kill(self) -> None:
        """Killed through its pidfd (never a recycled pid); its channel and pidfd closed, once."""
        with self.lock:
            if self.ended:
                return
            self.ended = True
        with contextlib.suppress(OSError):
            signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
        self.conn.close()
        os.close(self.pidfd)


@dataclass(eq=False)
class _Waiter:
    ready: threading.Event = field(default_factory=threading.Event)
    worker: _Worker | None = None


class WorkerPool:
    """``size`` worker processes running ``handle(request)`` (``handle`` is shared by the fork, the
    request and its result are pickled), each under ``memory`` bytes over its forked size (None:
    unbounded); ``not_inherited`` are closed in the workers (the server's listening socket: a
    worker must not keep the port); the zygote handles the ``warm`` requests before it forks
    any worker, so what a first request builds is built once."""

    def __init__(
        self,
        handle: Callable[[Any], Any],
        size: int,
        memory: int | None,
        not_inherited: Sequence[socket.socket] = (),
        warm: Sequence[Any] = (),
    ) -> None:
        if size < 1:
            raise ValueError(f"a worker pool needs at least one worker, not {size}")
        self.size = size
        self.max_demoted = 2 * size  # slow queries running at once beyond the pool's own
        self._lock = threading.Lock()
        self._spawn_lock = threading.Lock()
        self._idle: list[_Worker] = []
        self._waiting: deque[_Waiter] = deque()  # first come, first served: no request starves
        self._all: set[_Worker] = set()
        self._live = 0  # workers at normal priority, idle or busy
        self._turns: deque[_Worker] = deque()  # every demoted worker busy with a query, in turn order
        self._closed = False
        ctrl, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pid = fork()
        if pid == 0:  # the zygote
            try:
                ctrl.close()
                for sock in not_inherited:
                    sock.close()
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # workers are reaped by the kernel
                die_with_parent()
                zygote(theirs, handle, memory, warm)
            finally:
                os._exit(0)
        theirs.close()
        self._ctrl, self._zygote_pid = ctrl, pid
        for _ in range(size):
            self._add()

    def _spawn(self) -> _Worker:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            with self._spawn_lock:
                socket.send_fds(self._ctrl, [b"w"], [theirs.fileno()])
                message, fds, _, _ = socket.recv_fds(self._ctrl, 16, 1)
        finally:
            theirs.close()
        if not message or not fds:
            ours.close()
            raise PoolStopped("the query worker pool cannot start a worker")
        return _Worker(int(message), fds[0], Connection(ours.detach()))

    def _add(self) -> None:
        if self._closed:
            return
        try:
            worker = self._spawn()
        except OSError:  # the pool was closed meanwhile
            return
        with self._lock:
            self._all.add(worker)
            self._live += 1
            self._give(worker)

    def _give(self, worker: _Worker) -> None:
        """To the request that has waited longest, else to the idle list (the lock is held)."""
        if self._waiting:
            waiter = self._waiting.popleft()
            waiter.worker = worker
            waiter.ready.set()
        else:
            self._idle.append(worker)

    def _release(self, worker: _Worker, retire: bool) -> None:
        """Back to the idle list, or retired (and replaced if it was one of the pool's own)."""
        replace = False
        with self._lock:
            if worker.demoted:
                retire = True
                with contextlib.suppress(ValueError):
                    self._turns.remove(worker)
                self._give_turns()
            elif retire:
                self._live -= 1
                replace = True
            retire = retire or self._closed
            if not retire:
                self._give(worker)
        if retire:
            with self._lock:
                self._all.discard(worker)
            if worker.demoted:
                worker.restore_priority()
            worker.kill()
        if replace and not self._closed:
            self._add()

    def _demote(self, worker: _Worker) -> None:
        """Out of the pool (a fresh worker takes its place), to the CPU no other process wants,
        and in turn with the other demoted queries, :data:`RUN_DEMOTED` at a time."""
        with self._lock:
            if len(self._turns) >= self.max_demoted or self._closed:
                return
            worker.demoted = True
            self._live -= 1
            lower_priority(worker.pid)  # by pid: it is busy with this query, so still alive
            worker.turn = time.monotonic()
            self._turns.append(worker)
            if len(self._turns) > RUN_DEMOTED:
                worker.stopped = True
                worker.signal(signal.SIGSTOP)
        self._add()

    def _take_turns(self, worker: _Worker) -> None:
        """A demoted query that has run for :data:`SLICE` gives its turn to a stopped one."""
        with self._lock:
            if (
                worker.stopped
                or len(self._turns) <= RUN_DEMOTED
                or time.monotonic() - worker.turn < SLICE
                or worker not in self._turns
            ):
                return
            self._turns.remove(worker)
            self._turns.append(worker)
            worker.stopped = True
            worker.signal(signal.SIGSTOP)
            self._give_turns()

    def _give_turns(self) -> None:
        """The first :data:`RUN_DEMOTED` demoted queries in turn run (the lock is held)."""
        for worker in list(self._turns)[:RUN_DEMOTED]:
            if worker.stopped:
                worker.stopped = False
                worker.turn = time.monotonic()
                worker.signal(signal.SIGCONT)

    def _acquire(self, deadline: float | None) -> _Worker:
        with self._lock:
            if self._closed:
                raise PoolStopped("the endpoint is shutting down")
            if self._idle and not self._waiting:
                return self._idle.pop()
            waiter = _Waiter()
            self._waiting.append(waiter)
        waiter.ready.wait(None if deadline is None else max(deadline - time.monotonic(), 0))
        with self._lock:
            if waiter.worker is not None:
                return waiter.worker
            with contextlib.suppress(ValueError):
                self._waiting.remove(waiter)
        if self._closed:
            raise PoolStopped("the endpoint is shutting down")
        raise PoolStopped(f"all {self.size} query workers stayed busy until its deadline")

    def call(self, request: Any, timeout: float | None, client: socket.socket | None = None) -> Any:
        """``handle(request)`` in a worker. Raises :class:`PoolStopped` when the deadline passes,
        :class:`ClientGone` when ``client`` hangs up, MemoryError when the worker ran out of
        memory (or ended without an answer), RuntimeError for an error inside ``handle``."""
        start = time.monotonic()
        deadline = None if timeout is None else start + timeout
        worker = self._acquire(deadline)
        try:
            cpu, sent = cpu_seconds(worker.pid), time.monotonic()
            worker.conn.send(request)
            while True:
                now = time.monotonic()
                wait = CHECK_EVERY if deadline is None else min(CHECK_EVERY, deadline - now)
                if worker.conn.poll(max(wait, 0)):
                    (kind, value), retire = worker.conn.recv()
                    break
                now = time.monotonic()
                if worker.demoted:
                    self._take_turns(worker)
                elif now - sent > DEMOTE_AFTER_WALL or cpu_seconds(worker.pid) - cpu > DEMOTE_AFTER:
                    self._demote(worker)
                if deadline is not None and now >= deadline:
                    raise PoolStopped(f"it did not finish within {timeout:g} s")
                if client is not None and now - start > HANGUP_GRACE and _client_gone(client):
                    raise ClientGone("the client closed its connection")
        except (EOFError, OSError):
            self._release(worker, retire=True)
            if self._closed:
                raise PoolStopped("the endpoint is shutting down") from None
            raise MemoryError from None  # a worker that ends mid-query hit its memory bound or crashed
        except BaseException:
            self._release(worker, retire=True)
            raise
        self._release(worker, retire)
        if kind == "memory":
            raise MemoryError
        if kind == "error":
            raise RuntimeError(value)
        return value

    def worker_pids(self) -> set[int]:
        """The process ids of the live workers, idle, busy or demoted (for tests and monitoring)."""
        with self._lock:
            return {worker.pid for worker in self._all}

    def close(self) -> None:
        """Kill every worker, idle or busy (their queries answer 503), and the zygote."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            workers, self._idle, self._all = self._all, [], set()
            for waiter in self._waiting:
                waiter.ready.set()
            self._waiting.clear()
        for worker in workers:  # busy ones too: their queries' clients get no answer
            worker.kill()
        self._ctrl.close()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self._zygote_pid, 0)


def _client_gone(client: socket.socket) -> bool:
    """Whether the client closed its connection. Checked only after :data:`HANGUP_GRACE`: a client
    that half-closes (shuts down its sending side, then reads) looks the same, and gets the
    answer of any query that ends within the grace."""
    try:
        if not select.select([client], [], [], 0)[0]:
            return False
        return client.recv(1, socket.MSG_PEEK) == b""  # readable: b"" is the end, data a next request
    except (OSError, ValueError):
        return True
