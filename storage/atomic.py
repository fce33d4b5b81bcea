"""Crash-safe file replacement for the small sidecar files (key slots, anchors, secrets)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


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
            os.replace(backup_tmp, backup)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


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
