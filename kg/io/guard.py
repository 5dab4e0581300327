"""What is checked before a file is opened and read, and a document's URL made fit for an IRI.

Nothing in an input folder can stop a build: a FIFO, socket or device is never opened (opening
a FIFO for reading waits for a writer forever; ``/dev/zero`` never ends), a symbolic link out of
the folder is not followed unless asked (a link to ``/etc/passwd`` would put it in
``records.jsonl``), and a file is measured before it is read, so one too big to be an article is
skipped without being loaded. Each check returns the reason a file is skipped, or the data.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

__all__ = ["bounded_lines", "clean_url", "link_problem", "open_regular", "read_regular"]

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a link to a folder (not walked into)"),
)
# Opening never waits (on a FIFO swapped in after the stat, say); reads of a regular file are
# unaffected by the flag.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_CHUNK = 1 << 20
# The characters rdflib and Oxigraph refuse in an IRI, and a "%" that starts no escape.
_UNSAFE = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]|%(?![0-9A-Fa-f]{2})')


def link_problem(path: Path, folder: Path | None, follow_symlinks: bool) -> str | None:
    """Why ``path``, found in ``folder``, is not followed: a symbolic link whose target (after
    every link on the way) lies outside the folder, unless ``follow_symlinks``."""
    if folder is None or follow_symlinks or not path.is_symlink():
        return None
    target = path.resolve()
    if target.is_relative_to(folder.resolve()):
        return None
    return f"a symbolic link out of the input folder (to {target}); give --follow-symlinks to read it"


def _not_regular(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "not a file")
    return f"{kind}, not a regular file: not read"


def open_regular(path: Path) -> BinaryIO | str:
    """``path`` open for reading if it is a regular file (checked before it is opened, and again
    on what was opened), or why it is not read."""
    try:
        problem = _not_regular(os.stat(path).st_mode)
        if problem:
            return problem
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        return f"cannot read: {error.strerror or error}"
    handle = os.fdopen(fd, "rb")
    problem = _not_regular(os.fstat(fd).st_mode)
    if problem:
        handle.close()
        return problem
    return handle


def read_regular(path: Path, limit: int) -> bytes | str:
    """The bytes of the regular file ``path`` if it holds at most ``limit``, or why not; its size
    is checked before anything is read, and no more than ``limit + 1`` bytes are ever read."""
    opened = open_regular(path)
    if isinstance(opened, str):
        return opened
    too_big = f"over the limit of {limit:,} bytes for one file: not read"
    with opened as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            return f"{size:,} bytes, {too_big}"
        try:
            # read(n) allocates n bytes up front: ask for the size stat gave (and one more, to
            # see a file that grew since), then at most up to the limit.
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(limit + 1 - len(data))
        except OSError as error:
            return f"cannot read: {error.strerror or error}"
    return too_big if len(data) > limit else data


def bounded_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Each line of ``handle`` with its number; ``None`` for a line longer than ``limit`` bytes,
    which is passed over without being held in memory."""
    number = 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield number, line
            continue
        while line and not line.endswith(b"\n"):  # the rest of the long line
            line = handle.readline(_CHUNK)
        yield number, None


def clean_url(url: str) -> str | None:
    """``url`` with what cannot stand in an IRI percent-encoded (a space, ``"<>{}``), or None if
    it still cannot be one (a broken ``[IPv6]`` host, a port that is no number)."""
    encoded = _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url.strip())
    try:
        parts = urlsplit(encoded)
        parts.port  # noqa: B018  (raises ValueError on a port that is no number)
    except ValueError:
        return None
    return encoded if encoded else None
