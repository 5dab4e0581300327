"""Writing output files atomically, with the permissions any tool's output gets.

Every file kg writes is made beside its target and renamed over it, so a reader never sees half
a file and an interrupted run leaves the previous one whole. The temporary file is created the
way ``open(path, "w")`` creates one (mode 0666, folders 0777, less the umask; a folder's default
ACL applies too), not the way ``tempfile.mkstemp`` does (0600, folders 0700): after the rename
it *is* the output, and a web server or a colleague must be able to read it.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from functools import cache
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


# The names new_temp gives: ".{target}.{8 hex}.tmp", and ".{target}.{8 hex}.old" for an old
# output kept aside while replace_together renames the new ones in.
_TEMP_NAME = re.compile(r"\.(?P<target>.+)\.[0-9a-f]{8}\.(?:tmp|old)")


def temp_target(name: str) -> str | None:
    """The output ``name`` is a temporary or set-aside copy of (kg's own names only), or None."""
    found = _TEMP_NAME.fullmatch(name)
    return found["target"] if found else None


def replace_together(moves: list[tuple[Path, Path]]) -> None:
    """Rename each made ``(temp, target)`` over its target, in order. Each old target is kept
    aside (a file by a hard link, so it never goes missing; a folder by a rename) until all are
    in; if a rename fails, those done are undone (the new copies go back to their temporary
    names) and OutputError is raised, so the previous outputs stay whole. Only a kill inside this
    loop of renames (milliseconds) can leave some targets new and some old; callers order them
    so that the last names the others (kg build: records.jsonl, see kg.sparql.stores.mark)."""
    done: list[tuple[Path, Path, Path | None]] = []
    try:
        for tmp, target in moves:
            aside = _set_aside(target) if target.exists() else None
            try:
                os.replace(tmp, target)
            except BaseException:
                if aside is not None and target.exists() and os.path.samefile(aside, target):
                    aside.unlink()  # a hard link to the target, which is still the old one
                elif aside is not None:
                    os.replace(aside, target)
                raise
            done.append((tmp, target, aside))
    except BaseException as exc:
        for tmp, target, aside in reversed(done):
            os.replace(target, tmp)
            if aside is not None:
                os.replace(aside, target)
        if isinstance(exc, OSError):
            where = exc.filename2 or exc.filename
            raise OutputError(f"cannot replace {str(where)!r}: {exc.strerror or exc}") from None
        raise
    for _, _, aside in done:
        if aside is not None:
            shutil.rmtree(aside, ignore_errors=True) if aside.is_dir() else aside.unlink(missing_ok=True)


def _set_aside(target: Path) -> Path:
    aside = target.parent / f".{target.name}.{secrets.token_hex(4)}.old"
    if target.is_dir():
        os.replace(target, aside)
        return aside
    try:
        os.link(target, aside)
    except OSError:  # a file system without hard links: the target is missing for a moment
        os.replace(target, aside)
    return aside


def remove_leftovers(
    folder: Path, files: Iterable[str] = (), folders: Iterable[str] | None = None
) -> list[Path]:
    """Remove what a killed run left in ``folder``: temporary files of the outputs named in
    ``files``, and temporary or set-aside folders of the outputs named in ``folders`` (None: of
    any name, as only a store is written as a folder). Nothing else is touched: no name kg does
    not make, nothing outside ``folder``. The caller holds :func:`write_lock` on ``folder``.
    Returns what was removed."""
    file_targets, folder_targets = set(files), None if folders is None else set(folders)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        target = temp_target(entry.name)
        if target is None:
            continue
        if entry.is_dir(follow_symlinks=False):
            if folder_targets is None or target in folder_targets:
                shutil.rmtree(entry.path, ignore_errors=True)
                removed.append(Path(entry.path))
        elif entry.is_file(follow_symlinks=False) and target in file_targets:
            Path(entry.path).unlink(missing_ok=True)
            removed.append(Path(entry.path))
    return removed


@contextmanager
def build_folders(out: Path, files: Iterable[str], store: Path | None = None) -> Iterator[list[Path]]:
    """Hold the locks a build writing ``files`` in ``out`` (and a store in ``store``) needs, and
    remove what a killed build left there first; yields the removed paths.

    The locks are on ``out`` and, for a store outside it, on the folder the store is renamed in:
    the only folders a build writes in, and the only ones its leftovers are removed from (there,
    only the store's own). A second build into either is refused while one runs.
    """
    with ExitStack() as stack:
        stack.enter_context(write_lock(out))
        removed = remove_leftovers(out, files)
        if store is not None:
            parent = store.resolve().parent
            if parent != out.resolve():
                parent.mkdir(parents=True, exist_ok=True)
                stack.enter_context(write_lock(parent))
                removed += remove_leftovers(parent, folders=[store.name])
        yield removed


_LOCKS: dict[str, tuple[int, int]] = {}  # folder -> (descriptor, how many holders here)


@contextmanager
def write_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's lock while a build writes in it; OutputError if another process holds it.

    The lock is the kernel's ``flock`` on the folder itself: no lock file to leave behind, and
    released when its process ends however it ends, so a killed build never blocks the next.
    Re-entrant within a process (the CLI and the streaming build both take it); a forked worker
    drops its copy, so a worker outliving a killed build does not hold it.
    """
    try:
        import fcntl
    except ImportError:  # Windows: no flock; builds are then not guarded against each other
        yield
        return
    key = str(folder.resolve())
    held = _LOCKS.get(key)
    if held is not None:
        _LOCKS[key] = (held[0], held[1] + 1)
    else:
        try:
            fd = os.open(key, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError as exc:
            raise OutputError(f"cannot write in {str(folder)!r}: {exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputError(
                f"another kg build is writing in {str(folder)!r}; let it finish (or stop it), then run again"
            ) from None
        except OSError:  # a file system without flock (some network ones): as on Windows
            os.close(fd)
            yield
            return
        _forget_locks_in_forks()
        _LOCKS[key] = (fd, 1)
    try:
        yield
    finally:
        held = _LOCKS.get(key)  # None in a forked child, which dropped the parent's locks
        if held is not None and held[1] > 1:
            _LOCKS[key] = (held[0], held[1] - 1)
        elif held is not None:
            del _LOCKS[key]
            os.close(held[0])  # closing the last descriptor releases the flock


@cache
def _forget_locks_in_forks() -> None:
    def forget() -> None:
        for fd, _ in _LOCKS.values():
            os.close(fd)  # the parent's descriptors stay open: its lock holds
        _LOCKS.clear()

    os.register_at_fork(after_in_child=forget)
