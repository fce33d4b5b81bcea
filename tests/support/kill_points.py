"""Kill points for the kill -9 campaign (tests/security/test_kill_campaign.py).

A forked child runs one service call with every durable write step of it instrumented; the
steps are counted and, at the chosen one, the child sends itself SIGKILL. The steps:

- inside `storage.atomic.write_atomic`: the fsync of the temp file (it is written in full),
  the copy of the current file to `.<name>.bak.tmp` and its fsync, each `os.replace` (the .bak
  and the file itself, killed before and after), and the fsync of the folder;
- the removal of an existing `keyslots.json.bak` (a write that revokes a key), before and
  after;
- every SQL `COMMIT`, before and after (a wrapper around the connection the vault opens);
- every put and delete of this PC's keyring (the audit anchor, counters), before and after.

A kill lands only on these boundaries, never inside a step, so the test keyring's in-place
rewrite is never cut; the child still uses the atomic variant (crash_child.AtomicFileKeyring),
as a real keyring commits an entry whole. Everything is patched in the child only, which dies
or `_exit`s, so nothing needs undoing. The parent learns the points from a pipe: one label a
line, written before the kill, so it can check the child died exactly where it was meant to.

Also here: the data folder and keyring as bytes (to start every kill from the same files) and
a quick stand-in for Argon2id.
"""

from __future__ import annotations

import hashlib
import os
import pathlib
import shutil
import signal
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage import crypto

_ATOMIC_KEYRING = "tests.support.crash_child.AtomicFileKeyring"


class KillSwitch:
    """Counts the steps once armed; at step `target` (from 1) the process dies by SIGKILL.
    With no target it only counts (the run that learns an operation's points)."""

    def __init__(self, target: int | None, out_fd: int) -> None:
        self.target = target
        self.count = 0
        self.armed = False
        self._out = out_fd

    def point(self, label: str) -> None:
        if not self.armed:
            return
        self.count += 1
        os.write(self._out, f"POINT {label}\n".encode())
        if self.count == self.target:
            os.kill(os.getpid(), signal.SIGKILL)

    def around(self, label: str, step: Callable[[], Any]) -> Any:
        self.point(f"before {label}")
        result = step()
        self.point(f"after {label}")
        return result


class _Patched:
    """A module with some of its functions replaced (storage.atomic's `os` and `shutil`)."""

    def __init__(self, real: Any, **replaced: Callable[..., Any]) -> None:
        self._real = real
        self._replaced = replaced

    def __getattr__(self, name: str) -> Any:
        return self._replaced.get(name) or getattr(self._real, name)


class _CommitPoints:
    """A database connection whose COMMIT is a kill point, before and after."""

    def __init__(self, conn: Any, switch: KillSwitch) -> None:
        self._conn = conn
        self._switch = switch

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.strip().upper() == "COMMIT":
            return self._switch.around("COMMIT", lambda: self._conn.execute(sql, *args))
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def _fd_name(fd: int) -> str:
    try:
        return Path(os.readlink(f"/proc/self/fd/{fd}")).name
    except OSError:
        return "a file"


def install(switch: KillSwitch, data_dir: Path) -> None:
    """Make every durable write step of the storage layer a kill point (child only)."""
    from storage import atomic, keystore, vault

    def fsync(fd: int) -> None:
        switch.point(f"before fsync {_fd_name(fd)}")
        os.fsync(fd)

    def replace(src: Path, dst: Path) -> None:
        label = f"replace {Path(src).name} → {Path(dst).name}"
        switch.around(label, lambda: os.replace(src, dst))

    def copyfile(src: Path, dst: Path) -> None:
        switch.point(f"before copy {Path(src).name} → {Path(dst).name}")
        shutil.copyfile(src, dst)

    atomic.os = _Patched(os, fsync=fsync, replace=replace)  # type: ignore[attr-defined]
    atomic.shutil = _Patched(shutil, copyfile=copyfile)  # type: ignore[attr-defined]

    real_unlink = pathlib.Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.parent == data_dir and self.exists():
            switch.around(f"unlink {self.name}", lambda: real_unlink(self, missing_ok))
        else:
            real_unlink(self, missing_ok)

    pathlib.Path.unlink = unlink  # type: ignore[method-assign]

    real_open = vault.open_database
    vault.open_database = lambda *a, **k: _CommitPoints(real_open(*a, **k), switch)  # type: ignore[assignment]

    store = keystore.KeyringStore
    real_put, real_delete = store.put, store.delete

    def put(self: keystore.KeyringStore, name: str, value: str) -> None:
        switch.around(f"keyring put {name.split(':')[0]}", lambda: real_put(self, name, value))

    def delete(self: keystore.KeyringStore, name: str) -> None:
        switch.around(f"keyring delete {name.split(':')[0]}", lambda: real_delete(self, name))

    store.put = put  # type: ignore[method-assign]
    store.delete = delete  # type: ignore[method-assign]
    os.environ["PYTHON_KEYRING_BACKEND"] = _ATOMIC_KEYRING


@dataclass(frozen=True)
class ChildRun:
    points: list[str]  # the kill points reached, in order; a killed child died at the last
    killed: bool  # ended by SIGKILL
    finished: bool  # the work returned
    error: str | None  # a Python exception in the child, which must never happen


def run_in_child(
    work: Callable[[KillSwitch], None], data_dir: Path, target: int | None
) -> ChildRun:
    """Fork; the child installs the kill points, runs `work` (which arms the switch when the
    operation starts) and dies at step `target`, or exits when the work is done."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns into pytest
        os.close(read_fd)
        code = 0
        try:
            switch = KillSwitch(target, write_fd)
            install(switch, data_dir)
            work(switch)
            os.write(write_fd, b"FINISHED\n")
        except BaseException:
            os.write(write_fd, ("ERROR " + traceback.format_exc().replace("\n", " | ")).encode())
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    chunks = []
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    lines = b"".join(chunks).decode().splitlines()
    errors = [line[6:] for line in lines if line.startswith("ERROR ")]
    return ChildRun(
        points=[line[6:] for line in lines if line.startswith("POINT ")],
        killed=os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL,
        finished="FINISHED" in lines,
        error=errors[0] if errors else None,
    )


@dataclass(frozen=True)
class FolderState:
    """The data folder's files and this PC's keyring, as bytes."""

    files: dict[str, bytes]
    keyring: bytes | None


def capture(data_dir: Path, keyring: Path) -> FolderState:
    files = {
        str(p.relative_to(data_dir)): p.read_bytes() for p in data_dir.rglob("*") if p.is_file()
    }
    return FolderState(files, keyring.read_bytes() if keyring.exists() else None)


def put_back(state: FolderState, data_dir: Path, keyring: Path) -> None:
    """The folder and keyring exactly as captured (nothing else left in the folder)."""
    shutil.rmtree(data_dir)
    data_dir.mkdir(mode=0o700)
    for name, content in state.files.items():
        path = data_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        path.chmod(0o600)
    if state.keyring is None:
        keyring.unlink(missing_ok=True)
    else:
        keyring.write_bytes(state.keyring)


@contextmanager
def quick_kdf() -> Iterator[None]:
    """Argon2id replaced by a keyed BLAKE2b of the same inputs, in this process and the
    children forked from it: a slot still opens with its password alone, but in microseconds.
    The checks try every password on every slot in every file after every kill (thousands of
    derivations); the KDF's cost is not what the campaign tests."""
    real = crypto.argon2id

    def derive(secret: bytes, salt: bytes, params: crypto.KdfParams) -> bytearray:
        tag = repr(params).encode()
        digest = hashlib.blake2b(bytes(secret), digest_size=crypto.KEY_BYTES, key=bytes(salt))
        digest.update(tag)
        return bytearray(digest.digest())

    crypto.argon2id = derive  # type: ignore[assignment]
    try:
        yield
    finally:
        crypto.argon2id = real  # type: ignore[assignment]
