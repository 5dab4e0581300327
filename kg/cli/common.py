"""What every ``kg`` command shares: errors mapped to one line and an exit code, and options."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.config import DEFAULT_HTML_READER, DEFAULT_MODEL, HTML_READERS
from kg.errors import InputError, KGError, KGWarning

F = TypeVar("F", bound=Callable[..., Any])

read_store_option = click.option(
    "--store",
    "store_spec",
    default=None,
    metavar="STORE",
    help="rdflib (default), oxigraph (GRAPH loaded into Oxigraph in memory: fast for big graphs) "
    "or oxigraph:DIR (the on-disk store kg build --store made; then leave GRAPH out).",
)
model_option = click.option(
    "--model",
    default=DEFAULT_MODEL,
    show_default=True,
    help="Installed spaCy pipeline (package name or path) to use.",
)

html_reader_option = click.option(
    "--html-reader",
    type=click.Choice(HTML_READERS),
    default=DEFAULT_HTML_READER,
    show_default=True,
    help="How an HTML page's article is found: trafilatura (menus, cookie banners, comments and "
    "sidebars left out) or builtin (<main> or <article>, without nav, aside, footer).",
)

follow_symlinks_option = click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Also read symbolic links in an input folder whose target is outside it (skipped by "
    "default; a FIFO or device is never read).",
)


def fail(message: str, code: int) -> None:
    click.echo(f"kg: error: {message}", err=True)
    sys.exit(code)


def handle_errors(func: F) -> F:
    """KGError -> one line and exit 2; anything else -> one line and exit 1 (KG_DEBUG=1 re-raises)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always", KGWarning)
                warnings.showwarning = _show_warning
                return func(*args, **kwargs)
        except KGError as exc:
            fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except Exception as exc:
            if os.environ.get("KG_DEBUG"):
                raise
            fail(f"internal error: {type(exc).__name__}: {exc} (set KG_DEBUG=1 for a traceback)", 1)

    return wrapper  # type: ignore[return-value]


_python_showwarning = warnings.showwarning


def _show_warning(message: Warning | str, category: type[Warning], *args: Any, **kwargs: Any) -> None:
    # kg's own warnings are one line for the user; anything else as Python shows it.
    if issubclass(category, KGWarning):
        click.echo(f"kg: warning: {message}", err=True)
    else:
        _python_showwarning(message, category, *args, **kwargs)


def check_inputs(inputs: tuple[str, ...]) -> None:
    for path in inputs:
        if not Path(path).exists():
            raise InputError(f"no such file or folder: {path!r}")


def warn_skipped(skipped: list[Any]) -> None:
    for item in skipped:
        click.echo(f"kg: warning: skipped {item}", err=True)
