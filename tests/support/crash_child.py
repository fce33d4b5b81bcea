"""A child process for the kill -9 tests (SECURITY.md §7, DB-05/07/09): real service calls in a
loop, one acknowledgement line after each call returns, until the parent kills it.

    python -m tests.support.crash_child write  DATA_DIR LOGIN CLERK   stdin: password, START
    python -m tests.support.crash_child rotate DATA_DIR LOGIN         stdin: A, B, A|B
    python -m tests.support.crash_child backup DATA_DIR LOGIN FOLDER  stdin: password, START
    python -m tests.support.crash_child delete DATA_DIR LOGIN         stdin: password, RUN_ID

Stdin carries one value a line: the password(s), then what a run needs (START, or for rotate
the label of the current password). Every heavy import happens before stdin is read, so a
parent can start children ahead of time, all with the same arguments, and hand one its lines
(the "go") when the data folder is quiet. After signing in the child prints `READY`; then,
after each call returns:

- write: call n (from 0) is `i = START + n`; an even i sets `reveal_seconds` to
  `write_value(i)`, an odd i sets the clerk's scopes to `write_scopes(i)`. Prints
  `ACK <n> <audit head seq>`.
- rotate: the member's own password change from the current one to the other; prints
  `ACK <label of the new current password>`.
- backup: `make_backup` into FOLDER, the clock then advanced by one second so every file gets
  its own name (START is the clock's ISO start). Prints `ACK <path>`.
- delete: one call, `deletion.execute` of the approved run RUN_ID; it prints `EXECUTING` just
  before the call, `ROTATE` and `ROTATED` around the number-key rotation that follows the
  commit, `VACUUM` when the rebuild after it starts and `VACUUMED` when it ends, then
  `ACK <numbers deleted> <seconds to the rebuild> <seconds of the rebuild> <seconds of the
  rotation>` and exits. The markers come from wrappers around `number_keys.rotate` and
  `storage.connection.vacuum` (the calls the service makes after its transaction commits);
  the service itself runs unchanged.

The test keyring (tests/support/file_keyring.py) rewrites its JSON file in place, so a kill in
the middle of storing the audit anchor would truncate "this PC's keyring" and lose the machine
secret, which no OS keyring does (Credential Manager, Secret Service and Keychain commit an entry
atomically). The child therefore runs the same backend with an atomic replace; the file format
and the parent's reads are unchanged.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from app.clock import FakeClock
from tests.support.file_keyring import FileKeyring

JST = timezone(timedelta(hours=9))
REVEAL_SECONDS = "reveal_seconds"
_TEST_BACKEND = "tests.support.file_keyring.FileKeyring"
_ATOMIC_BACKEND = "tests.support.crash_child.AtomicFileKeyring"


def write_value(i: int) -> int:
    """The `reveal_seconds` value written by write call i (even i only); within 5–120."""
    return 5 + (i // 2) % 100


def write_scopes(i: int) -> list[str]:
    """The clerk's scopes written by write call i (odd i only); each i gives a distinct set."""
    return ["kind:employee", f"dept:crash-{i}"]


class AtomicFileKeyring(FileKeyring):
    """FileKeyring whose writes replace the file atomically (temp file, fsync, rename)."""

    def _store(self, data: dict[str, str]) -> None:
        path = self._path
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(data))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\n{username}"] = password
        self._store(data)

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        data = self._load()
        if data.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError(username)
        self._store(data)


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _stdin_line() -> str:
    line = sys.stdin.readline()
    if not line:
        raise SystemExit("crash_child: stdin closed before the expected line")
    return line.rstrip("\r\n")


def _fake_clock(start: str | None) -> FakeClock:
    return FakeClock(
        datetime.fromisoformat(start) if start else datetime(2026, 11, 23, 9, 0, tzinfo=JST)
    )


def run_write(data_dir: Path, login: str, clerk: str) -> None:
    from app.services import auth, settings, staff
    from storage.vault import VaultPaths

    clock = _fake_clock(None)
    password = _stdin_line()
    start = int(_stdin_line())
    session = auth.sign_in(VaultPaths(data_dir), login, password, clock)
    _say("READY")
    n = 0
    while True:
        i = start + n
        if i % 2 == 0:
            settings.change(session, REVEAL_SECONDS, str(write_value(i)))
        else:
            staff.set_scopes(session, clerk, write_scopes(i))
        _say(f"ACK {n} {session.vault.audit_head().seq}")
        clock.advance(seconds=1)
        n += 1


def run_rotate(data_dir: Path, login: str) -> None:
    from app.services import auth
    from storage.vault import VaultPaths

    clock = _fake_clock(None)
    passwords = {"A": _stdin_line(), "B": _stdin_line()}
    current = _stdin_line()
    if current not in passwords:
        raise SystemExit(f"crash_child: unknown password label {current!r}")
    session = auth.sign_in(VaultPaths(data_dir), login, passwords[current], clock)
    _say("READY")
    while True:
        new = "B" if current == "A" else "A"
        auth.change_password(session, passwords[current], passwords[new])
        current = new
        _say(f"ACK {current}")
        clock.advance(seconds=1)


def run_backup(data_dir: Path, login: str, folder: Path) -> None:
    from app.services import auth, backup
    from storage.vault import VaultPaths

    password = _stdin_line()
    clock = _fake_clock(_stdin_line())
    session = auth.sign_in(VaultPaths(data_dir), login, password, clock)
    _say("READY")
    while True:
        done = backup.make_backup(session, folder)
        _say(f"ACK {done.path}")
        clock.advance(seconds=1)


def run_delete(data_dir: Path, login: str) -> None:
    import time

    from app.services import auth, deletion, number_keys
    from storage import connection
    from storage.vault import VaultPaths

    clock = _fake_clock(None)
    password = _stdin_line()
    run_id = int(_stdin_line())
    session = auth.sign_in(VaultPaths(data_dir), login, password, clock)
    rebuild = connection.vacuum
    moments: dict[str, float] = {}

    def announced_vacuum(conn: connection.Connection) -> None:
        moments["vacuum"] = time.perf_counter()
        _say("VACUUM")
        rebuild(conn)
        moments["vacuumed"] = time.perf_counter()
        _say("VACUUMED")

    rotate = number_keys.rotate

    def announced_rotation(member, **options):  # type: ignore[no-untyped-def]
        moments["rotate"] = time.perf_counter()
        _say("ROTATE")
        outcome = rotate(member, **options)
        moments["rotated"] = time.perf_counter()
        _say("ROTATED")
        return outcome

    connection.vacuum = announced_vacuum
    number_keys.rotate = announced_rotation
    _say("READY")
    _say("EXECUTING")
    start = time.perf_counter()
    report = deletion.execute(session, run_id)
    to_vacuum = moments["vacuum"] - start
    rotation = moments["rotated"] - moments["rotate"]
    _say(
        f"ACK {report.deleted} {to_vacuum:.4f} {moments['vacuumed'] - moments['vacuum']:.4f}"
        f" {rotation:.4f}"
    )
    session.close()


def main(argv: list[str]) -> None:
    if os.environ.get("PYTHON_KEYRING_BACKEND") == _TEST_BACKEND:
        os.environ["PYTHON_KEYRING_BACKEND"] = _ATOMIC_BACKEND
    # Load the whole stack now, before waiting on stdin (see the module docstring).
    for name in (
        "app.services.auth",
        "app.services.settings",
        "app.services.staff",
        "app.services.backup",
        "app.services.deletion",
        "storage.vault",
        "zxcvbn",
    ):
        importlib.import_module(name)

    if len(argv) < 3:
        raise SystemExit(__doc__)
    mode, data_dir, login, *rest = argv
    if mode == "write" and len(rest) == 1:
        run_write(Path(data_dir), login, rest[0])
    elif mode == "rotate" and not rest:
        run_rotate(Path(data_dir), login)
    elif mode == "backup" and len(rest) == 1:
        run_backup(Path(data_dir), login, Path(rest[0]))
    elif mode == "delete" and not rest:
        run_delete(Path(data_dir), login)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
