"""kill -9 during real service calls (SECURITY.md §7; DB-05, DB-07, DB-09).

A child process (tests/support/crash_child.py) signs in and loops over one kind of change,
printing an acknowledgement after each call returns. The parent kills it with SIGKILL at a
random moment (fixed seed), reopens the data folder and checks it against what was
acknowledged: nothing acknowledged may be lost, and the state after a kill is either the state
after the last acknowledged call or the state after the one it was in the middle of.

One office serves every cycle of a test. Children are started a few at a time ahead of use, so
their interpreter start-up overlaps the running cycle and the checks; a child touches nothing
until it is handed its password on stdin. Each test prints a summary of what its kills hit
(`pytest -s`).
"""

from __future__ import annotations

import hashlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import timedelta
from pathlib import Path
from random import Random

import pytest

from app import errors
from app.domain import scopes as scope_rules
from app.domain.settings import SettingKey
from app.services import auth, backup, settings
from storage import backup as backup_files
from storage import crypto, staff_repo
from storage.audit_chain import AuditEvent
from storage.connection import integrity_problems
from storage.keyslots import SlotFile
from storage.vault import VaultPaths
from tests.conftest import (
    CLERK_PASSWORD,
    MANAGER_LOGIN,
    MANAGER_PASSWORD,
    ROOT,
    Office,
    add_member,
)
from tests.support.crash_child import write_scopes, write_value

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL; Windows needs TerminateProcess"),
]

CLERK = "tanaka"
ROTATE_PASSWORDS = {"A": CLERK_PASSWORD, "B": "Green-Valley-Mirror-52"}
START_TIMEOUT = 60.0


class Child:
    """One crash_child process; a thread collects its stdout lines as they arrive."""

    def __init__(self, *args: str, stderr_path: Path) -> None:
        self._stderr_path = stderr_path
        with open(stderr_path, "wb") as stderr:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tests.support.crash_child", *args],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
                encoding="utf-8",
                cwd=ROOT,
                env=dict(os.environ),
            )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            self._queue.put(line)
        self._queue.put(None)

    def go(self, *stdin_lines: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("".join(line + "\n" for line in stdin_lines))
        self.proc.stdin.close()

    def stderr(self) -> str:
        return self._stderr_path.read_text(encoding="utf-8", errors="replace")[-4000:]

    def wait_for(self, prefix: str) -> str:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                line = self._queue.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                pytest.fail(f"child printed no {prefix!r} in {START_TIMEOUT} s:\n{self.stderr()}")
            if line is None:
                pytest.fail(f"child ended before {prefix!r}:\n{self.stderr()}")
            if line.startswith(prefix):
                return line.rstrip("\n")

    def kill(self) -> list[str]:
        """SIGKILL, then every line it managed to print (flushed lines survive in the pipe)."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._reader.join(timeout=30)
        if self.proc.stdin is not None and not self.proc.stdin.closed:
            with suppress(BrokenPipeError):
                self.proc.stdin.close()
        return list(self.lines)

    def acks(self) -> list[list[str]]:
        return [line.split()[1:] for line in self.lines if line.startswith("ACK ")]


class Children:
    """Children started ahead of use, all with the same arguments: while one runs and the
    previous one is checked, the next ones are already through interpreter start-up."""

    def __init__(self, args: tuple[str, ...], total: int, stderr_dir: Path) -> None:
        self._args = args
        self._left = total
        self._stderr_dir = stderr_dir
        self._ready: list[Child] = []
        self.started: list[Child] = []

    def _start(self) -> None:
        path = self._stderr_dir / f"{len(self.started)}-{self._args[0]}.txt"
        child = Child(*self._args, stderr_path=path)
        self.started.append(child)
        self._ready.append(child)

    def take(self) -> Child:
        assert self._left > 0, "more children taken than announced"
        while len(self._ready) < min(SPARES + 1, self._left):
            self._start()
        self._left -= 1
        return self._ready.pop(0)


SPARES = 2


@pytest.fixture
def children(tmp_path: Path) -> Iterator[Callable[..., Children]]:
    made: list[Children] = []
    stderr_dir = tmp_path / "child-stderr"
    stderr_dir.mkdir()

    def make(*args: str, total: int) -> Children:
        pool = Children(args, total, stderr_dir)
        made.append(pool)
        return pool

    yield make
    for pool in made:
        for child in pool.started:
            if child.proc.returncode is None:
                child.kill()


@pytest.fixture
def crash_office(office: Office) -> Office:
    """The conftest office with a clerk; the fixture's manager session is closed so only the
    child (and, between cycles, the parent's checks) has the database open."""
    add_member(office, CLERK, ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    office.manager.close()
    return office


@contextmanager
def on_another_pc(monkeypatch: pytest.MonkeyPatch, keyring_file: Path) -> Iterator[None]:
    with monkeypatch.context() as patch:
        patch.setenv("MYNUMBER_DESK_TEST_KEYRING_FILE", str(keyring_file))
        yield


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _scope_set(texts: list[str]) -> frozenset[tuple[str, str]]:
    return frozenset(scope_rules.parse_scope(text) for text in texts)


def _assert_database_sound(session) -> int:  # type: ignore[no-untyped-def]
    """Both page checks clean and the audit chain (with its anchor) verifies; the head seq."""
    conn = session.vault.conn
    assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
    assert integrity_problems(conn) == []
    head = session.vault.verify_audit()
    assert head.seq == session.vault.audit_head().seq
    return head.seq


# --- DB-05 ------------------------------------------------------------------------------------

WRITE_CYCLES = 50


def test_db05_kill_during_audited_writes_loses_nothing_acknowledged(
    crash_office: Office, children: Callable[..., Children]
) -> None:
    office = crash_office
    rng = Random(20261123)
    pool = children("write", str(office.data.data_dir), MANAGER_LOGIN, CLERK, total=WRITE_CYCLES)
    start = 0  # always even: every child's first call is a settings change
    scopes = _scope_set(["kind:employee"])  # as add_member left them
    total_acks = landed_unacked = 0
    for cycle in range(WRITE_CYCLES):
        child = pool.take()
        child.go(MANAGER_PASSWORD, str(start))
        child.wait_for("ACK ")
        time.sleep(rng.uniform(0.050, 0.400))
        child.kill()
        acks = [(int(n), int(seq)) for n, seq in child.acks()]
        assert acks, f"cycle {cycle}: no acknowledgement survived"
        assert [n for n, _ in acks] == list(range(len(acks)))
        last_n, last_seq = acks[-1]
        last_i = start + last_n
        total_acks += len(acks)

        # The state after the last acknowledged call (the first call of a child, i = start,
        # is always a settings change; the scopes may be left from an earlier cycle)...
        expected_value = write_value(last_i - last_i % 2)
        last_odd = last_i if last_i % 2 else last_i - 1
        expected_scopes = _scope_set(write_scopes(last_odd)) if last_odd > start else scopes
        session = auth.sign_in(
            office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock, record=False
        )
        try:
            head_seq = _assert_database_sound(session)
            found_value = settings.current(session)[SettingKey.REVEAL_SECONDS]
            clerk = staff_repo.by_login(session.vault.conn, CLERK)
            assert clerk is not None
            found_scopes = clerk.scopes
            last_action = session.vault.conn.execute(
                "SELECT action FROM audit_log WHERE seq = ?", (head_seq,)
            ).fetchone()[0]
        finally:
            session.close()

        assert head_seq >= last_seq, f"cycle {cycle}: acknowledged audit entries lost"
        assert head_seq <= last_seq + 1, f"cycle {cycle}: more than the call in flight landed"
        if head_seq == last_seq + 1:
            landed_unacked += 1
            # ...or after the call it was killed in, which had committed (all of it).
            nxt = last_i + 1
            if nxt % 2 == 0:
                expected_value = write_value(nxt)
                assert last_action == "settings.changed"
            else:
                expected_scopes = _scope_set(write_scopes(nxt))
                assert last_action == "staff.scopes_changed"
        assert found_value == expected_value, f"cycle {cycle}: setting neither acked nor next"
        assert found_scopes == expected_scopes, f"cycle {cycle}: scopes neither acked nor next"
        scopes = found_scopes
        # The next child starts past the call in flight, at an even i.
        start = last_i + 2 + last_i % 2
    assert total_acks >= WRITE_CYCLES * 2
    print(
        f"DB-05: {WRITE_CYCLES} kills, {total_acks} acknowledged writes, "
        f"{landed_unacked} killed after a commit but before its ACK"
    )


# --- DB-07 ------------------------------------------------------------------------------------

ROTATE_CYCLES = 100


def _clerk_signs_in_with(office: Office, label: str) -> bool:
    try:
        session = auth.sign_in(
            office.data, CLERK, ROTATE_PASSWORDS[label], office.clock, record=False
        )
    except errors.SignInFailed:
        return False
    try:
        assert session.user.login_name == CLERK
        assert not session.user.must_change_password
        _assert_database_sound(session)
    finally:
        session.close()
    return True


def test_db07_kill_during_password_changes_never_locks_the_member_out(
    crash_office: Office, children: Callable[..., Children]
) -> None:
    office = crash_office
    rng = Random(20261124)
    pool = children("rotate", str(office.data.data_dir), CLERK, total=ROTATE_CYCLES)
    current = "A"
    tmp = office.data.slots.with_name(f".{office.data.slots.name}.tmp")
    vault_id = SlotFile.load(office.data.slots).vault_id
    leftovers = pending_won = 0
    for cycle in range(ROTATE_CYCLES):
        child = pool.take()
        if cycle % 10 == 5:
            # What a kill inside write_atomic's write leaves behind; it must not matter.
            tmp.write_bytes(b'{"format": "mynumber-desk/keysl')
        child.go(ROTATE_PASSWORDS["A"], ROTATE_PASSWORDS["B"], current)
        child.wait_for("READY")
        # One change takes about two Argon2id runs and three fsyncs (~0.1 s at the test KDF
        # floor): this window lands the kill anywhere inside the first one or two changes.
        time.sleep(rng.uniform(0.0, 0.250))
        child.kill()
        labels = [ack[0] for ack in child.acks()]
        acked = labels[-1] if labels else current
        pending = "B" if acked == "A" else "A"
        leftovers += tmp.exists()

        # Never a torn or half-written file, whatever the kill interrupted.
        assert SlotFile.load(office.data.slots).vault_id == vault_id
        backup_copy = office.data.slots.with_name(office.data.slots.name + ".bak")
        if backup_copy.exists():
            SlotFile.load(backup_copy)

        with_acked = _clerk_signs_in_with(office, acked)
        with_pending = _clerk_signs_in_with(office, pending)
        assert with_acked or with_pending, f"cycle {cycle}: locked out (acked {acked})"
        assert not (with_acked and with_pending), f"cycle {cycle}: both passwords open the slot"
        current = acked if with_acked else pending
        pending_won += with_pending
    # Planted leftovers (and any real ones) were overwritten or ignored, never in the way.
    print(
        f"DB-07: {ROTATE_CYCLES} kills, {pending_won} left the unacknowledged new password, "
        f"{leftovers} with a .tmp leftover"
    )


# --- DB-09 ------------------------------------------------------------------------------------

BACKUP_CYCLES = 20
PADDING_MIB = 2


def _pad_database(office: Office, mebibytes: int) -> None:
    """Grow the vault to a few MiB (audited filler entries; the chain stays valid), so a backup
    spans several 1 MiB blocks and a kill can land between the blocks of a container."""
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    try:
        with session.vault.write() as writer:
            for _ in range(mebibytes * 8):
                writer.audit(
                    AuditEvent(
                        session.user.id,
                        session.user.login_name,
                        "test.padding",
                        detail={"filler": os.urandom(64 * 1024).hex()},
                    ),
                    office.clock.now(),
                )
    finally:
        session.close()


def test_db09_kill_during_backups_leaves_only_complete_backups(
    crash_office: Office,
    children: Callable[..., Children],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    office = crash_office
    _pad_database(office, PADDING_MIB)
    # Every backup is kept here, so a missing one can only be a crash's doing, not rotation's
    # (tests/services/test_backup_rotation.py covers the rotation).
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    try:
        settings.change(session, "backup_generations", "100")
    finally:
        session.close()
    rng = Random(20261125)
    folder = tmp_path / "usb"
    seen: dict[str, tuple[int, int, int]] = {}  # final name → (inode, size, mtime) first seen
    digests: dict[str, str] = {}  # sha256 of each backup when it was restored
    partials_seen: set[str] = set()
    base = office.clock.now() + timedelta(days=7)

    pool = children(
        "backup", str(office.data.data_dir), MANAGER_LOGIN, str(folder), total=BACKUP_CYCLES
    )
    for cycle in range(BACKUP_CYCLES):
        child = pool.take()
        # Each child's clock starts an hour later and moves a second per backup: unique names.
        child.go(MANAGER_PASSWORD, (base + timedelta(hours=cycle)).isoformat())
        child.wait_for("READY")
        # A backup of the padded vault takes ~50 ms: the kill lands anywhere in the first few.
        time.sleep(rng.uniform(0.030, 0.200))
        child.kill()
        acked = [Path(ack[0]) for ack in child.acks()]

        finals = sorted(folder.glob("*.mndbackup")) if folder.exists() else []
        names = {path.name for path in finals}
        partials = sorted(folder.glob("*.partial")) if folder.exists() else []
        partials_seen.update(path.name for path in partials)
        assert all(path.name in names for path in acked), f"cycle {cycle}: acked backup missing"
        assert set(seen) <= names, f"cycle {cycle}: an earlier backup disappeared"
        for path in partials:
            # Only the final suffix names a backup; a leftover never matches it.
            assert path.name.endswith(".mndbackup.partial")
            assert path.name not in names

        session = auth.sign_in(
            office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock, record=False
        )
        data_key = session.vault.data_key_copy()
        try:
            _assert_database_sound(session)  # the data folder still opens, clean
            vault_id = session.vault.vault_id
            recorded = {
                row[0] for row in session.vault.conn.execute("SELECT file_name FROM backup_record")
            }
        finally:
            session.close()
        # A backup is recorded only after it has its final name.
        assert recorded <= names

        if not finals:
            crypto.zero(data_key)
            continue
        newest = finals[-1]
        try:
            for path in finals:
                stat = path.stat()
                identity = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
                if path.name in seen:
                    assert seen[path.name] == identity, f"{path.name} changed after completion"
                    continue
                seen[path.name] = identity
                assert backup_files.read_header(path).vault_id == vault_id
                if path != newest:
                    # Every chunk authenticates and the database inside passes both checks.
                    check = tmp_path / "check.db"
                    backup_files.extract_database(path, data_key, check)
                    check.unlink()
        finally:
            crypto.zero(data_key)

        # The newest one restores on a fresh PC with the recovery key.
        restored = VaultPaths(tmp_path / f"restored-{cycle}")
        with on_another_pc(monkeypatch, tmp_path / f"keyring-pc-{cycle}.json"):
            session = backup.restore_backup(
                restored, newest, office.clock, recovery_key_text=office.recovery_key_text
            )
            try:
                assert session.vault.vault_id == vault_id
                _assert_database_sound(session)
            finally:
                session.close()
        digests.setdefault(newest.name, _sha256(newest))

    # Nothing written earlier was touched later: the bytes restored are the bytes still there.
    for name, digest in digests.items():
        assert _sha256(folder / name) == digest
    assert seen, "no backup ever completed"
    print(
        f"DB-09: {BACKUP_CYCLES} kills, {len(seen)} backups verified, {len(partials_seen)} partial leftovers"
    )
