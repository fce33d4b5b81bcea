"""kill -9 during real service calls (SECURITY.md §7; DB-05, DB-07, DB-09).

A child process (tests/support/crash_child.py) signs in and loops over one kind of change,
printing an acknowledgement after each call returns. The parent kills it with SIGKILL at a
random moment (fixed seed), reopens the data folder and checks it against what was
acknowledged: nothing acknowledged may be lost, and the state after a kill is either the state
after the last acknowledged call or the state after the one it was in the middle of.

One office serves every cycle of a test. The next child is started as soon as the previous one
is dead, so its interpreter start-up overlaps the checks; it touches nothing until it is handed
its password on stdin.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
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

    def __init__(self, *args: str, stderr_dir: Path) -> None:
        self._stderr = tempfile.TemporaryFile(dir=stderr_dir)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.support.crash_child", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
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
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace")[-4000:]

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
            try:
                self.proc.stdin.close()
            except BrokenPipeError:
                pass
        self._stderr.close()
        return list(self.lines)

    def acks(self) -> list[list[str]]:
        return [line.split()[1:] for line in self.lines if line.startswith("ACK ")]


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[callable]:
    started: list[Child] = []
    stderr_dir = tmp_path / "child-stderr"
    stderr_dir.mkdir()

    def start(*args: str) -> Child:
        child = Child(*args, stderr_dir=stderr_dir)
        started.append(child)
        return child

    yield start
    for child in started:
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
    crash_office: Office, spawn
) -> None:
    office = crash_office
    rng = Random(20261123)
    start = 0  # even: every child's first call is a settings change
    scopes = _scope_set(["kind:employee"])  # as add_member left them
    total_acks = 0
    child = spawn("write", str(office.data.data_dir), MANAGER_LOGIN, CLERK, str(start))
    for cycle in range(WRITE_CYCLES):
        child.go(MANAGER_PASSWORD)
        child.wait_for("ACK ")
        time.sleep(rng.uniform(0.050, 0.400))
        child.kill()
        acks = [(int(n), int(seq)) for n, seq in child.acks()]
        assert acks, f"cycle {cycle}: no acknowledgement survived"
        assert [n for n, _ in acks] == list(range(len(acks)))
        last_n, last_seq = acks[-1]
        last_i = start + last_n
        total_acks += len(acks)

        next_start = last_i + 2 + last_i % 2
        following = (
            spawn("write", str(office.data.data_dir), MANAGER_LOGIN, CLERK, str(next_start))
            if cycle + 1 < WRITE_CYCLES
            else None
        )

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

        start = next_start
        if following is not None:
            child = following
    assert total_acks >= WRITE_CYCLES * 2


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
    crash_office: Office, spawn
) -> None:
    office = crash_office
    rng = Random(20261124)
    current = "A"
    tmp = office.data.slots.with_name(f".{office.data.slots.name}.tmp")
    leftovers = 0
    child = spawn("rotate", str(office.data.data_dir), CLERK)
    for cycle in range(ROTATE_CYCLES):
        if cycle % 10 == 5:
            # What a kill inside write_atomic's write leaves behind; it must not matter.
            tmp.write_bytes(b'{"format": "mynumber-desk/keysl')
        child.go(ROTATE_PASSWORDS["A"], ROTATE_PASSWORDS["B"], current)
        child.wait_for("READY")
        # One change takes about two Argon2id runs and three fsyncs (~0.1 s at the test KDF
        # floor): this window lands the kill anywhere inside the first one or two changes.
        time.sleep(rng.uniform(0.0, 0.250))
        child.kill()
        following = (
            spawn("rotate", str(office.data.data_dir), CLERK) if cycle + 1 < ROTATE_CYCLES else None
        )
        labels = [ack[0] for ack in child.acks()]
        acked = labels[-1] if labels else current
        pending = "B" if acked == "A" else "A"
        leftovers += tmp.exists()

        parsed = SlotFile.load(office.data.slots)  # never a torn or half-written file
        assert parsed.vault_id == SlotFile.load(office.data.slots).vault_id
        backup_copy = office.data.slots.with_name(office.data.slots.name + ".bak")
        if backup_copy.exists():
            SlotFile.load(backup_copy)

        with_acked = _clerk_signs_in_with(office, acked)
        with_pending = _clerk_signs_in_with(office, pending)
        assert with_acked or with_pending, f"cycle {cycle}: locked out (acked {acked})"
        assert not (with_acked and with_pending), f"cycle {cycle}: both passwords open the slot"
        current = acked if with_acked else pending
        if following is not None:
            child = following
    # The planted leftovers (and any real ones) were overwritten or ignored, never in the way.
    assert leftovers <= ROTATE_CYCLES


# --- DB-09 ------------------------------------------------------------------------------------

BACKUP_CYCLES = 10


def test_db09_kill_during_backups_leaves_only_complete_backups(
    crash_office: Office, spawn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = crash_office
    rng = Random(20261125)
    folder = tmp_path / "usb"
    seen: dict[str, str] = {}  # final name → sha256 when first seen: never changes afterwards
    partials_seen = 0
    base = office.clock.now() + timedelta(days=7)

    def start_child(cycle: int) -> Child:
        at = (base + timedelta(hours=cycle)).isoformat()
        return spawn("backup", str(office.data.data_dir), MANAGER_LOGIN, str(folder), at)

    child = start_child(0)
    for cycle in range(BACKUP_CYCLES):
        child.go(MANAGER_PASSWORD)
        child.wait_for("ACK ")
        time.sleep(rng.uniform(0.050, 0.400))
        child.kill()
        following = start_child(cycle + 1) if cycle + 1 < BACKUP_CYCLES else None
        acked = [Path(ack[0]) for ack in child.acks()]

        finals = sorted(folder.glob("*.mndbackup"))
        partials = sorted(folder.glob("*.partial"))
        partials_seen += len(partials)
        assert all(path.exists() for path in acked), f"cycle {cycle}: acked backup missing"
        assert not set(partials) & set(finals)
        assert all(not path.name.endswith(".partial") for path in finals)
        for path in partials:
            assert path.name.endswith(".mndbackup.partial")

        session = auth.sign_in(
            office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock, record=False
        )
        data_key = session.vault.data_key_copy()
        try:
            _assert_database_sound(session)
            vault_id = session.vault.vault_id
            recorded = {
                row[0] for row in session.vault.conn.execute("SELECT file_name FROM backup_record")
            }
        finally:
            session.close()
        # A backup is recorded only after it has its final name.
        assert recorded <= {path.name for path in finals}

        try:
            for path in finals:
                digest = backup_files._sha256_file(path)
                if path.name in seen:
                    assert seen[path.name] == digest, f"{path.name} changed after completion"
                    continue
                seen[path.name] = digest
                assert backup_files.read_header(path).vault_id == vault_id
                # Every chunk authenticates and the database inside passes both checks.
                check = tmp_path / f"check-{cycle}.db"
                backup_files.extract_database(path, data_key, check)
                check.unlink()
        finally:
            crypto.zero(data_key)

        # The newest one restores on a fresh PC with the recovery key.
        newest = finals[-1]
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

        if following is not None:
            child = following
    assert len(seen) >= BACKUP_CYCLES
