"""An exclusive lock across processes for read-modify-write of the sidecar files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold `<path>.lock`; two programs (or the GUI and a CLI) never interleave their writes."""
    lock_path = path.with_name(path.name + ".lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # retries for about 10 s, then raises
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if os.name == "nt":
                import msvcrt

                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


IN_USE_NAME = ".in-use.lock"


class InUse:
    """Held by the GUI while it runs on a data folder (released when the process ends, even
    by a crash): a restore must not swap the database out from under it. On Windows the swap
    would fail half-way on the open file; elsewhere it would succeed and the running program
    would go on writing into the replaced file."""

    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None


def _try_lock(path: Path) -> int | None:
    """An exclusive lock on `path` without waiting; None if another holder has it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _unlock(fd: int) -> None:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def hold_in_use(data_dir: Path) -> InUse | None:
    """Mark the folder in use; None if it cannot be (another instance holds it, or the folder
    is not writable), which only means a restore is not kept out by this one."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = _try_lock(data_dir / IN_USE_NAME)
    except OSError:
        return None
    return InUse(fd) if fd is not None else None


def in_use(data_dir: Path) -> bool:
    """Whether a running program holds the folder's in-use mark."""
    path = data_dir / IN_USE_NAME
    if not path.exists():
        return False
    fd = _try_lock(path)
    if fd is None:
        return True
    _unlock(fd)
    os.close(fd)
    return False
