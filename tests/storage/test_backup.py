"""DB-09: backups verify after writing, restore on this PC or another, and refuse damage."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app import errors
from app.domain.my_number import looks_like_number
from app.services import auth, backup, staff
from storage import backup as backup_files
from storage.vault import VaultPaths
from tests.conftest import CLERK_PASSWORD, MANAGER_LOGIN, MANAGER_PASSWORD, Office, add_member


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.fixture
def backed_up(office: Office, tmp_path: Path) -> Path:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    done = backup.make_backup(office.manager, tmp_path / "usb")
    assert done.path.suffix == ".mndbackup"
    assert not list((tmp_path / "usb").glob("*.partial"))
    return done.path


def test_backup_is_recorded_and_audited(office: Office, backed_up: Path) -> None:
    conn = office.manager.vault.conn
    row = conn.execute("SELECT file_name, size, sha256 FROM backup_record").fetchone()
    assert row[0] == backed_up.name
    assert row[1] == backed_up.stat().st_size
    assert row[2] == hashlib.sha256(backed_up.read_bytes()).hexdigest()
    actions = [r[0] for r in conn.execute("SELECT action FROM audit_log")]
    assert "backup.created" in actions
    assert not list(office.data.data_dir.glob(".backup-snapshot*"))


def test_restore_on_another_pc_with_the_recovery_key(
    office: Office, backed_up: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MYNUMBER_DESK_TEST_KEYRING_FILE", str(tmp_path / "new-pc.json"))
    target = VaultPaths(tmp_path / "new-pc-data")
    session = backup.restore_backup(
        target, backed_up, office.clock, recovery_key_text=office.recovery_key_text
    )
    assert session.vault.rebound
    session.close()
    # Every member keeps their password on the new PC.
    for login, password in ((MANAGER_LOGIN, MANAGER_PASSWORD), ("tanaka", CLERK_PASSWORD)):
        member = auth.sign_in(target, login, password, office.clock)
        member.close()
    check = auth.sign_in(target, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    actions = [r[0] for r in check.vault.conn.execute("SELECT action FROM audit_log")]
    assert "vault.restored" in actions
    assert check.vault.verify_audit().seq > 0
    check.close()


def test_restore_on_the_same_pc_with_a_password_replaces_and_keeps_the_old_files(
    office: Office, backed_up: Path
) -> None:
    staff.create_staff(
        office.manager,
        login="later",
        display_name="後日 追加",
        roles=["clerk"],
        scopes=[],
        initial_password="Cedar-Window-Lake-19",
    )
    office.manager.close()
    with pytest.raises(errors.AlreadyInitialized):
        backup.restore_backup(
            office.data, backed_up, office.clock, login=MANAGER_LOGIN, password=MANAGER_PASSWORD
        )
    session = backup.restore_backup(
        office.data,
        backed_up,
        office.clock,
        login=MANAGER_LOGIN,
        password=MANAGER_PASSWORD,
        replace=True,
    )
    logins = {r[0] for r in session.vault.conn.execute("SELECT login_name FROM staff")}
    assert logins == {MANAGER_LOGIN, "tanaka"}
    # The restored (older) log is accepted explicitly, and the chain with its anchor verifies.
    assert session.vault.verify_audit().seq > 0
    session.close()
    aside = list(office.data.data_dir.glob("replaced-*"))
    assert len(aside) == 1 and (aside[0] / "vault.db").exists()
    # The access log names the folder; a name that looks like a number would be hidden there.
    assert not looks_like_number(aside[0].name)


@pytest.mark.parametrize("damage", ["truncate", "flip-body", "flip-header", "append", "empty"])
def test_damaged_backup_is_refused_and_nothing_is_overwritten(
    office: Office, backed_up: Path, tmp_path: Path, damage: str
) -> None:
    raw = bytearray(backed_up.read_bytes())
    if damage == "truncate":
        raw = raw[: len(raw) // 2]
    elif damage == "flip-body":
        raw[-100] ^= 0x40
    elif damage == "flip-header":
        raw[40] ^= 0x01
    elif damage == "append":
        raw += b"extra"
    else:
        raw = bytearray()
    broken = tmp_path / "broken.mndbackup"
    broken.write_bytes(bytes(raw))
    office.manager.close()
    before = _hashes(office.data.data_dir)
    with pytest.raises((errors.BackupRejected, errors.KeyFileDamaged)):
        backup.restore_backup(
            office.data,
            broken,
            office.clock,
            recovery_key_text=office.recovery_key_text,
            replace=True,
        )
    assert _hashes(office.data.data_dir) == before
    empty = VaultPaths(tmp_path / "empty")
    with pytest.raises((errors.BackupRejected, errors.KeyFileDamaged)):
        backup.restore_backup(
            empty, broken, office.clock, recovery_key_text=office.recovery_key_text
        )
    assert not empty.database.exists()


def test_wrong_password_or_key_restores_nothing(
    office: Office, backed_up: Path, tmp_path: Path
) -> None:
    target = VaultPaths(tmp_path / "t")
    with pytest.raises(errors.SignInFailed):
        backup.restore_backup(
            target, backed_up, office.clock, login=MANAGER_LOGIN, password="Wrong-Password-Here-1"
        )
    from app.domain.recovery_key import RecoveryKey

    with pytest.raises(errors.RecoveryKeyRejected):
        backup.restore_backup(
            target, backed_up, office.clock, recovery_key_text=RecoveryKey(bytes(16)).display
        )
    assert not target.database.exists()


def test_backup_holds_no_plaintext(office: Office, backed_up: Path) -> None:
    raw = backed_up.read_bytes()
    for text in ("テスト事業所", "管理 花子", "signin.succeeded", "SQLite format 3"):
        assert text.encode("utf-8") not in raw
    header = backup_files.read_header(backed_up)
    assert header.vault_id == office.manager.vault.vault_id


def test_backup_to_an_unwritable_place_says_so(office: Office, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(errors.InvalidInput, match="書き込めません"):
        backup.make_backup(office.manager, blocker / "sub")


def test_clerk_may_not_make_a_backup(office: Office, tmp_path: Path) -> None:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    clerk = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    with pytest.raises(errors.PermissionDenied):
        backup.make_backup(clerk, tmp_path / "usb")
    clerk.close()
    denied = office.manager.vault.conn.execute(
        "SELECT actor_name, detail FROM audit_log WHERE action = 'access.denied'"
    ).fetchall()
    assert denied == [("tanaka", '{"permission": "make_backup"}')]


def test_a_partial_file_left_by_a_killed_backup_is_removed_by_the_next(
    office: Office, backed_up: Path
) -> None:
    leftover = backed_up.parent / "mynumber-desk-2026-01-01_000000.mndbackup.partial"
    leftover.write_bytes(b"half a backup")
    office.clock.advance(seconds=5)
    backup.make_backup(office.manager, backed_up.parent)
    assert not leftover.exists()
    assert len(list(backed_up.parent.glob("*.mndbackup"))) == 2
