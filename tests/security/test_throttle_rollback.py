"""Rolling one place back does not reset the count of wrong passwords (issue 14 item 8).

Wrong passwords used to be counted in keyslots.json alone (sign-ins) or in this PC's keyring
alone (restores into another folder): a member who copied the file aside, guessed, and copied it
back got fresh tries. Now every wrong password is counted in both, a try is refused while either
is locked, and each try is logged once. Tried here as the member would: the slot file copied
back, this PC's keyring (a JSON file in the tests) put back, an older backup restored.

What is not covered on purpose: a member who rolls back BOTH places (storage/pc_counter.py).
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from app import errors
from app.clock import FakeClock
from app.services import auth, backup, setup, staff
from storage import keyslots, keystore
from storage.vault import VaultPaths
from tests.conftest import CLERK_PASSWORD, MANAGER_LOGIN, MANAGER_PASSWORD, Office

WRONG = "Wrong-Guess-Apple-12"
CLERK = "tanaka"


def _wrong_sign_ins(office: Office, count: int) -> list[int | None]:
    """`count` wrong passwords for the clerk; the tries left after each (None: locked)."""
    left: list[int | None] = []
    for _ in range(count):
        try:
            auth.sign_in(office.data, CLERK, WRONG, office.clock)
        except errors.SignInFailed as failed:
            left.append(failed.remaining)
        except errors.AccountLocked:
            left.append(None)
    return left


def _wrong_restores(office: Office, backup_file: Path, target: VaultPaths, count: int) -> None:
    for _ in range(count):
        with pytest.raises((errors.SignInFailed, errors.AccountLocked)):
            backup.restore_backup(
                target, backup_file, office.clock, login=CLERK, password=WRONG
            ).close()


def _failed_rows(office: Office) -> int:
    """Signs the manager in (which logs what is pending) and counts the failed tries logged."""
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    try:
        rows = session.vault.conn.execute(
            "SELECT count(*) FROM audit_log WHERE action IN ('signin.failed', 'restore.failed')"
            " AND actor_name = ?",
            (CLERK,),
        )
        return int(rows.fetchone()[0])
    finally:
        session.close()


def test_a_slot_file_copied_back_gives_no_fresh_tries(
    office: Office, backup_file: Path, kdf_calls: list[int]
) -> None:
    saved = office.data.slots.read_bytes()
    assert _wrong_sign_ins(office, 4) == [4, 3, 2, 1]
    office.data.slots.write_bytes(saved)
    # This PC counted the four as well: one try left, then locked.
    assert _wrong_sign_ins(office, 2) == [None, None]
    kdf_calls.clear()
    with pytest.raises(errors.AccountLocked):
        auth.sign_in(office.data, CLERK, CLERK_PASSWORD, office.clock)
    assert kdf_calls == []


def test_a_keyring_put_back_gives_no_fresh_tries(
    office: Office, backup_file: Path, keyring_file: Path
) -> None:
    saved = keyring_file.read_bytes()
    assert _wrong_sign_ins(office, 4) == [4, 3, 2, 1]
    keyring_file.write_bytes(saved)
    assert _wrong_sign_ins(office, 1) == [None]
    with pytest.raises(errors.AccountLocked):
        auth.sign_in(office.data, CLERK, CLERK_PASSWORD, office.clock)


def test_restoring_an_older_backup_keeps_the_lock_and_the_record(
    office: Office, backup_file: Path
) -> None:
    assert _wrong_sign_ins(office, 5) == [4, 3, 2, 1, None]
    # The manager restores the backup made before: its slot file knows no failure.
    backup.restore_backup(
        office.data,
        backup_file,
        office.clock,
        login=MANAGER_LOGIN,
        password=MANAGER_PASSWORD,
        replace=True,
    ).close()
    with pytest.raises(errors.AccountLocked):
        auth.sign_in(office.data, CLERK, CLERK_PASSWORD, office.clock)
    # The five wrong passwords reach the restored access log, once.
    assert _failed_rows(office) == 5
    assert _failed_rows(office) == 5


@pytest.mark.parametrize("rolled_back", ["nothing", "slot file", "keyring"])
def test_each_wrong_password_is_logged_once(
    office: Office, backup_file: Path, keyring_file: Path, rolled_back: str
) -> None:
    place = {"slot file": office.data.slots, "keyring": keyring_file}.get(rolled_back)
    saved = place.read_bytes() if place else b""
    assert _wrong_sign_ins(office, 3) == [4, 3, 2]
    if place:
        place.write_bytes(saved)
    assert _failed_rows(office) == 3
    assert _failed_rows(office) == 3


def test_a_sign_in_clears_both_counts(office: Office, backup_file: Path, tmp_path: Path) -> None:
    scratch = VaultPaths(tmp_path / "scratch")
    # Counted on this PC only (the scratch folder has no slot file) and in both places.
    _wrong_restores(office, backup_file, scratch, 2)
    assert _wrong_sign_ins(office, 2) == [2, 1]
    auth.sign_in(office.data, CLERK, CLERK_PASSWORD, office.clock).close()
    # Both counts start again: four more wrong restores still leave a try.
    for left in (4, 3, 2, 1):
        with pytest.raises(errors.SignInFailed) as failed:
            backup.restore_backup(
                scratch, backup_file, office.clock, login=CLERK, password=WRONG
            ).close()
        assert failed.value.remaining == left


def test_a_manager_unlock_clears_both_counts(
    office: Office, backup_file: Path, tmp_path: Path
) -> None:
    saved = office.data.slots.read_bytes()
    assert _wrong_sign_ins(office, 5) == [4, 3, 2, 1, None]
    office.data.slots.write_bytes(saved)
    manager = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    try:
        # The staff page shows the lock this PC keeps, though the slot file forgot it.
        listed = {m.login_name: m for m in staff.list_staff(manager)}
        assert listed[CLERK].locked_until is not None
        staff.unlock_staff(manager, CLERK)
    finally:
        manager.close()
    auth.sign_in(office.data, CLERK, CLERK_PASSWORD, office.clock).close()

    # Locked by wrong restores into another folder alone: the sign-in is refused as well,
    # and the manager's unlock opens both.
    scratch = VaultPaths(tmp_path / "scratch")
    _wrong_restores(office, backup_file, scratch, 5)
    with pytest.raises(errors.AccountLocked):
        auth.sign_in(office.data, CLERK, CLERK_PASSWORD, office.clock)
    manager = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    staff.unlock_staff(manager, CLERK)
    manager.close()
    backup.restore_backup(
        scratch, backup_file, office.clock, login=CLERK, password=CLERK_PASSWORD
    ).close()


def _disk_full(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_on_a_full_disk_failed_sign_ins_are_counted_on_this_pc(
    office: Office, backup_file: Path, monkeypatch: pytest.MonkeyPatch, kdf_calls: list[int]
) -> None:
    monkeypatch.setattr(keyslots, "write_atomic", _disk_full)
    for _ in range(5):
        with pytest.raises(errors.DiskFull):
            auth.sign_in(office.data, CLERK, WRONG, office.clock)
    kdf_calls.clear()
    with pytest.raises(errors.AccountLocked):
        auth.sign_in(office.data, CLERK, CLERK_PASSWORD, office.clock)
    assert kdf_calls == []


def test_a_keyring_that_refuses_writes_still_counts_in_the_slot_file(
    office: Office, backup_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.support.file_keyring import FileKeyring

    monkeypatch.setattr(FileKeyring, "set_password", _disk_full)
    for _ in range(5):
        with pytest.raises(errors.KeystoreUnavailable):
            auth.sign_in(office.data, CLERK, WRONG, office.clock)
    with pytest.raises(errors.AccountLocked):
        auth.sign_in(office.data, CLERK, CLERK_PASSWORD, office.clock)


def test_a_demo_folder_on_a_full_disk_refuses_cleanly(
    data: VaultPaths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Demo folders keep this PC's secrets in a file beside the data, on the same disk.
    result = setup.initialize(
        data,
        office_name="テスト事業所",
        admin_login=MANAGER_LOGIN,
        admin_display_name="管理 花子",
        admin_password=MANAGER_PASSWORD,
        clock=clock,
        insecure_file_secret=True,
    )
    result.session.close()
    monkeypatch.setattr(keyslots, "write_atomic", _disk_full)
    monkeypatch.setattr(keystore, "write_atomic", _disk_full)
    with pytest.raises(errors.DiskFull):
        auth.sign_in(data, MANAGER_LOGIN, WRONG, clock)
