"""Run a function with a deadline, in a child process that is stopped when the deadline passes.

A thread cannot be stopped in Python: a runaway SPARQL query in a worker thread would go on
using a CPU core (and holding the GIL) after the caller gave up on it. A process can be
terminated, which frees its CPU and memory at once. With the ``fork`` start method (Linux, the
default there) the child shares the parent's memory copy-on-write, so the graph is not copied;
elsewhere (``spawn``) the arguments are pickled to the child. The result is pickled back.

>>> call_with_timeout(sum, ([1, 2, 3],), seconds=30)
6
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")

_STOP_GRACE = 1.0  # seconds a terminated child gets before it is killed


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _child(func: Callable[..., Any], args: tuple[Any, ...], conn: Connection) -> None:
    try:
        outcome: tuple[bool, Any] = (True, func(*args))
    except BaseException as exc:  # every failure goes back to the parent, to be raised there
        outcome = (False, exc)
    try:
        conn.send(outcome)
    except (pickle.PicklingError, TypeError, AttributeError) as exc:  # an unpicklable result or error
        conn.send((False, RuntimeError(f"{type(outcome[1]).__name__}: {outcome[1]} ({exc})")))
    finally:
        conn.close()


def call_with_timeout(func: Callable[..., T], args: tuple[Any, ...], seconds: float) -> T:
    """``func(*args)`` in a child process; its exception is raised here as it was raised there.

    Raises :class:`TimeoutError` when no answer came within ``seconds``; the child is then
    terminated (killed if it does not stop within a second), so nothing keeps running.
    """
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(func, args, sender), daemon=True)
    process.start()
    sender.close()  # the child holds the only writer: if it dies, recv() sees the end of the pipe
    try:
        if not receiver.poll(seconds):
            raise TimeoutError(f"no answer within {seconds:g} s")
        try:
            ok, value = receiver.recv()
        except EOFError:
            process.join(_STOP_GRACE)
            raise RuntimeError(
                f"the worker process ended without an answer (exit code {process.exitcode})"
            ) from None
    finally:
        if process.is_alive():
            process.terminate()
            process.join(_STOP_GRACE)
            if process.is_alive():
                process.kill()
        process.join()
        receiver.close()
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]
