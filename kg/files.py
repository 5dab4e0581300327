"""Writing output files atomically, with the permissions any tool's output gets.

Every file kg writes is made beside its target and renamed over it, so a reader never sees half
a file and an interrupted run leaves the previous one whole. The temporary file is created the
way ``open(path, "w")`` creates one (mode 0666, folders 0777, less the umask; a folder's default
ACL applies too), not the way ``tempfile.mkstemp`` does (0600, folders 0700): after the rename
it *is* the output, and a web server or a colleague must be able to read it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from kg.errors import OutputError

FILE_MODE = 0o666  # less the umask, as open() and every shell redirection create files
FOLDER_MODE = 0o777


def new_temp(target: Path, folder: bool = False) -> Path:
    """An empty file (or folder) of a new name beside ``target``, to be renamed over it."""
    parent = target.parent
    for _ in range(100):
        path = parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            if folder:
                os.mkdir(path, FOLDER_MODE)
            else:
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"no free temporary name beside {str(target)!r}")


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8, newlines as given) to ``path`` by temp file and rename."""
    try:
        tmp = new_temp(path)
    except OSError as exc:
        raise OutputError(f"cannot write {str(path)!r}: {exc.strerror or exc}") from None
    try:
        if isinstance(data, bytes):
            tmp.write_bytes(data)
        else:
            with tmp.open("w", encoding="utf-8", newline="") as handle:
                handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
