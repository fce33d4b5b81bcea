"""Crash-safe file replacement for the small sidecar files (key slots, anchors, secrets)."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from storage.errors import FileInUse

# Windows refuses to replace (or move) a file that another process has open without delete
# sharing: an antivirus scan or a backup agent for a moment after each write, ERROR_ACCESS_DENIED
# (5) or ERROR_SHARING_VIOLATION (32). Retried with a growing pause, about 3 s in all.
HELD_BY_ANOTHER_PROCESS = frozenset({5, 32})
RETRY_PAUSES = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6)
_pause: Callable[[float], None] = time.sleep


def replace(source: Path, target: Path) -> None:
    """os.replace, tried again while Windows reports the file held by another process; still
    held after the pauses, FileInUse (naming the file, not its folder). Elsewhere, and for any
    other error, exactly os.replace."""
    for pause in (*RETRY_PAUSES, None):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if getattr(exc, "winerror", None) not in HELD_BY_ANOTHER_PROCESS:
                raise
            if pause is None:
                raise FileInUse(errno.EACCES, "held by another process", target.name) from exc
            _pause(pause)


def write_atomic(
    path: Path, data: bytes, *, mode: int = 0o600, keep_previous: bool = False
) -> None:
    """Write to a temp file in the same folder, fsync, then replace; a crash leaves old or new.

    With keep_previous the current file is first copied to `<name>.bak`, so a bad write (or a
    bug) can still be undone by hand.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if keep_previous and path.exists():
            # The previous file goes to .bak by copy-then-rename as well: a kill mid-copy must
            # not leave a torn .bak where the user would look for a good one.
            backup = path.with_name(path.name + ".bak")
            backup_tmp = path.with_name(f".{path.name}.bak.tmp")
            shutil.copyfile(path, backup_tmp)
            os.chmod(backup_tmp, mode)
            _fsync_file(backup_tmp)
            replace(backup_tmp, backup)
        replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def open_private(path: Path, *, new: bool = False) -> BinaryIO:
    """A file opened for writing that only this user can read (0600 on POSIX), created if
    missing (with `new`, refused if present: FileExistsError). An existing file loses any
    group and other access before a byte is written."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    if new:
        flags |= os.O_EXCL
    fd = os.open(path, flags, 0o600)
    try:
        if os.name == "posix":
            os.fchmod(fd, 0o600)
        return os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        raise


def write_private(path: Path, data: bytes, *, new: bool = False) -> None:
    """`data` in a file only this user can read (see open_private)."""
    with open_private(path, new=new) as handle:
        handle.write(data)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename durable; Windows has no directory handles to sync, so it is skipped there."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def keep_files_private() -> None:
    """Whatever this process creates from now on (SQLite's journal, a PDF, a log, a folder) is
    the user's alone, 0600 and 0700 on POSIX; the places that create files also say so."""
    if os.name == "posix":
        os.umask(0o077)


def make_private(paths: Iterable[Path]) -> None:
    """Take group and other access from files and folders this user owns (POSIX): files a
    version before this one left 0644. Best effort: what cannot be changed is left as it is."""
    if os.name != "posix":
        return
    for path in paths:
        try:
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode) or info.st_uid != os.geteuid():
                continue
            if info.st_mode & 0o077:
                os.chmod(path, 0o700 if stat.S_ISDIR(info.st_mode) else 0o600)
        except OSError:
            continue
