"""`restore` with a staff password is counted like a sign-in (issue 14 item 8).

It used to be an unthrottled, unlogged password oracle: any number of wrong passwords against
the slots inside a backup, no lock, no record. Now a wrong password counts against the
sign-in counter of the folder restored into (when it holds the same database) and against
this PC's sign-in counter (any folder; storage/pc_counter.py), locks after as many tries as a sign-in, is refused
while locked before any password is derived, and is written into the access log at the next
sign-in. Rolling one of the two places back is tried in test_throttle_rollback.py.
"""

from __future__ import annotations

import errno
from datetime import timedelta
from pathlib import Path

import pytest

from app import errors
from app.services import auth, backup, staff
from storage import keyslots
from storage.vault import VaultPaths
from tests.conftest import CLERK_PASSWORD, MANAGER_LOGIN, MANAGER_PASSWORD, Office

WRONG = "Wrong-Guess-Apple-12"


def _restore(
    office: Office, target: VaultPaths, source: Path, password: str, *, replace: bool = False
) -> None:
    session = backup.restore_backup(
        target,
        source,
        office.clock,
        login=MANAGER_LOGIN,
        password=password,
        replace=replace,
    )
    session.close()


def _actions(office: Office) -> list[str]:
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    try:
        return [r[0] for r in session.vault.conn.execute("SELECT action FROM audit_log")]
    finally:
        session.close()


def test_wrong_passwords_into_a_scratch_folder_lock_and_are_logged(
    office: Office, backup_file: Path, tmp_path: Path, kdf_calls: list[int]
) -> None:
    scratch = VaultPaths(tmp_path / "scratch")
    for left in (4, 3, 2, 1):
        with pytest.raises(errors.SignInFailed) as failed:
            _restore(office, scratch, backup_file, WRONG)
        assert failed.value.remaining == left
    with pytest.raises(errors.AccountLocked) as locked:
        _restore(office, scratch, backup_file, WRONG)
    assert locked.value.until == office.clock.now() + timedelta(minutes=15)

    # Locked: refused before the password is tried, even the right one, and nothing written.
    kdf_calls.clear()
    with pytest.raises(errors.AccountLocked):
        _restore(office, scratch, backup_file, MANAGER_PASSWORD)
    assert kdf_calls == []
    assert not scratch.database.exists()

    office.clock.advance(minutes=16)
    _restore(office, scratch, backup_file, MANAGER_PASSWORD)
    assert scratch.database.exists()
    # The live data logs the failed restores at its next sign-in, once.
    assert _actions(office).count("restore.failed") == 5
    assert _actions(office).count("restore.failed") == 5


def test_wrong_passwords_over_the_live_data_count_as_failed_sign_ins(
    office: Office, backup_file: Path
) -> None:
    for _ in range(4):
        with pytest.raises(errors.SignInFailed):
            _restore(office, office.data, backup_file, WRONG, replace=True)
    with pytest.raises(errors.AccountLocked):
        _restore(office, office.data, backup_file, WRONG, replace=True)
    # The same counter as signing in: the account is locked there too.
    with pytest.raises(errors.AccountLocked):
        auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    office.clock.advance(minutes=16)
    actions = _actions(office)
    assert actions.count("restore.failed") == 5
    assert actions.count("signin.failed") == 0


def test_a_manager_unlock_clears_the_restore_lock(
    office: Office, backup_file: Path, tmp_path: Path
) -> None:
    scratch = VaultPaths(tmp_path / "scratch")
    for _ in range(5):
        with pytest.raises((errors.SignInFailed, errors.AccountLocked)):
            backup.restore_backup(
                scratch, backup_file, office.clock, login="tanaka", password=WRONG
            ).close()
    with pytest.raises(errors.AccountLocked):
        backup.restore_backup(
            scratch, backup_file, office.clock, login="tanaka", password=CLERK_PASSWORD
        ).close()
    manager = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    staff.unlock_staff(manager, "tanaka")
    manager.close()
    backup.restore_backup(
        scratch, backup_file, office.clock, login="tanaka", password=CLERK_PASSWORD
    ).close()


def _disk_full(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_on_a_full_disk_a_failed_restore_is_still_counted_and_says_so(
    office: Office, backup_file: Path, monkeypatch: pytest.MonkeyPatch, kdf_calls: list[int]
) -> None:
    # The data folder's disk refuses every file write (the slot file's save).
    monkeypatch.setattr(keyslots, "write_atomic", _disk_full)
    for _ in range(5):
        with pytest.raises(errors.DiskFull):
            _restore(office, office.data, backup_file, WRONG, replace=True)
    # Counted on this PC all the same: the next try is refused before any password is tried.
    kdf_calls.clear()
    with pytest.raises(errors.AccountLocked):
        _restore(office, office.data, backup_file, MANAGER_PASSWORD, replace=True)
    assert kdf_calls == []


def test_on_a_full_disk_a_failed_sign_in_says_so(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    office.manager.close()
    monkeypatch.setattr(keyslots, "write_atomic", _disk_full)
    with pytest.raises(errors.DiskFull):
        auth.sign_in(office.data, MANAGER_LOGIN, WRONG, office.clock)
