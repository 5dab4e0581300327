"""Output folders for the commands; files are written by :func:`kg.files.atomic_write`."""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import OutputError


def ensure_dir(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {str(path)!r}: {exc.strerror}") from None
    if not os.access(path, os.W_OK):
        raise OutputError(f"output folder {str(path)!r} is not writable")
    return path
